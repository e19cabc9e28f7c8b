package dev.nnc.bench;

import dev.nnc.runtime.rl.Environments;
import dev.nnc.runtime.rl.EpsilonGreedy;
import dev.nnc.runtime.rl.ReplayBuffer;
import dev.nnc.runtime.rl.Rollout;
import java.util.ArrayList;
import java.util.List;

/**
 * The network's share of a CartPole DQN (§7.5's QNet 4-64-64-2, batch 64, by hand in {@link HandDqn}):
 * acting (one observation through the network, epsilon-greedy, the environment's step, the replay
 * add) and learning (a batch of 64 drawn and fed, one Adam step) timed apart, in steps/s.
 */
final class DqnStepBench {
  private static final int BATCH = 64;

  private DqnStepBench() {}

  static void run(int reps) {
    try (HandDqn dqn = new HandDqn(4, 2, new int[] {64, 64}, 1e-3f, 0.99f, 1)) {
      Rollout rollout = new Rollout(Environments.cartpole(), 1);
      EpsilonGreedy act = new EpsilonGreedy(1.0, 0.05, 10_000, 1);
      ReplayBuffer replay = new ReplayBuffer(50_000, 4, 1);
      ReplayBuffer.Batch batch = new ReplayBuffer.Batch(BATCH, 4);
      int steps = 3000;
      List<Double> acting = new ArrayList<>();
      List<Double> learning = new ArrayList<>();
      long clock = 0;
      for (int rep = -1; rep < reps; rep++) { // one round to warm up
        long start = System.nanoTime();
        for (int i = 0; i < steps; i++) {
          replay.add(rollout.act(act.choose(dqn.values(rollout.observation()), clock++)));
        }
        double actRate = steps / ((System.nanoTime() - start) / 1e9);
        start = System.nanoTime();
        for (int i = 0; i < steps; i++) {
          replay.sample(batch);
          dqn.learn(batch);
        }
        double learnRate = steps / ((System.nanoTime() - start) / 1e9);
        if (rep >= 0) {
          acting.add(actRate);
          learning.add(learnRate);
        }
      }
      System.out.printf("  DQN by hand on TF Java (QNet 4-64-64-2, batch %d, Adam): acting %s steps/s (rounds %s),"
          + " learning %s steps/s (rounds %s)%n", BATCH, Results.fmt(Results.median(acting), 0),
          Results.join(acting, 0), Results.fmt(Results.median(learning), 0), Results.join(learning, 0));
    }
  }
}

package dev.nnc.bench;

import dev.nnc.runtime.rl.Environments;
import dev.nnc.runtime.rl.EpsilonGreedy;
import dev.nnc.runtime.rl.Greedy;
import dev.nnc.runtime.rl.Play;
import dev.nnc.runtime.rl.ReplayBuffer;
import dev.nnc.runtime.rl.Rng;
import dev.nnc.runtime.rl.Rollout;

/**
 * Whether the runtime's pieces learn: a CartPole DQN by hand ({@link HandDqn}) with RL Baselines3
 * Zoo's tuned hyper-parameters for CartPole-v1 (50,000 steps, 256-256, Adam 2.3e-3, batch 64,
 * replay 100,000 after 1,000 random steps, epsilon 1 to 0.04 over the first 16%, learning every
 * 256 steps 128 times, the target synced every 10 steps, gradients clipped to a global norm of 10),
 * with 20 greedy episodes every 5,000 steps and 100 at the end.
 */
final class DqnSolve {
  private DqnSolve() {}

  private static Play.Result greedy(HandDqn dqn, int episodes, long seed) {
    Greedy greedy = new Greedy();
    return Play.play(Environments.cartpole(), obs -> greedy.choose(dqn.values(obs), 0), episodes, seed);
  }

  static void run(long seed) {
    int steps = 50_000;
    int warmup = 1_000;
    int learnEvery = 256;
    int updates = 128;
    int syncEvery = 10;
    long start = System.nanoTime();
    try (HandDqn dqn = new HandDqn(4, 2, new int[] {256, 256}, 2.3e-3f, 0.99f, seed)) {
      Rollout rollout = new Rollout(Environments.cartpole(), seed);
      EpsilonGreedy act = new EpsilonGreedy(1.0, 0.04, (long) (0.16 * steps), seed);
      ReplayBuffer replay = new ReplayBuffer(100_000, 4, seed);
      ReplayBuffer.Batch batch = new ReplayBuffer.Batch(64, 4);
      Rng random = Rng.derived(seed, -1); // the warm-up's uniformly random actions
      System.out.printf("CartPole DQN by hand (seed %d), rl-zoo's hyper-parameters, %,d steps%n", seed, steps);
      for (long step = 0; step < steps; step++) {
        int action = step < warmup ? random.nextInt(2) : act.choose(dqn.values(rollout.observation()), step);
        replay.add(rollout.act(action));
        if (step >= warmup && (step + 1) % learnEvery == 0) {
          for (int u = 0; u < updates; u++) {
            replay.sample(batch);
            dqn.learn(batch);
          }
        }
        if ((step + 1) % syncEvery == 0) {
          dqn.sync();
        }
        if ((step + 1) % 5_000 == 0) {
          // What early stopping on the greedy return would see: 20 greedy episodes now.
          System.out.printf("  step %,6d  episode_return %6.1f  epsilon %.3f  greedy over 20 episodes %6.1f  (%.0f s)%n",
              step + 1, rollout.stats().meanReturn(), act.epsilon(step), greedy(dqn, 20, seed + 1).mean(),
              (System.nanoTime() - start) / 1e9);
        }
      }
      System.out.printf("  greedy at the end: %s (%.0f s in all)%n", greedy(dqn, 100, seed + 1).line(),
          (System.nanoTime() - start) / 1e9);
    }
  }
}

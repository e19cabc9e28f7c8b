package dev.nnc.bench;

import dev.nnc.runtime.rl.Environments;
import dev.nnc.runtime.rl.EpsilonGreedy;
import dev.nnc.runtime.rl.ReplayBuffer;
import dev.nnc.runtime.rl.Rng;
import dev.nnc.runtime.rl.Rollout;
import dev.nnc.runtime.rl.Transition;
import java.util.ArrayList;
import java.util.List;

/**
 * What acting costs apart from the network: environment steps per second of each built-in
 * environment, driven as a job drives it (a {@link Rollout} with its automatic resets, an
 * epsilon-greedy choice, each transition added to a replay buffer), and how fast the replay buffer
 * fills DQN batches (64 transitions from 50,000, CartPole's observations). Rounds of about half a
 * second each, medians.
 */
final class RlBench {
  private static final int BATCH = 64;
  private static final int CAPACITY = 50_000;

  private RlBench() {}

  static void run(int reps) {
    System.out.printf("reinforcement learning without the network: %d rounds each, medians%n", reps);
    for (String name : Environments.names()) {
      acting(name, reps);
    }
    sampling(reps);
  }

  /** Steps/s of the environment alone, and of the whole acting path around it. */
  private static void acting(String name, int reps) {
    int steps = name.equals("acrobot") ? 200_000 : 1_000_000;
    List<Double> bare = new ArrayList<>();
    List<Double> path = new ArrayList<>();
    for (int rep = -2; rep < reps; rep++) { // two rounds to warm the JIT
      double b = bareSteps(name, steps, rep);
      double p = actingPath(name, steps, rep);
      if (rep >= 0) {
        bare.add(b);
        path.add(p);
      }
    }
    System.out.printf("  %-13s environment %12s steps/s; rollout + epsilon-greedy + replay add %12s steps/s%n", name,
        Results.fmt(Results.median(bare), 0), Results.fmt(Results.median(path), 0));
  }

  private static double bareSteps(String name, int steps, long seed) {
    var env = Environments.named(name);
    Rng rng = new Rng(seed);
    env.reset(seed);
    double sink = 0;
    long start = System.nanoTime();
    for (int i = 0; i < steps; i++) {
      var step = env.step(rng.nextInt(env.actions()));
      sink += step.observation()[0];
      if (step.ended()) {
        env.reset(rng.nextLong());
      }
    }
    return rate(steps, start, sink);
  }

  private static double actingPath(String name, int steps, long seed) {
    var env = Environments.named(name);
    Rollout rollout = new Rollout(env, seed);
    EpsilonGreedy act = new EpsilonGreedy(1.0, 0.05, steps / 2, seed);
    ReplayBuffer replay = new ReplayBuffer(CAPACITY, env.observationShape()[0], seed);
    float[] q = new float[env.actions()];
    double sink = 0;
    long start = System.nanoTime();
    for (int i = 0; i < steps; i++) {
      // The network's Q-values are stood in for by the observation, so the arg-max has something to choose.
      System.arraycopy(rollout.observation(), 0, q, 0, Math.min(q.length, rollout.observation().length));
      Transition t = rollout.act(act.choose(q, i));
      replay.add(t);
      sink += t.reward();
    }
    return rate(steps, start, sink);
  }

  /** Batches/s of 64 transitions drawn from a full buffer of 50,000 CartPole transitions. */
  private static void sampling(int reps) {
    ReplayBuffer replay = new ReplayBuffer(CAPACITY, 4, 1);
    Rollout rollout = new Rollout(Environments.cartpole(), 1);
    Rng policy = new Rng(2);
    for (int i = 0; i < CAPACITY; i++) {
      replay.add(rollout.act(policy.nextInt(2)));
    }
    ReplayBuffer.Batch batch = new ReplayBuffer.Batch(BATCH, 4);
    int batches = 200_000;
    List<Double> rates = new ArrayList<>();
    for (int rep = -2; rep < reps; rep++) {
      double sink = 0;
      long start = System.nanoTime();
      for (int i = 0; i < batches; i++) {
        replay.sample(batch);
        sink += batch.reward[i % BATCH];
      }
      double rate = rate(batches, start, sink);
      if (rep >= 0) {
        rates.add(rate);
      }
    }
    double median = Results.median(rates);
    System.out.printf("  replay sampling: %s batches/s of %d (%s transitions/s) from %,d; rounds %s%n",
        Results.fmt(median, 0), BATCH, Results.fmt(median * BATCH, 0), CAPACITY, Results.join(rates, 0));
  }

  private static double rate(int count, long start, double sink) {
    double seconds = (System.nanoTime() - start) / 1e9;
    if (Double.isNaN(sink)) {
      throw new IllegalStateException("NaN in an environment");
    }
    return count / seconds;
  }
}

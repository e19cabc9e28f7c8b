package dev.nnc.bench;

import dev.nnc.runtime.graph.Net;
import dev.nnc.runtime.rl.Environments;
import dev.nnc.runtime.rl.EpsilonGreedy;
import dev.nnc.runtime.rl.ReplayBuffer;
import dev.nnc.runtime.rl.Rollout;
import dev.nnc.runtime.rl.Transition;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * §7.5's CartPole DQN by hand on TF Java, to put the environment's and the replay buffer's cost
 * beside the network's: acting (one observation through QNet 4-64-64-2, epsilon-greedy, the
 * environment's step, the replay add) and learning (a batch of 64 drawn and fed, the target
 * network's max, the loss's gradients, an SGD step) timed apart, in steps/s.
 */
final class DqnStepBench {
  private static final int BATCH = 64;

  private DqnStepBench() {}

  static void run(int reps) {
    try (Graph graph = new Graph()) {
      Net net = Net.root(graph, 1);
      Ops tf = net.tf();
      Placeholder<TFloat32> state = tf.withName("state").placeholder(TFloat32.class);
      Placeholder<TFloat32> nextState = tf.withName("next_state").placeholder(TFloat32.class);
      Placeholder<TInt32> action = tf.withName("action").placeholder(TInt32.class);
      Placeholder<TFloat32> reward = tf.withName("reward").placeholder(TFloat32.class);
      Placeholder<TFloat32> done = tf.withName("done").placeholder(TFloat32.class);
      Operand<TFloat32> q = qNet(net.application("q"), state);
      Operand<TFloat32> next = qNet(net.application("target"), nextState);
      Operand<TFloat32> y = tf.stopGradient(tf.math.add(reward, tf.math.mul(tf.constant(0.99f),
          tf.math.mul(tf.math.sub(tf.constant(1f), done), tf.max(next, tf.constant(-1))))));
      Operand<TFloat32> picked = tf.sum(tf.math.mul(q, tf.oneHot(action, tf.constant(2), tf.constant(1f),
          tf.constant(0f))), tf.constant(-1));
      Operand<TFloat32> loss = tf.math.mean(tf.math.square(tf.math.sub(picked, y)), tf.constant(0));
      List<Net.Weight> weights = net.weightsOf("q");
      Output<?>[] gradients = graph.addGradients(loss.asOutput(),
          weights.stream().map(w -> w.read().asOutput()).toArray(Output<?>[]::new));
      List<Op> updates = new ArrayList<>();
      for (int i = 0; i < weights.size(); i++) {
        updates.add(tf.train.applyGradientDescent(weights.get(i).variable(), tf.constant(1e-3f),
            gradients[i].expect(TFloat32.class)));
      }
      Op learn = tf.withControlDependencies(updates).noOp();
      try (Session session = new Session(graph)) {
        Rollout rollout = new Rollout(Environments.cartpole(), 1);
        EpsilonGreedy act = new EpsilonGreedy(1.0, 0.05, 10_000, 1);
        ReplayBuffer replay = new ReplayBuffer(50_000, 4, 1);
        ReplayBuffer.Batch batch = new ReplayBuffer.Batch(BATCH, 4);
        int steps = 3000;
        List<Double> acting = new ArrayList<>();
        List<Double> learning = new ArrayList<>();
        long clock = 0;
        for (int rep = -1; rep < reps; rep++) {
          long start = System.nanoTime();
          for (int i = 0; i < steps; i++) {
            float[] values = forward(session, state, q, rollout.observation());
            Transition t = rollout.act(act.choose(values, clock++));
            replay.add(t);
          }
          double actRate = steps / ((System.nanoTime() - start) / 1e9);
          start = System.nanoTime();
          for (int i = 0; i < steps; i++) {
            replay.sample(batch);
            learn(session, learn, batch, state, nextState, action, reward, done);
          }
          double learnRate = steps / ((System.nanoTime() - start) / 1e9);
          if (rep >= 0) {
            acting.add(actRate);
            learning.add(learnRate);
          }
        }
        System.out.printf("  DQN by hand on TF Java (QNet 4-64-64-2, batch %d): acting %s steps/s (rounds %s),"
            + " learning %s steps/s (rounds %s)%n", BATCH, Results.fmt(Results.median(acting), 0),
            Results.join(acting, 0), Results.fmt(Results.median(learning), 0), Results.join(learning, 0));
      }
    }
  }

  private static Operand<TFloat32> qNet(Net net, Operand<TFloat32> x) {
    Operand<TFloat32> h = x;
    int in = 4;
    int[] sizes = {64, 64, 2};
    Ops tf = net.tf();
    for (int layer = 0; layer < sizes.length; layer++) {
      Net dense = net.scope("dense");
      int out = sizes[layer];
      Operand<TFloat32> kernel = dense.weight("kernel", Shape.of(in, out),
          (ops, shape, seed) -> ops.random.truncatedNormal(ops.constant(shape.asArray()), TFloat32.class,
              org.tensorflow.op.random.TruncatedNormal.seed(seed)), true);
      Operand<TFloat32> bias = dense.weight("bias", Shape.of(out),
          (ops, shape, seed) -> ops.zeros(ops.constant(shape.asArray()), TFloat32.class), true);
      h = tf.nn.biasAdd(tf.linalg.matMul(h, kernel), bias);
      if (layer < sizes.length - 1) {
        h = tf.nn.relu(h);
      }
      in = out;
    }
    return h;
  }

  private static float[] forward(Session session, Placeholder<TFloat32> state, Operand<TFloat32> q, float[] obs) {
    try (TFloat32 fed = TFloat32.tensorOf(Shape.of(1, 4), DataBuffers.of(obs, true, false));
        Result result = session.runner().feed(state, fed).fetch(q).run()) {
      float[] values = new float[2];
      ((TFloat32) result.get(0)).copyTo(DataBuffers.of(values, false, false));
      return values;
    }
  }

  private static void learn(Session session, Op learn, ReplayBuffer.Batch b, Placeholder<TFloat32> state,
      Placeholder<TFloat32> nextState, Placeholder<TInt32> action, Placeholder<TFloat32> reward,
      Placeholder<TFloat32> done) {
    try (TFloat32 s = TFloat32.tensorOf(Shape.of(b.size, 4), DataBuffers.of(b.state, true, false));
        TFloat32 n = TFloat32.tensorOf(Shape.of(b.size, 4), DataBuffers.of(b.nextState, true, false));
        TInt32 a = TInt32.tensorOf(Shape.of(b.size), DataBuffers.of(b.action, true, false));
        TFloat32 r = TFloat32.tensorOf(Shape.of(b.size), DataBuffers.of(b.reward, true, false));
        TFloat32 d = TFloat32.tensorOf(Shape.of(b.size), DataBuffers.of(b.done, true, false))) {
      session.runner().feed(state, s).feed(nextState, n).feed(action, a).feed(reward, r).feed(done, d)
          .addTarget(learn).run().close();
    }
  }
}

package dev.nnc.bench;

import dev.nnc.runtime.graph.Net;
import dev.nnc.runtime.train.OptimizerInputs;
import dev.nnc.runtime.train.optimizers.Adam;
import dev.nnc.runtime.rl.ReplayBuffer;
import dev.nnc.runtime.rl.TargetSync;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.framework.optimizers.Optimizer.GradAndVar;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.random.TruncatedNormal;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TType;

/**
 * §7.5's DQN step written by hand on TF Java, with the runtime's pieces around it: a Q-network and
 * its target, {@code y = reward + γ (1 - done) max target(next_state)}, the Huber loss of {@code
 * pick(q(state), action)} against it, Adam, and {@link TargetSync}. What a generated {@code env:}
 * job will do, for measuring and for checking that the pieces learn.
 */
final class HandDqn implements AutoCloseable {
  private final int observation;
  private final int actions;
  private final Graph graph = new Graph();
  private final Session session;
  private final Placeholder<TFloat32> state;
  private final Placeholder<TFloat32> nextState;
  private final Placeholder<TInt32> action;
  private final Placeholder<TFloat32> reward;
  private final Placeholder<TFloat32> done;
  /** The number of the update, from 1, for Adam's bias corrections. */
  private final Placeholder<TFloat32> update;
  private long updates;
  private final Operand<TFloat32> q;
  private final Op learn;
  private final Op sync;

  HandDqn(int observation, int actions, int[] hidden, float lr, float discount, long seed) {
    this.observation = observation;
    this.actions = actions;
    Net net = Net.root(graph, seed);
    Ops tf = net.tf();
    state = tf.withName("state").placeholder(TFloat32.class);
    nextState = tf.withName("next_state").placeholder(TFloat32.class);
    action = tf.withName("action").placeholder(TInt32.class);
    reward = tf.withName("reward").placeholder(TFloat32.class);
    done = tf.withName("done").placeholder(TFloat32.class);
    update = tf.withName("update").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
    int[] sizes = new int[hidden.length + 2];
    sizes[0] = observation;
    System.arraycopy(hidden, 0, sizes, 1, hidden.length);
    sizes[sizes.length - 1] = actions;
    q = qNet(net.application("q"), state, sizes);
    Operand<TFloat32> next = qNet(net.application("target"), nextState, sizes);
    Operand<TFloat32> y = tf.stopGradient(tf.math.add(reward, tf.math.mul(tf.constant(discount),
        tf.math.mul(tf.math.sub(tf.constant(1f), done), tf.max(next, tf.constant(-1))))));
    Operand<TFloat32> picked = tf.sum(tf.math.mul(q, tf.oneHot(action, tf.constant(actions), tf.constant(1f),
        tf.constant(0f))), tf.constant(-1));
    Operand<TFloat32> error = tf.math.abs(tf.math.sub(picked, y));
    Operand<TFloat32> huber = tf.select(tf.math.less(error, tf.constant(1f)),
        tf.math.mul(tf.constant(0.5f), tf.math.square(error)), tf.math.sub(error, tf.constant(0.5f)));
    Operand<TFloat32> loss = tf.math.mean(huber, tf.constant(0));
    List<Net.Weight> weights = net.weightsOf("q");
    Output<?>[] gradients = graph.addGradients(loss.asOutput(),
        weights.stream().map(w -> w.read().asOutput()).toArray(Output<?>[]::new));
    // Stable-Baselines3 clips the gradients' global norm at 10 (max_grad_norm).
    Operand<TFloat32> squares = tf.constant(0f);
    for (Output<?> gradient : gradients) {
      squares = tf.math.add(squares, tf.sum(tf.math.square(gradient.expect(TFloat32.class)),
          tf.range(tf.constant(0), tf.rank(gradient), tf.constant(1))));
    }
    Operand<TFloat32> scale = tf.math.minimum(tf.constant(1f), tf.math.div(tf.constant(10f), tf.math.sqrt(squares)));
    List<GradAndVar<? extends TType>> pairs = new ArrayList<>();
    for (int i = 0; i < weights.size(); i++) {
      pairs.add(new GradAndVar<>(tf.math.mul(gradients[i].expect(TFloat32.class), scale).asOutput(),
          weights.get(i).variable().asOutput()));
    }
    // nnc's own Adam, fed its update number: the framework's advances its beta powers in ops that
    // race with the updates reading them, so runs of the same seed would differ.
    learn = new Adam(graph, new OptimizerInputs(tf.constant(lr), update), 0.9, 0.999, 1e-8).applyGradients(pairs, "adam");
    sync = TargetSync.build(tf, net.weightsOf("target"), weights, 1.0);
    session = new Session(graph);
    sync();
  }

  /** Dense layers of the sizes given, ReLU between them. */
  private static Operand<TFloat32> qNet(Net net, Operand<TFloat32> x, int[] sizes) {
    Ops tf = net.tf();
    Operand<TFloat32> h = x;
    for (int layer = 1; layer < sizes.length; layer++) {
      Net dense = net.scope("dense");
      Operand<TFloat32> kernel = dense.weight("kernel", Shape.of(sizes[layer - 1], sizes[layer]),
          (ops, shape, seed) -> ops.math.mul(ops.random.truncatedNormal(ops.constant(shape.asArray()), TFloat32.class,
              TruncatedNormal.seed(seed)), ops.constant((float) Math.sqrt(2.0 / shape.size(0)))), true);
      Operand<TFloat32> bias = dense.weight("bias", Shape.of(sizes[layer]),
          (ops, shape, seed) -> ops.zeros(ops.constant(shape.asArray()), TFloat32.class), true);
      h = tf.nn.biasAdd(tf.linalg.matMul(h, kernel), bias);
      if (layer < sizes.length - 1) {
        h = tf.nn.relu(h);
      }
    }
    return h;
  }

  void sync() {
    session.runner().addTarget(sync).run().close();
  }

  float[] values(float[] obs) {
    try (TFloat32 fed = TFloat32.tensorOf(Shape.of(1, observation), DataBuffers.of(obs, true, false));
        Result result = session.runner().feed(state, fed).fetch(q).run()) {
      float[] values = new float[actions];
      ((TFloat32) result.get(0)).copyTo(DataBuffers.of(values, false, false));
      return values;
    }
  }

  void learn(ReplayBuffer.Batch b) {
    try (TFloat32 s = TFloat32.tensorOf(Shape.of(b.size, observation), DataBuffers.of(b.state, true, false));
        TFloat32 n = TFloat32.tensorOf(Shape.of(b.size, observation), DataBuffers.of(b.nextState, true, false));
        TInt32 a = TInt32.tensorOf(Shape.of(b.size), DataBuffers.of(b.action, true, false));
        TFloat32 r = TFloat32.tensorOf(Shape.of(b.size), DataBuffers.of(b.reward, true, false));
        TFloat32 d = TFloat32.tensorOf(Shape.of(b.size), DataBuffers.of(b.done, true, false));
        TFloat32 u = TFloat32.scalarOf(++updates)) {
      session.runner().feed(state, s).feed(nextState, n).feed(action, a).feed(reward, r).feed(done, d)
          .feed(update, u).addTarget(learn).run().close();
    }
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}

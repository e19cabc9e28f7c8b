package dev.nnc.stdlib.graph;

import dev.nnc.runtime.graph.Net;
import dev.nnc.stdlib.layers.Recurrent;
import dev.nnc.stdlib.spec.Args;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The graph half of {@link Recurrent}. The time loop is unrolled over the static sequence length,
 * because TensorFlow Java cannot differentiate through graph loops or the fused RNN kernels. With
 * {@code stateful: true} the initial state is a placeholder the trainer feeds with the state the
 * previous training step ended in ({@code Net.carry}); a sample job's net carries every recurrent
 * layer's state that way, to generate one step at a time.
 *
 * <p>It gives {@link Recurrent#OUT}, then the hidden state after the last step {@link Recurrent#H}
 * (the output itself unless {@code sequences: true}) and an LSTM's cell state {@link Recurrent#C},
 * each {@code [batch, units]}. Inputs after the sequence are the states to start from
 * ({@code initial:}), h then c; given, they replace the carried states of a stateful net.
 */
final class RecurrentGraph implements GraphBuilder {
  private final Recurrent op;

  RecurrentGraph(Recurrent op) {
    this.op = op;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Outputs build(Net net, Args args, List<Operand<?>> inputs, Map<String, Operand<?>> w) {
    Ops tf = net.tf();
    Operand<TFloat32> x = (Operand<TFloat32>) inputs.get(0);
    int steps = (int) x.shape().size(1);
    List<? extends Operand<TFloat32>> xs = tf.unstack(x, (long) steps, org.tensorflow.op.core.Unstack.axis(1L)).output();
    Cell cell = new Cell(tf, w);
    boolean given = inputs.size() > 1;
    boolean stateful = !given && (args.bool("stateful") || net.carriesEveryState());
    long units = args.integer("units");
    Operand<TFloat32> h0 = given ? (Operand<TFloat32>) inputs.get(1) : stateful ? initialState(net, x, units) : null;
    Operand<TFloat32> c0 = op != Recurrent.LSTM ? null
        : given ? (Operand<TFloat32>) inputs.get(2) : stateful ? initialState(net, x, units) : null;
    Operand<TFloat32> h = h0;
    Operand<TFloat32> c = c0;
    List<Operand<TFloat32>> outputs = new ArrayList<>();
    for (Operand<TFloat32> xt : xs) {
      Operand<TFloat32>[] state = cell.step(op, xt, h, c);
      h = state[0];
      c = state[1];
      outputs.add(h);
    }
    if (stateful) {
      net.carry(h0, h);
      if (c0 != null) {
        net.carry(c0, c);
      }
    }
    Map<String, Operand<?>> results = new LinkedHashMap<>();
    results.put(Recurrent.OUT, args.bool("sequences") ? tf.stack(outputs, org.tensorflow.op.core.Stack.axis(1L)) : h);
    results.put(Recurrent.H, h);
    if (c != null) {
      results.put(Recurrent.C, c);
    }
    return new Outputs(results);
  }

  /**
   * A stateful layer's initial state {@code [batch, units]}: what the trainer feeds (the state the
   * previous training step ended in), else zeros — at an epoch's start, in validation and serving.
   */
  private static Operand<TFloat32> initialState(Net net, Operand<TFloat32> x, long units) {
    Ops tf = net.tf();
    Operand<TInt32> batch = tf.gather(tf.shape(x), tf.constant(new int[] {0}), tf.constant(0));
    Operand<TFloat32> zeros = tf.fill(tf.concat(List.of(batch, tf.constant(new int[] {(int) units})), tf.constant(0)),
        tf.constant(0f));
    return tf.withName(net.uniqueName("initial_state"))
        .placeholderWithDefault(zeros, Shape.of(Shape.UNKNOWN_SIZE, units));
  }

  /** One time step of the three cells; a null state is the zero state of the first step. */
  private static final class Cell {
    private final Ops tf;
    private final Operand<TFloat32> kernel;
    private final Operand<TFloat32> recurrent;
    private final Operand<TFloat32> bias;
    private final Operand<TFloat32> recurrentBias;

    @SuppressWarnings("unchecked")
    Cell(Ops tf, Map<String, Operand<?>> w) {
      this.tf = tf;
      this.kernel = (Operand<TFloat32>) w.get("kernel");
      this.recurrent = (Operand<TFloat32>) w.get("recurrent_kernel");
      this.bias = (Operand<TFloat32>) w.get("bias");
      this.recurrentBias = (Operand<TFloat32>) w.get("recurrent_bias");
    }

    @SuppressWarnings("unchecked")
    Operand<TFloat32>[] step(Recurrent kind, Operand<TFloat32> x, Operand<TFloat32> h, Operand<TFloat32> c) {
      Operand<TFloat32> input = tf.math.add(tf.linalg.matMul(x, kernel), bias);
      if (kind == Recurrent.GRU) {
        return new Operand[] {gru(input, h), null};
      }
      Operand<TFloat32> z = h == null ? input : tf.math.add(input, tf.linalg.matMul(h, recurrent));
      if (kind == Recurrent.RNN) {
        return new Operand[] {tf.math.tanh(z), null};
      }
      List<? extends Operand<TFloat32>> g = split(z, 4);
      Operand<TFloat32> i = tf.math.sigmoid(g.get(0));
      Operand<TFloat32> candidate = tf.math.mul(i, tf.math.tanh(g.get(2)));
      Operand<TFloat32> cell = c == null ? candidate : tf.math.add(tf.math.mul(tf.math.sigmoid(g.get(1)), c), candidate);
      Operand<TFloat32> out = tf.math.mul(tf.math.sigmoid(g.get(3)), tf.math.tanh(cell));
      return new Operand[] {out, cell};
    }

    private Operand<TFloat32> gru(Operand<TFloat32> input, Operand<TFloat32> h) {
      Operand<TFloat32> hidden = h == null ? recurrentBias : tf.math.add(tf.linalg.matMul(h, recurrent), recurrentBias);
      List<? extends Operand<TFloat32>> xi = split(input, 3);
      List<? extends Operand<TFloat32>> hi = split(h == null ? tf.math.add(tf.zerosLike(input), hidden) : hidden, 3);
      Operand<TFloat32> update = tf.math.sigmoid(tf.math.add(xi.get(0), hi.get(0)));
      Operand<TFloat32> reset = tf.math.sigmoid(tf.math.add(xi.get(1), hi.get(1)));
      Operand<TFloat32> candidate = tf.math.tanh(tf.math.add(xi.get(2), tf.math.mul(reset, hi.get(2))));
      Operand<TFloat32> keep = tf.math.sub(tf.constant(1f), update);
      Operand<TFloat32> fresh = tf.math.mul(keep, candidate);
      return h == null ? fresh : tf.math.add(tf.math.mul(update, h), fresh);
    }

    private List<? extends Operand<TFloat32>> split(Operand<TFloat32> z, int parts) {
      return tf.split(tf.constant(1), z, (long) parts).output();
    }
  }
}

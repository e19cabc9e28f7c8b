package dev.nnc.stdlib.init;

import dev.nnc.runtime.graph.Initializer;
import dev.nnc.stdlib.spec.InitCall;
import dev.nnc.stdlib.spec.Param;
import dev.nnc.stdlib.spec.TensorShape;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.random.RandomUniform;
import org.tensorflow.op.random.TruncatedNormal;
import org.tensorflow.types.TFloat32;

/**
 * The graph half of the weight initializers ({@link InitializerBuiltin} defines them): each one's
 * TensorFlow ops, with Keras's definitions; {@code unit_forget_bias} is the LSTM bias's own.
 */
public final class Initializers {
  /** The LSTM bias of Keras's layers, which no program names. */
  private static final String UNIT_FORGET_BIAS = "unit_forget_bias";

  /** One initializer's ops from its arguments and the weight's fan-in and fan-out. */
  private interface Rule {
    Initializer create(double[] args, long[] fans);
  }

  /** Each initializer of the registry; InitializersTest checks every one has a rule here. */
  private static final Map<InitializerBuiltin, Rule> RULES = Map.of(
      InitializerBuiltin.ZEROS, (args, fans) -> constant(0),
      InitializerBuiltin.ONES, (args, fans) -> constant(1),
      InitializerBuiltin.CONSTANT, (args, fans) -> constant(args[0]),
      InitializerBuiltin.GLOROT_UNIFORM, (args, fans) -> uniform(Math.sqrt(6.0 / (fans[0] + fans[1]))),
      InitializerBuiltin.GLOROT_NORMAL, (args, fans) -> truncatedNormal(Math.sqrt(2.0 / (fans[0] + fans[1]))),
      InitializerBuiltin.HE_NORMAL, (args, fans) -> truncatedNormal(Math.sqrt(2.0 / fans[0])),
      InitializerBuiltin.LECUN_NORMAL, (args, fans) -> truncatedNormal(Math.sqrt(1.0 / fans[0])),
      InitializerBuiltin.NORMAL, (args, fans) -> normal(args[0], args[1]),
      InitializerBuiltin.UNIFORM, (args, fans) -> uniformRange(args[0], args[1]),
      InitializerBuiltin.ORTHOGONAL, (args, fans) -> orthogonal());

  private Initializers() {}

  /** The initializer an {@code init:} argument names, for a weight of {@code shape}. */
  public static Initializer of(Object spec, TensorShape shape) {
    String name = spec instanceof InitCall call ? call.name() : spec.toString();
    if (name.equals(UNIT_FORGET_BIAS)) {
      return unitForgetBias();
    }
    InitializerBuiltin definition = InitializerBuiltin.named(name)
        .orElseThrow(() -> new IllegalArgumentException("unknown initializer " + name));
    double[] args = arguments(definition, spec instanceof InitCall call ? call.args() : List.of());
    Rule rule = RULES.get(definition);
    if (rule == null) {
      throw new IllegalStateException("the initializer " + name + " has no ops: add them to Initializers.RULES");
    }
    return rule.create(args, fans(shape.sizes()));
  }

  /** The initializer's arguments; those left out take its definition's defaults. */
  private static double[] arguments(InitializerBuiltin definition, List<Double> given) {
    List<Param> params = definition.signature().params();
    double[] args = new double[params.size()];
    for (int i = 0; i < args.length; i++) {
      args[i] = i < given.size() ? given.get(i) : ((Number) params.get(i).defaultValue()).doubleValue();
    }
    return args;
  }

  /** Keras's fan-in and fan-out: kernels {@code [..window, in, out]} count the window in both. */
  static long[] fans(long[] shape) {
    if (shape.length == 0) {
      return new long[] {1, 1};
    }
    if (shape.length == 1) {
      return new long[] {shape[0], shape[0]};
    }
    long receptive = 1;
    for (int i = 0; i < shape.length - 2; i++) {
      receptive *= shape[i];
    }
    return new long[] {shape[shape.length - 2] * receptive, shape[shape.length - 1] * receptive};
  }

  /**
   * Keras's Orthogonal: the Q of a QR decomposition of a normal matrix, taller than wide, transposed
   * back when the weight is wider than tall. Used for recurrent kernels.
   */
  private static Initializer orthogonal() {
    return (tf, shape, seed) -> {
      long rows = shape.size(0);
      long cols = shape.size(1);
      boolean wide = rows < cols;
      var normal = tf.random.randomStandardNormal(
          tf.constant(wide ? new long[] {cols, rows} : new long[] {rows, cols}), TFloat32.class,
          org.tensorflow.op.random.RandomStandardNormal.seed(seed).seed2(seed + 1));
      Operand<TFloat32> q = tf.linalg.qr(normal).q();
      return wide ? tf.linalg.transpose(q, tf.constant(new int[] {1, 0})) : q;
    };
  }

  /** The LSTM bias of Keras ({@code unit_forget_bias}): zeros, but ones for the forget gate (the second quarter). */
  private static Initializer unitForgetBias() {
    return (tf, shape, seed) -> {
      int units = (int) (shape.size(0) / 4);
      float[] values = new float[4 * units];
      java.util.Arrays.fill(values, units, 2 * units, 1f);
      return tf.constant(values);
    };
  }

  private static Initializer constant(double value) {
    return (tf, shape, seed) -> tf.fill(tf.constant(shape.asArray()), tf.constant((float) value));
  }

  private static Initializer uniform(double limit) {
    return uniformRange(-limit, limit);
  }

  private static Initializer uniformRange(double lo, double hi) {
    return (tf, shape, seed) -> {
      Operand<TFloat32> u =
          tf.random.randomUniform(tf.constant(shape.asArray()), TFloat32.class,
              RandomUniform.seed(seed).seed2(seed + 1));
      return tf.math.add(tf.math.mul(u, tf.constant((float) (hi - lo))), tf.constant((float) lo));
    };
  }

  /** A normal truncated at two standard deviations, scaled as Keras's variance-scaling initializers do. */
  private static Initializer truncatedNormal(double std) {
    // 0.8796... is the standard deviation of a unit normal truncated to [-2, 2].
    return normalOf(std / 0.87962566103423978, 0, true);
  }

  private static Initializer normal(double mean, double std) {
    return normalOf(std, mean, false);
  }

  private static Initializer normalOf(double std, double mean, boolean truncated) {
    return (Ops tf, Shape shape, long seed) -> {
      var dims = tf.constant(shape.asArray());
      Operand<TFloat32> z =
          truncated
              ? tf.random.truncatedNormal(dims, TFloat32.class, TruncatedNormal.seed(seed).seed2(seed + 1))
              : tf.random.randomStandardNormal(dims, TFloat32.class,
                  org.tensorflow.op.random.RandomStandardNormal.seed(seed).seed2(seed + 1));
      return tf.math.add(tf.math.mul(z, tf.constant((float) std)), tf.constant((float) mean));
    };
  }
}

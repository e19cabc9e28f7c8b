package dev.nnc.stdlib.graph;

import dev.nnc.runtime.graph.Net;
import dev.nnc.stdlib.layers.Activation;
import dev.nnc.stdlib.spec.Args;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.nn.LeakyRelu;
import org.tensorflow.types.TFloat32;

/** The graph half of the {@link Activation}s, and of a layer's {@code activation:}. */
final class ActivationGraph implements OneOutput {
  private final Activation activation;

  ActivationGraph(Activation activation) {
    this.activation = activation;
  }

  /** Applies the activation named by a layer's {@code activation:} argument ({@code none}: identity). */
  static Operand<TFloat32> apply(Net net, String name, Operand<TFloat32> x) {
    if (name.equals("none")) {
      return x;
    }
    Activation activation =
        Activation.ALL.stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
    return build(activation, net, Args.of(activation.signature()), x);
  }

  @Override
  @SuppressWarnings("unchecked")
  public Operand<?> output(Net net, Args args, List<Operand<?>> inputs, Map<String, Operand<?>> w) {
    return build(activation, net, args, (Operand<TFloat32>) inputs.get(0));
  }

  private static Operand<TFloat32> build(Activation activation, Net net, Args args, Operand<TFloat32> x) {
    Ops tf = net.tf();
    return switch (activation.name()) {
      case "relu" -> tf.nn.relu(x);
      case "sigmoid" -> tf.math.sigmoid(x);
      case "tanh" -> tf.math.tanh(x);
      case "softmax" -> softmax(tf, x, (int) args.integer("axis"));
      case "elu" -> elu(tf, x, args.real("alpha"));
      case "leaky_relu" -> tf.nn.leakyRelu(x, LeakyRelu.alpha((float) args.real("alpha")));
      case "selu" -> tf.nn.selu(x);
      case "gelu" -> tf.math.mul(
          tf.math.mul(x, tf.constant(0.5f)),
          tf.math.add(tf.constant(1f), tf.math.erf(tf.math.mul(x, tf.constant((float) (1 / Math.sqrt(2)))))));
      case "swish" -> tf.math.mul(x, tf.math.sigmoid(x));
      case "softplus" -> tf.math.softplus(x);
      case "log_softmax" -> logSoftmax(tf, x, (int) args.integer("axis"));
      default -> throw new IllegalArgumentException("no graph for activation " + activation.name());
    };
  }

  private static Operand<TFloat32> softmax(Ops tf, Operand<TFloat32> x, int axis) {
    int rank = x.shape().numDimensions();
    if (axis == -1 || axis == rank - 1) {
      return tf.nn.softmax(x);
    }
    // Another axis: the stable form exp(x - max) / sum, reduced along that axis.
    var along = tf.constant(axis);
    var shifted = tf.math.sub(x, tf.max(x, along, org.tensorflow.op.core.Max.keepDims(true)));
    var e = tf.math.exp(shifted);
    return tf.math.div(e, tf.sum(e, along, org.tensorflow.op.core.Sum.keepDims(true)));
  }

  private static Operand<TFloat32> logSoftmax(Ops tf, Operand<TFloat32> x, int axis) {
    int rank = x.shape().numDimensions();
    if (axis == -1 || axis == rank - 1) {
      return tf.nn.logSoftmax(x);
    }
    // Another axis: x - max - log(sum(exp(x - max))), reduced along that axis.
    var along = tf.constant(axis);
    var shifted = tf.math.sub(x, tf.max(x, along, org.tensorflow.op.core.Max.keepDims(true)));
    return tf.math.sub(shifted, tf.math.log(tf.sum(tf.math.exp(shifted), along, org.tensorflow.op.core.Sum.keepDims(true))));
  }

  private static Operand<TFloat32> elu(Ops tf, Operand<TFloat32> x, double alpha) {
    if (alpha == 1.0) {
      return tf.nn.elu(x);
    }
    // alpha * elu(min(x, 0)) + relu(x): the same function without a select.
    var negative = tf.nn.elu(tf.math.minimum(x, tf.constant(0f)));
    return tf.math.add(tf.math.mul(negative, tf.constant((float) alpha)), tf.nn.relu(x));
  }
}

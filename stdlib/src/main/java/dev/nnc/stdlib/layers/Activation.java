package dev.nnc.stdlib.layers;

import static dev.nnc.stdlib.spec.Param.optional;

import dev.nnc.runtime.graph.Net;
import dev.nnc.stdlib.Kind;
import dev.nnc.stdlib.TensorOpDefinition;
import dev.nnc.stdlib.spec.Args;
import dev.nnc.stdlib.spec.Param;
import dev.nnc.stdlib.spec.ParamType;
import dev.nnc.stdlib.spec.ShapeException;
import dev.nnc.stdlib.spec.Signature;
import dev.nnc.stdlib.spec.TensorType;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.nn.LeakyRelu;
import org.tensorflow.types.TFloat32;

/**
 * The element-wise activations ({@code relu}, {@code sigmoid}, ...), usable as stages, as functions
 * and as the {@code activation:} of a layer. They differ only in the TensorFlow ops they build, so one
 * class holds them, one constant each.
 */
public final class Activation extends TensorOpDefinition {
  public static final Activation RELU = new Activation("relu", "max(x, 0)", Form.RELU);
  public static final Activation SIGMOID = new Activation("sigmoid", "1 / (1 + exp(-x))", Form.SIGMOID);
  public static final Activation TANH = new Activation("tanh", "The hyperbolic tangent.", Form.TANH);
  public static final Activation SOFTMAX =
      new Activation("softmax", "exp(x) normalised to sum to 1 along an axis.", Form.SOFTMAX,
          optional("axis", ParamType.INT, -1L));
  public static final Activation ELU =
      new Activation("elu", "x for x > 0, alpha * (exp(x) - 1) otherwise.", Form.ELU,
          optional("alpha", ParamType.FLOAT, 1.0));
  public static final Activation LEAKY_RELU =
      new Activation("leaky_relu", "x for x > 0, alpha * x otherwise.", Form.LEAKY_RELU,
          optional("alpha", ParamType.FLOAT, 0.3));
  public static final Activation SELU = new Activation("selu", "The scaled ELU.", Form.SELU);
  public static final Activation GELU =
      new Activation("gelu", "x * Phi(x), the Gaussian error linear unit (exact form).", Form.GELU);
  public static final Activation SWISH = new Activation("swish", "x * sigmoid(x).", Form.SWISH);
  public static final Activation SOFTPLUS = new Activation("softplus", "log(1 + exp(x)).", Form.SOFTPLUS);

  public static final List<Activation> ALL =
      List.of(RELU, SIGMOID, TANH, SOFTMAX, ELU, LEAKY_RELU, SELU, GELU, SWISH, SOFTPLUS);

  private enum Form { RELU, SIGMOID, TANH, SOFTMAX, ELU, LEAKY_RELU, SELU, GELU, SWISH, SOFTPLUS }

  private final Form form;

  private Activation(String name, String doc, Form form, Param... params) {
    super(name, Kind.FUNCTION, doc, Signature.of(1, params));
    this.form = form;
  }

  /** Applies the activation named by a layer's {@code activation:} argument ({@code none}: identity). */
  public static Operand<TFloat32> apply(Net net, String name, Operand<TFloat32> x) {
    if (name.equals("none")) {
      return x;
    }
    Activation activation =
        ALL.stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
    return activation.build(net, Args.of(activation.signature()), x);
  }

  @Override
  public TensorType outputType(Args args, List<TensorType> inputs) throws ShapeException {
    TensorType x = inputs.get(0);
    if (form == Form.SOFTMAX) {
      long axis = args.integer("axis");
      if (axis < -x.rank() || axis >= x.rank()) {
        throw new ShapeException("softmax axis " + axis + " is out of range for " + x,
            "axes count from 0 (the batch) to " + (x.rank() - 1) + ", or from -1 (the last) backwards");
      }
    }
    return x;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Operand<?> build(Net net, Args args, List<Operand<?>> inputs, Map<String, Operand<?>> w) {
    return build(net, args, (Operand<TFloat32>) inputs.get(0));
  }

  private Operand<TFloat32> build(Net net, Args args, Operand<TFloat32> x) {
    Ops tf = net.tf();
    return switch (form) {
      case RELU -> tf.nn.relu(x);
      case SIGMOID -> tf.math.sigmoid(x);
      case TANH -> tf.math.tanh(x);
      case SOFTMAX -> softmax(tf, x, (int) args.integer("axis"));
      case ELU -> elu(tf, x, args.real("alpha"));
      case LEAKY_RELU -> tf.nn.leakyRelu(x, LeakyRelu.alpha((float) args.real("alpha")));
      case SELU -> tf.nn.selu(x);
      case GELU -> tf.math.mul(
          tf.math.mul(x, tf.constant(0.5f)),
          tf.math.add(tf.constant(1f), tf.math.erf(tf.math.mul(x, tf.constant((float) (1 / Math.sqrt(2)))))));
      case SWISH -> tf.math.mul(x, tf.math.sigmoid(x));
      case SOFTPLUS -> tf.math.softplus(x);
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

  private static Operand<TFloat32> elu(Ops tf, Operand<TFloat32> x, double alpha) {
    if (alpha == 1.0) {
      return tf.nn.elu(x);
    }
    // alpha * elu(min(x, 0)) + relu(x): the same function without a select.
    var negative = tf.nn.elu(tf.math.minimum(x, tf.constant(0f)));
    return tf.math.add(tf.math.mul(negative, tf.constant((float) alpha)), tf.nn.relu(x));
  }
}

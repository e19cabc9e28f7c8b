package dev.nnc.stdlib.layers;

import static dev.nnc.stdlib.spec.Param.optional;

import dev.nnc.stdlib.Kind;
import dev.nnc.stdlib.TensorOpDefinition;
import dev.nnc.stdlib.spec.Args;
import dev.nnc.stdlib.spec.Param;
import dev.nnc.stdlib.spec.ParamType;
import dev.nnc.stdlib.spec.ShapeException;
import dev.nnc.stdlib.spec.Signature;
import dev.nnc.stdlib.spec.TensorType;
import java.util.List;

/**
 * The element-wise activations ({@code relu}, {@code sigmoid}, ...), usable as stages, as functions
 * and as the {@code activation:} of a layer. They differ only in their graphs (ActivationGraph), so one
 * class holds them, one constant each.
 */
public final class Activation extends TensorOpDefinition {
  public static final Activation RELU = new Activation("relu", "max(x, 0)");
  public static final Activation SIGMOID = new Activation("sigmoid", "1 / (1 + exp(-x))");
  public static final Activation TANH = new Activation("tanh", "The hyperbolic tangent.");
  public static final Activation SOFTMAX =
      new Activation("softmax", "exp(x) normalised to sum to 1 along an axis.",
          optional("axis", ParamType.INT, -1L));
  public static final Activation ELU =
      new Activation("elu", "x for x > 0, alpha * (exp(x) - 1) otherwise.",
          optional("alpha", ParamType.FLOAT, 1.0));
  public static final Activation LEAKY_RELU =
      new Activation("leaky_relu", "x for x > 0, alpha * x otherwise.",
          optional("alpha", ParamType.FLOAT, 0.3));
  public static final Activation SELU = new Activation("selu", "The scaled ELU.");
  public static final Activation GELU =
      new Activation("gelu", "x * Phi(x), the Gaussian error linear unit (exact form).");
  public static final Activation SWISH = new Activation("swish", "x * sigmoid(x).");
  public static final Activation SOFTPLUS = new Activation("softplus", "log(1 + exp(x)).");
  public static final Activation LOG_SOFTMAX =
      new Activation("log_softmax", "log(softmax(x)) along an axis, computed stably.",
          optional("axis", ParamType.INT, -1L));

  public static final List<Activation> ALL =
      List.of(RELU, SIGMOID, TANH, SOFTMAX, ELU, LEAKY_RELU, SELU, GELU, SWISH, SOFTPLUS, LOG_SOFTMAX);

  private Activation(String name, String doc, Param... params) {
    super(name, Kind.FUNCTION, doc, Signature.of(1, params));
  }

  @Override
  public TensorType outputType(Args args, List<TensorType> inputs) throws ShapeException {
    TensorType x = inputs.get(0);
    if (this == SOFTMAX || this == LOG_SOFTMAX) {
      long axis = args.integer("axis");
      if (axis < -x.rank() || axis >= x.rank()) {
        throw new ShapeException(name() + " axis " + axis + " is out of range for " + x,
            "axes count from 0 (the batch) to " + (x.rank() - 1) + ", or from -1 (the last) backwards");
      }
    }
    return x;
  }
}

package dev.nnc.stdlib.layers;

import static dev.nnc.stdlib.spec.Param.named;
import static dev.nnc.stdlib.spec.Param.optional;
import static dev.nnc.stdlib.spec.Param.required;

import dev.nnc.stdlib.Kind;
import dev.nnc.stdlib.TensorOpDefinition;
import dev.nnc.stdlib.spec.Args;
import dev.nnc.stdlib.spec.Dim;
import dev.nnc.stdlib.spec.ParamType;
import dev.nnc.stdlib.spec.ShapeException;
import dev.nnc.stdlib.spec.Shapes;
import dev.nnc.stdlib.spec.Signature;
import dev.nnc.stdlib.spec.TensorShape;
import dev.nnc.stdlib.spec.TensorType;
import dev.nnc.stdlib.spec.WeightSpec;
import java.util.List;

/** {@code conv1d(filters, kernel)}: a convolution along the steps of {@code [steps, channels]}, as Keras's Conv1D. */
public final class Conv1d extends TensorOpDefinition {
  private static final Signature SIGNATURE =
      Signature.of(
          1,
          required("filters", ParamType.SIZE),
          required("kernel", ParamType.SIZE),
          optional("stride", ParamType.SIZE, 1L),
          named("padding", ParamType.oneOf("valid", "same"), "valid"),
          named("dilation", ParamType.SIZE, 1L),
          named("bias", ParamType.BOOL, true),
          named("activation", ParamType.ACTIVATION, "none"),
          named("init", ParamType.INITIALIZER, "glorot_uniform"));

  public Conv1d() {
    super("conv1d", Kind.LAYER, "A 1-D convolution along the steps of [steps, channels].", SIGNATURE);
  }

  @Override
  public TensorType outputType(Args args, List<TensorType> inputs) throws ShapeException {
    TensorType x = inputs.get(0);
    Shapes.requireRank("conv1d", x, 3, "[batch, steps, channels]", null);
    Shapes.knownLast("conv1d", x);
    Dim steps = Shapes.windowOutput(x.shape().dim(1), args.integer("kernel"), args.integer("stride"),
        args.integer("dilation"), args.string("padding"));
    if (steps.sizeOr(1) <= 0) {
      throw new ShapeException("conv1d with a kernel of " + args.integer("kernel") + " does not fit "
          + x.shape().dim(1) + " steps", "use `padding: same` or a smaller kernel");
    }
    return x.withShape(TensorShape.of(x.shape().dim(0), steps, Dim.of(args.integer("filters"))));
  }

  @Override
  public List<WeightSpec> weights(Args args, List<TensorType> inputs) {
    long channels = inputs.get(0).shape().last().sizeOr(-1);
    long filters = args.integer("filters");
    return Kernels.kernelAndBias(args, TensorShape.of(args.integer("kernel"), channels, filters), filters);
  }
}

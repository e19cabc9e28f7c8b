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

/** {@code conv2d(filters, kernel)}: a 2-D convolution over {@code [h, w, c]}, channels last. */
public final class Conv2d extends TensorOpDefinition {
  private static final Signature SIGNATURE =
      Signature.of(
          1,
          required("filters", ParamType.SIZE),
          required("kernel", ParamType.INT_OR_PAIR),
          optional("stride", ParamType.INT_OR_PAIR, 1L),
          named("padding", ParamType.oneOf("valid", "same"), "valid"),
          named("dilation", ParamType.INT_OR_PAIR, 1L),
          named("bias", ParamType.BOOL, true),
          named("activation", ParamType.ACTIVATION, "none"),
          named("init", ParamType.INITIALIZER, "glorot_uniform"));

  public Conv2d() {
    super("conv2d", Kind.LAYER, "A 2-D convolution over [h, w, channels] with `filters` output channels.", SIGNATURE);
  }

  @Override
  public TensorType outputType(Args args, List<TensorType> inputs) throws ShapeException {
    TensorType x = inputs.get(0);
    Shapes.requireRank("conv2d", x, 4, "[batch, height, width, channels]",
        "reshape the input to [height, width, channels], e.g. `reshape([28, 28, 1])`");
    Shapes.knownLast("conv2d", x);
    long[] kernel = args.pair("kernel");
    long[] stride = args.pair("stride");
    long[] dilation = args.pair("dilation");
    String padding = args.string("padding");
    TensorShape in = x.shape();
    Dim h = Shapes.windowOutput(in.dim(1), kernel[0], stride[0], dilation[0], padding);
    Dim w = Shapes.windowOutput(in.dim(2), kernel[1], stride[1], dilation[1], padding);
    if (h.sizeOr(1) <= 0 || w.sizeOr(1) <= 0) {
      throw new ShapeException(
          "conv2d with a " + kernel[0] + "x" + kernel[1] + " kernel does not fit an input of "
              + in.dim(1) + "x" + in.dim(2),
          "use `padding: same`, a smaller kernel, or a larger input");
    }
    return x.withShape(TensorShape.of(in.dim(0), h, w, Dim.of(args.integer("filters"))));
  }

  @Override
  public List<WeightSpec> weights(Args args, List<TensorType> inputs) {
    long channels = inputs.get(0).shape().last().sizeOr(-1);
    long[] kernel = args.pair("kernel");
    long filters = args.integer("filters");
    return Kernels.kernelAndBias(args, TensorShape.of(kernel[0], kernel[1], channels, filters), filters);
  }
}

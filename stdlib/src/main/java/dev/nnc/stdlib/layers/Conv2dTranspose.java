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

/**
 * {@code conv2d_transpose(filters, kernel, stride)}: the transposed convolution that upsamples in
 * decoders and DCGAN generators, as Keras's Conv2DTranspose (kernel {@code [k, k, filters, in]}).
 */
public final class Conv2dTranspose extends TensorOpDefinition {
  private static final Signature SIGNATURE =
      Signature.of(
          1,
          required("filters", ParamType.SIZE),
          required("kernel", ParamType.INT_OR_PAIR),
          optional("stride", ParamType.INT_OR_PAIR, 1L),
          named("padding", ParamType.oneOf("valid", "same"), "valid"),
          named("bias", ParamType.BOOL, true),
          named("activation", ParamType.ACTIVATION, "none"),
          named("init", ParamType.INITIALIZER, "glorot_uniform"));

  public Conv2dTranspose() {
    super("conv2d_transpose", Kind.LAYER, "A transposed 2-D convolution: upsamples by its stride.", SIGNATURE);
  }

  @Override
  public TensorType outputType(Args args, List<TensorType> inputs) throws ShapeException {
    TensorType x = inputs.get(0);
    Shapes.requireRank("conv2d_transpose", x, 4, "[batch, height, width, channels]", null);
    Shapes.knownLast("conv2d_transpose", x);
    long[] kernel = args.pair("kernel");
    long[] stride = args.pair("stride");
    boolean same = args.string("padding").equals("same");
    TensorShape s = x.shape();
    return x.withShape(TensorShape.of(s.dim(0), grown(s.dim(1), kernel[0], stride[0], same),
        grown(s.dim(2), kernel[1], stride[1], same), Dim.of(args.integer("filters"))));
  }

  /** Keras's output size: {@code in * stride} with same padding, {@code in * stride + max(kernel - stride, 0)} without. */
  public static Dim grown(Dim in, long kernel, long stride, boolean same) {
    if (!in.isKnown()) {
      return in;
    }
    long n = in.sizeOr(-1);
    return Dim.of(same ? n * stride : n * stride + Math.max(kernel - stride, 0));
  }

  @Override
  public List<WeightSpec> weights(Args args, List<TensorType> inputs) {
    long channels = inputs.get(0).shape().last().sizeOr(-1);
    long[] kernel = args.pair("kernel");
    long filters = args.integer("filters");
    return Kernels.kernelAndBias(args, TensorShape.of(kernel[0], kernel[1], filters, channels), filters);
  }
}

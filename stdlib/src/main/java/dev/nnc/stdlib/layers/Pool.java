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
import java.util.List;

/** {@code maxpool(size)} and {@code avgpool(size)}: 2-D pooling windows; the stride defaults to the size. */
public final class Pool extends TensorOpDefinition {
  private static final Signature SIGNATURE =
      Signature.of(
          1,
          required("size", ParamType.INT_OR_PAIR),
          optional("stride", ParamType.INT_OR_PAIR, "size"),
          named("padding", ParamType.oneOf("valid", "same"), "valid"));

  // After the signature: static fields initialise in order, and the constructor reads it.
  public static final Pool MAX = new Pool("maxpool", "The maximum of each window.");
  public static final Pool AVG = new Pool("avgpool", "The mean of each window.");

  private Pool(String name, String doc) {
    super(name, Kind.LAYER, doc, SIGNATURE);
  }

  /** The stride of a window: {@code stride:}, or the window's size when left out (Keras). */
  public static long[] stride(Args args) {
    return args.isGiven("stride") ? args.pair("stride") : args.pair("size");
  }

  @Override
  public TensorType outputType(Args args, List<TensorType> inputs) throws ShapeException {
    TensorType x = inputs.get(0);
    Shapes.requireRank(name(), x, 4, "[batch, height, width, channels]", null);
    long[] size = args.pair("size");
    long[] stride = stride(args);
    String padding = args.string("padding");
    TensorShape in = x.shape();
    Dim h = Shapes.windowOutput(in.dim(1), size[0], stride[0], 1, padding);
    Dim w = Shapes.windowOutput(in.dim(2), size[1], stride[1], 1, padding);
    if (h.sizeOr(1) <= 0 || w.sizeOr(1) <= 0) {
      throw new ShapeException(
          name() + " with a " + size[0] + "x" + size[1] + " window does not fit an input of "
              + in.dim(1) + "x" + in.dim(2),
          "use `padding: same` or a smaller window");
    }
    return x.withShape(TensorShape.of(in.dim(0), h, w, in.dim(3)));
  }
}

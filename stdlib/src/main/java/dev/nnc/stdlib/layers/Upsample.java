package dev.nnc.stdlib.layers;

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

/** {@code upsample(factor)}: each pixel repeated factor×factor times (nearest neighbour), as UpSampling2D. */
public final class Upsample extends TensorOpDefinition {
  private static final Signature SIGNATURE = Signature.of(1, required("factor", ParamType.INT_OR_PAIR));

  public Upsample() {
    super("upsample", Kind.LAYER, "Repeats each pixel factor x factor times: [h, w, c] -> [h*f, w*f, c].", SIGNATURE);
  }

  @Override
  public TensorType outputType(Args args, List<TensorType> inputs) throws ShapeException {
    TensorType x = inputs.get(0);
    Shapes.requireRank("upsample", x, 4, "[batch, height, width, channels]", null);
    long[] f = args.pair("factor");
    TensorShape s = x.shape();
    return x.withShape(TensorShape.of(s.dim(0), times(s.dim(1), f[0]), times(s.dim(2), f[1]), s.dim(3)));
  }

  private static Dim times(Dim d, long factor) {
    return d.isKnown() ? Dim.of(d.sizeOr(-1) * factor) : d;
  }
}

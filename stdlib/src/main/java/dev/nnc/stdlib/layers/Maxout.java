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
import dev.nnc.stdlib.spec.TensorType;
import java.util.List;

/** {@code maxout(k)}: the maximum of each group of k values of the last axis, {@code [.., d] -> [.., d / k]}. */
public final class Maxout extends TensorOpDefinition {
  private static final Signature SIGNATURE = Signature.of(1, required("k", ParamType.SIZE));

  public Maxout() {
    super("maxout", Kind.FUNCTION, "The maximum of each group of k values of the last axis.", SIGNATURE);
  }

  @Override
  public TensorType outputType(Args args, List<TensorType> inputs) throws ShapeException {
    TensorType x = inputs.get(0);
    long d = Shapes.knownLast("maxout", x);
    long k = args.integer("k");
    if (d % k != 0) {
      throw new ShapeException("maxout(" + k + ") needs a last axis divisible by " + k + ", found " + x,
          "make the layer before it " + (d / k + 1) * k + " wide");
    }
    return x.withShape(x.shape().withLast(Dim.of(d / k)));
  }
}

package dev.nnc.stdlib.layers;

import dev.nnc.stdlib.Kind;
import dev.nnc.stdlib.TensorOpDefinition;
import dev.nnc.stdlib.spec.Args;
import dev.nnc.stdlib.spec.Dim;
import dev.nnc.stdlib.spec.ShapeException;
import dev.nnc.stdlib.spec.Shapes;
import dev.nnc.stdlib.spec.Signature;
import dev.nnc.stdlib.spec.TensorShape;
import dev.nnc.stdlib.spec.TensorType;
import java.util.List;

/** {@code flatten}: every axis but the batch folded into one. */
public final class Flatten extends TensorOpDefinition {
  public Flatten() {
    super("flatten", Kind.LAYER, "Folds every axis but the batch into one: [h, w, c] -> [h * w * c].", Signature.of(1));
  }

  @Override
  public TensorType outputType(Args args, List<TensorType> inputs) throws ShapeException {
    TensorType x = inputs.get(0);
    Shapes.requireRankAtLeast("flatten", x, 2);
    long size = x.shape().unbatched().elements();
    if (size < 0) {
      throw new ShapeException(
          "flatten needs every axis but the batch to have a known size, found " + x);
    }
    return x.withShape(TensorShape.of(x.shape().dim(0), Dim.of(size)));
  }
}

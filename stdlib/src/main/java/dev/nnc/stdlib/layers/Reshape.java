package dev.nnc.stdlib.layers;

import static dev.nnc.stdlib.spec.Param.required;

import dev.nnc.stdlib.Kind;
import dev.nnc.stdlib.TensorOpDefinition;
import dev.nnc.stdlib.spec.Args;
import dev.nnc.stdlib.spec.ParamType;
import dev.nnc.stdlib.spec.ShapeException;
import dev.nnc.stdlib.spec.Signature;
import dev.nnc.stdlib.spec.TensorShape;
import dev.nnc.stdlib.spec.TensorType;
import java.util.List;

/** {@code reshape([d1, d2, ...])}: a new record shape with the same number of elements. */
public final class Reshape extends TensorOpDefinition {
  private static final Signature SIGNATURE = Signature.of(1, required("shape", ParamType.INT_LIST));

  public Reshape() {
    super("reshape", Kind.LAYER, "Gives each record a new shape with the same number of elements.", SIGNATURE);
  }

  @Override
  public TensorType outputType(Args args, List<TensorType> inputs) throws ShapeException {
    TensorType x = inputs.get(0);
    TensorShape target = TensorShape.of(args.integers("shape"));
    long have = x.shape().unbatched().elements();
    if (have >= 0 && have != target.elements()) {
      throw new ShapeException(
          "cannot reshape " + x + " to " + target.batched() + ": " + have + " elements per record, "
              + "not " + target.elements(),
          "the sizes of the new shape must multiply to " + have);
    }
    return x.withShape(target.prepend(x.shape().dim(0)));
  }
}

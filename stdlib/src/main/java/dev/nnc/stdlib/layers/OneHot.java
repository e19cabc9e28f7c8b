package dev.nnc.stdlib.layers;

import static dev.nnc.stdlib.spec.Param.required;

import dev.nnc.runtime.data.ElementType;
import dev.nnc.stdlib.Kind;
import dev.nnc.stdlib.TensorOpDefinition;
import dev.nnc.stdlib.spec.Args;
import dev.nnc.stdlib.spec.Dim;
import dev.nnc.stdlib.spec.ParamType;
import dev.nnc.stdlib.spec.ShapeException;
import dev.nnc.stdlib.spec.Signature;
import dev.nnc.stdlib.spec.TensorShape;
import dev.nnc.stdlib.spec.TensorType;
import java.util.ArrayList;
import java.util.List;

/** {@code one_hot(depth)}: integer ids as one-hot vectors, {@code int[..] -> float[.., depth]}. */
public final class OneHot extends TensorOpDefinition {
  private static final Signature SIGNATURE = Signature.of(1, required("depth", ParamType.SIZE));

  public OneHot() {
    super("one_hot", Kind.LAYER, "Integer ids as one-hot vectors: int[..] -> float[.., depth].", SIGNATURE);
  }

  @Override
  public TensorType outputType(Args args, List<TensorType> inputs) throws ShapeException {
    TensorType ids = inputs.get(0);
    if (ids.element() != ElementType.INT) {
      throw new ShapeException("one_hot takes integer ids, found " + ids);
    }
    List<Dim> dims = new ArrayList<>(ids.shape().dims());
    dims.add(Dim.of(args.integer("depth")));
    return TensorType.floats(new TensorShape(dims));
  }
}

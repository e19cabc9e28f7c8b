package dev.nnc.stdlib.layers;

import static dev.nnc.stdlib.spec.Param.optional;

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

/** {@code argmax(x, axis: -1)}: the index of the largest value along an axis, as an int tensor. */
public final class Argmax extends TensorOpDefinition {
  private static final Signature SIGNATURE = Signature.of(1, optional("axis", ParamType.INT, -1L));

  public Argmax() {
    super("argmax", Kind.FUNCTION, "The index of the largest value along an axis.", SIGNATURE);
  }

  @Override
  public TensorType outputType(Args args, List<TensorType> inputs) throws ShapeException {
    TensorType x = inputs.get(0);
    int axis = Concat.normalizeAxis(args.integer("axis"), x.rank());
    List<Dim> dims = new ArrayList<>(x.shape().dims());
    dims.remove(axis);
    return new TensorType(ElementType.INT, new TensorShape(dims));
  }
}

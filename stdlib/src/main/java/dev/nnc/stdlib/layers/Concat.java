package dev.nnc.stdlib.layers;

import static dev.nnc.stdlib.spec.Param.named;

import dev.nnc.stdlib.Kind;
import dev.nnc.stdlib.TensorOpDefinition;
import dev.nnc.stdlib.spec.Args;
import dev.nnc.stdlib.spec.Dim;
import dev.nnc.stdlib.spec.ParamType;
import dev.nnc.stdlib.spec.ShapeException;
import dev.nnc.stdlib.spec.Signature;
import dev.nnc.stdlib.spec.TensorType;
import java.util.List;

/** {@code concat(a, b, ..., axis: -1)}: tensors joined along one axis; every other axis must agree. */
public final class Concat extends TensorOpDefinition {
  private static final Signature SIGNATURE =
      Signature.of(Signature.VARIADIC, named("axis", ParamType.INT, -1L));

  public Concat() {
    super("concat", Kind.FUNCTION, "Joins tensors along one axis; every other axis must agree.", SIGNATURE);
  }

  @Override
  public TensorType outputType(Args args, List<TensorType> inputs) throws ShapeException {
    TensorType first = inputs.get(0);
    int rank = first.rank();
    int axis = normalizeAxis(args.integer("axis"), rank);
    long total = 0;
    boolean known = true;
    for (TensorType input : inputs) {
      if (input.rank() != rank) {
        throw new ShapeException(
            "concat needs tensors of one rank, found " + first + " and " + input);
      }
      for (int i = 0; i < rank; i++) {
        if (i != axis && !input.shape().dim(i).equals(first.shape().dim(i))) {
          throw new ShapeException(
              "cannot concat " + first + " and " + input + " along axis " + axis,
              "axis " + i + " differs (" + first.shape().dim(i) + " and " + input.shape().dim(i)
                  + "); only the concat axis may differ");
        }
      }
      Dim d = input.shape().dim(axis);
      known &= d.isKnown();
      total += d.sizeOr(0);
    }
    return first.withShape(first.shape().with(axis, known ? Dim.of(total) : Dim.symbol("?")));
  }

  static int normalizeAxis(long axis, int rank) throws ShapeException {
    long normalized = axis < 0 ? rank + axis : axis;
    if (normalized < 0 || normalized >= rank) {
      throw new ShapeException("axis " + axis + " is out of range for a rank-" + rank + " tensor");
    }
    return (int) normalized;
  }
}

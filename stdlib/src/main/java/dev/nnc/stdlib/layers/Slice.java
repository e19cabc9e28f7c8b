package dev.nnc.stdlib.layers;

import static dev.nnc.stdlib.spec.Param.named;
import static dev.nnc.stdlib.spec.Param.required;

import dev.nnc.stdlib.Kind;
import dev.nnc.stdlib.TensorOpDefinition;
import dev.nnc.stdlib.spec.Args;
import dev.nnc.stdlib.spec.Dim;
import dev.nnc.stdlib.spec.ParamType;
import dev.nnc.stdlib.spec.ShapeException;
import dev.nnc.stdlib.spec.Signature;
import dev.nnc.stdlib.spec.TensorType;
import java.util.List;

/**
 * {@code slice(x, from, to, axis: -1)}: the half-open range [from, to) of one axis (counted on the
 * full shape, batch included, as every axis argument). Both ends must lie in the axis when its size
 * is known.
 */
public final class Slice extends TensorOpDefinition {
  public Slice() {
    super("slice", Kind.FUNCTION, "Keeps the half-open range [from, to) of one axis.",
        Signature.of(1, required("from", ParamType.NON_NEGATIVE_INT), required("to", ParamType.SIZE),
            named("axis", ParamType.INT, -1L)));
  }

  @Override
  public TensorType outputType(Args args, List<TensorType> inputs) throws ShapeException {
    TensorType x = inputs.get(0);
    int axis = Concat.normalizeAxis(args.integer("axis"), x.rank());
    long from = args.integer("from");
    long to = args.integer("to");
    Dim size = x.shape().dim(axis);
    if (from >= to) {
      throw new ShapeException("slice from " + from + " to " + to + " is empty", "`to` must be above `from`");
    }
    if (size.equals(Dim.BATCH)) {
      throw new ShapeException("slice cannot cut the batch axis of " + x, "give an axis of the record, such as -1");
    }
    if (size.isKnown() && to > size.sizeOr(-1)) {
      throw new ShapeException("slice to " + to + " is past the end of axis " + axis + " of " + x + ", which has "
          + size, "`to` may be at most " + size);
    }
    return x.withShape(x.shape().with(axis, Dim.of(to - from)));
  }
}

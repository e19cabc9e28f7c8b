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
import java.util.ArrayList;
import java.util.List;

/**
 * {@code select(x, i, axis: 1)}: index i of one axis, which is dropped — the class token of a ViT is
 * {@code h -> select(0, axis: 1)}. The index must lie in the axis when its size is known.
 */
public final class Select extends TensorOpDefinition {
  public Select() {
    super("select", Kind.FUNCTION, "Keeps index i of one axis and drops the axis: select(h, 0, axis: 1).",
        Signature.of(1, required("index", ParamType.NON_NEGATIVE_INT), named("axis", ParamType.INT, 1L)));
  }

  @Override
  public TensorType outputType(Args args, List<TensorType> inputs) throws ShapeException {
    TensorType x = inputs.get(0);
    int axis = Concat.normalizeAxis(args.integer("axis"), x.rank());
    long index = args.integer("index");
    Dim size = x.shape().dim(axis);
    if (size.equals(Dim.BATCH)) {
      throw new ShapeException("select cannot pick from the batch axis of " + x, "give an axis of the record, such as 1");
    }
    if (size.isKnown() && index >= size.sizeOr(-1)) {
      throw new ShapeException("select index " + index + " is out of range for axis " + axis + " of " + x
          + ", which has " + size, "the index may be 0 to " + (size.sizeOr(-1) - 1));
    }
    List<Dim> dims = new ArrayList<>(x.shape().dims());
    dims.remove(axis);
    return x.withShape(new dev.nnc.stdlib.spec.TensorShape(dims));
  }
}

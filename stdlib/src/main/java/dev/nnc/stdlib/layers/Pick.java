package dev.nnc.stdlib.layers;

import dev.nnc.runtime.data.ElementType;
import dev.nnc.stdlib.Kind;
import dev.nnc.stdlib.TensorOpDefinition;
import dev.nnc.stdlib.spec.Args;
import dev.nnc.stdlib.spec.Dim;
import dev.nnc.stdlib.spec.ShapeException;
import dev.nnc.stdlib.spec.Signature;
import dev.nnc.stdlib.spec.TensorShape;
import dev.nnc.stdlib.spec.TensorType;
import java.util.List;

/**
 * {@code pick(x, index)}: for each record, the element of x's last axis that the int tensor
 * {@code index} names — {@code pick(q, action)} of {@code float[batch, 2]} and {@code int[batch]} is
 * {@code float[batch]}, a Q-network's value of the action taken.
 */
public final class Pick extends TensorOpDefinition {
  public Pick() {
    super("pick", Kind.FUNCTION,
        "For each record, the element of the last axis that an int tensor names: pick(q, action).",
        Signature.of(2));
  }

  @Override
  public TensorType outputType(Args args, List<TensorType> inputs) throws ShapeException {
    TensorType x = inputs.get(0);
    TensorType index = inputs.get(1);
    if (index.element() != ElementType.INT) {
      throw new ShapeException("pick's index must be an int tensor, found " + index);
    }
    if (x.element() != ElementType.FLOAT || x.rank() == 0) {
      throw new ShapeException("pick chooses from the last axis of a float tensor, found " + x);
    }
    List<Dim> leading = x.shape().dims().subList(0, x.rank() - 1);
    if (!leading.equals(index.shape().dims())) {
      throw new ShapeException("cannot pick from " + x + " by " + index,
          "the index must have the shape of x without its last axis, " + new TensorShape(leading));
    }
    return x.withShape(new TensorShape(leading));
  }
}

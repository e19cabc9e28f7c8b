package dev.nnc.stdlib.layers;

import dev.nnc.runtime.data.ElementType;
import dev.nnc.stdlib.Kind;
import dev.nnc.stdlib.TensorOpDefinition;
import dev.nnc.stdlib.spec.Args;
import dev.nnc.stdlib.spec.ShapeException;
import dev.nnc.stdlib.spec.Shapes;
import dev.nnc.stdlib.spec.Signature;
import dev.nnc.stdlib.spec.TensorType;
import java.util.List;

/**
 * {@code where(cond, a, b)}: a where the bool {@code cond} is true, else b, all three broadcast
 * ({@code where(causal_mask(seq) > 0, scores, -1e9)}).
 */
public final class Where extends TensorOpDefinition {
  public Where() {
    super("where", Kind.FUNCTION, "a where cond is true, else b, with broadcasting: where(x > 0, x, 0).",
        Signature.of(3));
  }

  @Override
  public TensorType outputType(Args args, List<TensorType> inputs) throws ShapeException {
    TensorType cond = inputs.get(0);
    TensorType a = inputs.get(1);
    TensorType b = inputs.get(2);
    if (cond.element() != ElementType.BOOL) {
      throw new ShapeException("where's condition must be bool, found " + cond, "compare it: where(x > 0, a, b)");
    }
    if (a.element() != b.element()) {
      throw new ShapeException("where's choices must have one element type, found " + a + " and " + b);
    }
    TensorType values = a.withShape(Shapes.broadcast("choose between", a, b));
    return values.withShape(Shapes.broadcast("choose by", cond, values));
  }
}

package dev.nnc.stdlib.losses;

import static dev.nnc.stdlib.spec.Param.named;

import dev.nnc.stdlib.Kind;
import dev.nnc.stdlib.TensorOpDefinition;
import dev.nnc.stdlib.spec.Args;
import dev.nnc.stdlib.spec.ParamType;
import dev.nnc.stdlib.spec.ShapeException;
import dev.nnc.stdlib.spec.Shapes;
import dev.nnc.stdlib.spec.Signature;
import dev.nnc.stdlib.spec.TensorType;
import java.util.List;

/** {@code bce(logits, target)}: binary cross-entropy averaged over every value; logits unless {@code probs: true}. */
public final class Bce extends TensorOpDefinition {
  private static final Signature SIGNATURE = Signature.of(2, named("probs", ParamType.BOOL, false));

  public Bce() {
    super("bce", Kind.LOSS, "Binary cross-entropy of logits (or probabilities) against 0/1 targets.", SIGNATURE);
  }

  @Override
  public TensorType outputType(Args args, List<TensorType> inputs) throws ShapeException {
    Shapes.broadcast("compare", inputs.get(0), inputs.get(1));
    return TensorType.scalar();
  }
}

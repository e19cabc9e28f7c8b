package dev.nnc.stdlib.losses;

import dev.nnc.stdlib.Kind;
import dev.nnc.stdlib.TensorOpDefinition;
import dev.nnc.stdlib.spec.Args;
import dev.nnc.stdlib.spec.ShapeException;
import dev.nnc.stdlib.spec.Shapes;
import dev.nnc.stdlib.spec.Signature;
import dev.nnc.stdlib.spec.TensorType;
import java.util.List;

/**
 * {@code accuracy(logits, label)}: the fraction of records classified right — the arg-max against an
 * integer label or a one-hot target; for a single logit, its sign against a 0/1 target.
 */
public final class Accuracy extends TensorOpDefinition {
  public Accuracy() {
    super("accuracy", Kind.METRIC, "The fraction of records whose predicted class is the label.", Signature.of(2));
  }

  @Override
  public TensorType outputType(Args args, List<TensorType> inputs) throws ShapeException {
    TensorType logits = inputs.get(0);
    TensorType label = inputs.get(1);
    if (isBinary(logits)) {
      Shapes.broadcast("compare", logits, label);
    } else {
      CrossEntropy.ClassTargets.check("accuracy", logits, label);
    }
    return TensorType.scalar();
  }

  private static boolean isBinary(TensorType logits) {
    return logits.rank() == 2 && logits.shape().dim(1).sizeOr(-1) == 1
        || logits.rank() == 1;
  }
}

package dev.nnc.stdlib.losses;

import static dev.nnc.stdlib.spec.Param.named;

import dev.nnc.runtime.data.ElementType;
import dev.nnc.stdlib.Kind;
import dev.nnc.stdlib.TensorOpDefinition;
import dev.nnc.stdlib.spec.Args;
import dev.nnc.stdlib.spec.ParamType;
import dev.nnc.stdlib.spec.ShapeException;
import dev.nnc.stdlib.spec.Signature;
import dev.nnc.stdlib.spec.TensorType;
import java.util.List;

/**
 * {@code exact_match(logits, target, ignore: 0)}: the fraction of records whose every position is
 * right — a translated or summed sequence that is wholly correct — for logits {@code [batch, steps,
 * classes]} against integer targets {@code [batch, steps]}. Positions labelled {@code ignore}
 * ({@code <pad>}) do not count, so a record is judged on its real tokens only.
 */
public final class ExactMatch extends TensorOpDefinition {
  public ExactMatch() {
    super("exact_match", Kind.METRIC, "The fraction of records whose every (not ignored) position is predicted right.",
        Signature.of(2, named("ignore", ParamType.NON_NEGATIVE_INT, CrossEntropy.IGNORE_NONE)));
  }

  @Override
  public TensorType outputType(Args args, List<TensorType> inputs) throws ShapeException {
    TensorType logits = inputs.get(0);
    TensorType target = inputs.get(1);
    if (target.element() != ElementType.INT) {
      throw new ShapeException("exact_match compares predicted ids with integer targets, found " + target,
          "give the target ids, such as a pairs source's `target`");
    }
    CrossEntropy.ClassTargets.check("exact_match", logits, target);
    return TensorType.scalar();
  }
}

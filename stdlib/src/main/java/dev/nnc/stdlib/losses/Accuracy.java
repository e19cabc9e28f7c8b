package dev.nnc.stdlib.losses;

import static dev.nnc.stdlib.spec.Param.named;

import dev.nnc.stdlib.Kind;
import dev.nnc.stdlib.RatioMetric;
import dev.nnc.stdlib.TensorOpDefinition;
import dev.nnc.stdlib.spec.Args;
import dev.nnc.stdlib.spec.ParamType;
import dev.nnc.stdlib.spec.ShapeException;
import dev.nnc.stdlib.spec.Shapes;
import dev.nnc.stdlib.spec.Signature;
import dev.nnc.stdlib.spec.TensorType;
import java.util.List;

/**
 * {@code accuracy(logits, label)}: the fraction of records classified right — the arg-max against an
 * integer label or a one-hot target; for a single logit, its sign against a 0/1 target. Each step
 * of a sequence is a record; {@code ignore: 0} leaves the positions labelled 0 ({@code <pad>}) out.
 * As a job's metric it is exact over the epoch (all positions right over all counted), which
 * without {@code ignore:} is the mean over the epoch's records.
 */
public final class Accuracy extends TensorOpDefinition implements RatioMetric {
  public Accuracy() {
    super("accuracy", Kind.METRIC, "The fraction of records whose predicted class is the label.",
        Signature.of(2, named("ignore", ParamType.NON_NEGATIVE_INT, CrossEntropy.IGNORE_NONE)));
  }

  @Override
  public TensorType outputType(Args args, List<TensorType> inputs) throws ShapeException {
    TensorType logits = inputs.get(0);
    TensorType label = inputs.get(1);
    if (isBinary(logits)) {
      if (args.integer("ignore") != CrossEntropy.IGNORE_NONE) {
        throw new ShapeException("accuracy(ignore: ...) leaves out a class, and these logits " + logits
            + " hold a single one", "leave out `ignore:` for a 0/1 target");
      }
      Shapes.broadcast("compare", logits, label);
    } else {
      CrossEntropy.ClassTargets.check("accuracy", logits, label);
      CrossEntropy.ClassTargets.ignoring("accuracy", args, label);
    }
    return TensorType.scalar();
  }

  private static boolean isBinary(TensorType logits) {
    return logits.rank() == 2 && logits.shape().dim(1).sizeOr(-1) == 1
        || logits.rank() == 1;
  }
}

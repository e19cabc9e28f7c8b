package dev.nnc.stdlib.losses;

import static dev.nnc.stdlib.spec.Param.named;

import dev.nnc.stdlib.Kind;
import dev.nnc.stdlib.RatioMetric;
import dev.nnc.stdlib.TensorOpDefinition;
import dev.nnc.stdlib.spec.Args;
import dev.nnc.stdlib.spec.ParamType;
import dev.nnc.stdlib.spec.ShapeException;
import dev.nnc.stdlib.spec.Signature;
import dev.nnc.stdlib.spec.TensorType;
import java.util.List;

/**
 * {@code precision(logits, label)} (true positives over predicted positives) and {@code recall(logits,
 * label)} (true positives over actual positives), as Keras's {@code Precision} and {@code Recall}.
 * A single logit is positive above 0 (a probability above 0.5, Keras's threshold) against a 0/1
 * target. Several classes need {@code class: k}: the record is predicted positive when k is its
 * arg-max, as {@code accuracy} decides (Keras's {@code class_id=k, top_k=1}), and actually positive
 * when its label is k.
 */
public final class PrecisionRecall extends TensorOpDefinition implements RatioMetric {
  /** {@code class:} left out; not a class, since classes count from 0. */
  private static final long NO_CLASS = -1;
  private static final Signature SIGNATURE = Signature.of(2, named("class", ParamType.NON_NEGATIVE_INT, NO_CLASS));

  public static final PrecisionRecall PRECISION = new PrecisionRecall("precision",
      "The fraction of records predicted positive that are positive (over the whole epoch).");
  public static final PrecisionRecall RECALL = new PrecisionRecall("recall",
      "The fraction of positive records predicted positive (over the whole epoch).");

  private PrecisionRecall(String name, String doc) {
    super(name, Kind.METRIC, doc, SIGNATURE);
  }

  @Override
  public TensorType outputType(Args args, List<TensorType> inputs) throws ShapeException {
    TensorType logits = inputs.get(0);
    TensorType label = inputs.get(1);
    boolean picksClass = args.integer("class") != NO_CLASS;
    if (isBinary(logits)) {
      if (picksClass) {
        throw new ShapeException(name() + "(class: ...) picks one of several classes, and these logits "
            + logits + " hold a single one", "leave out `class:`: a single logit predicts positive above 0");
      }
      if (label.rank() < 1 || label.shape().unbatched().elements() != 1) {
        throw new ShapeException(name() + " of a single logit " + logits + " expects a 0/1 target of shape "
            + "[batch] or [batch, 1], found " + label);
      }
      return TensorType.scalar();
    }
    CrossEntropy.ClassTargets.check(name(), logits, label);
    if (!picksClass) {
      throw new ShapeException(name() + " of " + logits + " needs the class it is about",
          "name it, as Keras's class_id: `" + name() + "(logits, label, class: 0)`");
    }
    long classes = logits.shape().last().sizeOr(-1);
    if (classes > 0 && args.integer("class") >= classes) {
      throw new ShapeException(name() + "(class: " + args.integer("class") + ") of " + logits
          + ": classes count from 0 to " + (classes - 1));
    }
    return TensorType.scalar();
  }

  private static boolean isBinary(TensorType logits) {
    return logits.rank() == 1 || logits.rank() == 2 && logits.shape().dim(1).sizeOr(-1) == 1;
  }
}

package dev.nnc.stdlib.losses;

import static dev.nnc.stdlib.spec.Param.named;

import dev.nnc.runtime.data.ElementType;
import dev.nnc.stdlib.Kind;
import dev.nnc.stdlib.TensorOpDefinition;
import dev.nnc.stdlib.spec.Args;
import dev.nnc.stdlib.spec.ParamType;
import dev.nnc.stdlib.spec.ShapeException;
import dev.nnc.stdlib.spec.Signature;
import dev.nnc.stdlib.spec.TensorShape;
import dev.nnc.stdlib.spec.TensorType;
import java.util.List;

/**
 * {@code cross_entropy(logits, label)}: categorical cross-entropy averaged over the batch, for
 * integer class labels or one-hot targets. Takes logits unless {@code probs: true}. With
 * {@code ignore: 0} (PyTorch's {@code ignore_index}) the positions labelled 0 — a sequence's
 * {@code <pad>} — are left out of the mean.
 */
public final class CrossEntropy extends TensorOpDefinition {
  /** {@code ignore:} left out: every label counts (labels count from 0). */
  public static final long IGNORE_NONE = -1;
  private static final Signature SIGNATURE = Signature.of(2, named("probs", ParamType.BOOL, false),
      named("ignore", ParamType.NON_NEGATIVE_INT, IGNORE_NONE));

  public CrossEntropy() {
    super("cross_entropy", Kind.LOSS, "Categorical cross-entropy of logits against integer labels or one-hot targets.", SIGNATURE);
  }

  @Override
  public TensorType outputType(Args args, List<TensorType> inputs) throws ShapeException {
    ClassTargets.check("cross_entropy", inputs.get(0), inputs.get(1));
    ClassTargets.ignoring("cross_entropy", args, inputs.get(1));
    return TensorType.scalar();
  }

  /** Integer labels or one-hot targets against a [batch, classes] tensor. */
  public static final class ClassTargets {
    private ClassTargets() {}

    /** Logits {@code [batch, ..., classes]} against int labels {@code [batch, ...]} or one-hot targets. */
    public static void check(String op, TensorType logits, TensorType label) throws ShapeException {
      if (logits.rank() < 2) {
        throw new ShapeException(
            op + " expects logits of shape [batch, classes] (or [batch, steps, classes]), found " + logits,
            "use `mse` or `bce` for a single value per record");
      }
      TensorShape perRecord = new TensorShape(logits.shape().dims().subList(0, logits.rank() - 1));
      boolean integers = label.element() == ElementType.INT && label.shape().equals(perRecord);
      boolean oneHot = label.element() == ElementType.FLOAT && label.shape().equals(logits.shape());
      if (!integers && !oneHot) {
        throw new ShapeException(
            op + " expects integer labels int" + perRecord + " or one-hot targets " + logits + ", found " + label);
      }
    }

    /** {@code ignore:} names a label id, so it needs integer labels. */
    public static void ignoring(String op, Args args, TensorType label) throws ShapeException {
      if (args.integer("ignore") != IGNORE_NONE && label.element() != ElementType.INT) {
        throw new ShapeException(op + "(ignore: " + args.integer("ignore") + ") leaves out a label id, and "
            + label + " holds one-hot targets", "give integer labels, or leave out `ignore:`");
      }
    }
  }
}

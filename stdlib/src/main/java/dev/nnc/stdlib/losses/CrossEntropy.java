package dev.nnc.stdlib.losses;

import static dev.nnc.stdlib.spec.Param.named;

import dev.nnc.runtime.data.ElementType;
import dev.nnc.runtime.graph.Net;
import dev.nnc.stdlib.Kind;
import dev.nnc.stdlib.TensorOpDefinition;
import dev.nnc.stdlib.spec.Args;
import dev.nnc.stdlib.spec.ParamType;
import dev.nnc.stdlib.spec.ShapeException;
import dev.nnc.stdlib.spec.Signature;
import dev.nnc.stdlib.spec.TensorShape;
import dev.nnc.stdlib.spec.TensorType;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * {@code cross_entropy(logits, label)}: categorical cross-entropy averaged over the batch, for
 * integer class labels or one-hot targets. Takes logits unless {@code probs: true}.
 */
public final class CrossEntropy extends TensorOpDefinition {
  private static final Signature SIGNATURE = Signature.of(2, named("probs", ParamType.BOOL, false));

  public CrossEntropy() {
    super("cross_entropy", Kind.LOSS, "Categorical cross-entropy of logits against integer labels or one-hot targets.", SIGNATURE);
  }

  @Override
  public TensorType outputType(Args args, List<TensorType> inputs) throws ShapeException {
    ClassTargets.check("cross_entropy", inputs.get(0), inputs.get(1));
    return TensorType.scalar();
  }

  @Override
  @SuppressWarnings("unchecked")
  public Operand<?> build(Net net, Args args, List<Operand<?>> inputs, Map<String, Operand<?>> w) {
    Ops tf = net.tf();
    Operand<TFloat32> logits = (Operand<TFloat32>) inputs.get(0);
    if (args.bool("probs")) {
      // Probabilities in: back to logits (log is enough, softmax is shift-invariant), clipped away from 0.
      logits = tf.math.log(tf.math.maximum(logits, tf.constant(1e-7f)));
    }
    Operand<TFloat32> targets = ClassTargets.oneHot(tf, inputs.get(1), logits);
    // One prediction per step of a sequence counts as one record each: fold the steps into the batch.
    long classes = logits.shape().size(-1);
    logits = tf.reshape(logits, tf.constant(new long[] {-1, classes}));
    targets = tf.reshape(targets, tf.constant(new long[] {-1, classes}));
    // SparseSoftmaxCrossEntropyWithLogits has no gradient in TF Java: use the dense form.
    var losses = tf.nn.softmaxCrossEntropyWithLogits(logits, targets).loss();
    return tf.math.mean(losses, tf.constant(0));
  }

  /** Integer labels or one-hot targets against a [batch, classes] tensor. */
  static final class ClassTargets {
    private ClassTargets() {}

    /** Logits {@code [batch, ..., classes]} against int labels {@code [batch, ...]} or one-hot targets. */
    static void check(String op, TensorType logits, TensorType label) throws ShapeException {
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

    @SuppressWarnings("unchecked")
    static Operand<TFloat32> oneHot(Ops tf, Operand<?> label, Operand<TFloat32> logits) {
      if (label.type() == TInt32.class) {
        int classes = (int) logits.shape().size(-1);
        return tf.oneHot((Operand<TInt32>) label, tf.constant(classes), tf.constant(1f), tf.constant(0f));
      }
      return (Operand<TFloat32>) label;
    }
  }
}

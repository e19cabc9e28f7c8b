package dev.nnc.stdlib.graph;

import dev.nnc.runtime.graph.Net;
import dev.nnc.stdlib.losses.CrossEntropy;
import dev.nnc.stdlib.spec.Args;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** The graph half of {@link CrossEntropy}. */
final class CrossEntropyGraph implements OneOutput {
  @Override
  @SuppressWarnings("unchecked")
  public Operand<?> output(Net net, Args args, List<Operand<?>> inputs, Map<String, Operand<?>> w) {
    Ops tf = net.tf();
    Operand<TFloat32> logits = (Operand<TFloat32>) inputs.get(0);
    if (args.bool("probs")) {
      // Probabilities in: back to logits (log is enough, softmax is shift-invariant), clipped away from 0.
      logits = tf.math.log(tf.math.maximum(logits, tf.constant(1e-7f)));
    }
    Operand<TFloat32> targets = oneHot(tf, inputs.get(1), logits);
    // One prediction per step of a sequence counts as one record each: fold the steps into the batch.
    long classes = logits.shape().size(-1);
    logits = tf.reshape(logits, tf.constant(new long[] {-1, classes}));
    targets = tf.reshape(targets, tf.constant(new long[] {-1, classes}));
    // SparseSoftmaxCrossEntropyWithLogits has no gradient in TF Java: use the dense form.
    Operand<TFloat32> losses = tf.nn.softmaxCrossEntropyWithLogits(logits, targets).loss();
    long ignore = args.integer("ignore");
    if (ignore == CrossEntropy.IGNORE_NONE) {
      return tf.math.mean(losses, tf.constant(0));
    }
    Operand<TFloat32> counted = Losses.counted(tf, inputs.get(1), ignore);
    return Losses.maskedMean(tf, losses, counted);
  }

  /** Integer labels as one-hot targets of as many classes as {@code logits} has; one-hot targets as they are. */
  @SuppressWarnings("unchecked")
  static Operand<TFloat32> oneHot(Ops tf, Operand<?> label, Operand<TFloat32> logits) {
    if (label.type() == TInt32.class) {
      int classes = (int) logits.shape().size(-1);
      return tf.oneHot((Operand<TInt32>) label, tf.constant(classes), tf.constant(1f), tf.constant(0f));
    }
    return (Operand<TFloat32>) label;
  }
}

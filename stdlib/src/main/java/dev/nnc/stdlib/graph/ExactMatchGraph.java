package dev.nnc.stdlib.graph;

import dev.nnc.runtime.graph.Net;
import dev.nnc.stdlib.losses.CrossEntropy;
import dev.nnc.stdlib.losses.ExactMatch;
import dev.nnc.stdlib.spec.Args;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/** The graph half of {@link ExactMatch}: a record is right when no counted position is wrong. */
final class ExactMatchGraph implements OneOutput {
  @Override
  @SuppressWarnings("unchecked")
  public Operand<?> output(Net net, Args args, List<Operand<?>> inputs, Map<String, Operand<?>> w) {
    Ops tf = net.tf();
    Operand<TFloat32> logits = (Operand<TFloat32>) inputs.get(0);
    Operand<TInt32> target = (Operand<TInt32>) inputs.get(1);
    Operand<TInt64> predicted = tf.math.argMax(logits, tf.constant(-1));
    Operand<TBool> right = tf.math.equal(predicted, tf.dtypes.cast(target, TInt64.class));
    long ignore = args.integer("ignore");
    if (ignore != CrossEntropy.IGNORE_NONE) {
      right = tf.math.logicalOr(right, tf.math.equal(target, tf.constant((int) ignore)));
    }
    // One row per record, its positions along the row (the sizes after the batch are static).
    long positions = 1;
    for (int axis = 1; axis < target.shape().numDimensions(); axis++) {
      positions *= target.shape().size(axis);
    }
    Operand<TBool> rows = tf.reshape(right, tf.constant(new long[] {-1, positions}));
    Operand<TBool> whole = tf.reduceAll(rows, tf.constant(1));
    return Losses.meanOfAll(tf, tf.dtypes.cast(whole, TFloat32.class));
  }
}

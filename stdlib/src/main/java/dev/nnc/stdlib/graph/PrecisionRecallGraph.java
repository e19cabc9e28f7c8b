package dev.nnc.stdlib.graph;

import dev.nnc.runtime.graph.Net;
import dev.nnc.stdlib.losses.PrecisionRecall;
import dev.nnc.stdlib.spec.Args;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/** The graph half of {@link PrecisionRecall}. */
final class PrecisionRecallGraph implements RatioGraph {
  private final PrecisionRecall op;

  PrecisionRecallGraph(PrecisionRecall op) {
    this.op = op;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Operand<TFloat32> parts(Net net, Args args, List<Operand<?>> inputs) {
    Ops tf = net.tf();
    Operand<TFloat32> logits = (Operand<TFloat32>) inputs.get(0);
    Operand<?> label = inputs.get(1);
    Operand<TBool> predicted;
    Operand<TBool> actual;
    if (logits.shape().numDimensions() == 1 || logits.shape().size(-1) == 1) {
      predicted = tf.math.greater(flat(tf, logits), tf.constant(0f));
      actual = tf.math.greater(flat(tf, Losses.floats(tf, label)), tf.constant(0.5f));
    } else {
      Operand<TInt64> k = tf.constant(args.integer("class"));
      predicted = tf.math.equal(tf.math.argMax(logits, tf.constant(-1)), k);
      actual = tf.math.equal(Losses.classes(tf, label), k);
    }
    Operand<TFloat32> truePositives = count(tf, tf.math.logicalAnd(predicted, actual));
    return tf.stack(List.of(truePositives, count(tf, op == PrecisionRecall.PRECISION ? predicted : actual)));
  }

  private static Operand<TFloat32> flat(Ops tf, Operand<TFloat32> x) {
    return tf.reshape(x, tf.constant(new long[] {-1}));
  }

  private static Operand<TFloat32> count(Ops tf, Operand<TBool> flags) {
    return tf.reduceSum(flat(tf, tf.dtypes.cast(flags, TFloat32.class)), tf.constant(0));
  }
}

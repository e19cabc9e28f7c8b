package dev.nnc.stdlib.graph;

import dev.nnc.runtime.graph.Net;
import dev.nnc.stdlib.losses.Accuracy;
import dev.nnc.stdlib.losses.CrossEntropy;
import dev.nnc.stdlib.spec.Args;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * The graph half of {@link Accuracy}: the positions right over the positions counted, which a job
 * sums over the epoch — so with {@code ignore:} every real token weighs the same, whichever batch
 * it is in, as Keras's masked accuracy accumulates it.
 */
final class AccuracyGraph implements RatioGraph {
  @Override
  @SuppressWarnings("unchecked")
  public Operand<TFloat32> parts(Net net, Args args, List<Operand<?>> inputs) {
    Ops tf = net.tf();
    Operand<TFloat32> logits = (Operand<TFloat32>) inputs.get(0);
    Operand<?> label = inputs.get(1);
    Operand<TFloat32> hits;
    if (logits.shape().numDimensions() == 1 || logits.shape().size(1) == 1) {
      Operand<TFloat32> predicted =
          tf.dtypes.cast(tf.math.greater(logits, tf.constant(0f)), TFloat32.class);
      Operand<TFloat32> truth =
          tf.dtypes.cast(tf.math.greater(Losses.floats(tf, label), tf.constant(0.5f)), TFloat32.class);
      hits = tf.dtypes.cast(tf.math.equal(predicted, truth), TFloat32.class);
    } else {
      Operand<TInt64> predicted = tf.math.argMax(logits, tf.constant(-1));
      hits = tf.dtypes.cast(tf.math.equal(predicted, Losses.classes(tf, label)), TFloat32.class);
    }
    Operand<TFloat32> flat = tf.reshape(hits, tf.constant(new long[] {-1}));
    long ignore = args.integer("ignore");
    Operand<TFloat32> counted = ignore == CrossEntropy.IGNORE_NONE ? tf.onesLike(flat) : Losses.counted(tf, label, ignore);
    return tf.stack(List.of(
        tf.sum(tf.math.mul(flat, counted), tf.constant(0)), tf.sum(counted, tf.constant(0))));
  }
}

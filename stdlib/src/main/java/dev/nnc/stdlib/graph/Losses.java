package dev.nnc.stdlib.graph;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/** Small graph helpers the losses and metrics share. */
final class Losses {
  private Losses() {}

  /** The mean of every element, whatever the rank. */
  static Operand<TFloat32> meanOfAll(Ops tf, Operand<TFloat32> x) {
    return tf.math.mean(tf.reshape(x, tf.constant(new long[] {-1})), tf.constant(0));
  }

  /**
   * 1 where an integer label is not {@code ignore}, else 0, flattened as the per-position values of a
   * loss or metric are ({@code [batch * steps]}).
   */
  @SuppressWarnings("unchecked")
  static Operand<TFloat32> counted(Ops tf, Operand<?> label, long ignore) {
    Operand<TInt32> flat = tf.reshape((Operand<TInt32>) label, tf.constant(new long[] {-1}));
    return tf.dtypes.cast(tf.math.notEqual(flat, tf.constant((int) ignore)), TFloat32.class);
  }

  /**
   * The mean of {@code values} over the positions {@code counted} marks (both flat); 0 for a batch
   * of padding only, rather than 0/0, so one empty batch cannot stop a run as non-finite.
   */
  static Operand<TFloat32> maskedMean(Ops tf, Operand<TFloat32> values, Operand<TFloat32> counted) {
    Operand<TFloat32> total = tf.sum(tf.math.mul(tf.reshape(values, tf.constant(new long[] {-1})), counted),
        tf.constant(0));
    return tf.math.div(total, tf.math.maximum(tf.sum(counted, tf.constant(0)), tf.constant(1f)));
  }

  /** The class of each label: an int label (a class index) as is, a one-hot one by its largest entry. */
  @SuppressWarnings("unchecked")
  static Operand<TInt64> classes(Ops tf, Operand<?> label) {
    return label.type() == TInt32.class
        ? tf.dtypes.cast((Operand<TInt32>) label, TInt64.class)
        : tf.math.argMax(label, tf.constant(-1));
  }

  /** An integer target (labels fed as int) as floats, so it can meet float predictions. */
  @SuppressWarnings("unchecked")
  static Operand<TFloat32> floats(Ops tf, Operand<?> x) {
    if (x.type() == TInt32.class) {
      return tf.dtypes.cast((Operand<TInt32>) x, TFloat32.class);
    }
    return (Operand<TFloat32>) x;
  }
}

package dev.nnc.runtime.distributed;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.SplitV;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Many tensors as one flat tensor and back, so that a collective moves a step's gradients (or the
 * weights) in one message instead of one per variable: each collective has a fixed cost (a round
 * of messages between all workers) that would otherwise be paid per variable.
 */
final class Packing {
  private Packing() {}

  /** The tensors flattened and concatenated, in order. */
  static Operand<TFloat32> pack(Ops tf, List<? extends Operand<TFloat32>> tensors) {
    List<Operand<TFloat32>> flat = new ArrayList<>();
    for (Operand<TFloat32> t : tensors) {
      flat.add(tf.reshape(t, tf.constant(new long[] {-1})));
    }
    return flat.size() == 1 ? flat.get(0) : tf.concat(flat, tf.constant(0));
  }

  /** {@code packed} cut back into tensors of the shapes of {@code like}, in order. */
  static List<Operand<TFloat32>> unpack(Ops tf, Operand<TFloat32> packed, List<? extends Operand<TFloat32>> like) {
    if (like.size() == 1) {
      return List.of(tf.reshape(packed, tf.shape(like.get(0), TInt64.class)));
    }
    List<Operand<TInt64>> sizes = new ArrayList<>();
    for (Operand<TFloat32> t : like) {
      sizes.add(tf.size(t, TInt64.class));
    }
    SplitV<TFloat32> pieces = tf.splitV(packed, tf.stack(sizes), tf.constant(0), (long) like.size());
    List<Operand<TFloat32>> result = new ArrayList<>();
    for (int i = 0; i < like.size(); i++) {
      result.add(tf.reshape(pieces.output().get(i), tf.shape(like.get(i), TInt64.class)));
    }
    return result;
  }

  /**
   * {@code tensors} cut, in order, into runs of at most {@code maxElements} elements each (a tensor
   * larger than that is a run of its own), so that a long list becomes a few collectives that
   * TensorFlow can overlap, none of them huge. Tensors of unknown size join the current run.
   */
  static <T extends Operand<TFloat32>> List<List<T>> runs(List<T> tensors, long maxElements) {
    List<List<T>> runs = new ArrayList<>();
    List<T> current = new ArrayList<>();
    long elements = 0;
    for (T t : tensors) {
      long n = Math.max(0, t.shape().size());
      if (!current.isEmpty() && elements + n > maxElements) {
        runs.add(current);
        current = new ArrayList<>();
        elements = 0;
      }
      current.add(t);
      elements += n;
    }
    if (!current.isEmpty()) {
      runs.add(current);
    }
    return runs;
  }
}

package dev.nnc.runtime.train;

import dev.nnc.runtime.graph.Net;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Copies every weight of the model out of the session and back in: how early stopping keeps the
 * best epoch's weights (trainable and not, as Keras's {@code get_weights}) and restores them.
 */
final class WeightStore {
  private final List<Net.Weight> weights;
  private final List<Operand<TFloat32>> placeholders;
  private final Op restore;

  private WeightStore(List<Net.Weight> weights, List<Operand<TFloat32>> placeholders, Op restore) {
    this.weights = weights;
    this.placeholders = placeholders;
    this.restore = restore;
  }

  /** Adds to the graph, for each weight, a placeholder and an assign from it. */
  static WeightStore build(Net net) {
    Ops tf = net.tf().withSubScope("restore_weights");
    List<Net.Weight> weights = List.copyOf(net.weights());
    List<Operand<TFloat32>> placeholders = new ArrayList<>();
    List<Op> assigns = new ArrayList<>();
    for (Net.Weight weight : weights) {
      Operand<TFloat32> value =
          tf.placeholder(TFloat32.class, Placeholder.shape(weight.shape()));
      placeholders.add(value);
      assigns.add(tf.assign(weight.variable(), value));
    }
    return new WeightStore(weights, placeholders, tf.withControlDependencies(assigns).noOp());
  }

  /** The weights' current values, copied: a fetched read may share the variable's buffer. */
  List<float[]> read(Session session) {
    Session.Runner runner = session.runner();
    weights.forEach(w -> runner.fetch(w.read()));
    List<float[]> values = new ArrayList<>();
    try (Result result = runner.run()) {
      for (int i = 0; i < weights.size(); i++) {
        TFloat32 tensor = (TFloat32) result.get(i);
        float[] copy = new float[Math.toIntExact(tensor.size())];
        tensor.copyTo(DataBuffers.of(copy, false, false));
        values.add(copy);
      }
    }
    return values;
  }

  /** Puts back values that {@link #read} returned. */
  void write(Session session, List<float[]> values) {
    List<Tensor> fed = new ArrayList<>();
    try {
      Session.Runner runner = session.runner().addTarget(restore);
      for (int i = 0; i < weights.size(); i++) {
        Tensor tensor = TFloat32.tensorOf(weights.get(i).shape(), DataBuffers.of(values.get(i), true, false));
        fed.add(tensor);
        runner.feed(placeholders.get(i), tensor);
      }
      runner.run().close();
    } finally {
      fed.forEach(Tensor::close);
    }
  }
}

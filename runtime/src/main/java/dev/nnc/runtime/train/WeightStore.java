package dev.nnc.runtime.train;

import dev.nnc.runtime.graph.Net;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Session;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * A copy of every weight of the model (trainable and not, as Keras's {@code get_weights}), kept in
 * variables beside the weights: how early stopping keeps the best epoch's weights and puts them
 * back. Being variables, the copies go into every checkpoint with the rest, and never leave the
 * session.
 */
final class WeightStore {
  private final Op keep;
  private final Op restore;

  private WeightStore(Op keep, Op restore) {
    this.keep = keep;
    this.restore = restore;
  }

  /** Adds to the graph a copy of each weight, an op that fills the copies and one that reads them back. */
  static WeightStore build(Net net) {
    Ops tf = net.tf().withSubScope("best_weights");
    List<Op> keeps = new ArrayList<>();
    List<Op> restores = new ArrayList<>();
    for (Net.Weight weight : net.weights()) {
      Variable<TFloat32> copy = tf.withName(weight.variable().op().name())
          .variable(tf.zeros(tf.constant(weight.shape().asArray()), TFloat32.class));
      keeps.add(tf.assign(copy, weight.read()));
      // Read through identity: a raw variable output in an op's value input breaks (reference dtype).
      restores.add(tf.assign(weight.variable(), tf.identity(copy)));
    }
    return new WeightStore(
        tf.withName("keep").withControlDependencies(keeps).noOp(),
        tf.withName("restore").withControlDependencies(restores).noOp());
  }

  /** Copies the weights' current values into the store. */
  void keep(Session session) {
    session.runner().addTarget(keep).run().close();
  }

  /** Puts back the values {@link #keep} copied last. */
  void restore(Session session) {
    session.runner().addTarget(restore).run().close();
  }
}

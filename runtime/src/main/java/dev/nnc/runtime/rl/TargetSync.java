package dev.nnc.runtime.rl;

import dev.nnc.runtime.graph.Net;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * {@code sync target: q} and {@code sync target: q, tau: 0.005}: one op that sets every weight of
 * one model instance from the same weight of another, wholly ({@code tau} 1, DQN's target network)
 * or a fraction {@code tau} of the way ({@code target ← tau·q + (1 − tau)·target}, Polyak averaging
 * as in DDPG and Stable-Baselines3). Every weight is synced, the non-trainable ones (batch
 * statistics) too.
 */
public final class TargetSync {
  private TargetSync() {}

  /**
   * The op that syncs {@code target} from {@code source}: two instances of the same model, as
   * {@link Net#weightsOf} lists them (the same weights in the same order).
   */
  public static Op build(Ops tf, List<Net.Weight> target, List<Net.Weight> source, double tau) {
    if (!(tau > 0 && tau <= 1)) {
      throw new IllegalArgumentException("tau must be above 0 and at most 1, not " + tau);
    }
    if (target.size() != source.size()) {
      throw new IllegalArgumentException("cannot sync " + target.size() + " weights from " + source.size()
          + ": the two are not instances of the same model");
    }
    List<Op> assigns = new ArrayList<>();
    for (int i = 0; i < target.size(); i++) {
      Net.Weight to = target.get(i);
      Net.Weight from = source.get(i);
      if (!withinModel(to.name()).equals(withinModel(from.name())) || !to.shape().equals(from.shape())) {
        throw new IllegalArgumentException("cannot sync " + to.name() + " " + to.shape() + " from " + from.name()
            + " " + from.shape() + ": the two are not instances of the same model");
      }
      // Reads go through the weights' identities: a raw variable output as an op's value input
      // breaks on TF Java's reference dtypes.
      Operand<TFloat32> value = tau == 1 ? from.read()
          : tf.math.add(tf.math.mul(tf.constant((float) tau), from.read()),
              tf.math.mul(tf.constant((float) (1 - tau)), to.read()));
      assigns.add(tf.assign(to.variable(), value));
    }
    return tf.withControlDependencies(assigns).noOp();
  }

  /** A weight's name without its model instance: {@code dense/kernel} of {@code target/dense/kernel}. */
  private static String withinModel(String name) {
    int slash = name.indexOf('/');
    return slash < 0 ? name : name.substring(slash + 1);
  }
}

package dev.nnc.runtime.train;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * What happens to a step's gradients between their computation and the optimizer's update, built
 * into the graph once: nothing, clipping ({@link ClipGradients}), and — the plug point for
 * data-parallel training — an all-reduce across replicas. Every {@code minimize} of every kind of
 * job goes through {@link TrainOps#applyGradients}, which applies the job's transform.
 */
public interface GradientTransform {
  /** The gradients to apply, in the same order as {@code gradients}; {@code tf} is a scope of their own. */
  List<Operand<TFloat32>> apply(Ops tf, List<Operand<TFloat32>> gradients);

  /** The gradients as computed. */
  static GradientTransform none() {
    return (tf, gradients) -> gradients;
  }

  /** This transform, then {@code next} on what it gives. */
  default GradientTransform andThen(GradientTransform next) {
    return (tf, gradients) -> next.apply(tf, apply(tf, gradients));
  }
}

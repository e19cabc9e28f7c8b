package dev.nnc.runtime.distributed;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * What a training step does between computing its gradients and applying them: nothing in one
 * process, an average over the workers in a cluster ({@link AllReduce}). Built once, into the
 * graph; the result has one gradient per input gradient, in the same order and shapes.
 */
@FunctionalInterface
public interface GradientReduction {
  GradientReduction NONE = (tf, gradients) -> gradients;

  List<Operand<TFloat32>> reduce(Ops tf, List<Operand<TFloat32>> gradients);
}

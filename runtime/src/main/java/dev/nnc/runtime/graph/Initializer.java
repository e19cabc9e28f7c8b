package dev.nnc.runtime.graph;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Builds the initial value of a weight; {@code seed} is unique per weight and fixed by the job's seed. */
@FunctionalInterface
public interface Initializer {
  Operand<TFloat32> create(Ops tf, Shape shape, long seed);
}

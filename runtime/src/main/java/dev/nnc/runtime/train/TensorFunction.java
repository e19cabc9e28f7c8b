package dev.nnc.runtime.train;

import dev.nnc.runtime.graph.Net;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * Builds a loss or a metric from the model's outputs and the data fields, all by name: FLOAT fields
 * are {@code TFloat32} and INT fields {@code TInt32}, each with the batch as first dimension. The
 * result is the batch mean as a scalar (a non-scalar result is averaged).
 */
@FunctionalInterface
public interface TensorFunction {
  Operand<TFloat32> build(Net net, Map<String, Operand<?>> values);
}

package dev.nnc.stdlib;

import dev.nnc.runtime.graph.Net;
import dev.nnc.stdlib.spec.Args;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * A metric that is a ratio of counts, such as precision: as a job's metric it is reported exactly over
 * the epoch, the sum of the numerators over the sum of the denominators, so {@link #parts} gives the
 * batch's two counts. Inside an expression, {@link #build} gives the batch's own ratio.
 */
public interface RatioMetric extends TensorOp {
  /** The batch's numerator and denominator, a {@code float[2]}. */
  Operand<TFloat32> parts(Net net, Args args, List<Operand<?>> inputs);
}

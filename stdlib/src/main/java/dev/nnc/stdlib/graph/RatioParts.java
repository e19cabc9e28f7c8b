package dev.nnc.stdlib.graph;

import dev.nnc.runtime.graph.Net;
import dev.nnc.stdlib.spec.Args;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** The graph of a {@link dev.nnc.stdlib.RatioMetric}: besides the batch's ratio, its two counts. */
public interface RatioParts {
  /** The batch's numerator and denominator, a {@code float[2]}, which a job sums over the epoch. */
  Operand<TFloat32> parts(Net net, Args args, List<Operand<?>> inputs);
}

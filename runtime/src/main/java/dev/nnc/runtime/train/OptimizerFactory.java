package dev.nnc.runtime.train;

import org.tensorflow.Graph;
import org.tensorflow.framework.optimizers.Optimizer;

/** Makes the optimizer for a training graph, once the graph exists. */
@FunctionalInterface
public interface OptimizerFactory {
  Optimizer create(Graph graph);
}

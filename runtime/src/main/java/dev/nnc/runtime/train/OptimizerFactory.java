package dev.nnc.runtime.train;

import org.tensorflow.Graph;
import org.tensorflow.framework.optimizers.Optimizer;

/**
 * Makes the optimizer for a training graph, once the graph exists. The optimizer must read its
 * learning rate (and, if it needs one, the step number) from {@code inputs}.
 */
@FunctionalInterface
public interface OptimizerFactory {
  Optimizer create(Graph graph, OptimizerInputs inputs);
}

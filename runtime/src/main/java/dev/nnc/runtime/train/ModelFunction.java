package dev.nnc.runtime.train;

import dev.nnc.runtime.graph.Net;
import java.util.Map;
import org.tensorflow.Operand;

/**
 * Builds a model's graph: from its inputs, by input name, to its outputs, by output name in
 * declaration order (the first output is the default one).
 */
@FunctionalInterface
public interface ModelFunction {
  Map<String, Operand<?>> build(Net net, Map<String, Operand<?>> inputs);
}

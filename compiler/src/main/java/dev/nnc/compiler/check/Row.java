package dev.nnc.compiler.check;

import dev.nnc.stdlib.spec.TensorType;
import java.util.List;

/**
 * One node of a model's graph, as the checker builds it: a layer, function or model applied, its
 * output type, its parameter counts, and the nodes (or model inputs) whose tensors it takes. A
 * summary is the list of rows; a diagram follows {@code inputs}.
 */
public record Row(String name, String type, TensorType output, long trainable, long nonTrainable, List<String> inputs) {
  public Row {
    inputs = List.copyOf(inputs);
  }

  public long params() {
    return trainable + nonTrainable;
  }
}

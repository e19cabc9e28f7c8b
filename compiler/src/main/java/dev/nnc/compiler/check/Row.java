package dev.nnc.compiler.check;

import dev.nnc.stdlib.spec.TensorType;

/** One line of a model summary: a layer application with its output and parameter counts. */
public record Row(String name, String type, TensorType output, long trainable, long nonTrainable) {
  public long params() {
    return trainable + nonTrainable;
  }
}

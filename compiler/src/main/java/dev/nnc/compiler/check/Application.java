package dev.nnc.compiler.check;

import dev.nnc.stdlib.spec.TensorType;

/**
 * A layer, function or model applied where it is written: the tensor it gives and the parameters it
 * holds (a shared layer's every application holds the same ones). Editors show it on hover.
 */
public record Application(TensorType output, long trainable, long nonTrainable) {
  public long params() {
    return trainable + nonTrainable;
  }
}

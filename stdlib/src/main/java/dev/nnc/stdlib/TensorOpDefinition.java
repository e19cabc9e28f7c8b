package dev.nnc.stdlib;

import dev.nnc.stdlib.spec.Signature;

/** A tensor built-in's definition: it writes only its shape rule and weights; its graph is in {@code graph/}. */
public abstract class TensorOpDefinition extends BuiltinDefinition implements TensorOp {
  protected TensorOpDefinition(String name, Kind kind, String doc, Signature signature) {
    super(name, kind, doc, signature);
  }
}

package dev.nnc.stdlib;

import dev.nnc.stdlib.spec.Signature;

/**
 * The part every tensor built-in shares: its name, kind, documentation and signature, fixed at
 * construction. A built-in extends this and writes only its shape rule, weights and graph.
 */
public abstract class TensorOpDefinition implements TensorOp {
  private final String name;
  private final Kind kind;
  private final String doc;
  private final Signature signature;

  protected TensorOpDefinition(String name, Kind kind, String doc, Signature signature) {
    this.name = name;
    this.kind = kind;
    this.doc = doc;
    this.signature = signature;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final Kind kind() {
    return kind;
  }

  @Override
  public final Signature signature() {
    return signature;
  }

  @Override
  public final String doc() {
    return doc;
  }
}

package dev.nnc.stdlib;

import dev.nnc.stdlib.spec.Signature;

/**
 * What every built-in's definition holds: its name, kind, documentation and signature, fixed at
 * construction. Tensor built-ins and configured ones (optimizers, schedules) extend it.
 */
public abstract class BuiltinDefinition implements Builtin {
  private final String name;
  private final Kind kind;
  private final String doc;
  private final Signature signature;

  protected BuiltinDefinition(String name, Kind kind, String doc, Signature signature) {
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

package dev.nnc.stdlib.optimizers;

import dev.nnc.stdlib.BuiltinDefinition;
import dev.nnc.stdlib.Kind;
import dev.nnc.stdlib.spec.Args;
import dev.nnc.stdlib.spec.Signature;
import java.util.function.Function;

/**
 * A built-in that its call turns into one runtime object, such as an optimizer or a learning-rate
 * schedule: a signature, and how to make the object from the arguments.
 */
public abstract class ConfiguredBuiltin<T> extends BuiltinDefinition {
  private final Function<Args, T> factory;

  protected ConfiguredBuiltin(String name, Kind kind, String doc, Signature signature, Function<Args, T> factory) {
    super(name, kind, doc, signature);
    this.factory = factory;
  }

  /** What generated code calls: {@code Builtins.ADAM.with("lr", 1e-3)}. */
  public final T with(Object... namesAndValues) {
    return create(Args.of(signature(), namesAndValues));
  }

  /** The object for arguments the checker has bound. */
  public final T create(Args args) {
    return factory.apply(args);
  }
}

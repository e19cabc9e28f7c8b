package dev.nnc.stdlib.init;

import static dev.nnc.stdlib.spec.Param.optional;

import dev.nnc.stdlib.BuiltinDefinition;
import dev.nnc.stdlib.Kind;
import dev.nnc.stdlib.spec.ParamType;
import dev.nnc.stdlib.spec.Signature;
import java.util.List;
import java.util.Optional;

/**
 * A weight initializer a program may name as {@code init:} or a parameter's value, with Keras's
 * definition: its name, documentation and the signature of its arguments (with their defaults, which
 * {@link Initializers} reads). The checker, completion and the README read them here.
 */
public final class InitializerBuiltin extends BuiltinDefinition {
  public static final InitializerBuiltin ZEROS = of("zeros", "Every value 0.");
  public static final InitializerBuiltin ONES = of("ones", "Every value 1.");
  public static final InitializerBuiltin GLOROT_UNIFORM =
      of("glorot_uniform", "Uniform in ±sqrt(6 / (fan_in + fan_out)), Keras's default for kernels.");
  public static final InitializerBuiltin GLOROT_NORMAL =
      of("glorot_normal", "Truncated normal of deviation sqrt(2 / (fan_in + fan_out)).");
  public static final InitializerBuiltin HE_NORMAL = of("he_normal", "Truncated normal of deviation sqrt(2 / fan_in).");
  public static final InitializerBuiltin LECUN_NORMAL =
      of("lecun_normal", "Truncated normal of deviation sqrt(1 / fan_in).");
  public static final InitializerBuiltin ORTHOGONAL =
      of("orthogonal", "An orthogonal matrix (the Q of a normal matrix's QR), for recurrent kernels.");
  public static final InitializerBuiltin NORMAL = of("normal", "Normal values, normal(mean, std).",
      optional("mean", ParamType.FLOAT, 0.0), optional("std", ParamType.POSITIVE_FLOAT, 0.05));
  public static final InitializerBuiltin UNIFORM = of("uniform", "Uniform values in [lo, hi), uniform(lo, hi).",
      optional("lo", ParamType.FLOAT, -0.05), optional("hi", ParamType.FLOAT, 0.05));
  public static final InitializerBuiltin CONSTANT =
      of("constant", "Every value v, constant(v).", optional("value", ParamType.FLOAT, 0.0));

  /** The initializers a program may name, in the order the README lists them. */
  public static final List<InitializerBuiltin> ALL =
      List.of(ZEROS, ONES, GLOROT_UNIFORM, GLOROT_NORMAL, HE_NORMAL, LECUN_NORMAL, ORTHOGONAL, NORMAL, UNIFORM, CONSTANT);

  /** The names a program may write as {@code init:}. */
  public static List<String> names() {
    return ALL.stream().map(InitializerBuiltin::name).toList();
  }

  private InitializerBuiltin(String name, String doc, Signature signature) {
    super(name, Kind.INITIALIZER, doc, signature);
  }

  private static InitializerBuiltin of(String name, String doc, dev.nnc.stdlib.spec.Param... params) {
    return new InitializerBuiltin(name, doc, Signature.of(0, params));
  }

  public static Optional<InitializerBuiltin> named(String name) {
    return ALL.stream().filter(i -> i.name().equals(name)).findFirst();
  }
}

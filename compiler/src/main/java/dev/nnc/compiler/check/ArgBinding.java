package dev.nnc.compiler.check;

import dev.nnc.compiler.syntax.Ast;
import dev.nnc.stdlib.spec.Param;
import dev.nnc.stdlib.spec.Signature;
import java.util.List;

/** How call arguments map to parameters, shared by the checker and the emitter so they always agree. */
public final class ArgBinding {
  private ArgBinding() {}

  public static List<Param> paramsOf(Signature signature, List<Ast.Arg> args) {
    return ArgBinder.paramsOf(signature, args);
  }
}

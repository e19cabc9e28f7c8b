package dev.nnc.compiler.emit;

import dev.nnc.compiler.check.ArgBinding;
import dev.nnc.compiler.check.Program;
import dev.nnc.compiler.check.Value;
import dev.nnc.compiler.syntax.Ast;
import dev.nnc.stdlib.spec.Args;
import dev.nnc.stdlib.spec.Param;
import dev.nnc.stdlib.spec.ParamType;
import dev.nnc.stdlib.spec.Signature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A data source's or transform's arguments as the checker bound them, with the signature's defaults
 * behind them: compile-time values from the checker's table, words ({@code flip: horizontal}) as
 * written.
 */
final class DataArgs {
  private DataArgs() {}

  static Args of(Program program, Signature signature, List<Ast.Arg> args) {
    List<Param> params = ArgBinding.paramsOf(signature, args);
    Map<String, Object> given = new LinkedHashMap<>();
    for (int i = 0; i < args.size(); i++) {
      Ast.Expr value = args.get(i).value();
      Param param = params.get(i);
      given.put(param.name(), param.type() instanceof ParamType.Choice
          ? word(value)
          : ((Value.Const) program.valueOf(value)).value());
    }
    return new Args(signature, given);
  }

  private static String word(Ast.Expr value) {
    return value instanceof Ast.Name n ? n.name() : ((Ast.Str) value).value();
  }
}

package dev.nnc.compiler.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.nnc.compiler.check.Program;
import dev.nnc.compiler.check.Value;
import dev.nnc.compiler.syntax.Ast;
import dev.nnc.stdlib.data.DataBuiltin;
import dev.nnc.stdlib.data.DataBuiltins;
import dev.nnc.stdlib.spec.Args;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Writes a data transform as the dataset method it calls: {@code | take(100)} → {@code .take(100)}. */
final class TransformWriter {
  private static final ClassName COLUMN = ClassName.get("dev.nnc.runtime.data", "Column");
  private static final ClassName AUGMENTATION = ClassName.get("dev.nnc.runtime.data", "Augmentation");

  private final Program program;
  /** Writes a dataset expression, such as the data of {@code like:}. */
  private final Function<Ast.Expr, CodeBlock> datasets;
  /** How each transform of the registry is called; DataBuiltinContractTest checks every transform has one. */
  private final Map<DataBuiltin, Function<Ast.Call, CodeBlock>> calls;

  TransformWriter(Program program, Function<Ast.Expr, CodeBlock> datasets) {
    this.program = program;
    this.datasets = datasets;
    this.calls = Map.of(
        DataBuiltins.MAP, this::map,
        DataBuiltins.SHUFFLE, this::count,
        DataBuiltins.TAKE, this::count,
        DataBuiltins.SKIP, this::count,
        DataBuiltins.REPEAT, this::count,
        DataBuiltins.SPLIT, this::split,
        DataBuiltins.ONE_HOT, call -> CodeBlock.of(".oneHot($S, $L)", field(call),
            DataArgs.of(program, DataBuiltins.ONE_HOT.signature(), afterField(call)).integer("depth")),
        DataBuiltins.AUGMENT, this::augment,
        DataBuiltins.STANDARDIZE, this::standardize);
  }

  CodeBlock transform(Ast.Call call) {
    String name = ((Ast.Name) call.callee()).name();
    return calls.get(DataBuiltins.transform(name).orElseThrow()).apply(call);
  }

  /** {@code shuffle(buffer)}, {@code take(n)}, {@code skip(n)}, {@code repeat(times)}: the dataset method of that name. */
  private CodeBlock count(Ast.Call call) {
    return CodeBlock.of(".$L($L)", ((Ast.Name) call.callee()).name(), ExprWriter.literal(constant(call.args().get(0).value())));
  }

  /** {@code standardize(image)}, or {@code standardize(image, like: data)} with that data's statistics. */
  private CodeBlock standardize(Ast.Call call) {
    return call.args().size() == 1
        ? CodeBlock.of(".standardize($S)", field(call))
        : CodeBlock.of(".standardize($S, $L)", field(call), datasets.apply(call.args().get(1).value()));
  }

  /** One {@code .map(field, r -> column)} per computed field. */
  private CodeBlock map(Ast.Call call) {
    CodeBlock.Builder b = CodeBlock.builder();
    for (Ast.Arg arg : call.args()) {
      b.add(".map($S, r -> $L)", arg.name().name(), column(arg.value()));
    }
    return b.build();
  }

  /** {@code split(0.9)}, or {@code split(0.9, seed)} for a fixed random split. */
  private CodeBlock split(Ast.Call call) {
    CodeBlock fraction = ExprWriter.literal(((Number) constant(call.args().get(0).value())).doubleValue());
    return call.args().size() == 1
        ? CodeBlock.of(".split($L)", fraction)
        : CodeBlock.of(".split($L, $LL)", fraction, constant(call.args().get(1).value()));
  }

  /** {@code .augment("image", Augmentation.none().flipHorizontal().rotate(15.0))}: only the changes asked for. */
  private CodeBlock augment(Ast.Call call) {
    Args args = DataArgs.of(program, DataBuiltins.AUGMENT.signature(), afterField(call));
    CodeBlock.Builder b = CodeBlock.builder().add("$T.none()", AUGMENTATION);
    String flip = args.string("flip");
    if (flip.startsWith("horizontal")) {
      b.add(".flipHorizontal()");
    }
    if (flip.endsWith("vertical")) {
      b.add(".flipVertical()");
    }
    for (String change : List.of("rotate", "shift", "zoom")) {
      if (args.real(change) > 0) {
        b.add(".$L($L)", change, ExprWriter.literal(args.real(change)));
      }
    }
    return CodeBlock.of(".augment($S, $L)", field(call), b.build());
  }

  /** A map expression over whole columns: {@code image / 255} → {@code r.get("image").div(255.0)}. */
  private CodeBlock column(Ast.Expr e) {
    Value v = program.valueOf(e);
    if (v instanceof Value.Const c) {
      return CodeBlock.of("$T.constant($L)", COLUMN, ExprWriter.literal(((Number) c.value()).doubleValue()));
    }
    if (e instanceof Ast.Name n) {
      return CodeBlock.of("r.get($S)", n.name());
    }
    if (e instanceof Ast.Unary u) {
      return CodeBlock.of("$L.neg()", column(u.operand()));
    }
    if (e instanceof Ast.Binary b) {
      String method = switch (b.op()) {
        case ADD -> "add";
        case SUB -> "sub";
        case MUL -> "mul";
        default -> "div";
      };
      Value right = program.valueOf(b.right());
      CodeBlock argument = right instanceof Value.Const c
          ? ExprWriter.literal(((Number) c.value()).doubleValue())
          : column(b.right());
      return CodeBlock.of("$L.$L($L)", column(b.left()), method, argument);
    }
    throw new IllegalStateException("not a column expression: " + e.span().text());
  }

  private Object constant(Ast.Expr e) {
    return ((Value.Const) program.valueOf(e)).value();
  }

  /** The field a transform names first: {@code label} of {@code one_hot(label, 10)}. */
  private static String field(Ast.Call call) {
    return ((Ast.Name) call.args().get(0).value()).name();
  }

  private static List<Ast.Arg> afterField(Ast.Call call) {
    return call.args().subList(1, call.args().size());
  }
}

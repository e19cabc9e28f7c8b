package dev.nnc.compiler.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.nnc.compiler.check.Program;
import dev.nnc.compiler.check.Value;
import dev.nnc.compiler.syntax.Ast;
import dev.nnc.runtime.data.ElementType;
import dev.nnc.runtime.data.Field;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/** A data block as a class with one static method per split, each building its dataset pipeline. */
final class DataGenerator {
  static final ClassName DATASET = ClassName.get("dev.nnc.runtime.data", "Dataset");
  static final ClassName DATA_CONTEXT = ClassName.get("dev.nnc.runtime.data", "DataContext");
  private static final ClassName IDX = ClassName.get("dev.nnc.runtime.data", "Idx");
  private static final ClassName RECORDS = ClassName.get("dev.nnc.runtime.data", "Records");
  private static final ClassName COLUMN = ClassName.get("dev.nnc.runtime.data", "Column");

  private final Program program;
  private final String packageName;

  DataGenerator(Program program, String packageName) {
    this.program = program;
    this.packageName = packageName;
  }

  TypeSpec.Builder generate(Ast.Data block) {
    TypeSpec.Builder type = Emitter.finalClass(ClassName.get(packageName, JavaNames.dataClass(block.name().name())))
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    for (Ast.Split split : block.splits()) {
      type.addMethod(MethodSpec.methodBuilder(JavaNames.identifier(split.name().name()))
          .addJavadoc("The $L split; relative file names are resolved by {@code data}.\n", split.name().name())
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
          .returns(DATASET)
          .addParameter(DATA_CONTEXT, "data")
          .addStatement("return $L", dataset(split.value()))
          .build());
    }
    return type;
  }

  /** A dataset expression: a source, a split of a data block, and transforms. */
  CodeBlock dataset(Ast.Expr e) {
    if (e instanceof Ast.Member m && m.target() instanceof Ast.Name block) {
      return CodeBlock.of("$T.$L(data)", ClassName.get(packageName, JavaNames.dataClass(block.name())),
          JavaNames.identifier(m.member().name()));
    }
    if (e instanceof Ast.Call c) {
      return CodeBlock.of("$T.load(data.resolve($S), data.resolve($S))", IDX,
          ((Ast.Str) c.args().get(0).value()).value(), ((Ast.Str) c.args().get(1).value()).value());
    }
    if (e instanceof Ast.Records r) {
      return records(r);
    }
    if (e instanceof Ast.DataPipe p) {
      return pipe(p);
    }
    throw new IllegalStateException("not a dataset: " + e.span().text());
  }

  private CodeBlock pipe(Ast.DataPipe pipe) {
    CodeBlock.Builder b = CodeBlock.builder().add("$L", dataset(pipe.source()));
    for (Ast.Expr t : pipe.transforms()) {
      Ast.Call call = (Ast.Call) t;
      String name = ((Ast.Name) call.callee()).name();
      if (name.equals("map")) {
        for (Ast.Arg arg : call.args()) {
          b.add(".map($S, r -> $L)", arg.name().name(), column(arg.value()));
        }
      } else {
        b.add(".$L($L)", name, ExprWriter.literal(((Value.Const) program.valueOf(call.args().get(0).value())).value()));
      }
    }
    return b.build();
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

  private CodeBlock records(Ast.Records r) {
    Value.Dataset dataset = (Value.Dataset) program.valueOf(r);
    List<CodeBlock> fields = new ArrayList<>();
    for (Field f : dataset.fields()) {
      CodeBlock.Builder b = CodeBlock.builder()
          .add("$T.$L($S", ModelGenerator.FIELD, f.type() == ElementType.FLOAT ? "floats" : "ints", f.name());
      for (int d : f.shape()) {
        b.add(", $L", d);
      }
      fields.add(b.add(")").build());
    }
    CodeBlock.Builder rows = CodeBlock.builder();
    int perRow = dataset.fields().size();
    for (int i = 0; i < r.values().size(); i += perRow) {
      List<String> numbers = new ArrayList<>();
      for (int j = i; j < i + perRow; j++) {
        flatten(((Value.Const) program.valueOf(r.values().get(j))).value(), numbers);
      }
      rows.add("\n    {$L}$L", String.join(", ", numbers), i + perRow < r.values().size() ? "," : "");
    }
    return CodeBlock.of("$T.of(\n    $T.of($L),\n    new double[][] {$L})", RECORDS, List.class,
        CodeBlock.join(fields, ", "), rows.build());
  }

  private static void flatten(Object value, List<String> out) {
    if (value instanceof List<?> list) {
      list.forEach(item -> flatten(item, out));
    } else {
      out.add(ExprWriter.literal(((Number) value).doubleValue()).toString());
    }
  }
}

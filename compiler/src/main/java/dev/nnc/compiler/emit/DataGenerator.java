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

/**
 * A data block as a class with one static method per split, each building its dataset pipeline:
 * the source's load call, then one method call per transform.
 */
final class DataGenerator {
  static final ClassName DATASET = ClassName.get("dev.nnc.runtime.data", "Dataset");
  static final ClassName DATA_CONTEXT = ClassName.get("dev.nnc.runtime.data", "DataContext");
  private static final ClassName PARTS = DATASET.nestedClass("Parts");
  private static final ClassName RECORDS = ClassName.get("dev.nnc.runtime.data", "Records");

  private final Program program;
  private final String packageName;
  private final SourceWriter sources;
  private final TransformWriter transforms;

  DataGenerator(Program program, String packageName) {
    this.program = program;
    this.packageName = packageName;
    this.sources = new SourceWriter(program);
    this.transforms = new TransformWriter(program, this::dataset);
  }

  TypeSpec.Builder generate(Ast.Data block) {
    TypeSpec.Builder type = Emitter.finalClass(ClassName.get(packageName, JavaNames.dataClass(block.name().name())))
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    for (Ast.Split split : block.splits()) {
      boolean parts = program.valueOf(split.value()) instanceof Value.DatasetParts;
      type.addMethod(MethodSpec.methodBuilder(JavaNames.identifier(split.name().name()))
          .addJavadoc("The $L split; relative file names are resolved by {@code data}.\n", split.name().name())
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
          .returns(parts ? PARTS : DATASET)
          .addParameter(DATA_CONTEXT, "data")
          .addStatement("return $L", dataset(split.value()))
          .build());
    }
    return type;
  }

  /** A dataset expression: a source, a split of a data block, a part of a split, transforms. */
  CodeBlock dataset(Ast.Expr e) {
    if (e instanceof Ast.Member m && m.target() instanceof Ast.Name block) {
      return CodeBlock.of("$T.$L(data)", ClassName.get(packageName, JavaNames.dataClass(block.name())),
          JavaNames.identifier(m.member().name()));
    }
    if (e instanceof Ast.Member m) {
      return CodeBlock.of("$L.$L()", dataset(m.target()), m.member().name());
    }
    if (e instanceof Ast.Call c) {
      return sources.source(c);
    }
    if (e instanceof Ast.Records r) {
      return records(r);
    }
    if (e instanceof Ast.DataPipe p) {
      CodeBlock.Builder b = CodeBlock.builder().add("$L", dataset(p.source()));
      p.transforms().forEach(t -> b.add("$L", transforms.transform((Ast.Call) t)));
      return b.build();
    }
    throw new IllegalStateException("not a dataset: " + e.span().text());
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

package dev.nnc.compiler.emit;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.nnc.compiler.check.ModelInstance;
import dev.nnc.runtime.data.ElementType;
import dev.nnc.stdlib.spec.TensorType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * The typed inference API of a model a job exports: {@code FashionCnnModel.load(dir)} opens the
 * SavedModel, {@code predict} takes one record per input (its values flat, an {@code int[]} for an
 * int input) or a batch of them, and gives the output's values — for several outputs, a record of
 * them. It needs the nnc runtime and TensorFlow Java, not the compiler.
 */
final class InferenceGenerator {
  private static final ClassName EXPORTED_MODEL = ClassName.get("dev.nnc.runtime.infer", "ExportedModel");

  private final String packageName;

  InferenceGenerator(String packageName) {
    this.packageName = packageName;
  }

  /** The class for {@code model} as the job that exports it feeds it (its sizes bound by the data). */
  TypeSpec.Builder generate(ModelInstance model) {
    String modelName = model.decl().name().name();
    ClassName modelClass = ClassName.get(packageName, JavaNames.modelClass(modelName));
    ClassName name = ClassName.get(packageName, JavaNames.modelClass(modelName) + "Model");
    List<String> outputs = new ArrayList<>(model.outputs().keySet());
    boolean several = outputs.size() > 1;
    ClassName prediction = name.nestedClass("Prediction");
    TypeSpec.Builder type = Emitter.finalClass(name)
        .addSuperinterface(AutoCloseable.class)
        .addJavadoc("$L exported by a train job, for predictions:\n"
            + "{@code try (var m = $T.load(dir)) { var p = m.predict(...); }}. A record is given flat: the values\n"
            + "of its shape, row after row.\n\n", modelName, name)
        .addField(FieldSpec.builder(EXPORTED_MODEL, "model", Modifier.PRIVATE, Modifier.FINAL).build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE)
            .addParameter(EXPORTED_MODEL, "model").addStatement("this.model = model").build())
        .addMethod(MethodSpec.methodBuilder("load")
            .addJavadoc("Loads the SavedModel a job exported to {@code dir}.\n")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(name)
            .addParameter(Path.class, "dir")
            .addStatement("return new $T($T.load(dir).expect($S, $T.of($L), $T.OUTPUTS))", name, EXPORTED_MODEL,
                modelName, List.class, CodeBlock.join(model.inputs().keySet().stream()
                    .map(i -> CodeBlock.of("$S", i)).toList(), ", "), modelClass)
            .build());
    if (several) {
      type.addType(predictionRecord(prediction, model));
    }
    type.addMethod(one(model, several ? prediction : record(model.outputs().get(outputs.get(0)))));
    type.addMethod(batch(model, several ? ArrayTypeName.of(prediction) : batchOf(model.outputs().get(outputs.get(0)))));
    type.addMethod(MethodSpec.methodBuilder("close").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .addStatement("model.close()").build());
    return type;
  }

  /** {@code predict(float[] image)}: the batch variant on a batch of one. */
  private static MethodSpec one(ModelInstance model, TypeName returns) {
    MethodSpec.Builder m = MethodSpec.methodBuilder("predict").addModifiers(Modifier.PUBLIC).returns(returns);
    List<CodeBlock> batched = new ArrayList<>();
    StringBuilder doc = new StringBuilder("The model's output for one record:");
    model.inputs().forEach((input, t) -> {
      String param = JavaNames.identifier(input);
      m.addParameter(record(t), param);
      batched.add(CodeBlock.of("new $T {$N}", batchOf(t), param));
      doc.append(" {@code ").append(param).append("} is ").append(t.element().label())
          .append(t.shape().unbatched()).append(',');
    });
    return m.addJavadoc("$L flat.\n", doc.substring(0, doc.length() - 1))
        .addStatement("return predict($L)[0]", CodeBlock.join(batched, ", "))
        .build();
  }

  /** {@code predict(float[][] image)}: runs the SavedModel once for the whole batch. */
  private static MethodSpec batch(ModelInstance model, TypeName returns) {
    MethodSpec.Builder m = MethodSpec.methodBuilder("predict").addModifiers(Modifier.PUBLIC).returns(returns)
        .addJavadoc("The model's outputs for a batch: one record per row, in order.\n");
    List<CodeBlock> feeds = new ArrayList<>();
    model.inputs().forEach((input, t) -> {
      m.addParameter(batchOf(t), JavaNames.identifier(input));
      feeds.add(CodeBlock.of("$S, $N", input, JavaNames.identifier(input)));
    });
    CodeBlock run = feeds.size() <= 10
        ? CodeBlock.of("model.run($T.of($L))", Map.class, CodeBlock.join(feeds, ", "))
        : CodeBlock.of("model.run($T.ofEntries($L))", Map.class, CodeBlock.join(feeds.stream()
            .map(f -> CodeBlock.of("$T.entry($L)", Map.class, f)).toList(), ", "));
    if (model.outputs().size() == 1) {
      Map.Entry<String, TensorType> output = model.outputs().entrySet().iterator().next();
      return m.addStatement("return $L.$L($S)", run, getter(output.getValue()), output.getKey()).build();
    }
    m.addStatement("$T out = $L", EXPORTED_MODEL.nestedClass("Outputs"), run);
    List<CodeBlock> columns = new ArrayList<>();
    model.outputs().forEach((output, t) -> {
      String local = JavaNames.identifier(output);
      m.addStatement("$T $N = out.$L($S)", batchOf(t), local, getter(t), output);
      columns.add(CodeBlock.of("$N[i]", local));
    });
    String first = JavaNames.identifier(model.outputs().keySet().iterator().next());
    return m.addStatement("$T result = new $T[$N.length]", returns, ((ArrayTypeName) returns).componentType(), first)
        .beginControlFlow("for (int i = 0; i < result.length; i++)")
        .addStatement("result[i] = new $T($L)", ((ArrayTypeName) returns).componentType(), CodeBlock.join(columns, ", "))
        .endControlFlow()
        .addStatement("return result")
        .build();
  }

  private static TypeSpec predictionRecord(ClassName name, ModelInstance model) {
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
    model.outputs().forEach((output, t) -> constructor.addParameter(record(t), JavaNames.identifier(output)));
    return TypeSpec.recordBuilder(name).addModifiers(Modifier.PUBLIC)
        .addJavadoc("The model's outputs for one record, each flat.\n")
        .recordConstructor(constructor.build())
        .build();
  }

  private static String getter(TensorType t) {
    return t.element() == ElementType.INT ? "ints" : "floats";
  }

  private static TypeName record(TensorType t) {
    return ArrayTypeName.of(t.element() == ElementType.INT ? TypeName.INT : TypeName.FLOAT);
  }

  private static TypeName batchOf(TensorType t) {
    return ArrayTypeName.of(record(t));
  }
}

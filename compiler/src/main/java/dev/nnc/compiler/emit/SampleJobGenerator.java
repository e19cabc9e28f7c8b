package dev.nnc.compiler.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.nnc.compiler.check.Program;
import dev.nnc.compiler.check.SampleJob;
import dev.nnc.compiler.syntax.Ast;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * A sample job as a class: {@code spec()} gives the runtime's sampler the model and the settings,
 * and {@code main} prints the generated text.
 */
final class SampleJobGenerator {
  private static final ClassName SAMPLE_SPEC = ClassName.get("dev.nnc.runtime.infer", "SampleSpec");
  private static final ClassName SAMPLER = ClassName.get("dev.nnc.runtime.infer", "Sampler");

  private final Program program;
  private final String packageName;

  SampleJobGenerator(Program program, String packageName) {
    this.program = program;
    this.packageName = packageName;
  }

  TypeSpec.Builder generate(SampleJob job) {
    ClassName name = ClassName.get(packageName, JavaNames.sampleClass(job.decl().name().name()));
    return Emitter.finalClass(name)
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .addMethod(spec(job))
        .addMethod(MethodSpec.methodBuilder("main")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .addParameter(String[].class, "args")
            .addStatement("System.out.println($T.generate(spec()))", SAMPLER)
            .build());
  }

  private MethodSpec spec(SampleJob job) {
    Ast.Model decl = job.model().decl();
    ClassName modelType = ClassName.get(packageName, JavaNames.modelClass(decl.name().name()));
    ExprWriter constants = new ExprWriter(program, packageName, Map.of(), new HashSet<>(), new HashSet<>());
    List<Ast.Arg> modelArgs = job.modelExpr() instanceof Ast.Call c ? c.args() : List.of();
    CodeBlock body = CodeBlock.builder()
        .addStatement("$T model = $L", modelType, constants.modelInstance(decl, modelArgs, modelType))
        .addStatement("return new $T($S, model, $S, $L, $S, $S, $L, $L, $LL)", SAMPLE_SPEC, job.decl().name().name(),
            job.input(), job.window(), job.from(), job.prime(), job.length(), ExprWriter.literal(job.temperature()),
            job.seed())
        .build();
    return MethodSpec.methodBuilder("spec")
        .addJavadoc("The sample job $L: $L characters after the prime, from the model exported to $L.\n",
            job.decl().name().name(), job.length(), JavaNames.commentText(job.from()))
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(SAMPLE_SPEC)
        .addCode(body)
        .build();
  }
}

package dev.nnc.compiler.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.nnc.compiler.check.Job;
import dev.nnc.compiler.check.ModelInstance;
import dev.nnc.compiler.check.Program;
import dev.nnc.compiler.check.Value;
import dev.nnc.compiler.syntax.Ast;
import dev.nnc.runtime.data.ElementType;
import dev.nnc.runtime.data.Field;
import dev.nnc.runtime.train.CheckpointPolicy;
import dev.nnc.runtime.train.EarlyStopping;
import dev.nnc.runtime.train.GradientClipping;
import dev.nnc.runtime.train.WeightPenalty;
import dev.nnc.stdlib.Builtins;
import dev.nnc.stdlib.RatioMetric;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * A train job as a class: {@code spec(data)} assembles the job for the runtime's trainer, and
 * {@code main} runs it with data resolved against the current directory.
 */
final class JobGenerator {
  private static final ClassName TRAIN_SPEC = ClassName.get("dev.nnc.runtime.train", "TrainSpec");
  private static final ClassName TRAINER = ClassName.get("dev.nnc.runtime.train", "Trainer");
  static final ClassName TRAIN_OPTIONS = ClassName.get("dev.nnc.runtime.train", "TrainOptions");
  private static final ClassName TRAIN_RESULT = ClassName.get("dev.nnc.runtime.train", "TrainResult");
  /** The variable a step's generated code builds its statements on; `$` keeps it apart from .nn names. */
  static final String STEP = "$step";

  private final Program program;
  private final String packageName;
  private final DataGenerator data;

  JobGenerator(Program program, String packageName, DataGenerator data) {
    this.program = program;
    this.packageName = packageName;
    this.data = data;
  }

  TypeSpec.Builder generate(Job job) {
    TypeSpec.Builder type = jobClass(ClassName.get(packageName, JavaNames.jobClass(job.decl().name().name())),
        job.decl().name().name(), TRAIN_SPEC, spec(job), TRAINER);
    return job.export() != null ? type.addField(sourceField(program)) : type;
  }

  /**
   * A job's class: {@code spec(data)}, whose {@code body} assembles the job as a {@code specType};
   * {@code run(options)}, which hands it to {@code trainer}; and a {@code main} that runs it with
   * the default options.
   */
  static TypeSpec.Builder jobClass(ClassName name, String job, ClassName specType, CodeBlock body, ClassName trainer) {
    return Emitter.finalClass(name)
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .addMethod(MethodSpec.methodBuilder("spec")
            .addJavadoc("The train job $L, with its data files resolved by {@code data}.\n", job)
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(specType)
            .addParameter(DataGenerator.DATA_CONTEXT, "data")
            .addCode(body)
            .build())
        .addMethod(MethodSpec.methodBuilder("run")
            .addJavadoc("Trains the job as {@code options} say, its data files resolved against the current directory.\n")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(TRAIN_RESULT)
            .addParameter(TRAIN_OPTIONS, "options")
            .addStatement("return $T.run(spec($T.of($T.of(\"\"), $T.of())), options)",
                trainer, DataGenerator.DATA_CONTEXT, Path.class, List.class)
            .build())
        .addMethod(MethodSpec.methodBuilder("main")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .addParameter(String[].class, "args")
            .addStatement("run($T.defaults())", TRAIN_OPTIONS)
            .build());
  }

  private CodeBlock spec(Job job) {
    Ast.Model decl = job.model().decl();
    ClassName modelType = ClassName.get(packageName, JavaNames.modelClass(decl.name().name()));
    ExprWriter constants = new ExprWriter(program, packageName, Map.of(), new HashSet<>(), new HashSet<>());
    List<Ast.Arg> modelArgs = job.modelExpr() instanceof Ast.Call c ? c.args() : List.of();

    Map<String, CodeBlock> values = new HashMap<>();
    for (Field f : job.fields()) {
      values.put(f.name(), CodeBlock.of("v.get($S)", f.name()));
    }
    for (String output : job.model().outputs().keySet()) {
      values.put(output, CodeBlock.of("v.get($S)", output));
    }
    ExprWriter scalars = new ExprWriter(program, packageName, values, new HashSet<>(), new HashSet<>());

    CodeBlock.Builder b = CodeBlock.builder()
        .addStatement("$T model = $L", modelType, constants.modelInstance(decl, modelArgs, modelType))
        .add("return $T.builder($S)\n", TRAIN_SPEC, job.decl().name().name())
        .indent().indent()
        .add(".model(model, $L, $T.OUTPUTS)\n", inputFields(job.model()), modelType);
    job.feed().forEach((input, field) -> b.add(".feed($S, $S)\n", input, field));
    CodeBlock training = data.dataset(job.data());
    b.add(".data($L)\n", job.dropLast() ? CodeBlock.of("$L.dropLast($L)", training, job.batch()) : training);
    if (job.validate() != null) {
      b.add(".validate($L)\n", data.dataset(job.validate()));
    }
    b.add(".loss((net, v) -> $T.floats($L))\n", ExprWriter.LAYER, scalars.tensor(job.loss()));
    b.add(".optimizer($L)\n", constants.optimizer(job.optimizer()));
    b.add(".batch($L)\n", job.batch());
    if (job.steps() > 0) {
      b.add(".steps($LL)\n", job.steps());
    } else {
      b.add(".epochs($L)\n", job.epochs());
    }
    for (Job.Metric metric : job.metrics()) {
      Ast.Call call = (Ast.Call) metric.expr();
      if (Builtins.lookup(((Ast.Name) call.callee()).name()).orElse(null) instanceof RatioMetric ratio) {
        b.add(".ratioMetric($S, (net, v) -> $L)\n", metric.name(), scalars.ratio(ratio, call));
      } else {
        b.add(".metric($S, (net, v) -> $T.floats($L))\n", metric.name(), ExprWriter.LAYER, scalars.tensor(metric.expr()));
      }
    }
    if (job.stop() != null) {
      b.add(".stop($L)\n", stop(job.stop()));
    }
    if (job.clip() != null) {
      b.add(".clip($L)\n", clip(job.clip()));
    }
    if (job.regularize() != null) {
      b.add(".regularize($L)\n", regularize(job.regularize()));
    }
    if (job.checkpoint() != null) {
      b.add(".checkpoint($L)\n", checkpoint(job.checkpoint()));
    }
    if (job.export() != null) {
      b.add(".export($S)\n", job.export());
      b.add(sourceCall(program));
    }
    b.add(".seed($LL)\n", job.seed()).add(".build();\n").unindent().unindent();
    return b.build();
  }

  /**
   * The whole {@code .nn} file, exported with the model. One argument per line keeps every literal
   * far below the class file's limit on a constant's length, whatever the file's size.
   */
  static FieldSpec sourceField(Program program) {
    CodeBlock.Builder lines = CodeBlock.builder().add("$T.join($S", String.class, "\n").indent().indent();
    for (String line : program.unit().file().text().split("\n", -1)) {
      lines.add(",\n$S", line);
    }
    return FieldSpec.builder(String.class, "SOURCE", Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("The .nn file this job was compiled from, exported with the model.\n")
        .initializer(lines.add(")").unindent().unindent().build())
        .build();
  }

  /** {@code .source("mlp.nn", SOURCE)}: the builder call that hands the job its {@link #sourceField}. */
  static CodeBlock sourceCall(Program program) {
    return CodeBlock.of(".source($S, SOURCE)\n", Path.of(program.unit().file().name()).getFileName().toString());
  }

  /** {@code new EarlyStopping("val_loss", EarlyStopping.Goal.MINIMIZE, 3, 0.0, true)}. */
  static CodeBlock stop(EarlyStopping stop) {
    return CodeBlock.of("new $T($S, $T.$L, $L, $L, $L)", EarlyStopping.class, stop.monitor(),
        EarlyStopping.Goal.class, stop.goal().name(), stop.patience(), ExprWriter.literal(stop.minDelta()),
        stop.restoreBest());
  }

  /** {@code WeightPenalty.l2(1.0E-4)} or {@code WeightPenalty.l1(0.01)}. */
  static CodeBlock regularize(WeightPenalty penalty) {
    return CodeBlock.of("$T.$L($L)", WeightPenalty.class, penalty.norm() == WeightPenalty.Norm.L1 ? "l1" : "l2",
        ExprWriter.literal(penalty.factor()));
  }

  /** {@code GradientClipping.globalNorm(5.0)} or {@code GradientClipping.value(1.0)}. */
  static CodeBlock clip(GradientClipping clip) {
    if (clip instanceof GradientClipping.GlobalNorm norm) {
      return CodeBlock.of("$T.globalNorm($L)", GradientClipping.class, ExprWriter.literal(norm.max()));
    }
    return CodeBlock.of("$T.value($L)", GradientClipping.class,
        ExprWriter.literal(((GradientClipping.ByValue) clip).limit()));
  }

  /** {@code new CheckpointPolicy(Period.epochs(1), 3)}. */
  static CodeBlock checkpoint(CheckpointPolicy checkpoint) {
    return CodeBlock.of("new $T($L, $L)", CheckpointPolicy.class, ExprWriter.period(checkpoint.every()),
        checkpoint.keep());
  }

  /** The model's inputs as this job feeds them: sizes bound from the data are concrete here. */
  static CodeBlock inputFields(ModelInstance model) {
    List<CodeBlock> fields = new ArrayList<>();
    model.inputs().forEach((name, type) -> {
      CodeBlock.Builder b = CodeBlock.builder().add("$T.$L($S", ModelGenerator.FIELD,
          type.element() == ElementType.INT ? "ints" : "floats", name);
      for (long size : type.shape().unbatched().sizes()) {
        b.add(", $L", size);
      }
      fields.add(b.add(")").build());
    });
    return CodeBlock.of("$T.of($L)", List.class, CodeBlock.join(fields, ", "));
  }
}

package dev.nnc.compiler.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeSpec;
import dev.nnc.compiler.check.Program;
import dev.nnc.compiler.check.StepJob;
import dev.nnc.compiler.syntax.Ast;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A train job with a {@code step} block as a class: {@code spec(data)} makes the job's models and
 * hands the runtime a {@code StepSpec} whose step is a lambda building the statements, in source
 * order, on a {@code StepBuilder}; {@code main} runs it.
 */
final class StepJobGenerator {
  private static final ClassName STEP_SPEC = ClassName.get("dev.nnc.runtime.train", "StepSpec");
  private static final ClassName STEP_TRAINER = ClassName.get("dev.nnc.runtime.train", "StepTrainer");
  private static final ClassName NET = ClassName.get("dev.nnc.runtime.graph", "Net");
  private static final ClassName OPERAND = ClassName.get("org.tensorflow", "Operand");
  private static final ClassName ACTING_SPEC = ClassName.get("dev.nnc.runtime.train", "ActingSpec");
  private static final ClassName ENVIRONMENTS = ClassName.get("dev.nnc.runtime.rl", "Environments");
  private static final ClassName EPSILON_GREEDY = ClassName.get("dev.nnc.runtime.rl", "EpsilonGreedy");
  private static final ClassName SOFTMAX_SAMPLE = ClassName.get("dev.nnc.runtime.rl", "SoftmaxSample");
  private static final ClassName GREEDY = ClassName.get("dev.nnc.runtime.rl", "Greedy");
  /** Java names the generated method already uses, which a model or a let must not take. */
  private static final Set<String> RESERVED = Set.of("data", "net");

  private final Program program;
  private final String packageName;
  private final DataGenerator data;

  StepJobGenerator(Program program, String packageName, DataGenerator data) {
    this.program = program;
    this.packageName = packageName;
    this.data = data;
  }

  TypeSpec.Builder generate(StepJob job) {
    TypeSpec.Builder type = JobGenerator.jobClass(ClassName.get(packageName, JavaNames.jobClass(job.decl().name().name())),
        job.decl().name().name(), STEP_SPEC, spec(job), STEP_TRAINER);
    return job.exports().isEmpty() ? type : type.addField(JobGenerator.sourceField(program));
  }

  private CodeBlock spec(StepJob job) {
    ExprWriter constants = new ExprWriter(program, packageName, Map.of(), new HashSet<>(), new HashSet<>());
    Map<String, String> models = new LinkedHashMap<>();
    CodeBlock.Builder b = CodeBlock.builder();
    for (StepJob.JobModel model : job.models()) {
      ClassName type = ClassName.get(packageName, JavaNames.modelClass(model.instance().decl().name().name()));
      String variable = javaName(model.name(), Set.of());
      models.put(model.name(), variable);
      List<Ast.Arg> args = model.expr() instanceof Ast.Call c ? c.args() : List.of();
      b.addStatement("$T $L = $L", type, variable, constants.modelInstance(model.instance().decl(), args, type));
    }
    b.add("return $T.builder($S)\n", STEP_SPEC, job.decl().name().name()).indent().indent();
    for (StepJob.JobModel model : job.models()) {
      ClassName type = ClassName.get(packageName, JavaNames.modelClass(model.instance().decl().name().name()));
      b.add(".model($S, $L, $L, $T.OUTPUTS)\n", model.name(), models.get(model.name()),
          JobGenerator.inputFields(model.instance()), type);
      if (model.from() != null) {
        b.add(".restore($S, $S)\n", model.name(), model.from());
      }
    }
    Map<String, CodeBlock> fields = new HashMap<>();
    job.fields().forEach(f -> fields.put(f.name(), CodeBlock.of("$L.field($S)", JobGenerator.STEP, f.name())));
    if (job.acting() != null) {
      b.add(".acting($L)\n", acting(job.acting(), fields, models));
    } else {
      CodeBlock training = data.dataset(job.data());
      b.add(".data($L)\n", job.dropLast() ? CodeBlock.of("$L.dropLast($L)", training, job.batch()) : training);
    }
    if (job.validate() != null) {
      b.add(".validate($L)\n", data.dataset(job.validate()));
    }
    b.add(".batch($L)\n", job.batch());
    if (job.steps() > 0) {
      b.add(".steps($LL)\n", job.steps());
    } else {
      b.add(".epochs($L)\n", job.epochs());
    }
    b.add(".step($L)\n", block(job.step(), fields, models));
    for (StepJob.Every every : job.every()) {
      b.add(".every($L, $L)\n", ExprWriter.period(every.period()), block(every.body(), fields, models));
    }
    if (job.stop() != null) {
      b.add(".stop($L)\n", JobGenerator.stop(job.stop()));
    }
    if (job.clip() != null) {
      b.add(".clip($L)\n", JobGenerator.clip(job.clip()));
    }
    if (job.regularize() != null) {
      b.add(".regularize($L)\n", JobGenerator.regularize(job.regularize()));
    }
    if (job.checkpoint() != null) {
      b.add(".checkpoint($L)\n", JobGenerator.checkpoint(job.checkpoint()));
    }
    job.exports().forEach((model, dir) -> b.add(".export($S, $S)\n", model, dir));
    if (!job.exports().isEmpty()) {
      b.add(JobGenerator.sourceCall(program));
    }
    b.add(".seed($LL)\n", job.seed()).add(".build();\n").unindent().unindent();
    return b.build();
  }

  /**
   * {@code env:} and {@code act:}: the environment, the policy's values as a lambda on a step builder
   * whose one field is {@code state}, and the action choice made from a seed.
   */
  private CodeBlock acting(StepJob.Acting acting, Map<String, CodeBlock> fields, Map<String, String> models) {
    ExprWriter writer = new ExprWriter(program, packageName, new HashMap<>(Map.of("state", fields.get("state"))),
        new HashSet<>(), new HashSet<>()).inStep(models);
    CodeBlock policy = CodeBlock.builder().add("$L -> {\n", JobGenerator.STEP).indent()
        .addStatement("$T net = $L.net()", NET, JobGenerator.STEP)
        .addStatement("return $L", writer.tensor(acting.act().values()))
        .unindent().add("}").build();
    StepJob.Act act = acting.act();
    CodeBlock choice = switch (act.kind()) {
      case "epsilon_greedy" -> CodeBlock.of("seed -> new $T($L, $L, $LL, seed)", EPSILON_GREEDY, act.from(), act.to(), act.over());
      case "sample" -> CodeBlock.of("seed -> new $T(seed)", SOFTMAX_SAMPLE);
      default -> CodeBlock.of("seed -> new $T()", GREEDY);
    };
    String observation = java.util.Arrays.stream(acting.observation()).mapToObj(Integer::toString)
        .collect(java.util.stream.Collectors.joining(", "));
    return CodeBlock.builder().add("new $T(() -> $T.named($S), new int[] {$L}, $L,\n", ACTING_SPEC, ENVIRONMENTS,
            acting.env(), observation, acting.actions()).indent().indent()
        .add("$L,\n", policy)
        .add("$L, $L, $LL, $L, $L)", choice, acting.replay(), acting.warmup(), acting.learnEvery(), acting.updates())
        .unindent().unindent().build();
  }

  /** A block's statements as a lambda on the step builder, in source order. */
  private CodeBlock block(List<Ast.StepStmt> body, Map<String, CodeBlock> fields, Map<String, String> models) {
    Map<String, CodeBlock> tensors = new HashMap<>(fields);
    ExprWriter writer = new ExprWriter(program, packageName, tensors, new HashSet<>(), new HashSet<>()).inStep(models);
    Set<String> taken = new HashSet<>(models.values());
    CodeBlock.Builder b = CodeBlock.builder().add("$L -> {\n", JobGenerator.STEP).indent()
        .addStatement("$T net = $L.net()", NET, JobGenerator.STEP);
    for (Ast.StepStmt stmt : body) {
      if (stmt instanceof Ast.StepLet let) {
        String variable = javaName(let.name().name(), taken);
        taken.add(variable);
        b.addStatement("$T<?> $L = $L", OPERAND, variable, writer.tensor(let.value()));
        tensors.put(let.name().name(), CodeBlock.of("$L", variable));
      } else if (stmt instanceof Ast.Minimize m) {
        List<CodeBlock> names = m.models().stream().map(i -> CodeBlock.of("$S", i.name())).toList();
        b.addStatement("$L.minimize($T.of($L), $L, $L)", JobGenerator.STEP, List.class, CodeBlock.join(names, ", "),
            writer.tensor(m.loss()), writer.optimizer(m.optimizer()));
      } else if (stmt instanceof Ast.Update u) {
        Ast.Member target = (Ast.Member) u.target();
        b.addStatement("$L.update($S, $S, $S, $L)", JobGenerator.STEP, ((Ast.Name) target.target()).name(),
            target.member().name(), u.op(), writer.tensor(u.value()));
      } else if (stmt instanceof Ast.Report r) {
        for (Ast.ReportItem item : r.items()) {
          String name = item.name() != null ? item.name().name() : ((Ast.Name) item.value()).name();
          b.addStatement("$L.report($S, $L)", JobGenerator.STEP, name, writer.tensor(item.value()));
        }
      } else if (stmt instanceof Ast.Sync sync) {
        b.addStatement("$L.sync($S, $S, $L)", JobGenerator.STEP, sync.target().name(), sync.source().name(),
            sync.value() == null ? CodeBlock.of("1.0") : CodeBlock.of("(double) $L", writer.constant(sync.value())));
      } else {
        Ast.Call grid = (Ast.Call) ((Ast.ExprStmt) stmt).expr();
        b.addStatement("$L.imageGrid($L, $L)", JobGenerator.STEP, writer.tensor(grid.args().get(0).value()),
            writer.constant(grid.args().get(1).value()));
      }
    }
    return b.unindent().add("}").build();
  }

  /** The Java name of a model or a let: its own, unless the generated code already uses it. */
  private static String javaName(String name, Set<String> taken) {
    String java = JavaNames.identifier(name);
    while (RESERVED.contains(java) || taken.contains(java) || java.equals(JobGenerator.STEP)) {
      java = java + "_";
    }
    return java;
  }
}

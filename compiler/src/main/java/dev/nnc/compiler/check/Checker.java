package dev.nnc.compiler.check;

import dev.nnc.compiler.diag.Diagnostics;
import dev.nnc.compiler.source.Span;
import dev.nnc.compiler.syntax.Ast;
import dev.nnc.runtime.data.DataContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The check phase's entry point: names, hyper-parameters, types and shapes of a whole file. Every
 * model whose hyper-parameters all have defaults is checked on its own; every job is checked with the
 * model it trains.
 */
public final class Checker {
  private final Diagnostics diagnostics;
  private final Globals globals;
  private final Models models;
  private final DataChecker data;
  private final IdentityHashMap<Ast.Expr, Value> values = new IdentityHashMap<>();
  private final Map<Span, Application> applications = new HashMap<>();
  private final Map<String, Value> constants = new HashMap<>();
  private final Evaluator constEvaluator;

  private final List<Ast.Unit> imported;

  private Checker(Ast.Unit unit, Diagnostics diagnostics, DataContext files) {
    this.diagnostics = diagnostics;
    this.imported = Imports.load(unit, diagnostics);
    this.globals = new Globals(unit, imported, diagnostics);
    this.models = new Models(this);
    this.data = new DataChecker(this, files);
    this.constEvaluator = new Evaluator(this, Evaluator.scope(), null);
  }

  /** Checks {@code unit}; data files named in it are looked for in {@code dataDirs}, then beside the source. */
  public static Program check(Ast.Unit unit, Diagnostics diagnostics, List<Path> dataDirs) {
    Path sourceDir = Path.of(unit.file().name()).toAbsolutePath().getParent();
    Checker checker = new Checker(unit, diagnostics, DataContext.of(sourceDir, dataDirs));
    return checker.run(unit);
  }

  private Program run(Ast.Unit unit) {
    Map<Ast.Model, ModelInstance> checkedModels = new LinkedHashMap<>();
    List<Job> jobs = new ArrayList<>();
    List<StepJob> stepJobs = new ArrayList<>();
    List<SampleJob> sampleJobs = new ArrayList<>();
    for (Ast.Decl decl : unit.decls()) {
      if (decl instanceof Ast.Model model) {
        if (model.hyperParams().stream().allMatch(h -> h.defaultValue() != null)) {
          Value.Model bound = models.bindHyper(model, null, constEvaluator);
          ModelInstance instance = bound == null ? null : models.instantiate(bound, null, model.name().span());
          if (instance != null) {
            checkedModels.put(model, instance);
          }
        }
      } else if (decl instanceof Ast.Data block) {
        block.splits().forEach(s -> data.split(block, s.name(), constEvaluator));
      } else if (decl instanceof Ast.Job job && job.kind() == Ast.JobKind.TRAIN && hasStep(job)) {
        StepJob checked = new StepJobChecker(this).check(job);
        if (checked != null) {
          stepJobs.add(checked);
        }
      } else if (decl instanceof Ast.Job job && job.kind() == Ast.JobKind.TRAIN) {
        Job checked = new JobChecker(this).check(job);
        if (checked != null) {
          jobs.add(checked);
        }
      } else if (decl instanceof Ast.Job job) {
        SampleJob checked = new SampleJobChecker(this).check(job);
        if (checked != null) {
          sampleJobs.add(checked);
        }
      } else {
        global(decl.name().name());
      }
    }
    // Where a run will write is checked now, not when it writes there after training.
    unit.decls().stream().filter(Ast.Job.class::isInstance).forEach(job -> PathText.checkExports((Ast.Job) job, diagnostics));
    // The emitter writes every data block the program can see, so imported ones are checked whole too.
    for (Ast.Unit other : imported) {
      for (Ast.Decl decl : other.decls()) {
        if (decl instanceof Ast.Data block) {
          block.splits().forEach(s -> data.split(block, s.name(), constEvaluator));
        }
      }
    }
    return new Program(unit, imported, values, checkedModels, jobs, stepJobs, sampleJobs, applications);
  }

  private static boolean hasStep(Ast.Job job) {
    return job.items().stream().anyMatch(i -> i instanceof Ast.StepBlock);
  }

  Diagnostics diagnostics() {
    return diagnostics;
  }

  Models models() {
    return models;
  }

  DataChecker data() {
    return data;
  }

  Evaluator constEvaluator() {
    return constEvaluator;
  }

  /** Remembers an expression's value the first time it is evaluated (the model's canonical check). */
  void record(Ast.Expr expr, Value value) {
    values.putIfAbsent(expr, value);
  }

  /** Remembers what an application gives, the first time it is checked, as {@link #record} does. */
  void recordApplication(Span at, Application application) {
    applications.putIfAbsent(at, application);
  }

  /** A file-level name's value, or null if there is no such declaration. */
  Value global(String name) {
    Ast.Decl decl = globals.get(name);
    if (decl == null) {
      return null;
    }
    if (decl instanceof Ast.Model m) {
      return new Value.ModelRef(m);
    }
    if (decl instanceof Ast.Data d) {
      return new Value.DataBlock(d);
    }
    if (decl instanceof Ast.Const c) {
      if (!constants.containsKey(name)) {
        constants.put(name, Value.ERROR); // a constant defined through itself stays an error
        constants.put(name, constEvaluator.eval(c.value()));
      }
      return constants.get(name);
    }
    return Value.ERROR;
  }

  Iterable<String> globalNames() {
    return globals.names();
  }
}

package dev.nnc.compiler.check;

import dev.nnc.compiler.diag.Code;
import dev.nnc.compiler.diag.Diagnostic;
import dev.nnc.compiler.diag.Diagnostics;
import dev.nnc.compiler.source.Span;
import dev.nnc.compiler.syntax.Ast;
import dev.nnc.runtime.data.Field;
import dev.nnc.runtime.rl.Transition;
import dev.nnc.runtime.train.CheckpointPolicy;
import dev.nnc.runtime.train.EarlyStopping;
import dev.nnc.runtime.train.GradientClipping;
import dev.nnc.runtime.train.JobDefaults;
import dev.nnc.runtime.train.Period;
import dev.nnc.runtime.train.ReportedValues;
import dev.nnc.runtime.train.WeightPenalty;
import dev.nnc.stdlib.spec.Dim;
import dev.nnc.stdlib.spec.TensorType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Checks a train job with a {@code step} block (LANGUAGE.md §7.2): its models ({@code let g =
 * Generator()}), its settings, and the statements of its step and {@code every} blocks — each
 * {@code minimize} over models its loss depends on, each {@code update} of a raw parameter with a
 * value of the parameter's shape, each report a named scalar.
 */
final class StepJobChecker {
  private static final List<String> KEYS = Stream.concat(Stream.of("data", "validate", "batch",
      "epochs", "steps", "seed", "drop_last", "export", "checkpoint", "keep", "stop", "clip", "regularize"),
      ActingChecker.KEYS.stream()).toList();
  /** Settings a job that learns by acting has no use for (it has no data, and no epochs). */
  private static final List<String> NOT_ACTING = List.of("data", "validate", "epochs", "drop_last");
  /** Settings of jobs without a step, which a step says in its own statements. */
  private static final List<String> DECLARATIVE = List.of("model", "loss", "optimizer", "metrics");
  private static final Set<String> DRAWS = Set.of("normal", "uniform");

  private final Checker checker;
  private final Diagnostics diagnostics;
  private final JobChecker settings;

  StepJobChecker(Checker checker) {
    this.checker = checker;
    this.diagnostics = checker.diagnostics();
    this.settings = new JobChecker(checker);
  }

  StepJob check(Ast.Job job) {
    Evaluator evaluator = new Evaluator(checker, Evaluator.scope(), null);
    Map<String, Ast.Entry> entries = new LinkedHashMap<>();
    Map<String, Value.Model> models = new LinkedHashMap<>();
    List<StepJob.JobModel> jobModels = new ArrayList<>();
    List<Ast.Entry> exports = new ArrayList<>();
    Ast.StepBlock step = null;
    List<Ast.Every> everies = new ArrayList<>();
    boolean ok = true;
    for (Ast.JobItem item : job.items()) {
      if (item instanceof Ast.JobLet let) {
        StepJob.JobModel model = jobModel(let, evaluator, models);
        ok &= model != null;
        if (model != null) {
          jobModels.add(model);
        }
      } else if (item instanceof Ast.StepBlock s) {
        if (step != null) {
          diagnostics.report(Diagnostic.at(Code.NN0102, s.span(), "train " + job.name().name() + " has two `step` blocks")
              .label(step.span(), "the first is here")
              .help("one step runs per batch; put every statement in one block, in order"));
          ok = false;
        } else {
          step = s;
        }
      } else if (item instanceof Ast.Every e) {
        everies.add(e);
      } else if (item instanceof Ast.Entry e && e.target() != null && e.key().name().equals("export")) {
        exports.add(e);
      } else if (item instanceof Ast.Entry e && e.target() == null && e.from() == null) {
        ok &= setting(job, e, entries);
      } else {
        diagnostics.report(Diagnostic.at(Code.NN0402, item.span(), "this setting has no place in a job with a `step` block")
            .help("apply the models to data fields by name in the step, as in `d(image)`"));
        ok = false;
      }
    }
    boolean acts = entries.containsKey("env");
    ok &= acts ? requiredActing(job, entries) : required(job, entries);
    if (!ok || step == null || !acts && !entries.containsKey("data") || !entries.containsKey("batch")) {
      return null;
    }
    StepJob.Acting acting = acts ? new ActingChecker(checker).check(job, entries, models, step) : null;
    if (acts && acting == null) {
      return null;
    }
    List<Field> fields;
    Value.Dataset data = null;
    if (acts) {
      fields = Transition.fields(acting.observation());
    } else {
      data = settings.dataset(entries.get("data"), evaluator);
      fields = data == null ? List.of() : data.fields();
    }
    boolean validates = entries.containsKey("validate");
    boolean validationOk = !validates || settings.dataset(entries.get("validate"), evaluator) != null;
    int batch = settings.positive(entries.get("batch"), evaluator);
    int epochs = entries.containsKey("epochs") ? settings.positive(entries.get("epochs"), evaluator) : 0;
    long steps = entries.containsKey("steps") ? settings.positive(entries.get("steps"), evaluator) : 0;
    long seed = entries.containsKey("seed") ? settings.wholeNumber(entries.get("seed"), evaluator, 0) : JobDefaults.SEED;
    Boolean dropLast = entries.containsKey("drop_last")
        ? settings.setting(entries.get("drop_last"), evaluator, Boolean.class, "true or false") : Boolean.FALSE;
    Map<String, String> exported = exports(exports, models, evaluator);
    SettingCalls calls = new SettingCalls(diagnostics, evaluator);
    GradientClipping clip = entries.containsKey("clip") ? calls.clip(entries.get("clip")) : null;
    WeightPenalty regularize = entries.containsKey("regularize") ? calls.regularize(entries.get("regularize")) : null;
    boolean tuningOk = (clip != null || !entries.containsKey("clip"))
        && (regularize != null || !entries.containsKey("regularize"));
    CheckpointPolicy checkpoint = settings.checkpoint(job, entries, calls, evaluator);
    boolean checkpointOk = checkpoint != null || !entries.containsKey("checkpoint") && !entries.containsKey("keep");
    if (acts && checkpoint != null && checkpoint.every().unit() != Period.Unit.STEPS) {
      diagnostics.report(Diagnostic.at(Code.NN0201, entries.get("checkpoint").value().span(),
              "a job with `env:` counts environment steps and has no epochs")
          .help("as in `checkpoint: every(10000 steps)`"));
      checkpointOk = false;
    }
    if (!acts && data == null || !validationOk || batch < 0 || epochs < 0 || steps < 0 || seed < 0 || dropLast == null
        || exported == null || !tuningOk || !checkpointOk) {
      return null;
    }
    Map<String, Value> stepScope = Evaluator.scope();
    Span dataSpan = entries.get(acts ? "env" : "data").value().span();
    for (Field f : fields) {
      TensorType type = DataChecker.typeOf(f);
      stepScope.put(f.name(), new Value.Tensor(type.withShape(type.shape().batched()), dataSpan));
    }
    for (StepJob.JobModel model : jobModels) {
      if (stepScope.containsKey(model.name())) {
        diagnostics.report(Diagnostic.at(Code.NN0102, model.expr().span(),
                "model `" + model.name() + "` has the same name as a " + (acts ? "transition" : "data") + " field")
            .help("rename the model, or the field with `map(...)`"));
        return null;
      }
      stepScope.put(model.name(), models.get(model.name()));
    }
    StepStatements statements = new StepStatements(checker, models, jobModels);
    List<String> reported = statements.checkStep(job, step, Evaluator.forStep(checker, stepScope));
    List<StepJob.Every> checkedEvery = new ArrayList<>();
    for (Ast.Every every : everies) {
      Period period = period(every, evaluator, acts);
      // An every block runs after a step, on that step's batch.
      Map<String, Value> everyScope = Evaluator.scope();
      everyScope.putAll(stepScope);
      boolean fine = statements.checkEvery(every, Evaluator.forStep(checker, everyScope));
      if (period != null && fine) {
        checkedEvery.add(new StepJob.Every(period, every.body()));
      }
    }
    if (reported == null || checkedEvery.size() != everies.size()) {
      return null;
    }
    EarlyStopping stop = null;
    if (entries.containsKey("stop")) {
      List<String> values = acts ? ReportedValues.acting(acting.act().kind().equals("epsilon_greedy"), reported) : reported;
      stop = stop(job, entries.get("stop"), step, values, validates, calls);
      if (stop == null) {
        return null;
      }
    }
    return new StepJob(job, jobModels, acts ? null : entries.get("data").value(), fields,
        validates ? entries.get("validate").value() : null, batch, epochs, steps, seed, dropLast, step.body(),
        checkedEvery, reported, exported, stop, clip, regularize, checkpoint, acting);
  }

  /**
   * {@code stop: early(...)}, which watches a value the step reports ({@code val_} and its name with
   * {@code validate:} data); null after an error.
   */
  private EarlyStopping stop(Ast.Job job, Ast.Entry entry, Ast.StepBlock step, List<String> reported,
      boolean validates, SettingCalls calls) {
    if (reported.isEmpty()) {
      diagnostics.report(Diagnostic.at(Code.NN0401, entry.value().span(),
              "`stop:` watches a value the step reports, and the step of train " + job.name().name() + " reports none")
          .help("report the value to watch, as in `report d_loss: ...`"));
      return null;
    }
    List<Job.Metric> values = new ArrayList<>();
    for (Ast.StepStmt stmt : step.body()) {
      if (stmt instanceof Ast.Report r) {
        for (Ast.ReportItem item : r.items()) {
          values.add(new Job.Metric(item.name() != null ? item.name().name() : ((Ast.Name) item.value()).name(),
              item.value()));
        }
      }
    }
    return calls.stop(entry, ReportedValues.withValidation(reported, validates), values);
  }

  /** {@code let g = Generator(latent: 64)}: a model with input sizes known from its hyper-parameters. */
  private StepJob.JobModel jobModel(Ast.JobLet let, Evaluator evaluator, Map<String, Value.Model> models) {
    Value v = evaluator.eval(let.value());
    Value.Model model = v instanceof Value.ModelRef ref ? checker.models().bindHyper(ref.decl(), null, evaluator)
        : v instanceof Value.Model m ? m : null;
    if (model == null) {
      if (!(v instanceof Value.Error) && !(v instanceof Value.ModelRef)) {
        diagnostics.report(Diagnostic.at(Code.NN0206, let.value().span(),
                "`let` in a train job names a model, found " + v.describe())
            .help("as in `let g = Generator(latent: 64)`; values computed every step go in the `step` block"));
      }
      return null;
    }
    String name = let.name().name();
    if (models.containsKey(name)) {
      diagnostics.error(Code.NN0102, let.name().span(), "`" + name + "` is declared twice");
      return null;
    }
    Map<String, TensorType> inputs = checker.models().declaredInputs(model);
    if (inputs == null) {
      return null;
    }
    for (Map.Entry<String, TensorType> input : inputs.entrySet()) {
      List<Dim> dims = input.getValue().shape().dims();
      if (!dims.subList(1, dims.size()).stream().allMatch(Dim::isKnown)) {
        diagnostics.report(Diagnostic.at(Code.NN0208, let.value().span(),
                "the size of input `" + input.getKey() + "` of " + model.decl().name().name() + " is not known: "
                    + input.getValue())
            .help("a model of a job with a step has one set of weights, made for sizes known from its "
                + "hyper-parameters, as in `input x: float[n]` with `n: int`"));
        return null;
      }
    }
    ModelInstance instance = checker.models().instantiate(model, null, let.value().span());
    String from = let.from() == null ? null : directory(let.from(), evaluator);
    if (instance == null || let.from() != null && from == null) {
      return null;
    }
    models.put(name, model);
    return new StepJob.JobModel(name, let.value(), instance, from);
  }

  /** {@code from "build/models/fashion_cnn"}: where a trained model was exported; null after an error. */
  private String directory(Ast.Expr from, Evaluator evaluator) {
    Value v = evaluator.eval(from);
    if (v instanceof Value.Const c && c.value() instanceof String dir) {
      return dir;
    }
    if (!(v instanceof Value.Error)) {
      diagnostics.report(Diagnostic.at(Code.NN0201, from.span(), "`from` names the directory a model was exported to, found "
              + v.describe())
          .help("as in `let judge = FashionCnn() from \"build/models/fashion_cnn\"`"));
    }
    return null;
  }

  /** Records one {@code key: value}; false (after reporting) for a repeated, unknown or misplaced setting. */
  private boolean setting(Ast.Job job, Ast.Entry e, Map<String, Ast.Entry> entries) {
    String key = e.key().name();
    Ast.Entry previous = entries.putIfAbsent(key, e);
    if (previous != null) {
      diagnostics.report(Diagnostic.at(Code.NN0102, e.key().span(), "`" + key + "` is set twice")
          .label(previous.key().span(), "first set here"));
      return false;
    }
    if (DECLARATIVE.contains(key)) {
      diagnostics.report(Diagnostic.at(Code.NN0402, e.key().span(),
              "`" + key + ":` is for jobs without a `step` block")
          .help("a step declares its models with `let` and trains them with `minimize MODEL: LOSS with OPTIMIZER`"));
      return false;
    }
    if (key.equals("export")) {
      diagnostics.report(Diagnostic.at(Code.NN0402, e.key().span(), "say which model to export")
          .help("as in `export g: \"build/models/generator\"`"));
      return false;
    }
    if (!KEYS.contains(key)) {
      String close = Suggestions.closest(key, KEYS);
      diagnostics.report(Diagnostic.at(Code.NN0402, e.key().span(), "unknown setting `" + key + "` in train " + job.name().name())
          .help(close != null ? "did you mean `" + close + "`?" : "the settings are " + String.join(", ", KEYS)));
      return false;
    }
    return true;
  }

  /** A job with {@code env:}: a batch and a number of environment steps, and nothing about data or epochs. */
  private boolean requiredActing(Ast.Job job, Map<String, Ast.Entry> entries) {
    boolean ok = true;
    for (String key : NOT_ACTING) {
      if (entries.containsKey(key)) {
        diagnostics.report(Diagnostic.at(Code.NN0402, entries.get(key).key().span(),
                "`" + key + ":` has no place in a job with `env:`, which learns from its own experience in steps")
            .label(entries.get("env").key().span(), "the environment is here")
            .help(key.equals("epochs") ? "count environment steps, as in `steps: 50000`" : "remove it"));
        ok = false;
      }
    }
    for (String key : List.of("batch", "steps")) {
      if (!entries.containsKey(key)) {
        diagnostics.report(Diagnostic.at(Code.NN0401, job.name().span(), "train " + job.name().name() + " has no `" + key + ":`")
            .help(key.equals("batch") ? "add the transitions each update learns from, as in `batch: 64`"
                : "add the environment steps to take, as in `steps: 50000`"));
        ok = false;
      }
    }
    return ok;
  }

  private boolean required(Ast.Job job, Map<String, Ast.Entry> entries) {
    boolean ok = true;
    for (String key : ActingChecker.KEYS) {
      if (entries.containsKey(key)) {
        diagnostics.report(Diagnostic.at(Code.NN0402, entries.get(key).key().span(),
                "`" + key + ":` belongs to a job that learns by acting, and train " + job.name().name() + " has no `env:`")
            .help("add the environment, as in `env: cartpole()`"));
        ok = false;
      }
    }
    for (String key : List.of("data", "batch")) {
      if (!entries.containsKey(key)) {
        diagnostics.report(Diagnostic.at(Code.NN0401, job.name().span(), "train " + job.name().name() + " has no `" + key + ":`")
            .help(key.equals("data") ? "add the records each step takes a batch of, as in `data: fashion.train`" : "add `batch: 64`"));
        ok = false;
      }
    }
    if (!entries.containsKey("epochs") && !entries.containsKey("steps")) {
      diagnostics.report(Diagnostic.at(Code.NN0401, job.name().span(),
              "train " + job.name().name() + " says neither how many `epochs:` nor how many `steps:`")
          .help("add `steps: 10000`"));
      ok = false;
    }
    return ok;
  }

  /** {@code export g: "dir"} for each model; null after an error. */
  private Map<String, String> exports(List<Ast.Entry> exports, Map<String, Value.Model> models, Evaluator evaluator) {
    Map<String, String> dirs = new LinkedHashMap<>();
    boolean ok = true;
    for (Ast.Entry e : exports) {
      String model = e.target().name();
      if (!models.containsKey(model)) {
        diagnostics.report(Diagnostic.at(Code.NN0101, e.target().span(), "`" + model + "` is not a model of this job")
            .help(models.isEmpty() ? "declare one with `let " + model + " = Model()`"
                : "its models are " + String.join(", ", models.keySet())));
        ok = false;
        continue;
      }
      String dir = settings.setting(e, evaluator, String.class, "a directory, as a string");
      ok &= dir != null;
      dirs.put(model, dir);
    }
    return ok ? dirs : null;
  }

  private Period period(Ast.Every every, Evaluator evaluator, boolean acts) {
    Value v = evaluator.eval(every.period());
    if (v instanceof Value.Const c && c.value() instanceof Value.Duration d && d.amount() > 0) {
      Period period = Period.parse(d.amount(), d.unit()).orElse(null);
      if (period != null && acts && period.unit() != Period.Unit.STEPS) {
        diagnostics.report(Diagnostic.at(Code.NN0201, every.period().span(),
                "a job with `env:` counts environment steps and has no epochs")
            .help("as in `every(500 steps) { sync target: q }`"));
        return null;
      }
      if (period != null) {
        return period;
      }
    }
    if (!(v instanceof Value.Error)) {
      diagnostics.error(Code.NN0201, every.period().span(),
          "`every` takes a period such as `1000 steps` or `1 epoch`, found " + v.describe());
    }
    return null;
  }

  /** True for {@code normal(...)} or {@code uniform(...)} meaning the random draw (not a name the program defines). */
  static boolean isDraw(Ast.Expr e, Map<String, ?> scope) {
    return e instanceof Ast.Call c && c.callee() instanceof Ast.Name n && DRAWS.contains(n.name())
        && !scope.containsKey(n.name());
  }

  /** Every expression in {@code e}, itself included. */
  static List<Ast.Expr> allIn(Ast.Expr e) {
    List<Ast.Expr> all = new ArrayList<>();
    all.add(e);
    for (Ast.Expr child : Ast.children(e)) {
      all.addAll(allIn(child));
    }
    return all;
  }

  /** The names {@code e} reads, through the step's {@code let}s. */
  static Set<String> namesRead(Ast.Expr e, Map<String, Ast.Expr> lets) {
    Set<String> names = new HashSet<>();
    List<Ast.Expr> pending = new ArrayList<>(List.of(e));
    while (!pending.isEmpty()) {
      for (Ast.Expr part : allIn(pending.remove(pending.size() - 1))) {
        if (part instanceof Ast.Name n && names.add(n.name()) && lets.containsKey(n.name())) {
          pending.add(lets.get(n.name()));
        }
      }
    }
    return names;
  }
}

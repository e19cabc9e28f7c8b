package dev.nnc.compiler.check;

import dev.nnc.compiler.diag.Code;
import dev.nnc.compiler.diag.Diagnostic;
import dev.nnc.compiler.diag.Diagnostics;
import dev.nnc.compiler.source.Span;
import dev.nnc.compiler.syntax.Ast;
import dev.nnc.runtime.data.Field;
import dev.nnc.runtime.train.CheckpointPolicy;
import dev.nnc.runtime.train.EarlyStopping;
import dev.nnc.runtime.train.GradientClipping;
import dev.nnc.runtime.train.JobDefaults;
import dev.nnc.runtime.train.Period;
import dev.nnc.runtime.train.ReportedValues;
import dev.nnc.runtime.train.WeightPenalty;
import dev.nnc.stdlib.Builtin;
import dev.nnc.stdlib.Builtins;
import dev.nnc.stdlib.Kind;
import dev.nnc.stdlib.spec.TensorType;
import dev.nnc.stdlib.spec.Dim;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Checks a declarative {@code train} job (LANGUAGE.md §7.1): its settings, data, loss and metrics. */
final class JobChecker {
  private static final List<String> KEYS =
      List.of("model", "data", "validate", "feed", "loss", "optimizer", "batch", "epochs", "steps",
          "metrics", "export", "seed", "drop_last", "stop", "clip", "regularize", "checkpoint", "keep",
          "budget");

  private final Checker checker;
  private final Diagnostics diagnostics;

  JobChecker(Checker checker) {
    this.checker = checker;
    this.diagnostics = checker.diagnostics();
  }

  Job check(Ast.Job job) {
    Evaluator evaluator = new Evaluator(checker, Evaluator.scope(), null);
    Map<String, Ast.Entry> entries = new LinkedHashMap<>();
    Map<String, Ast.FeedPair> feed = new LinkedHashMap<>();
    Set<String> suggested = new HashSet<>();
    boolean ok = true;
    for (Ast.JobItem item : job.items()) {
      if (item instanceof Ast.Entry e && e.target() == null && e.from() == null) {
        ok &= known(job, e, entries, suggested, KEYS);
      } else if (item instanceof Ast.Feed f) {
        for (Ast.FeedPair pair : f.pairs()) {
          if (pair.field() instanceof Ast.Name) {
            feed.put(pair.input().name(), pair);
          } else {
            diagnostics.error(Code.NN0201, pair.field().span(), "feed names a data field, as in `feed: image = pixels`");
            ok = false;
          }
        }
      } else {
        diagnostics.report(Diagnostic.at(Code.NN0402, item.span(), stepOnly(item) + " belongs in a job with a `step` block")
            .help("a declarative job names its model with `model:` and exports it with `export: \"dir\"`;"
                + " `let`, `every` and `export m:` are for jobs that write their own step (README, \"Custom training steps\")"));
        ok = false;
      }
    }
    ok &= requiredSettings(job, entries, suggested);
    if (!entries.keySet().containsAll(List.of("model", "data", "loss", "optimizer", "batch"))) {
      return null;
    }
    Job checked = checkEntries(job, entries, feed, evaluator);
    return ok ? checked : null;
  }

  /** How a message names a job item that only a job with a step takes. */
  private static String stepOnly(Ast.JobItem item) {
    if (item instanceof Ast.Entry e) {
      return "`" + e.key().name() + (e.target() == null ? "" : " " + e.target().name()) + ":`"
          + (e.from() == null ? "" : " with `from`");
    }
    if (item instanceof Ast.JobLet let) {
      return "`let " + let.name().name() + "`";
    }
    return item instanceof Ast.Every ? "an `every` block" : "this";
  }

  /**
   * Records {@code e} in {@code entries}; false (after reporting) when it is set twice or is none of
   * {@code keys}, where a close key is suggested (and remembered in {@code suggested}).
   */
  boolean known(Ast.Job job, Ast.Entry e, Map<String, Ast.Entry> entries, Set<String> suggested, List<String> keys) {
    String key = e.key().name();
    Ast.Entry previous = entries.putIfAbsent(key, e);
    if (previous != null) {
      diagnostics.report(Diagnostic.at(Code.NN0102, e.key().span(), "`" + key + "` is set twice")
          .label(previous.key().span(), "first set here"));
      return false;
    }
    if (!keys.contains(key)) {
      String kind = job.kind() == Ast.JobKind.SAMPLE ? "sample " : "train ";
      Diagnostic d = Diagnostic.at(Code.NN0402, e.key().span(), "unknown setting `" + key + "` in " + kind + job.name().name());
      String close = Suggestions.closest(key, keys);
      if (close != null) {
        suggested.add(close); // its "missing" error would repeat this one
      }
      diagnostics.report(d.help(close != null ? "did you mean `" + close + "`?" : "the settings are " + String.join(", ", keys)));
      return false;
    }
    return true;
  }

  /** Reports each required setting that is missing, unless a misspelt setting was already reported for it. */
  private boolean requiredSettings(Ast.Job job, Map<String, Ast.Entry> entries, Set<String> suggested) {
    boolean ok = true;
    for (String required : List.of("model", "data", "loss", "optimizer", "batch")) {
      if (!entries.containsKey(required)) {
        ok = false;
        if (!suggested.contains(required)) {
          diagnostics.report(Diagnostic.at(Code.NN0401, job.name().span(),
                  "train " + job.name().name() + " has no `" + required + ":`")
              .help(helpFor(required)));
        }
      }
    }
    if (!entries.containsKey("epochs") && !entries.containsKey("steps")) {
      ok = false;
      if (!suggested.contains("epochs") && !suggested.contains("steps")) {
        diagnostics.report(Diagnostic.at(Code.NN0401, job.name().span(),
                "train " + job.name().name() + " says neither how many `epochs:` nor how many `steps:`")
            .help("add `epochs: 10`"));
      }
    }
    return ok;
  }

  private static String helpFor(String key) {
    return switch (key) {
      case "model" -> "add the model to fit, as in `model: Mlp()`";
      case "data" -> "add the training records, as in `data: fashion.train`";
      case "loss" -> "add a loss over model outputs and data fields, as in `loss: cross_entropy(logits, label)`";
      case "optimizer" -> "add one, as in `optimizer: adam(lr: 1e-3)`";
      default -> "add `batch: 32`";
    };
  }

  /** Checks every setting's value, reporting all problems; null if there was any. */
  private Job checkEntries(Ast.Job job, Map<String, Ast.Entry> entries, Map<String, Ast.FeedPair> feed, Evaluator evaluator) {
    Value.Model modelValue = model(entries.get("model"), evaluator);
    Value.Dataset data = dataset(entries.get("data"), evaluator);
    boolean ok = modelValue != null && data != null;
    if (entries.containsKey("validate")) {
      ok &= dataset(entries.get("validate"), evaluator) != null;
    }
    Value optimizer = evaluator.eval(entries.get("optimizer").value());
    if (!(optimizer instanceof Value.Optimizer)) {
      ok = false;
      if (!(optimizer instanceof Value.Error)) {
        diagnostics.report(Diagnostic.at(Code.NN0206, entries.get("optimizer").value().span(),
                "`optimizer:` must be an optimizer, found " + optimizer.describe())
            .help(optimizerNames() + ", as in `adam(lr: 1e-3)`"));
      }
    }
    int batch = positive(entries.get("batch"), evaluator);
    int epochs = entries.containsKey("epochs") ? positive(entries.get("epochs"), evaluator) : 0;
    long steps = entries.containsKey("steps") ? positive(entries.get("steps"), evaluator) : 0;
    String export = entries.containsKey("export") ? setting(entries.get("export"), evaluator, String.class, "a string") : null;
    Boolean dropLast = entries.containsKey("drop_last")
        ? setting(entries.get("drop_last"), evaluator, Boolean.class, "true or false") : Boolean.FALSE;
    long seed = entries.containsKey("seed") ? wholeNumber(entries.get("seed"), evaluator, 0) : JobDefaults.SEED;
    ok &= batch > 0 && epochs >= 0 && steps >= 0 && seed >= 0 && (export != null || !entries.containsKey("export"))
        && dropLast != null;
    SettingCalls calls = new SettingCalls(diagnostics, evaluator);
    GradientClipping clip = entries.containsKey("clip") ? calls.clip(entries.get("clip")) : null;
    WeightPenalty regularize = entries.containsKey("regularize") ? calls.regularize(entries.get("regularize")) : null;
    ok &= (clip != null || !entries.containsKey("clip")) && (regularize != null || !entries.containsKey("regularize"));
    CheckpointPolicy checkpoint = checkpoint(job, entries, calls, evaluator);
    ok &= checkpoint != null || !entries.containsKey("checkpoint") && !entries.containsKey("keep");
    if (modelValue == null || data == null) {
      return null;
    }
    // The model is checked on the data it is fed, so symbols in its input types (`int[seq]`) take
    // the sizes of the data's fields (LANGUAGE.md §5.4).
    Span dataSpan = entries.get("data").value().span();
    Map<String, TensorType> declared = checker.models().declaredInputs(modelValue);
    if (declared == null || !feeds(modelValue.decl(), declared, data, feed, dataSpan)) {
      return null;
    }
    ModelInstance model = checker.models().instantiate(modelValue, fedInputs(declared, data, feed, dataSpan),
        entries.get("model").span());
    if (model == null) {
      return null;
    }
    Map<String, Value> values = Evaluator.scope();
    Ast.Expr dataExpr = entries.get("data").value();
    for (Field f : data.fields()) {
      values.put(f.name(), new Value.Tensor(DataChecker.typeOf(f).withShape(DataChecker.typeOf(f).shape().batched()), dataExpr.span()));
    }
    for (Map.Entry<String, TensorType> output : model.outputs().entrySet()) {
      if (values.containsKey(output.getKey())) {
        // The loss names outputs and fields alike, so one name cannot be both.
        diagnostics.report(Diagnostic.at(Code.NN0102, entries.get("model").value().span(),
                "model output `" + output.getKey() + "` has the same name as a data field")
            .help("rename the output, or the field with `map(...)`"));
        return null;
      }
      values.put(output.getKey(), new Value.Tensor(output.getValue(), entries.get("model").value().span()));
    }
    Evaluator scalarScope = new Evaluator(checker, values, null);
    Ast.Expr loss = entries.get("loss").value();
    ok &= scalar(scalarScope, loss, "loss");
    List<Job.Metric> metrics = metrics(entries.get("metrics"), scalarScope);
    if (!ok || metrics == null) {
      return null;
    }
    EarlyStopping stop = null;
    if (entries.containsKey("stop")) {
      List<String> reported = ReportedValues.columns(metrics.stream().map(Job.Metric::name).toList(),
          entries.containsKey("validate"));
      stop = calls.stop(entries.get("stop"), reported, metrics);
      if (stop == null) {
        return null;
      }
    }
    if (entries.containsKey("budget") && !new MemoryBudget(diagnostics, evaluator).check(entries.get("budget"),
        job.name().name(), model, (Value.Optimizer) optimizer, batch, stop != null && stop.restoreBest())) {
      return null;
    }
    Map<String, String> fields = new LinkedHashMap<>();
    feed.forEach((input, pair) -> fields.put(input, ((Ast.Name) pair.field()).name()));
    Ast.Expr validateExpr = entries.containsKey("validate") ? entries.get("validate").value() : null;
    return new Job(job, entries.get("model").value(), model, dataExpr, data.fields(),
        validateExpr, fields, loss, entries.get("optimizer").value(), metrics, batch, epochs, steps, export, seed,
        dropLast, stop, clip, regularize, checkpoint);
  }

  /**
   * {@code checkpoint: every(1 epoch), keep: 3}, {@code keep:} defaulting to
   * {@link CheckpointPolicy#DEFAULT_KEEP}; null when the job writes no checkpoints or a setting is
   * wrong (reported).
   */
  CheckpointPolicy checkpoint(Ast.Job job, Map<String, Ast.Entry> entries, SettingCalls calls,
      Evaluator evaluator) {
    Ast.Entry keep = entries.get("keep");
    if (!entries.containsKey("checkpoint")) {
      if (keep != null) {
        diagnostics.report(Diagnostic.at(Code.NN0401, keep.key().span(),
                "`keep:` says how many checkpoints to keep, but train " + job.name().name() + " writes none")
            .help("add `checkpoint: every(1 epoch)`"));
      }
      return null;
    }
    Period every = calls.checkpointEvery(entries.get("checkpoint"));
    int kept = keep == null ? CheckpointPolicy.DEFAULT_KEEP : positive(keep, evaluator);
    return every == null || kept < 1 ? null : new CheckpointPolicy(every, kept);
  }

  private static String optimizerNames() {
    return Builtins.all().stream().filter(b -> b.kind() == Kind.OPTIMIZER).map(Builtin::name)
        .collect(Collectors.joining(", "));
  }

  /** The model a job trains, its hyper-parameters bound ({@code model: Mlp} means {@code Mlp()}). */
  Value.Model model(Ast.Entry entry, Evaluator evaluator) {
    Value value = evaluator.eval(entry.value());
    if (value instanceof Value.ModelRef ref) {
      return checker.models().bindHyper(ref.decl(), null, evaluator);
    }
    if (value instanceof Value.Model m) {
      return m;
    }
    if (!(value instanceof Value.Error)) {
      diagnostics.error(Code.NN0206, entry.value().span(), "`model:` must be a model, found " + value.describe());
    }
    return null;
  }

  Value.Dataset dataset(Ast.Entry entry, Evaluator evaluator) {
    Value v = evaluator.eval(entry.value());
    if (v instanceof Value.Dataset d) {
      return d;
    }
    if (!(v instanceof Value.Error)) {
      diagnostics.error(Code.NN0206, entry.value().span(), "`" + entry.key().name() + ":` must be a dataset, found " + v.describe());
    }
    return null;
  }

  /**
   * Each model input must find a data field of its type, by the same name or through `feed:`.
   * Symbols in the model's input types ({@code float[n]}) are bound from the fields.
   */
  private boolean feeds(Ast.Model model, Map<String, TensorType> inputs, Value.Dataset data,
      Map<String, Ast.FeedPair> feed, Span dataSpan) {
    boolean ok = true;
    Map<String, Dim> bound = new HashMap<>();
    Map<String, String> boundBy = new HashMap<>();
    List<String> available = data.fields().stream().map(Field::name).toList();
    for (Map.Entry<String, TensorType> input : inputs.entrySet()) {
      Ast.FeedPair pair = feed.get(input.getKey());
      String fieldName = pair == null ? input.getKey() : ((Ast.Name) pair.field()).name();
      Span where = pair == null ? dataSpan : pair.field().span();
      Field field = data.fields().stream().filter(f -> f.name().equals(fieldName)).findFirst().orElse(null);
      if (field == null) {
        diagnostics.report(Diagnostic.at(Code.NN0403, where,
                "model input `" + input.getKey() + "` has no data field `" + fieldName + "`")
            .help("the data has " + String.join(", ", available)
                + (pair == null ? "; name one with `feed: " + input.getKey() + " = FIELD`" : "")));
        ok = false;
        continue;
      }
      TensorType fieldType = DataChecker.typeOf(field).withShape(DataChecker.typeOf(field).shape().batched());
      TensorType inputType = input.getValue();
      boolean fits = fieldType.rank() == inputType.rank();
      for (int i = 0; fits && i < inputType.rank(); i++) {
        Dim want = inputType.shape().dim(i);
        Dim have = fieldType.shape().dim(i);
        if (want instanceof Dim.Symbol s && !want.equals(Dim.BATCH)) {
          Dim before = bound.putIfAbsent(s.name(), have);
          if (before != null && !before.equals(have)) {
            diagnostics.report(Diagnostic.at(Code.NN0303, where,
                    "`" + s.name() + "` is bound to two sizes: " + before + " by data field `" + boundBy.get(s.name())
                        + "` and " + have + " by data field `" + fieldName + "`")
                .label(model.name().span(), "the model declares its inputs with `" + s.name() + "`"));
            ok = false;
          }
          boundBy.putIfAbsent(s.name(), fieldName);
        } else {
          fits = want.equals(have);
        }
      }
      if (!fits) {
        diagnostics.report(Diagnostic.at(Code.NN0403, where,
                "model input `" + input.getKey() + "` is " + inputType + " but data field `" + fieldName + "` is " + fieldType)
            .label(model.name().span(), "the model is declared here")
            .help("reshape the data with `map(...)` or the model input to match"));
        ok = false;
      }
    }
    return ok;
  }

  /** The data fields each model input is fed from, as the tensors the model is applied to. */
  private static List<Value.Tensor> fedInputs(Map<String, TensorType> inputs, Value.Dataset data,
      Map<String, Ast.FeedPair> feed, Span dataSpan) {
    List<Value.Tensor> tensors = new ArrayList<>();
    for (String input : inputs.keySet()) {
      String fieldName = feed.containsKey(input) ? ((Ast.Name) feed.get(input).field()).name() : input;
      Field field = data.fields().stream().filter(f -> f.name().equals(fieldName)).findFirst().orElseThrow();
      TensorType type = DataChecker.typeOf(field);
      tensors.add(new Value.Tensor(type.withShape(type.shape().batched()), dataSpan));
    }
    return tensors;
  }

  boolean scalar(Evaluator scope, Ast.Expr expr, String what) {
    Value v = scope.eval(expr);
    Value.Tensor t = v instanceof Value.Error ? null : scope.asTensor(v, expr.span());
    if (t == null) {
      return false;
    }
    if (t.type().rank() != 0) {
      diagnostics.report(Diagnostic.at(Code.NN0206, expr.span(), "the " + what + " must be a single number, found " + t.type())
          .help("use a loss such as `cross_entropy(logits, label)` or `mse(y, target)`"));
      return false;
    }
    return true;
  }

  private List<Job.Metric> metrics(Ast.Entry entry, Evaluator scope) {
    List<Job.Metric> metrics = new ArrayList<>();
    if (entry == null) {
      return metrics;
    }
    if (!(entry.value() instanceof Ast.ListExpr list)) {
      diagnostics.error(Code.NN0201, entry.value().span(), "`metrics:` is a list, as in [accuracy(logits, label)]");
      return null;
    }
    Set<String> names = new HashSet<>();
    for (Ast.Expr item : list.items()) {
      String name = item instanceof Ast.Call c && c.callee() instanceof Ast.Name n ? n.name() : null;
      if (name == null) {
        diagnostics.error(Code.NN0206, item.span(), "a metric is a call such as accuracy(logits, label)");
        return null;
      }
      if (!scalar(scope, item, "metric")) {
        return null;
      }
      String column = name;
      for (int i = 2; !names.add(column); i++) {
        column = name + "_" + i;
      }
      metrics.add(new Job.Metric(column, item));
    }
    return metrics;
  }

  int positive(Ast.Entry entry, Evaluator evaluator) {
    return wholeNumber(entry, evaluator, 1);
  }

  /** A whole-number setting of at least {@code min} (`5` or, for `epochs:`, `5 epochs`); -1 after an error. */
  int wholeNumber(Ast.Entry entry, Evaluator evaluator, long min) {
    Value v = evaluator.eval(entry.value());
    Object value = v instanceof Value.Const c ? c.value() : null;
    if (value instanceof Value.Duration d && d.unit().startsWith(entry.key().name().replace("s", ""))) {
      value = d.amount();
    }
    if (!(value instanceof Long n)) {
      if (!(v instanceof Value.Error)) {
        diagnostics.error(Code.NN0201, entry.value().span(),
            "`" + entry.key().name() + ":` must be a whole number, found " + v.describe());
      }
      return -1;
    }
    if (n < min || n > Integer.MAX_VALUE) {
      diagnostics.error(Code.NN0208, entry.value().span(),
          "`" + entry.key().name() + ":` must be " + (min == 0 ? "zero or more" : "a positive whole number") + ", found " + n);
      return -1;
    }
    return n.intValue();
  }

  /** A setting whose value is a compile-time {@code type}, described as {@code what} in the error; null after one. */
  <T> T setting(Ast.Entry entry, Evaluator evaluator, Class<T> type, String what) {
    Value v = evaluator.eval(entry.value());
    if (v instanceof Value.Const c && type.isInstance(c.value())) {
      return type.cast(c.value());
    }
    if (!(v instanceof Value.Error)) {
      diagnostics.error(Code.NN0201, entry.value().span(), "`" + entry.key().name() + ":` must be " + what + ", found " + v.describe());
    }
    return null;
  }
}

package dev.nnc.compiler.check;

import dev.nnc.compiler.diag.Code;
import dev.nnc.compiler.diag.Diagnostic;
import dev.nnc.compiler.diag.Diagnostics;
import dev.nnc.compiler.source.Span;
import dev.nnc.compiler.syntax.Ast;
import dev.nnc.runtime.data.Field;
import dev.nnc.stdlib.spec.TensorType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks a declarative {@code train} job (LANGUAGE.md §7.1): its settings, data, loss and metrics. */
final class JobChecker {
  private static final List<String> KEYS =
      List.of("model", "data", "validate", "feed", "loss", "optimizer", "batch", "epochs", "steps",
          "metrics", "export", "seed");
  /** Settings of the language that this version does not carry out yet. */
  private static final List<String> LATER = List.of("stop", "clip", "regularize", "checkpoint", "budget", "keep");

  private final Checker checker;
  private final Diagnostics diagnostics;

  JobChecker(Checker checker) {
    this.checker = checker;
    this.diagnostics = checker.diagnostics();
  }

  Job check(Ast.Job job) {
    Evaluator evaluator = new Evaluator(checker, Evaluator.scope(), null);
    Map<String, Ast.Entry> entries = new LinkedHashMap<>();
    Map<String, String> feed = new LinkedHashMap<>();
    boolean ok = true;
    for (Ast.JobItem item : job.items()) {
      if (item instanceof Ast.Entry e && e.target() == null && e.from() == null) {
          String key = e.key().name();
          Ast.Entry previous = entries.putIfAbsent(key, e);
          if (previous != null) {
            diagnostics.report(Diagnostic.at(Code.NN0102, e.key().span(), "`" + key + "` is set twice")
                .label(previous.key().span(), "first set here"));
            ok = false;
          } else if (LATER.contains(key)) {
            evaluator.notYet(e.key().span(), "`" + key + ":` settings");
            ok = false;
          } else if (!KEYS.contains(key)) {
            Diagnostic d = Diagnostic.at(Code.NN0402, e.key().span(), "unknown setting `" + key + "` in train " + job.name().name());
            String close = Suggestions.closest(key, KEYS);
            diagnostics.report(d.help(close != null ? "did you mean `" + close + "`?" : "the settings are " + String.join(", ", KEYS)));
            ok = false;
          }
      } else if (item instanceof Ast.Feed f) {
          for (Ast.FeedPair pair : f.pairs()) {
            if (pair.field() instanceof Ast.Name n) {
              feed.put(pair.input().name(), n.name());
            } else {
              diagnostics.error(Code.NN0201, pair.field().span(), "feed names a data field, as in `feed: image = pixels`");
              ok = false;
            }
          }
      } else {
          evaluator.notYet(item.span(), "custom steps (`let`, `step`, `every`, `export M:` in a job)");
          ok = false;
      }
    }
    for (String required : List.of("model", "data", "loss", "optimizer", "batch")) {
      if (!entries.containsKey(required)) {
        diagnostics.report(Diagnostic.at(Code.NN0401, job.name().span(),
                "train " + job.name().name() + " has no `" + required + ":`")
            .help(helpFor(required)));
        ok = false;
      }
    }
    if (!entries.containsKey("epochs") && !entries.containsKey("steps")) {
      diagnostics.report(Diagnostic.at(Code.NN0401, job.name().span(),
              "train " + job.name().name() + " says neither how many `epochs:` nor how many `steps:`")
          .help("add `epochs: 10`"));
      ok = false;
    }
    if (!ok) {
      return null;
    }
    return checkEntries(job, entries, feed, evaluator);
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

  private Job checkEntries(Ast.Job job, Map<String, Ast.Entry> entries, Map<String, String> feed, Evaluator evaluator) {
    Value modelValue = evaluator.eval(entries.get("model").value());
    ModelInstance model = null;
    if (modelValue instanceof Value.ModelRef ref) {
      Value.Model bound = checker.models().bindHyper(ref.decl(), null, evaluator);
      model = bound == null ? null : checker.models().instantiate(bound, null, entries.get("model").span());
    } else if (modelValue instanceof Value.Model m) {
      model = checker.models().instantiate(m, null, entries.get("model").span());
    } else if (!(modelValue instanceof Value.Error)) {
      diagnostics.error(Code.NN0206, entries.get("model").value().span(), "`model:` must be a model, found " + modelValue.describe());
    }
    Value.Dataset data = dataset(entries.get("data"), evaluator);
    Value.Dataset validate = entries.containsKey("validate") ? dataset(entries.get("validate"), evaluator) : null;
    Value optimizer = evaluator.eval(entries.get("optimizer").value());
    boolean ok = model != null && data != null && (validate != null || !entries.containsKey("validate"));
    if (!(optimizer instanceof Value.Optimizer)) {
      ok = false;
      if (!(optimizer instanceof Value.Error)) {
        diagnostics.report(Diagnostic.at(Code.NN0206, entries.get("optimizer").value().span(),
                "`optimizer:` must be an optimizer, found " + optimizer.describe())
            .help("sgd, momentum or adam, as in `adam(lr: 1e-3)`"));
      }
    }
    int batch = positive(entries.get("batch"), evaluator);
    int epochs = entries.containsKey("epochs") ? positive(entries.get("epochs"), evaluator) : 0;
    long steps = entries.containsKey("steps") ? positive(entries.get("steps"), evaluator) : 0;
    String export = entries.containsKey("export") ? string(entries.get("export"), evaluator) : null;
    long seed = entries.containsKey("seed") ? positive(entries.get("seed"), evaluator) : 42;
    if (!ok || batch < 0 || epochs < 0 || steps < 0 || seed < 0 || export == null && entries.containsKey("export")) {
      return null;
    }
    if (!feeds(model, data, feed, entries.get("data").value().span())) {
      return null;
    }
    Map<String, Value> values = Evaluator.scope();
    for (Field f : data.fields()) {
      values.put(f.name(), new Value.Tensor(DataChecker.typeOf(f).withShape(DataChecker.typeOf(f).shape().batched()), entries.get("data").value().span()));
    }
    model.outputs().forEach((name, type) -> values.put(name, new Value.Tensor(type, entries.get("model").value().span())));
    Evaluator scalarScope = new Evaluator(checker, values, null);
    Ast.Expr loss = entries.get("loss").value();
    if (!scalar(scalarScope, loss, "loss")) {
      return null;
    }
    List<Job.Metric> metrics = metrics(entries.get("metrics"), scalarScope);
    if (metrics == null) {
      return null;
    }
    Ast.Expr validateExpr = entries.containsKey("validate") ? entries.get("validate").value() : null;
    return new Job(job, entries.get("model").value(), model, entries.get("data").value(), data.fields(),
        validateExpr, feed, loss, entries.get("optimizer").value(), metrics, batch, epochs, steps, export, seed);
  }

  private Value.Dataset dataset(Ast.Entry entry, Evaluator evaluator) {
    Value v = evaluator.eval(entry.value());
    if (v instanceof Value.Dataset d) {
      return d;
    }
    if (!(v instanceof Value.Error)) {
      diagnostics.error(Code.NN0206, entry.value().span(), "`" + entry.key().name() + ":` must be a dataset, found " + v.describe());
    }
    return null;
  }

  /** Each model input must find a data field of its type: by the same name, or through `feed:`. */
  private boolean feeds(ModelInstance model, Value.Dataset data, Map<String, String> feed, Span dataSpan) {
    boolean ok = true;
    for (Map.Entry<String, TensorType> input : model.inputs().entrySet()) {
      String fieldName = feed.getOrDefault(input.getKey(), input.getKey());
      Field field = data.fields().stream().filter(f -> f.name().equals(fieldName)).findFirst().orElse(null);
      List<String> available = data.fields().stream().map(Field::name).toList();
      if (field == null) {
        diagnostics.report(Diagnostic.at(Code.NN0403, dataSpan,
                "model input `" + input.getKey() + "` has no data field `" + fieldName + "`")
            .help("the data has " + String.join(", ", available) + "; name one with `feed: " + input.getKey() + " = FIELD`"));
        ok = false;
        continue;
      }
      TensorType fieldType = DataChecker.typeOf(field).withShape(DataChecker.typeOf(field).shape().batched());
      if (!fieldType.shape().equals(input.getValue().shape())) {
        diagnostics.report(Diagnostic.at(Code.NN0403, dataSpan,
                "model input `" + input.getKey() + "` is " + input.getValue() + " but data field `" + fieldName + "` is " + fieldType)
            .label(model.decl().name().span(), "the model is declared here")
            .help("reshape the data with `map(...)` or the model input to match"));
        ok = false;
      }
    }
    return ok;
  }

  private boolean scalar(Evaluator scope, Ast.Expr expr, String what) {
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

  private int positive(Ast.Entry entry, Evaluator evaluator) {
    Value v = evaluator.eval(entry.value());
    Object value = v instanceof Value.Const c ? c.value() : null;
    if (value instanceof Value.Duration d && d.unit().startsWith(entry.key().name().replace("s", ""))) {
      value = d.amount();
    }
    if (value instanceof Long n && n > 0 && n <= Integer.MAX_VALUE) {
      return n.intValue();
    }
    if (!(v instanceof Value.Error)) {
      diagnostics.error(Code.NN0208, entry.value().span(),
          "`" + entry.key().name() + ":` must be a positive whole number, found " + v.describe());
    }
    return -1;
  }

  private String string(Ast.Entry entry, Evaluator evaluator) {
    Value v = evaluator.eval(entry.value());
    if (v instanceof Value.Const c && c.value() instanceof String s) {
      return s;
    }
    if (!(v instanceof Value.Error)) {
      diagnostics.error(Code.NN0201, entry.value().span(), "`" + entry.key().name() + ":` must be a string, found " + v.describe());
    }
    return null;
  }
}

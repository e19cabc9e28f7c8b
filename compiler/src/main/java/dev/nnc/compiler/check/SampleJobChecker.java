package dev.nnc.compiler.check;

import dev.nnc.compiler.diag.Code;
import dev.nnc.compiler.diag.Diagnostic;
import dev.nnc.compiler.diag.Diagnostics;
import dev.nnc.compiler.syntax.Ast;
import dev.nnc.runtime.data.ElementType;
import dev.nnc.runtime.train.JobDefaults;
import dev.nnc.stdlib.spec.Dim;
import dev.nnc.stdlib.spec.TensorShape;
import dev.nnc.stdlib.spec.TensorType;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a {@code sample} job: a model that reads one int sequence and gives logits over the
 * vocabulary, the directory it was exported to ({@code from}), a non-empty prime text, a positive
 * length and a positive temperature.
 */
final class SampleJobChecker {
  private static final List<String> KEYS = List.of("model", "prime", "length", "temperature", "seed");
  static final double DEFAULT_TEMPERATURE = 1.0;

  private final Checker checker;
  private final Diagnostics diagnostics;
  private final JobChecker settings;

  SampleJobChecker(Checker checker) {
    this.checker = checker;
    this.diagnostics = checker.diagnostics();
    this.settings = new JobChecker(checker);
  }

  SampleJob check(Ast.Job job) {
    Evaluator evaluator = new Evaluator(checker, Evaluator.scope(), null);
    Map<String, Ast.Entry> entries = new LinkedHashMap<>();
    Set<String> suggested = new HashSet<>();
    boolean ok = true;
    for (Ast.JobItem item : job.items()) {
      if (item instanceof Ast.Entry e && e.target() == null) {
        ok &= settings.known(job, e, entries, suggested, KEYS);
      } else {
        diagnostics.report(Diagnostic.at(Code.NN0402, item.span(), "a sample job has settings only")
            .help("the settings are " + String.join(", ", KEYS)));
        ok = false;
      }
    }
    for (String required : List.of("model", "prime", "length")) {
      if (!entries.containsKey(required) && !suggested.contains(required)) {
        diagnostics.report(Diagnostic.at(Code.NN0401, job.name().span(),
                "sample " + job.name().name() + " has no `" + required + ":`")
            .help(required.equals("model") ? "add the trained model, as in `model: CharLm(vocab: 36) from \"build/models/char_lm\"`"
                : required.equals("prime") ? "add the text to start from, as in `prime: \"The \"`"
                : "add how many characters to generate, as in `length: 300`"));
      }
      ok &= entries.containsKey(required);
    }
    if (!ok) {
      return null;
    }
    Ast.Entry modelEntry = entries.get("model");
    String from = from(job, modelEntry, evaluator);
    String prime = settings.setting(entries.get("prime"), evaluator, String.class, "a string");
    if (prime != null && prime.isEmpty()) {
      diagnostics.report(Diagnostic.at(Code.NN0208, entries.get("prime").value().span(), "`prime:` is empty")
          .help("generation starts from the prime's characters: give at least one"));
      prime = null;
    }
    int length = settings.positive(entries.get("length"), evaluator);
    double temperature = entries.containsKey("temperature") ? temperature(entries.get("temperature"), evaluator)
        : DEFAULT_TEMPERATURE;
    long seed = entries.containsKey("seed") ? settings.wholeNumber(entries.get("seed"), evaluator, 0) : JobDefaults.SEED;
    SampleJob checked = model(job, modelEntry, evaluator, from, prime, length, temperature, seed);
    return from != null && prime != null && length > 0 && temperature > 0 && seed >= 0 ? checked : null;
  }

  /** The directory after {@code from}: a string, and required. */
  private String from(Ast.Job job, Ast.Entry model, Evaluator evaluator) {
    if (model.from() == null) {
      diagnostics.report(Diagnostic.at(Code.NN0401, model.value().span(),
              "sample " + job.name().name() + " does not say where the trained model is")
          .help("add the directory a train job exported it to, as in `from \"build/models/char_lm\"`"));
      return null;
    }
    Value v = evaluator.eval(model.from());
    if (v instanceof Value.Const c && c.value() instanceof String dir) {
      return dir;
    }
    if (!(v instanceof Value.Error)) {
      diagnostics.error(Code.NN0201, model.from().span(), "`from` must be a directory name (a string), found " + v.describe());
    }
    return null;
  }

  private double temperature(Ast.Entry entry, Evaluator evaluator) {
    Value v = evaluator.eval(entry.value());
    if (v instanceof Value.Const c && c.value() instanceof Number n) {
      if (n.doubleValue() > 0 && Double.isFinite(n.doubleValue())) {
        return n.doubleValue();
      }
      diagnostics.report(Diagnostic.at(Code.NN0208, entry.value().span(), "`temperature:` must be above 0, found " + n)
          .help("1 samples as the model predicts, lower is more conservative (0.8), near 0 always picks the likeliest"));
      return -1;
    }
    if (!(v instanceof Value.Error)) {
      diagnostics.error(Code.NN0201, entry.value().span(), "`temperature:` must be a number, found " + v.describe());
    }
    return -1;
  }

  /**
   * The model, checked on one int sequence: its length, when a symbol, is 1 (fed a character at a
   * time); its first output must be float logits with the vocabulary last.
   */
  private SampleJob model(Ast.Job job, Ast.Entry entry, Evaluator evaluator, String from, String prime, int length,
      double temperature, long seed) {
    Value.Model model = settings.model(entry, evaluator);
    if (model == null) {
      return null;
    }
    Map<String, TensorType> inputs = checker.models().declaredInputs(model);
    if (inputs == null) {
      return null;
    }
    TensorType input = inputs.size() == 1 ? inputs.values().iterator().next() : null;
    if (input == null || input.element() != ElementType.INT || input.rank() != 2) {
      diagnostics.report(Diagnostic.at(Code.NN0412, entry.value().span(),
              "a sample job's model must read one int sequence, but " + model.decl().name().name() + " reads "
                  + describeInputs(inputs))
          .label(model.decl().name().span(), "the model is declared here")
          .help("generate with a sequence model such as std.text's CharLm (`input chars: int[seq]`)"));
      return null;
    }
    Dim seq = input.shape().dim(1);
    int window = seq.isKnown() ? (int) seq.sizeOr(1) : 1;
    TensorType fed = input.withShape(TensorShape.of((long) window).batched());
    ModelInstance instance = checker.models().instantiate(model, List.of(new Value.Tensor(fed, entry.value().span())),
        entry.value().span());
    if (instance == null) {
      return null;
    }
    TensorType logits = instance.outputs().values().iterator().next();
    if (logits.element() != ElementType.FLOAT || logits.rank() < 2 || !logits.shape().last().isKnown()) {
      diagnostics.report(Diagnostic.at(Code.NN0412, entry.value().span(),
              "a sample job's model must give logits over the vocabulary, but its first output `"
                  + instance.outputs().keySet().iterator().next() + "` is " + logits)
          .help("end the model with `dense(vocab)`"));
      return null;
    }
    return new SampleJob(job, entry.value(), instance, inputs.keySet().iterator().next(), window, from, prime,
        length, temperature, seed);
  }

  private static String describeInputs(Map<String, TensorType> inputs) {
    if (inputs.isEmpty()) {
      return "nothing";
    }
    StringBuilder b = new StringBuilder();
    inputs.forEach((name, type) -> b.append(b.length() == 0 ? "" : ", ").append(name).append(": ").append(type));
    return b.toString();
  }
}

package dev.nnc.compiler.check;

import static dev.nnc.stdlib.spec.Param.named;
import static dev.nnc.stdlib.spec.Param.optional;
import static dev.nnc.stdlib.spec.Param.required;

import dev.nnc.compiler.diag.Code;
import dev.nnc.compiler.diag.Diagnostic;
import dev.nnc.compiler.diag.Diagnostics;
import dev.nnc.compiler.syntax.Ast;
import dev.nnc.runtime.train.EarlyStopping;
import dev.nnc.runtime.train.GradientClipping;
import dev.nnc.runtime.train.Period;
import dev.nnc.runtime.train.ReportedValues;
import dev.nnc.runtime.train.WeightPenalty;
import dev.nnc.stdlib.Builtins;
import dev.nnc.stdlib.Kind;
import dev.nnc.stdlib.spec.Args;
import dev.nnc.stdlib.spec.ParamType;
import dev.nnc.stdlib.spec.Signature;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The job settings whose value is a call of a function known only there: {@code stop: early(...)},
 * {@code clip: global_norm(5)} or {@code value(1)}, {@code regularize: l2(1e-4)} or {@code l1(1e-5)},
 * {@code checkpoint: every(1 epoch)}.
 * These names are not built-ins ({@code value} is too common a word, and {@code l1}/{@code l2} are
 * also the loss penalties {@code l2(x)}), so each setting matches its own few signatures. Each
 * method reports what is wrong and returns null, or returns what the runtime takes.
 */
final class SettingCalls {
  private static final Map<String, Signature> CLIPS = Map.of(
      "global_norm", Signature.of(0, required("max", ParamType.POSITIVE_FLOAT)),
      "value", Signature.of(0, required("limit", ParamType.POSITIVE_FLOAT)));
  private static final Map<String, Signature> PENALTIES = Map.of(
      "l1", Signature.of(0, optional("factor", ParamType.POSITIVE_FLOAT, 0.01)),
      "l2", Signature.of(0, optional("factor", ParamType.POSITIVE_FLOAT, 0.01)));
  private static final Map<String, Signature> CHECKPOINTS =
      Map.of("every", Signature.of(0, required("period", ParamType.DURATION)));
  private static final String DEFAULT_MONITOR = "val_loss";

  private final Diagnostics diagnostics;
  private final ArgBinder binder;
  private final Evaluator evaluator;

  SettingCalls(Diagnostics diagnostics, Evaluator evaluator) {
    this.diagnostics = diagnostics;
    this.binder = new ArgBinder(diagnostics);
    this.evaluator = evaluator;
  }

  GradientClipping clip(Ast.Entry entry) {
    Bound call = bind(entry, CLIPS);
    if (call == null) {
      return null;
    }
    return call.name().equals("global_norm")
        ? GradientClipping.globalNorm(call.args().real("max"))
        : GradientClipping.value(call.args().real("limit"));
  }

  WeightPenalty regularize(Ast.Entry entry) {
    Bound call = bind(entry, PENALTIES);
    if (call == null) {
      return null;
    }
    double factor = call.args().real("factor");
    return call.name().equals("l1") ? WeightPenalty.l1(factor) : WeightPenalty.l2(factor);
  }

  /** {@code every(1 epoch)} or {@code every(500 steps)}: how often a checkpoint is written. */
  Period checkpointEvery(Ast.Entry entry) {
    Bound call = bind(entry, CHECKPOINTS);
    return call == null ? null : (Period) call.args().get("period");
  }

  /**
   * {@code early(monitor, patience, min_delta, restore_best, mode)}: the monitor is one of the
   * {@code reported} columns (the values the job reports, then with validation data their
   * {@code val_} twins), and, as in Keras, whether it should fall or rise follows from what it is
   * unless {@code mode} says; {@code metrics} are the job's values as written, to tell which rise.
   */
  EarlyStopping stop(Ast.Entry entry, List<String> reported, List<Job.Metric> metrics) {
    Signature early = Signature.of(
        0,
        optional("monitor", ParamType.oneOf(reported.toArray(String[]::new)), DEFAULT_MONITOR),
        optional("patience", ParamType.NON_NEGATIVE_INT, 3L),
        named("min_delta", ParamType.NON_NEGATIVE_FLOAT, 0.0),
        named("restore_best", ParamType.BOOL, true),
        named("mode", ParamType.oneOf("auto", "min", "max"), "auto"));
    Bound call = bind(entry, Map.of("early", early));
    if (call == null) {
      return null;
    }
    Args args = call.args();
    String monitor = args.string("monitor");
    if (!reported.contains(monitor)) {
      boolean validates = reported.stream().anyMatch(c -> c.startsWith(ReportedValues.VALIDATION_PREFIX));
      diagnostics.report(Diagnostic.at(Code.NN0401, entry.value().span(), validates
              ? "`early` monitors " + monitor + " unless told otherwise, and this job reports no `"
                  + monitor.substring(ReportedValues.VALIDATION_PREFIX.length()) + "`"
              : "`early` monitors " + monitor + " unless told otherwise, and this job has no `validate:` data")
          .help(validates ? "name the value to watch, one of " + String.join(", ", reported)
              + ": `early(monitor: " + reported.get(reported.size() - 1) + ")`"
              : "add `validate:` data, or watch the training " + reported.get(0) + ": `early(monitor: "
                  + reported.get(0) + ")`"));
      return null;
    }
    return new EarlyStopping(monitor, goal(monitor, args.string("mode"), metrics),
        (int) args.integer("patience"), args.real("min_delta"), args.bool("restore_best"));
  }

  /** Keras's {@code mode: auto}: losses fall; metrics such as accuracy rise; a loss used as a metric falls. */
  private static EarlyStopping.Goal goal(String monitor, String mode, List<Job.Metric> metrics) {
    if (!mode.equals("auto")) {
      return mode.equals("min") ? EarlyStopping.Goal.MINIMIZE : EarlyStopping.Goal.MAXIMIZE;
    }
    String column = monitor.replaceFirst("^" + ReportedValues.VALIDATION_PREFIX, "");
    // A return is reward gathered: a job that acts wants more of it.
    boolean rises = column.equals("episode_return") || metrics.stream()
        .filter(m -> m.name().equals(column))
        .anyMatch(m -> m.expr() instanceof Ast.Call c && c.callee() instanceof Ast.Name n
            && Builtins.lookup(n.name()).map(b -> b.kind() == Kind.METRIC).orElse(false));
    return rises ? EarlyStopping.Goal.MAXIMIZE : EarlyStopping.Goal.MINIMIZE;
  }

  private record Bound(String name, Args args) {}

  /** The setting's value as a call of one of {@code options} (a bare name is a call without arguments). */
  private Bound bind(Ast.Entry entry, Map<String, Signature> options) {
    Ast.Expr value = entry.value();
    Ast.Name callee = value instanceof Ast.Call c && c.callee() instanceof Ast.Name n ? n
        : value instanceof Ast.Name n ? n : null;
    String setting = "`" + entry.key().name() + ":`";
    if (callee == null) {
      diagnostics.report(Diagnostic.at(Code.NN0206, value.span(), setting + " takes " + choices(options)
          + ", found `" + value.span().text() + "`"));
      return null;
    }
    Signature signature = options.get(callee.name());
    if (signature == null) {
      Diagnostic d = Diagnostic.at(Code.NN0101, callee.span(),
          setting + " has no function `" + callee.name() + "`");
      String close = Suggestions.closest(callee.name(), options.keySet());
      diagnostics.report(d.help(close != null ? "did you mean `" + close + "`?" : "it takes " + choices(options)));
      return null;
    }
    List<Ast.Arg> args = value instanceof Ast.Call c ? c.args() : List.of();
    Map<String, Object> bound = binder.bind(callee.name(), signature, args, value.span(), evaluator::eval);
    return bound == null ? null : new Bound(callee.name(), new Args(signature, bound));
  }

  private static String choices(Map<String, Signature> options) {
    return options.keySet().stream().sorted()
        .map(name -> options.get(name).render(name))
        .collect(Collectors.joining(" or "));
  }
}

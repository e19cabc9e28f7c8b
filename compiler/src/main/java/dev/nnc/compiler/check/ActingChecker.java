package dev.nnc.compiler.check;

import dev.nnc.compiler.diag.Code;
import dev.nnc.compiler.diag.Diagnostic;
import dev.nnc.compiler.diag.Diagnostics;
import dev.nnc.compiler.source.Span;
import dev.nnc.compiler.syntax.Ast;
import dev.nnc.runtime.rl.Environment;
import dev.nnc.runtime.rl.Environments;
import dev.nnc.stdlib.spec.Dim;
import dev.nnc.stdlib.spec.TensorShape;
import dev.nnc.stdlib.spec.TensorType;
import dev.nnc.runtime.data.ElementType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The settings of a train job that learns by acting (LANGUAGE.md §7.5): {@code env:} (whose
 * observation shape and number of actions the checker knows), {@code act:} over a value with one
 * number per action computed from {@code state}, and {@code replay:}, {@code warmup:},
 * {@code learn_every:} and {@code updates:}, all counted in environment steps.
 */
final class ActingChecker {
  static final List<String> KEYS = List.of("env", "act", "replay", "warmup", "learn_every", "updates", "episodes",
      "discount");
  private static final List<String> ACTS = List.of("epsilon_greedy", "sample", "argmax");

  private final Checker checker;
  private final Diagnostics diagnostics;

  ActingChecker(Checker checker) {
    this.checker = checker;
    this.diagnostics = checker.diagnostics();
  }

  /** The environment and the acting settings; null after an error. */
  StepJob.Acting check(Ast.Job job, Map<String, Ast.Entry> entries, Map<String, Value.Model> models, Ast.StepBlock step) {
    Ast.Entry env = entries.get("env");
    String name = environment(env.value());
    if (name == null) {
      return null;
    }
    Environment environment = Environments.named(name);
    int[] observation = environment.observationShape();
    int actions = environment.actions();
    boolean ok = true;
    if (!entries.containsKey("act")) {
      diagnostics.report(Diagnostic.at(Code.NN0401, job.name().span(), "train " + job.name().name() + " has `env:` but no `act:`")
          .help("say how it picks actions, as in `act: epsilon_greedy(q(state), from: 1.0, to: 0.05, over: 10000 steps)`"));
      return null;
    }
    if (entries.containsKey("replay") && entries.containsKey("episodes")) {
      diagnostics.report(Diagnostic.at(Code.NN0402, entries.get("episodes").key().span(),
              "`replay:` and `episodes:` are two ways to learn by acting; train " + job.name().name() + " gives both")
          .label(entries.get("replay").key().span(), "replay is here")
          .help("`replay:` learns from batches of past transitions (DQN); `episodes:` from whole episodes with their "
              + "`return` (REINFORCE): keep one"));
      return null;
    }
    if (entries.containsKey("episodes") || entries.containsKey("discount")) {
      Ast.Entry entry = entries.getOrDefault("episodes", entries.get("discount"));
      diagnostics.report(Diagnostic.at(Code.NN0405, entry.key().span(), "learning from whole episodes (`episodes:`, "
              + "`discount:`, `return`) is not supported yet")
          .help("learn from replayed transitions, as in `replay: 50000`"));
      return null;
    }
    Ast.Ident returned = readsReturn(step);
    if (returned != null) {
      diagnostics.report(Diagnostic.at(Code.NN0101, returned.span(), "`return` is a field of jobs that learn from whole "
              + "episodes (`episodes:`), and train " + job.name().name() + " learns from replayed transitions")
          .help("a transition has state, action, reward, next_state and done; bootstrap from next_state, as DQN does"));
      return null;
    }
    if (!entries.containsKey("replay")) {
      diagnostics.report(Diagnostic.at(Code.NN0405, job.name().span(), "train " + job.name().name()
              + " learns by acting without `replay:`, which is not supported yet")
          .help("keep the last transitions to learn from, as in `replay: 50000`"));
      return null;
    }
    Evaluator evaluator = new Evaluator(checker, Evaluator.scope(), null);
    long replay = steps(entries.get("replay"), evaluator, 1, false);
    long warmup = entries.containsKey("warmup") ? steps(entries.get("warmup"), evaluator, 0, true) : 0;
    long learnEvery = entries.containsKey("learn_every") ? steps(entries.get("learn_every"), evaluator, 1, true) : 1;
    long updates = entries.containsKey("updates") ? steps(entries.get("updates"), evaluator, 1, false) : 1;
    ok &= replay > 0 && warmup >= 0 && learnEvery > 0 && updates > 0;
    StepJob.Act act = act(entries.get("act"), name, observation, actions, models);
    if (!ok || act == null) {
      return null;
    }
    return new StepJob.Acting(name, observation, actions, act, (int) replay, warmup, (int) learnEvery, (int) updates);
  }

  /** The first {@code return} the step reads, or null. */
  private static Ast.Ident readsReturn(Ast.StepBlock step) {
    for (Ast.StepStmt stmt : step.body()) {
      List<Ast.Expr> exprs = stmt instanceof Ast.StepLet l ? List.of(l.value())
          : stmt instanceof Ast.Minimize m ? List.of(m.loss())
          : stmt instanceof Ast.Report r ? r.items().stream().map(Ast.ReportItem::value).toList()
          : List.of();
      for (Ast.Expr e : exprs) {
        for (Ast.Expr part : StepJobChecker.allIn(e)) {
          if (part instanceof Ast.Name n && n.name().equals("return")) {
            return new Ast.Ident(n.name(), n.span());
          }
        }
      }
    }
    return null;
  }

  /** {@code cartpole()}: the name of a built-in environment; null after an error. */
  private String environment(Ast.Expr value) {
    if (value instanceof Ast.Call c && c.callee() instanceof Ast.Name n && Environments.names().contains(n.name())) {
      if (!c.args().isEmpty()) {
        diagnostics.report(Diagnostic.at(Code.NN0201, c.args().get(0).span(), "`" + n.name() + "()` takes no arguments")
            .help("its constants are Gymnasium's"));
        return null;
      }
      return n.name();
    }
    String found = value instanceof Ast.Call c && c.callee() instanceof Ast.Name n ? "`" + n.name() + "(...)`" : "this";
    diagnostics.report(Diagnostic.at(Code.NN0201, value.span(), "`env:` takes an environment, found " + found)
        .help("the environments are " + String.join(", ", Environments.names().stream().map(e -> e + "()").toList())));
    return null;
  }

  /**
   * {@code act: epsilon_greedy(q(state), from: 1.0, to: 0.05, over: 10000 steps)}, {@code sample(logits)}
   * or {@code argmax(q)}: the value must hold one number per action for each observation.
   */
  private StepJob.Act act(Ast.Entry entry, String env, int[] observation, int actions, Map<String, Value.Model> models) {
    Ast.Expr value = entry.value();
    if (!(value instanceof Ast.Call call && call.callee() instanceof Ast.Name kind && ACTS.contains(kind.name())
        && !call.args().isEmpty() && call.args().get(0).name() == null)) {
      diagnostics.report(Diagnostic.at(Code.NN0201, value.span(), "`act:` takes epsilon_greedy(...), sample(...) or argmax(...)"
              + " of the policy's values")
          .help("as in `act: epsilon_greedy(q(state), from: 1.0, to: 0.05, over: 10000 steps)`"));
      return null;
    }
    Map<String, Value> scope = Evaluator.scope();
    List<Dim> dims = new ArrayList<>(List.of(Dim.BATCH));
    Arrays.stream(observation).forEach(d -> dims.add(Dim.of(d)));
    scope.put("state", new Value.Tensor(new TensorType(ElementType.FLOAT, new TensorShape(dims)), entry.value().span()));
    scope.putAll(models);
    Evaluator policy = Evaluator.forStep(checker, scope);
    Ast.Expr values = call.args().get(0).value();
    Value.Tensor t = policy.tensor(values);
    if (t == null) {
      return null;
    }
    TensorType wanted = new TensorType(ElementType.FLOAT, new TensorShape(List.of(Dim.BATCH, Dim.of(actions))));
    if (!t.type().equals(wanted)) {
      diagnostics.report(Diagnostic.at(Code.NN0416, values.span(), "`act:` chooses among the " + actions + " actions of "
              + env + "(), from one value per action, " + wanted + "; this is " + t.type())
          .help("the policy's output must have " + actions + " units, as in `dense(" + actions + ")`"));
      return null;
    }
    Evaluator constants = new Evaluator(checker, Evaluator.scope(), null);
    double from = 1.0;
    double to = 0.05;
    long over = 0;
    for (Ast.Arg arg : call.args().subList(1, call.args().size())) {
      String option = arg.name() == null ? null : arg.name().name();
      if (!kind.name().equals("epsilon_greedy") || option == null || !List.of("from", "to", "over").contains(option)) {
        diagnostics.report(Diagnostic.at(Code.NN0201, arg.span(), kind.name() + "(...) takes "
                + (kind.name().equals("epsilon_greedy") ? "`from:`, `to:` and `over:`" : "only the policy's values"))
            .help("as in `epsilon_greedy(q(state), from: 1.0, to: 0.05, over: 10000 steps)`"));
        return null;
      }
      Value v = constants.eval(arg.value());
      Object c = v instanceof Value.Const k ? k.value() : null;
      if (option.equals("over")) {
        over = c instanceof Long n ? n : c instanceof Value.Duration d && d.unit().startsWith("step") ? d.amount() : -1;
        if (over < 0) {
          diagnostics.error(Code.NN0201, arg.value().span(), "`over:` counts environment steps, as in `10000 steps`; found "
              + v.describe());
          return null;
        }
      } else if (c instanceof Number n && n.doubleValue() >= 0 && n.doubleValue() <= 1) {
        if (option.equals("from")) {
          from = n.doubleValue();
        } else {
          to = n.doubleValue();
        }
      } else {
        diagnostics.error(Code.NN0208, arg.value().span(), "`" + option + ":` is a probability, from 0 to 1; found "
            + v.describe());
        return null;
      }
    }
    return new StepJob.Act(kind.name(), values, from, to, over);
  }

  /**
   * A count of at least {@code min}: a whole number, or with {@code clock} also {@code N steps} (an
   * epoch does not exist in a job that acts); -1 after an error.
   */
  private long steps(Ast.Entry entry, Evaluator evaluator, long min, boolean clock) {
    Value v = evaluator.eval(entry.value());
    Object value = v instanceof Value.Const c ? c.value() : null;
    String key = entry.key().name();
    Span span = entry.value().span();
    if (clock && value instanceof Value.Duration d) {
      if (!d.unit().startsWith("step")) {
        diagnostics.report(Diagnostic.at(Code.NN0201, span, "`" + key + ":` counts environment steps; a job with `env:` has no epochs")
            .help("as in `" + key + ": 1000 steps`"));
        return -1;
      }
      value = d.amount();
    }
    if (!(value instanceof Long n) || n < min || n > Integer.MAX_VALUE) {
      if (!(v instanceof Value.Error)) {
        diagnostics.error(Code.NN0201, span, "`" + key + ":` must be a whole number of at least " + min + ", found "
            + v.describe());
      }
      return -1;
    }
    return n;
  }
}

package dev.nnc.compiler.check;

import dev.nnc.compiler.diag.Code;
import dev.nnc.compiler.diag.Diagnostic;
import dev.nnc.compiler.diag.Diagnostics;
import dev.nnc.compiler.syntax.Ast;
import dev.nnc.stdlib.spec.Dim;
import dev.nnc.stdlib.spec.TensorType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The statements of a job's {@code step} and {@code every} blocks: {@code let}, {@code minimize},
 * {@code update}, {@code report}, and {@code image_grid(...)} in {@code every} blocks.
 */
final class StepStatements {
  static final String IMAGE_GRID = "image_grid";

  private final Diagnostics diagnostics;
  private final JobChecker settings;
  private final Map<String, Value.Model> models;
  private final Map<String, StepJob.JobModel> jobModels = new HashMap<>();

  StepStatements(Checker checker, Map<String, Value.Model> models, List<StepJob.JobModel> jobModels) {
    this.diagnostics = checker.diagnostics();
    this.settings = new JobChecker(checker);
    this.models = models;
    jobModels.forEach(m -> this.jobModels.put(m.name(), m));
  }

  /** Checks the step; returns the names it reports (in order), or null after an error. */
  List<String> checkStep(Ast.Job job, Ast.StepBlock step, Evaluator scope) {
    boolean ok = true;
    boolean acts = false;
    Map<String, Ast.Expr> lets = new HashMap<>();
    Map<String, Ast.Ident> minimized = new HashMap<>();
    Map<String, Ast.ReportItem> reported = new LinkedHashMap<>();
    for (Ast.StepStmt stmt : step.body()) {
      ok &= noCountedDraws(stmt, scope);
      if (stmt instanceof Ast.StepLet let) {
        ok &= let(let, scope, lets);
      } else if (stmt instanceof Ast.Minimize m) {
        ok &= minimize(m, scope, lets, minimized);
        acts = true;
      } else if (stmt instanceof Ast.Update u) {
        ok &= update(u, scope);
        acts = true;
      } else if (stmt instanceof Ast.Report r) {
        ok &= report(r, scope, reported);
        acts = true;
      } else {
        Diagnostic d = Diagnostic.at(Code.NN0410, stmt.span(), "a step holds `let`, `minimize`, `update` and `report` statements");
        diagnostics.report(isImageGrid(stmt)
            ? d.help("pictures are drawn now and then: put `image_grid(...)` in an `every(1000 steps) { ... }` block")
            : stmt instanceof Ast.Sync ? d.help("a target network follows now and then: put `sync` in an `every(500 steps) { ... }` block")
            : d);
        ok = false;
      }
    }
    if (!acts && ok) {
      diagnostics.report(Diagnostic.at(Code.NN0401, step.span(), "the step of train " + job.name().name()
              + " neither trains nor reports anything")
          .help("add `minimize MODEL: LOSS with OPTIMIZER`, `update MODEL.PARAM += VALUE` or `report NAME: VALUE`"));
      ok = false;
    }
    return ok ? List.copyOf(reported.keySet()) : null;
  }

  /** Checks an {@code every} block: lets, reports and pictures, no training. */
  boolean checkEvery(Ast.Every every, Evaluator scope) {
    boolean ok = true;
    Map<String, Ast.ReportItem> reported = new LinkedHashMap<>();
    for (Ast.StepStmt stmt : every.body()) {
      if (stmt instanceof Ast.StepLet let) {
        ok &= let(let, scope, new HashMap<>());
      } else if (stmt instanceof Ast.Report r) {
        ok &= report(r, scope, reported);
      } else if (isImageGrid(stmt)) {
        ok &= imageGrid((Ast.Call) ((Ast.ExprStmt) stmt).expr(), scope);
      } else if (stmt instanceof Ast.Sync sync) {
        ok &= sync(sync, scope);
      } else {
        diagnostics.report(Diagnostic.at(Code.NN0410, stmt.span(),
                "an `every` block holds `let`, `report`, `sync` and `image_grid(...)` statements")
            .help("training goes in the `step` block, which runs once per batch"));
        ok = false;
      }
    }
    return ok;
  }

  /**
   * {@code sync target: q} (and {@code tau: t}, above 0 and at most 1): two different models of the
   * job, instances of the same model with the same hyper-parameters, so that every weight has its twin.
   */
  private boolean sync(Ast.Sync sync, Evaluator scope) {
    StepJob.JobModel target = jobModels.get(sync.target().name());
    StepJob.JobModel source = jobModels.get(sync.source().name());
    for (Ast.Ident name : List.of(sync.target(), sync.source())) {
      if (!jobModels.containsKey(name.name())) {
        diagnostics.report(Diagnostic.at(Code.NN0101, name.span(), "`" + name.name() + "` is not a model of this job")
            .help(models.isEmpty() ? "declare it with `let " + name.name() + " = Model()`"
                : "the job's models are " + String.join(", ", models.keySet())));
        return false;
      }
    }
    if (target == source) {
      diagnostics.error(Code.NN0415, sync.source().span(), "`sync " + target.name() + ": " + source.name()
          + "` syncs a model from itself");
      return false;
    }
    if (!target.instance().decl().equals(source.instance().decl()) || !target.instance().hyper().equals(source.instance().hyper())) {
      diagnostics.report(Diagnostic.at(Code.NN0415, sync.source().span(), "cannot sync `" + target.name() + "` ("
              + describe(target) + ") from `" + source.name() + "` (" + describe(source) + ")")
          .help("sync copies every weight into its twin: declare both with the same model and hyper-parameters"));
      return false;
    }
    if (sync.option() == null) {
      return true;
    }
    if (!sync.option().name().equals("tau")) {
      diagnostics.report(Diagnostic.at(Code.NN0201, sync.option().span(), "`sync` takes `tau:`, not `" + sync.option().name() + ":`")
          .help("as in `sync target: q, tau: 0.005`"));
      return false;
    }
    Value tau = scope.eval(sync.value());
    if (tau instanceof Value.Const c && c.value() instanceof Number n && n.doubleValue() > 0 && n.doubleValue() <= 1) {
      return true;
    }
    if (!(tau instanceof Value.Error)) {
      diagnostics.error(Code.NN0208, sync.value().span(), "`tau:` is the fraction of the way each weight moves, above 0 "
          + "and at most 1; found " + tau.describe());
    }
    return false;
  }

  private static String describe(StepJob.JobModel model) {
    return model.instance().decl().name().name() + "(" + model.instance().hyper().entrySet().stream()
        .map(h -> h.getKey() + ": " + h.getValue()).collect(java.util.stream.Collectors.joining(", ")) + ")";
  }

  private boolean let(Ast.StepLet let, Evaluator scope, Map<String, Ast.Expr> lets) {
    String name = let.name().name();
    if (lets.containsKey(name) || models.containsKey(name)) {
      diagnostics.error(Code.NN0102, let.name().span(), "`" + name + "` is already defined");
      return false;
    }
    Value.Tensor value = scope.tensor(let.value());
    scope.define(name, value == null ? Value.ERROR : value);
    lets.put(name, let.value());
    return value != null;
  }

  private boolean minimize(Ast.Minimize m, Evaluator scope, Map<String, Ast.Expr> lets, Map<String, Ast.Ident> minimized) {
    boolean ok = settings.scalar(scope, m.loss(), "loss");
    Set<String> read = StepJobChecker.namesRead(m.loss(), lets);
    for (Ast.Ident model : m.models()) {
      StepJob.JobModel jobModel = jobModels.get(model.name());
      if (jobModel == null) {
        diagnostics.report(Diagnostic.at(Code.NN0101, model.span(), "`" + model.name() + "` is not a model of this job")
            .help(models.isEmpty() ? "declare it with `let " + model.name() + " = Model()`"
                : "the job's models are " + String.join(", ", models.keySet())));
        ok = false;
        continue;
      }
      Ast.Ident before = minimized.putIfAbsent(model.name(), model);
      if (before != null) {
        diagnostics.report(Diagnostic.at(Code.NN0408, model.span(), "`" + model.name() + "` is minimized twice in one step")
            .label(before.span(), "first here")
            .help("minimize a sum of losses once, as in `minimize " + model.name() + ": a + b with adam()`"));
        ok = false;
      } else if (jobModel.instance().trainable() == 0) {
        diagnostics.report(Diagnostic.at(Code.NN0408, model.span(),
                "model `" + model.name() + "` has no trainable parameters to minimize over")
            .help("change its raw parameters with `update " + model.name() + ".PARAM += VALUE`"));
        ok = false;
      } else if (!read.contains(model.name())) {
        List<String> used = read.stream().filter(models::containsKey).sorted().toList();
        diagnostics.report(Diagnostic.at(Code.NN0408, model.span(), "the loss does not depend on model `" + model.name() + "`")
            .label(m.loss().span(), used.isEmpty() ? "this loss applies no model of the job"
                : "this loss applies " + String.join(", ", used))
            .help("apply `" + model.name() + "` in the loss, or minimize over the models it applies"));
        ok = false;
      }
    }
    Value optimizer = scope.eval(m.optimizer());
    if (!(optimizer instanceof Value.Optimizer)) {
      if (!(optimizer instanceof Value.Error)) {
        diagnostics.report(Diagnostic.at(Code.NN0206, m.optimizer().span(),
                "`with` takes an optimizer, found " + optimizer.describe())
            .help("as in `with adam(lr: 2e-4, beta1: 0.5)`"));
      }
      ok = false;
    }
    return ok;
  }

  private boolean update(Ast.Update u, Evaluator scope) {
    if (!(u.target() instanceof Ast.Member member && member.target() instanceof Ast.Name model
        && models.containsKey(model.name()))) {
      diagnostics.report(Diagnostic.at(Code.NN0409, u.target().span(),
              "`update` changes a raw parameter of one of the job's models, not `" + u.target().span().text() + "`")
          .help(models.isEmpty() ? "declare the model with `let r = Rbm()`, then `update r.w += ...`"
              : "name it as MODEL.PARAM, as in `update " + models.keySet().iterator().next() + ".w += ...`"));
      scope.eval(u.value());
      return false;
    }
    Value target = scope.eval(u.target());
    Value.Tensor value = scope.tensor(u.value());
    if (!(target instanceof Value.Tensor param) || value == null) {
      return false;
    }
    // A single number changes every value of the parameter alike (`update m.w += 1`).
    if (value.type().rank() != 0 && !value.type().shape().equals(param.type().shape())) {
      boolean batched = value.type().rank() > 0 && value.type().shape().dim(0).equals(Dim.BATCH);
      diagnostics.report(Diagnostic.at(Code.NN0302, u.value().span(),
              "cannot update " + u.target().span().text() + " (" + param.type() + ") with " + value.type())
          .label(u.target().span(), "this parameter is " + param.type())
          .help(batched ? "parameters have no batch dimension: average over it with `mean(x, axis: 0)`"
              : "the value must have the parameter's shape"));
      return false;
    }
    return true;
  }

  private boolean report(Ast.Report r, Evaluator scope, Map<String, Ast.ReportItem> reported) {
    boolean ok = true;
    for (Ast.ReportItem item : r.items()) {
      String name = item.name() != null ? item.name().name() : item.value() instanceof Ast.Name n ? n.name() : null;
      if (name == null) {
        diagnostics.report(Diagnostic.at(Code.NN0201, item.value().span(), "a reported value needs a name")
            .help("as in `report recon: " + item.value().span().text() + "`"));
        ok = false;
        continue;
      }
      ok &= settings.scalar(scope, item.value(), "reported value");
      Ast.ReportItem before = reported.putIfAbsent(name, item);
      if (before != null) {
        diagnostics.report(Diagnostic.at(Code.NN0102, item.span(), "`" + name + "` is reported twice")
            .label(before.span(), "first here"));
        ok = false;
      }
    }
    return ok;
  }

  /**
   * {@code image_grid(images, "gan/step-{step}.png")}: a batch of pictures, {@code [h, w]},
   * {@code [h, w, 1 or 3]}, or a square number of pixels each.
   */
  private boolean imageGrid(Ast.Call call, Evaluator scope) {
    if (call.args().size() != 2 || call.args().stream().anyMatch(a -> a.name() != null)) {
      diagnostics.report(Diagnostic.at(Code.NN0203, call.span(), "image_grid takes the images and a file name")
          .help("as in `image_grid(g(normal([64], count: 100)), \"samples/step-{step}.png\")`"));
      return false;
    }
    Value.Tensor images = scope.tensor(call.args().get(0).value());
    Value path = scope.eval(call.args().get(1).value());
    boolean ok = images != null;
    if (!(path instanceof Value.Const c && c.value() instanceof String)) {
      if (!(path instanceof Value.Error)) {
        diagnostics.report(Diagnostic.at(Code.NN0201, call.args().get(1).value().span(),
                "image_grid writes to a file named by a string, found " + path.describe())
            .help("`{step}` and `{epoch}` in the name are replaced, as in \"gan/step-{step}.png\""));
      }
      ok = false;
    }
    if (images != null && !drawable(images.type())) {
      diagnostics.report(Diagnostic.at(Code.NN0301, call.args().get(0).value().span(),
              "image_grid cannot draw " + images.type())
          .help("it draws a batch of images: float[batch, h, w], float[batch, h, w, 1 or 3], "
              + "or float[batch, n] with n a square number of pixels"));
      ok = false;
    }
    return ok;
  }

  static boolean drawable(TensorType type) {
    List<Dim> dims = type.shape().dims();
    if (dims.isEmpty() || !dims.subList(1, dims.size()).stream().allMatch(Dim::isKnown)) {
      return false;
    }
    long[] sizes = type.shape().unbatched().sizes();
    return switch (sizes.length) {
      case 1 -> Math.round(Math.sqrt(sizes[0])) * Math.round(Math.sqrt(sizes[0])) == sizes[0];
      case 2 -> true;
      case 3 -> sizes[2] == 1 || sizes[2] == 3;
      default -> false;
    };
  }

  private static boolean isImageGrid(Ast.StepStmt stmt) {
    return stmt instanceof Ast.ExprStmt e && e.expr() instanceof Ast.Call c
        && c.callee() instanceof Ast.Name n && n.name().equals(IMAGE_GRID);
  }

  /** Inside a step every draw is one value per record: {@code count:} belongs to {@code every} blocks. */
  private boolean noCountedDraws(Ast.StepStmt stmt, Evaluator scope) {
    boolean ok = true;
    for (Ast.Expr e : expressions(stmt)) {
      for (Ast.Expr part : StepJobChecker.allIn(e)) {
        if (StepJobChecker.isDraw(part, scope.locals())) {
          for (Ast.Arg arg : ((Ast.Call) part).args()) {
            if (arg.name() != null && arg.name().name().equals("count")) {
              diagnostics.report(Diagnostic.at(Code.NN0201, arg.span(), "inside a step, a draw gives one value per record")
                  .help("leave out `count:`; it says how many to draw in an `every` block, as in `normal([64], count: 100)`"));
              ok = false;
            }
          }
        }
      }
    }
    return ok;
  }

  private static List<Ast.Expr> expressions(Ast.StepStmt stmt) {
    List<Ast.Expr> exprs = new ArrayList<>();
    if (stmt instanceof Ast.StepLet l) {
      exprs.add(l.value());
    } else if (stmt instanceof Ast.Minimize m) {
      exprs.add(m.loss());
    } else if (stmt instanceof Ast.Update u) {
      exprs.add(u.value());
    } else if (stmt instanceof Ast.Report r) {
      r.items().forEach(i -> exprs.add(i.value()));
    } else if (stmt instanceof Ast.ExprStmt e) {
      exprs.add(e.expr());
    }
    return exprs;
  }
}

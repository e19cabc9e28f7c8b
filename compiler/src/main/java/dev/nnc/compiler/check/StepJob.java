package dev.nnc.compiler.check;

import dev.nnc.compiler.syntax.Ast;
import dev.nnc.runtime.data.Field;
import dev.nnc.runtime.train.CheckpointPolicy;
import dev.nnc.runtime.train.EarlyStopping;
import dev.nnc.runtime.train.GradientClipping;
import dev.nnc.runtime.train.Period;
import dev.nnc.runtime.train.WeightPenalty;
import java.util.List;
import java.util.Map;

/**
 * A checked train job with a {@code step} block (LANGUAGE.md §7.2): its models, data and length, the
 * statements of its step and of its {@code every} blocks (checked, written out by the emitter), the
 * values it reports, the models it exports, its validation data, when it stops early, how every
 * {@code minimize} clips and penalizes, and how often it writes checkpoints ({@code validate},
 * {@code stop}, {@code clip}, {@code regularize} and {@code checkpoint} are null when the job does
 * not set them; {@code acting} is null unless the job has {@code env:}).
 */
public record StepJob(
    Ast.Job decl,
    List<JobModel> models,
    Ast.Expr data,
    List<Field> fields,
    Ast.Expr validate,
    int batch,
    int epochs,
    long steps,
    long seed,
    boolean dropLast,
    List<Ast.StepStmt> step,
    List<Every> every,
    List<String> reported,
    Map<String, String> exports,
    EarlyStopping stop,
    GradientClipping clip,
    WeightPenalty regularize,
    CheckpointPolicy checkpoint,
    Acting acting) {

  /**
   * {@code env: cartpole()} and how the job acts in it (LANGUAGE.md §7.5): the environment's
   * observation shape and number of actions, {@code act:}, the transitions {@code replay:} keeps, the
   * {@code warmup:} steps of random actions, and {@code updates} steps every {@code learnEvery}
   * environment steps after it. A job that acts has no {@code data} (null) and its step reads a
   * transition's fields.
   */
  public record Acting(String env, int[] observation, int actions, Act act, int replay, long warmup, int learnEvery,
      int updates) {}

  /** {@code act: KIND(values, ...)}: {@code from}, {@code to} and {@code over} are epsilon-greedy's. */
  public record Act(String kind, Ast.Expr values, double from, double to, long over) {}

  /**
   * {@code let g = Generator(64)}: a model of the job, one set of weights however often it is
   * applied; {@code from} is the exported model its weights start from, or null.
   */
  public record JobModel(String name, Ast.Expr expr, ModelInstance instance, String from) {}

  /** {@code every(1000 steps) { ... }}. */
  public record Every(Period period, List<Ast.StepStmt> body) {}
}

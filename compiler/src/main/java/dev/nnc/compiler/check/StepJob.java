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
 * not set them).
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
    CheckpointPolicy checkpoint) {

  /**
   * {@code let g = Generator(64)}: a model of the job, one set of weights however often it is
   * applied; {@code from} is the exported model its weights start from, or null.
   */
  public record JobModel(String name, Ast.Expr expr, ModelInstance instance, String from) {}

  /** {@code every(1000 steps) { ... }}. */
  public record Every(Period period, List<Ast.StepStmt> body) {}
}

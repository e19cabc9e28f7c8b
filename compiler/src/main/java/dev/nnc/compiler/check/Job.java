package dev.nnc.compiler.check;

import dev.nnc.compiler.syntax.Ast;
import dev.nnc.runtime.data.Field;
import dev.nnc.runtime.train.CheckpointPolicy;
import dev.nnc.runtime.train.EarlyStopping;
import dev.nnc.runtime.train.GradientClipping;
import dev.nnc.runtime.train.WeightPenalty;
import java.util.List;
import java.util.Map;

/**
 * A checked train job: what the emitter needs, as source expressions (to be written as Java) and
 * checked facts (the model instance, the fields, the settings). {@code stop}, {@code clip},
 * {@code regularize} and {@code checkpoint} are null when the job does not set them.
 */
public record Job(
    Ast.Job decl,
    Ast.Expr modelExpr,
    ModelInstance model,
    Ast.Expr data,
    List<Field> fields,
    Ast.Expr validate,
    Map<String, String> feed,
    Ast.Expr loss,
    Ast.Expr optimizer,
    List<Metric> metrics,
    int batch,
    int epochs,
    long steps,
    String export,
    long seed,
    boolean dropLast,
    EarlyStopping stop,
    GradientClipping clip,
    WeightPenalty regularize,
    CheckpointPolicy checkpoint) {

  /** A metric of the job: its column name in metrics.csv and its expression. */
  public record Metric(String name, Ast.Expr expr) {}
}

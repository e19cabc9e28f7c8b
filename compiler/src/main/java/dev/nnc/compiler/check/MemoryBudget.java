package dev.nnc.compiler.check;

import dev.nnc.compiler.diag.Code;
import dev.nnc.compiler.diag.Diagnostic;
import dev.nnc.compiler.diag.Diagnostics;
import dev.nnc.compiler.syntax.Ast;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code budget: memory < 4 GiB} (LANGUAGE.md §7.1): the job's {@link TrainingMemory} estimate must
 * stay under the budget, checked at compile time so that a model too large for the machine fails
 * before its data is read.
 */
final class MemoryBudget {
  private static final Map<String, Long> UNITS = Map.of("KiB", 1L << 10, "MiB", 1L << 20, "GiB", 1L << 30);

  private final Diagnostics diagnostics;
  private final Evaluator evaluator;

  MemoryBudget(Diagnostics diagnostics, Evaluator evaluator) {
    this.diagnostics = diagnostics;
    this.evaluator = evaluator;
  }

  /** The budget in bytes and whether it may be reached ({@code <=}); null after an error. */
  private record Limit(long bytes, boolean inclusive, String written) {}

  /** Reads {@code budget:} and checks the estimate against it; false (reported) when it is wrong or over. */
  boolean check(Ast.Entry budget, String job, ModelInstance model, Value.Optimizer optimizer, int batch,
      boolean keepsBestWeights) {
    Limit limit = limit(budget.value());
    if (limit == null) {
      return false;
    }
    TrainingMemory memory = TrainingMemory.of(model, optimizer.def().slots(optimizer.args()),
        keepsBestWeights, batch);
    boolean within = limit.inclusive() ? memory.total() <= limit.bytes() : memory.total() < limit.bytes();
    if (within) {
      return true;
    }
    String breakdown = memory.parts().entrySet().stream()
        .map(p -> p.getKey() + " " + TrainingMemory.bytes(p.getValue()))
        .collect(Collectors.joining(" + "));
    diagnostics.report(Diagnostic.at(Code.NN0413, budget.value().span(),
            "train " + job + " needs an estimated " + TrainingMemory.bytes(memory.total())
                + " to train, over its budget of " + limit.written())
        .note(breakdown)
        .help(help(memory, limit.bytes())));
    return false;
  }

  /** What would bring the estimate under the budget: a batch that fits, when the weights alone do. */
  private static String help(TrainingMemory memory, long budget) {
    long fixed = memory.total() - memory.activations();
    long perRecord = memory.activationsPerRecord();
    if (fixed < budget && perRecord > 0) {
      long fits = (budget - fixed - 1) / perRecord;
      if (fits >= 1) {
        return "lower `batch:` to " + Math.min(fits, memory.batch() - 1L) + " or less (each record's activations take "
            + TrainingMemory.bytes(perRecord) + "), or raise the budget";
      }
    }
    return "the weights and what the optimizer keeps of them are over the budget alone: use a smaller model"
        + " or an optimizer with fewer slots (sgd has none, momentum one), or raise the budget";
  }

  private Limit limit(Ast.Expr e) {
    if (e instanceof Ast.Binary b && (b.op() == Ast.BinaryOp.LT || b.op() == Ast.BinaryOp.LE)
        && b.left() instanceof Ast.Name n && n.name().equals("memory")) {
      Value size = evaluator.eval(b.right());
      if (size instanceof Value.Error) {
        return null; // reported where it was found
      }
      if (size instanceof Value.Const c && c.value() instanceof Value.Duration d && UNITS.containsKey(d.unit())
          && d.amount() > 0) {
        return new Limit(d.amount() * UNITS.get(d.unit()), b.op() == Ast.BinaryOp.LE, b.right().span().text());
      }
    }
    diagnostics.report(Diagnostic.at(Code.NN0201, e.span(), "a budget is written `memory < SIZE`")
        .help("for example `budget: memory < 4 GiB` (units KiB, MiB, GiB, whole numbers)"));
    return null;
  }
}

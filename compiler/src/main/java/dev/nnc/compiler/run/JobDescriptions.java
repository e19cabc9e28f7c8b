package dev.nnc.compiler.run;

import dev.nnc.compiler.check.Job;
import dev.nnc.compiler.check.StepJob;
import dev.nnc.compiler.lower.Lowering;
import dev.nnc.compiler.summary.SummaryTable;
import dev.nnc.compiler.syntax.Ast;
import dev.nnc.runtime.data.ElementType;
import dev.nnc.runtime.train.JobDescription;
import dev.nnc.stdlib.spec.TensorType;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A checked job described for its run's report: layer table, settings as written, classifier. */
public final class JobDescriptions {
  /** The calls that compare logits with labels; the first found names the classifier's pair. */
  private static final Set<String> CLASS_CALLS = Set.of("cross_entropy", "accuracy");

  private JobDescriptions() {}

  static JobDescription of(Job job) {
    return new JobDescription(SummaryTable.render(Lowering.lower(job.model())), settings(job.decl()), classifier(job));
  }

  /**
   * A job with a {@code step}: the layer table of each of its models, under the {@code let} that
   * declares it, and its settings (the lets, the exports among them); no classifier.
   */
  static JobDescription of(StepJob job) {
    StringBuilder summaries = new StringBuilder();
    for (StepJob.JobModel model : job.models()) {
      summaries.append(summaries.isEmpty() ? "" : "\n").append(model.name()).append(" = ")
          .append(model.expr().span().text()).append('\n').append(SummaryTable.render(Lowering.lower(model.instance())));
    }
    return new JobDescription(summaries.toString(), settings(job.decl()), Optional.empty());
  }

  /** Each setting as written ({@code optimizer} → {@code adam(lr: 1e-3)}), a job's lets and exports included. */
  private static Map<String, String> settings(Ast.Job decl) {
    Map<String, String> settings = new LinkedHashMap<>();
    for (Ast.JobItem item : decl.items()) {
      if (item instanceof Ast.Entry e && e.from() == null) {
        settings.put(e.key().name() + (e.target() == null ? "" : " " + e.target().name()), e.value().span().text());
      } else if (item instanceof Ast.JobLet let) {
        settings.put("let " + let.name().name(), let.value().span().text()
            + (let.from() == null ? "" : " from " + let.from().span().text()));
      }
    }
    return settings;
  }

  /**
   * A job is a classifier when its loss or a metric calls {@code cross_entropy(o, l)} or
   * {@code accuracy(o, l)} with a model output {@code o} of two or more logits per record and an
   * integer data field {@code l} of one label per record; one-hot targets and single logits do not
   * count.
   */
  public static Optional<JobDescription.Classifier> classifier(Job job) {
    Deque<Ast.Expr> pending = new ArrayDeque<>();
    pending.add(job.loss());
    job.metrics().forEach(m -> pending.add(m.expr()));
    while (!pending.isEmpty()) {
      Ast.Expr e = pending.poll();
      if (e instanceof Ast.Call call && call.callee() instanceof Ast.Name callee && CLASS_CALLS.contains(callee.name())
          && call.args().size() >= 2) {
        Optional<JobDescription.Classifier> found = pair(job, call.args());
        if (found.isPresent()) {
          return found;
        }
      }
      pending.addAll(Ast.children(e));
    }
    return Optional.empty();
  }

  private static Optional<JobDescription.Classifier> pair(Job job, List<Ast.Arg> args) {
    if (!(args.get(0).value() instanceof Ast.Name output) || !(args.get(1).value() instanceof Ast.Name label)) {
      return Optional.empty();
    }
    TensorType logits = job.model().outputs().get(output.name());
    boolean integerLabel = job.fields().stream().anyMatch(f -> f.name().equals(label.name())
        && f.type() == ElementType.INT && f.shape().length == 0);
    if (logits == null || !integerLabel || logits.rank() != 2) {
      return Optional.empty();
    }
    long classes = logits.shape().dim(1).sizeOr(-1);
    return classes >= 2 ? Optional.of(new JobDescription.Classifier(output.name(), label.name(), (int) classes))
        : Optional.empty();
  }
}

package dev.nnc.compiler.check;

import dev.nnc.compiler.source.Span;
import dev.nnc.compiler.syntax.Ast;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A checked program: the syntax tree with what the checker learned about it — each expression's
 * value and each application's output and parameters (kept in side tables, not in the tree), each
 * model checked with its defaults, each declarative job, each job with a custom step and each sample job.
 */
public record Program(
    Ast.Unit unit,
    List<Ast.Unit> imported,
    IdentityHashMap<Ast.Expr, Value> values,
    Map<Ast.Model, ModelInstance> models,
    List<Job> jobs,
    List<StepJob> stepJobs,
    List<SampleJob> sampleJobs,
    Map<Span, Application> applications) {

  /** The names of every train job, declarative or with a step, in source order. */
  public List<String> jobNames() {
    List<String> names = new java.util.ArrayList<>();
    for (Ast.Decl decl : unit.decls()) {
      if (jobs.stream().anyMatch(j -> j.decl() == decl) || stepJobs.stream().anyMatch(j -> j.decl() == decl)) {
        names.add(decl.name().name());
      }
    }
    return names;
  }

  /** The names of every sample job, in source order. */
  public List<String> sampleJobNames() {
    return sampleJobs.stream().map(j -> j.decl().name().name()).toList();
  }

  /** The file's declarations, then those its imports bring, in order. */
  public List<Ast.Decl> allDecls() {
    List<Ast.Decl> all = new java.util.ArrayList<>(unit.decls());
    imported.forEach(u -> all.addAll(u.decls()));
    return all;
  }

  public Value valueOf(Ast.Expr expr) {
    return values.get(expr);
  }

  /** The application written at {@code span} ({@code dense(10)} as a stage, {@code relu(x)}), or null. */
  public Application applicationAt(Span span) {
    return applications.get(span);
  }
}

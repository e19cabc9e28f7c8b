package dev.nnc.lsp;

import dev.nnc.compiler.syntax.Ast;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The names visible at a place, with where each is declared: the enclosing model's hyper-parameters,
 * inputs, parameters, lets and outputs and the variables of the loops around the place (or a job's
 * lets and the outputs and inputs of the model it trains), then the file's declarations, then those
 * its imports bring. Inner names come first, as the checker looks them up.
 */
final class Scope {
  enum Kind { HYPER_PARAMETER, INPUT, PARAMETER, LET, OUTPUT, LOOP_VARIABLE, MODEL, DATA, CONSTANT, JOB }

  record Entry(String name, Ast.Ident declared, Kind kind) {}

  private final List<Entry> entries = new ArrayList<>();

  private Scope() {}

  static Scope at(Ast.Unit unit, List<Ast.Unit> imported, Located located) {
    Scope scope = new Scope();
    if (located.decl() instanceof Ast.Model model) {
      scope.model(model);
      for (Ast.Expr expr : located.path()) {
        if (expr instanceof Ast.For loop) {
          scope.entries.add(0, new Entry(loop.variable().name(), loop.variable(), Kind.LOOP_VARIABLE));
        }
      }
    } else if (located.decl() instanceof Ast.Job job) {
      scope.job(job, unit, imported);
    }
    scope.decls(unit);
    imported.forEach(scope::decls);
    return scope;
  }

  List<Entry> entries() {
    return entries;
  }

  Optional<Entry> resolve(String name) {
    return entries.stream().filter(e -> e.name().equals(name)).findFirst();
  }

  private void model(Ast.Model model) {
    for (Ast.HyperParam h : model.hyperParams()) {
      entries.add(new Entry(h.name().name(), h.name(), Kind.HYPER_PARAMETER));
    }
    for (Ast.ModelStmt stmt : model.body()) {
      Kind kind = stmt instanceof Ast.Input ? Kind.INPUT
          : stmt instanceof Ast.Param ? Kind.PARAMETER
          : stmt instanceof Ast.Let ? Kind.LET
          : Kind.OUTPUT;
      entries.add(new Entry(stmt.name().name(), stmt.name(), kind));
    }
  }

  /** A job's lets, then the outputs and inputs of the model in its {@code model:} entry. */
  private void job(Ast.Job job, Ast.Unit unit, List<Ast.Unit> imported) {
    for (Ast.JobItem item : job.items()) {
      if (item instanceof Ast.JobLet let) {
        entries.add(new Entry(let.name().name(), let.name(), Kind.LET));
      }
    }
    for (Ast.JobItem item : job.items()) {
      if (item instanceof Ast.Entry entry && entry.key().name().equals("model")) {
        Ast.Expr callee = entry.value() instanceof Ast.Call call ? call.callee() : entry.value();
        if (callee instanceof Ast.Name name) {
          declaration(name.name(), unit, imported)
              .filter(d -> d instanceof Ast.Model)
              .ifPresent(d -> trainedModel((Ast.Model) d));
        }
      }
    }
  }

  private void trainedModel(Ast.Model model) {
    for (Ast.ModelStmt stmt : model.body()) {
      if (stmt instanceof Ast.Output || stmt instanceof Ast.Input) {
        entries.add(new Entry(stmt.name().name(), stmt.name(), stmt instanceof Ast.Input ? Kind.INPUT : Kind.OUTPUT));
      }
    }
  }

  private void decls(Ast.Unit unit) {
    for (Ast.Decl decl : unit.decls()) {
      Kind kind = decl instanceof Ast.Model ? Kind.MODEL
          : decl instanceof Ast.Data ? Kind.DATA
          : decl instanceof Ast.Const ? Kind.CONSTANT
          : Kind.JOB;
      entries.add(new Entry(decl.name().name(), decl.name(), kind));
    }
  }

  /** The declaration of a file-level name: the file's own, else one an import brings. */
  static Optional<Ast.Decl> declaration(String name, Ast.Unit unit, List<Ast.Unit> imported) {
    List<Ast.Unit> units = new ArrayList<>(List.of(unit));
    units.addAll(imported);
    return units.stream().flatMap(u -> u.decls().stream()).filter(d -> d.name().name().equals(name)).findFirst();
  }
}

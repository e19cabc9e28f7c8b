package dev.nnc.lsp;

import dev.nnc.compiler.syntax.Ast;
import dev.nnc.compiler.syntax.Ast.*;
import java.util.List;

/**
 * Visits every expression and every declared name of a declaration, parents before their children,
 * so that what contains a place comes before what it contains.
 */
abstract class SyntaxWalker {
  /** An expression; return false to skip what it contains. */
  abstract boolean expr(Expr expr);

  /** A name as declared or written outside expressions (a declaration, an argument's name, a member). */
  abstract void ident(Ident ident);

  final void decl(Decl decl) {
    ident(decl.name());
    if (decl instanceof Const c) {
      walk(c.value());
    } else if (decl instanceof Ast.Model m) {
      for (HyperParam h : m.hyperParams()) {
        ident(h.name());
        type(h.type());
        walk(h.defaultValue());
      }
      m.body().forEach(this::modelStmt);
    } else if (decl instanceof Data d) {
      for (Split s : d.splits()) {
        ident(s.name());
        walk(s.value());
      }
    } else {
      ((Job) decl).items().forEach(this::jobItem);
    }
  }

  private void modelStmt(ModelStmt stmt) {
    ident(stmt.name());
    if (stmt instanceof Input i) {
      type(i.type());
    } else if (stmt instanceof Param p) {
      type(p.type());
      walk(p.init());
    } else if (stmt instanceof Let l) {
      walk(l.value());
    } else {
      walk(((Output) stmt).value());
    }
  }

  private void jobItem(JobItem item) {
    if (item instanceof Entry e) {
      ident(e.key());
      walk(e.value());
      walk(e.from());
    } else if (item instanceof Feed f) {
      for (FeedPair pair : f.pairs()) {
        ident(pair.input());
        walk(pair.field());
      }
    } else if (item instanceof JobLet l) {
      ident(l.name());
      walk(l.value());
    } else if (item instanceof StepBlock s) {
      s.body().forEach(this::stepStmt);
    } else {
      Every every = (Every) item;
      walk(every.period());
      every.body().forEach(this::stepStmt);
    }
  }

  private void stepStmt(StepStmt stmt) {
    if (stmt instanceof StepLet l) {
      ident(l.name());
      walk(l.value());
    } else if (stmt instanceof Minimize m) {
      walk(m.loss());
      walk(m.optimizer());
    } else if (stmt instanceof Update u) {
      walk(u.target());
      walk(u.value());
    } else if (stmt instanceof Report r) {
      for (ReportItem item : r.items()) {
        ident(item.name());
        walk(item.value());
      }
    } else if (stmt instanceof Sync s) {
      ident(s.target());
      ident(s.source());
      if (s.value() != null) {
        walk(s.value());
      }
    } else {
      walk(((ExprStmt) stmt).expr());
    }
  }

  private void type(TypeRef type) {
    if (type != null && type.dims() != null) {
      type.dims().forEach(this::walk);
    }
  }

  private void walk(Expr expr) {
    if (expr == null || !expr(expr)) {
      return;
    }
    if (expr instanceof ListExpr l) {
      l.items().forEach(this::walk);
    } else if (expr instanceof Member m) {
      walk(m.target());
      ident(m.member());
    } else if (expr instanceof Call c) {
      walk(c.callee());
      for (Arg arg : c.args()) {
        if (arg.name() != null) {
          ident(arg.name());
        }
        walk(arg.value());
      }
    } else if (expr instanceof Binary b) {
      walk(b.left());
      walk(b.right());
    } else if (expr instanceof Unary u) {
      walk(u.operand());
    } else if (expr instanceof If i) {
      walk(i.condition());
      walk(i.then());
      walk(i.otherwise());
    } else if (expr instanceof Pipeline p) {
      walk(p.source());
      p.stages().forEach(this::walk);
    } else if (expr instanceof Repeat r) {
      walk(r.count());
      walk(r.body());
    } else if (expr instanceof For f) {
      ident(f.variable());
      walk(f.range());
      walk(f.body());
    } else if (expr instanceof DataPipe d) {
      walk(d.source());
      d.transforms().forEach(this::walk);
    } else if (expr instanceof Records r) {
      for (RecordField field : r.fields()) {
        ident(field.name());
        type(field.type());
      }
      r.values().forEach(this::walk);
    }
  }
}

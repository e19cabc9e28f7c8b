package dev.nnc.lsp;

import dev.nnc.compiler.source.Span;
import dev.nnc.compiler.syntax.Ast;
import java.util.ArrayList;
import java.util.List;

/**
 * What lies at a place of a parsed document: the declaration around it, the expressions that contain
 * it (outermost first) and the declared name there, if any.
 */
record Located(Ast.Decl decl, List<Ast.Expr> path, Ast.Ident ident) {

  static Located at(Ast.Unit unit, int offset) {
    for (Ast.Decl decl : unit.decls()) {
      if (contains(decl.span(), offset)) {
        List<Ast.Expr> path = new ArrayList<>();
        Ast.Ident[] ident = new Ast.Ident[1];
        new SyntaxWalker() {
          @Override
          boolean expr(Ast.Expr expr) {
            boolean inside = contains(expr.span(), offset);
            if (inside) {
              path.add(expr);
            }
            return inside;
          }

          @Override
          void ident(Ast.Ident name) {
            if (contains(name.span(), offset)) {
              ident[0] = name;
            }
          }
        }.decl(decl);
        return new Located(decl, path, ident[0]);
      }
    }
    return new Located(null, List.of(), null);
  }

  /** The innermost expression, or null. */
  Ast.Expr innermost() {
    return path.isEmpty() ? null : path.get(path.size() - 1);
  }

  /** The expression just around {@code expr} on the path, or null. */
  Ast.Expr parentOf(Ast.Expr expr) {
    int i = path.indexOf(expr);
    return i > 0 ? path.get(i - 1) : null;
  }

  /** A cursor just after a word still touches it, as editors expect when hovering or completing. */
  static boolean contains(Span span, int offset) {
    return span.start() <= offset && offset <= span.end();
  }
}

package dev.nnc.lsp;

import dev.nnc.compiler.syntax.Ast;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.SymbolKind;

/** The outline of a file: models with their members, data blocks with their splits, jobs with their settings. */
final class Symbols {
  private Symbols() {}

  static List<DocumentSymbol> of(Ast.Unit unit) {
    List<DocumentSymbol> symbols = new ArrayList<>();
    for (Ast.Decl decl : unit.decls()) {
      symbols.add(decl(decl));
    }
    return symbols;
  }

  private static DocumentSymbol decl(Ast.Decl decl) {
    List<DocumentSymbol> children = new ArrayList<>();
    if (decl instanceof Ast.Model model) {
      for (Ast.HyperParam h : model.hyperParams()) {
        children.add(symbol(h.name(), h.span(), SymbolKind.TypeParameter, "hyper-parameter", List.of()));
      }
      for (Ast.ModelStmt stmt : model.body()) {
        children.add(modelStmt(stmt));
      }
      return symbol(decl.name(), decl.span(), SymbolKind.Class, "model", children);
    }
    if (decl instanceof Ast.Data data) {
      for (Ast.Split split : data.splits()) {
        children.add(symbol(split.name(), split.span(), SymbolKind.Field, "split", List.of()));
      }
      return symbol(decl.name(), decl.span(), SymbolKind.Struct, "data", children);
    }
    if (decl instanceof Ast.Job job) {
      for (Ast.JobItem item : job.items()) {
        jobItem(item, children);
      }
      return symbol(decl.name(), decl.span(), SymbolKind.Function, job.kind().name().toLowerCase(), children);
    }
    return symbol(decl.name(), decl.span(), SymbolKind.Constant, "constant", children);
  }

  private static DocumentSymbol modelStmt(Ast.ModelStmt stmt) {
    if (stmt instanceof Ast.Input) {
      return symbol(stmt.name(), stmt.span(), SymbolKind.Field, "input", List.of());
    }
    if (stmt instanceof Ast.Output) {
      return symbol(stmt.name(), stmt.span(), SymbolKind.Property, "output", List.of());
    }
    if (stmt instanceof Ast.Param) {
      return symbol(stmt.name(), stmt.span(), SymbolKind.Field, "param", List.of());
    }
    return symbol(stmt.name(), stmt.span(), SymbolKind.Variable, "let", List.of());
  }

  /** A job's settings ({@code loss}, {@code optimizer}) and lets; step blocks have no name to list. */
  private static void jobItem(Ast.JobItem item, List<DocumentSymbol> children) {
    if (item instanceof Ast.Entry entry) {
      children.add(symbol(entry.key(), entry.span(), SymbolKind.Property, "setting", List.of()));
    } else if (item instanceof Ast.Feed feed) {
      children.add(symbol(feed.key(), feed.span(), SymbolKind.Property, "setting", List.of()));
    } else if (item instanceof Ast.JobLet let) {
      children.add(symbol(let.name(), let.span(), SymbolKind.Variable, "let", List.of()));
    }
  }

  private static DocumentSymbol symbol(Ast.Ident name, dev.nnc.compiler.source.Span span, SymbolKind kind, String detail,
      List<DocumentSymbol> children) {
    DocumentSymbol symbol = new DocumentSymbol(name.name(), kind, Positions.range(span), Positions.range(name.span()), detail);
    symbol.setChildren(children);
    return symbol;
  }
}

package dev.nnc.compiler.check;

import dev.nnc.compiler.diag.Code;
import dev.nnc.compiler.diag.Diagnostic;
import dev.nnc.compiler.diag.Diagnostics;
import dev.nnc.compiler.syntax.Ast;
import dev.nnc.stdlib.Builtins;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The file-level names: every declaration, visible in the whole file whatever its order. A name
 * declared twice, or one that takes a built-in's name, is reported here once.
 */
final class Globals {
  private final Map<String, Ast.Decl> decls = new LinkedHashMap<>();

  Globals(Ast.Unit unit, List<Ast.Unit> imported, Diagnostics diagnostics) {
    for (Ast.Decl decl : unit.decls()) {
      String name = decl.name().name();
      if (Builtins.lookup(name).isPresent()) {
        diagnostics.report(Diagnostic.at(Code.NN0103, decl.name().span(),
                "`" + name + "` is a built-in " + Builtins.lookup(name).get().kind().description()
                    + "; choose another name"));
        continue;
      }
      Ast.Decl previous = decls.putIfAbsent(name, decl);
      if (previous != null) {
        diagnostics.report(Diagnostic.at(Code.NN0102, decl.name().span(), "`" + name + "` is declared twice")
            .label(previous.name().span(), "first declared here"));
      }
    }
    requireDistinctClasses(unit, diagnostics);
    // Imported names come after the file's own, which take precedence over them.
    Map<String, Ast.Decl> fromImports = new LinkedHashMap<>();
    for (Ast.Unit other : imported) {
      for (Ast.Decl decl : other.decls()) {
        String name = decl.name().name();
        Ast.Decl previous = fromImports.putIfAbsent(name, decl);
        if (previous != null && previous != decl) {
          diagnostics.report(Diagnostic.at(Code.NN0102, decl.name().span(),
                  "`" + name + "` is brought by two imports: " + previous.name().span().file().name()
                      + " and " + decl.name().span().file().name())
              .label(previous.name().span(), "also declared here"));
        }
      }
    }
    fromImports.forEach(decls::putIfAbsent);
  }

  /**
   * Each model, data block and train job becomes a Java class ({@code xor} → {@code Xor},
   * {@code truth} → {@code TruthData}, {@code fit} → {@code FitTrain}); two that would get the same
   * one, or ones that differ only in case (one file on macOS and Windows), are reported.
   */
  private static void requireDistinctClasses(Ast.Unit unit, Diagnostics diagnostics) {
    Map<String, Ast.Decl> classes = new LinkedHashMap<>();
    for (Ast.Decl decl : unit.decls()) {
      String name = decl.name().name();
      String javaClass = decl instanceof Ast.Model ? Names.pascal(name)
          : decl instanceof Ast.Data ? Names.pascal(name) + "Data"
          : decl instanceof Ast.Job job && job.kind() == Ast.JobKind.TRAIN ? Names.pascal(name) + "Train"
          : null;
      if (javaClass == null) {
        continue;
      }
      Ast.Decl previous = classes.putIfAbsent(javaClass.toLowerCase(Locale.ROOT), decl);
      if (previous != null && !previous.name().name().equals(name)) {
        diagnostics.report(Diagnostic.at(Code.NN0102, decl.name().span(),
                "`" + name + "` and `" + previous.name().name() + "` would both become the Java class " + javaClass)
            .label(previous.name().span(), "declared here")
            .help("rename one of them; names that differ only in case or in underscores clash in Java"));
      }
    }
  }

  Ast.Decl get(String name) {
    return decls.get(name);
  }

  Iterable<String> names() {
    return decls.keySet();
  }
}

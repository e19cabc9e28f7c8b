package dev.nnc.compiler.check;

import dev.nnc.compiler.diag.Code;
import dev.nnc.compiler.diag.Diagnostic;
import dev.nnc.compiler.diag.Diagnostics;
import dev.nnc.compiler.source.SourceFile;
import dev.nnc.compiler.syntax.Ast;
import dev.nnc.compiler.syntax.Parser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Resolves {@code import std.vision} (a `.nn` file of the standard library, read from the class
 * path) and {@code import "blocks.nn"} (relative to the importing file), and the imports of those,
 * each file parsed once.
 */
final class Imports {
  /** The standard library's modules (LANGUAGE.md §4). */
  static final List<String> STANDARD_MODULES = List.of("std.vision", "std.text", "std.generative", "std.transformer");

  private final Diagnostics diagnostics;
  private final Set<String> seen = new HashSet<>();
  private final List<Ast.Unit> loaded = new ArrayList<>();

  private Imports(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** Every unit {@code unit} imports, directly or through another import. */
  static List<Ast.Unit> load(Ast.Unit unit, Diagnostics diagnostics) {
    Imports imports = new Imports(diagnostics);
    imports.seen.add(Path.of(unit.file().name()).toAbsolutePath().normalize().toString());
    Deque<Ast.Unit> pending = new ArrayDeque<>(List.of(unit));
    while (!pending.isEmpty()) {
      for (Ast.Import i : pending.pop().imports()) {
        Ast.Unit next = imports.resolve(i);
        if (next != null) {
          imports.loaded.add(next);
          pending.add(next);
        }
      }
    }
    return imports.loaded;
  }

  /** The parsed unit an import names, or null if it was loaded before or cannot be (reported). */
  private Ast.Unit resolve(Ast.Import i) {
    return i.isFile() ? file(i) : module(i);
  }

  private Ast.Unit file(Ast.Import i) {
    Path file;
    try {
      file = Path.of(i.span().file().name()).toAbsolutePath().getParent().resolve(i.module()).normalize();
    } catch (InvalidPathException e) {
      diagnostics.error(Code.NN0104, i.span(), "cannot import \"" + i.module() + "\": not a valid file name ("
          + e.getReason() + ")");
      return null;
    }
    if (!seen.add(file.toString())) {
      return null;
    }
    if (!Files.isRegularFile(file)) {
      diagnostics.report(Diagnostic.at(Code.NN0104, i.span(), "cannot import \"" + i.module() + "\": no such file")
          .help("file imports are relative to the importing file: looked for " + file.getFileName()
              + " beside " + i.span().file().name()));
      return null;
    }
    try {
      return Parser.parse(new SourceFile(file.toString(), Files.readString(file, StandardCharsets.UTF_8)), diagnostics);
    } catch (IOException e) {
      diagnostics.error(Code.NN0104, i.span(), "cannot import \"" + i.module() + "\": " + e.getMessage());
      return null;
    }
  }

  private Ast.Unit module(Ast.Import i) {
    if (!STANDARD_MODULES.contains(i.module())) {
      Diagnostic d = Diagnostic.at(Code.NN0104, i.span(), "there is no module `" + i.module() + "`");
      String close = Suggestions.closest(i.module(), STANDARD_MODULES);
      diagnostics.report(d.help(close != null
          ? "did you mean `" + close + "`?"
          : "the modules are " + String.join(", ", STANDARD_MODULES)));
      return null;
    }
    if (!seen.add(i.module())) {
      return null;
    }
    String resource = i.module().replace('.', '/') + ".nn";
    try (InputStream in = Imports.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        diagnostics.report(Diagnostic.at(Code.NN0405, i.span(), "the module " + i.module() + " is not available yet"));
        return null;
      }
      return Parser.parse(new SourceFile(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8)), diagnostics);
    } catch (IOException e) {
      throw new IllegalStateException("the standard library cannot be read: " + resource, e);
    }
  }
}

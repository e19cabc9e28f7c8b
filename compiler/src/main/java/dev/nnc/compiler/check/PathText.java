package dev.nnc.compiler.check;

import dev.nnc.compiler.diag.Code;
import dev.nnc.compiler.diag.Diagnostic;
import dev.nnc.compiler.diag.Diagnostics;
import dev.nnc.compiler.syntax.Ast;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Paths a run writes to, checked before it runs: a NUL or another control character (which the file
 * system refuses, or takes as a name no one meant), or a name the platform cannot hold, would
 * otherwise fail only when the run writes there, after training. Checks the {@code export:} paths
 * of train jobs, and serves the command line for {@code --log-dir}.
 */
public final class PathText {
  private PathText() {}

  /** What is wrong with {@code path} as a file name, as "a NUL character (U+0000) at character 7"; empty when nothing is. */
  public static Optional<String> problem(String path) {
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (Character.isISOControl(c)) {
        return Optional.of((c == 0 ? "a NUL character" : "a control character")
            + " (U+" + String.format(Locale.ROOT, "%04X", (int) c) + ") at character " + (i + 1));
      }
    }
    try {
      Path.of(path);
      return Optional.empty();
    } catch (InvalidPathException e) {
      return Optional.of(e.getReason() + (e.getIndex() >= 0 ? " at character " + (e.getIndex() + 1) : ""));
    }
  }

  /** Reports, as NN0414, each {@code export:} path of {@code job} written as a string that no file can have. */
  static void checkExports(Ast.Job job, Diagnostics diagnostics) {
    for (Ast.JobItem item : job.items()) {
      if (item instanceof Ast.Entry e && e.key().name().equals("export") && e.value() instanceof Ast.Str s) {
        problem(s.value()).ifPresent(why -> diagnostics.report(Diagnostic.at(Code.NN0414, s.span(),
                "the export path has " + why)
            .help("write the folder's name without control characters, as in `export: \"build/models/"
                + job.name().name() + "\"`")));
      }
    }
  }
}

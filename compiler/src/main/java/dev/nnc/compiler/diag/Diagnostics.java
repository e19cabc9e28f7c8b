package dev.nnc.compiler.diag;

import dev.nnc.compiler.source.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/** The diagnostics every phase adds to; phases keep going after an error where they can. */
public final class Diagnostics {
  private final List<Diagnostic> all = new ArrayList<>();
  private int muted;

  /** Adds a diagnostic, once: a rule checked again (a model used twice, a block repeated) says it once. */
  public Diagnostic report(Diagnostic diagnostic) {
    if (muted == 0 && !all.contains(diagnostic)) {
      all.add(diagnostic);
    }
    return diagnostic;
  }

  public Diagnostic error(Code code, Span span, String message) {
    return report(Diagnostic.at(code, span, message));
  }

  /**
   * Runs {@code work} without keeping what it reports: for looking at code that may not apply, such
   * as the branch of an {@code if} that this use of a model does not take.
   */
  public <T> T muted(Supplier<T> work) {
    muted++;
    try {
      return work.get();
    } finally {
      muted--;
    }
  }

  public boolean hasErrors() {
    return all.stream().anyMatch(Diagnostic::isError);
  }

  /** In source order (file, then position), so output is stable whatever order phases found them. */
  public List<Diagnostic> sorted() {
    List<Diagnostic> copy = new ArrayList<>(all);
    copy.sort(
        Comparator.comparing((Diagnostic d) -> d.span().file().name())
            .thenComparingInt(d -> d.span().start())
            .thenComparing(d -> d.code().id()));
    return copy;
  }
}

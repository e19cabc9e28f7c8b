package dev.nnc.lsp;

import dev.nnc.compiler.diag.Diagnostic;
import dev.nnc.compiler.diag.Label;
import dev.nnc.compiler.diag.Severity;
import dev.nnc.compiler.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/** The compiler's diagnostics as the protocol's: range, severity, code, and labels as related information. */
final class DiagnosticsConverter {
  private DiagnosticsConverter() {}

  /** The diagnostics to show on {@code document}; those in files it imports are shown at its top. */
  static List<org.eclipse.lsp4j.Diagnostic> convert(List<Diagnostic> diagnostics, SourceFile document) {
    List<org.eclipse.lsp4j.Diagnostic> converted = new ArrayList<>();
    for (Diagnostic d : diagnostics) {
      converted.add(convert(d, document));
    }
    return converted;
  }

  private static org.eclipse.lsp4j.Diagnostic convert(Diagnostic d, SourceFile document) {
    boolean here = d.span().file() == document;
    Range range = here ? Positions.range(d.span()) : new Range(new Position(0, 0), new Position(0, 0));
    StringBuilder message = new StringBuilder(here ? "" : d.span() + ": ").append(d.message());
    if (d.note() != null) {
      message.append("\n").append(d.note());
    }
    if (d.help() != null) {
      message.append("\nhelp: ").append(d.help());
    }
    org.eclipse.lsp4j.Diagnostic converted = new org.eclipse.lsp4j.Diagnostic(range, message.toString(),
        d.severity() == Severity.ERROR ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, "nnc", d.code().id());
    List<DiagnosticRelatedInformation> related = new ArrayList<>();
    for (Label label : d.labels()) {
      related.add(new DiagnosticRelatedInformation(Positions.location(label.span()), label.message()));
    }
    if (!here) {
      related.add(0, new DiagnosticRelatedInformation(Positions.location(d.span()), d.message()));
    }
    converted.setRelatedInformation(related);
    return converted;
  }
}

package dev.nnc.compiler.diag;

import dev.nnc.compiler.source.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * One problem found in a program: a stable code, a message, the primary place (with an optional
 * note under the caret), secondary labelled places and a suggested fix. Immutable; built with
 * {@link #at}.
 */
public record Diagnostic(
    Code code, Severity severity, String message, Span span, String note, List<Label> labels, String help) {

  public Diagnostic {
    labels = List.copyOf(labels);
  }

  public static Diagnostic at(Code code, Span span, String message) {
    return new Diagnostic(code, code.severity(), message, span, null, List.of(), null);
  }

  public Diagnostic note(String text) {
    return new Diagnostic(code, severity, message, span, text, labels, help);
  }

  public Diagnostic label(Span where, String text) {
    List<Label> more = new ArrayList<>(labels);
    more.add(new Label(where, text));
    return new Diagnostic(code, severity, message, span, note, more, help);
  }

  public Diagnostic help(String text) {
    return new Diagnostic(code, severity, message, span, note, labels, text);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** {@code file:line:col: error[NN0302]: message}, the first line of the rendering. */
  public String headline() {
    return span + ": " + severity.label() + "[" + code.id() + "]: " + message;
  }
}

package dev.nnc.compiler.diag;

import dev.nnc.compiler.source.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Renders a diagnostic for people, rustc-style: the headline, the source lines involved with carets
 * under the primary span and dashes under labelled ones, then the help.
 *
 * <pre>
 * samples/bad.nn:9:16: error[NN0302]: cannot add float[batch, 14, 14, 64] and float[batch, 28, 28, 32]
 *   |
 * 9 |   output out = y + x
 *   |                ^^^^^ shapes differ in every dimension but batch
 *   = help: project the shortcut: `x -> conv2d(64, 1, stride: 2)`
 * </pre>
 */
public final class HumanRenderer {
  private HumanRenderer() {}

  public static String render(Diagnostic d) {
    List<Mark> marks = new ArrayList<>();
    marks.add(new Mark(d.span(), '^', d.note()));
    for (Label label : d.labels()) {
      if (label.span().file() == d.span().file()) {
        marks.add(new Mark(label.span(), '-', label.message()));
      }
    }
    marks.sort(Comparator.comparingInt(m -> m.span.start()));
    int width = Integer.toString(marks.stream().mapToInt(m -> m.span.line()).max().orElse(1)).length();
    String pad = " ".repeat(width);

    StringBuilder out = new StringBuilder(d.headline()).append('\n');
    out.append(pad).append(" |\n");
    int previousLine = -1;
    for (Mark mark : marks) {
      int line = mark.span.line();
      if (previousLine != -1 && line > previousLine + 1) {
        out.append("...\n");
      }
      if (line != previousLine) {
        String number = Integer.toString(line);
        out.append(" ".repeat(width - number.length())).append(number).append(" | ")
            .append(mark.span.file().lineText(line)).append('\n');
      }
      out.append(pad).append(" | ").append(underline(mark)).append('\n');
      previousLine = line;
    }
    if (d.help() != null) {
      out.append(pad).append(" = help: ").append(d.help()).append('\n');
    }
    return out.toString();
  }

  private static String underline(Mark mark) {
    Span span = mark.span;
    String lineText = span.file().lineText(span.line());
    int column = span.column() - 1;
    int endOfLine = lineText.length();
    int length = Math.max(1, Math.min(span.end() - span.start(), endOfLine - column));
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < column; i++) {
      s.append(i < lineText.length() && lineText.charAt(i) == '\t' ? '\t' : ' ');
    }
    s.append(String.valueOf(mark.symbol).repeat(length));
    if (mark.message != null) {
      s.append(' ').append(mark.message);
    }
    return s.toString();
  }

  private record Mark(Span span, char symbol, String message) {}
}

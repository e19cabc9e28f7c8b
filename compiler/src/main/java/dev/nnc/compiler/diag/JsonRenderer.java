package dev.nnc.compiler.diag;

import dev.nnc.compiler.source.Span;
import java.util.List;
import java.util.stream.Collectors;

/** Diagnostics as a JSON array, for editors and tools ({@code --diagnostics json}). */
public final class JsonRenderer {
  private JsonRenderer() {}

  public static String render(List<Diagnostic> diagnostics) {
    return diagnostics.stream().map(JsonRenderer::render).collect(Collectors.joining(",\n  ", "[\n  ", "\n]"))
        .replace("[\n  \n]", "[]");
  }

  private static String render(Diagnostic d) {
    StringBuilder s = new StringBuilder("{");
    s.append("\"code\": ").append(quote(d.code().id()));
    s.append(", \"severity\": ").append(quote(d.severity().label()));
    s.append(", \"message\": ").append(quote(d.message()));
    s.append(", ").append(location(d.span()));
    if (d.note() != null) {
      s.append(", \"note\": ").append(quote(d.note()));
    }
    if (!d.labels().isEmpty()) {
      s.append(", \"labels\": ")
          .append(d.labels().stream()
              .map(l -> "{" + location(l.span()) + ", \"message\": " + quote(l.message()) + "}")
              .collect(Collectors.joining(", ", "[", "]")));
    }
    if (d.help() != null) {
      s.append(", \"help\": ").append(quote(d.help()));
    }
    return s.append('}').toString();
  }

  private static String location(Span span) {
    return "\"file\": " + quote(span.file().name())
        + ", \"line\": " + span.line()
        + ", \"column\": " + span.column()
        + ", \"endLine\": " + span.file().line(Math.max(span.start(), span.end() - 1))
        + ", \"endColumn\": " + (span.file().column(Math.max(span.start(), span.end() - 1)) + 1);
  }

  static String quote(String text) {
    StringBuilder s = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> s.append("\\\"");
        case '\\' -> s.append("\\\\");
        case '\n' -> s.append("\\n");
        case '\r' -> s.append("\\r");
        case '\t' -> s.append("\\t");
        default -> {
          if (c < 0x20) {
            s.append(String.format("\\u%04x", (int) c));
          } else {
            s.append(c);
          }
        }
      }
    }
    return s.append('"').toString();
  }
}

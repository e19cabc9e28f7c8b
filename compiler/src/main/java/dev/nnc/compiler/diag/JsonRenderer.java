package dev.nnc.compiler.diag;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import dev.nnc.compiler.source.Span;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Diagnostics as a JSON array, for editors and tools ({@code --diagnostics json}): each with its
 * code, severity, message, place ({@code file}, 1-based {@code line} and {@code column}, and where
 * it ends), and its note, labelled places and help when it has them.
 */
public final class JsonRenderer {
  static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

  private JsonRenderer() {}

  public static String render(List<Diagnostic> diagnostics) {
    return GSON.toJson(diagnostics.stream().map(JsonRenderer::object).toList());
  }

  private static Map<String, Object> object(Diagnostic d) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("code", d.code().id());
    o.put("severity", d.severity().label());
    o.put("message", d.message());
    o.putAll(place(d.span()));
    if (d.note() != null) {
      o.put("note", d.note());
    }
    if (!d.labels().isEmpty()) {
      o.put("labels", d.labels().stream().map(l -> {
        Map<String, Object> label = new LinkedHashMap<>(place(l.span()));
        label.put("message", l.message());
        return label;
      }).toList());
    }
    if (d.help() != null) {
      o.put("help", d.help());
    }
    return o;
  }

  private static Map<String, Object> place(Span span) {
    Map<String, Object> place = new LinkedHashMap<>();
    place.put("file", span.file().name());
    place.put("line", span.line());
    place.put("column", span.column());
    place.put("endLine", endLine(span));
    place.put("endColumn", endColumn(span));
    return place;
  }

  /** The line of the span's last character (of its first, for an empty span). */
  static int endLine(Span span) {
    return span.file().line(Math.max(span.start(), span.end() - 1));
  }

  /** The column just after the span's last character, as SARIF and editors count. */
  static int endColumn(Span span) {
    return span.file().column(Math.max(span.start(), span.end() - 1)) + 1;
  }
}

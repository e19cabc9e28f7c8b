package dev.nnc.compiler.diag;

import dev.nnc.compiler.source.Span;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Diagnostics as a SARIF 2.1.0 log ({@code --diagnostics sarif}), the format code-scanning services
 * (GitHub's among them) read: one run of the tool {@code nnc}, a rule per diagnostic code found, and
 * a result per diagnostic with its place, its labelled places as related locations, and its note
 * and help in the message. Columns count UTF-16 code units, as the compiler's do.
 */
public final class SarifRenderer {
  private static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

  private SarifRenderer() {}

  public static String render(List<Diagnostic> diagnostics) {
    Map<String, Object> log = new LinkedHashMap<>();
    log.put("$schema", SCHEMA);
    log.put("version", "2.1.0");
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("tool", Map.of("driver", driver(diagnostics)));
    run.put("columnKind", "utf16CodeUnits");
    run.put("results", diagnostics.stream().map(SarifRenderer::result).toList());
    log.put("runs", List.of(run));
    return JsonRenderer.GSON.toJson(log);
  }

  /** The tool, with a rule for each code the diagnostics use, in order of first use. */
  private static Map<String, Object> driver(List<Diagnostic> diagnostics) {
    Map<String, Object> rules = new LinkedHashMap<>();
    for (Diagnostic d : diagnostics) {
      rules.computeIfAbsent(d.code().id(), id -> Map.of(
          "id", id,
          "shortDescription", Map.of("text", d.code().title()),
          "defaultConfiguration", Map.of("level", level(d.code().severity()))));
    }
    Map<String, Object> driver = new LinkedHashMap<>();
    driver.put("name", "nnc");
    driver.put("rules", new ArrayList<>(rules.values()));
    return driver;
  }

  private static Map<String, Object> result(Diagnostic d) {
    StringBuilder text = new StringBuilder(d.message());
    if (d.note() != null) {
      text.append(" (").append(d.note()).append(')');
    }
    if (d.help() != null) {
      text.append("\nhelp: ").append(d.help());
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("ruleId", d.code().id());
    result.put("level", level(d.severity()));
    result.put("message", Map.of("text", text.toString()));
    result.put("locations", List.of(Map.of("physicalLocation", physical(d.span()))));
    if (!d.labels().isEmpty()) {
      List<Object> related = new ArrayList<>();
      for (int i = 0; i < d.labels().size(); i++) {
        Label label = d.labels().get(i);
        related.add(Map.of("id", i, "physicalLocation", physical(label.span()), "message", Map.of("text", label.message())));
      }
      result.put("relatedLocations", related);
    }
    return result;
  }

  private static Map<String, Object> physical(Span span) {
    Map<String, Object> region = new LinkedHashMap<>();
    region.put("startLine", span.line());
    region.put("startColumn", span.column());
    region.put("endLine", JsonRenderer.endLine(span));
    region.put("endColumn", JsonRenderer.endColumn(span));
    return Map.of("artifactLocation", Map.of("uri", uri(span.file().name())), "region", region);
  }

  /** A relative path as a relative URI reference (what code scanning resolves against the checkout); an absolute one as a file URI. */
  private static String uri(String file) {
    try {
      Path path = Path.of(file);
      return path.isAbsolute() ? path.toUri().toString() : file.replace('\\', '/');
    } catch (InvalidPathException e) {
      return file; // Not a path (an editor's untitled: document, say): as it was given.
    }
  }

  private static String level(Severity severity) {
    return severity == Severity.ERROR ? "error" : "warning";
  }
}

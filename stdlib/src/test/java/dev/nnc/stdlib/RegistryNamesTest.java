package dev.nnc.stdlib;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.nnc.stdlib.data.DataBuiltins;
import dev.nnc.stdlib.init.InitializerBuiltin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The places that list built-ins by hand — the README's table and the TextMate grammar's
 * highlighting — list exactly the registry's names.
 */
class RegistryNamesTest {
  private static final Path README = Path.of("../README.md");
  private static final Path GRAMMAR = Path.of("../editor-support/syntaxes/nn.tmLanguage.json");
  /** Words the grammar highlights as keywords rather than built-ins ({@code repeat(3) \{ ... \}}). */
  private static final Set<String> KEYWORDS = Set.of("repeat");
  /** Calls of job settings (LANGUAGE.md §7), highlighted like built-ins but defined by the checker. */
  private static final Set<String> SETTINGS = Set.of("early", "global_norm", "value", "column", "columns");

  @Test
  void theGrammarHighlightsEveryBuiltinAndNothingElse() throws IOException {
    JsonObject grammar = JsonParser.parseString(Files.readString(GRAMMAR)).getAsJsonObject();
    Set<String> highlighted = new TreeSet<>();
    for (var pattern : grammar.getAsJsonObject("repository").getAsJsonObject("builtins").getAsJsonArray("patterns")) {
      Matcher words = Pattern.compile("\\\\b\\(\\?:([a-z0-9_|]+)\\)").matcher(pattern.getAsJsonObject().get("match").getAsString());
      while (words.find()) {
        highlighted.addAll(List.of(words.group(1).split("\\|")));
      }
    }
    highlighted.removeAll(SETTINGS);
    Set<String> registry = names(Builtins.everyKind());
    registry.removeAll(KEYWORDS);
    assertEquals(registry, highlighted, "editor-support/syntaxes/nn.tmLanguage.json's `builtins` patterns");
  }

  @Test
  void theReadmeTableNamesEveryBuiltin() throws IOException {
    String table = Files.readString(README).lines().filter(l -> l.startsWith("| ") && l.contains("`"))
        .reduce("", (a, b) -> a + "\n" + b);
    Set<String> missing = new TreeSet<>();
    for (String name : names(Builtins.everyKind())) {
      if (!Pattern.compile("[`\\s(]" + Pattern.quote(name) + "[`\\s(,]").matcher(table).find()) {
        missing.add(name);
      }
    }
    assertEquals(Set.of(), missing, "built-ins the README's table leaves out");
  }

  @Test
  void theReadmeRowsOfDataAndInitializersAreTheRegistry() throws IOException {
    assertEquals(names(InitializerBuiltin.ALL), row("initializers"));
    assertEquals(names(DataBuiltins.SOURCES), row("data sources"));
    assertEquals(names(DataBuiltins.TRANSFORMS), row("data transforms"));
  }

  /** The names of the README table's row of {@code kind}: its first code span's words, arguments left out. */
  private static Set<String> row(String kind) throws IOException {
    String line = Files.readString(README).lines().filter(l -> l.startsWith("| " + kind + " |")).findFirst()
        .orElseThrow(() -> new AssertionError("the README's built-in table has no row `" + kind + "`"));
    String code = line.substring(line.indexOf('`') + 1, line.indexOf('`', line.indexOf('`') + 1));
    Set<String> names = new TreeSet<>();
    for (String word : code.replaceAll("\\([^)]*\\)", "").trim().split("\\s+")) {
      names.add(word);
    }
    return names;
  }

  private static Set<String> names(List<? extends Builtin> builtins) {
    List<String> names = new ArrayList<>();
    builtins.forEach(b -> names.add(b.name()));
    return new TreeSet<>(names);
  }
}

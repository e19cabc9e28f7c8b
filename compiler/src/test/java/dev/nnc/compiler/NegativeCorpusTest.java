package dev.nnc.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.cli.Nnc;
import dev.nnc.compiler.diag.Diagnostic;
import dev.nnc.compiler.diag.HumanRenderer;
import dev.nnc.compiler.source.SourceFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The negative corpus: broken programs under {@code resources/negative}, each stating the errors the
 * checker must report as {@code // expect: NN0302 at 9:16} comment lines (code, line, column of the
 * file as written). A file passes when the set of its errors is exactly its expectations; warnings
 * are not counted. Programs whose diagnostics nnc still gets wrong wait in {@code negative-pending}.
 */
class NegativeCorpusTest {
  private static final Pattern EXPECT = Pattern.compile("//\\s*expect:\\s*(NN\\d{4}) at (\\d+):(\\d+)");

  @TestFactory
  Stream<DynamicTest> everyFileReportsExactlyItsExpectedErrors() throws IOException {
    return corpus().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      Set<String> expected = new TreeSet<>();
      Matcher m = EXPECT.matcher(text);
      while (m.find()) {
        expected.add(m.group(1) + " at " + m.group(2) + ":" + m.group(3));
      }
      assertFalse(expected.isEmpty(), "no `// expect:` line in " + file);

      Compilation c = compile(file.getFileName().toString(), text);
      Set<String> actual = c.diagnostics().stream()
          .filter(Diagnostic::isError)
          .map(d -> d.code().id() + " at " + d.span().line() + ":" + d.span().column())
          .collect(Collectors.toCollection(TreeSet::new));
      assertEquals(expected, actual, () -> "diagnostics:\n" + render(c.diagnostics()));
      assertFalse(c.succeeded());
    }));
  }

  @Test
  void rendersAShapeErrorWithSourceLinesCaretsAndHelp() throws IOException {
    String name = "shape_residual_add.nn";
    Compilation c = compile(name, Files.readString(corpusDir().resolve(name), StandardCharsets.UTF_8));
    Diagnostic d = c.diagnostics().stream().filter(Diagnostic::isError).findFirst().orElseThrow();
    assertEquals("""
        shape_residual_add.nn:8:16: error[NN0302]: cannot add float[batch, 14, 14, 64] and float[batch, 28, 28, 32]
          |
        4 |   input x: float[28, 28, 32]
          |         - this is float[batch, 28, 28, 32]
        ...
        7 |     -> conv2d(64, 3, padding: same)
          |        ---------------------------- this is float[batch, 14, 14, 64]
        8 |   output out = y + x
          |                ^^^^^
          = help: dimension 1 is 14 on the left and 28 on the right; shapes must be equal or 1 in every dimension
        """, HumanRenderer.render(d));
  }

  @Test
  void theCommandLineExitsWithOneAndNoStackTraceForEveryFile() throws IOException {
    for (Path file : corpus()) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int status;
      try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(err)) {
        status = Nnc.run(new String[] {"check", file.toString()}, o, e);
      }
      String output = out + "\n" + err;
      assertEquals(Nnc.PROGRAM_ERRORS, status, file + ":\n" + output);
      for (String trace : List.of("at dev.", "Exception", "\tat ")) {
        assertFalse(output.contains(trace), file + " printed `" + trace + "`:\n" + output);
      }
      assertTrue(output.contains("error[NN"), file + ":\n" + output);
    }
  }

  private static Compilation compile(String name, String text) {
    return Compilation.of(new SourceFile(name, text), List.of());
  }

  private static String render(List<Diagnostic> diagnostics) {
    return diagnostics.stream().map(HumanRenderer::render).collect(Collectors.joining("\n"));
  }

  private static List<Path> corpus() throws IOException {
    try (Stream<Path> files = Files.list(corpusDir())) {
      List<Path> nn = files.filter(f -> f.toString().endsWith(".nn")).sorted().toList();
      assertTrue(nn.size() >= 35, "the corpus has only " + nn.size() + " files");
      return nn;
    }
  }

  private static Path corpusDir() {
    try {
      return Path.of(NegativeCorpusTest.class.getResource("/negative").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}

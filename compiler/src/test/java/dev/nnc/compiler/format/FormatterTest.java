package dev.nnc.compiler.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.compiler.diag.Diagnostics;
import dev.nnc.compiler.diag.HumanRenderer;
import dev.nnc.compiler.source.SourceFile;
import dev.nnc.compiler.source.Span;
import dev.nnc.compiler.syntax.Ast;
import dev.nnc.compiler.syntax.Parser;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class FormatterTest {
  private static String format(String text) {
    Diagnostics diagnostics = new Diagnostics();
    String formatted = Formatter.format(new SourceFile("test.nn", text), diagnostics);
    assertNotNull(formatted, () -> diagnostics.sorted().toString());
    return formatted;
  }

  @Test
  void spacesIndentationAndBlankLinesBecomeCanonical() {
    String messy = """
        // A model.
        model   Mlp( classes:int=10 ,hidden : int = 64){


          input image :float[ 28,28 , 1 ]   // no batch
              let h=image->flatten  ->dense(hidden,activation:relu)
        output logits = h -> dense( classes * 2 ) -> reshape([-1, 2 ** 1])
        /* keep me */
        }



        data d {
        train = idx("a", "b")
                    | map(image: image/255) | take( 10 )
        }
        train t {
          model : Mlp()
          data:d.train
          optimizer: adam(lr: -1e-3 + 2)
            metrics: [ accuracy(logits, label) ]
          steps: 10 steps
        }
        """;
    String expected = """
        // A model.
        model Mlp(classes: int = 10, hidden: int = 64) {
          input image: float[28, 28, 1]  // no batch
          let h = image -> flatten -> dense(hidden, activation: relu)
          output logits = h -> dense(classes * 2) -> reshape([-1, 2 ** 1])
          /* keep me */
        }

        data d {
          train = idx("a", "b")
            | map(image: image / 255) | take(10)
        }
        train t {
          model: Mlp()
          data: d.train
          optimizer: adam(lr: -1e-3 + 2)
          metrics: [accuracy(logits, label)]
          steps: 10 steps
        }
        """;
    assertEquals(expected, format(messy));
  }

  @Test
  void blocksAndRecordsAreIndentedByTheirBraces() {
    String text = """
        model Net {
        input x: float[8]
        output y = x
        -> repeat(2) {
        dense(8) -> relu
        }
        -> for i in 0..2 { dense(4 * (i + 1)) }
        }
        data truth {
        train = records {
        x: float[2], target: float[1]
        [0, -1] -1
        [1, 0] 1
        }
        }
        """;
    String expected = """
        model Net {
          input x: float[8]
          output y = x
            -> repeat(2) {
              dense(8) -> relu
            }
            -> for i in 0..2 { dense(4 * (i + 1)) }
        }
        data truth {
          train = records {
            x: float[2], target: float[1]
            [0, -1] -1
            [1, 0] 1
          }
        }
        """;
    assertEquals(expected, format(text));
  }

  /** A list broken after a comma goes on one level deeper than its statement, as after an operator. */
  @Test
  void aLineEndingInACommaIsContinued() {
    String text = """
        train t {
        step {
        report a,
        b: mean(x)
        minimize g,
        d: loss with adam()
        }
        checkpoint: every(1 epoch),
        keep: 3
        }
        """;
    String expected = """
        train t {
          step {
            report a,
              b: mean(x)
            minimize g,
              d: loss with adam()
          }
          checkpoint: every(1 epoch),
            keep: 3
        }
        """;
    assertEquals(expected, format(text));
  }

  @Test
  void aLongPipelineIsBrokenOneStagePerLine() {
    String text = "model M {\n  input x: float[784]\n  output y = x -> dense(512, activation: relu) -> dropout(0.2)"
        + " -> dense(256, activation: relu) -> dense(10)\n}\n";
    String expected = """
        model M {
          input x: float[784]
          output y = x
            -> dense(512, activation: relu)
            -> dropout(0.2)
            -> dense(256, activation: relu)
            -> dense(10)
        }
        """;
    assertEquals(expected, format(text));
  }

  @Test
  void aFileWithSyntaxErrorsIsRefusedWithItsDiagnostics() {
    Diagnostics diagnostics = new Diagnostics();
    assertNull(Formatter.format(new SourceFile("bad.nn", "model M {\n  input x float[2]\n}\n"), diagnostics));
    String rendered = HumanRenderer.render(diagnostics.sorted().get(0));
    assertTrue(rendered.startsWith("bad.nn:2:11: error[NN00"), rendered);
  }

  /** Every sample, library file and negative-test file that parses. */
  static List<Path> corpus() throws IOException {
    List<Path> roots = List.of(Path.of("../samples"), Path.of("../stdlib/src/main/resources/std"),
        Path.of("src/test/resources"));
    List<Path> files = new java.util.ArrayList<>();
    for (Path root : roots) {
      try (Stream<Path> walk = Files.walk(root)) {
        walk.filter(p -> p.toString().endsWith(".nn") && !p.toString().contains("/target/") && !p.toString().contains("/build/"))
            .filter(FormatterTest::parses)
            .sorted()
            .forEach(files::add);
      }
    }
    return files;
  }

  private static boolean parses(Path file) {
    try {
      return Parser.parse(new SourceFile(file.toString(), Files.readString(file)), new Diagnostics()) != null;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @TestFactory
  Stream<DynamicTest> formattingKeepsTheTreeAndIsIdempotent() throws IOException {
    List<Path> files = corpus();
    assertTrue(files.size() > 100, "the corpus was found: " + files.size());
    return files.stream().map(file -> DynamicTest.dynamicTest(file.toString(), () -> {
      String text = Files.readString(file);
      String once = format(text);
      assertEquals(shape(parse(file, text)), shape(parse(file, once)), "the tree changed");
      assertEquals(once, format(once), "a second run changed the text");
      assertEquals(comments(text), comments(once), "comments were lost or reordered");
    }));
  }

  private static Ast.Unit parse(Path file, String text) {
    Diagnostics diagnostics = new Diagnostics();
    Ast.Unit unit = Parser.parse(new SourceFile(file.toString(), text), diagnostics);
    assertNotNull(unit, () -> diagnostics.sorted().stream().map(HumanRenderer::render).collect(Collectors.joining("\n")));
    return unit;
  }

  private static List<String> comments(String text) {
    return Pieces.of(text).stream().filter(Piece::isComment).map(Piece::text).collect(Collectors.toList());
  }

  /** The tree as text without its spans (which formatting moves), for comparing two parses. */
  static String shape(Object node) throws ReflectiveOperationException {
    if (node instanceof List<?> list) {
      StringBuilder s = new StringBuilder("[");
      for (Object item : list) {
        s.append(shape(item)).append(", ");
      }
      return s.append("]").toString();
    }
    if (node instanceof Record record) {
      StringBuilder s = new StringBuilder(record.getClass().getSimpleName()).append("(");
      for (RecordComponent c : record.getClass().getRecordComponents()) {
        if (c.getType() != Span.class && c.getType() != SourceFile.class) {
          s.append(c.getName()).append("=").append(shape(c.getAccessor().invoke(record))).append(" ");
        }
      }
      return s.append(")").toString();
    }
    return String.valueOf(node);
  }
}

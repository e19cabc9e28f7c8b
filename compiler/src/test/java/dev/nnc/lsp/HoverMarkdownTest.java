package dev.nnc.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hovers as an editor renders them: Markdown in which every code fence opens and closes alone on its
 * line (text after a closing fence on the same line shows as a stray "```"), on every kind of place
 * a user points at: layers, names, hyper-parameters, data blocks, data sources and transforms, and
 * the model a train job trains.
 */
class HoverMarkdownTest {
  private static final String URI = Path.of("build/hovers.nn").toAbsolutePath().toUri().toString();
  private static final String PROGRAM = """
      model Net(classes: int = 10) {
        input image: float[28, 28, 1]
        let features = image -> flatten
        output logits = features -> dense(classes)
      }

      data digits {
        train = idx("train-images.gz", "train-labels.gz") | map(image: image / 255)
        test = idx("test-images.gz", "test-labels.gz")
      }

      train mnist {
        model: Net()
        data: digits.train | shuffle(1000)
        validate: digits.test
        loss: cross_entropy(logits, label)
        optimizer: adam(lr: 1e-3)
        batch: 100
        epochs: 1
      }
      """;

  private final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private LspSession session;

  @BeforeEach
  void start() throws Exception {
    session = new LspSession(new NncLanguageServer(new PrintStream(log, true, StandardCharsets.UTF_8)));
    session.server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(URI, "nn", 1, PROGRAM)));
    session.nextDiagnostics();
  }

  @AfterEach
  void stop() throws Exception {
    session.close();
  }

  @Test
  void aHyperParameterSaysItsValueOutsideTheFence() throws Exception {
    String text = hover("classes)", 1);
    assertTrue(text.contains("the value 10"), text);
  }

  @Test
  void aDataBlockAndItsSplitsShowTheirRecords() throws Exception {
    String block = hover("digits.train |", 1);
    assertTrue(block.contains("digits"), block);
    String declared = hover("digits {", 1);
    assertTrue(declared.contains("data digits") && declared.contains("`digits.train`, `digits.test`"), declared);
    String split = hover("train = idx", 1);
    assertTrue(split.contains("image: float[28, 28, 1]") && split.contains("label: int"), split);
  }

  @Test
  void dataSourcesAndTransformsShowTheirSignatureAndWhatTheyDo() throws Exception {
    String idx = hover("idx(\"train", 1);
    assertTrue(idx.contains("idx(images, labels)") && idx.contains("IDX"), idx);
    String map = hover("map(image", 1);
    assertTrue(map.contains("map(") && map.contains("field"), map);
    String shuffle = hover("shuffle(1000)", 2);
    assertTrue(shuffle.contains("shuffle(buffer)"), shuffle);
  }

  @Test
  void theModelOfATrainJobShowsTheModel() throws Exception {
    String model = hover("Net()", 1);
    assertTrue(model.contains("model Net(classes: int = 10)"), model);
    assertTrue(model.contains("7,850 parameters"), model); // 784 * 10 + 10
  }

  @Test
  void everyHoverIsWellFormedMarkdown() throws Exception {
    for (String at : List.of("classes)", "digits.train |", "digits {", "train = idx", "idx(\"train", "map(image", "shuffle(1000)",
        "Net()", "dense(classes)", "features ->", "image:", "Net(classes", "cross_entropy", "adam")) {
      String text = hover(at, 1);
      assertFalse(text.isEmpty(), "a hover on " + at);
      assertFencesCloseAlone(at, text);
    }
  }

  /** Fences alternate between an opening line (```nn) and a closing line (```), nothing else on them. */
  static void assertFencesCloseAlone(String at, String markdown) {
    boolean open = false;
    for (String line : markdown.split("\n", -1)) {
      if (line.contains("```")) {
        String expected = open ? "```" : "```nn";
        assertEquals(expected, line, "a fence alone on its line, hovering " + at + ":\n" + markdown);
        open = !open;
      }
    }
    assertFalse(open, "every fence closes, hovering " + at + ":\n" + markdown);
  }

  private String hover(String at, int shift) throws Exception {
    int offset = PROGRAM.indexOf(at);
    assertTrue(offset >= 0, at);
    offset += shift;
    int line = (int) PROGRAM.substring(0, offset).chars().filter(c -> c == '\n').count();
    Position position = new Position(line, offset - PROGRAM.lastIndexOf('\n', offset - 1) - 1);
    Hover hover = session.server.getTextDocumentService()
        .hover(new HoverParams(new TextDocumentIdentifier(URI), position)).get(10, TimeUnit.SECONDS);
    if (hover == null) {
      return "";
    }
    assertEquals(MarkupKind.MARKDOWN, hover.getContents().getRight().getKind());
    return hover.getContents().getRight().getValue();
  }
}

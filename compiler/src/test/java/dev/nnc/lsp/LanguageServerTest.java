package dev.nnc.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Drives the language server over JSON-RPC as an editor would, and checks what a user would see. */
class LanguageServerTest {
  private static final String URI = Path.of("build/net.nn").toAbsolutePath().toUri().toString();
  private static final String NET = """
      model Block(width: int = 8) {
        input x: float[n]
        output y = x -> dense(width) -> relu
      }

      model Net(classes: int = 10) {
        input image: float[28, 28, 1]
        let features = image -> flatten
        output logits = features -> dense(128) -> relu -> Block(16) -> dense(classes)
      }
      """;

  private final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private LspSession session;

  @BeforeEach
  void start() throws Exception {
    session = new LspSession(new NncLanguageServer(new PrintStream(log, true, StandardCharsets.UTF_8)));
  }

  @AfterEach
  void stop() throws Exception {
    session.close();
  }

  @Test
  void anErrorIsADiagnosticAtItsRangeWithItsCodeAndLabels() throws Exception {
    List<Diagnostic> diagnostics = open("""
        model Net {
          input x: float[4]
          let h = x -> dens(10)
          let h = x -> relu
          output y = h
        }
        """).getDiagnostics();
    assertEquals(2, diagnostics.size(), diagnostics::toString);
    Diagnostic unknown = diagnostics.get(0);
    assertEquals("NN0101", unknown.getCode().getLeft());
    assertEquals(DiagnosticSeverity.Error, unknown.getSeverity());
    assertEquals(new Range(new Position(2, 15), new Position(2, 19)), unknown.getRange());
    assertEquals("unknown name `dens`\nhelp: did you mean `dense`?", unknown.getMessage());
    Diagnostic twice = diagnostics.get(1);
    assertEquals("NN0102", twice.getCode().getLeft());
    assertEquals(new Range(new Position(3, 6), new Position(3, 7)), twice.getRange());
    var related = twice.getRelatedInformation().get(0);
    assertEquals("first declared here", related.getMessage());
    assertEquals(URI, related.getLocation().getUri());
    assertEquals(new Range(new Position(2, 6), new Position(2, 7)), related.getLocation().getRange());
  }

  @Test
  void diagnosticsFollowEachChange() throws Exception {
    open("model Net {\n  input x: float[4]\n  output y = x -> dense(2, activation: rleu)\n}\n");
    change("model Net {\n  input x: float[4]\n  output y = x -> dense(2, activation: relu)\n}\n");
    assertEquals(List.of(), session.nextDiagnostics().getDiagnostics());
    change("model Net {\n  input x: float[4]\n  output y = x ->\n}\n");
    Diagnostic syntax = session.nextDiagnostics().getDiagnostics().get(0);
    assertEquals("NN0001", syntax.getCode().getLeft());
    assertEquals(3, syntax.getRange().getStart().getLine());
  }

  @Test
  void hoverOnALayerShowsItsOutputTypeAndParameterCount() throws Exception {
    open(NET);
    String dense = hover(NET, "dense(128)");
    assertTrue(dense.contains("dense(128) -> float[batch, 128]"), dense);
    assertTrue(dense.contains("100,480 parameters"), dense); // 784 * 128 + 128
    assertTrue(dense.contains("dense(units, "), dense); // and the built-in's signature
    String block = hover(NET, "Block(16)");
    assertTrue(block.contains("Block(16) -> float[batch, 16]") && block.contains("2,064 parameters"), block);
    String relu = hover(NET, "relu -> Block");
    assertTrue(relu.contains("relu -> float[batch, 128]") && relu.contains("0 parameters"), relu);
  }

  @Test
  void hoverShowsTheShapesOfAModelThatCheckedBesideOneThatDidNot() throws Exception {
    String text = NET + "\nmodel Broken {\n  input x: float[4]\n  output y = x -> dens(2)\n}\n";
    open(text);
    String dense = hover(text, "dense(128)");
    assertTrue(dense.contains("dense(128) -> float[batch, 128]") && dense.contains("100,480 parameters"), dense);
  }

  @Test
  void hoverOnATensorValuedNameShowsItsType() throws Exception {
    open(NET);
    assertTrue(hover(NET, "features ->").contains("features: float[batch, 784]"));
    assertTrue(hover(NET, "features =").contains("features: float[batch, 784]"));
    assertTrue(hover(NET, "image:").contains("image: float[batch, 28, 28, 1]"));
    String model = hover(NET, "Net(");
    assertTrue(model.contains("model Net(classes: int = 10)") && model.contains("102,714 parameters"), model);
    assertTrue(hover(NET, "classes)").contains("the value 10"));
  }

  @Test
  void completionAfterAnArrowOffersLayersAndNamesInScope() throws Exception {
    open(NET);
    String typing = NET.replace("-> Block(16) -> dense(classes)", "-> ");
    change(typing);
    List<String> labels = complete(typing, "-> \n", 3);
    assertTrue(labels.contains("dense") && labels.contains("conv2d") && labels.contains("relu"), labels::toString);
    assertTrue(labels.contains("Block") && labels.contains("features"), labels::toString);
    assertFalse(labels.contains("adam"), "optimizers are no pipeline stage");
  }

  @Test
  void completionInACallOffersItsNamedArguments() throws Exception {
    open(NET);
    String typing = NET.replace("dense(classes)", "dense(classes, ").replace("Block(16)", "Block(");
    change(typing);
    List<String> dense = complete(typing, "dense(classes, ", "dense(classes, ".length());
    assertTrue(dense.containsAll(List.of("activation:", "bias:")), dense::toString);
    assertTrue(dense.contains("classes"), "a name in scope may be an argument too");
    List<String> block = complete(typing, "Block(", "Block(".length());
    assertEquals("width:", block.get(0), block::toString);
  }

  @Test
  void definitionOfANameIsItsDeclaration() throws Exception {
    open(NET);
    assertEquals(new Position(0, 6), definition(NET, "Block(16)").getRange().getStart());
    assertEquals(new Position(7, 6), definition(NET, "features ->").getRange().getStart());
    assertEquals(new Position(5, 10), definition(NET, "classes)").getRange().getStart());
    assertEquals(URI, definition(NET, "features ->").getUri());
  }

  @Test
  void documentSymbolsListDeclarationsAndTheirMembers() throws Exception {
    String text = NET + """

        data points {
          train = records {
            x: float[8], target: float[8]
            [1, 2, 3, 4, 5, 6, 7, 8] [0, 0, 0, 0, 0, 0, 0, 1]
          }
        }

        train fit {
          model: Block()
          data: points.train
          loss: mse(y, target)
        }
        """;
    open(text);
    List<DocumentSymbol> symbols = session.server.getTextDocumentService()
        .documentSymbol(new DocumentSymbolParams(new TextDocumentIdentifier(URI))).get(10, TimeUnit.SECONDS)
        .stream().map(Either::getRight).toList();
    assertEquals(List.of("Block", "Net", "points", "fit"), symbols.stream().map(DocumentSymbol::getName).toList());
    assertEquals(List.of("classes", "image", "features", "logits"),
        symbols.get(1).getChildren().stream().map(DocumentSymbol::getName).toList());
    assertEquals(List.of("train"), symbols.get(2).getChildren().stream().map(DocumentSymbol::getName).toList());
    assertEquals(List.of("model", "data", "loss"), symbols.get(3).getChildren().stream().map(DocumentSymbol::getName).toList());
    assertEquals(new Position(5, 6), symbols.get(1).getSelectionRange().getStart());
  }

  @Test
  void aFailingCheckerIsReportedAndTheServerKeepsServing() throws Exception {
    session.close();
    session = new LspSession(new NncLanguageServer(source -> {
      throw new IllegalStateException("boom");
    }, new PrintStream(log, true, StandardCharsets.UTF_8)));
    Diagnostic failure = open(NET).getDiagnostics().get(0);
    assertTrue(failure.getMessage().contains("a bug in nnc") && failure.getMessage().contains("boom"), failure::getMessage);
    assertTrue(log.toString(StandardCharsets.UTF_8).contains("IllegalStateException: boom"));
    assertNull(hoverResult(NET, "dense(128)"));
    assertTrue(complete(NET, "-> dense(128)", 3).contains("dense"), "completion still answers");
  }

  // ------------------------------------------------------------------ the client's side

  private PublishDiagnosticsParams open(String text) throws InterruptedException {
    session.server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(URI, "nn", 1, text)));
    return session.nextDiagnostics();
  }

  private void change(String text) throws InterruptedException {
    session.server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
        new VersionedTextDocumentIdentifier(URI, 2), List.of(new TextDocumentContentChangeEvent(text))));
  }

  private String hover(String text, String at) throws Exception {
    Hover hover = hoverResult(text, at);
    return hover == null ? "" : hover.getContents().getRight().getValue();
  }

  private Hover hoverResult(String text, String at) throws Exception {
    return session.server.getTextDocumentService()
        .hover(new HoverParams(new TextDocumentIdentifier(URI), position(text, at, 1))).get(10, TimeUnit.SECONDS);
  }

  private List<String> complete(String text, String at, int shift) throws Exception {
    var result = session.server.getTextDocumentService()
        .completion(new CompletionParams(new TextDocumentIdentifier(URI), position(text, at, shift))).get(10, TimeUnit.SECONDS);
    return result.getLeft().stream().map(CompletionItem::getLabel).toList();
  }

  private Location definition(String text, String at) throws Exception {
    List<? extends Location> locations = session.server.getTextDocumentService()
        .definition(new DefinitionParams(new TextDocumentIdentifier(URI), position(text, at, 1))).get(10, TimeUnit.SECONDS)
        .getLeft();
    assertEquals(1, locations.size(), locations::toString);
    return locations.get(0);
  }

  /** The position {@code shift} characters into the first occurrence of {@code at}. */
  private static Position position(String text, String at, int shift) {
    int offset = text.indexOf(at);
    assertTrue(offset >= 0, at);
    offset += shift;
    int line = (int) text.substring(0, offset).chars().filter(c -> c == '\n').count();
    return new Position(line, offset - text.lastIndexOf('\n', offset - 1) - 1);
  }
}

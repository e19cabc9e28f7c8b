package dev.nnc.lsp;

import dev.nnc.compiler.source.SourceFile;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * The document features. Documents are synchronised by their changes ({@link TextEdits}); each change is checked at once, on the
 * message thread, so every request sees the newest text. A failure inside the compiler is logged and
 * shown as a diagnostic; it never stops the server.
 */
final class NncTextDocumentService implements TextDocumentService {
  private final Map<String, Document> documents = new ConcurrentHashMap<>();
  private final Function<SourceFile, Analysis> analyzer;
  private final PrintStream log;
  private LanguageClient client;

  NncTextDocumentService(Function<SourceFile, Analysis> analyzer, PrintStream log) {
    this.analyzer = analyzer;
    this.log = log;
  }

  void connect(LanguageClient client) {
    this.client = client;
  }

  @Override
  public void didOpen(DidOpenTextDocumentParams params) {
    update(params.getTextDocument().getUri(), params.getTextDocument().getText());
  }

  @Override
  public void didChange(DidChangeTextDocumentParams params) {
    String uri = params.getTextDocument().getUri();
    Document document = documents.get(uri);
    update(uri, TextEdits.apply(document == null ? "" : document.text(), params.getContentChanges()));
  }

  @Override
  public void didClose(DidCloseTextDocumentParams params) {
    String uri = params.getTextDocument().getUri();
    documents.remove(uri);
    if (client != null) {
      client.publishDiagnostics(new PublishDiagnosticsParams(uri, List.of()));
    }
  }

  @Override
  public void didSave(DidSaveTextDocumentParams params) {
    // Every change was checked already; files the document imports may have changed, so check again.
    Document document = documents.get(params.getTextDocument().getUri());
    if (document != null) {
      update(params.getTextDocument().getUri(), document.text());
    }
  }

  @Override
  public CompletableFuture<Hover> hover(HoverParams params) {
    return answer("hover", () -> {
      Document document = documents.get(params.getTextDocument().getUri());
      Analysis analysis = document == null ? null : document.current();
      if (analysis == null || analysis.program() == null) {
        return null;
      }
      Located located = Located.at(analysis.unit(), Positions.offset(analysis.source(), params.getPosition()));
      String markdown = new Hovers(analysis.program(), analysis.lowered()).at(located);
      return markdown == null ? null : new Hover(new MarkupContent(MarkupKind.MARKDOWN, markdown));
    });
  }

  @Override
  public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
    return answer("completion", () -> {
      Document document = documents.get(params.getTextDocument().getUri());
      if (document == null) {
        return Either.forLeft(List.of());
      }
      int offset = Positions.offset(document.current().source(), params.getPosition());
      return Either.forLeft(new Completions(document.text(), offset, document.lastParsed()).items());
    });
  }

  @Override
  public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(DefinitionParams params) {
    return answer("definition", () -> {
      Document document = documents.get(params.getTextDocument().getUri());
      Analysis analysis = document == null ? null : document.current();
      if (analysis == null || analysis.unit() == null) {
        return Either.forLeft(List.of());
      }
      Located located = Located.at(analysis.unit(), Positions.offset(analysis.source(), params.getPosition()));
      return Either.forLeft(new Definitions(analysis).of(located).map(i -> List.of(Positions.location(i.span()))).orElse(List.of()));
    });
  }

  @Override
  public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(DocumentSymbolParams params) {
    return answer("document symbols", () -> {
      Document document = documents.get(params.getTextDocument().getUri());
      Analysis analysis = document == null ? null : document.lastParsed();
      if (analysis == null) {
        return List.of();
      }
      return Symbols.of(analysis.unit()).stream().map(Either::<SymbolInformation, DocumentSymbol>forRight).toList();
    });
  }

  private void update(String uri, String text) {
    SourceFile source = new SourceFile(Positions.fileName(uri), text);
    Analysis analysis;
    List<org.eclipse.lsp4j.Diagnostic> diagnostics;
    try {
      analysis = analyzer.apply(source);
      diagnostics = DiagnosticsConverter.convert(analysis.diagnostics(), source);
    } catch (RuntimeException | StackOverflowError e) {
      log.println("nnc lsp: checking " + uri + " failed (a bug in nnc):");
      e.printStackTrace(log);
      analysis = new Analysis(source, null, null, null, List.of());
      diagnostics = List.of(new org.eclipse.lsp4j.Diagnostic(new Range(new Position(0, 0), new Position(0, 0)),
          "nnc could not check this file (a bug in nnc; the server's log has the details): " + e,
          DiagnosticSeverity.Error, "nnc"));
    }
    Document previous = documents.get(uri);
    documents.put(uri, previous == null ? new Document(text, analysis, analysis.unit() != null ? analysis : null)
        : previous.next(text, analysis));
    if (client != null) {
      client.publishDiagnostics(new PublishDiagnosticsParams(uri, diagnostics));
    }
  }

  /** Answers a request; a failure is logged and answered with nothing rather than breaking the session. */
  private <T> CompletableFuture<T> answer(String what, Supplier<T> work) {
    try {
      return CompletableFuture.completedFuture(work.get());
    } catch (RuntimeException | StackOverflowError e) {
      log.println("nnc lsp: " + what + " failed (a bug in nnc):");
      e.printStackTrace(log);
      return CompletableFuture.completedFuture(null);
    }
  }
}

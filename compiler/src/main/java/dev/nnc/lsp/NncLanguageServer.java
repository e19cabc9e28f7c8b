package dev.nnc.lsp;

import dev.nnc.compiler.source.SourceFile;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * The nnc language server: diagnostics as you type, hover with tensor types and parameter counts,
 * completion, go to definition and document symbols for `.nn` files. {@code nnc lsp} runs it on
 * standard input and output.
 */
public final class NncLanguageServer implements LanguageServer, LanguageClientAware {
  private final NncTextDocumentService documents;
  /** Nothing in the workspace concerns the server: every document is checked on its own. */
  private final WorkspaceService workspace = new WorkspaceService() {
    @Override
    public void didChangeConfiguration(DidChangeConfigurationParams params) {}

    @Override
    public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {}
  };
  private final CompletableFuture<Integer> exited = new CompletableFuture<>();
  private boolean shutDown;

  /** A server that checks documents with the compiler and logs its own failures to {@code log}. */
  public NncLanguageServer(PrintStream log) {
    this(Analysis::of, log);
  }

  NncLanguageServer(Function<SourceFile, Analysis> analyzer, PrintStream log) {
    this.documents = new NncTextDocumentService(analyzer, log);
  }

  @Override
  public void connect(LanguageClient client) {
    documents.connect(client);
  }

  @Override
  public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
    ServerCapabilities capabilities = new ServerCapabilities();
    capabilities.setTextDocumentSync(TextDocumentSyncKind.Incremental);
    capabilities.setHoverProvider(true);
    capabilities.setCompletionProvider(new CompletionOptions(false, List.of(">", "(", ",")));
    capabilities.setDefinitionProvider(true);
    capabilities.setDocumentSymbolProvider(true);
    String version = NncLanguageServer.class.getPackage().getImplementationVersion();
    return CompletableFuture.completedFuture(new InitializeResult(capabilities, new ServerInfo("nnc", version)));
  }

  @Override
  public CompletableFuture<Object> shutdown() {
    shutDown = true;
    return CompletableFuture.completedFuture(null);
  }

  /** The protocol's exit: status 0 after a shutdown request, 1 without one. */
  @Override
  public void exit() {
    exited.complete(shutDown ? 0 : 1);
  }

  /** Completes with the exit status when the client says {@code exit}. */
  public CompletableFuture<Integer> exited() {
    return exited;
  }

  @Override
  public TextDocumentService getTextDocumentService() {
    return documents;
  }

  @Override
  public WorkspaceService getWorkspaceService() {
    return workspace;
  }
}

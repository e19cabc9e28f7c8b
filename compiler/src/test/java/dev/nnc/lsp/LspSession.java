package dev.nnc.lsp;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * A client talking to an in-process {@link NncLanguageServer} over piped streams, as an editor talks
 * to {@code nnc lsp}: every message goes through JSON-RPC. Diagnostics the server publishes are queued.
 */
final class LspSession implements AutoCloseable {
  private final BlockingQueue<PublishDiagnosticsParams> diagnostics = new LinkedBlockingQueue<>();
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final PipedOutputStream toServer = new PipedOutputStream();
  private final PipedOutputStream toClient = new PipedOutputStream();
  final LanguageServer server;

  LspSession(NncLanguageServer implementation) throws Exception {
    PipedInputStream serverIn = new PipedInputStream(toServer, 1 << 16);
    PipedInputStream clientIn = new PipedInputStream(toClient, 1 << 16);
    Launcher<LanguageClient> serverSide = new LSPLauncher.Builder<LanguageClient>()
        .setLocalService(implementation).setRemoteInterface(LanguageClient.class)
        .setInput(serverIn).setOutput(toClient).setExecutorService(threads).create();
    implementation.connect(serverSide.getRemoteProxy());
    serverSide.startListening();
    Launcher<LanguageServer> clientSide = LSPLauncher.createClientLauncher(new Client(), clientIn, toServer, threads, null);
    clientSide.startListening();
    server = clientSide.getRemoteProxy();
    InitializeParams init = new InitializeParams();
    init.setCapabilities(new ClientCapabilities());
    server.initialize(init).get(10, TimeUnit.SECONDS);
  }

  /** The next diagnostics the server publishes, waiting for them. */
  PublishDiagnosticsParams nextDiagnostics() throws InterruptedException {
    PublishDiagnosticsParams next = diagnostics.poll(10, TimeUnit.SECONDS);
    if (next == null) {
      throw new AssertionError("the server published no diagnostics");
    }
    return next;
  }

  /** The diagnostics published so far and not yet taken, taken now. */
  List<PublishDiagnosticsParams> drainDiagnostics() {
    List<PublishDiagnosticsParams> published = new java.util.ArrayList<>();
    diagnostics.drainTo(published);
    return published;
  }

  @Override
  public void close() throws IOException {
    toServer.close();
    toClient.close();
    threads.shutdownNow();
  }

  private final class Client implements LanguageClient {
    @Override
    public void publishDiagnostics(PublishDiagnosticsParams params) {
      diagnostics.add(params);
    }

    @Override
    public void telemetryEvent(Object object) {}

    @Override
    public void showMessage(MessageParams params) {}

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams params) {
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void logMessage(MessageParams params) {}
  }
}

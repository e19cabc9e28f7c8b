package dev.nnc.cli;

import dev.nnc.lsp.NncLanguageServer;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import picocli.CommandLine.Command;

@Command(name = "lsp", description = "Runs the language server for editors, speaking LSP on standard input and output.")
final class LspCommand implements Callable<Integer> {

  @Override
  public Integer call() throws InterruptedException, ExecutionException {
    InputStream in = System.in;
    PrintStream out = System.out;
    // Standard output carries the protocol; anything else printed there would corrupt it.
    System.setOut(System.err);
    NncLanguageServer server = new NncLanguageServer(System.err);
    Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, in, out);
    server.connect(launcher.getRemoteProxy());
    Future<Void> listening = launcher.startListening();
    // The client closing the streams without `exit` ends the session too; as the protocol says, with 1.
    CompletableFuture<Integer> closed = CompletableFuture.supplyAsync(() -> endOf(listening));
    return (Integer) CompletableFuture.anyOf(closed, server.exited()).get();
  }

  private static int endOf(Future<Void> listening) {
    try {
      listening.get();
    } catch (InterruptedException | ExecutionException e) {
      System.err.println("nnc lsp: the connection ended: " + e.getMessage());
    }
    return 1;
  }
}

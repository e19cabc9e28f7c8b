package dev.nnc.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.junit.jupiter.api.Test;

/**
 * The language server under a stream of edits, as an editor sends them: a 2,000-line document made
 * of the samples and test programs, changed thousands of times by incremental {@code didChange}s that
 * splice in pieces of the fuzz corpus (the seeds, and the inputs the fuzzer kept), delete ranges and
 * type characters, with a hover, completion or definition request at a random position after most
 * edits. No request fails or goes unanswered, the server logs no failure (each would be a bug it
 * hid from the client), the 99th percentile of answer times stays under 1 s, and the heap after the
 * run is about what it was early on.
 *
 * <p>{@code -Dnnc.lspEdits=N} sets the number of edits (2,000 by default; RELIABILITY.md has a longer
 * run) and {@code -Dnnc.lspSeed=N} replays one.
 */
class LanguageServerStressTest {
  private static final String URI = Path.of("build/stress.nn").toAbsolutePath().toUri().toString();
  private static final int LINES = 2_000;
  private static final List<Path> MATERIAL = List.of(
      Path.of("..", "samples"),
      Path.of("src", "test", "resources", "programs"),
      Path.of("src", "test", "resources", "negative"),
      Path.of("src", "test", "resources", "dev", "nnc", "compiler", "fuzz", "FrontEndFuzzTestInputs"));
  private static final String TYPED = " ->()[]{}:,=.\n\"0123456789abcdefghijklmnopqrstuvwxyz_";
  /** Every so many edits the document goes back to its first text, as after an undo, so it keeps declarations to look up. */
  private static final int RESTORE_EVERY = 250;

  @Test
  void thousandsOfEditsWithRequestsBetweenThemAreAnsweredFastWithoutFailures() throws Exception {
    int edits = Integer.getInteger("nnc.lspEdits", 2_000);
    long seed = Long.getLong("nnc.lspSeed", System.nanoTime());
    String replay = " (replay with -Dnnc.lspSeed=" + seed + ")";
    Random random = new Random(seed);
    List<String> pieces = material();
    String original = document(pieces);
    assertEquals(LINES, original.lines().count());

    ByteArrayOutputStream log = new ByteArrayOutputStream();
    try (LspSession session = new LspSession(new NncLanguageServer(new PrintStream(log, true, StandardCharsets.UTF_8)))) {
      TextDocumentService documents = session.server.getTextDocumentService();
      documents.didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(URI, "nn", 1, original)));
      String text = original;
      List<Long> answerNanos = new ArrayList<>();
      long heapEarly = 0;
      for (int i = 1; i <= edits; i++) {
        Edit edit = i % RESTORE_EVERY == 0 ? new Edit(0, text.length(), original) : edit(random, text, pieces);
        documents.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(URI, i + 1),
            List.of(new TextDocumentContentChangeEvent(range(text, edit.start, edit.end), edit.text))));
        text = text.substring(0, edit.start) + edit.text + text.substring(edit.end);
        if (random.nextInt(4) != 0) {
          answerNanos.add(request(documents, random, text, replay));
        }
        requireNoFailure(session.drainDiagnostics(), log, replay);
        if (i == Math.min(edits, 200)) {
          heapEarly = heapInUse();
        }
      }
      // A last request sees the text the client holds: the server applied every change as the client did.
      documents.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(URI, edits + 2),
          List.of(new TextDocumentContentChangeEvent(range(text, 0, text.length()), original))));
      request(documents, random, original, replay);
      requireNoFailure(session.drainDiagnostics(), log, replay);
      long heapEnd = heapInUse();

      long[] sorted = answerNanos.stream().mapToLong(Long::longValue).sorted().toArray();
      double p50 = sorted[sorted.length / 2] / 1e6;
      double p99 = sorted[(int) (sorted.length * 0.99)] / 1e6;
      double max = sorted[sorted.length - 1] / 1e6;
      System.out.printf("LanguageServerStressTest: %,d edits, %,d requests; answers p50 %.1f ms, p99 %.1f ms, max %.1f ms;"
          + " heap in use %d MiB after 200 edits, %d MiB at the end%s%n", edits, sorted.length, p50, p99, max,
          heapEarly >> 20, heapEnd >> 20, replay);
      assertTrue(p99 < 1000, "p99 " + p99 + " ms" + replay);
      assertTrue(heapEnd < heapEarly + (64L << 20), "the heap grew from " + (heapEarly >> 20) + " MiB to "
          + (heapEnd >> 20) + " MiB" + replay);
    }
  }

  private record Edit(int start, int end, String text) {}

  /** A deletion, a splice of corpus text, or a typed character, at a random place. */
  private static Edit edit(Random random, String text, List<String> pieces) {
    int start = random.nextInt(text.length() + 1);
    return switch (random.nextInt(4)) {
      case 0 -> new Edit(start, Math.min(text.length(), start + random.nextInt(80)), "");
      case 1 -> new Edit(start, start, slice(random, pieces));
      case 2 -> new Edit(start, Math.min(text.length(), start + random.nextInt(40)), slice(random, pieces));
      default -> new Edit(start, start, String.valueOf(TYPED.charAt(random.nextInt(TYPED.length()))));
    };
  }

  private static String slice(Random random, List<String> pieces) {
    String piece = pieces.get(random.nextInt(pieces.size()));
    int from = random.nextInt(piece.length());
    return piece.substring(from, Math.min(piece.length(), from + 1 + random.nextInt(120)));
  }

  /** Asks one of hover, completion and definition at a random place; returns how long the answer took. */
  private static long request(TextDocumentService documents, Random random, String text, String replay) throws Exception {
    TextDocumentIdentifier id = new TextDocumentIdentifier(URI);
    Position at = position(text, random.nextInt(text.length() + 1));
    long start = System.nanoTime();
    CompletableFuture<?> answer = switch (random.nextInt(3)) {
      case 0 -> documents.hover(new HoverParams(id, at));
      case 1 -> documents.completion(new CompletionParams(id, at));
      default -> documents.definition(new DefinitionParams(id, at));
    };
    answer.get(30, TimeUnit.SECONDS);  // a failed request throws here: the exception reached the client
    return System.nanoTime() - start;
  }

  private static void requireNoFailure(List<PublishDiagnosticsParams> published, ByteArrayOutputStream log, String replay) {
    String logged = log.toString(StandardCharsets.UTF_8);
    assertTrue(logged.isEmpty(), () -> "the server failed:\n" + logged + replay);
    for (PublishDiagnosticsParams params : published) {
      params.getDiagnostics().forEach(d -> assertTrue(!d.getMessage().contains("a bug in nnc"), d.getMessage() + replay));
    }
  }

  private static long heapInUse() throws InterruptedException {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }

  private static Range range(String text, int start, int end) {
    return new Range(position(text, start), position(text, end));
  }

  /** The protocol's position of {@code offset}: 0-based line and UTF-16 character. */
  private static Position position(String text, int offset) {
    int line = 0;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new Position(line, offset - lineStart);
  }

  /** The first {@link #LINES} lines of the material, repeated as often as it takes. */
  private static String document(List<String> pieces) {
    List<String> lines = new ArrayList<>();
    while (lines.size() < LINES) {
      for (String piece : pieces) {
        lines.addAll(Arrays.asList(piece.split("\n", -1)));
      }
    }
    return String.join("\n", lines.subList(0, LINES)) + "\n";
  }

  private static List<String> material() throws IOException {
    List<String> pieces = new ArrayList<>();
    for (Path root : MATERIAL) {
      try (Stream<Path> tree = Files.walk(root)) {
        for (Path file : tree.filter(Files::isRegularFile)
            .filter(p -> p.toString().endsWith(".nn") || p.toString().contains("FrontEndFuzzTestInputs"))
            .filter(p -> !p.toString().contains("target") && !p.toString().contains("/build/")).sorted().toList()) {
          String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).replace("\r", "");
          if (!text.isEmpty()) {
            pieces.add(text);
          }
        }
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }
    return pieces;
  }
}

package dev.nnc.bench;

import dev.nnc.runtime.data.Batch;
import dev.nnc.runtime.data.Dataset;
import dev.nnc.runtime.data.SkipGrams;
import dev.nnc.runtime.data.Words;
import dev.nnc.runtime.data.text.TextLines;
import dev.nnc.runtime.data.text.TokenCounts;
import dev.nnc.runtime.data.text.Tokenizer;
import dev.nnc.runtime.data.text.Vocabulary;
import dev.nnc.runtime.data.text.VocabularyCache;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The word sources on the Brown corpus ({@code brown/brown.txt} under --data-dir, 1.16M words):
 * reading it and building its vocabulary (the first time in the JVM, as the checker does it, and
 * warm), a cached lookup, loading {@code words} and {@code skipgrams}, and the records per second
 * their batches deliver, as the trainer's prefetch thread gathers them.
 */
final class WordsBench {
  static final double LOAD_LIMIT_S = 5;
  private static final int SKIPGRAM_RECORDS = 4_000_000;
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private WordsBench() {}

  static void run(Path dataDir, int reps) {
    Path brown = dataDir.resolve("brown").resolve("brown.txt");
    Vocabulary.Options wordOptions = new Vocabulary.Options(20000, 1);
    System.out.printf("word data on %s, %d rounds%n", brown, reps);

    List<Double> loads = new ArrayList<>();
    Vocabulary vocabulary = null;
    for (int rep = 0; rep <= reps; rep++) {
      long start = System.nanoTime();
      long cpuStart = CPU.getCurrentThreadCpuTime();
      TokenCounts counts = TokenCounts.of(TextLines.read(brown).lines(), Tokenizer.words());
      vocabulary = Vocabulary.of(counts.counts(), wordOptions, brown.toString());
      double s = seconds(start);
      if (rep == 0) {
        System.out.printf("  read + tokenize + vocabulary, first in this JVM: %.2f s, %.2f CPU-s of this thread"
            + " (%,d tokens, %,d distinct, vocabulary %,d) (required < %.0f s: %s)%n", s,
            (CPU.getCurrentThreadCpuTime() - cpuStart) / 1e9, counts.total(), counts.counts().size(),
            vocabulary.size(), LOAD_LIMIT_S, s < LOAD_LIMIT_S ? "ok" : "TOO SLOW");
      } else {
        loads.add(s);
      }
    }
    System.out.printf("  read + tokenize + vocabulary, warm: median %.2f s (min %.2f)%n",
        Results.median(loads), Results.min(loads));

    VocabularyCache cache = new VocabularyCache();
    long start = System.nanoTime();
    cache.vocabulary(brown, Tokenizer.words(), TextLines.Part.WHOLE, "\t", wordOptions);
    double miss = seconds(start);
    List<Double> hits = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      start = System.nanoTime();
      cache.vocabulary(brown, Tokenizer.words(), TextLines.Part.WHOLE, "\t", wordOptions);
      hits.add(seconds(start));
    }
    System.out.printf("  cache: first lookup %.2f s; the next: %.3f ms the first, median %.3f ms over 100%n", miss,
        hits.get(0) * 1e3, Results.median(hits) * 1e3);

    start = System.nanoTime();
    Dataset words = Words.load(brown, 32, wordOptions, true);
    System.out.printf("  words(seq: 32) load: %.2f s, %s%n", seconds(start), words);
    Dataset shuffled = words.shuffle(words.size());
    rates("words windows, shuffled, batch 64", "windows", shuffled, 64, "tokens", reps);

    start = System.nanoTime();
    Dataset skipgrams = SkipGrams.load(brown, new SkipGrams.Options(5, 5, new Vocabulary.Options(20000, 5), 1e-3, true));
    System.out.printf("  skipgrams(window: 5, negatives: 5, min_count: 5, subsample: 1e-3) load: %.2f s,"
        + " %,d records an epoch (vocabulary %,d)%n", seconds(start), skipgrams.size(),
        skipgrams.vocabulary("word").size());
    Dataset part = skipgrams.take(Math.min(SKIPGRAM_RECORDS, skipgrams.size()));
    rates(String.format("skipgrams pairs, batch 1024, %,d records a round", part.size()), "pairs", part, 1024,
        "context", reps);
  }

  /** Rounds of whole epochs, wall clock and CPU time alternating, after one round of warm-up. */
  private static void rates(String what, String unit, Dataset data, int batch, String field, int reps) {
    recordsPerSecond(data, batch, 0, field, false);
    List<Double> wall = new ArrayList<>();
    List<Double> cpu = new ArrayList<>();
    for (int rep = 1; rep <= reps; rep++) {
      wall.add(recordsPerSecond(data, batch, 2 * rep - 1, field, false));
      cpu.add(recordsPerSecond(data, batch, 2 * rep, field, true));
    }
    System.out.printf("  %s: median %,.0f %s/s (min %,.0f), %,.0f %s/CPU-s%n", what, Results.median(wall), unit,
        Results.min(wall), Results.median(cpu), unit);
  }

  /**
   * Records per second over one epoch of batches of {@code batch}; with {@code cpu}, per second of
   * this thread's CPU time instead, which on a busy shared machine says more than the wall clock.
   */
  private static double recordsPerSecond(Dataset data, int batch, int epoch, String field, boolean cpu) {
    long start = cpu ? CPU.getCurrentThreadCpuTime() : System.nanoTime();
    long sink = 0;
    int records = 0;
    for (Iterator<Batch> it = data.batches(batch, 1, epoch); it.hasNext(); ) {
      Batch b = it.next();
      sink += b.ints(field)[b.size() - 1];
      records += b.size();
      b.release();
    }
    if (sink < 0) {
      throw new IllegalStateException("a negative id");
    }
    return records * 1e9 / ((cpu ? CPU.getCurrentThreadCpuTime() : System.nanoTime()) - start);
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}

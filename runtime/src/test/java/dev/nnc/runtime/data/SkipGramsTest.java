package dev.nnc.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.runtime.data.text.Vocabulary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The distributions are checked with fixed seeds, against bounds several standard errors wide. */
class SkipGramsTest {
  @TempDir Path dir;

  private static SkipGrams.Options options(int window, int negatives, double subsample) {
    return new SkipGrams.Options(window, negatives, new Vocabulary.Options(1000, 1), subsample, true);
  }

  private record Pair(int word, int context, boolean positive) {}

  private static void eachPair(Dataset data, int epochs, Consumer<Pair> pairs) {
    for (int epoch = 0; epoch < epochs; epoch++) {
      for (Iterator<Batch> it = data.batches(512, 7, epoch); it.hasNext(); ) {
        Batch batch = it.next();
        int[] word = batch.ints("word");
        int[] context = batch.ints("context");
        float[] label = batch.floats("is_context");
        for (int i = 0; i < batch.size(); i++) {
          pairs.accept(new Pair(word[i], context[i], label[i] == 1));
        }
      }
    }
  }

  /** {@code counts[i]} copies of the word {@code words[i]} in one line, in an order fixed by a seed. */
  private Path line(String[] words, int[] counts) throws IOException {
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < words.length; i++) {
      tokens.addAll(Collections.nCopies(counts[i], words[i]));
    }
    Collections.shuffle(tokens, new Random(1));
    return Files.writeString(dir.resolve("line.txt"), String.join(" ", tokens) + "\n");
  }

  @Test
  void hasTheFieldsSkipGramReadsAndAsManyRecordsAsOnePassMakes() throws IOException {
    Path file = Files.writeString(dir.resolve("s.txt"), "a b c d\n");
    Dataset data = SkipGrams.load(file, options(1, 2, 0));
    assertEquals(List.of(Field.ints("word", 1), Field.ints("context", 1), Field.floats("is_context")), data.fields());
    assertEquals(List.of("<pad>", "<unk>", "<start>", "<end>", "a", "b", "c", "d"), data.vocabulary("word"));
    // Window 1 over four words: 6 pairs, each with 2 negatives.
    assertEquals(18, data.size());
  }

  @Test
  void pairsNeverCrossALine() throws IOException {
    Path file = Files.writeString(dir.resolve("s.txt"), "a b\nc d\n".repeat(20));
    Dataset data = SkipGrams.load(file, options(3, 0, 0));
    assertEquals(80, data.size());
    // a b c d are ids 4 5 6 7.
    Set<List<Integer>> allowed = Set.of(List.of(4, 5), List.of(5, 4), List.of(6, 7), List.of(7, 6));
    eachPair(data, 3, pair -> assertTrue(allowed.contains(List.of(pair.word(), pair.context())), pair.toString()));
  }

  @Test
  void nearerWordsArePairedMoreOftenAsTheDrawnWindowReachesThem() throws IOException {
    // w0 .. w9 over and over: the distance is the difference of the ids, modulo 10.
    String cycle = String.join(" ", List.of("w0", "w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8", "w9"));
    Path file = Files.writeString(dir.resolve("s.txt"), (cycle + " ").repeat(100) + "\n");
    int[] byDistance = new int[10];
    eachPair(SkipGrams.load(file, options(3, 0, 0)), 15, pair -> byDistance[Math.floorMod(pair.context() - pair.word(), 10)]++);
    double total = java.util.Arrays.stream(byDistance).sum();
    assertTrue(total > 50_000, "drew " + total);
    assertEquals(0, byDistance[0] + byDistance[4] + byDistance[5] + byDistance[6]);
    // P(window >= d) for d = 1, 2, 3 of window 3: 3/3, 2/3, 1/3, so shares 1/2, 1/3, 1/6, half each side.
    double[] expected = {1 / 4.0, 1 / 6.0, 1 / 12.0};
    for (int d = 1; d <= 3; d++) {
      assertEquals(expected[d - 1], byDistance[d] / total, 0.01, "distance +" + d);
      assertEquals(expected[d - 1], byDistance[10 - d] / total, 0.01, "distance -" + d);
    }
  }

  @Test
  void negativesComeFromTheCountsToTheThreeQuartersAndNeverAreTheWordItself() throws IOException {
    Path file = line(new String[] {"a", "b", "c"}, new int[] {400, 100, 25});
    int[][] counts = new int[8][8];
    int[] labels = new int[2];
    eachPair(SkipGrams.load(file, options(2, 5, 0)), 10, pair -> {
      labels[pair.positive() ? 1 : 0]++;
      if (!pair.positive()) {
        counts[pair.word()][pair.context()]++;
      }
    });
    // a b c are ids 4 5 6; to the 3/4: 400 -> 89.4, 100 -> 31.6, 25 -> 11.2.
    assertEquals(1 / 6.0, labels[1] / (double) (labels[0] + labels[1]), 0.005);
    for (int w = 4; w <= 6; w++) {
      assertEquals(0, counts[w][w], "a negative of a word with itself");
    }
    assertEquals(Math.pow(100 / 25.0, 0.75), counts[4][5] / (double) counts[4][6], 0.25);
    assertEquals(Math.pow(400 / 25.0, 0.75), counts[5][4] / (double) counts[5][6], 0.6);
    assertEquals(Math.pow(400 / 100.0, 0.75), counts[6][4] / (double) counts[6][5], 0.3);
  }

  @Test
  void subsamplingDropsFrequentWordsByMikolovsRule() throws IOException {
    String[] words = new String[51];
    int[] counts = new int[51];
    words[0] = "the";
    counts[0] = 500;
    for (int i = 1; i <= 50; i++) {
      words[i] = "w" + i;
      counts[i] = 10;
    }
    Path file = line(words, counts);
    // t = 0.01: 'the' (f = 0.5) is kept with probability (sqrt(50) + 1) * 0.02 = 0.161, the others
    // (f = 0.01) always; so 'the' is the word of 500 * 0.161 / (500 * 0.161 + 500) of the pairs.
    double keep = (Math.sqrt(50) + 1) * 0.02;
    double expected = 500 * keep / (500 * keep + 500);
    int[] seen = new int[2];
    eachPair(SkipGrams.load(file, options(2, 0, 0.01)), 20, pair -> seen[pair.word() == 4 ? 1 : 0]++);
    assertEquals(expected, seen[1] / (double) (seen[0] + seen[1]), 0.01);

    int[] unsampled = new int[2];
    eachPair(SkipGrams.load(file, options(2, 0, 0)), 5, pair -> unsampled[pair.word() == 4 ? 1 : 0]++);
    assertEquals(0.5, unsampled[1] / (double) (unsampled[0] + unsampled[1]), 0.02);
  }

  @Test
  void theSameSeedAndEpochDrawTheSamePairsAndAnotherEpochOthers() throws IOException {
    Path file = Files.writeString(dir.resolve("s.txt"), "the cat sat on the mat and the dog sat too\n".repeat(5));
    Dataset data = SkipGrams.load(file, options(2, 3, 0.05));
    int[] first = data.batches(1000, 7, 0).next().ints("context");
    assertArrayEquals(first, data.batches(1000, 7, 0).next().ints("context"));
    assertArrayEquals(first, SkipGrams.load(file, options(2, 3, 0.05)).batches(1000, 7, 0).next().ints("context"));
    assertFalse(java.util.Arrays.equals(first, data.batches(1000, 7, 1).next().ints("context")));
    assertFalse(java.util.Arrays.equals(first, data.batches(1000, 8, 0).next().ints("context")));
    // Batching does not change the draws.
    int[] small = data.batches(10, 7, 0).next().ints("context");
    assertArrayEquals(java.util.Arrays.copyOf(first, 10), small);
  }

  @Test
  void reportsAVocabularyOfOneWordAndLinesWithoutPairs() throws IOException {
    Path one = Files.writeString(dir.resolve("one.txt"), "a a a\n");
    assertEquals(one + ": skipgrams needs at least 2 words in the vocabulary for negatives, found 1; lower min_count",
        assertThrows(DataException.class, () -> SkipGrams.load(one, options(2, 1, 0))).getMessage());
    Path single = Files.writeString(dir.resolve("single.txt"), "a\nb\n");
    assertEquals(single + ": no line has two words of the vocabulary, so there are no pairs of a word and its context",
        assertThrows(DataException.class, () -> SkipGrams.load(single, options(2, 1, 0))).getMessage());
  }
}

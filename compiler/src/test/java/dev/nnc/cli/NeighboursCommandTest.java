package dev.nnc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.runtime.data.text.Vocabulary;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nnc neighbours} on a skip-gram model trained here on a corpus of two kinds of lines, the
 * weekdays in random orders and the number words in random orders: each word's nearest words are
 * of its own kind, since they share its contexts; the export keeps the vocabulary that names them.
 */
class NeighboursCommandTest {
  private static final List<String> DAYS = List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");
  private static final List<String> NUMBERS = List.of("one", "two", "three", "four", "five", "six", "seven");

  @TempDir static Path dir;
  private static Path model;

  private record Run(int status, String out, String err) {}

  private static Run nnc(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Nnc.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(status, out.toString(), err.toString());
  }

  @BeforeAll
  static void trainASkipGram() throws Exception {
    Random random = new Random(7);
    StringBuilder corpus = new StringBuilder();
    for (int line = 0; line < 300; line++) {
      List<String> words = new ArrayList<>(line % 2 == 0 ? DAYS : NUMBERS);
      Collections.shuffle(words, random);
      corpus.append(String.join(" ", words)).append('\n');
    }
    Files.writeString(dir.resolve("corpus.txt"), corpus);
    model = dir.resolve("vectors");
    Path program = Files.writeString(dir.resolve("w2v.nn"), """
        import std.text
        data corpus {
          train = skipgrams("corpus.txt", window: 3, negatives: 3, min_count: 1, subsample: 0)
        }
        train vectors {
          model: SkipGram(vocab: corpus.train.vocab, dim: 16)
          data: corpus.train
          loss: bce(logit, is_context)
          optimizer: adam(lr: 0.01)
          batch: 256
          epochs: 2
          export: "%s"
          seed: 3
        }
        """.formatted(model.toString().replace("\\", "/")));
    Run train = nnc("train", program.toString(), "--log-dir", dir.resolve("logs").toString(), "--progress", "lines");
    assertEquals(0, train.status(), train.err());
  }

  @Test
  void theExportKeepsTheVocabularyOfEachWordInput() {
    Vocabulary words = Vocabulary.load(model.resolve("assets/vocabulary/word.txt"));
    assertEquals(4 + 14, words.size());
    assertEquals(Vocabulary.SPECIALS, words.words().subList(0, 4));
    assertTrue(words.words().containsAll(DAYS) && words.words().containsAll(NUMBERS), words.words().toString());
    assertEquals(words.words(), Vocabulary.load(model.resolve("assets/vocabulary/context.txt")).words());
  }

  @Test
  void theNearestWordsAreOfTheSameKind() {
    Run run = nnc("neighbours", "--model", model.toString(), "monday", "three", "--top", "4");

    assertEquals(0, run.status(), run.err());
    String[] lines = run.out().split("\n");
    assertEquals(2, lines.length, run.out());
    assertTrue(lines[0].startsWith("monday: "), run.out());
    assertEquals(4, neighbours(lines[0]).size(), run.out());
    assertTrue(DAYS.containsAll(neighbours(lines[0])), run.out());
    assertTrue(NUMBERS.containsAll(neighbours(lines[1])), run.out());
  }

  @Test
  void exportsTheVectorsInWord2vecTextFormatFromTheChosenWeight() throws Exception {
    Path vectors = dir.resolve("vectors.txt");
    Run run = nnc("neighbours", "--model", model.toString(), "--weight", "embedding_2.embeddings",
        "--export-vectors", vectors.toString());

    assertEquals(0, run.status(), run.err());
    List<String> lines = Files.readAllLines(vectors);
    // Every token but <pad>, whose row is never trained: 3 specials and 14 words.
    assertEquals("17 16", lines.get(0));
    assertEquals(18, lines.size());
    assertEquals(17, lines.get(1).split(" ").length);
    assertEquals("<unk>", lines.get(1).split(" ")[0]);
  }

  @Test
  void aWordOutsideTheVocabularyOrAnUnknownWeightIsAnError() {
    Run word = nnc("neighbours", "--model", model.toString(), "eight");
    assertEquals(1, word.status());
    assertEquals("error: 'eight' is not in the vocabulary (14 words and the specials)\n", word.err());

    Run weight = nnc("neighbours", "--model", model.toString(), "--weight", "dense.kernel", "one");
    assertEquals(1, weight.status());
    assertEquals("error: " + model + " has no weight dense.kernel; it has model.embedding.embeddings,"
        + " model.embedding_2.embeddings\n", weight.err());
  }

  private static List<String> neighbours(String line) {
    return Arrays.stream(line.substring(line.indexOf(": ") + 2).split(", ")).map(n -> n.split(" ")[0]).toList();
  }
}

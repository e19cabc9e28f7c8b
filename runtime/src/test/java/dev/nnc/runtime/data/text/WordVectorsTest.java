package dev.nnc.runtime.data.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nnc.runtime.data.DataException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordVectorsTest {
  @TempDir Path dir;

  // Days point one way, numbers another; 'monday' and 'tuesday' nearly the same way.
  private static final Vocabulary VOCABULARY = Vocabulary.ofTable(
      List.of("<pad>", "<unk>", "<start>", "<end>", "monday", "one", "tuesday", "two", "friday"));
  private static final float[] MATRIX = {
      0, 0, /* <unk> */ 0.5f, 0.5f, /* <start> */ 1, 0, /* <end> */ 0, 1,
      /* monday */ 1, 0.1f, /* one */ 0.1f, 1, /* tuesday */ 2, 0.3f, /* two */ 0, 3, /* friday */ 1, -0.2f};

  @Test
  void findsTheNearestWordsByCosineSimilarityLeavingOutTheWordAndTheSpecials() {
    WordVectors vectors = new WordVectors(VOCABULARY, MATRIX, 2);
    List<WordVectors.Neighbour> nearest = vectors.nearest("monday", 2);
    assertEquals(List.of("tuesday", "friday"), nearest.stream().map(WordVectors.Neighbour::word).toList());
    double expected = (1 * 2 + 0.1 * 0.3) / (Math.hypot(1, 0.1) * Math.hypot(2, 0.3));
    assertEquals(expected, nearest.get(0).similarity(), 1e-6);
    // Fewer words than asked for: all of them, the least similar (pointing away) last.
    assertEquals(List.of("two", "tuesday", "monday", "friday"),
        vectors.nearest("one", 5).stream().map(WordVectors.Neighbour::word).toList());
  }

  @Test
  void reportsAWordNotInTheVocabularyAndAMatrixOfTheWrongSize() {
    WordVectors vectors = new WordVectors(VOCABULARY, MATRIX, 2);
    assertEquals("'sunday' is not in the vocabulary (5 words and the specials)",
        assertThrows(DataException.class, () -> vectors.nearest("sunday", 3)).getMessage());
    assertEquals("the embedding holds 18 values, which are not 9 rows (one per token of the vocabulary) of 3",
        assertThrows(DataException.class, () -> new WordVectors(VOCABULARY, MATRIX, 3)).getMessage());
  }

  @Test
  void writesTheWord2vecTextFormatWithoutPad() throws IOException {
    Path file = dir.resolve("vectors.txt");
    new WordVectors(VOCABULARY, MATRIX, 2).write(file);
    List<String> lines = Files.readAllLines(file);
    assertEquals("8 2", lines.get(0));
    assertEquals("<unk> 0.5 0.5", lines.get(1));
    assertEquals("monday 1.0 0.1", lines.get(4));
    assertEquals("friday 1.0 -0.2", lines.get(8));
    assertEquals(9, lines.size());
  }
}

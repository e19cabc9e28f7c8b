package dev.nnc.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.runtime.data.text.Vocabulary;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordsTest {
  @TempDir Path dir;

  @Test
  void cutsTheTokensIntoWindowsAndTheWindowsOneTokenLaterEachLineEndedByEnd() throws IOException {
    Path file = Files.writeString(dir.resolve("w.txt"), "The cat sat.\n\nthe dog sat\n");
    Dataset data = Words.load(file, 3, new Vocabulary.Options(100, 1), true);

    assertEquals(List.of(Field.ints("tokens", 3), Field.ints("next", 3)), data.fields());
    // the 2, sat 2, then . cat dog once each, alphabetically.
    assertEquals(List.of("<pad>", "<unk>", "<start>", "<end>", "sat", "the", ".", "cat", "dog"), data.vocabulary("tokens"));
    // the cat sat . <end> the dog sat <end>: 9 tokens, two windows of 3 and the token after each.
    assertEquals(2, data.size());
    Batch batch = data.batches(2, 0, 0).next();
    assertArrayEquals(new int[] {5, 7, 4, 6, 3, 5}, batch.ints("tokens"));
    assertArrayEquals(new int[] {7, 4, 6, 3, 5, 8}, batch.ints("next"));
  }

  @Test
  void rareWordsBecomeUnk() throws IOException {
    Path file = Files.writeString(dir.resolve("w.txt"), "a b a c a b\n");
    Dataset data = Words.load(file, 2, new Vocabulary.Options(100, 2), true);
    assertArrayEquals(new int[] {4, 5, 4, Vocabulary.UNK, 4, 5}, data.batches(3, 0, 0).next().ints("tokens"));
  }

  @Test
  void readsTheShippedBrownSlice() throws URISyntaxException {
    Path slice = Path.of(getClass().getResource("/brown/brown-slice.txt").toURI());
    Dataset data = Words.load(slice, 32, new Vocabulary.Options(20000, 1), true);
    List<String> vocabulary = data.vocabulary("tokens");
    assertEquals("the", vocabulary.get(4));
    assertTrue(vocabulary.contains("jury"));
    assertTrue(data.size() > 20, data.toString());
  }

  @Test
  void reportsATextTooShortForOneRecord() throws IOException {
    Path file = Files.writeString(dir.resolve("w.txt"), "a b\n");
    assertEquals(file + ": expected at least 5 tokens for one record of seq 4 (the <end> of each line counted,"
        + " and the token after the window), found 3",
        assertThrows(DataException.class, () -> Words.load(file, 4, new Vocabulary.Options(100, 1), true)).getMessage());
  }
}

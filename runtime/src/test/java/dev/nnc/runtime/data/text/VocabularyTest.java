package dev.nnc.runtime.data.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nnc.runtime.data.DataException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VocabularyTest {
  @TempDir Path dir;

  private static Vocabulary of(String text, int maxWords, int minCount) {
    return Vocabulary.of(TokenCounts.of(List.of(text), Tokenizer.words()).counts(),
        new Vocabulary.Options(maxWords, minCount), "t.txt");
  }

  @Test
  void specialsFirstThenWordsByFallingCountTiesInAlphabeticalOrder() {
    Vocabulary v = of("b a c b a d b e", 10, 1);
    assertEquals(List.of("<pad>", "<unk>", "<start>", "<end>", "b", "a", "c", "d", "e"), v.words());
    assertEquals(4, v.id("b"));
    assertEquals(Vocabulary.UNK, v.id("zebra"));
  }

  @Test
  void encodesATextAsARecordHoldsItAndDecodesAModelsOutputUpToEnd() {
    Vocabulary v = of("b a c b a d b e", 10, 1);
    assertArrayEquals(new int[] {4, 5, Vocabulary.UNK, 0, 0}, v.encode("B a zebra", Tokenizer.words(), 5));
    assertArrayEquals(new int[] {4, 5}, v.encode("b a c", Tokenizer.words(), 2));
    assertEquals("b a <unk>", v.decode(new int[] {Vocabulary.START, 4, 5, Vocabulary.UNK, Vocabulary.END, 6, 0},
        Tokenizer.words()));
    Vocabulary digits = Vocabulary.ofTable(List.of("<pad>", "<unk>", "<start>", "<end>", "5", "9", "6"));
    Tokenizer chars = new Tokenizer(Tokenizer.Unit.CHARS, true);
    assertEquals("596", digits.decode(digits.encode("596", chars, 4), chars));
  }

  @Test
  void keepsAtMostVocabWordsEachSeenMinCountTimes() {
    assertEquals(List.of("b", "a"), of("b a c b a d b e", 2, 1).words().subList(4, 6));
    assertEquals(6, of("b a c b a d b e", 2, 1).size());
    assertEquals(List.of("<pad>", "<unk>", "<start>", "<end>", "b", "a"), of("b a c b a d b e", 10, 2).words());
  }

  @Test
  void reportsNoTokensAndAMinCountThatLeavesNoWord() {
    assertEquals("t.txt: expected text to build a vocabulary from, found no tokens (the file is empty or white"
        + " space)", assertThrows(DataException.class, () -> of("  ", 10, 1)).getMessage());
    assertEquals("t.txt: min_count 4 leaves no word in the vocabulary: the most frequent, 'b', occurs 3 times;"
        + " give min_count at most 3", assertThrows(DataException.class, () -> of("b a b b", 10, 4)).getMessage());
  }

  @Test
  void savesOneTokenPerLineAndLoadsItBack() throws IOException {
    Vocabulary v = Vocabulary.of(Map.of("a", 3, "\t", 2, "back\\slash", 1, " ", 1), new Vocabulary.Options(10, 1), "x");
    Path file = dir.resolve("vocab.txt");
    v.save(file);
    assertEquals("<pad>\n<unk>\n<start>\n<end>\na\n\\t\n \nback\\\\slash\n", Files.readString(file));
    assertEquals(v.words(), Vocabulary.load(file).words());
  }

  @Test
  void reportsAVocabularyFileThatDoesNotStartWithTheSpecialsOrHasAWordTwice() throws IOException {
    Path noSpecials = Files.writeString(dir.resolve("a.txt"), "<pad>\nthe\n");
    assertEquals(noSpecials + ":2: expected <unk> (a vocabulary starts with <pad> <unk> <start> <end>), found 'the'",
        assertThrows(DataException.class, () -> Vocabulary.load(noSpecials)).getMessage());
    Path twice = Files.writeString(dir.resolve("b.txt"), "<pad>\n<unk>\n<start>\n<end>\nthe\na\nthe\n");
    assertEquals(twice + ":7: 'the' is in the vocabulary twice",
        assertThrows(DataException.class, () -> Vocabulary.load(twice)).getMessage());
    Path badEscape = Files.writeString(dir.resolve("c.txt"), "<pad>\n<unk>\n<start>\n<end>\na\\x\n");
    assertEquals(badEscape + ":5:2: expected \\\\, \\t, \\r or \\n (an escaped character), found a backslash and 'x'",
        assertThrows(DataException.class, () -> Vocabulary.load(badEscape)).getMessage());
  }
}

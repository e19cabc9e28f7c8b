package dev.nnc.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nnc.runtime.data.text.Tokenizer;
import dev.nnc.runtime.data.text.Vocabulary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PairsTest {
  @TempDir Path dir;
  private static final Tokenizer CHARS = new Tokenizer(Tokenizer.Unit.CHARS, true);

  private static Pairs.Options options(Tokenizer tokenizer, int sourceSeq, int targetSeq, boolean truncate) {
    return new Pairs.Options(tokenizer, sourceSeq, targetSeq, "\t", new Vocabulary.Options(100, 1), truncate);
  }

  @Test
  void givesTheSourceTheTargetAfterStartAndTheTargetBeforeEndPadded() throws IOException {
    Path file = Files.writeString(dir.resolve("add.tsv"), "12+3\t15\n5+5\t10\n");
    Dataset data = Pairs.load(file, options(CHARS, 5, 4, false));

    assertEquals(List.of(Field.ints("source", 5), Field.ints("target_in", 4), Field.ints("target", 4)), data.fields());
    // Sources: 1 twice, + twice, 5 twice, 2 once, 3 once; targets: 1 twice, 0 once, 5 once.
    List<String> source = data.vocabulary("source");
    List<String> target = data.vocabulary("target");
    assertEquals(List.of("+", "5", "1", "2", "3"), source.subList(4, 9));
    assertEquals(List.of("1", "0", "5"), target.subList(4, 7));
    Batch batch = data.batches(2, 0, 0).next();
    assertArrayEquals(new int[] {6, 7, 4, 8, 0, /* */ 5, 4, 5, 0, 0}, batch.ints("source"));
    assertArrayEquals(new int[] {2, 4, 6, 0, /* */ 2, 4, 5, 0}, batch.ints("target_in"));
    assertArrayEquals(new int[] {4, 6, 3, 0, /* */ 4, 5, 3, 0}, batch.ints("target"));
    // At inference a source is encoded as its record held it, and an output decoded up to <end>.
    assertArrayEquals(new int[] {6, 7, 4, 8, 0}, Vocabulary.ofTable(source).encode("12+3", CHARS, 5));
    assertEquals("15", Vocabulary.ofTable(target).decode(new int[] {4, 6, 3, 0}, CHARS));
  }

  @Test
  void cutsWordsOnEachSideWithVocabulariesOfTheirOwn() throws IOException {
    Path file = Files.writeString(dir.resolve("fr.tsv"), "Go.\tVa !\nGo now.\tVa maintenant.\n");
    Dataset data = Pairs.load(file, options(Tokenizer.words(), 4, 5, false));
    assertEquals(List.of(".", "go", "now"), data.vocabulary("source").subList(4, 7));
    assertEquals(List.of("va", "!", ".", "maintenant"), data.vocabulary("target_in").subList(4, 8));
    assertArrayEquals(new int[] {2, 4, 5, 0, 0, /* */ 2, 4, 7, 6, 0}, data.batches(2, 0, 0).next().ints("target_in"));
  }

  @Test
  void reportsAFileWithNoLines() throws IOException {
    Path file = Files.writeString(dir.resolve("empty.tsv"), "\n  \n");
    assertEquals(file + ": expected lines of a source, the separator \"\\t\" and a target, found no lines",
        assertThrows(DataException.class, () -> Pairs.load(file, options(CHARS, 5, 4, false))).getMessage());
  }

  @Test
  void reportsALineWithoutTheSeparatorAtItsEnd() throws IOException {
    Path file = Files.writeString(dir.resolve("add.tsv"), "1+1\t2\n\n2+2 4\n");
    assertEquals(file + ":3:6: expected the separator \"\\t\" between the two parts of the line, found the end of"
        + " the line", assertThrows(DataException.class, () -> Pairs.load(file, options(CHARS, 5, 4, false))).getMessage());
  }

  @Test
  void reportsASideTooLongAtItsFirstTokenThatDoesNotFitOrCutsItWithTruncate() throws IOException {
    Path file = Files.writeString(dir.resolve("add.tsv"), "1+1\t2\n100+1\t101\n");
    assertEquals(file + ":2:5: the source has 5 tokens, more than source_seq 4; give source_seq: 5 or truncate: true",
        assertThrows(DataException.class, () -> Pairs.load(file, options(CHARS, 4, 4, false))).getMessage());
    assertEquals(file + ":2:9: the target has 3 tokens, and with <end> more than target_seq 3 holds; give"
        + " target_seq: 4 or truncate: true",
        assertThrows(DataException.class, () -> Pairs.load(file, options(CHARS, 5, 3, false))).getMessage());

    Batch cut = Pairs.load(file, options(CHARS, 4, 3, true)).batches(2, 0, 0).next();
    List<String> target = Pairs.load(file, options(CHARS, 4, 3, true)).vocabulary("target");
    int one = target.indexOf("1");
    int zero = target.indexOf("0");
    assertArrayEquals(new int[] {2, target.indexOf("2"), 0, /* */ 2, one, zero}, cut.ints("target_in"));
    assertArrayEquals(new int[] {target.indexOf("2"), 3, 0, /* */ one, zero, 3}, cut.ints("target"));
  }
}

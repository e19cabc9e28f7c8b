package dev.nnc.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nnc.runtime.data.text.Tokenizer;
import dev.nnc.runtime.data.text.Vocabulary;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelledTextTest {
  @TempDir Path dir;
  private static final Vocabulary.Options OPTIONS = new Vocabulary.Options(100, 1);

  @Test
  void labelsAreTheSortedClassesAndTextsArePaddedOrCut() throws IOException {
    Path file = Files.writeString(dir.resolve("l.tsv"), "spam\tbuy now buy\nham\thello\nspam\tbuy it now , now\n");
    Dataset data = LabelledText.load(file, 3, Tokenizer.words(), "\t", OPTIONS);

    assertEquals(List.of(Field.ints("tokens", 3), Field.ints("label")), data.fields());
    assertEquals(List.of("ham", "spam"), data.vocabulary("label"));
    assertEquals(List.of("buy", "now", ",", "hello", "it"), data.vocabulary("tokens").subList(4, 9));
    Batch batch = data.batches(3, 0, 0).next();
    assertArrayEquals(new int[] {1, 0, 1}, batch.ints("label"));
    assertArrayEquals(new int[] {4, 5, 4, /* */ 7, 0, 0, /* */ 4, 8, 5}, batch.ints("tokens"));
  }

  @Test
  void readsTheShippedGenresSlice() throws URISyntaxException {
    Path slice = Path.of(getClass().getResource("/brown/brown-genres-slice.tsv").toURI());
    Dataset data = LabelledText.load(slice, 64, Tokenizer.words(), "\t", OPTIONS);
    assertEquals(List.of("humor", "news", "romance"), data.vocabulary("label"));
    assertEquals(24, data.size());
  }

  @Test
  void reportsAMissingLabelOrSeparatorOrAFileOfNoLines() throws IOException {
    Path empty = Files.writeString(dir.resolve("e.tsv"), "");
    assertEquals(empty + ": expected lines of a label, the separator \"\\t\" and a text, found no lines",
        assertThrows(DataException.class, () -> LabelledText.load(empty, 4, Tokenizer.words(), "\t", OPTIONS)).getMessage());
    Path noLabel = Files.writeString(dir.resolve("a.tsv"), "x\tfine\n \tno label\n");
    assertEquals(noLabel + ":2:1: expected a label before the separator \"\\t\", found none",
        assertThrows(DataException.class, () -> LabelledText.load(noLabel, 4, Tokenizer.words(), "\t", OPTIONS)).getMessage());
    Path noSeparator = Files.writeString(dir.resolve("b.tsv"), "x;fine\n", java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(noSeparator + ":1:7: expected the separator \"\\t\" between the two parts of the line, found the end"
        + " of the line",
        assertThrows(DataException.class, () -> LabelledText.load(noSeparator, 4, Tokenizer.words(), "\t", OPTIONS)).getMessage());
  }
}

package dev.nnc.runtime.data.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VocabularyCacheTest {
  @TempDir Path dir;
  private final VocabularyCache cache = new VocabularyCache();
  private final Vocabulary.Options options = new Vocabulary.Options(100, 1);

  private Vocabulary words(Path file) {
    return cache.vocabulary(file, Tokenizer.words(), TextLines.Part.WHOLE, "\t", options);
  }

  @Test
  void aSecondLookupOfAnUnchangedFileDoesNotReadIt() throws IOException {
    Path file = Files.writeString(dir.resolve("c.txt"), "one two two\n");
    FileTime modified = Files.getLastModifiedTime(file);
    Vocabulary first = words(file);
    // Same length and modification time but other words: a lookup that read the file would see them.
    Files.writeString(file, "six ten ten\n");
    Files.setLastModifiedTime(file, modified);

    assertSame(first, words(file));
    assertEquals(List.of("two", "one"), words(file).words().subList(4, 6));
  }

  @Test
  void readsAgainWhenTheFileChangesOrTheOptionsDiffer() throws IOException {
    Path file = Files.writeString(dir.resolve("c.txt"), "one two two\n");
    Vocabulary first = words(file);
    Files.writeString(file, "six ten ten\n");
    Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 2000));
    assertEquals(List.of("ten", "six"), words(file).words().subList(4, 6));

    Vocabulary chars = cache.vocabulary(file, new Tokenizer(Tokenizer.Unit.CHARS, true), TextLines.Part.WHOLE, "\t", options);
    assertEquals(List.of(" ", "e", "n", "t", "i", "s", "x"), chars.words().subList(4, 11));
    assertEquals(6, first.size());
  }

  @Test
  void keepsEachSideOfASeparatedFileAndItsLabels() throws IOException {
    Path file = Files.writeString(dir.resolve("p.tsv"), "b\tx y\na\tz\nb\tz\n");
    assertEquals(List.of("a", "b"), cache.classes(file, "\t"));
    assertEquals(List.of("b", "a"), cache.vocabulary(file, Tokenizer.words(), TextLines.Part.BEFORE, "\t", options)
        .words().subList(4, 6));
    assertEquals(List.of("z", "x", "y"), cache.vocabulary(file, Tokenizer.words(), TextLines.Part.AFTER, "\t", options)
        .words().subList(4, 7));
  }
}

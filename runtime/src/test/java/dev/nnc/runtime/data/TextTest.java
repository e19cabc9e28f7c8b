package dev.nnc.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextTest {
  @TempDir Path dir;

  @Test
  void cutsTheTextIntoWindowsAndTheWindowsOneCharacterLater() throws IOException {
    Path file = Files.writeString(dir.resolve("t.txt"), "abcabé!", StandardCharsets.UTF_8);
    Dataset data = Text.load(file, 3);

    assertEquals(List.of(Field.ints("chars", 3), Field.ints("next", 3)), data.fields());
    assertEquals(List.of("!", "a", "b", "c", "é"), data.vocabulary("chars"));
    assertEquals(2, data.size());
    Batch batch = data.batches(2, 0, 0).next();
    assertArrayEquals(new int[] {1, 2, 3, 1, 2, 4}, batch.ints("chars"));
    assertArrayEquals(new int[] {2, 3, 1, 2, 4, 0}, batch.ints("next"));
  }

  @Test
  void reportsATextTooShortForOneRecordAndBytesThatAreNotUtf8() throws IOException {
    Path shortText = Files.writeString(dir.resolve("short.txt"), "abc");
    assertEquals(shortText + ": expected at least 4 characters for one record of seq 3 (and the character"
        + " after it), found 3", assertThrows(DataException.class, () -> Text.load(shortText, 3)).getMessage());

    Path binary = Files.write(dir.resolve("bin.txt"), new byte[] {'a', 'b', (byte) 0xff, 'c'});
    assertEquals(binary + ": expected UTF-8 text, found a byte that is not UTF-8 at offset 2",
        assertThrows(DataException.class, () -> Text.load(binary, 1)).getMessage());
  }
}

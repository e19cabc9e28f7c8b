package dev.nnc.runtime.data.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextLinesTest {
  @TempDir Path dir;

  @Test
  void keepsTheLinesThatAreNotBlankWithTheirNumbersAndDropsCarriageReturns() throws IOException {
    TextLines lines = TextLines.read(Files.writeString(dir.resolve("l.txt"), "one\r\n\r\n  \ntwo\tsides\nlast"));
    assertEquals(List.of("one", "two\tsides", "last"), lines.lines());
    assertEquals(List.of(1, 4, 5), List.of(lines.number(0), lines.number(1), lines.number(2)));
    assertEquals(dir.resolve("l.txt") + ":4:5", lines.at(1, 4));
  }

  @Test
  void splitsEachLineAtItsFirstSeparator() throws IOException {
    TextLines lines = TextLines.read(Files.writeString(dir.resolve("l.tsv"), "a\tb\tc\n b \td\n"));
    assertEquals(List.of("a", " b "), lines.part(TextLines.Part.BEFORE, "\t"));
    assertEquals(List.of("b\tc", "d"), lines.part(TextLines.Part.AFTER, "\t"));
    assertEquals(List.of("a", "b"), lines.labels("\t"));
  }
}

package dev.nnc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nnc data} on the word sources: tokenized records shown as their words, bad lines at their place. */
class WordDataCommandTest {
  @TempDir Path dir;

  private record Run(int status, String out, String err) {}

  private static Run nnc(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Nnc.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(status, out.toString(), err.toString());
  }

  private Path program(String split) throws Exception {
    return Files.writeString(dir.resolve("words.nn"), "data text {\n  all = " + split + "\n}\n");
  }

  @Test
  void pairsArePreviewedAsTheirCharactersWithStartAndEnd() throws Exception {
    Files.writeString(dir.resolve("sums.tsv"), "535+61\t596\n1+2\t3\n");
    Path program = program("pairs(\"sums.tsv\", tokens: chars, source_seq: 7, target_seq: 5)");

    Run run = nnc("data", program.toString(), "text.all", "-n", "2");

    assertEquals(0, run.status(), run.err());
    assertTrue(run.out().contains(
        "1  source: \"535+61\"  target_in: \"<start>596\"  target: \"596<end>\""), run.out());
    assertTrue(run.out().contains("2  source: \"1+2\"  target_in: \"<start>3\"  target: \"3<end>\""), run.out());
    assertTrue(run.out().contains("a vocabulary of 10 words (<pad> <unk> <start> <end> included)"), run.out());
  }

  @Test
  void wordWindowsArePreviewedAsWordsApart() throws Exception {
    Files.writeString(dir.resolve("story.txt"), "The cat sat .\nthe dog ran .\n");
    Path program = program("words(\"story.txt\", seq: 4)");

    Run run = nnc("data", program.toString(), "text.all", "-n", "1");

    assertEquals(0, run.status(), run.err());
    assertTrue(run.out().contains("1  tokens: \"the cat sat .\"  next: \"cat sat . <end>\""), run.out());
  }

  @Test
  void aPairsLineWithoutTheSeparatorIsAnErrorAtItsEnd() throws Exception {
    Files.writeString(dir.resolve("sums.tsv"), "1+2\t3\n4+5 9\n");
    Path program = program("pairs(\"sums.tsv\", tokens: chars)");

    Run run = nnc("data", program.toString(), "text.all");

    assertEquals(1, run.status());
    assertEquals("error: " + dir.resolve("sums.tsv") + ":2:6: expected the separator \"\\t\" between the two parts"
        + " of the line, found the end of the line\n", run.err());
  }

  @Test
  void aPairsLineOverTheLengthIsAnErrorAtTheFirstTokenThatDoesNotFit() throws Exception {
    Files.writeString(dir.resolve("sums.tsv"), "1+2\t3\n12+345\t357\n");
    Path program = program("pairs(\"sums.tsv\", tokens: chars, source_seq: 4, target_seq: 4)");

    Run run = nnc("data", program.toString(), "text.all");

    assertEquals(1, run.status());
    assertEquals("error: " + dir.resolve("sums.tsv") + ":2:5: the source has 6 tokens, more than source_seq 4;"
        + " give source_seq: 6 or truncate: true\n", run.err());
  }
}

package dev.nnc.cli;

import static dev.nnc.cli.CliTest.nnc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nnc fmt}: what it rewrites, what {@code --check} reports, and what it refuses. */
class FmtCommandTest {
  private static final String MESSY = "model M{\ninput x:float[2]\noutput y=x->dense(1)\n}\n";
  private static final String TIDY = "model M {\n  input x: float[2]\n  output y = x -> dense(1)\n}\n";

  @TempDir Path dir;

  @Test
  void rewritesAFileAndNamesIt() throws Exception {
    Path messy = Files.writeString(dir.resolve("messy.nn"), MESSY);
    Path tidy = Files.writeString(dir.resolve("tidy.nn"), TIDY);
    CliTest.Run run = nnc("fmt", messy.toString(), tidy.toString());
    assertEquals(0, run.status(), run.err());
    assertEquals(messy + System.lineSeparator(), run.out());
    assertEquals(TIDY, Files.readString(messy));
  }

  @Test
  void checkListsTheFilesThatWouldChangeAndChangesNothing() throws Exception {
    Path messy = Files.writeString(dir.resolve("messy.nn"), MESSY);
    Path tidy = Files.writeString(dir.resolve("tidy.nn"), TIDY);
    CliTest.Run run = nnc("fmt", "--check", messy.toString(), tidy.toString());
    assertEquals(1, run.status());
    assertEquals(messy + System.lineSeparator(), run.out());
    assertEquals(MESSY, Files.readString(messy));
    assertEquals(0, nnc("fmt", "--check", tidy.toString()).status());
  }

  @Test
  void aFileWithSyntaxErrorsIsLeftAloneWithItsDiagnostics() throws Exception {
    String broken = "model M {\n  input x float[2]\n}\n";
    Path file = Files.writeString(dir.resolve("broken.nn"), broken);
    CliTest.Run run = nnc("fmt", file.toString());
    assertEquals(1, run.status());
    assertTrue(run.err().startsWith(file + ":2:11: error[NN00"), run.err());
    assertEquals(broken, Files.readString(file));
  }
}

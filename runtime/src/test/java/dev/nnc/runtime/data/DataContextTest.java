package dev.nnc.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataContextTest {
  @TempDir Path root;
  private Path first;
  private Path second;
  private Path fromEnvironment;
  private Path source;
  private DataContext context;

  @BeforeEach
  void createDirectories() throws IOException {
    first = Files.createDirectory(root.resolve("first"));
    second = Files.createDirectory(root.resolve("second"));
    fromEnvironment = Files.createDirectory(root.resolve("env"));
    source = Files.createDirectory(root.resolve("src"));
    context = DataContext.of(source, List.of(first, second),
        fromEnvironment + File.pathSeparator + root.resolve("absent"));
  }

  @Test
  void searchesDataDirectoriesThenTheEnvironmentThenTheSourceDirectory() throws IOException {
    touch(source, "a.gz");
    assertEquals(source.resolve("a.gz"), context.resolve("a.gz"));
    touch(fromEnvironment, "a.gz");
    assertEquals(fromEnvironment.resolve("a.gz"), context.resolve("a.gz"));
    touch(second, "a.gz");
    assertEquals(second.resolve("a.gz"), context.resolve("a.gz"));
    touch(first, "a.gz");
    assertEquals(first.resolve("a.gz"), context.resolve("a.gz"));
  }

  @Test
  void resolvesPathsWithDirectories() throws IOException {
    Files.createDirectory(second.resolve("mnist"));
    touch(second.resolve("mnist"), "train.gz");

    assertEquals(second.resolve("mnist/train.gz"), context.resolve("mnist/train.gz"));
  }

  @Test
  void takesAbsolutePathsAsTheyAre() throws IOException {
    Path file = touch(root, "b.gz");

    assertEquals(file, context.resolve(file.toString()));
  }

  @Test
  void namesEveryDirectorySearched() {
    DataException e = assertThrows(DataException.class, () -> context.resolve("mnist/x.gz"));

    assertEquals("data file mnist/x.gz not found; searched " + first + ", " + second + ", "
        + fromEnvironment + ", " + root.resolve("absent") + ", " + source
        + " (list more directories in NN_DATA)", e.getMessage());
  }

  private static Path touch(Path dir, String name) throws IOException {
    return Files.createFile(dir.resolve(name));
  }
}

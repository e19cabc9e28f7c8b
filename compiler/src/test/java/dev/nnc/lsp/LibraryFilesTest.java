package dev.nnc.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibraryFilesTest {
  @TempDir Path dir;

  private URL inJar(String jarName, String text) throws Exception {
    Path jar = dir.resolve(jarName);
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry("std/vision.nn"));
      out.write(text.getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    return new URL("jar:" + jar.toUri() + "!/std/vision.nn");
  }

  @Test
  void aSourceInAJarBecomesAReadOnlyFileOfTheSameText() throws Exception {
    LibraryFiles files = new LibraryFiles(dir.resolve("copies"));
    URL resource = inJar("a.jar", "model Stem { }\n");

    Path file = files.fileFor(resource, "vision.nn").orElseThrow();

    assertEquals("vision.nn", file.getFileName().toString());
    assertEquals("model Stem { }\n", Files.readString(file));
    // The permission, not Files.isWritable: root may write any file.
    assertFalse(Files.getPosixFilePermissions(file).contains(PosixFilePermission.OWNER_WRITE),
        "an editor must not let users change the library");
    assertEquals(file, files.fileFor(resource, "vision.nn").orElseThrow(), "one copy, made once");
    try (var leftovers = Files.list(file.getParent())) {
      assertEquals(1, leftovers.count(), "no temporary file left beside it");
    }
  }

  @Test
  void anotherVersionOfTheLibraryGetsItsOwnCopy() throws Exception {
    LibraryFiles files = new LibraryFiles(dir.resolve("copies"));

    Path first = files.fileFor(inJar("a.jar", "model Stem { }\n"), "vision.nn").orElseThrow();
    Path second = files.fileFor(inJar("b.jar", "model Stem2 { }\n"), "vision.nn").orElseThrow();

    assertNotEquals(first, second);
    assertEquals("model Stem { }\n", Files.readString(first));
    assertEquals("model Stem2 { }\n", Files.readString(second));
  }
}

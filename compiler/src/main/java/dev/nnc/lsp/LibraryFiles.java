package dev.nnc.lsp;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Standard-library sources as files an editor can open. Inside a jar they have {@code jar:} URIs,
 * which editors do not open, so "go to definition" on {@code Conv2dBlock} would lead nowhere: each
 * is copied once, read-only, into a folder of the temporary directory named after its content, and
 * that copy is where definitions point.
 */
final class LibraryFiles {
  private final Path root;

  LibraryFiles(Path root) {
    this.root = root;
  }

  /** In {@code <tmp>/nnc-std}. */
  static LibraryFiles inTemporaryDirectory() {
    return new LibraryFiles(Path.of(System.getProperty("java.io.tmpdir"), "nnc-std"));
  }

  /**
   * A file holding what {@code resource} ({@code std/vision.nn} in a jar) holds, named as it is; empty
   * when it cannot be written, so that the caller falls back to the resource's own URI.
   */
  Optional<Path> fileFor(URL resource, String name) {
    try (InputStream in = resource.openStream()) {
      byte[] content = in.readAllBytes();
      // A folder per content: two nnc versions never share a copy, and a copy is never rewritten.
      Path file = root.resolve(digest(content)).resolve(name);
      if (!Files.exists(file)) {
        Files.createDirectories(file.getParent());
        Path partial = Files.createTempFile(file.getParent(), ".partial", ".nn");
        try {
          Files.write(partial, content);
          partial.toFile().setReadOnly();
          Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(partial, file);
        } finally {
          Files.deleteIfExists(partial);
        }
      }
      return Optional.of(file);
    } catch (IOException e) {
      return Optional.empty(); // Another server wrote it meanwhile, or the disk refuses: the jar URI serves.
    }
  }

  private static String digest(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}

package dev.nnc.maven;

import dev.nnc.compiler.Compilation;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Finding a source set's {@code .nn} files and fingerprinting them with the compiler that reads them. */
final class NnSources {
  private NnSources() {}

  /** Every {@code .nn} file under {@code dir}, sorted, so fingerprints do not depend on listing order. */
  static List<Path> find(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".nn"))
          .sorted()
          .collect(Collectors.toList());
    }
  }

  /**
   * SHA-256 over the compiler's identity, the build's settings, and each file's path and contents.
   * Changing any input, the package, or the compiler (its jar for a release, its build for a
   * snapshot) changes the fingerprint.
   */
  static String fingerprint(Path dir, List<Path> sources, String settings) throws IOException {
    MessageDigest digest = sha256();
    update(digest, compilerIdentity());
    update(digest, settings);
    for (Path source : sources) {
      update(digest, dir.relativize(source).toString().replace('\\', '/'));
      byte[] content = Files.readAllBytes(source);
      update(digest, Integer.toString(content.length));
      digest.update(content);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /**
   * The compiler's version and, because a snapshot keeps its version while its code changes, the
   * size and time of the jar (or class folder) it was loaded from.
   */
  static String compilerIdentity() throws IOException {
    String version = String.valueOf(Compilation.class.getPackage().getImplementationVersion());
    CodeSource code = Compilation.class.getProtectionDomain().getCodeSource();
    if (code == null) {
      return version;
    }
    try {
      Path location = Path.of(code.getLocation().toURI());
      return version + " " + location + " " + Files.size(location) + " " + Files.getLastModifiedTime(location);
    } catch (URISyntaxException e) {
      return version;
    }
  }

  private static void update(MessageDigest digest, String text) {
    digest.update(text.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}

package dev.nnc.maven;

import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** One emitted Java class, with the {@code .nn} file it came from. */
record GeneratedFile(Path source, JavaFile java) {

  /** Where it lives under the output directory: its package's folders and its class name. */
  Path relativePath() {
    String folder = java.packageName().replace('.', '/');
    String name = java.typeSpec().name() + ".java";
    return folder.isEmpty() ? Path.of(name) : Path.of(folder, name);
  }

  /** Writes the file unless it already holds exactly this text; true when it wrote. */
  boolean writeIfChanged(Path target) throws IOException {
    byte[] bytes = java.toString().getBytes(StandardCharsets.UTF_8);
    if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), bytes)) {
      return false;
    }
    Files.createDirectories(target.getParent());
    Files.write(target, bytes);
    return true;
  }
}

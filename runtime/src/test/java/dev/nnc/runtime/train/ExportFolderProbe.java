package dev.nnc.runtime.train;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A process that replaces an export folder once, for {@link ExportFolderTest} to kill at each of its
 * file operations: {@code ExportFolderProbe TARGET LABEL} fills the new version with three files
 * (one in a sub-folder, as a SavedModel's {@code variables/}) that each hold {@code LABEL}.
 */
final class ExportFolderProbe {
  static final String[] FILES = {"saved_model.pb", "variables/variables.index", "assets/nnc-model.properties"};

  private ExportFolderProbe() {}

  public static void main(String[] args) throws Exception {
    ExportFolder.replace(Path.of(args[0]).toAbsolutePath(), folder -> {
      for (String file : FILES) {
        Path path = folder.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, args[1]);
      }
    });
  }
}

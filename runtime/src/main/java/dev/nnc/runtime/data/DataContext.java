package dev.nnc.runtime.data;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Where relative data paths are looked up: the configured data directories, then each directory of
 * the {@code NN_DATA} environment variable, then the directory of the source file.
 */
public final class DataContext {
  /** The environment variable listing data directories, separated like {@code PATH}. */
  public static final String ENVIRONMENT_VARIABLE = "NN_DATA";

  private final List<Path> searchPath;

  private DataContext(List<Path> searchPath) {
    this.searchPath = List.copyOf(searchPath);
  }

  public static DataContext of(Path sourceDir, List<Path> dataDirs) {
    return of(sourceDir, dataDirs, System.getenv(ENVIRONMENT_VARIABLE));
  }

  /** As {@link #of(Path, List)} with {@code environmentDirs} in place of {@code $NN_DATA}. */
  static DataContext of(Path sourceDir, List<Path> dataDirs, String environmentDirs) {
    List<Path> searchPath = new ArrayList<>(dataDirs);
    if (environmentDirs != null) {
      for (String dir : environmentDirs.split(File.pathSeparator)) {
        if (!dir.isBlank()) {
          searchPath.add(Path.of(dir));
        }
      }
    }
    searchPath.add(sourceDir);
    return new DataContext(searchPath);
  }

  /** The directories searched, in order. */
  public List<Path> searchPath() {
    return searchPath;
  }

  /** The first existing {@code dir/path} on the search path, or {@code path} itself if absolute. */
  public Path resolve(String path) {
    Path given;
    try {
      given = Path.of(path);
    } catch (InvalidPathException e) {
      throw new DataException("data file " + path + " is not a valid file name: " + e.getReason());
    }
    if (given.isAbsolute()) {
      if (Files.exists(given)) {
        return given;
      }
      throw new DataException("data file " + path + " not found");
    }
    for (Path dir : searchPath) {
      Path candidate = dir.resolve(given);
      if (Files.exists(candidate)) {
        return candidate;
      }
    }
    throw new DataException("data file " + path + " not found; searched "
        + searchPath.stream().map(Path::toString).collect(Collectors.joining(", "))
        + " (list more directories in " + ENVIRONMENT_VARIABLE + ")");
  }
}

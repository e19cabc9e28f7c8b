package dev.nnc.maven;

import com.palantir.javapoet.JavaFile;
import dev.nnc.compiler.Compilation;
import dev.nnc.compiler.diag.Diagnostic;
import dev.nnc.compiler.diag.SarifRenderer;
import dev.nnc.compiler.emit.Emitter;
import dev.nnc.compiler.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One source set's build: every {@code .nn} file under a directory to Java under another, the same
 * as {@code nnc compile -d}, but incremental. When the inputs' fingerprint equals the one recorded by
 * the last successful run nothing is read or written; otherwise every file is compiled (imports may
 * tie them together, and checking is fast), and only Java files whose text changed are written, so
 * the Java compiler's own staleness check still sees the rest as unchanged. Every run that compiles
 * writes its diagnostics as SARIF, as {@code nnc check --diagnostics sarif} prints them, for code
 * scanning; an up-to-date run leaves the last report, which is still about the same inputs.
 */
final class NnBuild {
  private final Path sourceDir;
  private final Path outputDir;
  private final String packageName;
  private final BuildState state;
  private final Path sarifFile;

  /** {@code packageName} null derives each file's package as {@code nnc compile} does. */
  NnBuild(Path sourceDir, Path outputDir, String packageName, Path stateFile, Path sarifFile) {
    this.sourceDir = sourceDir;
    this.outputDir = outputDir;
    this.packageName = packageName;
    this.state = new BuildState(stateFile);
    this.sarifFile = sarifFile;
  }

  /** What a run did; {@code errors} non-empty means it failed and wrote nothing. */
  record Result(
      int sources, boolean upToDate, List<Path> written, List<Path> unchanged, List<Path> deleted,
      List<Diagnostic> diagnostics) {

    boolean failed() {
      return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
  }

  Result run() throws IOException {
    List<Path> sources = NnSources.find(sourceDir);
    String fingerprint = NnSources.fingerprint(sourceDir, sources, Objects.toString(packageName, ""));
    BuildState.Recorded last = state.read();
    if (last != null && last.fingerprint().equals(fingerprint) && allExist(last.outputs())) {
      return new Result(sources.size(), true, List.of(), List.of(), List.of(), List.of());
    }
    List<Diagnostic> diagnostics = new ArrayList<>();
    Map<Path, GeneratedFile> outputs = new LinkedHashMap<>();
    for (Path source : sources) {
      Compilation c = Compilation.of(new SourceFile(source.toString(), Files.readString(source, StandardCharsets.UTF_8)), List.of());
      diagnostics.addAll(c.diagnostics());
      if (c.succeeded()) {
        for (JavaFile java : Emitter.emit(c.program(), packageName)) {
          GeneratedFile file = new GeneratedFile(source, java);
          GeneratedFile other = outputs.put(file.relativePath(), file);
          if (other != null) {
            throw new IOException(file.relativePath() + " would be generated from both " + other.source()
                + " and " + source + "; give them different Java packages");
          }
        }
      }
    }
    Files.createDirectories(sarifFile.toAbsolutePath().getParent());
    Files.writeString(sarifFile, SarifRenderer.render(diagnostics) + "\n", StandardCharsets.UTF_8);
    if (diagnostics.stream().anyMatch(Diagnostic::isError)) {
      // The next run must compile again, whatever the inputs are then.
      state.forget();
      return new Result(sources.size(), false, List.of(), List.of(), List.of(), diagnostics);
    }
    List<Path> written = new ArrayList<>();
    List<Path> unchanged = new ArrayList<>();
    for (GeneratedFile file : outputs.values()) {
      Path target = outputDir.resolve(file.relativePath());
      if (file.writeIfChanged(target)) {
        written.add(target);
      } else {
        unchanged.add(target);
      }
    }
    List<Path> deleted = new ArrayList<>();
    if (last != null) {
      for (Path stale : last.outputs()) {
        if (!outputs.containsKey(stale) && Files.deleteIfExists(outputDir.resolve(stale))) {
          deleted.add(outputDir.resolve(stale));
        }
      }
    }
    state.write(new BuildState.Recorded(fingerprint, List.copyOf(outputs.keySet())));
    return new Result(sources.size(), false, written, unchanged, deleted, diagnostics);
  }

  private boolean allExist(List<Path> outputs) {
    return outputs.stream().allMatch(p -> Files.isRegularFile(outputDir.resolve(p)));
  }
}

package dev.nnc.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exports replaced whole: the path always holds one complete version, the newest or the one before,
 * even when the exporting process is SIGKILLed at any of its file operations.
 */
class ExportFolderTest {
  /** The calls that change what is on disk, each the target of one kill per occurrence. */
  private static final List<String> OPERATIONS = List.of("mkdir", "rename", "symlink", "unlink", "rmdir", "fsync");
  /** More occurrences than a JVM start and one export make: a run with none left to kill ends the loop. */
  private static final int MAX_OCCURRENCES = 60;

  @TempDir Path dir;

  @Test
  void eachExportReplacesTheLinkAndKeepsOnlyThePreviousVersion() throws IOException {
    Path target = dir.resolve("model");
    for (String label : List.of("one", "two", "three")) {
      ExportFolder.replace(target, folder -> Files.writeString(folder.resolve("saved_model.pb"), label));
    }
    assertTrue(Files.isSymbolicLink(target));
    assertEquals(Path.of("model.versions", "v3"), Files.readSymbolicLink(target));
    assertEquals("three", Files.readString(target.resolve("saved_model.pb")));
    assertEquals(List.of("v2", "v3"), names(dir.resolve("model.versions")));
    assertEquals(List.of("model", "model.versions"), names(dir));
  }

  @Test
  void aFolderWrittenInPlaceBecomesTheFirstVersion() throws IOException {
    Path target = Files.createDirectories(dir.resolve("model"));
    Files.writeString(target.resolve("saved_model.pb"), "old");
    ExportFolder.replace(target, folder -> Files.writeString(folder.resolve("saved_model.pb"), "new"));
    assertEquals("new", Files.readString(target.resolve("saved_model.pb")));
    assertEquals("old", Files.readString(dir.resolve("model.versions").resolve("v1").resolve("saved_model.pb")));
  }

  /**
   * For each operation in {@link #OPERATIONS} and each of its occurrences in turn, a new process
   * exports under {@code strace -e inject=OP:signal=KILL:when=N}, killed at that call: afterwards the
   * export path holds the last export that completed, or the one killed if it was past its link's
   * rename, never a part of either; the next export (the next occurrence's process) cleans up after it.
   */
  @Test
  void killedAtEachFileOperationThePathHoldsAWholeExport() throws Exception {
    assumeTrue(hasStrace(), "strace is not installed (apt-get install strace)");
    Path target = dir.resolve("model");
    String complete = "first";
    assertEquals(0, probe(target, complete, List.of()).waitFor());
    int attempt = 0;
    List<String> kills = new ArrayList<>();
    for (String operation : OPERATIONS) {
      for (int n = 1; n <= MAX_OCCURRENCES; n++) {
        String label = "attempt-" + ++attempt;
        Process run = probe(target, label, List.of("strace", "-f", "-qq", "-o", "/dev/null", "-e", "trace=" + operation,
            "-e", "inject=" + operation + ":signal=KILL:when=" + n));
        int status = run.waitFor();
        String held = wholeExport(target);
        if (status == 0) {
          assertEquals(label, held, "an export that completed is not the one the path holds");
          complete = label;
          kills.add(operation + " x" + (n - 1));
          break;
        }
        assertTrue(held.equals(complete) || held.equals(label),
            operation + " #" + n + ": the path holds " + held + ", neither " + complete + " nor " + label);
        complete = held;
        assertTrue(n < MAX_OCCURRENCES, operation + " still killed at occurrence " + n);
      }
    }
    System.out.println("ExportFolderTest: SIGKILLed at each occurrence of " + kills + ", the path held a whole export after each");
    assertEquals(List.of("model", "model.versions"), names(dir));
    List<String> versions = names(dir.resolve("model.versions"));
    assertEquals(2, versions.size(), versions::toString);
  }

  /** The one label all of the export's files hold; fails if they differ or one is missing. */
  private static String wholeExport(Path target) throws IOException {
    assertTrue(Files.isDirectory(target), target + " holds no export");
    String label = null;
    for (String file : ExportFolderProbe.FILES) {
      Path path = target.resolve(file);
      assertTrue(Files.isRegularFile(path), target.toRealPath() + " has no " + file);
      String text = Files.readString(path);
      assertTrue(label == null || label.equals(text), target.toRealPath() + " mixes " + label + " and " + text);
      label = text;
    }
    return label;
  }

  private static Process probe(Path target, String label, List<String> prefix) throws IOException {
    List<String> command = new ArrayList<>(prefix);
    command.addAll(List.of(ProcessHandle.current().info().command().orElse("java"), "-XX:-UsePerfData", "-Xshare:auto",
        "-cp", System.getProperty("java.class.path"), ExportFolderProbe.class.getName(), target.toString(), label));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
  }

  private static boolean hasStrace() {
    try {
      return new ProcessBuilder("strace", "-V").redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  private static List<String> names(Path folder) throws IOException {
    try (Stream<Path> children = Files.list(folder)) {
      return children.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}

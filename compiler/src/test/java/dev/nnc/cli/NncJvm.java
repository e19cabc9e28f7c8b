package dev.nnc.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code nnc} in a JVM of its own, as a user's shell starts it: the tests that kill a run, limit its
 * disk or read its raw output need a process of its own, this test JVM's java on this test's class path.
 */
final class NncJvm {
  private NncJvm() {}

  /** The command line of {@code nnc args...}; a test may put a wrapper (strace, ulimit) before it. */
  static List<String> command(String... args) {
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
        "-cp", System.getProperty("java.class.path"), Nnc.class.getName()));
    command.addAll(List.of(args));
    return command;
  }

  /**
   * Starts {@code command} with its output and error together in {@code output}; TensorFlow's
   * native info lines are off, so the output holds nnc's own.
   */
  static Process start(List<String> command, ProcessBuilder.Redirect output) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output);
    builder.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
    return builder.start();
  }
}

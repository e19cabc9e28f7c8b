package dev.nnc.cli;

import dev.nnc.runtime.data.Images;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The {@code nnc} command. Exit codes: 0 success, 1 the program (or its data) has errors, 2 a usage
 * error, 3 an internal failure — always a bug in nnc, and it says so.
 */
@Command(
    name = "nnc",
    mixinStandardHelpOptions = true,
    // Every subcommand takes --help (and --version) too: `nnc train --help`.
    scope = CommandLine.ScopeType.INHERIT,
    versionProvider = Version.class,
    description = "Checks, compiles, trains, evaluates and summarises neural networks written in .nn files, and predicts with them.",
    subcommands = {CheckCommand.class, CompileCommand.class, TrainCommand.class, ClusterCommand.class, EvalCommand.class, PredictCommand.class, OnnxCommand.class, SampleCommand.class, NeighboursCommand.class, PlayCommand.class, SummaryCommand.class, GraphCommand.class,
        FmtCommand.class, DataCommand.class, LspCommand.class, CommandLine.HelpCommand.class})
public final class Nnc {
  /**
   * Read by the {@code nnc} launcher, before TensorFlow's native library loads (the only moment its
   * log level can be set); here it also shows an internal failure's whole stack trace.
   */
  @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
      description = "Show TensorFlow's own log lines on standard error and, on an internal failure, its whole stack trace.")
  boolean verbose;

  public static final int OK = 0;
  public static final int PROGRAM_ERRORS = 1;
  public static final int USAGE = 2;
  public static final int INTERNAL = 3;

  /** Inherited by every command: the images that {@code predict}, {@code train} and {@code eval} decode. */
  @Option(names = "--max-pixels", paramLabel = "N", scope = CommandLine.ScopeType.INHERIT,
      description = "Refuse, before decoding, an image whose header claims more than N pixels (default: 100000000, 10,000 x 10,000).")
  void maxPixels(long pixels) {
    if (pixels <= 0) {
      throw new ParameterException(new CommandLine(this), "--max-pixels must be positive, not " + pixels);
    }
    Images.maxPixels(pixels);
  }

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given streams; what tests call. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    Nnc nnc = new Nnc();
    CommandLine cli = new CommandLine(nnc);
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      err.println("error: internal failure in nnc (this is a bug; please report it): " + e);
      if (nnc.verbose) {
        e.printStackTrace(err);
        return INTERNAL;
      }
      for (StackTraceElement frame : e.getStackTrace()) {
        if (frame.getClassName().startsWith("dev.nnc")) {
          err.println("    at " + frame);
        }
      }
      return INTERNAL;
    });
    cli.setParameterExceptionHandler((e, a) -> {
      err.println("error: " + e.getMessage());
      e.getCommandLine().usage(err);
      return USAGE;
    });
    return cli.execute(args);
  }
}

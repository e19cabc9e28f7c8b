package dev.nnc.cli;

import dev.nnc.compiler.Compilation;
import dev.nnc.compiler.check.ModelInstance;
import dev.nnc.compiler.summary.Diagram;
import dev.nnc.compiler.summary.DotWriter;
import dev.nnc.compiler.summary.GraphDiagram;
import dev.nnc.compiler.summary.PngWriter;
import dev.nnc.compiler.summary.SvgWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "graph", description = "Draws a model: layers, parameter counts and the shape on every edge (DOT, SVG or PNG).")
final class GraphCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin SourceOptions options;

  @Parameters(index = "0", paramLabel = "FILE", description = "The .nn file.")
  Path file;

  @Parameters(index = "1", arity = "0..1", paramLabel = "MODEL", description = "The model (default: the first one).")
  String model;

  @Option(names = "-o", paramLabel = "PATH",
      description = "Where to write it: a .dot, .svg or .png file. Default: standard output, DOT.")
  Path out;

  @Option(names = "--graphviz",
      description = "Draw the .svg or .png with Graphviz's dot (which must be on the PATH) instead of nnc's own layout.")
  boolean graphviz;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    Compilation c = options.compile(file, err);
    if (c == null || !c.succeeded()) {
      return Nnc.PROGRAM_ERRORS;
    }
    ModelInstance instance = CheckedModels.choose(c, model, file, err);
    if (instance == null) {
      return Nnc.PROGRAM_ERRORS;
    }
    Diagram diagram = GraphDiagram.of(c.lowered().graphOf(instance));
    String format = out == null ? "dot" : extension(out);
    try {
      if (out == null) {
        spec.commandLine().getOut().print(DotWriter.write(diagram));
        spec.commandLine().getOut().flush();
      } else if (graphviz && (format.equals("svg") || format.equals("png"))) {
        return graphviz(DotWriter.write(diagram), format, err);
      } else if (format.equals("svg")) {
        Files.writeString(out, SvgWriter.write(diagram), StandardCharsets.UTF_8);
      } else if (format.equals("png")) {
        // Drawn first, so that a diagram too large to draw leaves no empty file behind.
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        PngWriter.write(diagram, png);
        Files.write(out, png.toByteArray());
      } else {
        Files.writeString(out, DotWriter.write(diagram), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      err.println("error: cannot write " + out + ": " + e.getMessage());
      return Nnc.PROGRAM_ERRORS;
    }
    return Nnc.OK;
  }

  private static String extension(Path path) {
    String name = path.getFileName().toString();
    return name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
  }

  private int graphviz(String dot, String format, PrintWriter err) throws IOException {
    Process process;
    try {
      process = new ProcessBuilder(List.of("dot", "-T" + format, "-o", out.toString())).start();
    } catch (IOException e) {
      err.println("error: --graphviz needs Graphviz's `dot` on the PATH (for example `apt-get install graphviz`);"
          + " leave out --graphviz to draw with nnc's own layout");
      return Nnc.PROGRAM_ERRORS;
    }
    process.getOutputStream().write(dot.getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        err.println("error: Graphviz's dot could not draw " + out + ": "
            + new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        return Nnc.PROGRAM_ERRORS;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Nnc.PROGRAM_ERRORS;
    }
    return Nnc.OK;
  }
}

package dev.nnc.cli;

import dev.nnc.compiler.Compilation;
import dev.nnc.compiler.check.ModelInstance;
import dev.nnc.compiler.summary.GraphDiagram;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "graph", description = "Draws a model: layers, parameter counts and the shape on every edge (DOT or SVG).")
final class GraphCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin SourceOptions options;

  @Parameters(index = "0", paramLabel = "FILE", description = "The .nn file.")
  Path file;

  @Parameters(index = "1", arity = "0..1", paramLabel = "MODEL", description = "The model (default: the first one).")
  String model;

  @Option(names = "-o", paramLabel = "PATH",
      description = "Where to write it: a .dot file, or .svg (drawn by Graphviz's dot, which must be on the PATH). Default: standard output, DOT.")
  Path out;

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
    String dot = GraphDiagram.dot(c.lowered().graphOf(instance));
    try {
      if (out == null) {
        spec.commandLine().getOut().print(dot);
        spec.commandLine().getOut().flush();
      } else if (out.toString().endsWith(".svg")) {
        return svg(dot, err);
      } else {
        Files.writeString(out, dot, StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      err.println("error: cannot write " + out + ": " + e.getMessage());
      return Nnc.PROGRAM_ERRORS;
    }
    return Nnc.OK;
  }

  private int svg(String dot, PrintWriter err) throws IOException {
    Process process;
    try {
      process = new ProcessBuilder(List.of("dot", "-Tsvg", "-o", out.toString())).start();
    } catch (IOException e) {
      err.println("error: writing SVG needs Graphviz's `dot` on the PATH (for example `apt-get install graphviz`);"
          + " write a .dot file instead, or leave out -o");
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

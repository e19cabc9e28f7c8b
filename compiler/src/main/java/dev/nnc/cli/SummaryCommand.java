package dev.nnc.cli;

import dev.nnc.compiler.Compilation;
import dev.nnc.compiler.check.ModelInstance;
import dev.nnc.compiler.summary.SummaryTable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "summary", description = "Prints each model's layers, output shapes and parameter counts.")
final class SummaryCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin SourceOptions options;

  @Parameters(index = "0", paramLabel = "FILE", description = "The .nn file.")
  Path file;

  @Parameters(index = "1", arity = "0..1", paramLabel = "MODEL", description = "One model (default: all).")
  String model;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Compilation c = options.compile(file, err);
    if (c == null || !c.succeeded()) {
      return Nnc.PROGRAM_ERRORS;
    }
    if (model != null) {
      ModelInstance instance = CheckedModels.choose(c, model, file, err);
      if (instance == null) {
        return Nnc.PROGRAM_ERRORS;
      }
      out.println(SummaryTable.render(c.lowered().graphOf(instance)));
      return Nnc.OK;
    }
    CheckedModels.all(c).forEach(instance -> out.println(SummaryTable.render(c.lowered().graphOf(instance))));
    return Nnc.OK;
  }
}

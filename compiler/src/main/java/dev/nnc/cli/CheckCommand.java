package dev.nnc.cli;

import dev.nnc.compiler.Compilation;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "check", description = "Checks names, types and every tensor shape; runs nothing.")
final class CheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin SourceOptions options;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "The .nn files to check.")
  List<Path> files;

  @Override
  public Integer call() {
    int status = Nnc.OK;
    for (Path file : files) {
      Compilation c = options.compile(file, spec.commandLine().getErr());
      if (c == null || !c.succeeded()) {
        status = Nnc.PROGRAM_ERRORS;
      }
    }
    return status;
  }
}

package dev.nnc.cli;

import com.palantir.javapoet.JavaFile;
import dev.nnc.compiler.Compilation;
import dev.nnc.compiler.emit.Emitter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "compile", description = "Checks .nn files and writes the Java they become.")
final class CompileCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin SourceOptions options;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "The .nn files to compile.")
  List<Path> files;

  @Option(names = "-d", required = true, paramLabel = "DIR", description = "Where to write the Java sources.")
  Path out;

  @Option(names = "--package", paramLabel = "P", description = "The Java package (default: from the file's folder and name).")
  String packageName;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    int status = Nnc.OK;
    for (Path file : files) {
      Compilation c = options.compile(file, err);
      if (c == null || !c.succeeded()) {
        status = Nnc.PROGRAM_ERRORS;
        continue;
      }
      for (JavaFile java : Emitter.emit(c.program(), packageName)) {
        try {
          java.writeTo(out);
        } catch (IOException e) {
          err.println("error: cannot write to " + out + ": " + e.getMessage());
          return Nnc.PROGRAM_ERRORS;
        }
      }
    }
    return status;
  }
}

package dev.nnc.cli;

import dev.nnc.compiler.diag.Diagnostics;
import dev.nnc.compiler.format.Formatter;
import dev.nnc.compiler.source.SourceFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "fmt", description = "Rewrites .nn files in the canonical layout (files with syntax errors are left alone).")
final class FmtCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin SourceOptions options;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "The .nn files to format.")
  List<Path> files;

  @Option(names = "--check", description = "Change nothing; list the files that would change and exit 1 if any would.")
  boolean check;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int status = Nnc.OK;
    for (Path file : files) {
      try {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Diagnostics diagnostics = new Diagnostics();
        String formatted = Formatter.format(new SourceFile(file.toString(), text), diagnostics);
        if (formatted == null) {
          options.report(diagnostics.sorted(), err);
          status = Nnc.PROGRAM_ERRORS;
        } else if (!formatted.equals(text)) {
          out.println(file);
          if (check) {
            status = Nnc.PROGRAM_ERRORS;
          } else {
            Files.writeString(file, formatted, StandardCharsets.UTF_8);
          }
        }
      } catch (NoSuchFileException e) {
        err.println("error: " + file + ": no such file");
        status = Nnc.PROGRAM_ERRORS;
      } catch (IOException e) {
        err.println("error: " + file + ": " + e.getMessage());
        status = Nnc.PROGRAM_ERRORS;
      }
    }
    return status;
  }
}

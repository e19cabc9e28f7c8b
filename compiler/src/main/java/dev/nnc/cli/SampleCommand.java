package dev.nnc.cli;

import dev.nnc.compiler.Compilation;
import dev.nnc.compiler.run.GeneratedProgram;
import dev.nnc.runtime.infer.InferenceException;
import dev.nnc.runtime.infer.SampleSpec;
import dev.nnc.runtime.infer.Sampler;
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

@Command(name = "sample", description = "Runs a sample job: prints its prime and the text the trained model generates after it.")
final class SampleCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin SourceOptions options;

  @Parameters(index = "0", paramLabel = "FILE", description = "The .nn file.")
  Path file;

  @Option(names = "--job", paramLabel = "NAME", description = "The sample job to run (needed when the file has several).")
  String job;

  @Option(names = "--seed", paramLabel = "N", description = "Override the job's seed.")
  Long seed;

  @Option(names = "--length", paramLabel = "N", description = "Override how many characters to generate.")
  Integer length;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    Compilation c = options.compile(file, err);
    if (c == null || !c.succeeded()) {
      return Nnc.PROGRAM_ERRORS;
    }
    List<String> names = c.program().sampleJobNames();
    String chosen = JobChoice.choose(file, "sample", names, job, err);
    if (chosen == null) {
      return Nnc.PROGRAM_ERRORS;
    }
    if (length != null && length <= 0) {
      err.println("error: --length must be positive, not " + length);
      return Nnc.USAGE;
    }
    SampleSpec sample = (SampleSpec) GeneratedProgram.compile(c.program(), options.dataDirs).sampleSpec(chosen);
    try {
      spec.commandLine().getOut().println(Sampler.generate(sample.with(seed != null ? seed : sample.seed(),
          length != null ? length : sample.length())));
      return Nnc.OK;
    } catch (InferenceException e) {
      err.println("error: " + e.getMessage());
      return Nnc.PROGRAM_ERRORS;
    }
  }
}

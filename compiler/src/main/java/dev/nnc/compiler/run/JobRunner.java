package dev.nnc.compiler.run;

import dev.nnc.compiler.check.Job;
import dev.nnc.compiler.check.Program;
import dev.nnc.compiler.check.StepJob;
import dev.nnc.runtime.train.StepSpec;
import dev.nnc.runtime.train.StepTrainer;
import dev.nnc.runtime.train.TrainOptions;
import dev.nnc.runtime.train.TrainResult;
import dev.nnc.runtime.train.TrainSpec;
import dev.nnc.runtime.train.Trainer;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs a checked train job: emit its Java, compile it in memory, and hand its spec to the trainer,
 * with the description its report needs from the checked program.
 */
public final class JobRunner {
  private JobRunner() {}

  public static TrainResult run(Program program, String jobName, List<Path> dataDirs, TrainOptions options) {
    Object spec = GeneratedProgram.compile(program, dataDirs).jobSpec(jobName);
    if (spec instanceof StepSpec custom) {
      StepJob job = program.stepJobs().stream().filter(j -> j.decl().name().name().equals(jobName)).findFirst().orElseThrow();
      return StepTrainer.run(custom, options, JobDescriptions.of(job));
    }
    Job job = program.jobs().stream().filter(j -> j.decl().name().name().equals(jobName)).findFirst().orElseThrow();
    return Trainer.run((TrainSpec) spec, options, JobDescriptions.of(job));
  }
}

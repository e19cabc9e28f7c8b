package dev.nnc.compiler.run;

import dev.nnc.compiler.check.Program;
import dev.nnc.runtime.train.StepSpec;
import dev.nnc.runtime.train.StepTrainer;
import dev.nnc.runtime.train.TrainOptions;
import dev.nnc.runtime.train.TrainResult;
import dev.nnc.runtime.train.TrainSpec;
import dev.nnc.runtime.train.Trainer;
import java.nio.file.Path;
import java.util.List;

/** Runs a checked train job: emit its Java, compile it in memory, and hand its spec to the trainer. */
public final class JobRunner {
  private JobRunner() {}

  public static TrainResult run(Program program, String jobName, List<Path> dataDirs, TrainOptions options) {
    Object spec = GeneratedProgram.compile(program, dataDirs).jobSpec(jobName);
    return spec instanceof StepSpec custom ? StepTrainer.run(custom, options) : Trainer.run((TrainSpec) spec, options);
  }
}

package dev.nnc.bench;

import dev.nnc.compiler.Compilation;
import dev.nnc.compiler.diag.HumanRenderer;
import dev.nnc.compiler.run.GeneratedProgram;
import dev.nnc.compiler.source.SourceFile;
import dev.nnc.runtime.data.Field;
import dev.nnc.runtime.train.Device;
import dev.nnc.runtime.train.LearningRate;
import dev.nnc.runtime.train.Metric;
import dev.nnc.runtime.train.OptimizerSpec;
import dev.nnc.runtime.train.TrainOptions;
import dev.nnc.runtime.train.TrainResult;
import dev.nnc.runtime.train.TrainSpec;
import dev.nnc.runtime.train.Trainer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A sample's train job through the path {@code nnc train} takes: {@link Compilation} (parse and
 * check), {@code Emitter}, the in-memory Java compiler, the generated {@code spec(data)}, then
 * {@link Trainer#run} with a step limit.
 *
 * <p>The spec the generated code builds is copied with two changes that do not touch a training
 * step: no validation data and no export (both run after the last step, outside the timed window,
 * and would only lengthen the benchmark), and a learning rate that notes the time each step asks for
 * it. The trainer asks just before every step, on the training thread, so the time between the
 * requests of step {@code K} and step {@code K + N} is exactly N whole steps of the trainer's loop
 * (batch from the prefetcher, feeds, session run, loss check), with graph building, session start
 * and the first K steps left out.
 */
public final class GeneratedJob {
  private final TrainSpec spec;
  private final Device device;

  private GeneratedJob(TrainSpec spec, Device device) {
    this.spec = spec;
    this.device = device;
  }

  /** Checks and compiles {@code file} and builds the spec of its only train job. */
  public static GeneratedJob compile(Path file, Path dataDir) {
    Compilation compilation = Compilation.of(source(file), List.of(dataDir));
    if (!compilation.succeeded()) {
      compilation.diagnostics().forEach(d -> System.err.println(HumanRenderer.render(d)));
      throw new IllegalStateException(file + " does not check");
    }
    var jobs = compilation.program().jobs();
    if (jobs.size() != 1) {
      throw new IllegalStateException(file + " must hold exactly one train job");
    }
    String job = jobs.get(0).decl().name().name();
    TrainSpec spec = (TrainSpec) GeneratedProgram.compile(compilation.program(), List.of(dataDir)).jobSpec(job);
    return new GeneratedJob(spec, Device.CPU);
  }

  /** This job, trained on {@code device} (as {@code nnc train --device} does). */
  public GeneratedJob on(Device device) {
    return new GeneratedJob(spec, device);
  }

  static SourceFile source(Path file) {
    try {
      return new SourceFile(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The spec as the generated code built it. */
  public TrainSpec spec() {
    return spec;
  }

  /**
   * Runs {@code warmup + steps + 1} steps and returns the nanoseconds of steps {@code warmup} to
   * {@code warmup + steps - 1}, the last loss, the resident memory (MiB) when the first step was
   * about to run (graph built, session open, data loaded), and the CPU time (nanoseconds, all the
   * process's threads) of the timed steps.
   */
  public double[] train(int warmup, int steps, Path logDir) {
    long[] requested = new long[warmup + steps + 1];
    long[] cpu = new long[2];
    double[] rssAtStart = {Double.NaN};
    TrainResult result = run(requested.length, step -> {
      requested[(int) step] = System.nanoTime();
      if (step == 0) {
        rssAtStart[0] = Results.procStatusMb("VmRSS");
      } else if (step == warmup) {
        cpu[0] = Results.processCpuNanos();
      } else if (step == warmup + steps) {
        cpu[1] = Results.processCpuNanos();
      }
    }, logDir);
    List<Double> losses = result.stepLosses();
    return new double[] {requested[warmup + steps] - requested[warmup], losses.get(losses.size() - 1),
        rssAtStart[0], cpu[1] - cpu[0]};
  }

  /** Called on the training thread just before each step, with the step's number from 0. */
  @FunctionalInterface
  public interface StepHook {
    void beforeStep(long step);
  }

  /**
   * Trains {@code totalSteps} steps with {@link Trainer#run}, quiet, calling {@code hook} before
   * each; the spec is the generated one without validation and export.
   */
  public TrainResult run(long totalSteps, StepHook hook, Path logDir) {
    LearningRate rate = spec.optimizer().learningRate();
    long[] last = {-1};
    LearningRate hooked = (step, stepsPerEpoch) -> {
      if (step != last[0]) {
        last[0] = step;
        hook.beforeStep(step);
      }
      return rate.at(step, stepsPerEpoch);
    };
    TrainSpec.Builder copy = TrainSpec.builder(spec.jobName())
        .model(spec.model(), spec.inputs(), spec.outputs())
        .data(spec.data())
        .loss(spec.loss())
        .optimizer(new OptimizerSpec(spec.optimizer().factory(), hooked))
        .batch(spec.batch())
        .seed(spec.seed());
    for (Field input : spec.inputs()) {
      copy.feed(input.name(), spec.fieldFor(input.name()));
    }
    for (Metric metric : spec.metrics()) {
      copy.metric(metric.name(), metric.value());
    }
    spec.steps().ifPresentOrElse(copy::steps, () -> copy.epochs(spec.epochs()));
    spec.stop().ifPresent(copy::stop);
    spec.clip().ifPresent(copy::clip);
    spec.regularize().ifPresent(copy::regularize);
    TrainResult result = Trainer.run(copy.build(), TrainOptions.builder()
        .maxSteps(totalSteps).quiet(true).logDir(logDir).device(device).build());
    if (result.stepLosses().size() != totalSteps) {
      throw new IllegalStateException("the trainer ran " + result.stepLosses().size() + " steps, not " + totalSteps);
    }
    return result;
  }
}

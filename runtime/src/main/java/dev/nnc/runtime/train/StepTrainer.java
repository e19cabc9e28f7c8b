package dev.nnc.runtime.train;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GraphOptions;
import org.tensorflow.proto.RewriterConfig;

/**
 * Runs a job with a custom step: builds its graph once, and hands {@link RunLoop} the step as a
 * {@link PlannedStep} on its training and validation data, with early stopping as its
 * {@link StopRule}. Models that start from exported weights get them first (a resumed run's
 * checkpoint holds them already); at the end the models named by {@code export} are written as
 * SavedModels and {@code report.html} is written.
 */
public final class StepTrainer {
  private StepTrainer() {}

  /** Trains {@code spec} as {@code options} say; the user's errors come as {@link TrainException} or {@code DataException}. */
  public static TrainResult run(StepSpec spec, TrainOptions options) {
    return run(spec, options, JobDescription.none());
  }

  /**
   * The same, and writes {@code report.html} with what the compiler's {@code description} adds: the
   * layer table of each model and the settings as written.
   */
  public static TrainResult run(StepSpec spec, TrainOptions options, JobDescription description) {
    long start = System.nanoTime();
    long seed = options.seed().orElse(spec.seed());
    Console console = Console.of(options);
    Path logDir = options.logDir(spec.jobName());
    try (Graph tfGraph = new Graph()) {
      StepGraph graph = StepGraph.build(tfGraph, spec, seed);
      List<String> columns = ReportedValues.withValidation(spec.acting().isPresent()
          ? ActingStep.reportedWith(graph.plan().reported(), spec.acting().get()) : graph.plan().reported(),
          spec.validation().isPresent());
      spec.stop().ifPresent(stop -> new SpecCheck(spec.jobName()).require(columns.contains(stop.monitor()),
          "early stopping monitors '" + stop.monitor() + "', which is not reported; the values are " + columns));
      Fingerprint fingerprint = Fingerprint.of(tfGraph, spec.jobName(), seed, spec.batch(),
          spec.acting().isPresent() ? 0 : spec.data().size(), columns);
      // The device first: a run refused one leaves the log directory as it was.
      try (Session session = options.device().open(tfGraph, sessionConfig());
          RunFiles files = RunFiles.open(logDir, fingerprint, spec.checkpoint(), options.start(),
              spec.validation().isPresent(), console::line)) {
        // A resumed run's checkpoint holds every weight, those a model started from included.
        if (files.resumed().isEmpty()) {
          graph.restores().forEach(restore -> restore.run(session));
        }
        Checkpointer checkpointer = files.start(session, graph.weightsFinite());
        Optional<StopRule> stopper = spec.stop().map(stop -> new EarlyStopper(stop,
            files.resumed().flatMap(c -> c.state().stopper()), graph.weightStore(), session, console::line));
        BatchSource data = spec.acting().isPresent() ? new EnvironmentClock()
            : new DatasetBatches(spec.data(), spec.batch(), seed);
        PlannedStep planned = new PlannedStep(session, graph.plan(), data.batchesPerEpoch(),
            new EveryBlocks(session, graph.plan().feeds(), graph.hooks(), data, logDir, console));
        Step step = spec.acting().<Step>map(acting -> new ActingStep(session, planned, acting, graph.policy().orElseThrow(),
            spec.batch(), seed)).orElse(planned);
        RunLoop loop = new RunLoop(spec.jobName(), console, data,
            spec.validation().map(validation -> new DatasetBatches(validation, spec.batch(), seed)), step, stopper,
            RunLength.of(spec.epochs(), spec.steps(), data.batchesPerEpoch(), options), files, checkpointer);
        loop.run();
        RunFacts facts = loop.facts(files.resumed().map(Checkpoint::dir), Duration.ofNanos(System.nanoTime() - start),
            spec.batch(), seed);
        spec.exports().forEach((model, dir) -> {
          StepGraph.ModelGraph io = graph.models().get(model);
          Path exported = SavedModelExport.export(session, io.inputs(), io.outputs(), dir, spec.jobName(), spec.source());
          console.line("exported " + model + " to " + exported);
          facts.put("exported " + model + " to", exported);
        });
        Trainer.writeReport(logDir, spec.jobName(), facts, description, Optional.empty());
        return new TrainResult(loop.epochs(), loop.firstValues(), Duration.ofNanos(System.nanoTime() - start));
      }
    }
  }

  /**
   * Soft placement, as for declarative jobs; and no remapper: it fuses a convolution with its
   * activation, finds that the second model's gradients still name the unfused node, gives up and
   * prints an error on every run (measured with samples/gan/dcgan.nn).
   */
  private static ConfigProto sessionConfig() {
    return ConfigProto.newBuilder()
        .setAllowSoftPlacement(true)
        .setGraphOptions(GraphOptions.newBuilder()
            .setRewriteOptions(RewriterConfig.newBuilder().setRemapping(RewriterConfig.Toggle.OFF)))
        .build();
  }
}

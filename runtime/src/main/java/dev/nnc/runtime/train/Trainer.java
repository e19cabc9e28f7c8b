package dev.nnc.runtime.train;

import dev.nnc.runtime.report.ConfusionMatrix;
import dev.nnc.runtime.report.RunReport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.proto.ConfigProto;

/**
 * Runs a declarative training job: builds its graph once, desugared into the step form (one minimize
 * of its loss, its metrics as reports: {@link TrainingGraph}), and hands {@link RunLoop} that step on
 * its training and validation data, with early stopping as its {@link StopRule}. At the end it exports the model if the job asks for it, and writes
 * {@code report.html}, with a classifier's confusion matrix on the validation data.
 */
public final class Trainer {
  private Trainer() {}

  /**
   * Trains {@code spec} as {@code options} say. The user's errors come as {@link TrainException}
   * or {@code DataException}, their messages written for the user.
   */
  public static TrainResult run(TrainSpec spec, TrainOptions options) {
    return run(spec, options, JobDescription.none());
  }

  /**
   * Trains {@code spec} as {@code options} say, and writes {@code report.html} with what the
   * compiler's {@code description} adds: the layer table, the settings as written, and a
   * classifier's confusion matrix on the validation data.
   */
  public static TrainResult run(TrainSpec spec, TrainOptions options, JobDescription description) {
    long start = System.nanoTime();
    long seed = options.seed().orElse(spec.seed());
    Console console = Console.of(options);
    TrainingSession where = TrainingSession.start(spec.jobName(), options, spec.batch(), spec.data().size(),
        spec.validation().map(v -> (long) v.size()), console::line);
    Path logDir = where.logDir(options.logDir(spec.jobName()));
    try (Graph graph = new Graph()) {
      TrainingGraph trainingGraph = TrainingGraph.build(graph, spec, seed, where.replication());
      Fingerprint fingerprint = Fingerprint.of(graph, spec, seed);
      // The device first: a run refused one leaves the log directory as it was.
      try (Session session = where.open(graph, sessionConfig());
          RunFiles files = RunFiles.open(logDir, fingerprint, spec.checkpoint(), options.start(),
              spec.validation().isPresent(), console::line)) {
        Checkpointer checkpointer = files.start(session, trainingGraph.weightsFinite());
        where.beforeFirstStep(session);
        Optional<StopRule> stopper = spec.stop().map(stop -> new EarlyStopper(stop,
            files.resumed().flatMap(c -> c.state().stopper()), trainingGraph.weightStore(), session,
            console::line));
        BatchSource data = new DatasetBatches(spec.data(), spec.batch(), seed);
        RunLoop loop = new RunLoop(spec.jobName(), console, data,
            spec.validation().map(validation -> new DatasetBatches(validation, spec.batch(), seed)),
            new PlannedStep(session, trainingGraph.plan(), data.batchesPerEpoch(), EveryBlocks.none()), stopper,
            RunLength.of(spec, options), files, checkpointer);
        where.guard("training", loop::run);
        Optional<ConfusionMatrix> confusion = description.classifier().filter(c -> where.writes()).flatMap(c -> spec.validation()
            .map(validation -> Confusion.count(session, trainingGraph, c, validation, spec.batch(), seed, spec.jobName())));
        Optional<Path> exported = spec.export().filter(dir -> where.writes()).map(dir -> SavedModelExport.export(session, trainingGraph, spec, description.classifier()));
        exported.ifPresent(dir -> console.line("exported the model to " + dir));
        Duration wallTime = Duration.ofNanos(System.nanoTime() - start);
        RunFacts facts = loop.facts(files.resumed().map(Checkpoint::dir), wallTime, spec.batch(), seed);
        exported.ifPresent(dir -> facts.put("exported to", dir));
        writeReport(logDir, spec.jobName(), facts, description, confusion);
        return new TrainResult(loop.epochs(), loop.firstValues(), wallTime);
      }
    }
  }

  /** Writes {@code report.html}; a log directory that refuses it is the user's to fix. */
  static void writeReport(Path logDir, String job, RunFacts facts, JobDescription description,
      Optional<ConfusionMatrix> confusion) {
    try {
      RunReport.write(logDir, job, facts.facts(), description, confusion);
    } catch (IOException e) {
      throw new TrainException("cannot write " + logDir.resolve(RunReport.FILE_NAME) + ": " + e.getMessage(), e);
    }
  }

  static ConfigProto sessionConfig() {
    // Soft placement lets ops without a GPU kernel fall back to the CPU on a GPU build.
    return ConfigProto.newBuilder().setAllowSoftPlacement(true).build();
  }
}

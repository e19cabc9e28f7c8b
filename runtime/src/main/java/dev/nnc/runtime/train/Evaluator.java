package dev.nnc.runtime.train;

import dev.nnc.runtime.data.Dataset;
import dev.nnc.runtime.graph.Net;
import dev.nnc.runtime.report.ConfusionMatrix;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.tensorflow.Graph;
import org.tensorflow.Session;

/**
 * What {@code nnc eval} computes, as Keras's {@code evaluate} and Caffe's {@code test} do: a
 * declarative job's loss and metrics over a data set, with the weights of a model it (or any job
 * declaring the same model) exported, and for a classifier the confusion matrix.
 */
public final class Evaluator {
  /** The loss and each metric by name, over {@code records} records; a classifier's confusion matrix. */
  public record Evaluation(Map<String, Double> values, long records, Optional<ConfusionMatrix> confusion) {}

  private Evaluator() {}

  /**
   * Evaluates {@code spec}'s model with the weights exported to {@code modelDir} on {@code data},
   * which needs the fields of the job's training data; the user's errors come as
   * {@link TrainException}s (or {@code DataException}s from the data).
   */
  public static Evaluation run(TrainSpec spec, Dataset data, Path modelDir, Device device,
      Optional<JobDescription.Classifier> classifier) {
    new SpecCheck(spec.jobName()).evaluationFits(spec.data(), data);
    try (Graph graph = new Graph()) {
      Net net = Net.root(graph, spec.seed());
      TrainingGraph training = TrainingGraph.build(net, spec);
      WeightRestore weights = WeightRestore.build(net, TrainingGraph.MODEL_SCOPE, modelDir.toString(),
          "job " + spec.jobName() + "'s model");
      try (Session session = device.open(graph, Trainer.sessionConfig())) {
        weights.run(session);
        BatchSource batches = new DatasetBatches(data, spec.batch(), spec.seed());
        Step step = new PlannedStep(session, training.plan(), batches.batchesPerEpoch(), EveryBlocks.none());
        WeightedMeans means = RunLoop.evaluate(step, batches, spec.jobName(), 0, "evaluation");
        Optional<ConfusionMatrix> confusion = classifier.map(c ->
            Confusion.count(session, training, c, data, spec.batch(), spec.seed(), spec.jobName()));
        return new Evaluation(means.named(step.reported(), ""), data.size(), confusion);
      }
    }
  }
}

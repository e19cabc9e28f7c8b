package dev.nnc.runtime.train;

import dev.nnc.runtime.data.Batch;
import dev.nnc.runtime.data.Dataset;
import dev.nnc.runtime.report.ConfusionMatrix;

/** Counts a classifier's predictions (the arg-max of its logits) against the labels of a data set. */
final class Confusion {
  private Confusion() {}

  static ConfusionMatrix count(StepRunner steps, TrainingGraph graph, JobDescription.Classifier classifier,
      Dataset data, int batchSize, long seed, String job) {
    ConfusionMatrix matrix = new ConfusionMatrix(classifier.classes());
    try (Prefetcher batches = new Prefetcher(() -> data.batches(batchSize, seed, 0))) {
      while (batches.hasNext()) {
        Batch batch = batches.next();
        float[] logits = steps.fetch(batch, graph.outputs().get(classifier.output()));
        int[] labels = batch.ints(classifier.label());
        int classes = classifier.classes();
        if (logits.length != labels.length * classes) {
          throw new TrainException("job " + job + ": output " + classifier.output() + " gives "
              + logits.length / Math.max(1, labels.length) + " values per record, not the " + classes
              + " classes the compiler found");
        }
        for (int record = 0; record < labels.length; record++) {
          if (labels[record] < 0 || labels[record] >= classes) {
            throw new TrainException("job " + job + ": a validation record's " + classifier.label() + " is "
                + labels[record] + ", not a class from 0 to " + (classes - 1));
          }
          matrix.add(labels[record], argMax(logits, record * classes, classes));
        }
      }
    }
    return matrix;
  }

  /** The first of the largest values, as TensorFlow's {@code ArgMax} breaks ties. */
  private static int argMax(float[] values, int from, int count) {
    int best = 0;
    for (int i = 1; i < count; i++) {
      if (values[from + i] > values[from + best]) {
        best = i;
      }
    }
    return best;
  }
}

package dev.nnc.runtime.train;

import dev.nnc.runtime.data.Batch;
import dev.nnc.runtime.data.Dataset;
import dev.nnc.runtime.report.ConfusionMatrix;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/** Counts a classifier's predictions (the arg-max of its logits) against the labels of a data set. */
final class Confusion {
  private Confusion() {}

  static ConfusionMatrix count(Session session, TrainingGraph graph, JobDescription.Classifier classifier,
      Dataset data, int batchSize, long seed, String job) {
    ConfusionMatrix matrix = new ConfusionMatrix(classifier.classes());
    try (Prefetcher batches = new Prefetcher(() -> data.batches(batchSize, seed, 0))) {
      while (batches.hasNext()) {
        Batch batch = batches.next();
        float[] logits = fetch(session, graph.plan().feeds(), batch, graph.outputs().get(classifier.output()));
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

  /** The values of {@code output} on {@code batch}, flat, with the model in inference mode. */
  private static float[] fetch(Session session, List<FieldFeed> feeds, Batch batch, Operand<?> output) {
    List<Tensor> fed = new ArrayList<>();
    try {
      Session.Runner runner = session.runner();
      for (FieldFeed feed : feeds) {
        Tensor tensor = feed.tensor(batch);
        fed.add(tensor);
        runner.feed(feed.placeholder(), tensor);
      }
      try (Result result = runner.fetch(output).run()) {
        TFloat32 values = (TFloat32) result.get(0);
        float[] flat = new float[Math.toIntExact(values.size())];
        values.copyTo(DataBuffers.of(flat, false, false));
        return flat;
      }
    } finally {
      fed.forEach(Tensor::close);
    }
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

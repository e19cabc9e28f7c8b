package dev.nnc.runtime.train;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.summary.SummaryWriter;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TString;

/**
 * TensorBoard's event files, laid out as Keras's {@code TensorBoard} callback lays them out: after
 * each epoch every training value goes to {@code <log-dir>/train} and every validation value to
 * {@code <log-dir>/validation}, tagged {@code epoch_loss}, {@code epoch_accuracy}, ... with the
 * epoch (from 0, as in {@code metrics.csv}) as the step, so TensorBoard draws training and
 * validation on one chart. The files are written by TensorFlow's own summary-writer ops (in a
 * small graph of their own, which leaves the training graph and its checkpoints as they are), so
 * their record framing and checksums are TensorFlow's.
 */
final class EventLog implements AutoCloseable {
  static final String TRAIN = "train";
  static final String VALIDATION = "validation";
  private static final String EVENT_FILE_PREFIX = "events.out.tfevents.";
  private static final String TAG_PREFIX = "epoch_";

  private final Graph graph;
  private final Session session;
  private final Placeholder<TInt64> step;
  private final Placeholder<TString> tag;
  private final Placeholder<TFloat32> value;
  private final Map<String, Writer> writers;

  /** The ops of one writer, named for its sub-directory. */
  private record Writer(String write, String flush, String close) {}

  private EventLog(Graph graph, Placeholder<TInt64> step, Placeholder<TString> tag,
      Placeholder<TFloat32> value, Map<String, Writer> writers) {
    this.graph = graph;
    this.session = new Session(graph);
    this.step = step;
    this.tag = tag;
    this.value = value;
    this.writers = writers;
  }

  /**
   * Opens event files in {@code logDir}, for validation values too if the job {@code validates};
   * a run that starts afresh ({@code resume} false) first deletes the event files of earlier runs
   * there, as it clears their checkpoints.
   */
  static EventLog open(Path logDir, boolean validates, boolean resume) {
    if (!resume) {
      deleteEventFiles(logDir.resolve(TRAIN));
      deleteEventFiles(logDir.resolve(VALIDATION));
    }
    Map<String, Path> dirs = new LinkedHashMap<>();
    dirs.put(TRAIN, logDir.resolve(TRAIN));
    if (validates) {
      dirs.put(VALIDATION, logDir.resolve(VALIDATION));
    }
    Graph graph = new Graph();
    try {
      Ops tf = Ops.create(graph);
      Placeholder<TInt64> step = tf.placeholder(TInt64.class, Placeholder.shape(Shape.scalar()));
      Placeholder<TString> tag = tf.placeholder(TString.class, Placeholder.shape(Shape.scalar()));
      Placeholder<TFloat32> value = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
      Map<String, Writer> writers = new LinkedHashMap<>();
      List<String> creates = new ArrayList<>();
      dirs.forEach((name, dir) -> {
        Ops scope = tf.withSubScope(name);
        Operand<?> writer = scope.summary.summaryWriter(SummaryWriter.sharedName(name));
        creates.add(scope.withName("create").summary.createSummaryFileWriter(writer,
            scope.constant(dir.toAbsolutePath().toString()), scope.constant(10),
            scope.constant(Integer.MAX_VALUE), scope.constant("")).op().name());
        writers.put(name, new Writer(
            scope.withName("write").summary.writeScalarSummary(writer, step, tag, value).op().name(),
            scope.withName("flush").summary.flushSummaryWriter(writer).op().name(),
            scope.withName("close").summary.closeSummaryWriter(writer).op().name()));
      });
      EventLog log = new EventLog(graph, step, tag, value, writers);
      Session.Runner runner = log.session.runner();
      creates.forEach(runner::addTarget);
      runner.run();
      return log;
    } catch (RuntimeException e) {
      graph.close();
      throw new TrainException("cannot write TensorBoard event files to " + logDir + ": " + e.getMessage(), e);
    }
  }

  /** Writes an epoch's values, {@code val_} ones to the validation files, and flushes both. */
  void append(int epoch, Map<String, Double> values) {
    values.forEach((name, figure) -> {
      boolean validation = name.startsWith(ReportedValues.VALIDATION_PREFIX);
      String bare = validation ? name.substring(ReportedValues.VALIDATION_PREFIX.length()) : name;
      write(writers.get(validation ? VALIDATION : TRAIN).write(), epoch, TAG_PREFIX + bare, figure);
    });
    Session.Runner flush = session.runner();
    writers.values().forEach(w -> flush.addTarget(w.flush()));
    flush.run();
  }

  private void write(String op, long epoch, String name, double figure) {
    try (Tensor s = TInt64.scalarOf(epoch);
        Tensor t = TString.scalarOf(name);
        Tensor v = TFloat32.scalarOf((float) figure)) {
      session.runner().feed(step, s).feed(tag, t).feed(value, v).addTarget(op).run();
    }
  }

  private static void deleteEventFiles(Path dir) {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, EVENT_FILE_PREFIX + "*")) {
      for (Path file : files) {
        Files.delete(file);
      }
    } catch (IOException e) {
      throw new TrainException("cannot delete the old event files in " + dir + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      Session.Runner runner = session.runner();
      writers.values().forEach(w -> runner.addTarget(w.close()));
      runner.run();
    } finally {
      session.close();
      graph.close();
    }
  }
}

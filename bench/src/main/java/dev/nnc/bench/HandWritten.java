package dev.nnc.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.framework.optimizers.Adam;
import org.tensorflow.framework.optimizers.Optimizer.GradAndVar;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.random.RandomUniform;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.family.TType;

/**
 * The benchmark networks written by hand directly on TF Java 1.1.0, the best way we know: one graph,
 * one session run per step that feeds the batch, runs forward pass, gradients and Adam together and
 * fetches the loss and the accuracy (what the nnc job reports every step); batches gathered into one
 * reused flat {@code float[]} and wrapped with {@code DataBuffers.of(flat, true, false)}. The same
 * initialisers as nnc (Keras's: glorot_uniform kernels, zero biases), Adam with Keras's defaults
 * (lr 1e-3, epsilon 1e-7), batch 100.
 */
public final class HandWritten implements AutoCloseable {
  private final Graph graph = new Graph();
  private final Ops tf = Ops.create(graph);
  private final List<Variable<TFloat32>> variables = new ArrayList<>();
  private final List<Operand<TFloat32>> reads = new ArrayList<>();
  private final Placeholder<TFloat32> images;
  private final Placeholder<TInt32> labels;
  private final Operand<TFloat32> loss;
  private final Operand<TFloat32> accuracy;
  private final Op train;
  private final Session session;
  private final FashionMnist data;
  private final int batch;
  private final float[] flatImages;
  private final int[] flatLabels;
  private final Shape imageShape;
  private final Shape labelShape;
  private int[] order;
  private int next;
  private int epochs;
  private long seed = 42;

  private HandWritten(String model, FashionMnist data, int batch) {
    this.data = data;
    this.batch = batch;
    this.flatImages = new float[batch * data.pixels()];
    this.flatLabels = new int[batch];
    this.imageShape = Shape.of(batch, 28, 28, 1);
    this.labelShape = Shape.of(batch);
    this.order = shuffled(data.count(), new SplittableRandom(42));
    images = tf.withName("image").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 28, 28, 1)));
    labels = tf.withName("label").placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
    Operand<TFloat32> logits = switch (model) {
      case "mlp" -> mlp(images);
      case "cnn" -> cnn(images);
      default -> throw new IllegalArgumentException("no hand-written model " + model);
    };
    Operand<TFloat32> oneHot = tf.oneHot(labels, tf.constant(10), tf.constant(1f), tf.constant(0f));
    loss = tf.math.mean(tf.nn.softmaxCrossEntropyWithLogits(logits, oneHot).loss(), tf.constant(0));
    Operand<TInt64> predicted = tf.math.argMax(logits, tf.constant(1));
    accuracy = tf.math.mean(
        tf.dtypes.cast(tf.math.equal(predicted, tf.dtypes.cast(labels, TInt64.class)), TFloat32.class),
        tf.constant(0));
    // Gradients for the explicit list of weights, through their identity reads (see the TF Java notes).
    Output<?>[] gradients = graph.addGradients(
        loss.asOutput(), reads.stream().map(Operand::asOutput).toArray(Output<?>[]::new));
    List<GradAndVar<? extends TType>> pairs = new ArrayList<>();
    for (int i = 0; i < gradients.length; i++) {
      pairs.add(new GradAndVar<>(gradients[i].expect(TFloat32.class), variables.get(i).asOutput()));
    }
    train = new Adam(graph, 1e-3f, 0.9f, 0.999f, 1e-7f).applyGradients(pairs, "train");
    session = new Session(graph);
  }

  /** The network {@code model} ("mlp" or "cnn"), its graph built and its session open, to train on {@code data}. */
  public static HandWritten build(String model, FashionMnist data, int batch) {
    return new HandWritten(model, data, batch);
  }

  /** 784-256-128-10 with ReLU, as samples/fashion/mlp.nn. */
  private Operand<TFloat32> mlp(Operand<TFloat32> x) {
    Operand<TFloat32> h = tf.reshape(x, tf.constant(new long[] {-1, 784}));
    h = tf.nn.relu(dense("dense1", h, 784, 256));
    h = tf.nn.relu(dense("dense2", h, 256, 128));
    return dense("dense3", h, 128, 10);
  }

  /** conv5x5·32 → pool → conv5x5·64 → pool → dense 1024 → dropout 0.4 → 10, as samples/fashion/cnn.nn. */
  private Operand<TFloat32> cnn(Operand<TFloat32> x) {
    Operand<TFloat32> h = maxPool(tf.nn.relu(conv("conv1", x, 1, 32)));
    h = maxPool(tf.nn.relu(conv("conv2", h, 32, 64)));
    h = tf.reshape(h, tf.constant(new long[] {-1, 7 * 7 * 64}));
    h = tf.nn.relu(dense("dense1", h, 7 * 7 * 64, 1024));
    // Inverted dropout, training only (this graph never evaluates): a Bernoulli(keep) mask, scaled.
    float keep = 0.6f;
    Operand<TFloat32> noise = tf.random.randomUniform(tf.shape(h), TFloat32.class,
        RandomUniform.seed(nextSeed()).seed2(seed + 1));
    Operand<TFloat32> mask = tf.math.floor(tf.math.add(tf.constant(keep), noise));
    h = tf.math.div(tf.math.mul(h, mask), tf.constant(keep));
    return dense("dense2", h, 1024, 10);
  }

  private Operand<TFloat32> dense(String name, Operand<TFloat32> x, long in, long out) {
    Operand<TFloat32> kernel = weight(name + "_kernel", Shape.of(in, out), glorotLimit(in, out));
    Operand<TFloat32> bias = weight(name + "_bias", Shape.of(out), 0);
    return tf.nn.biasAdd(tf.linalg.matMul(x, kernel), bias);
  }

  private Operand<TFloat32> conv(String name, Operand<TFloat32> x, long in, long out) {
    Operand<TFloat32> kernel = weight(name + "_kernel", Shape.of(5, 5, in, out), glorotLimit(25 * in, 25 * out));
    Operand<TFloat32> bias = weight(name + "_bias", Shape.of(out), 0);
    return tf.nn.biasAdd(tf.nn.conv2d(x, kernel, List.of(1L, 1L, 1L, 1L), "SAME"), bias);
  }

  private Operand<TFloat32> maxPool(Operand<TFloat32> x) {
    return tf.nn.maxPool(x, tf.constant(new int[] {1, 2, 2, 1}), tf.constant(new int[] {1, 2, 2, 1}), "VALID");
  }

  private static double glorotLimit(long fanIn, long fanOut) {
    return Math.sqrt(6.0 / (fanIn + fanOut));
  }

  /** A variable initialised uniformly in [-limit, limit] (zeros for limit 0), read once through identity. */
  private Operand<TFloat32> weight(String name, Shape shape, double limit) {
    Operand<TFloat32> init;
    if (limit == 0) {
      init = tf.fill(tf.constant(shape.asArray()), tf.constant(0f));
    } else {
      long s = nextSeed();
      Operand<TFloat32> u = tf.random.randomUniform(tf.constant(shape.asArray()), TFloat32.class,
          RandomUniform.seed(s).seed2(s + 1));
      init = tf.math.add(tf.math.mul(u, tf.constant((float) (2 * limit))), tf.constant((float) -limit));
    }
    Variable<TFloat32> variable = tf.withName(name).variable(init);
    variables.add(variable);
    Operand<TFloat32> read = tf.withName(name + "_read").identity(variable);
    reads.add(read);
    return read;
  }

  private long nextSeed() {
    return ++seed;
  }

  /**
   * Trains {@code warmup + steps} steps and returns the time of the last {@code steps} (nanoseconds),
   * the last loss, the resident memory (MiB) before the first step, and the CPU time of the timed
   * steps (nanoseconds, all threads).
   */
  public double[] train(int warmup, int steps) {
    double rssAtStart = Results.procStatusMb("VmRSS");
    double lastLoss = Double.NaN;
    for (int step = 0; step < warmup; step++) {
      lastLoss = step();
    }
    long start = System.nanoTime();
    long cpuStart = Results.processCpuNanos();
    for (int step = 0; step < steps; step++) {
      lastLoss = step();
    }
    long end = System.nanoTime();
    return new double[] {end - start, lastLoss, rssAtStart, Results.processCpuNanos() - cpuStart};
  }

  /**
   * One training step on the next batch of a shuffled order (a new order every epoch): gather the
   * records into the flat arrays, wrap them, one session run. Returns the loss.
   */
  public double step() {
    if (next + batch > order.length) {
      order = shuffled(data.count(), new SplittableRandom(42 + ++epochs));
      next = 0;
    }
    int pixels = data.pixels();
    for (int i = 0; i < batch; i++) {
      int record = order[next + i];
      System.arraycopy(data.images(), record * pixels, flatImages, i * pixels, pixels);
      flatLabels[i] = data.labels()[record];
    }
    next += batch;
    try (TFloat32 x = TFloat32.tensorOf(imageShape, DataBuffers.of(flatImages, true, false));
        TInt32 y = TInt32.tensorOf(labelShape, DataBuffers.of(flatLabels, true, false));
        Result result = session.runner().feed(images, x).feed(labels, y)
            .addTarget(train).fetch(loss).fetch(accuracy).run()) {
      return ((TFloat32) result.get(0)).getFloat();
    }
  }

  private static int[] shuffled(int n, SplittableRandom random) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}

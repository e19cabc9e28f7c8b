package dev.nnc.runtime.distributed;

import dev.nnc.runtime.graph.Initializer;
import dev.nnc.runtime.graph.Net;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The small MLP (8 -> 16 relu -> 3, softmax cross-entropy, plain gradient descent, no dropout or
 * batch norm) that every data-parallel mode trains, on 64 fixed random records, 16 a step.
 */
final class Mlp {
  static final int FEATURES = 8;
  static final int CLASSES = 3;
  static final int RECORDS = 64;
  static final int BATCH = 16;
  static final String MODEL = "model";
  private static final float RATE = 0.5f;
  private static final float[] X = new float[RECORDS * FEATURES];
  private static final float[] Y = new float[RECORDS * CLASSES];

  static {
    Random random = new Random(7);
    for (int i = 0; i < X.length; i++) {
      X[i] = (float) random.nextGaussian();
    }
    for (int r = 0; r < RECORDS; r++) {
      Y[r * CLASSES + random.nextInt(CLASSES)] = 1;
    }
  }

  private Mlp() {}

  private static final Initializer NORMAL = (tf, shape, seed) ->
      tf.math.mul(tf.random.statelessRandomNormal(tf.constant(shape.asArray()), tf.constant(new long[] {seed, 1})),
          tf.constant(0.5f));

  /** The mean loss of the model, built in {@code model} (weights under model/), on {@code batch}'s x and y. */
  static Operand<TFloat32> loss(Net model, Map<String, Operand<?>> batch) {
    Ops tf = model.tf();
    Operand<TFloat32> x = batch.get("x").asOutput().expect(TFloat32.class);
    Operand<TFloat32> y = batch.get("y").asOutput().expect(TFloat32.class);
    Operand<TFloat32> hidden = tf.nn.relu(tf.math.add(
        tf.linalg.matMul(x, model.scope("hidden").weight("kernel", Shape.of(FEATURES, 16), NORMAL, true)),
        model.scope("hidden").weight("bias", Shape.of(16), NORMAL, true)));
    Operand<TFloat32> logits = tf.math.add(
        tf.linalg.matMul(hidden, model.scope("out").weight("kernel", Shape.of(16, CLASSES), NORMAL, true)),
        model.scope("out").weight("bias", Shape.of(CLASSES), NORMAL, true));
    return tf.math.mean(tf.nn.softmaxCrossEntropyWithLogits(logits, y).loss(), tf.constant(0));
  }

  /** Placeholders x and y for batches of {@code rows} records. */
  static Map<String, Operand<?>> placeholders(Ops tf, int rows) {
    Map<String, Operand<?>> batch = new LinkedHashMap<>();
    batch.put("x", tf.withName("x").placeholder(TFloat32.class, Placeholder.shape(Shape.of(rows, FEATURES))));
    batch.put("y", tf.withName("y").placeholder(TFloat32.class, Placeholder.shape(Shape.of(rows, CLASSES))));
    return batch;
  }

  /** Gradient descent on every weight, with {@code gradients} in the weights' order. */
  static Op apply(Ops tf, List<Net.Weight> weights, List<Operand<TFloat32>> gradients) {
    // Every update waits for every gradient: the updates write the variables in place, under reads
    // that other gradients still need.
    List<Op> computed = new ArrayList<>();
    for (Operand<TFloat32> g : gradients) {
      computed.add(tf.identity(g));
    }
    Ops after = tf.withControlDependencies(computed);
    List<Op> updates = new ArrayList<>();
    for (int i = 0; i < weights.size(); i++) {
      updates.add(after.train.applyGradientDescent(weights.get(i).variable(), tf.constant(RATE), gradients.get(i)));
    }
    return tf.withControlDependencies(updates).noOp();
  }

  /**
   * Runs {@code train} once per step, feeding rows {@code first .. first + rows} of step k's global
   * batch (records {@code k * BATCH ..}, wrapping around the data).
   */
  static void train(Session session, Map<String, Operand<?>> batch, Op train, int steps, int first, int rows) {
    train(session, batch, train, steps, first, rows, 0);
  }

  /** As above, counting steps from {@code from}. */
  static void train(Session session, Map<String, Operand<?>> batch, Op train, int steps, int first, int rows, int from) {
    for (int k = from; k < from + steps; k++) {
      int start = (k * BATCH) % RECORDS + first;
      try (Tensor x = slice(X, start, rows, FEATURES); Tensor y = slice(Y, start, rows, CLASSES)) {
        session.runner().feed(batch.get("x"), x).feed(batch.get("y"), y).addTarget(train).run().close();
      }
    }
  }

  /** Every weight's values, flattened, in the weights' order. */
  static List<float[]> values(Session session, List<Net.Weight> weights) {
    List<float[]> values = new ArrayList<>();
    for (Net.Weight w : weights) {
      try (var result = session.runner().fetch(w.read()).run()) {
        TFloat32 t = (TFloat32) result.get(0);
        float[] flat = new float[(int) t.shape().size()];
        t.copyTo(DataBuffers.of(flat, false, false));
        values.add(flat);
      }
    }
    return values;
  }

  private static Tensor slice(float[] data, int record, int rows, int width) {
    float[] part = new float[rows * width];
    System.arraycopy(data, record * width, part, 0, part.length);
    return TFloat32.tensorOf(Shape.of(rows, width), DataBuffers.of(part, true, false));
  }
}

package dev.nnc.stdlib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.nnc.runtime.graph.Net;
import dev.nnc.stdlib.ContractFixture.Case;
import dev.nnc.stdlib.ContractFixture.Values;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The gradient half of the contract, for the cases that ask for it: the gradient TensorFlow builds
 * for a built-in (Graph.addGradients, as training does) equals the central difference of the
 * built-in's own output, for every element of every float input, with the fixture's weights. The output is weighed by fixed,
 * distinct numbers first, so a gradient that swaps or drops output elements cannot pass. The sum of
 * each input is added to what is differentiated, a path that always exists: a built-in through
 * which no gradient may flow ({@code stop_gradient}, case {@code "zero"}) must then give exactly 1.
 */
final class GradientCheck {
  /** The step of the central differences: float32 rounding and curvature both stay near 1e-4. */
  private static final double STEP = 1e-2;
  /** Absolute, and relative to gradients above 1. */
  private static final double TOLERANCE = 5e-3;

  private GradientCheck() {}

  static void holds(TensorOp op, Case c) {
    try (Graph graph = new Graph()) {
      Net root = Net.root(graph, 1);
      Ops tf = root.tf();
      Net net = root.withBatchSize(tf.constant(c.batch()));
      List<Operand<?>> placeholders = BuiltinContractTest.placeholders(tf, c);
      Operand<?> output = Layer.of(op, c.namesAndValues(placeholders))
          .apply(net, c.positional(placeholders).toArray(Operand<?>[]::new));
      Operand<TFloat32> weighed = weighedSum(tf, output, c.output());
      List<Integer> floats = new ArrayList<>();
      for (int i = 0; i < c.inputs().size(); i++) {
        if (c.inputs().get(i).isFloat()) {
          floats.add(i);
          weighed = tf.math.add(weighed, sum(tf, placeholders.get(i)));
        }
      }
      Output<?>[] wrt = floats.stream().map(i -> placeholders.get(i).asOutput()).toArray(Output<?>[]::new);
      List<Operand<?>> assigns = BuiltinContractTest.fixtureWeights(tf, net, c);
      Output<?>[] gradients = graph.addGradients(weighed.asOutput(), wrt);
      try (Session session = new Session(graph)) {
        if (!assigns.isEmpty()) {
          Session.Runner init = session.runner();
          assigns.forEach(init::addTarget);
          init.run().close();
        }
        for (int k = 0; k < floats.size(); k++) {
          int input = floats.get(k);
          double[] analytic = run(session, placeholders, c, input, null, gradients[k]);
          double[] data = c.inputs().get(input).data();
          for (int j = 0; j < data.length; j++) {
            double expected = 1;
            if (c.gradient().equals("numeric")) {
              double[] up = data.clone();
              double[] down = data.clone();
              up[j] += STEP;
              down[j] -= STEP;
              expected = (run(session, placeholders, c, input, up, weighed)[0]
                  - run(session, placeholders, c, input, down, weighed)[0]) / (2 * STEP);
            } else {
              assertEquals("zero", c.gradient(), c + ": gradient is \"numeric\" or \"zero\"");
            }
            if (!(Math.abs(expected - analytic[j]) <= TOLERANCE * Math.max(1, Math.abs(expected)))) {
              fail(c + ": the gradient of input " + input + " at " + j + " is " + analytic[j]
                  + ", central differences give " + expected);
            }
          }
        }
      }
    }
  }

  /** sum(output * w) for fixed w of the output's shape, each weight different. */
  private static Operand<TFloat32> weighedSum(Ops tf, Operand<?> output, Values shapeOf) {
    float[] w = new float[shapeOf.data().length];
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) Math.cos(1.3 * i + 0.4);
    }
    @SuppressWarnings("unchecked")
    Operand<TFloat32> product = tf.math.mul((Operand<TFloat32>) output,
        tf.constant(Shape.of(shapeOf.shape()), DataBuffers.of(w, true, false)));
    return sum(tf, product);
  }

  @SuppressWarnings("unchecked")
  private static Operand<TFloat32> sum(Ops tf, Operand<?> x) {
    return tf.sum(tf.reshape((Operand<TFloat32>) x, tf.constant(new long[] {-1})), tf.constant(0));
  }

  /** Fetches {@code fetch} with the fixture's inputs, input {@code changed} replaced by {@code data} when given. */
  private static double[] run(Session session, List<Operand<?>> placeholders, Case c, int changed, double[] data,
      Operand<?> fetch) {
    List<Tensor> fed = new ArrayList<>();
    try {
      Session.Runner runner = session.runner();
      for (int i = 0; i < placeholders.size(); i++) {
        Values input = c.inputs().get(i);
        Tensor t = BuiltinContractTest.tensor(input, i == changed && data != null ? data : input.data());
        fed.add(t);
        runner.feed(placeholders.get(i), t);
      }
      try (Result result = runner.fetch(fetch).run()) {
        TFloat32 t = (TFloat32) result.get(0);
        float[] raw = new float[(int) t.shape().size()];
        t.copyTo(DataBuffers.of(raw, false, false));
        double[] values = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
          values[i] = raw[i];
        }
        return values;
      }
    } finally {
      fed.forEach(Tensor::close);
    }
  }
}

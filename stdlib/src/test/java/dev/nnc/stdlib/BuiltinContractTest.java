package dev.nnc.stdlib;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.nnc.runtime.graph.Net;
import dev.nnc.stdlib.ContractFixture.Case;
import dev.nnc.stdlib.ContractFixture.Values;
import dev.nnc.stdlib.graph.Outputs;
import dev.nnc.stdlib.spec.Args;
import dev.nnc.stdlib.spec.Dim;
import dev.nnc.stdlib.spec.TensorType;
import dev.nnc.stdlib.spec.WeightSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The contract every tensor built-in of {@link Builtins} keeps (the Keras layer test's idea): for
 * each case of its fixture, the shape the checker infers is the shape the graph builds, the weights
 * the graph creates are the ones its specification lists (names, shapes, trainable, parameter
 * count — PyTorch's, in Keras's layout), the output matches PyTorch's definition within 1e-5, and a
 * graph restored from a checkpoint of those weights gives that output again. A built-in without a
 * fixture fails here: add its cases to src/test/fixtures/make_fixtures.py.
 */
class BuiltinContractTest {
  /** Absolute, and relative to values above 1: float32 graphs against float64 references. */
  private static final double TOLERANCE = 1e-5;

  @TempDir Path checkpoints;

  @TestFactory
  Stream<DynamicTest> everyTensorBuiltinKeepsTheContract() {
    return Builtins.all().stream()
        .filter(TensorOp.class::isInstance)
        .map(b -> DynamicTest.dynamicTest(b.name(), () -> keepsContract((TensorOp) b)));
  }

  private void keepsContract(TensorOp op) throws Exception {
    ContractFixture fixture = ContractFixture.of(op.name()).orElseThrow(() -> new AssertionError(
        "`" + op.name() + "` has no contract fixture: add its cases to stdlib/src/test/fixtures/make_fixtures.py,"
            + " run it, and check in contract/" + op.name() + ".json"));
    assertTrue(!fixture.cases().isEmpty(), op.name() + "'s fixture has no cases");
    for (Case c : fixture.cases()) {
      List<TensorType> all = c.inputs().stream().map(Values::checkerType).toList();
      Args args = Args.of(op.signature(), c.namesAndValues(all));
      List<TensorType> types = c.positional(all);
      TensorType inferred = op.outputType(args, types);
      List<WeightSpec> specs = op.weights(args, types);
      assertEquals(c.weights().stream().map(w -> w.name() + Arrays.toString(w.shape()) + (w.trainable() ? "" : " frozen")).toList(),
          specs.stream().map(w -> w.name() + Arrays.toString(w.shape().sizes()) + (w.trainable() ? "" : " frozen")).toList(),
          c + ": the weights of the specification");
      assertEquals(c.weights().stream().mapToLong(ContractFixture.Weight::count).sum(),
          specs.stream().mapToLong(WeightSpec::count).sum(), c + ": parameter count");

      Run first = run(op, c, 1, null);
      assertEquals(specs.stream().map(w -> w.name() + Arrays.toString(w.shape().sizes())).toList(), first.weights,
          c + ": the weights the graph created");
      assertArrayEquals(sizes(inferred, c.batch()), first.shape, c + ": inferred " + inferred + ", built");
      if (c.moments() != null) {
        nearMoments(c, first.values);
        continue;
      }
      near(c, c.output().data(), first.values, "");
      namedResultsMatch(c, op.results(args, types), first);
      if (c.gradient() != null) {
        GradientCheck.holds(op, c);
      }
      if (!specs.isEmpty()) {
        Path saved = checkpoints.resolve(op.name() + "-" + fixture.cases().indexOf(c));
        run(op, c, 1, saved);
        Run restored = run(op, c, 2, saved);
        near(c, c.output().data(), restored.values, " after saving and restoring");
        namedResultsMatch(c, op.results(args, types), restored);
      }
    }
  }

  /** Each further result the fixture holds: its inferred shape is the built one, its values PyTorch's. */
  private static void namedResultsMatch(Case c, java.util.Map<String, TensorType> inferred, Run run) {
    c.namedResults().forEach((name, expected) -> {
      assertTrue(inferred.containsKey(name), c + ": the checker knows no result `" + name + "`, only " + inferred.keySet());
      Run.Result built = run.named.get(name);
      assertArrayEquals(sizes(inferred.get(name), c.batch()), built.shape(), c + ": `" + name + "` inferred "
          + inferred.get(name) + ", built");
      near(c, expected.data(), built.values(), " (result `" + name + "`)");
    });
  }

  /** The inferred shape with the batch axis at {@code batch}; every other size must be known. */
  private static long[] sizes(TensorType type, long batch) {
    return type.shape().dims().stream().mapToLong(d -> {
      if (d.equals(Dim.BATCH)) {
        return batch;
      }
      assertTrue(d.isKnown(), "the checker left " + d + " unknown in " + type);
      return d.sizeOr(-1);
    }).toArray();
  }

  private static void near(Case c, double[] expected, double[] actual, String when) {
    assertEquals(expected.length, actual.length, c + ": values");
    for (int i = 0; i < expected.length; i++) {
      double allowed = TOLERANCE * Math.max(1, Math.abs(expected[i]));
      if (!(Math.abs(expected[i] - actual[i]) <= allowed)) {
        fail(c + when + ": value " + i + " is " + actual[i] + ", PyTorch gives " + expected[i]);
      }
    }
  }

  /** Random draws: their mean and deviation within five standard errors of the distribution's. */
  private static void nearMoments(Case c, double[] draws) {
    assertEquals(c.moments().draws(), draws.length, c + ": draws");
    double mean = Arrays.stream(draws).average().orElseThrow();
    double variance = Arrays.stream(draws).map(v -> (v - mean) * (v - mean)).sum() / draws.length;
    double error = c.moments().std() / Math.sqrt(draws.length);
    assertEquals(c.moments().mean(), mean, 5 * error, c + ": mean");
    assertEquals(c.moments().std(), Math.sqrt(variance), 5 * error * Math.sqrt(2), c + ": standard deviation");
  }

  /** What one build and run gave: the weights created (name and shape), the output's shape and values. */
  /**
   * What one build and run gave: the weights created (name and shape), the output's shape and values,
   * and those of each further result the fixture asks for.
   */
  private record Run(List<String> weights, long[] shape, double[] values, java.util.Map<String, Result> named) {
    record Result(long[] shape, double[] values) {}
  }

  /**
   * Builds the op on placeholders as generated code does ({@code Layer.of(...).apply(net, ...)}),
   * then either sets the fixture's weights (and saves them to {@code checkpoint}, when given) or,
   * for a second build, restores them from {@code checkpoint}; and runs it on the fixture's inputs.
   */
  private static Run run(TensorOp op, Case c, long seed, Path checkpoint) throws Exception {
    try (Graph graph = new Graph()) {
      Net root = Net.root(graph, seed);
      Ops tf = root.tf();
      Net net = root.withBatchSize(tf.constant(c.batch()));
      List<Operand<?>> placeholders = placeholders(tf, c);
      Outputs outputs = Layer.of(op, c.namesAndValues(placeholders))
          .outputs(net, c.positional(placeholders).toArray(Operand<?>[]::new));
      List<Operand<?>> fetched = new ArrayList<>(List.of(outputs.main()));
      c.namedResults().keySet().forEach(name -> fetched.add(outputs.get(name)));
      List<String> created = new ArrayList<>();
      for (Net.Weight w : net.weights()) {
        created.add(shortName(w) + Arrays.toString(w.shape().asArray()));
      }
      List<Operand<?>> assigns = fixtureWeights(tf, net, c);
      boolean restoring = checkpoint != null && Files.exists(checkpoint.resolveSibling(checkpoint.getFileName() + ".index"));
      try (Session session = new Session(graph)) {
        if (restoring) {
          session.restore(checkpoint.toString());
        } else if (!assigns.isEmpty()) {
          Session.Runner init = session.runner();
          assigns.forEach(init::addTarget);
          init.run().close();
        }
        if (checkpoint != null && !restoring) {
          session.save(checkpoint.toString());
        }
        return evaluate(session, graph, placeholders, fetched, c, created);
      }
    }
  }

  /** The ops that set each weight the graph created to the fixture's values of the same name. */
  static List<Operand<?>> fixtureWeights(Ops tf, Net net, Case c) {
    List<Operand<?>> assigns = new ArrayList<>();
    for (Net.Weight w : net.weights()) {
      c.weights().stream().filter(f -> f.name().equals(shortName(w))).findFirst().ifPresent(f ->
          assigns.add(tf.assign(w.variable(), tf.constant(Shape.of(f.shape()), DataBuffers.of(floats(f.data()))))));
    }
    return assigns;
  }

  private static String shortName(Net.Weight w) {
    return w.name().substring(w.name().lastIndexOf('/') + 1);
  }

  /** Feeds the fixture's inputs (and the training flag), fetches the output as doubles. */
  private static Run evaluate(Session session, Graph graph, List<Operand<?>> placeholders, List<Operand<?>> fetched,
      Case c, List<String> created) {
    List<Tensor> fed = new ArrayList<>();
    try {
      Session.Runner runner = session.runner();
      for (int i = 0; i < placeholders.size(); i++) {
        Values input = c.inputs().get(i);
        Tensor t = tensor(input, input.data());
        fed.add(t);
        runner.feed(placeholders.get(i), t);
      }
      if (c.training()) {
        Tensor training = TBool.scalarOf(true);
        fed.add(training);
        runner.feed(graph.operation("training").output(0), training);
      }
      // A result may be the main one itself (a recurrent layer's h without sequences): fetch each once.
      List<Operand<?>> distinct = fetched.stream().distinct().toList();
      distinct.forEach(runner::fetch);
      try (Result result = runner.run()) {
        List<Run.Result> values = new ArrayList<>();
        for (Operand<?> operand : fetched) {
          values.add(values(result.get(distinct.indexOf(operand))));
        }
        java.util.Map<String, Run.Result> named = new java.util.LinkedHashMap<>();
        List<String> names = List.copyOf(c.namedResults().keySet());
        for (int i = 0; i < names.size(); i++) {
          named.put(names.get(i), values.get(i + 1));
        }
        return new Run(created, values.get(0).shape(), values.get(0).values(), named);
      }
    } finally {
      fed.forEach(Tensor::close);
    }
  }

  private static Run.Result values(Tensor t) {
    long[] shape = t.shape().asArray();
    double[] values = new double[(int) t.shape().size()];
    if (t instanceof TInt32 ints) {
      int[] raw = new int[values.length];
      ints.copyTo(DataBuffers.of(raw, false, false));
      Arrays.setAll(values, i -> raw[i]);
    } else if (t instanceof TBool bools) {
      boolean[] raw = new boolean[values.length];
      bools.copyTo(DataBuffers.of(raw, false, false));
      Arrays.setAll(values, i -> raw[i] ? 1 : 0);
    } else {
      float[] raw = new float[values.length];
      ((TFloat32) t).copyTo(DataBuffers.of(raw, false, false));
      Arrays.setAll(values, i -> raw[i]);
    }
    return new Run.Result(shape, values);
  }

  /** One placeholder per input, of its element type; a batched input's first size is left open. */
  static List<Operand<?>> placeholders(Ops tf, Case c) {
    List<Operand<?>> placeholders = new ArrayList<>();
    for (Values input : c.inputs()) {
      long[] shape = input.shape().clone();
      if (input.batched()) {
        shape[0] = -1;
      }
      Placeholder.Options options = Placeholder.shape(Shape.of(shape));
      placeholders.add(input.isInt() ? tf.placeholder(TInt32.class, options)
          : input.isBool() ? tf.placeholder(TBool.class, options) : tf.placeholder(TFloat32.class, options));
    }
    return placeholders;
  }

  /** {@code input}'s tensor holding {@code data} (its own values, or perturbed ones); the caller closes it. */
  static Tensor tensor(Values input, double[] data) {
    Shape shape = Shape.of(input.shape());
    if (input.isInt()) {
      return TInt32.tensorOf(shape, DataBuffers.of(Arrays.stream(data).mapToInt(v -> (int) v).toArray(), true, false));
    }
    if (input.isBool()) {
      boolean[] bools = new boolean[data.length];
      for (int i = 0; i < data.length; i++) {
        bools[i] = data[i] != 0;
      }
      return TBool.tensorOf(shape, DataBuffers.of(bools, true, false));
    }
    return TFloat32.tensorOf(shape, DataBuffers.of(floats(data), true, false));
  }

  static float[] floats(double[] data) {
    float[] f = new float[data.length];
    for (int i = 0; i < data.length; i++) {
      f[i] = (float) data[i];
    }
    return f;
  }
}

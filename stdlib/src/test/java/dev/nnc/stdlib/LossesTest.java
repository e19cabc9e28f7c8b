package dev.nnc.stdlib;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nnc.runtime.graph.Net;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.types.TFloat32;

/** Each loss and metric against the value worked out by hand (the Keras definitions). */
class LossesTest {
  private static final float[][] PREDICTION = {{0.5f, -1f}, {2f, 0f}};
  private static final float[][] TARGET = {{1f, 0f}, {0f, 1f}};

  private static double evaluate(TensorOp op, Object... args) {
    try (Graph graph = new Graph(); Session session = new Session(graph)) {
      Net net = Net.root(graph, 1);
      Operand<TFloat32> p = net.tf().constant(PREDICTION);
      Operand<TFloat32> t = net.tf().constant(TARGET);
      Operand<?> value = Layer.of(op, args).apply(net, p, t);
      try (TFloat32 result = (TFloat32) session.runner().fetch(value).run().get(0)) {
        return result.getFloat();
      }
    }
  }

  @Test
  void regressionLosses() {
    // errors: 0.5, 1, 2, 1
    assertEquals((0.25 + 1 + 4 + 1) / 4, evaluate(Builtins.MSE), 1e-6);
    assertEquals((0.5 + 1 + 2 + 1) / 4, evaluate(Builtins.MAE), 1e-6);
    // huber, delta 1: 0.125, 0.5, 0.5 + 1 * 1 = 1.5, 0.5
    assertEquals((0.125 + 0.5 + 1.5 + 0.5) / 4, evaluate(Builtins.HUBER), 1e-6);
  }

  @Test
  void penaltiesAndDivergence() {
    assertEquals(0.5 + 1 + 2 + 0, evaluateOne(Builtins.L1), 1e-6);
    assertEquals(0.25 + 1 + 4 + 0, evaluateOne(Builtins.L2), 1e-6);
  }

  private static double evaluateOne(TensorOp op) {
    try (Graph graph = new Graph(); Session session = new Session(graph)) {
      Net net = Net.root(graph, 1);
      Operand<?> value = Layer.of(op).apply(net, net.tf().constant(PREDICTION));
      try (TFloat32 result = (TFloat32) session.runner().fetch(value).run().get(0)) {
        return result.getFloat();
      }
    }
  }

  @Test
  void klDivergenceOfTwoDistributions() {
    try (Graph graph = new Graph(); Session session = new Session(graph)) {
      Net net = Net.root(graph, 1);
      Operand<TFloat32> p = net.tf().constant(new float[][] {{0.25f, 0.75f}});
      Operand<TFloat32> t = net.tf().constant(new float[][] {{0.5f, 0.5f}});
      Operand<?> value = Layer.of(Builtins.KL).apply(net, p, t);
      try (TFloat32 result = (TFloat32) session.runner().fetch(value).run().get(0)) {
        assertEquals(0.5 * Math.log(0.5 / 0.25) + 0.5 * Math.log(0.5 / 0.75), result.getFloat(), 1e-6);
      }
    }
  }

  @Test
  void binaryCrossEntropyOnLogits() {
    double expected = 0;
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 2; j++) {
        double p = 1 / (1 + Math.exp(-PREDICTION[i][j]));
        expected -= TARGET[i][j] * Math.log(p) + (1 - TARGET[i][j]) * Math.log(1 - p);
      }
    }
    assertEquals(expected / 4, evaluate(Builtins.BCE), 1e-6);
  }

  @Test
  void categoricalCrossEntropyAndAccuracyOnOneHotTargets() {
    double expected = 0;
    for (int i = 0; i < 2; i++) {
      double sum = Math.exp(PREDICTION[i][0]) + Math.exp(PREDICTION[i][1]);
      int label = TARGET[i][0] == 1 ? 0 : 1;
      expected -= Math.log(Math.exp(PREDICTION[i][label]) / sum);
    }
    assertEquals(expected / 2, evaluate(Builtins.CROSS_ENTROPY), 1e-6);
    // arg-max of the rows: 0 (label 0) and 0 (label 1): one right out of two
    assertEquals(0.5, evaluate(Builtins.ACCURACY), 1e-9);
  }

  @Test
  void precisionAndRecallOfOneClassOfSeveral() {
    // predicted classes (arg-max) 0 and 0, labels 0 and 1
    assertEquals(0.5, evaluate(Builtins.PRECISION, "class", 0), 1e-9);
    assertEquals(1.0, evaluate(Builtins.RECALL, "class", 0), 1e-9);
    // class 1 is never predicted: no predicted positive gives 0, as in Keras
    assertEquals(0.0, evaluate(Builtins.PRECISION, "class", 1), 1e-9);
    assertEquals(0.0, evaluate(Builtins.RECALL, "class", 1), 1e-9);
  }

  @Test
  void aRatioMetricGivesTheBatchsCountsToSumOverTheEpoch() {
    try (Graph graph = new Graph(); Session session = new Session(graph)) {
      Net net = Net.root(graph, 1);
      // single logits against 0/1 targets: a true positive, a false positive, a false negative, a true negative
      Operand<TFloat32> logits = net.tf().constant(new float[][] {{3f}, {0.5f}, {-1f}, {-2f}});
      Operand<TFloat32> targets = net.tf().constant(new float[] {1f, 0f, 1f, 0f});
      Operand<TFloat32> precision = Layer.of(Builtins.PRECISION).ratio(net, logits, targets);
      Operand<TFloat32> recall = Layer.of(Builtins.RECALL).ratio(net, logits, targets);
      try (Result result = session.runner().fetch(precision).fetch(recall).run()) {
        TFloat32 p = (TFloat32) result.get(0);
        TFloat32 r = (TFloat32) result.get(1);
        assertEquals(List.of(1f, 2f), List.of(p.getFloat(0), p.getFloat(1)));
        assertEquals(List.of(1f, 2f), List.of(r.getFloat(0), r.getFloat(1)));
      }
    }
  }

  @Test
  void everyBuiltInHasAUniqueNameAndADoc() {
    List<Builtin> all = Builtins.all();
    assertEquals(all.size(), all.stream().map(Builtin::name).distinct().count());
    all.forEach(b -> assertEquals(false, b.doc().isBlank(), b.name()));
  }
}

package dev.nnc.runtime.rl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nnc.runtime.data.ElementType;
import dev.nnc.runtime.infer.InferenceException;
import dev.nnc.runtime.infer.ModelInfo;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/** A policy exported as nnc exports models, played greedily. */
class ExportedPolicyTest {
  @TempDir static Path dir;

  /**
   * Exports q = state · W, with W making q[1] - q[0] twice the pole's lean (angle, angular velocity
   * and a little of the cart's drift): pushing under the lean, which balances the pole.
   */
  static Path balancingPolicy(Path target) throws Exception {
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      Placeholder<TFloat32> state = tf.withName("state").placeholder(TFloat32.class,
          Placeholder.shape(Shape.of(-1, 4)));
      float[][] w = {{-0.01f, 0.01f}, {-0.1f, 0.1f}, {-1f, 1f}, {-0.5f, 0.5f}};
      Operand<TFloat32> weights = tf.identity(tf.variable(tf.constant(w)));
      Operand<TFloat32> q = tf.withName("q").linalg.matMul(state, weights);
      try (Session session = new Session(graph)) {
        session.runner().fetch(weights).run().close(); // the first run initialises the variable
        SavedModelBundle.exporter(target.toString()).withSession(session)
            .withSignature(Signature.builder().key("serving_default").methodName("tensorflow/serving/predict")
                .input("state", state).output("q", q).build())
            .export();
      }
    }
    new ModelInfo("cartpole_dqn", "", List.of(tensor("state", 4)), List.of(tensor("q", 2))).write(target);
    return target;
  }

  private static ModelInfo.Tensor tensor(String name, long size) {
    return new ModelInfo.Tensor(name, ElementType.FLOAT, new long[] {size}, "none", Double.NaN, Double.NaN, List.of());
  }

  @Test
  void aBalancingPolicyPlaysEveryEpisodeToTheLimit() throws Exception {
    Path model = balancingPolicy(dir.resolve("balance"));
    try (ExportedPolicy policy = ExportedPolicy.load(model, Environments.cartpole(), "cartpole")) {
      assertEquals("mean 500.00, min 500, max 500 over 10 episodes",
          Play.play(Environments.cartpole(), policy, 10, 0).line());
    }
  }

  @Test
  void aModelThatDoesNotFitTheEnvironmentIsRefused() throws Exception {
    Path model = balancingPolicy(dir.resolve("other"));
    InferenceException e = assertThrows(InferenceException.class,
        () -> ExportedPolicy.load(model, Environments.acrobot(), "acrobot"));
    assertEquals(model + " holds a model whose input state is float[4], but acrobot observes float[6]", e.getMessage());
    InferenceException actions = assertThrows(InferenceException.class,
        () -> ExportedPolicy.load(model, new TimeLimit(new FourActions(), 10), "java(...)"));
    assertEquals(model + " holds a model whose output q is float[2], but java(...) has 4 actions: a policy gives"
        + " float[4]", actions.getMessage());
  }

  /** An environment observing four numbers with four actions. */
  private static final class FourActions implements Environment {
    @Override public int[] observationShape() { return new int[] {4}; }
    @Override public int actions() { return 4; }
    @Override public float[] reset(long seed) { return new float[4]; }
    @Override public Step step(int action) { return new Step(new float[4], 0, false, false); }
  }
}

package dev.nnc.runtime.rl;

import dev.nnc.runtime.data.ElementType;
import dev.nnc.runtime.infer.ExportedModel;
import dev.nnc.runtime.infer.InferenceException;
import dev.nnc.runtime.infer.ModelInfo;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * An exported policy acting greedily, as {@code nnc play --model} runs it: the observation goes into
 * the model's one input, and the action is the arg-max of its first output (Q-values or logits
 * alike; {@code epsilon_greedy} and {@code sample} act by arg-max when played).
 */
public final class ExportedPolicy implements ToIntFunction<float[]>, AutoCloseable {
  private final ExportedModel model;
  private final String input;
  private final String output;

  private ExportedPolicy(ExportedModel model, String input, String output) {
    this.model = model;
    this.input = input;
    this.output = output;
  }

  /**
   * Loads the model exported to {@code dir} and checks that it fits {@code env}: one float input of
   * the observation's shape, and a first output of one value per action.
   */
  public static ExportedPolicy load(Path dir, Environment env, String envName) {
    ExportedModel model = ExportedModel.load(dir);
    try {
      ModelInfo info = model.info();
      if (info.inputs().size() != 1 || info.outputs().isEmpty()) {
        throw new InferenceException(dir + " holds a model with " + info.inputs().size() + " inputs and "
            + info.outputs().size() + " outputs; a policy has one input, the observation, and an output of values per action");
      }
      ModelInfo.Tensor in = info.inputs().get(0);
      long[] observation = Arrays.stream(env.observationShape()).asLongStream().toArray();
      if (in.type() != ElementType.FLOAT || !Arrays.equals(in.shape(), observation)) {
        throw new InferenceException(dir + " holds a model whose input " + in.name() + " is " + in.typeDescription()
            + ", but " + envName + " observes float" + Arrays.toString(observation));
      }
      ModelInfo.Tensor out = info.outputs().get(0);
      if (out.type() != ElementType.FLOAT || out.elements() != env.actions()) {
        throw new InferenceException(dir + " holds a model whose output " + out.name() + " is " + out.typeDescription()
            + ", but " + envName + " has " + env.actions() + " actions: a policy gives float[" + env.actions() + "]");
      }
      return new ExportedPolicy(model, in.name(), out.name());
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
  }

  @Override
  public int applyAsInt(float[] observation) {
    float[][] values = model.run(Map.of(input, new float[][] {observation})).floats(output);
    return ActionChoice.argmax(values[0]);
  }

  @Override
  public void close() {
    model.close();
  }
}

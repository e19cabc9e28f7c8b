package dev.nnc.runtime.infer;

import dev.nnc.runtime.data.ElementType;
import dev.nnc.runtime.data.Field;
import dev.nnc.runtime.graph.Net;
import dev.nnc.runtime.train.ModelFunction;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * A model's graph built afresh from its generated class, for inputs of given record shapes, with its
 * weights read from saved variables (an export's {@code variables/variables}, or a checkpoint's).
 * The model is built under the scope the trainer used, so its variables have the saved names; a
 * graph built with every recurrent state carried serves generation one step at a time.
 */
public final class RestoredModel implements AutoCloseable {
  private final Graph graph;
  private final Session session;
  private final Map<String, Operand<?>> inputs;
  private final Map<String, Operand<?>> outputs;
  private final List<Net.Carried> carried;

  private RestoredModel(Graph graph, Session session, Map<String, Operand<?>> inputs,
      Map<String, Operand<?>> outputs, List<Net.Carried> carried) {
    this.graph = graph;
    this.session = session;
    this.inputs = inputs;
    this.outputs = outputs;
    this.carried = carried;
  }

  /**
   * Builds {@code model} for {@code inputs} and restores its weights from {@code variables} (a
   * checkpoint prefix); an {@link InferenceException} when they do not fit.
   */
  public static RestoredModel restore(ModelFunction model, List<Field> inputs, Path variables, boolean carryStates) {
    Graph graph = new Graph();
    try {
      Net root = carryStates ? Net.rootCarryingStates(graph, 0) : Net.root(graph, 0);
      Ops tf = root.tf().withSubScope("data");
      Map<String, Operand<?>> placeholders = new LinkedHashMap<>();
      for (Field input : inputs) {
        Shape shape = Shape.of(LongStream.concat(LongStream.of(-1), Arrays.stream(input.shape()).asLongStream()).toArray());
        placeholders.put(input.name(), input.type() == ElementType.INT
            ? tf.withName(input.name()).placeholder(TInt32.class, Placeholder.shape(shape))
            : tf.withName(input.name()).placeholder(TFloat32.class, Placeholder.shape(shape)));
      }
      // The trainer builds the model under "model", so its variables are saved as model.<layer>...
      Map<String, Operand<?>> outputs = model.build(root.scope("model"), placeholders);
      Session session = new Session(graph);
      try {
        session.restore(variables.toString());
      } catch (RuntimeException e) {
        session.close();
        throw new InferenceException("the weights in " + variables.getParent() + " do not fit this model: "
            + firstLine(e.getMessage()), e);
      }
      return new RestoredModel(graph, session, placeholders, outputs, root.carried());
    } catch (RuntimeException e) {
      graph.close();
      throw e;
    }
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }

  public Session session() {
    return session;
  }

  /** The placeholders the model reads, by input name. */
  public Map<String, Operand<?>> inputs() {
    return inputs;
  }

  /** The model's outputs, by name in declaration order. */
  public Map<String, Operand<?>> outputs() {
    return outputs;
  }

  /** The states recurrent layers carry from one run to the next (none unless built to carry them). */
  public List<Net.Carried> carried() {
    return carried;
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}

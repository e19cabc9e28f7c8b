package dev.nnc.runtime.infer;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import org.tensorflow.GraphOperation;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * The trained weights in an export, read for a back end that writes the model in another format:
 * by model ({@code model} for a declarative job's, a step job's name for it) and then by path
 * inside the model ({@code dense.kernel}), as nnc names its variables ({@code model.dense.kernel}).
 */
public final class ExportedWeights {
  /** A weight's shape, in Keras's layout, and its values, row-major. */
  public record Weight(long[] shape, float[] values) {
    public Weight {
      shape = shape.clone();
    }

    @Override
    public long[] shape() {
      return shape.clone();
    }
  }

  private ExportedWeights() {}

  /** Every float variable of the SavedModel in {@code dir}, by model and path inside it. */
  public static Map<String, Map<String, Weight>> read(Path dir) {
    Map<String, Map<String, Weight>> models = new TreeMap<>();
    try (SavedModelBundle bundle = SavedModelBundle.load(dir.toString(), SavedModelBundle.DEFAULT_TAG)) {
      Iterator<GraphOperation> ops = bundle.graph().operations();
      while (ops.hasNext()) {
        GraphOperation op = ops.next();
        int dot = op.name().indexOf('.');
        if (!op.type().equals("VariableV2") || dot < 0) {
          continue;
        }
        try (Result value = bundle.session().runner().fetch(op.name()).run()) {
          if (value.get(0) instanceof TFloat32 floats) {
            float[] values = new float[(int) floats.shape().size()];
            floats.copyTo(DataBuffers.of(values, false, false));
            models.computeIfAbsent(op.name().substring(0, dot), m -> new TreeMap<>())
                .put(op.name().substring(dot + 1), new Weight(floats.shape().asArray(), values));
          }
        }
      }
    } catch (TensorFlowException | IllegalArgumentException e) {
      throw new InferenceException("cannot read the weights of the SavedModel in " + dir + ": " + e.getMessage(), e);
    }
    return models;
  }
}

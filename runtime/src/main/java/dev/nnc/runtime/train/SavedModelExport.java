package dev.nnc.runtime.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;

/**
 * Writes the trained model as a SavedModel whose {@code serving_default} signature maps the model's
 * inputs to its outputs. The training flag defaults to false, so serving needs no other input.
 */
final class SavedModelExport {
  static final String SIGNATURE_KEY = "serving_default";

  private SavedModelExport() {}

  /**
   * Exports the model that maps {@code inputs} to {@code outputs} (by name) to {@code dir}, resolved
   * against the current directory; returns where it went.
   */
  static Path export(Session session, Map<String, Operand<?>> inputs, Map<String, Operand<?>> outputs, String dir) {
    Path target = Path.of(dir).toAbsolutePath();
    Signature.Builder signature = Signature.builder()
        .key(SIGNATURE_KEY)
        .methodName("tensorflow/serving/predict");
    inputs.forEach(signature::input);
    outputs.forEach(signature::output);
    try {
      SavedModelBundle.exporter(target.toString())
          .withSession(session)
          .withSignature(signature.build())
          .export();
    } catch (IOException e) {
      throw new TrainException("cannot export the model to " + target + ": " + e.getMessage(), e);
    }
    return target;
  }
}

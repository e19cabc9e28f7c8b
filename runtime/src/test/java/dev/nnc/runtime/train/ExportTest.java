package dev.nnc.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

class ExportTest {
  @TempDir Path dir;

  @Test
  void exportedModelPredictsWhatTheTrainedGraphComputed() {
    Path model = dir.resolve("model");
    // A second export over the first replaces it, as re-running a job must.
    Trainer.run(Xor.spec().epochs(1).export(model.toString()).build(),
        TrainOptions.builder().logDir(dir).quiet(true).build());
    TrainResult result = Trainer.run(
        Xor.spec().validate(Xor.data(1)).export(model.toString()).build(),
        TrainOptions.builder().logDir(dir).quiet(true).build());

    float[] x = {0, 0, 0, 1, 1, 0, 1, 1};
    float[] y = {0, 1, 1, 0};
    try (SavedModelBundle bundle = SavedModelBundle.load(model.toString(), "serve");
        TFloat32 input = TFloat32.tensorOf(Shape.of(4, 2), DataBuffers.of(x, true, false));
        Result output = bundle.function("serving_default").call(Map.of("x", input))) {
      TFloat32 probability = (TFloat32) output.get("probability").orElseThrow();
      double squaredError = 0;
      for (int i = 0; i < 4; i++) {
        float p = probability.getFloat(i, 0);
        assertEquals(y[i], Math.round(p), "XOR of record " + i);
        squaredError += (p - y[i]) * (p - y[i]);
      }
      // The validation pass after the last step saw the same weights on the same records.
      assertEquals(result.last().value("val_loss"), squaredError / 4, 1e-6);
    }
  }
}

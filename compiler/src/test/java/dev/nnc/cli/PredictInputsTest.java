package dev.nnc.cli;

import static dev.nnc.cli.CliTest.nnc;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.nnc.cli.CliTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nnc predict} on a model of two inputs, each fed from its own files with {@code --input
 * NAME=FILE}: the model's output {@code joined} is its two inputs side by side, so the predictions
 * show which record of which file went where.
 */
class PredictInputsTest {
  @TempDir static Path dir;
  private static Path model;
  private static Path a;
  private static Path b;

  @BeforeAll
  static void trainAndExport() throws Exception {
    model = dir.resolve("model");
    Path program = Files.writeString(dir.resolve("pair.nn"), """
        model Pair {
          input a: float[2]
          input b: float[3]
          output joined = concat(a, b, axis: -1)
          output y = concat(a, b, axis: -1) -> dense(1)
        }
        data pairs {
          train = records {
            a: float[2], b: float[3], target: float[1]
            [0, 1] [1, 2, 3] [1]
            [1, 0] [3, 2, 1] [0]
          }
        }
        train pair {
          model: Pair()
          data: pairs.train
          loss: mse(y, target)
          optimizer: sgd(lr: 0.01)
          batch: 2
          epochs: 1
          export: "%s"
        }
        """.formatted(model.toString().replace("\\", "/")));
    Run train = nnc("train", program.toString(), "--log-dir", dir.resolve("logs").toString(), "--progress", "lines");
    assertEquals(0, train.status(), train.err());
    a = Files.writeString(dir.resolve("a.csv"), "0.5,1.5\n2,3\n");
    b = Files.writeString(dir.resolve("b.csv"), "10,11,12\n");
    Files.writeString(dir.resolve("b2.csv"), "20,21,22\n");
  }

  @Test
  void eachInputReadsItsOwnFilesAndTheNthRecordsMakeTheNthPrediction() {
    Run run = nnc("predict", "--model", model.toString(), "--json",
        "--input", "b=" + b, "--input", "a=" + a, "--input", "b=" + dir.resolve("b2.csv"));

    assertEquals(0, run.status(), run.err());
    JsonArray records = JsonParser.parseString(run.out()).getAsJsonArray();
    assertEquals(2, records.size());
    assertEquals(a + ":1 + " + b + ":1", records.get(0).getAsJsonObject().get("input").getAsString());
    assertEquals(a + ":2 + " + dir.resolve("b2.csv") + ":1", records.get(1).getAsJsonObject().get("input").getAsString());
    assertArrayEquals(new float[] {0.5f, 1.5f, 10, 11, 12}, joined(records, 0));
    assertArrayEquals(new float[] {2, 3, 20, 21, 22}, joined(records, 1));
  }

  @Test
  void aModelOfSeveralInputsSaysHowToNameTheirFiles() {
    Run plain = nnc("predict", "--model", model.toString(), a.toString());
    assertEquals(1, plain.status());
    assertEquals("error: the model has 2 inputs, a (float[2]), b (float[3]); name the files of each:"
        + " --input a=FILE --input b=FILE\n", plain.err());

    Run missing = nnc("predict", "--model", model.toString(), "--input", "a=" + a);
    assertEquals(1, missing.status());
    assertEquals("error: no files for the model's input b (float[3]); add --input b=FILE\n", missing.err());

    Run unknown = nnc("predict", "--model", model.toString(), "--input", "c=" + a, "--input", "a=" + a);
    assertEquals(1, unknown.status());
    assertTrue(unknown.err().startsWith("error: --input c=" + a + ": the model has no input c; its inputs are a (float[2]), b (float[3])"),
        unknown.err());

    Run uneven = nnc("predict", "--model", model.toString(), "--input", "a=" + a, "--input", "b=" + b);
    assertEquals(1, uneven.status());
    assertEquals("error: the inputs have different numbers of records: a 2 (" + a + "), b 1 (" + b + ");"
        + " the n-th record of each input makes the n-th prediction\n", uneven.err());

    Run malformed = nnc("predict", "--model", model.toString(), "--input", a.toString());
    assertEquals(2, malformed.status());
    assertTrue(malformed.err().startsWith("error: --input takes NAME=FILE, such as --input a=x.csv; found "), malformed.err());
  }

  private static float[] joined(JsonArray records, int i) {
    JsonObject outputs = records.get(i).getAsJsonObject().getAsJsonObject("outputs");
    JsonArray values = outputs.getAsJsonArray("joined");
    float[] v = new float[values.size()];
    for (int k = 0; k < v.length; k++) {
      v[k] = values.get(k).getAsFloat();
    }
    return v;
  }
}

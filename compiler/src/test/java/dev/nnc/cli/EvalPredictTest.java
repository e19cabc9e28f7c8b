package dev.nnc.cli;

import static dev.nnc.cli.CliTest.nnc;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.nnc.cli.CliTest.Run;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nnc eval} and {@code nnc predict} on a model trained once for the class: 8x8 pictures of
 * three classes (a bright top, bottom or left side), IDX files as Fashion-MNIST ships them.
 */
class EvalPredictTest {
  private static final int SIDE = 8;
  private static final int CLASSES = 3;

  @TempDir static Path dir;
  private static Path program;
  private static Path model;
  private static Path logs;
  private static byte[][] testImages;
  private static int[] testLabels;

  @BeforeAll
  static void trainAndExport() throws Exception {
    writeIdx("train", 240, 1);
    testImages = writeIdx("test", 60, 2);
    model = dir.resolve("model");
    logs = dir.resolve("logs");
    program = Files.writeString(dir.resolve("sides.nn"), """
        model Sides {
          input image: float[8, 8, 1]
          output logits = image -> flatten -> dense(16) -> relu -> dense(3)
        }
        data sides {
          train = idx("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz") | map(image: image / 255)
          test = idx("test-images-idx3-ubyte.gz", "test-labels-idx1-ubyte.gz") | map(image: image / 255)
        }
        train learn_sides {
          model: Sides()
          data: sides.train | shuffle(240)
          validate: sides.test
          loss: cross_entropy(logits, label)
          optimizer: adam(lr: 0.01)
          batch: 20
          epochs: 4
          metrics: [accuracy(logits, label)]
          export: "%s"
        }
        """.formatted(model.toString().replace("\\", "/")));
    Run train = nnc("train", program.toString(), "--log-dir", logs.toString(), "--progress", "lines");
    assertEquals(0, train.status(), train.err());
  }

  @Test
  void evalGivesTheValidationFiguresTheTrainerReported() throws Exception {
    Run eval = nnc("eval", program.toString(), "--model", model.toString(), "--json");

    assertEquals(0, eval.status(), eval.err());
    JsonObject figures = JsonParser.parseString(eval.out()).getAsJsonObject();
    List<String> csv = Files.readAllLines(logs.resolve("metrics.csv"));
    assertEquals("epoch,loss,accuracy,val_loss,val_accuracy", csv.get(0));
    String[] last = csv.get(csv.size() - 1).split(",");
    assertEquals(Double.parseDouble(last[3]), figures.get("loss").getAsDouble(), 1e-5);
    assertEquals(Double.parseDouble(last[4]), figures.get("accuracy").getAsDouble(), 1e-5);
    assertEquals(60, figures.get("records").getAsInt());
    assertEquals("learn_sides", figures.get("job").getAsString());
    assertTrue(figures.get("accuracy").getAsDouble() > 0.9, "three sides are easy to tell apart: " + eval.out());
  }

  @Test
  void evalOnANamedSplitWithTheConfusionMatrix() {
    Run eval = nnc("eval", program.toString(), "--model", model.toString(), "--data", "sides.train", "--confusion");

    assertEquals(0, eval.status(), eval.err());
    String[] lines = eval.out().split("\n");
    assertEquals("job learn_sides with the weights in " + model + ", on sides.train (240 records):", lines[0]);
    assertTrue(lines[1].matches("  loss +\\d\\.\\d{4}"), lines[1]);
    assertTrue(lines[2].matches("  accuracy +\\d\\.\\d{4}"), lines[2]);
    assertEquals("confusion matrix (rows: true class, columns: predicted class):", lines[3]);
    long total = 0;
    for (int row = 0; row < CLASSES; row++) {
      String[] cells = lines[5 + row].trim().split(" +");
      assertEquals(String.valueOf(row), cells[0]);
      for (int column = 1; column <= CLASSES; column++) {
        total += Long.parseLong(cells[column]);
      }
    }
    assertEquals(240, total, "every training record is counted once");
  }

  @Test
  void evalSaysWhatIsWrong() throws Exception {
    Run noSplit = nnc("eval", program.toString(), "--model", model.toString(), "--data", "sides.validation");
    assertEquals(1, noSplit.status());
    assertEquals("error: " + program + " has no data sides.validation; it has sides.train, sides.test\n", noSplit.err());

    Run noModel = nnc("eval", program.toString(), "--model", dir.resolve("absent").toString());
    assertEquals(1, noModel.status());
    assertTrue(noModel.err().startsWith("error: job learn_sides's model: there is no exported model in "), noModel.err());

    Path wider = Files.writeString(dir.resolve("wider.nn"),
        Files.readString(program).replace("dense(16)", "dense(32)"));
    Run misfit = nnc("eval", wider.toString(), "--model", model.toString());
    assertEquals(1, misfit.status());
    assertTrue(misfit.err().contains("do not fit it: weight dense.kernel is [64, 16] there but [64, 32] here"),
        misfit.err());
    assertEquals(1, misfit.err().lines().count(), "one line, no stack trace: " + misfit.err());
  }

  /** A PNG, the IDX record it was drawn from, and a CSV row of its scaled values give the same probabilities. */
  @Test
  void predictReadsImagesIdxAndCsvAlike() throws Exception {
    Path png = dir.resolve("third.png");
    BufferedImage image = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_BYTE_GRAY);
    image.getRaster().setPixels(0, 0, SIDE, SIDE, unsigned(testImages[2]));
    ImageIO.write(image, "png", png.toFile());
    Path csv = dir.resolve("third.csv");
    StringBuilder row = new StringBuilder();
    for (int p : unsigned(testImages[2])) {
      row.append(row.isEmpty() ? "" : ",").append(p / 255.0f);
    }
    Files.writeString(csv, row + "\n");

    Run run = nnc("predict", "--model", model.toString(), "--json",
        png.toString(), dir.resolve("test-images-idx3-ubyte.gz").toString(), csv.toString());

    assertEquals(0, run.status(), run.err());
    JsonArray records = JsonParser.parseString(run.out()).getAsJsonArray();
    assertEquals(1 + 60 + 1, records.size());
    assertEquals(png.toString(), records.get(0).getAsJsonObject().get("input").getAsString());
    assertEquals(dir.resolve("test-images-idx3-ubyte.gz") + "#3", records.get(3).getAsJsonObject().get("input").getAsString());
    assertEquals(csv + ":1", records.get(61).getAsJsonObject().get("input").getAsString());
    float[] fromPng = probabilities(records.get(0));
    assertArrayEquals(probabilities(records.get(3)), fromPng, 1e-6f);
    assertArrayEquals(probabilities(records.get(61)), fromPng, 1e-6f);
    float sum = 0;
    for (float p : fromPng) {
      sum += p;
    }
    assertEquals(1, sum, 1e-5);

    int right = 0;
    for (int i = 0; i < 60; i++) {
      JsonObject best = records.get(1 + i).getAsJsonObject().getAsJsonObject("outputs").getAsJsonObject("logits")
          .getAsJsonArray("top").get(0).getAsJsonObject();
      right += best.get("label").getAsInt() == testLabels[i] ? 1 : 0;
    }
    assertTrue(right >= 54, right + " of 60 test images predicted right");
  }

  @Test
  void predictPrintsTheMostProbableClassesALine() throws Exception {
    Run run = nnc("predict", "--model", model.toString(), "--top", "2",
        dir.resolve("test-images-idx3-ubyte.gz").toString());

    assertEquals(0, run.status(), run.err());
    List<String> lines = run.out().lines().toList();
    assertEquals(60, lines.size());
    assertTrue(lines.get(0).matches("\\Q" + dir.resolve("test-images-idx3-ubyte.gz") + "#1: \\E[0-2] [01]\\.\\d{3}, [0-2] [01]\\.\\d{3}"),
        lines.get(0));
  }

  @Test
  void predictSaysWhatIsWrongWithAnInput() throws Exception {
    Run labels = nnc("predict", "--model", model.toString(), dir.resolve("test-labels-idx1-ubyte.gz").toString());
    assertEquals(1, labels.status());
    assertEquals("error: " + dir.resolve("test-labels-idx1-ubyte.gz") + ": expected an image (PNG, JPEG), an IDX image"
        + " file or a CSV file (.csv), found a file that is none of them, or damaged\n", labels.err());

    Path wide = Files.writeString(dir.resolve("wide.csv"), "1" + ",0".repeat(SIDE * SIDE) + "\n");
    Run csv = nnc("predict", "--model", model.toString(), wide.toString());
    assertEquals(1, csv.status());
    assertEquals("error: " + wide + ":1: expected 64 values a row (the model's input image is float[8, 8, 1]), found 65;"
        + " is the first column a label? leave it out\n", csv.err());

    Run top = nnc("predict", "--model", model.toString(), "--top", "0", wide.toString());
    assertEquals(2, top.status());
  }

  private static float[] probabilities(JsonElement record) {
    JsonArray values = record.getAsJsonObject().getAsJsonObject("outputs").getAsJsonObject("logits")
        .getAsJsonArray("probabilities");
    float[] p = new float[values.size()];
    for (int i = 0; i < p.length; i++) {
      p[i] = values.get(i).getAsFloat();
    }
    return p;
  }

  private static int[] unsigned(byte[] pixels) {
    int[] values = new int[pixels.length];
    for (int i = 0; i < pixels.length; i++) {
      values[i] = pixels[i] & 0xFF;
    }
    return values;
  }

  /** Writes {@code count} pictures and their labels as gzip-compressed IDX files; returns the pictures. */
  private static byte[][] writeIdx(String split, int count, long seed) throws IOException {
    Random random = new Random(seed);
    byte[][] images = new byte[count][];
    int[] labels = new int[count];
    for (int i = 0; i < count; i++) {
      labels[i] = i % CLASSES;
      images[i] = new byte[SIDE * SIDE];
      for (int y = 0; y < SIDE; y++) {
        for (int x = 0; x < SIDE; x++) {
          boolean lit = labels[i] == 0 ? y < SIDE / 2 : labels[i] == 1 ? y >= SIDE / 2 : x < SIDE / 2;
          images[i][y * SIDE + x] = (byte) (lit ? 160 + random.nextInt(96) : random.nextInt(96));
        }
      }
    }
    if (split.equals("test")) {
      testLabels = labels;
    }
    ByteArrayOutputStream pictures = new ByteArrayOutputStream();
    DataOutputStream p = new DataOutputStream(pictures);
    p.writeInt(0x0803);
    p.writeInt(count);
    p.writeInt(SIDE);
    p.writeInt(SIDE);
    for (byte[] image : images) {
      p.write(image);
    }
    ByteArrayOutputStream labelBytes = new ByteArrayOutputStream();
    DataOutputStream l = new DataOutputStream(labelBytes);
    l.writeInt(0x0801);
    l.writeInt(count);
    for (int label : labels) {
      l.writeByte(label);
    }
    gzip(dir.resolve(split + "-images-idx3-ubyte.gz"), pictures.toByteArray());
    gzip(dir.resolve(split + "-labels-idx1-ubyte.gz"), labelBytes.toByteArray());
    return images;
  }

  private static void gzip(Path file, byte[] bytes) throws IOException {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(bytes);
    }
  }
}

package dev.nnc.runtime.infer;

import dev.nnc.runtime.data.Batch;
import dev.nnc.runtime.data.DataException;
import dev.nnc.runtime.data.Dataset;
import dev.nnc.runtime.data.Idx;
import dev.nnc.runtime.data.Images;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Records for a model's input read from the files {@code nnc predict} takes: an image (PNG, JPEG, or
 * any format Java reads), resized to the input's height and width, grey or RGB as its channels say;
 * an IDX image file, a record per image; a CSV file, a record per row. Pixels (images and IDX) are
 * scaled from 0..255 to the range of values the model was trained on, so that a model trained on
 * {@code image / 255} gets values 0..1; a CSV's values are fed as they are.
 */
public final class InputFiles {
  /** One record: where it came from ({@code shirt.png}, {@code test.idx#3}, {@code x.csv:2}) and its values, flat. */
  public record Record(String source, float[] values) {}

  private InputFiles() {}

  /** The records in {@code file} for {@code input}; a {@link DataException} says what does not fit. */
  public static List<Record> read(Path file, ModelInfo.Tensor input) {
    if (!Files.isRegularFile(file)) {
      throw new DataException(file + ": no such file");
    }
    if (input.elements() < 0) {
      throw new DataException("the model's input " + input.name() + " is " + input.typeDescription()
          + ": records of a size not known before they are read cannot come from files");
    }
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".csv")) {
      return csv(file, input);
    }
    if (Idx.isImageFile(file)) {
      return idx(file, input);
    }
    int[] image = imageShape(file, input);
    float[] pixels;
    try {
      pixels = Images.pixels(file, image[0], image[1], image[2]);
    } catch (Images.TooLarge e) {
      throw e;
    } catch (DataException e) {
      throw new DataException(file + ": expected an image (PNG, JPEG), an IDX image file or a CSV file (.csv),"
          + " found a file that is none of them, or damaged", e);
    }
    return List.of(new Record(file.toString(), scaled(pixels, input)));
  }

  /** {@code [height, width, channels]} of an input that takes images: {@code [h, w]}, {@code [h, w, 1]} or {@code [h, w, 3]}. */
  private static int[] imageShape(Path file, ModelInfo.Tensor input) {
    long[] shape = input.shape();
    boolean image = (shape.length == 2 || shape.length == 3 && (shape[2] == 1 || shape[2] == 3))
        && shape[0] > 0 && shape[1] > 0;
    if (!image) {
      throw new DataException(file + ": the model's input " + input.name() + " is " + input.typeDescription()
          + ", not an image of [height, width, 1 or 3]; give its records in a CSV file, one per row");
    }
    return new int[] {(int) shape[0], (int) shape[1], shape.length == 2 ? 1 : (int) shape[2]};
  }

  private static List<Record> idx(Path file, ModelInfo.Tensor input) {
    Dataset images = Idx.loadImages(file);
    int[] shape = images.field("image").shape();
    int size = shape[0] * shape[1];
    if (size != input.elements()) {
      throw new DataException(file + ": its images are " + shape[0] + "x" + shape[1]
          + " pixels, but the model's input " + input.name() + " is " + input.typeDescription());
    }
    List<Record> records = new ArrayList<>();
    for (Iterator<Batch> batches = images.batches(1024, 0, 0); batches.hasNext(); ) {
      Batch batch = batches.next();
      float[] pixels = batch.floats("image");
      for (int i = 0; i < batch.size(); i++) {
        float[] one = Arrays.copyOfRange(pixels, i * size, (i + 1) * size);
        records.add(new Record(file + "#" + (records.size() + 1), scaled(one, input)));
      }
    }
    return records;
  }

  /** A record per row of numbers, as many as the input holds; a first row that is not numbers is a header. */
  private static List<Record> csv(Path file, ModelInfo.Tensor input) {
    long size = input.elements();
    List<Record> records = new ArrayList<>();
    try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      for (int number = 1; (line = lines.readLine()) != null; number++) {
        if (line.isBlank()) {
          continue;
        }
        String[] cells = line.split(",", -1);
        if (cells.length != size) {
          throw new DataException(file + ":" + number + ": expected " + size + " values a row (the model's input "
              + input.name() + " is " + input.typeDescription() + "), found " + cells.length
              + (cells.length == size + 1 ? "; is the first column a label? leave it out" : ""));
        }
        float[] values = new float[cells.length];
        try {
          for (int i = 0; i < cells.length; i++) {
            values[i] = Float.parseFloat(cells[i].trim());
          }
        } catch (NumberFormatException e) {
          if (number == 1) {
            continue; // a header
          }
          throw new DataException(file + ":" + number + ": expected numbers, found '" + line.strip() + "'");
        }
        records.add(new Record(file + ":" + number, values));
      }
    } catch (IOException e) {
      throw new DataException(file + ": cannot read it: " + e.getMessage(), e);
    }
    return records;
  }

  /** Pixels 0..255 mapped onto the range {@code lo..hi} the model was trained on; as they are when it is unknown. */
  private static float[] scaled(float[] pixels, ModelInfo.Tensor input) {
    double lo = input.lo();
    double hi = input.hi();
    if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
      return pixels;
    }
    float[] values = new float[pixels.length];
    for (int i = 0; i < pixels.length; i++) {
      values[i] = (float) (lo + pixels[i] / 255.0 * (hi - lo));
    }
    return values;
  }
}

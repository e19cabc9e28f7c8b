package dev.nnc.bench;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Fashion-MNIST's training split read straight from its IDX files, as a hand-written program would:
 * images as one flat {@code float[]} scaled to [0, 1], labels as {@code int[]}. Independent of nnc's
 * data pipeline on purpose: the hand-written trainers use nothing of nnc.
 */
public record FashionMnist(float[] images, int[] labels, int count, int pixels) {
  public static FashionMnist train(Path dataDir) {
    Path dir = dataDir.resolve("fashion-mnist");
    return read(dir.resolve("train-images-idx3-ubyte.gz"), dir.resolve("train-labels-idx1-ubyte.gz"));
  }

  static FashionMnist read(Path imageFile, Path labelFile) {
    try (DataInputStream images = open(imageFile); DataInputStream labels = open(labelFile)) {
      require(images.readInt() == 0x803, imageFile + " is not an IDX image file");
      int count = images.readInt();
      int pixels = images.readInt() * images.readInt();
      require(labels.readInt() == 0x801, labelFile + " is not an IDX label file");
      require(labels.readInt() == count, "image and label counts differ");
      byte[] raw = images.readNBytes(count * pixels);
      byte[] rawLabels = labels.readNBytes(count);
      require(raw.length == count * pixels && rawLabels.length == count, "truncated IDX file");
      float[] floats = new float[raw.length];
      for (int i = 0; i < raw.length; i++) {
        floats[i] = (raw[i] & 0xff) / 255f;
      }
      int[] ints = new int[count];
      for (int i = 0; i < count; i++) {
        ints[i] = rawLabels[i] & 0xff;
      }
      return new FashionMnist(floats, ints, count, pixels);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static DataInputStream open(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    return new DataInputStream(new GZIPInputStream(in, 1 << 16));
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalStateException(message);
    }
  }
}

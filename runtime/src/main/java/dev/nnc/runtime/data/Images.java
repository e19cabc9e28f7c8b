package dev.nnc.runtime.data;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Loads a folder of images with one sub-folder per class, as Keras's
 * {@code image_dataset_from_directory} does: classes are the sub-folders sorted by name (label 0 is
 * the first), files other than PNG and JPEG are ignored, and every image is resized (bilinear) to
 * {@code image: float[height, width, channels]} with values 0..255, grey when {@code channels} is 1.
 * An image whose header claims more than {@link #maxPixels()} pixels is refused before decoding.
 */
public final class Images {
  private static final List<String> EXTENSIONS = List.of(".png", ".jpg", ".jpeg");
  /** The default limit: 10,000 x 10,000 pixels. */
  public static final long DEFAULT_MAX_PIXELS = 10_000L * 10_000L;

  /** For the whole process, as {@code --max-pixels} sets it: read by the generated programs too. */
  private static volatile long maxPixels = DEFAULT_MAX_PIXELS;

  private Images() {}

  public static Dataset load(Path dir, int height, int width, int channels) {
    if (height <= 0 || width <= 0) {
      throw new IllegalArgumentException("image size must be positive, got " + height + "x" + width);
    }
    if (channels != 1 && channels != 3) {
      throw new IllegalArgumentException("channels must be 1 or 3, got " + channels);
    }
    List<Path> classes = classFolders(dir);
    List<Path> files = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    for (int label = 0; label < classes.size(); label++) {
      for (Path file : imageFiles(classes.get(label))) {
        files.add(file);
        labels.add(label);
      }
    }
    int elements = height * width * channels;
    float[] pixels = new float[files.size() * elements];
    for (int i = 0; i < files.size(); i++) {
      int[] rgb = resized(decode(files.get(i)), height, width);
      writePixels(rgb, channels, pixels, i * elements);
    }
    Table table = Table.empty(files.size())
        .with(Field.floats("image", height, width, channels), new Values.Floats(pixels))
        .with(Field.ints("label"), new Values.Ints(labels.stream().mapToInt(Integer::intValue).toArray()))
        .withVocabulary("label", names(classes));
    return new Dataset(table);
  }

  /**
   * One image file as {@code float[height, width, channels]} values 0..255, resized as the images of
   * a folder are: what {@code nnc predict} feeds a model trained on such images.
   */
  public static float[] pixels(Path file, int height, int width, int channels) {
    float[] pixels = new float[height * width * channels];
    writePixels(resized(decode(file), height, width), channels, pixels, 0);
    return pixels;
  }

  /** An image whose header claims more pixels than {@link #maxPixels()}: readable, but refused. */
  public static final class TooLarge extends DataException {
    TooLarge(String message) {
      super(message);
    }
  }

  /** The most pixels (width times height) an image may claim in its header and still be decoded. */
  public static long maxPixels() {
    return maxPixels;
  }

  /** Sets {@link #maxPixels()} for this process. */
  public static void maxPixels(long pixels) {
    if (pixels <= 0) {
      throw new IllegalArgumentException("the pixel limit must be positive, not " + pixels);
    }
    maxPixels = pixels;
  }

  /** The class names of the folder {@code dir}, its sub-folders' names in label order: the compiler counts them. */
  public static List<String> classNames(Path dir) {
    return names(classFolders(dir));
  }

  private static List<String> names(List<Path> classFolders) {
    return classFolders.stream().map(c -> c.getFileName().toString()).toList();
  }

  private static List<Path> classFolders(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new DataException(dir + ": expected a folder with one sub-folder per class, found "
          + (Files.exists(dir) ? "a file" : "nothing"));
    }
    List<Path> classes = list(dir).filter(Files::isDirectory)
        .filter(p -> !p.getFileName().toString().startsWith("."))
        .toList();
    if (classes.isEmpty()) {
      throw new DataException(dir + ": expected one sub-folder per class holding PNG or JPEG"
          + " images, found no sub-folders");
    }
    return classes;
  }

  private static List<Path> imageFiles(Path classFolder) {
    List<Path> files = list(classFolder).filter(Files::isRegularFile).filter(Images::isImageName).toList();
    if (files.isEmpty()) {
      throw new DataException(classFolder + ": expected PNG or JPEG images in this class folder,"
          + " found none");
    }
    return files;
  }

  private static boolean isImageName(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return EXTENSIONS.stream().anyMatch(name::endsWith);
  }

  /** The entries of {@code dir}, sorted by name so labels and record order never depend on the file system. */
  private static Stream<Path> list(Path dir) {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.sorted().toList().stream();
    } catch (IOException e) {
      throw new DataException(dir + ": cannot list it: " + e.getMessage(), e);
    }
  }

  /**
   * Decodes {@code file}, once its header says it fits under {@link #maxPixels()}: a small file may
   * claim an image of billions of pixels (a decompression bomb), and decoding would allocate them all.
   */
  private static BufferedImage decode(Path file) {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      Iterator<ImageReader> readers = in == null ? Collections.emptyIterator() : ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new DataException(file + ": expected a PNG or JPEG image, found a file in no image"
            + " format Java can read");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        long width = reader.getWidth(0);
        long height = reader.getHeight(0);
        long limit = maxPixels;
        if (width * height > limit) {
          throw new TooLarge(String.format(Locale.ROOT, "%s: the image is %,d x %,d pixels (%,d), more than the"
              + " limit of %,d pixels; it was not decoded (raise the limit with --max-pixels if the image is meant)",
              file, width, height, width * height, limit));
        }
        return reader.read(0);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof DataException d) {
        throw d;
      }
      // Decoders throw unchecked exceptions on some damaged files, too.
      throw new DataException(file + ": expected a PNG or JPEG image, found a file that cannot be"
          + " decoded (" + e.getMessage() + ")", e);
    }
  }

  /** The image scaled to {@code width × height}, as packed RGB pixels row by row. */
  private static int[] resized(BufferedImage image, int height, int width) {
    BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = scaled.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.drawImage(image, 0, 0, width, height, null);
    } finally {
      g.dispose();
    }
    return scaled.getRGB(0, 0, width, height, null, 0, width);
  }

  /** RGB pixels as channels-last floats; one channel is the luminance, as PIL's grey conversion computes it. */
  private static void writePixels(int[] rgb, int channels, float[] out, int offset) {
    for (int p = 0; p < rgb.length; p++) {
      int red = (rgb[p] >> 16) & 0xFF;
      int green = (rgb[p] >> 8) & 0xFF;
      int blue = rgb[p] & 0xFF;
      if (channels == 1) {
        out[offset + p] = Math.round(0.299f * red + 0.587f * green + 0.114f * blue);
      } else {
        out[offset + p * 3] = red;
        out[offset + p * 3 + 1] = green;
        out[offset + p * 3 + 2] = blue;
      }
    }
  }
}

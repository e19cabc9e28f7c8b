package dev.nnc.runtime.data;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A contact sheet: up to 64 images of a field, eight to a row, each with a caption under it,
 * written as a PNG. Values are scaled from the smallest to the largest shown to 0..255, so images
 * look the same whether the data holds 0..255, 0..1 or standardised values.
 */
public final class ImageGrid {
  public static final int MAX_IMAGES = 64;
  private static final int COLUMNS = 8;
  /** Small images are enlarged by a whole factor to at least this many pixels a side. */
  private static final int MIN_SIDE = 64;
  private static final int CAPTION_HEIGHT = 14;
  private static final int GAP = 4;

  private ImageGrid() {}

  /** True for a field that can be drawn: FLOAT {@code [height, width, channels]} with 1 or 3 channels. */
  public static boolean canDraw(Field field) {
    int[] shape = field.shape();
    return field.type() == ElementType.FLOAT && shape.length == 3 && (shape[2] == 1 || shape[2] == 3);
  }

  /** Draws the first images of {@code field} in {@code batch}, {@code captions.get(i)} under image i. */
  public static void write(Path png, Batch batch, String field, List<String> captions) {
    Field image = batch.fields().stream().filter(f -> f.name().equals(field)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no field " + field));
    if (!canDraw(image)) {
      throw new IllegalArgumentException(image + " is not an image field");
    }
    int count = Math.min(Math.min(batch.size(), MAX_IMAGES), captions.size());
    draw(png, batch.floats(field), count, image.shape(), captions.subList(0, count), COLUMNS);
  }

  /**
   * Draws {@code count} images of {@code shape} ({@code [height, width, channels]}, 1 or 3 channels)
   * held one after the other in {@code values}, in a square grid without captions: pictures a model
   * made, such as a generator's samples.
   */
  public static void write(Path png, float[] values, int count, int[] shape) {
    draw(png, values, count, shape, List.of(), (int) Math.ceil(Math.sqrt(count)));
  }

  private static void draw(Path png, float[] values, int count, int[] shape, List<String> captions, int columns) {
    int elements = shape[0] * shape[1] * shape[2];
    int scale = Math.max(1, (MIN_SIDE + Math.max(shape[0], shape[1]) - 1) / Math.max(shape[0], shape[1]));
    int captionHeight = captions.isEmpty() ? 0 : CAPTION_HEIGHT;
    int cellWidth = shape[1] * scale + GAP;
    int cellHeight = shape[0] * scale + captionHeight + GAP;
    int rows = (count + columns - 1) / columns;
    BufferedImage sheet = new BufferedImage(Math.min(count, columns) * cellWidth + GAP,
        rows * cellHeight + GAP, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = sheet.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
      float[] range = range(values, count * elements);
      for (int i = 0; i < count; i++) {
        int x = GAP + (i % columns) * cellWidth;
        int y = GAP + (i / columns) * cellHeight;
        g.drawImage(picture(values, i * elements, shape, range), x, y,
            shape[1] * scale, shape[0] * scale, null);
        if (!captions.isEmpty()) {
          caption(g, captions.get(i), x, y + shape[0] * scale, cellWidth - GAP);
        }
      }
    } finally {
      g.dispose();
    }
    try {
      Path parent = png.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      ImageIO.write(sheet, "png", png.toFile());
    } catch (IOException e) {
      throw new DataException(png + ": cannot write the image grid: " + e.getMessage(), e);
    }
  }

  /** The smallest and largest of the first {@code length} values. */
  private static float[] range(float[] values, int length) {
    float min = Float.POSITIVE_INFINITY;
    float max = Float.NEGATIVE_INFINITY;
    for (int i = 0; i < length; i++) {
      min = Math.min(min, values[i]);
      max = Math.max(max, values[i]);
    }
    return new float[] {min, max};
  }

  private static BufferedImage picture(float[] values, int offset, int[] shape, float[] range) {
    int height = shape[0];
    int width = shape[1];
    int channels = shape[2];
    float span = range[1] > range[0] ? range[1] - range[0] : 1;
    BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int at = offset + (y * width + x) * channels;
        int rgb = 0;
        for (int c = 0; c < 3; c++) {
          float value = values[at + (channels == 1 ? 0 : c)];
          int level = Math.round((value - range[0]) / span * 255);
          rgb = (rgb << 8) | Math.min(Math.max(level, 0), 255);
        }
        picture.setRGB(x, y, rgb);
      }
    }
    return picture;
  }

  /** The caption, cut to the cell's width. */
  private static void caption(Graphics2D g, String text, int x, int top, int width) {
    FontMetrics metrics = g.getFontMetrics();
    String shown = text;
    while (shown.length() > 1 && metrics.stringWidth(shown) > width) {
      shown = shown.substring(0, shown.length() - 1);
    }
    g.setColor(Color.BLACK);
    g.drawString(shown, x, top + metrics.getAscent() + 1);
  }
}

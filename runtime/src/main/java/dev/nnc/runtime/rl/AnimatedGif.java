package dev.nnc.runtime.rl;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/** Writes frames as an animated GIF that loops, with javax.imageio's own GIF writer. */
public final class AnimatedGif {
  private static final String FORMAT = "javax_imageio_gif_image_1.0";

  private AnimatedGif() {}

  /** Writes {@code frames} to {@code file}, each shown {@code delay} hundredths of a second. */
  public static void write(List<BufferedImage> frames, int delay, Path file) throws IOException {
    if (frames.isEmpty()) {
      throw new IllegalArgumentException("an animation needs at least one frame");
    }
    ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
    Files.deleteIfExists(file);
    try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
      writer.setOutput(out);
      writer.prepareWriteSequence(null);
      for (int i = 0; i < frames.size(); i++) {
        BufferedImage frame = frames.get(i);
        IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(frame), null);
        describe(metadata, delay, i == 0, frame);
        writer.writeToSequence(new IIOImage(frame, null, metadata), null);
      }
      writer.endWriteSequence();
    } finally {
      writer.dispose();
    }
  }

  /**
   * Sets the frame's delay, its own colour table (without one the writer falls back on a web-safe
   * palette, shifting every colour) and, on the first frame, the Netscape extension that makes the
   * GIF loop.
   */
  private static void describe(IIOMetadata metadata, int delay, boolean first, BufferedImage frame)
      throws IOException {
    IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(FORMAT);
    if (frame.getColorModel() instanceof IndexColorModel palette) {
      IIOMetadataNode table = child(root, "LocalColorTable");
      // The default table is a web-safe one of 256 colours: replace its entries with the frame's.
      while (table.getLength() > 0) {
        table.removeChild(table.getFirstChild());
      }
      // A GIF colour table holds a power of two of at least 2 entries; pad with the last colour.
      int size = Integer.highestOneBit(Math.max(2, palette.getMapSize() - 1)) << 1;
      table.setAttribute("sizeOfLocalColorTable", Integer.toString(size));
      table.setAttribute("sortFlag", "FALSE");
      for (int i = 0; i < size; i++) {
        int rgb = palette.getRGB(Math.min(i, palette.getMapSize() - 1));
        IIOMetadataNode entry = new IIOMetadataNode("ColorTableEntry");
        entry.setAttribute("index", Integer.toString(i));
        entry.setAttribute("red", Integer.toString((rgb >> 16) & 0xFF));
        entry.setAttribute("green", Integer.toString((rgb >> 8) & 0xFF));
        entry.setAttribute("blue", Integer.toString(rgb & 0xFF));
        table.appendChild(entry);
      }
    }
    IIOMetadataNode control = child(root, "GraphicControlExtension");
    control.setAttribute("disposalMethod", "none");
    control.setAttribute("userInputFlag", "FALSE");
    control.setAttribute("transparentColorFlag", "FALSE");
    control.setAttribute("delayTime", Integer.toString(delay));
    control.setAttribute("transparentColorIndex", "0");
    if (first) {
      IIOMetadataNode application = new IIOMetadataNode("ApplicationExtension");
      application.setAttribute("applicationID", "NETSCAPE");
      application.setAttribute("authenticationCode", "2.0");
      application.setUserObject(new byte[] {1, 0, 0}); // sub-block 1, repeat forever
      child(root, "ApplicationExtensions").appendChild(application);
    }
    metadata.setFromTree(FORMAT, root);
  }

  private static IIOMetadataNode child(IIOMetadataNode parent, String name) {
    for (int i = 0; i < parent.getLength(); i++) {
      if (parent.item(i).getNodeName().equalsIgnoreCase(name)) {
        return (IIOMetadataNode) parent.item(i);
      }
    }
    IIOMetadataNode node = new IIOMetadataNode(name);
    parent.appendChild(node);
    return node;
  }
}

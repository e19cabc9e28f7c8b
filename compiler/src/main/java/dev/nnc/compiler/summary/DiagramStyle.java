package dev.nnc.compiler.summary;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;

/**
 * How diagrams look, shared by every writer so that DOT, SVG and PNG agree: colours, fonts and the
 * text measure the layout sizes boxes with.
 */
final class DiagramStyle {
  private DiagramStyle() {}

  static final String LAYER_FILL = "#f4f6fb";
  static final String INPUT_FILL = "#e3f0e3";
  static final String OUTPUT_FILL = "#fbeee3";
  static final String BORDER = "#5b6b8c";
  static final String EDGE = "#555555";
  static final String TEXT = "#1d2433";
  static final String MUTED_TEXT = "#5a6275";

  /** SVG's font list; Java2D draws the PNG with its own sans-serif font, which is measured here. */
  static final String SVG_FONTS = "Helvetica, Arial, 'DejaVu Sans', sans-serif";
  static final float NODE_FONT = 12;
  static final float EDGE_FONT = 10;
  static final float LINE_GAP = 4;
  static final double PAD_X = 12;
  static final double PAD_Y = 8;
  /** An ellipse is this much wider than its text, which keeps the text clear of the curve. */
  static final double ELLIPSE_GROWTH = 1.25;

  private static final FontRenderContext MEASURE = new FontRenderContext(new AffineTransform(), true, true);

  static Font nodeTitleFont() {
    return new Font(Font.SANS_SERIF, Font.BOLD, 1).deriveFont(NODE_FONT);
  }

  static Font nodeFont() {
    return new Font(Font.SANS_SERIF, Font.PLAIN, 1).deriveFont(NODE_FONT);
  }

  static Font edgeFont() {
    return new Font(Font.SANS_SERIF, Font.PLAIN, 1).deriveFont(EDGE_FONT);
  }

  static double width(String text, Font font) {
    return font.getStringBounds(text, MEASURE).getWidth();
  }

  static double lineHeight(float size) {
    return size + LINE_GAP;
  }

  static String fill(Diagram.Kind kind) {
    return switch (kind) {
      case INPUT -> INPUT_FILL;
      case LAYER -> LAYER_FILL;
      case OUTPUT -> OUTPUT_FILL;
    };
  }
}

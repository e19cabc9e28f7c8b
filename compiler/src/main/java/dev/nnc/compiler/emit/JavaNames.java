package dev.nnc.compiler.emit;

import dev.nnc.compiler.check.Names;
import java.nio.file.Path;
import java.util.Locale;
import javax.lang.model.SourceVersion;

/** Every name the generated code uses comes from here, so names stay consistent and valid Java. */
final class JavaNames {
  private JavaNames() {}

  /**
   * A `.nn` name as a Java local or field: keywords, and {@code net} (the parameter every generated
   * graph-building method takes), get a trailing underscore.
   */
  static String identifier(String name) {
    return SourceVersion.isName(name) && !name.equals("net") ? name : name + "_";
  }

  /**
   * Text from the source (a doc comment, a file name) as it may stand in a generated comment: javac
   * reads Unicode escapes such as {@code \\u000a} even inside comments, and {@code *}{@code /} ends
   * one, so backslashes and slashes after a star become HTML entities (Javadoc shows them as they
   * were); a carriage return, a line break to javac, becomes a space.
   */
  static String commentText(String text) {
    return text.replace("\\", "&#92;").replace("*/", "*&#47;").replace('\r', ' ');
  }

  /** A model's class; {@code Outputs} is the name of the record nested in every model class. */
  static String modelClass(String model) {
    String name = identifier(Names.pascal(model));
    return name.equals("Outputs") ? name + "_" : name;
  }

  static String dataClass(String block) {
    return identifier(Names.pascal(block) + "Data");
  }

  static String jobClass(String job) {
    return identifier(Names.pascal(job) + "Train");
  }

  static String sampleClass(String job) {
    return identifier(Names.pascal(job) + "Sample");
  }

  /** The default package: the source's folder and file name ({@code samples/fashion/cnn.nn} → {@code fashion.cnn}). */
  static String defaultPackage(String sourceName) {
    Path path = Path.of(sourceName);
    String file = path.getFileName().toString().replaceFirst("\\.nn$", "");
    Path parent = path.toAbsolutePath().getParent();
    String folder = parent == null || parent.getFileName() == null ? "nn" : parent.getFileName().toString();
    return segment(folder) + "." + segment(file);
  }

  private static String segment(String text) {
    String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    if (s.isEmpty() || !Character.isJavaIdentifierStart(s.charAt(0))) {
      s = "nn_" + s;
    }
    return SourceVersion.isKeyword(s) ? s + "_" : s;
  }
}

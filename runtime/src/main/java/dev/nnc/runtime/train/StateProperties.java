package dev.nnc.runtime.train;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A checkpoint's state file: named values as text, readable by people. Numbers are written so that
 * they read back exactly ({@link Double#toString} round-trips, NaN and infinities included). Reading
 * a value that is missing or malformed fails with {@link Malformed}, naming the file and the key.
 */
final class StateProperties {
  /** A value that is missing or cannot be read. */
  static final class Malformed extends RuntimeException {
    Malformed(String message) {
      super(message);
    }
  }

  private final Properties values;
  private final String source;

  private StateProperties(Properties values, String source) {
    this.values = values;
    this.source = source;
  }

  static StateProperties empty() {
    return new StateProperties(new Properties(), "state");
  }

  static StateProperties read(Path file) throws IOException {
    Properties values = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      values.load(reader);
    }
    return new StateProperties(values, file.toString());
  }

  void write(Path file, String comment) throws IOException {
    try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      values.store(writer, comment);
    }
  }

  void put(String key, Object value) {
    values.setProperty(key, String.valueOf(value));
  }

  void putDoubles(String key, double[] numbers) {
    put(key, Arrays.stream(numbers).mapToObj(Double::toString).collect(Collectors.joining(",")));
  }

  boolean has(String key) {
    return values.containsKey(key);
  }

  String string(String key) {
    String value = values.getProperty(key);
    if (value == null) {
      throw new Malformed(source + " has no " + key);
    }
    return value;
  }

  long longValue(String key) {
    return parse(key, Long::parseLong);
  }

  int intValue(String key) {
    return parse(key, Integer::parseInt);
  }

  double doubleValue(String key) {
    return parse(key, Double::parseDouble);
  }

  boolean bool(String key) {
    return parse(key, text -> switch (text) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException(text);
    });
  }

  double[] doubles(String key) {
    return parse(key, text -> text.isEmpty() ? new double[0]
        : Arrays.stream(text.split(",")).mapToDouble(Double::parseDouble).toArray());
  }

  private <T> T parse(String key, Function<String, T> parser) {
    String text = string(key);
    try {
      return parser.apply(text);
    } catch (RuntimeException e) {
      throw new Malformed(source + " has a malformed " + key + ": " + text);
    }
  }
}

package dev.nnc.runtime.infer;

import dev.nnc.runtime.data.ElementType;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * What nnc knows about an exported model beyond its SavedModel signature, kept beside it as
 * {@code assets/nnc-model.properties}: the job and source file it came from, each input with its
 * record type, the range of values it was trained on and its vocabulary (the characters of a
 * {@code text} source), and each output with its record shape and the activation it ends in
 * ({@code softmax} or {@code sigmoid} outputs are probabilities, others logits); a classifier's output
 * has the names of its classes as its vocabulary (the class numbers where the data names none). A sample job reads
 * the vocabulary from here; {@code nnc predict} reads the rest.
 */
public record ModelInfo(String job, String source, List<Tensor> inputs, List<Tensor> outputs) {
  public static final String FILE = "nnc-model.properties";

  /**
   * An input or an output: shapes without the batch; {@code lo..hi} known for inputs only; the
   * vocabulary of an input is its characters, that of an output the classes it scores.
   */
  public record Tensor(String name, ElementType type, long[] shape, String activation, double lo, double hi,
      List<String> vocabulary) {
    public Tensor {
      shape = shape.clone();
      vocabulary = List.copyOf(vocabulary);
    }

    @Override
    public long[] shape() {
      return shape.clone();
    }

    /** The number of values one record holds (1 for a scalar); -1 when a dimension is unknown. */
    public long elements() {
      long n = 1;
      for (long d : shape) {
        if (d < 0) {
          return -1;
        }
        n *= d;
      }
      return n;
    }

    /** {@code float[28, 28, 1]}, as the language writes types. */
    public String typeDescription() {
      return type.label() + (shape.length == 0 ? "" : Arrays.toString(shape));
    }

    /** True for the output of a classifier: its values score the classes of its vocabulary. */
    public boolean scoresClasses() {
      return !vocabulary.isEmpty();
    }

    /** True when the values are probabilities already, so no softmax is due. */
    public boolean probabilities() {
      return activation.equals("softmax") || activation.equals("sigmoid");
    }
  }

  public ModelInfo {
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
  }

  public Tensor input(String name) {
    return inputs.stream().filter(t -> t.name().equals(name)).findFirst()
        .orElseThrow(() -> new InferenceException("the model has no input " + name + "; it has " + names(inputs)));
  }

  /** Writes this to {@code assets/} of the SavedModel in {@code dir}. */
  public void write(Path dir) throws IOException {
    Properties p = new Properties();
    p.setProperty("job", job);
    p.setProperty("source", source);
    put(p, "input", inputs);
    put(p, "output", outputs);
    Path assets = Files.createDirectories(dir.resolve("assets"));
    try (Writer out = Files.newBufferedWriter(assets.resolve(FILE), StandardCharsets.UTF_8)) {
      p.store(out, "written by nnc with the SavedModel: what `nnc predict` and sample jobs need");
    }
  }

  /** Reads what {@link #write} wrote beside the SavedModel in {@code dir}. */
  public static ModelInfo read(Path dir) {
    Path file = dir.resolve("assets").resolve(FILE);
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(in);
    } catch (NoSuchFileException e) {
      throw new InferenceException(dir + " holds no model exported by nnc: " + file + " is missing");
    } catch (IOException | IllegalArgumentException e) {
      throw new InferenceException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return new ModelInfo(p.getProperty("job", ""), p.getProperty("source", ""), get(p, "input"), get(p, "output"));
  }

  private static void put(Properties p, String kind, List<Tensor> tensors) {
    p.setProperty(kind + "s", String.valueOf(tensors.size()));
    for (int i = 0; i < tensors.size(); i++) {
      Tensor t = tensors.get(i);
      String key = kind + "." + i + ".";
      p.setProperty(key + "name", t.name());
      p.setProperty(key + "type", t.type().label());
      p.setProperty(key + "shape", Arrays.stream(t.shape()).mapToObj(Long::toString).collect(Collectors.joining(" ")));
      p.setProperty(key + "activation", t.activation());
      p.setProperty(key + "range", t.lo() + " " + t.hi());
      p.setProperty(key + "vocabulary", String.valueOf(t.vocabulary().size()));
      for (int w = 0; w < t.vocabulary().size(); w++) {
        p.setProperty(key + "vocabulary." + w, t.vocabulary().get(w));
      }
    }
  }

  private static List<Tensor> get(Properties p, String kind) {
    List<Tensor> tensors = new ArrayList<>();
    int count = Integer.parseInt(p.getProperty(kind + "s", "0"));
    for (int i = 0; i < count; i++) {
      String key = kind + "." + i + ".";
      String shape = p.getProperty(key + "shape", "").trim();
      String[] range = p.getProperty(key + "range", "NaN NaN").split(" ");
      List<String> vocabulary = new ArrayList<>();
      int words = Integer.parseInt(p.getProperty(key + "vocabulary", "0"));
      for (int w = 0; w < words; w++) {
        vocabulary.add(p.getProperty(key + "vocabulary." + w, ""));
      }
      tensors.add(new Tensor(p.getProperty(key + "name"),
          ElementType.valueOf(p.getProperty(key + "type", "float").toUpperCase(java.util.Locale.ROOT)),
          shape.isEmpty() ? new long[0] : Arrays.stream(shape.split(" ")).mapToLong(Long::parseLong).toArray(),
          p.getProperty(key + "activation", "none"), Double.parseDouble(range[0]), Double.parseDouble(range[1]),
          vocabulary));
    }
    return tensors;
  }

  static String names(List<Tensor> tensors) {
    return tensors.stream().map(Tensor::name).collect(Collectors.joining(", "));
  }
}

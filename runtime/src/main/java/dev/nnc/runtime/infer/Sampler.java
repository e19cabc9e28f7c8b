package dev.nnc.runtime.infer;

import dev.nnc.runtime.train.CarriedStates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Generates text with a character model exported by a train job. The characters are the
 * vocabulary of the {@code text} source the model was trained on, saved with the export. The prime
 * is fed first; then each next character is drawn from softmax(logits / temperature) at the last
 * position, appended and fed in turn.
 *
 * <p>A model whose sequence length is a symbol is built for one character a record with every
 * recurrent state carried from run to run, so each character is fed once and the model remembers
 * the whole text so far (stateful generation). A model with a fixed length is fed the last
 * {@code window} characters each time, left-padded with the vocabulary's first character at first,
 * and recomputes the window every step.
 */
public final class Sampler {
  private final SampleSpec spec;
  private final List<String> vocabulary;

  private Sampler(SampleSpec spec, List<String> vocabulary) {
    this.spec = spec;
    this.vocabulary = vocabulary;
  }

  /** The prime followed by {@code spec.length()} generated characters. */
  public static String generate(SampleSpec spec) {
    Path dir = Path.of(spec.from());
    if (!java.nio.file.Files.isDirectory(dir)) {
      throw new InferenceException("sample " + spec.jobName() + ": " + dir.toAbsolutePath()
          + ": no such directory; train the model first (its train job's `export:` writes it)");
    }
    ModelInfo info = ModelInfo.read(dir);
    List<String> vocabulary = info.input(spec.input()).vocabulary();
    if (vocabulary.isEmpty()) {
      throw new InferenceException("sample " + spec.jobName() + ": the model in " + dir + " was not trained on a"
          + " text(...) source, so its export holds no vocabulary to turn indices into characters");
    }
    return new Sampler(spec, vocabulary).run(dir.resolve("variables").resolve("variables"));
  }

  private String run(Path variables) {
    List<Integer> text = new ArrayList<>();
    spec.prime().codePoints().forEach(c -> text.add(index(c)));
    boolean stateful = spec.window() == 1;
    SplittableRandom random = new SplittableRandom(spec.seed());
    StringBuilder out = new StringBuilder(spec.prime());
    try (RestoredModel model = RestoredModel.restore(spec.model(), List.of(spec.inputField()), variables, stateful)) {
      Operand<?> input = model.inputs().get(spec.input());
      Operand<?> logits = model.outputs().values().iterator().next();
      CarriedStates states = new CarriedStates(model.carried());
      // Stateful: the prime but its last character goes in once, to set the states.
      for (int i = 0; stateful && i < text.size() - 1; i++) {
        step(model.session(), input, logits, states, new int[] {text.get(i)});
      }
      for (int n = 0; n < spec.length(); n++) {
        int[] window = stateful ? new int[] {text.get(text.size() - 1)} : window(text);
        int next = draw(step(model.session(), input, logits, states, window), random);
        text.add(next);
        out.append(vocabulary.get(next));
      }
    }
    return out.toString();
  }

  /** Runs the model on one record and returns the logits at its last position; carried states go on. */
  private float[] step(Session session, Operand<?> input, Operand<?> logits, CarriedStates states, int[] record) {
    List<Tensor> fed = new ArrayList<>();
    try (TInt32 x = TInt32.tensorOf(Shape.of(1, record.length), DataBuffers.of(record, true, false))) {
      Session.Runner runner = session.runner().feed(input, x).fetch(logits);
      states.feed(runner, 1, fed);
      states.fetch(runner);
      try (Result result = runner.run()) {
        states.keep(result, 1);
        TFloat32 all = (TFloat32) result.get(0);
        float[] values = new float[(int) all.size()];
        all.copyTo(DataBuffers.of(values, false, false));
        int classes = (int) all.shape().size(all.shape().numDimensions() - 1);
        float[] last = new float[classes];
        System.arraycopy(values, values.length - classes, last, 0, classes);
        return last;
      }
    } finally {
      fed.forEach(Tensor::close);
    }
  }

  /** The last {@code window} characters, left-padded with index 0 while the text is shorter. */
  private int[] window(List<Integer> text) {
    int[] window = new int[spec.window()];
    int from = Math.max(0, text.size() - window.length);
    int pad = window.length - (text.size() - from);
    for (int i = from; i < text.size(); i++) {
      window[pad + i - from] = text.get(i);
    }
    return window;
  }

  /** A draw from softmax(logits / temperature); as the temperature nears 0 this is the arg-max. */
  private int draw(float[] logits, SplittableRandom random) {
    if (logits.length != vocabulary.size()) {
      throw new InferenceException("sample " + spec.jobName() + ": the model gives " + logits.length
          + " logits, but its vocabulary has " + vocabulary.size() + " characters");
    }
    double[] weights = ClassScores.softmax(logits, spec.temperature());
    double u = random.nextDouble();
    for (int i = 0; i < weights.length; i++) {
      u -= weights[i];
      if (u < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  private int index(int codePoint) {
    int i = vocabulary.indexOf(Character.toString(codePoint));
    if (i < 0) {
      throw new InferenceException("sample " + spec.jobName() + ": the prime's character '"
          + Character.toString(codePoint) + "' is not in the model's vocabulary ("
          + vocabulary.stream().map(Sampler::shown).collect(Collectors.joining("")) + ")");
    }
    return i;
  }

  private static String shown(String c) {
    return c.equals("\n") ? "\\n" : c;
  }
}

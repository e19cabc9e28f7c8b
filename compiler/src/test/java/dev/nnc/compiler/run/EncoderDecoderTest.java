package dev.nnc.compiler.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.compiler.Compilation;
import dev.nnc.compiler.diag.HumanRenderer;
import dev.nnc.compiler.source.SourceFile;
import dev.nnc.runtime.infer.ExportedModel;
import dev.nnc.runtime.infer.RestoredModel;
import dev.nnc.runtime.train.EpochResult;
import dev.nnc.runtime.train.TrainOptions;
import dev.nnc.runtime.train.TrainResult;
import dev.nnc.runtime.train.TrainSpec;
import dev.nnc.runtime.train.Trainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The encoder–decoder of Sutskever et al. written in `.nn` with recurrent states: an LSTM encoder
 * whose final h and c are the decoder's {@code initial:} states, trained with teacher forcing on
 * pairs read from a CSV (each row a padded source, the decoder's input and its target, as a
 * {@code pairs} source will give them) to reverse two or three digits, its loss and metrics leaving
 * the padding out; the encoder learns through the states alone. The trained model is exported and
 * reloaded.
 */
class EncoderDecoderTest {
  @TempDir Path dir;

  /** Token ids as a word vocabulary numbers them: the four specials, then the digits. */
  private static final int PAD = 0;
  private static final int START = 2;
  private static final int END = 3;
  private static final int DIGITS = 6;

  private static final String PROGRAM = """
      model Reverser(vocab: int = 10, units: int = 32) {
        input source: int[3]
        input target_in: int[4]
        let enc = source -> embedding(vocab, 16) -> lstm(units, states: true)
        let dec = target_in -> embedding(vocab, 16)
          -> lstm(units, sequences: true, initial: enc)
        output logits = dec -> dense(vocab)
        output code = enc.h
      }

      data digits {
        train = csv("pairs.csv", header: false, source: int(columns(0..3)), target_in: int(columns(3..7)),
                    target: int(columns(7..11)))
      }

      train reverse {
        model: Reverser()
        data: digits.train | shuffle(300)
        loss: cross_entropy(logits, target, ignore: 0)
        optimizer: adam(lr: 0.01)
        batch: 16
        epochs: 6
        metrics: [accuracy(logits, target, ignore: 0), exact_match(logits, target, ignore: 0)]
        checkpoint: every(1 epoch)
        export: "model"
        seed: 7
      }
      """;

  @Test
  void anLstmEncoderStartsItsDecoderAndTheTrainedModelReloads() throws Exception {
    Files.writeString(dir.resolve("pairs.csv"), pairs());
    Path source = Files.writeString(dir.resolve("reverse.nn"), PROGRAM.replace("\"model\"",
        "\"" + dir.resolve("model").toString().replace("\\", "/") + "\""));
    Compilation c = Compilation.of(new SourceFile(source.toString(), Files.readString(source)), List.of());
    assertTrue(c.succeeded(), () -> c.diagnostics().stream().map(HumanRenderer::render).collect(Collectors.joining("\n")));
    TrainSpec spec = (TrainSpec) GeneratedProgram.compile(c.program(), List.of()).jobSpec("reverse");
    Path logDir = dir.resolve("run");
    TrainResult result = Trainer.run(spec, TrainOptions.builder().logDir(logDir).quiet(true).build());

    EpochResult first = result.epochs().get(0);
    EpochResult last = result.last();
    assertTrue(last.loss() < 0.8 * first.loss(), "the loss falls: " + first.values() + " then " + last.values());
    for (String metric : List.of("accuracy", "exact_match")) {
      double value = last.value(metric);
      assertTrue(value >= 0 && value <= 1, metric + " is a share: " + last.values());
    }
    assertTrue(last.value("accuracy") > first.value("accuracy"), "per-token accuracy rises: " + result.epochs());
    assertTrue(last.value("exact_match") <= last.value("accuracy"),
        "a record wholly right has every token right: " + last.values());

    int[][] sources = {{4, 5, 6}, {9, 8, PAD}};
    int[][] targetIn = {{START, 6, 5, 4}, {START, 8, 9, PAD}};
    try (ExportedModel exported = ExportedModel.load(dir.resolve("model"))) {
      float[][] logits = exported.run(Map.of("source", sources, "target_in", targetIn)).floats("logits");
      float[][] restored = restored(spec, checkpoint(logDir, true), "logits", sources, targetIn);
      for (int r = 0; r < sources.length; r++) {
        for (int i = 0; i < logits[r].length; i++) {
          assertEquals(restored[r][i], logits[r][i], 1e-5, "record " + r + ", value " + i + ": export and checkpoint agree");
        }
      }
      // The decoder reads the source only through the encoder's states: another source, other logits.
      int[][] otherSources = {{7, 7, 7}, {4, 4, PAD}};
      float[][] other = exported.run(Map.of("source", otherSources, "target_in", targetIn)).floats("logits");
      for (int r = 0; r < sources.length; r++) {
        assertNotEquals(logits[r][0], other[r][0], 1e-6f, "record " + r + ": the first step already sees the source");
      }
    }
    // The loss reaches the encoder only through the states it hands the decoder: its weights train,
    // so its final state for one source moves from checkpoint to checkpoint.
    float[] early = restored(spec, checkpoint(logDir, false), "code", sources, targetIn)[0];
    float[] late = restored(spec, checkpoint(logDir, true), "code", sources, targetIn)[0];
    double moved = 0;
    for (int i = 0; i < early.length; i++) {
      moved = Math.max(moved, Math.abs(early[i] - late[i]));
    }
    assertTrue(moved > 1e-3, "the encoder's h moved by " + moved + " between the first and the last checkpoint");
  }

  /**
   * Every sequence of two and three digits (ids 4..9) reversed, a row of 11 ids: the source padded to
   * 3, the decoder's input ({@code <start>} then the reversed digits) and its target (the reversed
   * digits then {@code <end>}), both padded to 4.
   */
  private static String pairs() {
    StringBuilder csv = new StringBuilder();
    for (int length = 2; length <= 3; length++) {
      int count = (int) Math.pow(DIGITS, length);
      for (int n = 0; n < count; n++) {
        List<Integer> digits = new ArrayList<>();
        for (int i = 0, rest = n; i < length; i++, rest /= DIGITS) {
          digits.add(4 + rest % DIGITS);
        }
        List<Integer> reversed = new ArrayList<>(digits);
        java.util.Collections.reverse(reversed);
        List<Integer> row = new ArrayList<>(padded(digits, 3));
        List<Integer> in = new ArrayList<>(List.of(START));
        in.addAll(reversed);
        row.addAll(padded(in, 4));
        List<Integer> out = new ArrayList<>(reversed);
        out.add(END);
        row.addAll(padded(out, 4));
        csv.append(row.stream().map(String::valueOf).collect(Collectors.joining(","))).append('\n');
      }
    }
    return csv.toString();
  }

  private static List<Integer> padded(List<Integer> ids, int length) {
    List<Integer> out = new ArrayList<>(ids);
    while (out.size() < length) {
      out.add(PAD);
    }
    return out;
  }

  /** An output of the model function built afresh with the weights of {@code checkpoint}, each record flat. */
  private static float[][] restored(TrainSpec spec, Path checkpoint, String output, int[][] sources, int[][] targetIn) {
    try (RestoredModel m = RestoredModel.restore(spec.model(), spec.inputs(), checkpoint.resolve("variables"), false);
        TInt32 s = TInt32.tensorOf(Shape.of(sources.length, 3), DataBuffers.of(flat(sources), true, false));
        TInt32 t = TInt32.tensorOf(Shape.of(targetIn.length, 4), DataBuffers.of(flat(targetIn), true, false));
        Result result = m.session().runner().feed(m.inputs().get("source"), s).feed(m.inputs().get("target_in"), t)
            .fetch(m.outputs().get(output)).run()) {
      TFloat32 logits = (TFloat32) result.get(0);
      int per = (int) (logits.shape().size() / sources.length);
      float[] values = new float[per * sources.length];
      logits.copyTo(DataBuffers.of(values, false, false));
      float[][] rows = new float[sources.length][per];
      for (int r = 0; r < rows.length; r++) {
        System.arraycopy(values, r * per, rows[r], 0, per);
      }
      return rows;
    }
  }

  private static int[] flat(int[][] rows) {
    return Stream.of(rows).flatMapToInt(java.util.Arrays::stream).toArray();
  }

  /** The trainer's newest checkpoint, or its oldest. */
  private static Path checkpoint(Path logDir, boolean newest) throws Exception {
    try (Stream<Path> all = Files.list(logDir.resolve("checkpoints"))) {
      java.util.Comparator<Path> byStep = (a, b) -> Long.compare(step(a), step(b));
      Stream<Path> saved = all.filter(p -> p.getFileName().toString().startsWith("ckpt-"));
      return (newest ? saved.max(byStep) : saved.min(byStep)).orElseThrow();
    }
  }

  private static long step(Path checkpoint) {
    return Long.parseLong(checkpoint.getFileName().toString().substring("ckpt-".length()));
  }
}

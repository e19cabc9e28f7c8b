package dev.nnc.compiler.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.cli.Nnc;
import dev.nnc.compiler.Compilation;
import dev.nnc.compiler.diag.HumanRenderer;
import dev.nnc.compiler.source.SourceFile;
import dev.nnc.runtime.infer.ExportedModel;
import dev.nnc.runtime.infer.InferenceException;
import dev.nnc.runtime.infer.SampleSpec;
import dev.nnc.runtime.infer.Sampler;
import dev.nnc.runtime.train.TrainOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A character model trained briefly on the Gettysburg Address, exported, and sampled from: the
 * text starts with the prime, has the length asked for, uses the training text's characters, is the
 * same for the same seed, and near temperature 0 is the greedy continuation the exported model gives.
 */
class SampleJobTest {
  private static final String PRIME = "Four score and ";
  @TempDir static Path dir;
  private static GeneratedProgram generated;
  private static Path source;

  @BeforeAll
  static void trainAndExport() throws Exception {
    Files.copy(Path.of("../samples/text/gettysburg.txt"), dir.resolve("gettysburg.txt"));
    String model = dir.resolve("lm").toString().replace("\\", "/");
    String text = """
        import std.text

        data speech {
          train = text("gettysburg.txt", seq: 40)
        }

        train lm {
          model: CharLm(vocab: 36, dim: 16, units: 32, layers: 1)
          data: speech.train
          loss: cross_entropy(logits, next)
          optimizer: adam(lr: 1e-2)
          batch: 8
          epochs: 4
          export: "%1$s"
        }

        sample warm {
          model: CharLm(vocab: 36, dim: 16, units: 32, layers: 1) from "%1$s"
          prime: "%2$s"
          length: 60
          temperature: 0.8
          seed: 7
        }

        sample greedy {
          model: CharLm(vocab: 36, dim: 16, units: 32, layers: 1) from "%1$s"
          prime: "%2$s"
          length: 30
          temperature: 1e-4
        }
        """.formatted(model, PRIME);
    source = Files.writeString(dir.resolve("lm.nn"), text);
    Compilation c = Compilation.of(new SourceFile(source.toString(), text), List.of());
    assertTrue(c.succeeded(), () -> c.diagnostics().stream().map(HumanRenderer::render).collect(Collectors.joining("\n")));
    assertEquals(List.of("warm", "greedy"), c.program().sampleJobNames());
    JobRunner.run(c.program(), "lm", List.of(), TrainOptions.builder().logDir(dir.resolve("run")).quiet(true).build());
    generated = GeneratedProgram.compile(c.program(), List.of());
  }

  private static SampleSpec spec(String job) {
    return (SampleSpec) generated.sampleSpec(job);
  }

  @Test
  void theTextStartsWithThePrimeHasTheLengthAskedForAndUsesTheTrainingCharacters() throws Exception {
    String text = Sampler.generate(spec("warm"));
    assertTrue(text.startsWith(PRIME), text);
    assertEquals(PRIME.length() + 60, text.length(), text);
    String training = Files.readString(dir.resolve("gettysburg.txt"));
    assertTrue(text.chars().allMatch(ch -> training.indexOf(ch) >= 0), text);
  }

  @Test
  void theSameSeedGivesTheSameTextAndAnotherSeedAnother() {
    SampleSpec warm = spec("warm");
    assertEquals(Sampler.generate(warm), Sampler.generate(warm));
    assertNotEquals(Sampler.generate(warm), Sampler.generate(warm.with(8, warm.length())));
    assertEquals(PRIME.length() + 5, Sampler.generate(warm.with(8, 5)).length());
  }

  /**
   * Near temperature 0 every seed gives the same text, and each character is the arg-max of what the
   * exported model (served whole, 40 characters a record, no carried state) predicts after the text
   * before it: the stateful generation computes what the model computes over the whole window.
   */
  @Test
  void nearTemperatureZeroTheTextIsTheGreedyContinuation() {
    SampleSpec greedy = spec("greedy");
    String text = Sampler.generate(greedy);
    assertEquals(text, Sampler.generate(greedy.with(123, greedy.length())));
    try (ExportedModel model = ExportedModel.load(Path.of(greedy.from()))) {
      List<String> vocabulary = model.info().input("chars").vocabulary();
      int[] window = text.substring(0, 40).chars().map(ch -> vocabulary.indexOf(Character.toString(ch))).toArray();
      float[] logits = model.run(Map.of("chars", new int[][] {window})).floats("logits")[0];
      for (int p = PRIME.length() - 1; p < 39; p++) {
        int best = 0;
        for (int k = 1; k < 36; k++) {
          best = logits[p * 36 + k] > logits[p * 36 + best] ? k : best;
        }
        assertEquals(vocabulary.get(best), Character.toString(text.charAt(p + 1)), "character " + (p + 1) + " of " + text);
      }
    }
  }

  @Test
  void aMissingModelDirectoryIsNamed() {
    SampleSpec warm = spec("warm");
    SampleSpec missing = new SampleSpec("warm", warm.model(), "chars", 1, dir.resolve("nowhere").toString(), PRIME, 5,
        1.0, 1);
    InferenceException e = assertThrows(InferenceException.class, () -> Sampler.generate(missing));
    assertTrue(e.getMessage().contains("nowhere: no such directory; train the model first"), e.getMessage());
  }

  @Test
  void theCommandLineSamplesAndTrainRefusesASampleJob() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Nnc.run(new String[] {"sample", source.toString(), "--job", "warm", "--length", "10", "--seed", "3"},
        new PrintWriter(out, true), new PrintWriter(err, true));
    assertEquals(Nnc.OK, code, err::toString);
    String printed = out.toString();
    assertEquals(PRIME.length() + 10, printed.length() - System.lineSeparator().length(), printed);
    assertTrue(printed.startsWith(PRIME), printed);
    StringWriter refused = new StringWriter();
    assertEquals(Nnc.PROGRAM_ERRORS, Nnc.run(new String[] {"train", source.toString(), "--job", "greedy"},
        new PrintWriter(new StringWriter(), true), new PrintWriter(refused, true)));
    assertTrue(refused.toString().contains("greedy is a sample job") && refused.toString().contains("nnc sample"),
        refused::toString);
  }
}

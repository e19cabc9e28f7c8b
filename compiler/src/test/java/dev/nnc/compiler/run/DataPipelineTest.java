package dev.nnc.compiler.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.compiler.Compilation;
import dev.nnc.compiler.check.Value;
import dev.nnc.compiler.diag.Diagnostic;
import dev.nnc.compiler.diag.HumanRenderer;
import dev.nnc.compiler.source.SourceFile;
import dev.nnc.compiler.syntax.Ast;
import dev.nnc.runtime.data.Batch;
import dev.nnc.runtime.data.Dataset;
import dev.nnc.runtime.data.Field;
import dev.nnc.runtime.train.TrainOptions;
import dev.nnc.runtime.train.TrainResult;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every data source and transform end to end: the fields the checker gives a program's data, and
 * the records the generated Java loads from files written here.
 */
class DataPipelineTest {
  @TempDir Path dir;

  private Compilation compile(String text) throws Exception {
    Path source = Files.writeString(dir.resolve("data.nn"), text);
    return Compilation.of(new SourceFile(source.toString(), text), List.of());
  }

  private Compilation compiled(String text) throws Exception {
    Compilation c = compile(text);
    assertTrue(c.succeeded(), () -> c.diagnostics().stream().map(HumanRenderer::render).collect(Collectors.joining("\n")));
    return c;
  }

  /** The fields the checker found for the split {@code split} of the first data block. */
  private static List<Field> checkedFields(Compilation c, String split) {
    Ast.Data block = (Ast.Data) c.program().unit().decls().stream().filter(d -> d instanceof Ast.Data).findFirst().orElseThrow();
    Ast.Split s = block.splits().stream().filter(x -> x.name().name().equals(split)).findFirst().orElseThrow();
    return ((Value.Dataset) c.program().valueOf(s.value())).fields();
  }

  private static Batch all(Dataset data) {
    return data.batches(data.size(), 42, 0).next();
  }

  private static final String IRIS = """
      sepal_length,sepal_width,petal_length,petal_width,species
      5.1,3.5,1.4,0.2,0
      4.9,3.0,1.4,0.2,0
      7.0,3.2,4.7,1.4,1
      6.4,3.2,4.5,1.5,1
      6.3,3.3,6.0,2.5,2
      5.8,2.7,5.1,1.9,2
      """;

  @Test
  void csvFieldsAreTypedAtCompileTimeAndLoadedByTheGeneratedCode() throws Exception {
    Files.writeString(dir.resolve("iris.csv"), IRIS);
    Compilation c = compiled("""
        data iris {
          all = csv("iris.csv", header: true, x: columns(0..4), petals: columns(["petal_length", "petal_width"]),
                    y: int(column("species")))
          parts = iris.all | one_hot(y, 3) | split(0.5, seed: 3)
          train = iris.parts.first
          test = iris.parts.rest
        }
        """);

    assertEquals(List.of(Field.floats("x", 4), Field.floats("petals", 2), Field.ints("y")), checkedFields(c, "all"));
    assertEquals(List.of(Field.floats("x", 4), Field.floats("petals", 2), Field.floats("y", 3)), checkedFields(c, "train"));

    GeneratedProgram generated = GeneratedProgram.compile(c.program(), List.of());
    Dataset all = (Dataset) generated.dataSplit("iris", "all");
    assertArrayEquals(new int[] {0, 0, 1, 1, 2, 2}, all(all).ints("y"));
    assertArrayEquals(new float[] {1.4f, 0.2f}, Arrays.copyOf(all(all).floats("petals"), 2));
    Dataset train = (Dataset) generated.dataSplit("iris", "train");
    Dataset test = (Dataset) generated.dataSplit("iris", "test");
    assertEquals(3, train.size());
    assertEquals(3, test.size());
    assertEquals(Field.floats("y", 3), train.field("y"));
  }

  @Test
  void aCsvFileAtHandMustHoldTheColumnsTheProgramReads() throws Exception {
    Files.writeString(dir.resolve("iris.csv"), IRIS);
    Compilation c = compile("""
        data iris {
          wide = csv("iris.csv", header: true, x: columns(0..7))
          typo = csv("iris.csv", header: true, y: int(column("specis")))
        }
        """);

    List<String> errors = c.diagnostics().stream().filter(Diagnostic::isError)
        .map(d -> d.code().id() + " " + d.message() + (d.help() == null ? "" : " / " + d.help())).toList();
    assertEquals(List.of(
        "NN0406 column 5 is past the end of iris.csv, whose first line has 5 columns (0..4)",
        "NN0406 iris.csv has no column \"specis\" / did you mean \"species\"? its columns are sepal_length,"
            + " sepal_width, petal_length, petal_width, species"), errors);
  }

  @Test
  void cifarImagesTextAndNoiseLoadWithTheFieldsTheCheckerGaveThem() throws Exception {
    byte[] cifar = new byte[2 * 3073];
    cifar[3073] = 7;
    Files.write(dir.resolve("batch.bin"), cifar);
    for (String cls : List.of("cats", "dogs")) {
      BufferedImage image = new BufferedImage(10, 8, BufferedImage.TYPE_INT_RGB);
      image.setRGB(0, 0, Color.ORANGE.getRGB());
      Files.createDirectories(dir.resolve("pets/" + cls));
      ImageIO.write(image, "png", dir.resolve("pets/" + cls + "/1.png").toFile());
    }
    Files.writeString(dir.resolve("tiny.txt"), "hello world, hello data");
    Compilation c = compiled("""
        data mixed {
          cifar10 = cifar("batch.bin") | map(image: image / 255)
          pets = images("pets", size: [4, 5], channels: 1) | augment(image, flip: horizontal, rotate: 10, zoom: 0.1)
          text = text("tiny.txt", seq: 5) | repeat(2)
          noise = normal([3], std: 2) | take(10) | map(value: value + 1)
        }
        """);

    GeneratedProgram generated = GeneratedProgram.compile(c.program(), List.of());
    for (String split : List.of("cifar10", "pets", "text", "noise")) {
      Dataset data = (Dataset) generated.dataSplit("mixed", split);
      assertEquals(checkedFields(c, split), data.fields(), split);
    }
    assertArrayEquals(new int[] {0, 7}, all((Dataset) generated.dataSplit("mixed", "cifar10")).ints("label"));
    Dataset pets = (Dataset) generated.dataSplit("mixed", "pets");
    assertEquals(List.of("cats", "dogs"), pets.vocabulary("label"));
    Dataset text = (Dataset) generated.dataSplit("mixed", "text");
    assertEquals(8, text.size());
    assertEquals(10, ((Dataset) generated.dataSplit("mixed", "noise")).size());
  }

  @Test
  void aJobTrainsOnCsvDataWithOneHotLabels() throws Exception {
    StringBuilder blobs = new StringBuilder();
    for (int i = 0; i < 60; i++) {
      int label = i % 3;
      blobs.append(label * 2 + (i % 7) * 0.05).append(',').append(-label + (i % 5) * 0.05).append(",\"").append(label).append("\"\n");
    }
    Files.writeString(dir.resolve("blobs.csv"), blobs);
    Compilation c = compiled("""
        model Classifier {
          input x: float[2]
          output logits = x -> dense(16) -> relu -> dense(3)
        }
        data blobs {
          parts = csv("blobs.csv", x: columns(0..2), label: int(column(2))) | one_hot(label, 3) | split(0.8, seed: 1)
        }
        train classify {
          model: Classifier()
          data: blobs.parts.first | shuffle(48)
          validate: blobs.parts.rest
          loss: cross_entropy(logits, label)
          optimizer: adam(lr: 0.05)
          batch: 16
          epochs: 30
          metrics: [accuracy(logits, label)]
        }
        """);

    TrainResult result = JobRunner.run(c.program(), "classify", List.of(), TrainOptions.builder()
        .logDir(dir.resolve("logs")).out(new PrintStream(OutputStream.nullOutputStream())).build());
    assertTrue(result.last().value("val_accuracy") > 0.9, "validation accuracy " + result.last().value("val_accuracy"));
    assertFalse(result.stepLosses().isEmpty());
  }

  @Test
  void dropLastLeavesOutThePartialBatchOfEveryEpoch() throws Exception {
    String job = """
        model Line {
          input x: float[1]
          output y = x -> dense(1)
        }
        data points {
          train = uniform([1]) | take(10) | map(target: value * 2)
        }
        train fit {
          model: Line()
          data: points.train
          feed: x = value
          loss: mse(y, target)
          optimizer: sgd(lr: 0.1)
          batch: 4
          epochs: 2
        %s}
        """;
    TrainOptions quiet = TrainOptions.builder().logDir(dir.resolve("logs")).out(new PrintStream(OutputStream.nullOutputStream())).build();

    TrainResult kept = JobRunner.run(compiled(job.formatted("")).program(), "fit", List.of(), quiet);
    TrainResult dropped = JobRunner.run(compiled(job.formatted("  drop_last: true\n")).program(), "fit", List.of(), quiet);
    assertEquals(10, kept.epochs().get(0).examples());
    assertEquals(6, kept.stepLosses().size());
    assertEquals(8, dropped.epochs().get(0).examples());
    assertEquals(4, dropped.stepLosses().size());
  }

  @Test
  void theTestSplitIsStandardisedWithTheStatisticsOfTheTrainingSplit() throws Exception {
    Compilation c = compiled("""
        data points {
          all = records {
            x: float[2], y: int
            [1, 10] 0
            [3, 20] 1
            [5, 30] 0
            [100, 1000] 1
          } | split(0.75)
          train = points.all.first | standardize(x) | shuffle(3)
          test = points.all.rest | standardize(x, like: points.train)
        }
        """);

    GeneratedProgram generated = GeneratedProgram.compile(c.program(), List.of());
    Dataset train = (Dataset) generated.dataSplit("points", "train");
    Dataset test = (Dataset) generated.dataSplit("points", "test");
    // Over the first three records only: feature 0 holds 1, 3, 5 and feature 1 holds 10, 20, 30.
    float std0 = (float) Math.sqrt(8.0 / 3);
    float std1 = (float) Math.sqrt(200.0 / 3);
    assertArrayEquals(new float[] {3, 20}, train.standardization("x").mean());
    assertArrayEquals(new float[] {std0, std1}, train.standardization("x").std());
    assertEquals(train.standardization("x"), test.standardization("x"));
    assertArrayEquals(new float[] {(100 - 3) / (std0 + 1e-6f), (1000 - 20) / (std1 + 1e-6f)}, all(test).floats("x"));
    float[] trained = all(train).floats("x");
    assertEquals(0, trained[0] + trained[2] + trained[4], 1e-6);
  }

  @Test
  void cifar100ReadsTheFineOrTheCoarseLabel() throws Exception {
    byte[] records = new byte[2 * 3074];
    records[0] = 3;
    records[1] = 42;
    records[3074] = 19;
    records[3075] = 99;
    Files.write(dir.resolve("train.bin"), records);
    Compilation c = compiled("""
        data hundred {
          fine = cifar100("train.bin")
          coarse = cifar100("train.bin", labels: coarse) | map(image: image / 255)
        }
        """);

    GeneratedProgram generated = GeneratedProgram.compile(c.program(), List.of());
    Dataset fine = (Dataset) generated.dataSplit("hundred", "fine");
    Dataset coarse = (Dataset) generated.dataSplit("hundred", "coarse");
    assertEquals(checkedFields(c, "fine"), fine.fields());
    assertEquals(checkedFields(c, "coarse"), coarse.fields());
    assertArrayEquals(new int[] {42, 99}, all(fine).ints("label"));
    assertArrayEquals(new int[] {3, 19}, all(coarse).ints("label"));
  }

  @Test
  void theNumberOfClassesOfDataIsACompileTimeValueForModelSizes() throws Exception {
    for (String cls : List.of("ants", "bees", "wasps")) {
      BufferedImage image = new BufferedImage(3, 3, BufferedImage.TYPE_INT_RGB);
      Files.createDirectories(dir.resolve("bugs/" + cls));
      ImageIO.write(image, "png", dir.resolve("bugs/" + cls + "/1.png").toFile());
    }
    Files.writeString(dir.resolve("tiny.txt"), "abracadabra");
    Compilation c = compiled("""
        data mixed {
          bugs = images("bugs", size: [3, 3], channels: 1)
          speech = text("tiny.txt", seq: 3)
          hundred = cifar100("c.bin", labels: coarse)
          ten = cifar("d.bin") | take(10)
        }
        let vocab = mixed.speech.vocab
        let superclasses = mixed.hundred.classes
        let ten = mixed.ten.classes
        model Bugs {
          input image: float[3, 3, 1]
          output logits = image -> flatten -> dense(mixed.bugs.classes)
        }
        train bugs {
          model: Bugs()
          data: mixed.bugs
          loss: cross_entropy(logits, label)
          optimizer: sgd()
          batch: 3
          epochs: 1
        }
        """);

    Map<String, Object> constants = new HashMap<>();
    for (Ast.Decl d : c.program().unit().decls()) {
      if (d instanceof Ast.Const k && c.program().valueOf(k.value()) instanceof Value.Const v) {
        constants.put(k.name().name(), v.value());
      }
    }
    // "abracadabra" has the characters a, b, c, d, r.
    assertEquals(Map.of("vocab", 5L, "superclasses", 20L, "ten", 10L), constants);
    TrainResult result = JobRunner.run(c.program(), "bugs", List.of(), TrainOptions.builder()
        .logDir(dir.resolve("logs")).out(new PrintStream(OutputStream.nullOutputStream())).build());
    assertEquals(1, result.epochs().size());
  }
}

package dev.nnc.compiler.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.compiler.Compilation;
import dev.nnc.compiler.diag.HumanRenderer;
import dev.nnc.compiler.source.SourceFile;
import dev.nnc.compiler.summary.SummaryTable;
import dev.nnc.runtime.train.TrainOptions;
import dev.nnc.runtime.train.TrainResult;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report.html} after {@code nnc train}: curves, the layer table, a classifier's confusion matrix. */
class RunReportTest {
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  @TempDir Path dir;

  /** Three classes of points, ten validation records in batches of 4 (the last one short). */
  private static final String CLASSIFIER = """
      model Points {
        input x: float[2]
        output logits = x -> dense(8) -> relu -> dense(3)
      }
      data points {
        train = records {
          x: float[2], label: int
          [0, 0] 0  [0.2, 0.1] 0  [0.1, 0.3] 0  [2, 0] 1  [2.2, 0.3] 1  [1.8, 0.1] 1
          [0, 2] 2  [0.3, 2.1] 2  [0.1, 1.7] 2
        }
        test = records {
          x: float[2], label: int
          [0.1, 0.1] 0  [0.3, 0.2] 0  [1, 1] 0  [2.1, 0.2] 1  [1.9, 0] 1  [1, 0.9] 1
          [0.2, 1.9] 2  [0, 2.2] 2  [0.9, 1.1] 2  [1.5, 1.5] 2
        }
      }
      train classify {
        model: Points()
        data: points.train
        validate: points.test
        loss: cross_entropy(logits, label)
        optimizer: adam(lr: 0.05)
        batch: 4
        epochs: 6
        metrics: [accuracy(logits, label)]
        seed: 7
      }
      """;

  private Compilation compiled(String text) {
    Compilation c = Compilation.of(new SourceFile(dir.resolve("job.nn").toString(), text), List.of());
    assertTrue(c.succeeded(), () -> c.diagnostics().stream().map(HumanRenderer::render).collect(Collectors.joining("\n")));
    return c;
  }

  private TrainResult train(Compilation c, String job, Path logs) {
    return JobRunner.run(c.program(), job, List.of(), TrainOptions.builder().logDir(logs)
        .out(new PrintStream(OutputStream.nullOutputStream())).build());
  }

  @Test
  void reportHoldsCurvesSummaryAndAConfusionMatrixAgreeingWithValAccuracy() throws Exception {
    Compilation c = compiled(CLASSIFIER);
    Path logs = dir.resolve("logs");
    TrainResult result = train(c, "classify", logs);

    String html = Files.readString(logs.resolve("report.html"));
    List<byte[]> images = images(html);
    assertEquals(2, images.size(), "a chart for loss and one for accuracy");
    for (byte[] png : images) {
      assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(png, 8));
    }
    String summary = SummaryTable.render(c.lowered().graphOf(c.program().jobs().get(0).model()));
    assertTrue(html.contains("<pre class=\"summary\">" + summary.replace("\"", "&quot;") + "</pre>"), html);
    assertTrue(html.contains("<th>loss</th><td>cross_entropy(logits, label)</td>"), "settings as written");

    long[][] matrix = confusion(html);
    assertEquals(3, matrix.length);
    assertEquals(10, Arrays.stream(matrix).flatMapToLong(Arrays::stream).sum(), "every validation record");
    long diagonal = matrix[0][0] + matrix[1][1] + matrix[2][2];
    assertEquals(result.last().value("val_accuracy"), diagonal / 10.0, 1e-6);
  }

  @Test
  void aJobThatIsNoClassifierHasNoConfusionMatrix() throws Exception {
    Compilation c = compiled(CLASSIFIER.replace("loss: cross_entropy(logits, label)", "loss: mean(square(logits))")
        .replace("metrics: [accuracy(logits, label)]", "metrics: [mean(logits)]"));
    Path logs = dir.resolve("logs");
    train(c, "classify", logs);

    String html = Files.readString(logs.resolve("report.html"));
    assertFalse(html.contains("Confusion matrix"), html);
    assertEquals(2, images(html).size());
  }

  /** A job with a step: a chart per reported value, each model's layer table under its let, the lets and exports. */
  @Test
  void aStepJobsReportHasItsReportedValuesAndEachModel() throws Exception {
    Path exported = dir.resolve("exported");
    Compilation c = compiled(CLASSIFIER.substring(0, CLASSIFIER.indexOf("train classify")) + """
        train pair {
          let a = Points()
          let b = Points()
          data: points.train
          batch: 3
          epochs: 2
          step {
            minimize a: cross_entropy(a(x).logits, label) with adam(lr: 0.05)
            report a_loss: cross_entropy(a(x).logits, label), gap: mean(square(a(x).logits - b(x).logits))
          }
          export b: "%s"
        }
        """.formatted(exported.toString().replace("\\", "/")));
    Path logs = dir.resolve("logs");
    train(c, "pair", logs);

    String html = Files.readString(logs.resolve("report.html"));
    assertEquals(2, images(html).size(), "a chart for a_loss and one for gap");
    String summary = SummaryTable.render(c.lowered().graphOf(c.program().stepJobs().get(0).models().get(0).instance()));
    assertTrue(html.contains("<pre class=\"summary\">a = Points()\n" + summary.replace("\"", "&quot;") + "\nb = Points()\n"), html);
    assertTrue(html.contains("<th>let b</th><td>Points()</td>"), html);
    assertTrue(html.contains("<th>exported b to</th><td>" + exported.toAbsolutePath() + "</td>"), html);
    assertTrue(html.contains("<th>epochs</th><td>2 of 2</td>"), html);
  }

  private static List<byte[]> images(String html) {
    List<byte[]> images = new ArrayList<>();
    Matcher m = Pattern.compile("<img [^>]*src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(html);
    while (m.find()) {
      images.add(Base64.getDecoder().decode(m.group(1)));
    }
    return images;
  }

  private static long[][] confusion(String html) {
    Matcher table = Pattern.compile("<table class=\"confusion\">(.*?)</table>", Pattern.DOTALL).matcher(html);
    assertTrue(table.find(), html);
    List<long[]> rows = new ArrayList<>();
    for (String row : table.group(1).split("</tr>")) {
      Matcher cell = Pattern.compile("<td class=\"count\"[^>]*>(\\d+)</td>").matcher(row);
      List<Long> counts = new ArrayList<>();
      while (cell.find()) {
        counts.add(Long.parseLong(cell.group(1)));
      }
      if (!counts.isEmpty()) {
        rows.add(counts.stream().mapToLong(Long::longValue).toArray());
      }
    }
    return rows.toArray(long[][]::new);
  }
}

package dev.nnc.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.compiler.diag.Code;
import dev.nnc.compiler.diag.Diagnostic;
import dev.nnc.compiler.source.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code budget: memory < SIZE} against the estimate of a known model, the MLP 784-256-128-10:
 * 235,146 weights (Keras's count), and 1,562 activations per record (784 inputs, 256 + 256 from
 * dense and relu, 128 + 128, 10). In bytes, 4 a value: weights 940,584, as many for their gradients,
 * and per slot; activations 6,248 a record.
 */
class MemoryBudgetTest {
  private static List<Diagnostic> check(String optimizer, String extra, String budget) {
    String source = """
        model Mlp {
          input x: float[784]
          output logits = x -> dense(256) -> relu -> dense(128) -> relu -> dense(10)
        }
        data d {
          train = records {
            x: float[784], label: int
            [%s] 3
          }
        }
        train fit {
          model: Mlp()
          data: d.train
          validate: d.train
          loss: cross_entropy(logits, label)
          optimizer: %s
          batch: 100
          epochs: 1
          %s
          budget: %s
        }
        """.formatted("0, ".repeat(783) + "0", optimizer, extra, budget);
    return Compilation.of(new SourceFile("budget.nn", source), List.of()).diagnostics();
  }

  @Test
  void adamKeepsTwoSlotsPerWeight() {
    // 940,584 × (1 + 1 + 2) + 100 × 6,248 = 4,387,136 bytes = 4,284.3 KiB.
    assertEquals(List.of(), check("adam(lr: 1e-3)", "", "memory <= 4285 KiB"));
    List<Diagnostic> over = check("adam(lr: 1e-3)", "", "memory < 4284 KiB");

    assertEquals(1, over.size(), over.toString());
    Diagnostic d = over.get(0);
    assertEquals(Code.NN0413, d.code());
    assertEquals("budget.nn:20:11", d.span().toString());
    assertEquals("train fit needs an estimated 4.2 MiB to train, over its budget of 4284 KiB", d.message());
    assertEquals("weights 918.5 KiB + gradients 918.5 KiB + optimizer slots (2 per weight) 1.8 MiB"
        + " + activations of a batch of 100 610.2 KiB", d.note());
    // (4,386,816 - 3,762,336 - 1) / 6,248 = 99.9: a batch of 99 fits.
    assertEquals("lower `batch:` to 99 or less (each record's activations take 6.1 KiB), or raise the budget", d.help());
  }

  @Test
  void sgdKeepsNoSlotsAndEarlyStoppingACopyOfTheWeights() {
    // 940,584 × (1 + 1 + 0 + 1) + 624,800 = 3,446,552 bytes = 3,365.8 KiB.
    String stop = "stop: early(monitor: val_loss)";
    assertEquals(List.of(), check("sgd(lr: 0.1)", stop, "memory < 3366 KiB"));
    Diagnostic d = check("sgd(lr: 0.1)", stop, "memory < 3365 KiB").get(0);
    assertEquals("weights 918.5 KiB + gradients 918.5 KiB + early stopping's best weights 918.5 KiB"
        + " + activations of a batch of 100 610.2 KiB", d.note());
  }

  @Test
  void weightsOverTheBudgetAloneAskForASmallerModel() {
    Diagnostic d = check("rmsprop(centered: true)", "", "memory < 1 MiB").get(0);
    assertEquals(Code.NN0413, d.code());
    assertTrue(d.note().contains("optimizer slots (3 per weight) 2.7 MiB"), d.note());
    assertTrue(d.help().startsWith("the weights and what the optimizer keeps of them are over the budget alone"), d.help());
  }

  @Test
  void aBudgetOfAnotherFormIsAnError() {
    for (String budget : List.of("time < 4 GiB", "memory > 4 GiB", "memory < 4", "memory < 4 epochs")) {
      List<Diagnostic> wrong = check("sgd()", "", budget);
      assertEquals(1, wrong.size(), budget + ": " + wrong);
      assertEquals(Code.NN0201, wrong.get(0).code(), budget);
      assertEquals("a budget is written `memory < SIZE`", wrong.get(0).message());
    }
  }
}

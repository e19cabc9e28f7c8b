package dev.nnc.runtime.infer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nnc.runtime.data.ElementType;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassScoresTest {
  private static ModelInfo.Tensor output(String activation) {
    return new ModelInfo.Tensor("y", ElementType.FLOAT, new long[] {3}, activation, Double.NaN, Double.NaN,
        List.of("cat", "dog", "owl"));
  }

  @Test
  void logitsBecomeProbabilitiesWithoutOverflow() {
    ClassScores scores = ClassScores.of(output("none"), new float[] {1000, 1000 + (float) Math.log(3), -1000});

    assertArrayEquals(new float[] {0.25f, 0.75f, 0}, scores.probabilities(), 1e-4f); // float logits near 1000 are 6e-5 apart
  }

  @Test
  void probabilitiesStayAsTheyAre() {
    ClassScores scores = ClassScores.of(output("softmax"), new float[] {0.2f, 0.3f, 0.5f});

    assertArrayEquals(new float[] {0.2f, 0.3f, 0.5f}, scores.probabilities());
  }

  @Test
  void topClassesComeMostProbableFirstAndTiesByLabel() {
    ClassScores scores = ClassScores.of(output("softmax"), new float[] {0.4f, 0.2f, 0.4f});

    assertEquals(List.of(new ClassScores.Score(0, "cat", 0.4f), new ClassScores.Score(2, "owl", 0.4f)), scores.top(2));
    assertEquals(3, scores.top(10).size());
  }

  @Test
  void aRecordOfTheWrongSizeIsRefused() {
    assertThrows(InferenceException.class, () -> ClassScores.of(output("none"), new float[] {1, 2}));
  }
}

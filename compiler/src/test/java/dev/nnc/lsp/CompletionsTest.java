package dev.nnc.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.eclipse.lsp4j.CompletionItem;
import org.junit.jupiter.api.Test;

/** Completion offers the built-ins of the registry that may stand where the cursor is. */
class CompletionsTest {
  private static List<String> labels(String text) {
    int offset = text.indexOf('^');
    return new Completions(text.replace("^", ""), offset, null).items().stream().map(CompletionItem::getLabel).toList();
  }

  @Test
  void aDataBlockOffersTheDataSources() {
    List<String> labels = labels("data Digits {\n  train = ^\n}\n");
    assertTrue(labels.containsAll(List.of("idx", "csv", "cifar", "images", "text", "normal")), labels::toString);
    assertFalse(labels.contains("dense"), "a layer is no data source");
  }

  @Test
  void afterABarComeTheTransforms() {
    List<String> labels = labels("data Digits {\n  train = idx(\"a\", \"b\") | ^\n}\n");
    assertEquals(List.of("map", "shuffle", "take", "skip", "repeat", "split", "one_hot", "augment", "standardize"), labels);
  }

  @Test
  void afterInitComeTheInitializers() {
    List<String> labels = labels("model M {\n  input x: float[4]\n  output y = x -> dense(2, init: ^)\n}\n");
    assertTrue(labels.containsAll(List.of("glorot_uniform", "he_normal", "orthogonal", "constant")), labels::toString);
    assertFalse(labels.contains("relu"), labels::toString);
  }

  @Test
  void aDataSourcesCallOffersItsArguments() {
    List<String> labels = labels("data Flowers {\n  train = images(\"flowers\", ^)\n}\n");
    assertTrue(labels.containsAll(List.of("dir:", "size:", "channels:")), labels::toString);
  }
}

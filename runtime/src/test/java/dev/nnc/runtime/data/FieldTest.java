package dev.nnc.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class FieldTest {
  @Test
  void describesItselfLikeADeclaration() {
    assertEquals("image: float[28, 28, 1]", Field.floats("image", 28, 28, 1).toString());
    assertEquals("label: int", Field.ints("label").toString());
  }

  @Test
  void comparesShapesByValue() {
    assertEquals(Field.floats("x", 2, 3), Field.floats("x", 2, 3));
    assertEquals(Field.floats("x", 2, 3).hashCode(), Field.floats("x", 2, 3).hashCode());
    assertNotEquals(Field.floats("x", 2, 3), Field.floats("x", 3, 2));
    assertNotEquals(Field.floats("x", 2), Field.ints("x", 2));
  }

  @Test
  void countsElementsPerRecord() {
    assertEquals(784, Field.floats("image", 28, 28, 1).elements());
    assertEquals(1, Field.ints("label").elements());
  }
}

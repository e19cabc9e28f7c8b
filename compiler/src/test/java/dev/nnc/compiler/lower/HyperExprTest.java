package dev.nnc.compiler.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.compiler.Compilation;
import dev.nnc.compiler.source.SourceFile;
import dev.nnc.compiler.syntax.Ast;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Compile-time expressions lowered over a model's hyper-parameters: what stays symbolic, how they print and evaluate. */
class HyperExprTest {
  private static HyperExpr lowered(String expression) {
    String text = "let limit = 3\nmodel M(f: int = 8, g: int = 2) {\n  input x: float[1]\n  let v = " + expression + "\n  output y = x\n}\n";
    Compilation c = Compilation.of(new SourceFile("m.nn", text), List.of());
    assertTrue(c.succeeded(), () -> c.diagnostics().toString());
    Ast.Model model = (Ast.Model) c.program().allDecls().get(1);
    return Expressions.lower(((Ast.Let) model.body().get(1)).value(), Set.of("f", "g"), c.program());
  }

  @Test
  void whatReadsNoHyperParameterIsTheCheckersConstant() {
    HyperExpr e = lowered("f * (1 / 4) + 2 ** -1");
    assertEquals("((%f * 0.25) + 0.5)", e.toString());
    assertEquals(2.5, e.eval(Map.of("f", 8L, "g", 2L)));
  }

  @Test
  void anIntDividedEvenlyStaysAnIntAndOtherwiseIsAFloat() {
    HyperExpr e = lowered("f / g");
    assertEquals(4L, e.eval(Map.of("f", 8L, "g", 2L)));
    assertEquals(0.5, e.eval(Map.of("f", 1L, "g", 2L)));
  }

  @Test
  void onlyTheBranchTakenIsEvaluated() {
    HyperExpr e = lowered("if g == 0 { 0 } else { f / g }");
    assertEquals("if (%g == 0) { 0 } else { (%f / %g) }", e.toString());
    assertEquals(0L, e.eval(Map.of("f", 8L, "g", 0L)));
  }

  @Test
  void aPartNoUseEvaluatedIsLoweredFromTheSourceOrFailsIfEverTaken() {
    HyperExpr literal = lowered("if g == 0 { 1 / 0 } else { f / g }");
    assertEquals("if (%g == 0) { (1 / 0) } else { (%f / %g) }", literal.toString());
    assertEquals(4L, literal.eval(Map.of("f", 8L, "g", 2L)));
    assertThrows(ArithmeticException.class, () -> literal.eval(Map.of("f", 8L, "g", 0L)));

    HyperExpr global = lowered("if g == 0 { limit } else { f / g }");
    assertEquals("if (%g == 0) { unchecked `limit` } else { (%f / %g) }", global.toString());
    assertThrows(IllegalStateException.class, () -> global.eval(Map.of("f", 8L, "g", 0L)));
  }

  @Test
  void whatTheCheckerWouldRejectFailsWithItsWords() {
    ArithmeticException e = assertThrows(ArithmeticException.class, () -> lowered("f / g").eval(Map.of("f", 8L, "g", 0L)));
    assertEquals("cannot apply `/` to 8 and 0", e.getMessage());
  }
}

package dev.nnc.compiler.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.compiler.diag.Diagnostics;
import dev.nnc.compiler.source.SourceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParserTest {
  private static Ast.Unit parse(String text) {
    Diagnostics diagnostics = new Diagnostics();
    Ast.Unit unit = Parser.parse(new SourceFile("test.nn", text), diagnostics);
    assertTrue(diagnostics.sorted().isEmpty(), () -> "unexpected diagnostics: " + diagnostics.sorted());
    assertNotNull(unit);
    return unit;
  }

  @Test
  void parsesEveryConstructOfTheLanguage() throws Exception {
    Ast.Unit unit = parse(Files.readString(Path.of("src/test/resources/programs/language_tour.nn")));
    assertEquals(2, unit.imports().size());
    assertEquals(
        List.of("width", "Residual", "Inception", "Deep", "Rbm", "xor", "fashion_cnn", "gan", "char_lm"),
        unit.decls().stream().map(d -> d.name().name()).toList());
    Ast.Model residual = (Ast.Model) unit.decls().get(1);
    assertEquals("A residual block.", residual.doc());
    Ast.Job gan = (Ast.Job) unit.decls().get(7);
    Ast.StepBlock step = (Ast.StepBlock) gan.items().stream().filter(i -> i instanceof Ast.StepBlock).findFirst().orElseThrow();
    assertEquals(9, step.body().size());
  }

  @Test
  void pipelinesNestStagesAndSpansPointAtTheSource() {
    Ast.Unit unit = parse("model M {\n  input x: float[4]\n  output y = x -> dense(2) -> relu\n}\n");
    Ast.Output output = (Ast.Output) ((Ast.Model) unit.decls().get(0)).body().get(1);
    Ast.Pipeline pipeline = assertInstanceOf(Ast.Pipeline.class, output.value());
    assertEquals(2, pipeline.stages().size());
    assertEquals("dense(2)", pipeline.stages().get(0).span().text());
    assertEquals(3, pipeline.span().line());
    assertEquals(14, pipeline.span().column());
  }

  @Test
  void precedenceFollowsArithmetic() {
    Ast.Unit unit = parse("let a = 1 + 2 * 3 ** 2");
    Ast.Binary sum = assertInstanceOf(Ast.Binary.class, ((Ast.Const) unit.decls().get(0)).value());
    assertEquals(Ast.BinaryOp.ADD, sum.op());
    Ast.Binary product = assertInstanceOf(Ast.Binary.class, sum.right());
    assertEquals(Ast.BinaryOp.MUL, product.op());
    assertEquals(Ast.BinaryOp.POW, assertInstanceOf(Ast.Binary.class, product.right()).op());
  }

  @Test
  void aCountFollowedByAKeyOnTheNextLineIsNotADuration() {
    Ast.Unit unit = parse("train t {\n  steps: 1000\n  step { report loss }\n  epochs: 5\n  metrics: []\n}\n");
    Ast.Job job = (Ast.Job) unit.decls().get(0);
    assertEquals(4, job.items().size());
    Ast.Entry epochs = (Ast.Entry) job.items().get(2);
    Ast.Num five = assertInstanceOf(Ast.Num.class, epochs.value());
    assertEquals(null, five.unit());
  }

  @Test
  void durationsCarryTheirUnit() {
    Ast.Unit unit = parse("let d = 5 epochs");
    Ast.Num d = assertInstanceOf(Ast.Num.class, ((Ast.Const) unit.decls().get(0)).value());
    assertEquals("epochs", d.unit());
    assertEquals(5.0, d.value());
  }
}

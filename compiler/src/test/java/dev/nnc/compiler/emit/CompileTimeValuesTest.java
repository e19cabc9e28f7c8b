package dev.nnc.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.nnc.compiler.Compilation;
import dev.nnc.compiler.check.Value;
import dev.nnc.compiler.lower.Expressions;
import dev.nnc.compiler.run.InMemoryJavaCompiler;
import dev.nnc.compiler.source.SourceFile;
import dev.nnc.compiler.syntax.Ast;
import dev.nnc.stdlib.Hyper;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;
import org.junit.jupiter.api.Test;

/**
 * Compile-time values mean one thing: every operator on every pair of types, folded by the checker,
 * evaluated as the lowered IR expression, and computed by the Java the emitter writes for it when its
 * operands are hyper-parameters, gives
 * the same value of the same type (an int stays a Long, {@code 8 / 16} is the Double 0.5), and where
 * the checker rejects an operator the run-time arithmetic refuses it too.
 */
class CompileTimeValuesTest {
  /** The operands: hyper-parameters of each type, with values at the edges of the rules. */
  private static final Map<String, String> OPERANDS = new LinkedHashMap<>();

  static {
    OPERANDS.put("i8", "int = 8");
    OPERANDS.put("i16", "int = 16");
    OPERANDS.put("im1", "int = -1");
    OPERANDS.put("i0", "int = 0");
    OPERANDS.put("fh", "float = 0.5");
    OPERANDS.put("fz", "float = -0.0");
    OPERANDS.put("bt", "bool = true");
    OPERANDS.put("bf", "bool = false");
    OPERANDS.put("sa", "string = \"ab\"");
  }

  /**
   * One expression: its source, the checker's value (null where it reports an error), the value of
   * its lowered IR expression, and the Java written for it.
   */
  private record Case(String source, Object folded, Object lowered, CodeBlock java) {}

  @Test
  void everyOperatorOnEveryPairOfTypesComputesWhatTheCheckerFolded() throws Exception {
    List<String> sources = new ArrayList<>();
    for (Ast.BinaryOp op : Ast.BinaryOp.values()) {
      if (op == Ast.BinaryOp.MATMUL) {
        continue; // a tensor operator only
      }
      for (String a : OPERANDS.keySet()) {
        for (String b : OPERANDS.keySet()) {
          sources.add(a + " " + op.symbol + " " + b);
        }
      }
    }
    for (String a : OPERANDS.keySet()) {
      sources.add("-" + a);
      sources.add("not " + a);
      sources.add("if bt { i8 } else { " + a + " }");
      sources.add("if bf { i8 } else { " + a + " }");
    }
    sources.add("(i8 / i16) * i16");
    sources.add("i16 / i8 + im1");
    sources.add("i8 ** im1 + fh");
    sources.add("[i8, i16 / i8, fh]");

    List<Case> valid = new ArrayList<>();
    int rejected = 0;
    for (String source : sources) {
      Case c = fold(source);
      if (c.folded() == null) {
        rejected++;
        assertRejectedAtRunTime(source);
      } else {
        valid.add(c);
      }
    }
    assertTrue(valid.size() > 300 && rejected > 300, valid.size() + " valid and " + rejected + " rejected cases");

    List<Object> computed = run(valid);
    for (int i = 0; i < valid.size(); i++) {
      Case c = valid.get(i);
      Object value = computed.get(i);
      assertEquals(c.folded(), c.lowered(), c.source() + " in the IR");
      assertEquals(c.folded(), value, c.source() + " is written " + c.java());
      if (!(value instanceof List)) {
        assertEquals(c.folded().getClass(), value.getClass(), c.source() + " is written " + c.java());
      }
    }
  }

  /** The expression checked as a compile-time value of a model, and written as the model's Java would compute it. */
  private static Case fold(String expression) {
    StringBuilder hyper = new StringBuilder();
    OPERANDS.forEach((name, declaration) -> hyper.append(hyper.isEmpty() ? "" : ", ").append(name).append(": ").append(declaration));
    String text = "model Ops(" + hyper + ") {\n  input x: float[1]\n  let v = " + expression + "\n  output y = x\n}\n";
    Compilation c = Compilation.of(new SourceFile("ops.nn", text), List.of());
    if (!c.succeeded()) {
      return new Case(expression, null, null, null);
    }
    Ast.Model model = (Ast.Model) c.program().allDecls().get(0);
    Ast.Expr value = ((Ast.Let) model.body().get(1)).value();
    ExprWriter writer = new ExprWriter(c.program(), "cases", new HashMap<>(), new HashSet<>(), new HashSet<>());
    for (Ast.HyperParam h : model.hyperParams()) {
      writer.declare(h.name().name(), switch (h.type().name().name()) {
        case "int" -> ExprWriter.Scalar.LONG;
        case "float" -> ExprWriter.Scalar.DOUBLE;
        case "bool" -> ExprWriter.Scalar.BOOLEAN;
        default -> ExprWriter.Scalar.STRING;
      });
    }
    Map<String, Object> env = new HashMap<>();
    OPERANDS.keySet().forEach(name -> env.put(name, valueOf(name)));
    Object lowered = Expressions.lower(value, OPERANDS.keySet(), c.program()).eval(env);
    return new Case(expression, ((Value.Const) c.program().valueOf(value)).value(), lowered, writer.constant(value));
  }

  /** What the checker rejects, run-time arithmetic refuses: it never computes another meaning for it. */
  private static void assertRejectedAtRunTime(String source) {
    String[] parts = source.split(" ");
    if (parts.length != 3) {
      return; // unary and `if` cases the checker rejects never reach generated code
    }
    Hyper.Op op = Hyper.Op.of(parts[1]);
    Object a = valueOf(parts[0]);
    Object b = valueOf(parts[2]);
    assertEquals(null, Hyper.tryApply(op, a, b), source);
    assertThrows(InvocationTargetException.class, () -> Hyper.class.getMethod(op.method(), Object.class, Object.class).invoke(null, a, b), source);
  }

  private static Object valueOf(String operand) {
    String literal = OPERANDS.get(operand).split(" = ")[1];
    return switch (OPERANDS.get(operand).split(" ")[0]) {
      case "int" -> Long.parseLong(literal);
      case "float" -> Double.parseDouble(literal);
      case "bool" -> Boolean.parseBoolean(literal);
      default -> literal.substring(1, literal.length() - 1);
    };
  }

  /** Compiles every case's Java into one method per hundred cases and runs them with the operands' values. */
  private static List<Object> run(List<Case> cases) throws Exception {
    TypeSpec.Builder type = TypeSpec.classBuilder("Cases").addModifiers(Modifier.PUBLIC, Modifier.FINAL);
    int parts = (cases.size() + 99) / 100;
    for (int part = 0; part < parts; part++) {
      MethodSpec.Builder method = MethodSpec.methodBuilder("part" + part)
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
          .returns(Object[].class);
      for (String name : OPERANDS.keySet()) {
        method.addParameter(javaType(OPERANDS.get(name)), name);
      }
      List<CodeBlock> values = new ArrayList<>();
      for (Case c : cases.subList(part * 100, Math.min(cases.size(), part * 100 + 100))) {
        values.add(CodeBlock.of("(Object) $L", c.java()));
      }
      type.addMethod(method.addStatement("return new Object[] {$L}", CodeBlock.join(values, ",\n")).build());
    }
    ClassLoader loader = InMemoryJavaCompiler.compile(List.of(JavaFile.builder("cases", type.build()).build()));
    Class<?> cls = loader.loadClass("cases.Cases");
    Object[] arguments = OPERANDS.keySet().stream().map(CompileTimeValuesTest::valueOf).toArray();
    List<Object> results = new ArrayList<>();
    for (int part = 0; part < parts; part++) {
      int number = part;
      Method method = java.util.Arrays.stream(cls.getMethods())
          .filter(m -> m.getName().equals("part" + number)).findFirst().orElseThrow();
      results.addAll(java.util.Arrays.asList((Object[]) method.invoke(null, arguments)));
    }
    return results;
  }

  private static TypeName javaType(String declaration) {
    return switch (declaration.split(" ")[0]) {
      case "int" -> TypeName.LONG;
      case "float" -> TypeName.DOUBLE;
      case "bool" -> TypeName.BOOLEAN;
      default -> ClassName.get(String.class);
    };
  }
}

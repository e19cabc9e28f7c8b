package dev.nnc.compiler.syntax;

import dev.nnc.compiler.source.SourceFile;
import dev.nnc.compiler.source.Span;
import java.util.List;

/**
 * The syntax tree: immutable records with source spans, knowing nothing of TensorFlow. Facts found
 * later (what a name refers to, a value's shape) live in the checker's tables, not here.
 */
public final class Ast {
  private Ast() {}

  /** A name as written, with where it was written. */
  public record Ident(String name, Span span) {}

  public record Unit(SourceFile file, List<Import> imports, List<Decl> decls) {}

  public record Import(Span span, String module, boolean isFile) {}

  // ------------------------------------------------------------------ declarations

  public sealed interface Decl {
    Ident name();

    Span span();
  }

  public record Const(Span span, Ident name, Expr value) implements Decl {}

  public record Model(Span span, Ident name, String doc, List<HyperParam> hyperParams, List<ModelStmt> body)
      implements Decl {}

  public record HyperParam(Span span, Ident name, TypeRef type, Expr defaultValue) {}

  /** {@code float[28, 28, 1]}, {@code int}; {@code dims} is null when there are no brackets. */
  public record TypeRef(Span span, Ident name, List<Expr> dims) {}

  public sealed interface ModelStmt {
    Ident name();

    Span span();
  }

  public record Input(Span span, Ident name, TypeRef type) implements ModelStmt {}

  public record Param(Span span, Ident name, TypeRef type, Expr init) implements ModelStmt {}

  public record Let(Span span, Ident name, Expr value) implements ModelStmt {}

  public record Output(Span span, Ident name, Expr value) implements ModelStmt {}

  public record Data(Span span, Ident name, List<Split> splits) implements Decl {}

  public record Split(Span span, Ident name, Expr value) {}

  public enum JobKind { TRAIN, SAMPLE }

  public record Job(Span span, JobKind kind, Ident name, List<JobItem> items) implements Decl {}

  public sealed interface JobItem {
    Span span();
  }

  /** {@code key: value} (with {@code from} for sample jobs), or {@code export g: "dir"} with a target. */
  public record Entry(Span span, Ident key, Ident target, Expr value, Expr from) implements JobItem {}

  public record Feed(Span span, Ident key, List<FeedPair> pairs) implements JobItem {}

  public record FeedPair(Span span, Ident input, Expr field) {}

  /** {@code let g = Generator(64)}, or {@code let judge = FashionCnn() from "dir"} with trained weights. */
  public record JobLet(Span span, Ident name, Expr value, Expr from) implements JobItem {}

  public record StepBlock(Span span, List<StepStmt> body) implements JobItem {}

  public record Every(Span span, Expr period, List<StepStmt> body) implements JobItem {}

  public sealed interface StepStmt {
    Span span();
  }

  public record StepLet(Span span, Ident name, Expr value) implements StepStmt {}

  /** {@code minimize g: loss with adam()}; several models ({@code minimize enc, dec: ...}) share one optimizer. */
  public record Minimize(Span span, List<Ident> models, Expr loss, Expr optimizer) implements StepStmt {}

  public record Update(Span span, Expr target, String op, Expr value) implements StepStmt {}

  public record Report(Span span, List<ReportItem> items) implements StepStmt {}

  public record ReportItem(Span span, Ident name, Expr value) {}

  public record ExprStmt(Span span, Expr expr) implements StepStmt {}

  /** {@code sync target: q} or {@code sync target: q, tau: 0.005} ({@code option} and {@code value} null without one). */
  public record Sync(Span span, Ident target, Ident source, Ident option, Expr value) implements StepStmt {}

  // ------------------------------------------------------------------ expressions

  public sealed interface Expr {
    Span span();
  }

  /** A number; {@code isInteger} when written without a point or exponent; {@code unit} such as {@code epochs}. */
  public record Num(Span span, double value, boolean isInteger, String unit) implements Expr {}

  public record Str(Span span, String value) implements Expr {}

  public record Bool(Span span, boolean value) implements Expr {}

  public record ListExpr(Span span, List<Expr> items) implements Expr {}

  public record Name(Span span, String name) implements Expr {}

  public record Member(Span span, Expr target, Ident member) implements Expr {}

  public record Call(Span span, Expr callee, List<Arg> args) implements Expr {}

  /** A call argument; {@code name} is null for a positional one. */
  public record Arg(Span span, Ident name, Expr value) {}

  public enum BinaryOp {
    ADD("+"), SUB("-"), MUL("*"), DIV("/"), MOD("%"), MATMUL("@"), POW("**"),
    EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="), AND("and"), OR("or"), RANGE("..");

    public final String symbol;

    BinaryOp(String symbol) {
      this.symbol = symbol;
    }
  }

  public record Binary(Span span, BinaryOp op, Expr left, Expr right) implements Expr {}

  public record Unary(Span span, String op, Expr operand) implements Expr {}

  public record If(Span span, Expr condition, Expr then, Expr otherwise) implements Expr {}

  /** {@code source -> stage -> stage}. */
  public record Pipeline(Span span, Expr source, List<Expr> stages) implements Expr {}

  /** The stages of a block's body ({@code a -> b -> c} without a source): every part in order. */
  public static List<Expr> blockStages(Expr body) {
    if (body instanceof Pipeline p) {
      List<Expr> parts = new java.util.ArrayList<>();
      parts.add(p.source());
      parts.addAll(p.stages());
      return parts;
    }
    return List.of(body);
  }

  /** The expressions directly inside {@code e}, in source order. */
  public static List<Expr> children(Expr e) {
    List<Expr> parts = new java.util.ArrayList<>();
    if (e instanceof Call c) {
      parts.add(c.callee());
      c.args().forEach(a -> parts.add(a.value()));
    } else if (e instanceof Member m) {
      parts.add(m.target());
    } else if (e instanceof Binary b) {
      parts.add(b.left());
      parts.add(b.right());
    } else if (e instanceof Unary u) {
      parts.add(u.operand());
    } else if (e instanceof If i) {
      parts.addAll(List.of(i.condition(), i.then(), i.otherwise()));
    } else if (e instanceof Pipeline p) {
      parts.add(p.source());
      parts.addAll(p.stages());
    } else if (e instanceof ListExpr l) {
      parts.addAll(l.items());
    } else if (e instanceof Repeat r) {
      parts.addAll(List.of(r.count(), r.body()));
    } else if (e instanceof For f) {
      parts.addAll(List.of(f.range(), f.body()));
    } else if (e instanceof DataPipe d) {
      parts.add(d.source());
      parts.addAll(d.transforms());
    }
    return parts;
  }

  /** {@code repeat(n) { stages }} as a stage. */
  public record Repeat(Span span, Expr count, Expr body) implements Expr {}

  /** {@code for i in a..b { stages }} as a stage. */
  public record For(Span span, Ident variable, Expr range, Expr body) implements Expr {}

  /** {@code dataset | transform | transform}. */
  public record DataPipe(Span span, Expr source, List<Expr> transforms) implements Expr {}

  public record Records(Span span, List<RecordField> fields, List<Expr> values) implements Expr {}

  public record RecordField(Span span, Ident name, TypeRef type) {}
}

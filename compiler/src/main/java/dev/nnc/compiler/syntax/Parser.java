package dev.nnc.compiler.syntax;

import dev.nnc.compiler.diag.Code;
import dev.nnc.compiler.diag.Diagnostics;
import dev.nnc.compiler.source.SourceFile;
import dev.nnc.compiler.source.Span;
import dev.nnc.compiler.syntax.Ast.*;
import dev.nnc.grammar.NNLexer;
import dev.nnc.grammar.NNParser;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Source text to {@link Ast}. The only class that sees ANTLR: the parse tree becomes immutable AST
 * records at once, and syntax errors become diagnostics (see {@link SyntaxErrors}).
 */
public final class Parser {
  private final SourceFile file;
  private final CommonTokenStream tokens;

  private Parser(SourceFile file, CommonTokenStream tokens) {
    this.file = file;
    this.tokens = tokens;
  }

  /** Parses {@code file}; returns null (with diagnostics) when the text is not a valid program. */
  public static Unit parse(SourceFile file, Diagnostics diagnostics) {
    SyntaxErrors errors = new SyntaxErrors(file, diagnostics);
    NNLexer lexer = new NNLexer(CharStreams.fromString(file.text(), file.name()));
    lexer.removeErrorListeners();
    lexer.addErrorListener(errors);
    CommonTokenStream tokens = new CommonTokenStream(lexer);
    errors.reportBadCharacters(tokens);
    errors.watch(tokens);
    NNParser parser = new NNParser(tokens);
    parser.removeErrorListeners();
    parser.addErrorListener(errors);
    NNParser.FileContext tree = parser.file();
    if (errors.count() > 0) {
      return null;
    }
    return new Parser(file, tokens).unit(tree);
  }

  private Span span(ParserRuleContext ctx) {
    int start = ctx.getStart().getStartIndex();
    Token stop = ctx.getStop();
    int end = stop == null || stop.getStopIndex() < start ? start : stop.getStopIndex() + 1;
    return new Span(file, start, end);
  }

  private Span span(Token token) {
    return new Span(file, token.getStartIndex(), token.getStopIndex() + 1);
  }

  private Ident ident(NNParser.NameContext ctx) {
    return new Ident(ctx.getText(), span(ctx));
  }

  private Ident ident(ParserRuleContext ctx) {
    return new Ident(ctx.getText(), span(ctx));
  }

  private Unit unit(NNParser.FileContext ctx) {
    List<Import> imports = new ArrayList<>();
    for (NNParser.ImportDeclContext i : ctx.importDecl()) {
      if (i instanceof NNParser.ImportModuleContext m) {
        imports.add(new Import(span(m), m.dottedName().getText(), false));
      } else {
        NNParser.ImportFileContext f = (NNParser.ImportFileContext) i;
        imports.add(new Import(span(f), Strings.unquote(f.STRING().getText()), true));
      }
    }
    List<Decl> decls = new ArrayList<>();
    for (NNParser.DeclarationContext d : ctx.declaration()) {
      decls.add(declaration(d));
    }
    return new Unit(file, imports, decls);
  }

  private Decl declaration(NNParser.DeclarationContext ctx) {
    if (ctx.modelDecl() != null) {
      return model(ctx.modelDecl());
    }
    if (ctx.dataDecl() != null) {
      NNParser.DataDeclContext d = ctx.dataDecl();
      List<Split> splits = new ArrayList<>();
      for (NNParser.DataSplitContext s : d.dataSplit()) {
        splits.add(new Split(span(s), ident(s.name()), expr(s.expr())));
      }
      return new Data(span(d), ident(d.name()), splits);
    }
    if (ctx.trainDecl() != null) {
      NNParser.TrainDeclContext t = ctx.trainDecl();
      return new Job(span(t), JobKind.TRAIN, ident(t.name()), jobItems(t.jobItem()));
    }
    if (ctx.sampleDecl() != null) {
      NNParser.SampleDeclContext s = ctx.sampleDecl();
      return new Job(span(s), JobKind.SAMPLE, ident(s.name()), jobItems(s.jobItem()));
    }
    NNParser.ConstDeclContext c = ctx.constDecl();
    return new Const(span(c), ident(c.name()), expr(c.expr()));
  }

  private Model model(NNParser.ModelDeclContext ctx) {
    List<HyperParam> hyper = new ArrayList<>();
    if (ctx.hyperParams() != null) {
      for (NNParser.HyperParamContext h : ctx.hyperParams().hyperParam()) {
        hyper.add(new HyperParam(span(h), ident(h.name()), typeRef(h.typeRef()),
            h.expr() == null ? null : expr(h.expr())));
      }
    }
    List<ModelStmt> body = new ArrayList<>();
    for (NNParser.ModelStmtContext s : ctx.modelStmt()) {
      if (s instanceof NNParser.InputStmtContext i) {
        body.add(new Input(span(i), ident(i.name()), typeRef(i.typeRef())));
      } else if (s instanceof NNParser.ParamStmtContext p) {
        body.add(new Param(span(p), ident(p.name()), typeRef(p.typeRef()),
            p.expr() == null ? null : expr(p.expr())));
      } else if (s instanceof NNParser.LetStmtContext l) {
        body.add(new Let(span(l), ident(l.name()), expr(l.expr())));
      } else {
        NNParser.OutputStmtContext o = (NNParser.OutputStmtContext) s;
        body.add(new Output(span(o), ident(o.name()), expr(o.expr())));
      }
    }
    return new Model(span(ctx), ident(ctx.name()), docComment(ctx), hyper, body);
  }

  /** The {@code ///} lines right before a declaration (they are on the hidden channel). */
  private String docComment(ParserRuleContext ctx) {
    List<Token> hidden = tokens.getHiddenTokensToLeft(ctx.getStart().getTokenIndex());
    if (hidden == null) {
      return null;
    }
    StringBuilder doc = new StringBuilder();
    for (Token t : hidden) {
      if (t.getType() == NNLexer.DOC_COMMENT) {
        doc.append(doc.length() == 0 ? "" : "\n").append(t.getText().substring(3).strip());
      }
    }
    return doc.length() == 0 ? null : doc.toString();
  }

  private TypeRef typeRef(NNParser.TypeRefContext ctx) {
    return new TypeRef(span(ctx), ident(ctx.name()), dims(ctx.LBRACK() != null, ctx.dim()));
  }

  private TypeRef recordType(NNParser.RecordTypeContext ctx) {
    return new TypeRef(span(ctx), ident(ctx.name()), dims(ctx.LBRACK() != null, ctx.dim()));
  }

  /** The dimensions of a type, or null when it has no brackets ({@code int}). */
  private List<Expr> dims(boolean bracketed, List<NNParser.DimContext> dims) {
    if (!bracketed) {
      return null;
    }
    List<Expr> result = new ArrayList<>();
    for (NNParser.DimContext d : dims) {
      result.add(expr(d.expr()));
    }
    return result;
  }

  private List<JobItem> jobItems(List<NNParser.JobItemContext> items) {
    List<JobItem> result = new ArrayList<>();
    for (NNParser.JobItemContext item : items) {
      result.add(jobItem(item));
    }
    return result;
  }

  private JobItem jobItem(NNParser.JobItemContext ctx) {
    if (ctx instanceof NNParser.JobLetContext l) {
      return new JobLet(span(l), ident(l.name()), expr(l.expr(0)), l.expr().size() > 1 ? expr(l.expr(1)) : null);
    }
    if (ctx instanceof NNParser.JobStepContext s) {
      return new StepBlock(span(s), block(s.block()));
    }
    if (ctx instanceof NNParser.JobEveryContext e) {
      return new Every(span(e), expr(e.expr()), block(e.block()));
    }
    if (ctx instanceof NNParser.JobFeedContext f) {
      List<FeedPair> pairs = new ArrayList<>();
      for (NNParser.FeedPairContext p : f.feedPair()) {
        pairs.add(new FeedPair(span(p), ident(p.name()), expr(p.expr())));
      }
      return new Feed(span(f), ident(f.key()), pairs);
    }
    if (ctx instanceof NNParser.JobNamedEntryContext n) {
      return new Entry(span(n), ident(n.key()), ident(n.name()), expr(n.expr()), null);
    }
    NNParser.JobEntryContext e = (NNParser.JobEntryContext) ctx;
    return new Entry(span(e), ident(e.key()), null, expr(e.expr(0)), e.FROM() == null ? null : expr(e.expr(1)));
  }

  private List<StepStmt> block(NNParser.BlockContext ctx) {
    List<StepStmt> body = new ArrayList<>();
    for (NNParser.StepStmtContext s : ctx.stepStmt()) {
      if (s instanceof NNParser.StepLetContext l) {
        body.add(new StepLet(span(l), ident(l.name()), expr(l.expr())));
      } else if (s instanceof NNParser.StepMinimizeContext m) {
        body.add(new Minimize(span(m), m.name().stream().map(this::ident).toList(), expr(m.expr(0)), expr(m.expr(1))));
      } else if (s instanceof NNParser.StepUpdateContext u) {
        body.add(new Update(span(u), expr(u.target), u.op.getText(), expr(u.value)));
      } else if (s instanceof NNParser.StepReportContext r) {
        List<ReportItem> items = new ArrayList<>();
        for (NNParser.ReportItemContext i : r.reportItem()) {
          items.add(new ReportItem(span(i), i.name() == null ? null : ident(i.name()), expr(i.expr())));
        }
        body.add(new Report(span(r), items));
      } else if (s instanceof NNParser.StepSyncContext y) {
        body.add(new Sync(span(y), ident(y.target), ident(y.source), y.key() == null ? null : ident(y.key().name()),
            y.expr() == null ? null : expr(y.expr())));
      } else {
        NNParser.StepExprContext e = (NNParser.StepExprContext) s;
        body.add(new ExprStmt(span(e), expr(e.expr())));
      }
    }
    return body;
  }

  // ------------------------------------------------------------------ expressions

  private Expr expr(NNParser.ExprContext ctx) {
    NNParser.ArrowPipeContext pipe = (NNParser.ArrowPipeContext) ctx.pipe();
    Expr source = orExpr(pipe.orExpr());
    if (pipe.stage().isEmpty()) {
      return source;
    }
    List<Expr> stages = new ArrayList<>();
    for (NNParser.StageContext s : pipe.stage()) {
      stages.add(stage(s));
    }
    return new Pipeline(span(pipe), source, stages);
  }

  private Expr stage(NNParser.StageContext ctx) {
    if (ctx instanceof NNParser.RepeatStageContext r) {
      return new Repeat(span(r), expr(r.expr(0)), expr(r.expr(1)));
    }
    if (ctx instanceof NNParser.ForStageContext f) {
      return new For(span(f), ident(f.name()), expr(f.expr(0)), expr(f.expr(1)));
    }
    return orExpr(((NNParser.ExprStageContext) ctx).orExpr());
  }

  private Expr orExpr(NNParser.OrExprContext ctx) {
    Expr result = andExpr(ctx.andExpr(0));
    for (int i = 1; i < ctx.andExpr().size(); i++) {
      Expr right = andExpr(ctx.andExpr(i));
      result = new Binary(result.span().to(right.span()), BinaryOp.OR, result, right);
    }
    return result;
  }

  private Expr andExpr(NNParser.AndExprContext ctx) {
    Expr result = notExpr(ctx.notExpr(0));
    for (int i = 1; i < ctx.notExpr().size(); i++) {
      Expr right = notExpr(ctx.notExpr(i));
      result = new Binary(result.span().to(right.span()), BinaryOp.AND, result, right);
    }
    return result;
  }

  private Expr notExpr(NNParser.NotExprContext ctx) {
    if (ctx.NOT() != null) {
      return new Unary(span(ctx), "not", notExpr(ctx.notExpr()));
    }
    return comparison(ctx.comparison());
  }

  private Expr comparison(NNParser.ComparisonContext ctx) {
    Expr left = dataPipe(ctx.dataPipe(0));
    if (ctx.op == null) {
      return left;
    }
    BinaryOp op = switch (ctx.op.getType()) {
      case NNLexer.EQ -> BinaryOp.EQ;
      case NNLexer.NE -> BinaryOp.NE;
      case NNLexer.LT -> BinaryOp.LT;
      case NNLexer.LE -> BinaryOp.LE;
      case NNLexer.GT -> BinaryOp.GT;
      default -> BinaryOp.GE;
    };
    return new Binary(span(ctx), op, left, dataPipe(ctx.dataPipe(1)));
  }

  private Expr dataPipe(NNParser.DataPipeContext ctx) {
    Expr source = range(ctx.range(0));
    if (ctx.range().size() == 1) {
      return source;
    }
    List<Expr> transforms = new ArrayList<>();
    for (int i = 1; i < ctx.range().size(); i++) {
      transforms.add(range(ctx.range(i)));
    }
    return new DataPipe(span(ctx), source, transforms);
  }

  private Expr range(NNParser.RangeContext ctx) {
    Expr left = additive(ctx.additive(0));
    if (ctx.DOTDOT() == null) {
      return left;
    }
    return new Binary(span(ctx), BinaryOp.RANGE, left, additive(ctx.additive(1)));
  }

  private Expr additive(NNParser.AdditiveContext ctx) {
    Expr result = multiplicative(ctx.multiplicative(0));
    for (int i = 1; i < ctx.multiplicative().size(); i++) {
      Expr right = multiplicative(ctx.multiplicative(i));
      BinaryOp op = ctx.op.get(i - 1).getType() == NNLexer.PLUS ? BinaryOp.ADD : BinaryOp.SUB;
      result = new Binary(result.span().to(right.span()), op, result, right);
    }
    return result;
  }

  private Expr multiplicative(NNParser.MultiplicativeContext ctx) {
    Expr result = unary(ctx.unary(0));
    for (int i = 1; i < ctx.unary().size(); i++) {
      Expr right = unary(ctx.unary(i));
      BinaryOp op = switch (ctx.op.get(i - 1).getType()) {
        case NNLexer.STAR -> BinaryOp.MUL;
        case NNLexer.SLASH -> BinaryOp.DIV;
        case NNLexer.AT -> BinaryOp.MATMUL;
        default -> BinaryOp.MOD;
      };
      result = new Binary(result.span().to(right.span()), op, result, right);
    }
    return result;
  }

  private Expr unary(NNParser.UnaryContext ctx) {
    if (ctx.MINUS() != null) {
      return new Unary(span(ctx), "-", unary(ctx.unary()));
    }
    NNParser.PowerContext power = ctx.power();
    Expr base = postfix(power.postfix());
    if (power.POW() == null) {
      return base;
    }
    return new Binary(span(power), BinaryOp.POW, base, unary(power.unary()));
  }

  private Expr postfix(NNParser.PostfixContext ctx) {
    Expr result = primary(ctx.primary());
    for (NNParser.PostfixOpContext op : ctx.postfixOp()) {
      Span whole = new Span(file, result.span().start(), span(op).end());
      if (op instanceof NNParser.MemberOpContext m) {
        result = new Member(whole, result, ident(m.name()));
      } else {
        NNParser.CallOpContext c = (NNParser.CallOpContext) op;
        List<Arg> args = new ArrayList<>();
        if (c.arguments() != null) {
          for (NNParser.ArgumentContext a : c.arguments().argument()) {
            if (a instanceof NNParser.NamedArgumentContext n) {
              args.add(new Arg(span(n), ident(n.name()), expr(n.expr())));
            } else {
              NNParser.PositionalArgumentContext p = (NNParser.PositionalArgumentContext) a;
              args.add(new Arg(span(p), null, expr(p.expr())));
            }
          }
        }
        result = new Call(whole, result, args);
      }
    }
    return result;
  }

  private Expr primary(NNParser.PrimaryContext ctx) {
    if (ctx instanceof NNParser.NumberLitContext n) {
      return number(n.number(), n.unit == null ? null : n.unit.getText(), span(n));
    }
    if (ctx instanceof NNParser.StringLitContext s) {
      return new Str(span(s), Strings.unquote(s.STRING().getText()));
    }
    if (ctx instanceof NNParser.BoolLitContext b) {
      return new Bool(span(b), b.TRUE() != null);
    }
    if (ctx instanceof NNParser.ListLitContext l) {
      return list(l.list());
    }
    if (ctx instanceof NNParser.RecordsLitContext r) {
      return records(r.recordsBody(), span(r));
    }
    if (ctx instanceof NNParser.IfExprContext i) {
      Expr otherwise = i.primary() != null ? primary(i.primary()) : expr(i.expr(2));
      return new If(span(i), expr(i.expr(0)), expr(i.expr(1)), otherwise);
    }
    if (ctx instanceof NNParser.NameRefContext n) {
      return new Name(span(n), n.getText());
    }
    return expr(((NNParser.ParensContext) ctx).expr());
  }

  private Num number(NNParser.NumberContext n, String unit, Span span) {
    TerminalNode integer = n.INT();
    String text = n.getText();
    return new Num(span, Double.parseDouble(text), integer != null, unit);
  }

  private ListExpr list(NNParser.ListContext ctx) {
    List<Expr> items = new ArrayList<>();
    for (NNParser.ExprContext e : ctx.expr()) {
      items.add(expr(e));
    }
    return new ListExpr(span(ctx), items);
  }

  private Records records(NNParser.RecordsBodyContext ctx, Span span) {
    List<RecordField> fields = new ArrayList<>();
    for (NNParser.RecordFieldContext f : ctx.recordField()) {
      fields.add(new RecordField(span(f), ident(f.name()), recordType(f.recordType())));
    }
    List<Expr> values = new ArrayList<>();
    for (NNParser.RecordValueContext v : ctx.recordValue()) {
      if (v.list() != null) {
        values.add(list(v.list()));
      } else {
        Num n = number(v.number(), null, span(v));
        values.add(v.MINUS() == null ? n : new Unary(span(v), "-", n));
      }
    }
    return new Records(span, fields, values);
  }
}

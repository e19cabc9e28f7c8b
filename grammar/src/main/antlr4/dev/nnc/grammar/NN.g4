/*
 * The normative syntax of the .nn language (../../../../../../../shared/spec/LANGUAGE.md describes
 * its meaning). Line breaks are white space: every statement starts with a keyword or a `key:`, so
 * an expression may continue on the next line.
 */
grammar NN;


// ---------------------------------------------------------------- files and declarations

file        : importDecl* declaration* EOF ;

importDecl  : IMPORT dottedName                                   # importModule
            | IMPORT STRING                                       # importFile
            ;

dottedName  : name (DOT name)* ;

declaration : (modelDecl | dataDecl | trainDecl | sampleDecl | constDecl) SEMI? ;

constDecl   : LET name ASSIGN expr ;

// ---------------------------------------------------------------- models

modelDecl   : MODEL name hyperParams? LBRACE modelStmt* RBRACE ;

hyperParams : LPAREN (hyperParam (COMMA hyperParam)* COMMA?)? RPAREN ;
hyperParam  : name COLON typeRef (ASSIGN expr)? ;

modelStmt   : INPUT name COLON typeRef SEMI?                      # inputStmt
            | PARAM name COLON typeRef (ASSIGN expr)? SEMI?       # paramStmt
            | LET name ASSIGN expr SEMI?                          # letStmt
            | OUTPUT name ASSIGN expr SEMI?                       # outputStmt
            ;

typeRef     : name (LBRACK (dim (COMMA dim)*)? RBRACK)? ;
dim         : expr ;

// ---------------------------------------------------------------- data

dataDecl    : DATA name LBRACE dataSplit* RBRACE ;
dataSplit   : name ASSIGN expr SEMI? ;

recordsBody : LBRACE recordField (COMMA recordField)* recordValue* RBRACE ;
// A record field's type ends with its line: `label: int` followed by a row starting `[5.1, ...]` on the
// next line is a scalar field and a value, not the type int[5.1, ...].
recordField : name COLON recordType ;
recordType  : name ({_input.LT(1).getLine() == _input.LT(-1).getLine()}? LBRACK (dim (COMMA dim)*)? RBRACK)? ;
recordValue : list | MINUS? number ;

// ---------------------------------------------------------------- train and sample jobs

trainDecl   : TRAIN name LBRACE jobItem* RBRACE ;
sampleDecl  : SAMPLE name LBRACE jobItem* RBRACE ;

jobItem     : LET name ASSIGN expr (FROM expr)? SEMI?                     # jobLet
            | STEP block                                                 # jobStep
            | EVERY LPAREN expr RPAREN block                             # jobEvery
            | key COLON feedPair (COMMA feedPair)* SEMI?                 # jobFeed
            | key COLON expr (FROM expr)? (COMMA | SEMI)?                # jobEntry
            | key name COLON expr (COMMA | SEMI)?                        # jobNamedEntry
            ;

feedPair    : name ASSIGN expr ;

block       : LBRACE stepStmt* RBRACE ;

stepStmt    : LET name ASSIGN expr SEMI?                                  # stepLet
            | MINIMIZE name (COMMA name)* COLON expr WITH expr SEMI?      # stepMinimize
            | UPDATE target=expr op=(PLUS_ASSIGN | MINUS_ASSIGN | ASSIGN) value=expr SEMI?  # stepUpdate
            | REPORT reportItem (COMMA reportItem)* SEMI?                 # stepReport
            | SYNC target=name COLON source=name (COMMA key COLON expr)? SEMI?  # stepSync
            | expr SEMI?                                                 # stepExpr
            ;

reportItem  : (name COLON)? expr ;

// A key of a job block is a plain name; keywords are allowed ("model:", "data:", "step:"...).
key         : name ;

// ---------------------------------------------------------------- expressions (lowest precedence first)

expr        : pipe ;

pipe        : orExpr (ARROW stage)*                               # arrowPipe
            ;

stage       : REPEAT LPAREN expr RPAREN LBRACE expr RBRACE        # repeatStage
            | FOR name IN expr LBRACE expr RBRACE                 # forStage
            | orExpr                                             # exprStage
            ;

orExpr      : andExpr (OR andExpr)* ;
andExpr     : notExpr (AND notExpr)* ;
notExpr     : NOT notExpr | comparison ;
comparison  : dataPipe (op=(EQ | NE | LT | LE | GT | GE) dataPipe)? ;
dataPipe    : range (BAR range)* ;
range       : additive (DOTDOT additive)? ;
additive    : multiplicative (op+=(PLUS | MINUS) multiplicative)* ;
multiplicative : unary (op+=(STAR | SLASH | AT | PERCENT) unary)* ;
unary       : MINUS unary | power ;
power       : postfix (POW unary)? ;

postfix     : primary postfixOp* ;
postfixOp   : DOT name                                            # memberOp
            | LPAREN arguments? RPAREN                            # callOp
            ;

arguments   : argument (COMMA argument)* COMMA? ;
argument    : name COLON expr                                     # namedArgument
            | expr                                               # positionalArgument
            ;

primary     : number unit=(STEP_WORDS | STEP | SIZE_UNIT)?          # numberLit
            | STRING                                             # stringLit
            | (TRUE | FALSE)                                     # boolLit
            | list                                               # listLit
            | RECORDS recordsBody                                # recordsLit
            | IF expr LBRACE expr RBRACE ELSE (LBRACE expr RBRACE | primary)   # ifExpr
            | name                                               # nameRef
            | LPAREN expr RPAREN                                 # parens
            ;

list        : LBRACK (expr (COMMA expr)* COMMA?)? RBRACK ;
number      : INT | FLOAT ;

// Names: identifiers, plus words that are keywords only where a statement starts, so that a split
// may be called `train` and a job may set `model:`.
name        : IDENT | STEP_WORDS | SIZE_UNIT
            | MODEL | DATA | TRAIN | SAMPLE | INPUT | OUTPUT | PARAM | STEP | EVERY | REPORT | UPDATE
            | MINIMIZE | WITH | FROM | REPEAT | SYNC ;

// ---------------------------------------------------------------- lexer

IMPORT   : 'import' ;
MODEL    : 'model' ;
DATA     : 'data' ;
TRAIN    : 'train' ;
SAMPLE   : 'sample' ;
INPUT    : 'input' ;
OUTPUT   : 'output' ;
PARAM    : 'param' ;
LET      : 'let' ;
STEP     : 'step' ;
MINIMIZE : 'minimize' ;
UPDATE   : 'update' ;
REPORT   : 'report' ;
SYNC     : 'sync' ;
EVERY    : 'every' ;
WITH     : 'with' ;
FROM     : 'from' ;
IF       : 'if' ;
ELSE     : 'else' ;
FOR      : 'for' ;
IN       : 'in' ;
REPEAT   : 'repeat' ;
RECORDS  : 'records' ;
TRUE     : 'true' ;
FALSE    : 'false' ;
AND      : 'and' ;
OR       : 'or' ;
NOT      : 'not' ;
STEP_WORDS : 'steps' | 'epochs' | 'epoch' ;
SIZE_UNIT  : 'KiB' | 'MiB' | 'GiB' ;

ARROW    : '->' ;
DOTDOT   : '..' ;
POW      : '**' ;
PLUS_ASSIGN  : '+=' ;
MINUS_ASSIGN : '-=' ;
EQ       : '==' ;
NE       : '!=' ;
LE       : '<=' ;
GE       : '>=' ;
LT       : '<' ;
GT       : '>' ;
ASSIGN   : '=' ;
PLUS     : '+' ;
MINUS    : '-' ;
STAR     : '*' ;
SLASH    : '/' ;
PERCENT  : '%' ;
AT       : '@' ;
BAR      : '|' ;
DOT      : '.' ;
COMMA    : ',' ;
COLON    : ':' ;
SEMI     : ';' ;
LPAREN   : '(' ;
RPAREN   : ')' ;
LBRACK   : '[' ;
RBRACK   : ']' ;
LBRACE   : '{' ;
RBRACE   : '}' ;

FLOAT    : DIGITS '.' DIGITS EXPONENT? | DIGITS EXPONENT | '.' DIGITS EXPONENT? ;
INT      : DIGITS ;
fragment DIGITS   : [0-9]+ ;
fragment EXPONENT : [eE] [+-]? DIGITS ;

STRING   : '"' (~["\\\r\n] | '\\' .)* '"' ;
IDENT    : [A-Za-z_] [A-Za-z0-9_]* ;

DOC_COMMENT   : '///' ~[\r\n]* -> channel(HIDDEN) ;
LINE_COMMENT  : '//' ~[\r\n]* -> skip ;
BLOCK_COMMENT : '/*' .*? '*/' -> skip ;
WS            : [ \t\r\n]+ -> skip ;

// Anything else is one bad character: the parser reports it with its position.
BAD_CHAR : . ;

// SPARQL 1.1 Query and Update (W3C Recommendation, section 19) with the SPARQL 1.2 additions
// (VERSION, triple terms <<( s p o )>>, reified triples << s p o ~ r >>, annotations {| ... |},
// base direction on language tags, the 1.2 functions) plus Sextant's EXPLAIN [ANALYZE].
// Keywords are case-insensitive through letter fragments (ANTLR 4.7 has no caseInsensitive
// option). Right-recursive rules of the W3C grammar are written as loops so that long inputs do
// not recurse; only brackets nest, and parse.cpp bounds their depth before the parser runs.
// Builtin function names share one token (BUILTIN_FN); their arity is checked by the AST builder,
// which gives clearer messages than a grammar alternative per function.
grammar Sparql;

statement
  : explain? query EOF
  | explainWhy EOF
  | update EOF
  ;

explain : EXPLAIN ANALYZE? ;
// Sextant extension: the derivation of one triple (docs/RULES.md).
explainWhy : prologue EXPLAIN WHY '{' triplesTemplate '}' ;

query : prologue (selectQuery | constructQuery | describeQuery | askQuery) valuesClause ;

prologue : (baseDecl | prefixDecl | versionDecl)* ;
baseDecl : BASE IRIREF ;
prefixDecl : PREFIX PNAME_NS IRIREF ;
versionDecl : VERSION (STRING_LITERAL1 | STRING_LITERAL2) ;

selectQuery : selectClause datasetClause* whereClause solutionModifier ;
subSelect : selectClause whereClause solutionModifier valuesClause ;
selectClause : SELECT (DISTINCT | REDUCED)? (selectVar+ | '*') ;
selectVar : var | '(' expression AS var ')' ;
constructQuery
  : CONSTRUCT constructTemplate datasetClause* whereClause solutionModifier
  | CONSTRUCT datasetClause* WHERE '{' triplesTemplate? '}' solutionModifier
  ;
describeQuery : DESCRIBE (varOrIri+ | '*') datasetClause* whereClause? solutionModifier ;
askQuery : ASK datasetClause* whereClause solutionModifier ;
datasetClause : FROM NAMED? iri ;
whereClause : WHERE? groupGraphPattern ;

solutionModifier : groupClause? havingClause? orderClause? limitOffsetClauses? ;
groupClause : GROUP BY groupCondition+ ;
groupCondition : builtInCall | functionCall | '(' expression (AS var)? ')' | var ;
havingClause : HAVING constraint+ ;
orderClause : ORDER BY orderCondition+ ;
orderCondition : (ASC | DESC) brackettedExpression | constraint | var ;
limitOffsetClauses : limitClause offsetClause? | offsetClause limitClause? ;
limitClause : LIMIT INTEGER ;
offsetClause : OFFSET INTEGER ;
valuesClause : (VALUES dataBlock)? ;

// Update ::= Prologue ( Update1 ( ';' Update )? )? unrolled into a loop.
update : prologue (update1 (';' prologue update1)* (';' prologue)?)? ;
update1
  : load | clear | drop | add | move | copy | create
  | insertData | deleteData | deleteWhere | modify
  | ruleDecl | dropRule
  ;
// Sextant extensions (docs/RULES.md): a stored rule, and its removal.
ruleDecl : RULE ruleName constructTemplate WHERE groupGraphPattern ;
dropRule : DROP RULE SILENT? ruleName ;
ruleName : PNAME_LN | IRIREF | string ;
load : LOAD SILENT? iri (INTO graphRef)? ;
clear : CLEAR SILENT? graphRefAll ;
drop : DROP SILENT? graphRefAll ;
create : CREATE SILENT? graphRef ;
add : ADD SILENT? graphOrDefault TO graphOrDefault ;
move : MOVE SILENT? graphOrDefault TO graphOrDefault ;
copy : COPY SILENT? graphOrDefault TO graphOrDefault ;
insertData : INSERT DATA quadData ;
deleteData : DELETE DATA quadData ;
deleteWhere : DELETE WHERE quadPattern ;
modify : (WITH iri)? (deleteClause insertClause? | insertClause) usingClause* WHERE groupGraphPattern ;
deleteClause : DELETE quadPattern ;
insertClause : INSERT quadPattern ;
usingClause : USING NAMED? iri ;
graphOrDefault : DEFAULT | GRAPH? iri ;
graphRef : GRAPH iri ;
graphRefAll : graphRef | DEFAULT | NAMED | ALL ;
quadPattern : '{' quads '}' ;
quadData : '{' quads '}' ;
quads : triplesTemplate? (quadsNotTriples '.'? triplesTemplate?)* ;
quadsNotTriples : GRAPH varOrIri '{' triplesTemplate? '}' ;
triplesTemplate : triplesSameSubject ('.' triplesSameSubject)* '.'? ;

groupGraphPattern : '{' (subSelect | groupGraphPatternSub) '}' ;
groupGraphPatternSub : triplesBlock? (graphPatternNotTriples '.'? triplesBlock?)* ;
triplesBlock : triplesSameSubjectPath ('.' triplesSameSubjectPath)* '.'? ;
graphPatternNotTriples
  : groupOrUnionGraphPattern | optionalGraphPattern | minusGraphPattern | graphGraphPattern
  | serviceGraphPattern | filter | bind | inlineData
  ;
optionalGraphPattern : OPTIONAL groupGraphPattern ;
graphGraphPattern : GRAPH varOrIri groupGraphPattern ;
serviceGraphPattern : SERVICE SILENT? varOrIri groupGraphPattern ;
bind : BIND '(' expression AS var ')' ;
inlineData : VALUES dataBlock ;
dataBlock : inlineDataOneVar | inlineDataFull ;
inlineDataOneVar : var '{' dataBlockValue* '}' ;
inlineDataFull : (NIL | '(' var* ')') '{' dataBlockRow* '}' ;
dataBlockRow : '(' dataBlockValue* ')' | NIL ;
dataBlockValue : iri | rdfLiteral | numericLiteral | booleanLiteral | UNDEF | tripleTermData ;
minusGraphPattern : MINUS groupGraphPattern ;
groupOrUnionGraphPattern : groupGraphPattern (UNION groupGraphPattern)* ;
filter : FILTER constraint ;
constraint : brackettedExpression | builtInCall | functionCall ;
functionCall : iri argList ;
argList : NIL | '(' DISTINCT? expression (',' expression)* ')' ;
expressionList : NIL | '(' expression (',' expression)* ')' ;

constructTemplate : '{' constructTriples? '}' ;
constructTriples : triplesSameSubject ('.' triplesSameSubject)* '.'? ;

triplesSameSubject
  : varOrTerm propertyListNotEmpty | triplesNode propertyList | reifiedTriple propertyList ;
propertyList : propertyListNotEmpty? ;
propertyListNotEmpty : verb objectList (';' (verb objectList)?)* ;
verb : varOrIri | 'a' ;
objectList : object (',' object)* ;
object : graphNode annotation ;
// Each reifier names (or, alone, makes) a reifier of the triple; a block describes the reifier
// just named, or a fresh one.
annotation : (reifier | annotationBlock)* ;
annotationBlock : '{|' propertyListNotEmpty '|}' ;

triplesSameSubjectPath
  : varOrTerm propertyListPathNotEmpty | triplesNodePath propertyListPath
  | reifiedTriple propertyListPath
  ;
propertyListPath : propertyListPathNotEmpty? ;
propertyListPathNotEmpty : verbPathOrSimple objectListPath (';' (verbPathOrSimple objectListPath)?)* ;
verbPathOrSimple : path | var ;
objectListPath : objectPath (',' objectPath)* ;
objectPath : graphNodePath annotationPath ;
annotationPath : (reifier | annotationBlockPath)* ;
annotationBlockPath : '{|' propertyListPathNotEmpty '|}' ;

// RDF 1.2: a reified triple stands for its reifier; a triple term is a term.
reifiedTriple : '<<' reifiedTripleNode verb reifiedTripleNode reifier? '>>' ;
reifiedTripleNode
  : var | iri | rdfLiteral | numericLiteral | booleanLiteral | blankNode | reifiedTriple
  | tripleTerm
  ;
reifier : '~' (var | iri | blankNode)? ;
tripleTerm : '<<(' tripleTermNode verb tripleTermNode ')>>' ;
tripleTermNode
  : var | iri | rdfLiteral | numericLiteral | booleanLiteral | blankNode | tripleTerm ;
// In VALUES: constants only, and the subject is an IRI.
tripleTermData : '<<(' iri (iri | 'a') tripleTermDataObject ')>>' ;
tripleTermDataObject : iri | rdfLiteral | numericLiteral | booleanLiteral | tripleTermData ;
// In expressions: no blank nodes, and the subject is an IRI or a variable.
exprTripleTerm : '<<(' (iri | var) verb exprTripleTermObject ')>>' ;
exprTripleTermObject
  : iri | rdfLiteral | numericLiteral | booleanLiteral | var | exprTripleTerm ;

path : pathSequence ('|' pathSequence)* ;
pathSequence : pathEltOrInverse ('/' pathEltOrInverse)* ;
pathEltOrInverse : '^'? pathPrimary pathMod? ;
pathMod : '?' | '*' | '+' ;
pathPrimary : iri | 'a' | '!' pathNegatedPropertySet | '(' path ')' ;
pathNegatedPropertySet
  : pathOneInPropertySet
  | '(' (pathOneInPropertySet ('|' pathOneInPropertySet)*)? ')'
  | NIL
  ;
pathOneInPropertySet : '^'? (iri | 'a') ;

triplesNode : collection | blankNodePropertyList ;
blankNodePropertyList : '[' propertyListNotEmpty ']' ;
triplesNodePath : collectionPath | blankNodePropertyListPath ;
blankNodePropertyListPath : '[' propertyListPathNotEmpty ']' ;
collection : '(' graphNode+ ')' ;
collectionPath : '(' graphNodePath+ ')' ;
graphNode : varOrTerm | triplesNode | reifiedTriple ;
graphNodePath : varOrTerm | triplesNodePath | reifiedTriple ;
varOrTerm : var | graphTerm ;
varOrIri : var | iri ;
var : VAR1 | VAR2 ;
graphTerm : iri | rdfLiteral | numericLiteral | booleanLiteral | blankNode | NIL | tripleTerm ;

expression : conditionalAndExpression ('||' conditionalAndExpression)* ;
conditionalAndExpression : relationalExpression ('&&' relationalExpression)* ;
relationalExpression
  : additiveExpression (op=('=' | '!=' | '<' | '>' | '<=' | '>=') additiveExpression
                        | NOT? IN expressionList)?
  ;
// "?a +1" lexes as ?a followed by the signed number +1: the W3C grammar's second branch.
additiveExpression : multiplicativeExpression additiveTail* ;
additiveTail
  : op=('+' | '-') multiplicativeExpression
  | signedNumber multiplicativeTail*
  ;
signedNumber
  : INTEGER_POSITIVE | DECIMAL_POSITIVE | DOUBLE_POSITIVE
  | INTEGER_NEGATIVE | DECIMAL_NEGATIVE | DOUBLE_NEGATIVE
  ;
multiplicativeExpression : unaryExpression multiplicativeTail* ;
multiplicativeTail : op=('*' | '/') unaryExpression ;
// SPARQL 1.2 lets '!' repeat (!!?x); a loop, so that a long run does not recurse.
unaryExpression : '!'* op=('+' | '-')? primaryExpression ;
primaryExpression
  : brackettedExpression | builtInCall | iriOrFunction | rdfLiteral | numericLiteral
  | booleanLiteral | var | exprTripleTerm
  ;
brackettedExpression : '(' expression ')' ;
builtInCall
  : aggregate
  | BOUND '(' var ')'
  | BNODE ('(' expression ')' | NIL)
  | NOT? EXISTS groupGraphPattern
  | BUILTIN_FN expressionList
  ;
aggregate
  : COUNT '(' DISTINCT? ('*' | expression) ')'
  | (SUM | MIN | MAX | AVG | SAMPLE) '(' DISTINCT? expression ')'
  | GROUP_CONCAT '(' DISTINCT? expression (';' SEPARATOR '=' string)? ')'
  ;
iriOrFunction : iri argList? ;
rdfLiteral : string (LANG_DIR | '^^' iri)? ;
numericLiteral
  : INTEGER | DECIMAL | DOUBLE
  | INTEGER_POSITIVE | DECIMAL_POSITIVE | DOUBLE_POSITIVE
  | INTEGER_NEGATIVE | DECIMAL_NEGATIVE | DOUBLE_NEGATIVE
  ;
booleanLiteral : TRUE | FALSE ;
string : STRING_LITERAL1 | STRING_LITERAL2 | STRING_LITERAL_LONG1 | STRING_LITERAL_LONG2 ;
iri : IRIREF | PNAME_LN | PNAME_NS ;
blankNode : BLANK_NODE_LABEL | ANON ;

// ---------------------------------------------------------------- lexer

EXPLAIN : E X P L A I N ;
ANALYZE : A N A L Y Z E ;
WHY : W H Y ;
RULE : R U L E ;
BASE : B A S E ;
VERSION : V E R S I O N ;
PREFIX : P R E F I X ;
SELECT : S E L E C T ;
DISTINCT : D I S T I N C T ;
REDUCED : R E D U C E D ;
AS : A S ;
CONSTRUCT : C O N S T R U C T ;
WHERE : W H E R E ;
DESCRIBE : D E S C R I B E ;
ASK : A S K ;
FROM : F R O M ;
NAMED : N A M E D ;
GROUP : G R O U P ;
BY : B Y ;
HAVING : H A V I N G ;
ORDER : O R D E R ;
ASC : A S C ;
DESC : D E S C ;
LIMIT : L I M I T ;
OFFSET : O F F S E T ;
VALUES : V A L U E S ;
LOAD : L O A D ;
SILENT : S I L E N T ;
INTO : I N T O ;
CLEAR : C L E A R ;
DROP : D R O P ;
CREATE : C R E A T E ;
ADD : A D D ;
MOVE : M O V E ;
COPY : C O P Y ;
TO : T O ;
INSERT : I N S E R T ;
DATA : D A T A ;
DELETE : D E L E T E ;
WITH : W I T H ;
USING : U S I N G ;
DEFAULT : D E F A U L T ;
GRAPH : G R A P H ;
ALL : A L L ;
OPTIONAL : O P T I O N A L ;
SERVICE : S E R V I C E ;
BIND : B I N D ;
UNDEF : U N D E F ;
MINUS : M I N U S ;
UNION : U N I O N ;
FILTER : F I L T E R ;
NOT : N O T ;
IN : I N ;
EXISTS : E X I S T S ;
BOUND : B O U N D ;
BNODE : B N O D E ;
TRUE : T R U E ;
FALSE : F A L S E ;
SEPARATOR : S E P A R A T O R ;
COUNT : C O U N T ;
SUM : S U M ;
MIN : M I N ;
MAX : M A X ;
AVG : A V G ;
SAMPLE : S A M P L E ;
GROUP_CONCAT : G R O U P '_' C O N C A T ;

BUILTIN_FN
  : S T R | L A N G | L A N G M A T C H E S | D A T A T Y P E | I R I | U R I | A B S | C E I L
  | F L O O R | R O U N D | C O N C A T | S T R L E N | U C A S E | L C A S E
  | E N C O D E '_' F O R '_' U R I | C O N T A I N S | S T R S T A R T S | S T R E N D S
  | S T R B E F O R E | S T R A F T E R | Y E A R | M O N T H | D A Y | H O U R S | M I N U T E S
  | S E C O N D S | T I M E Z O N E | T Z | N O W | U U I D | S T R U U I D | M D '5' | S H A '1'
  | S H A '256' | S H A '384' | S H A '512' | C O A L E S C E | I F | S T R L A N G | S T R D T
  | S A M E T E R M | I S I R I | I S U R I | I S B L A N K | I S L I T E R A L | I S N U M E R I C
  | R E G E X | S U B S T R | R E P L A C E | R A N D
  | L A N G D I R | H A S L A N G | H A S L A N G D I R | S T R L A N G D I R
  | T R I P L E | S U B J E C T | P R E D I C A T E | O B J E C T | I S T R I P L E
  ;

// Multi-character punctuation (single characters are implicit tokens of the parser rules).
NIL : '(' WS_CHAR* ')' ;
TRIPLE_TERM_OPEN : '<<(' ;
TRIPLE_TERM_CLOSE : ')>>' ;
REIFIED_OPEN : '<<' ;
REIFIED_CLOSE : '>>' ;
ANNOTATION_OPEN : '{|' ;
ANNOTATION_CLOSE : '|}' ;
ANON : '[' WS_CHAR* ']' ;

IRIREF : '<' (~[<>"{}|^`\\\u0000-\u0020] | UCHAR)* '>' ;
PNAME_NS : PN_PREFIX? ':' ;
PNAME_LN : PNAME_NS PN_LOCAL ;
BLANK_NODE_LABEL : '_:' (PN_CHARS_U | [0-9]) ((PN_CHARS | '.')* PN_CHARS)? ;
VAR1 : '?' VARNAME ;
VAR2 : '$' VARNAME ;
// A language tag, then optionally a base direction: "..."@ar--rtl.
LANG_DIR : '@' [a-zA-Z]+ ('-' [a-zA-Z0-9]+)* ('--' [a-zA-Z]+)? ;
INTEGER : [0-9]+ ;
DECIMAL : [0-9]* '.' [0-9]+ ;
DOUBLE : [0-9]+ '.' [0-9]* EXPONENT | '.' [0-9]+ EXPONENT | [0-9]+ EXPONENT ;
INTEGER_POSITIVE : '+' INTEGER ;
DECIMAL_POSITIVE : '+' DECIMAL ;
DOUBLE_POSITIVE : '+' DOUBLE ;
INTEGER_NEGATIVE : '-' INTEGER ;
DECIMAL_NEGATIVE : '-' DECIMAL ;
DOUBLE_NEGATIVE : '-' DOUBLE ;
STRING_LITERAL_LONG1 : '\'\'\'' (('\'' | '\'\'')? (~['\\] | ECHAR | UCHAR))* '\'\'\'' ;
STRING_LITERAL_LONG2 : '"""' (('"' | '""')? (~["\\] | ECHAR | UCHAR))* '"""' ;
STRING_LITERAL1 : '\'' (~['\\\n\r] | ECHAR | UCHAR)* '\'' ;
STRING_LITERAL2 : '"' (~["\\\n\r] | ECHAR | UCHAR)* '"' ;

WS : WS_CHAR+ -> skip ;
COMMENT : '#' ~[\r\n]* -> skip ;

// A bare word that is no keyword: a misspelt keyword or an unknown function name. The parser
// rejects it with a message naming the word instead of a lexer error on its first letter.
UNKNOWN_WORD : [a-zA-Z_] [a-zA-Z0-9_]* ;
// Any other character; the lexer never fails, so every error is reported by the parser.
ERROR_CHAR : . ;

fragment WS_CHAR : [ \t\r\n] ;
fragment EXPONENT : [eE] [+-]? [0-9]+ ;
fragment ECHAR : '\\' [tbnrf\\"'] ;
fragment UCHAR : '\\u' HEX HEX HEX HEX | '\\U' HEX HEX HEX HEX HEX HEX HEX HEX ;
fragment HEX : [0-9A-Fa-f] ;
fragment PN_CHARS_BASE
  : [A-Za-z] | [\u00C0-\u00D6] | [\u00D8-\u00F6] | [\u00F8-\u02FF] | [\u0370-\u037D]
  | [\u037F-\u1FFF] | [\u200C-\u200D] | [\u2070-\u218F] | [\u2C00-\u2FEF] | [\u3001-\uD7FF]
  | [\uF900-\uFDCF] | [\uFDF0-\uFFFD] | [\u{10000}-\u{EFFFF}]
  ;
fragment PN_CHARS_U : PN_CHARS_BASE | '_' ;
fragment VARNAME
  : (PN_CHARS_U | [0-9]) (PN_CHARS_U | [0-9] | '\u00B7' | [\u0300-\u036F] | [\u203F-\u2040])* ;
fragment PN_CHARS : PN_CHARS_U | '-' | [0-9] | '\u00B7' | [\u0300-\u036F] | [\u203F-\u2040] ;
fragment PN_PREFIX : PN_CHARS_BASE ((PN_CHARS | '.')* PN_CHARS)? ;
fragment PN_LOCAL
  : (PN_CHARS_U | ':' | [0-9] | PLX) ((PN_CHARS | '.' | ':' | PLX)* (PN_CHARS | ':' | PLX))? ;
fragment PLX : PERCENT | PN_LOCAL_ESC ;
fragment PERCENT : '%' HEX HEX ;
fragment PN_LOCAL_ESC : '\\' [_~.!$&'()*+,;=/?#@%-] ;

fragment A : [aA] ; fragment B : [bB] ; fragment C : [cC] ; fragment D : [dD] ;
fragment E : [eE] ; fragment F : [fF] ; fragment G : [gG] ; fragment H : [hH] ;
fragment I : [iI] ; fragment J : [jJ] ; fragment K : [kK] ; fragment L : [lL] ;
fragment M : [mM] ; fragment N : [nN] ; fragment O : [oO] ; fragment P : [pP] ;
fragment Q : [qQ] ; fragment R : [rR] ; fragment S : [sS] ; fragment T : [tT] ;
fragment U : [uU] ; fragment V : [vV] ; fragment W : [wW] ; fragment X : [xX] ;
fragment Y : [yY] ; fragment Z : [zZ] ;

/*
 * parser.y: the grammar of the layout language.
 *
 * A pure parser with locations.  Actions build the model through the
 * builder functions of parse.c and nothing else; every semantic rule is the
 * checker's.  Error recovery resynchronises at ';' and '}' so that one run
 * reports every syntax error of a file; after a ';' inside a block the next
 * statement starts afresh, so errors on consecutive lines are all reported.
 * An item whose ';' is missing ends where its line does; garbage between
 * declarations is skipped up to the next declaration's keyword.
 * `rule` is reserved for the planned cross-item rules: it parses, and is
 * reported as not supported yet.
 */
%require "3.6"
%define api.pure full
%define api.prefix {rk_yy}
%define api.location.type {rk_span}
%define parse.error custom
%locations
%expect 0
%param {struct rk_parser *p}

%code requires {
#include "parse_internal.h"
}

%code provides {
int rk_yylex(RK_YYSTYPE *value, rk_span *loc, struct rk_parser *p);
}

%code {
#include <stdlib.h>
#include <string.h>

#include "util.h"

static void rk_yyerror(const rk_span *loc, struct rk_parser *p,
		       const char *msg);
}

%union {
	char *str;
	uint64_t num;
	struct rk_date date;
	struct rk_name name;
	enum rk_kind kind;
	struct rk_attrs *attrs;
	struct rk_typeref *type;
	struct rk_header *header;
	struct rk_codes *codes;
	struct rk_typedef *tdef;
	struct rk_body *body;
	struct rk_node *node;
	struct rk_record *record;
}

%token <str> IDENT "identifier"
%token <str> STRING "string"
%token <num> INT "integer"
%token <date> DATE_LIT "date"
%token DOTDOT "'..'"
%token KW_REVISION "'revision'" KW_CODES "'codes'" KW_TYPE "'type'"
%token KW_RECORD "'record'" KW_GROUP "'group'" KW_RULE "'rule'"
%token KW_TITLE "'title'" KW_RELEASED "'released'" KW_PREVIOUS "'previous'"
%token KW_ID "'id'" KW_DATASET "'dataset'" KW_BASIS "'basis'"
%token KW_REQUIRED "'required'" KW_NOTE "'note'" KW_FORMERLY "'formerly'"
%token KW_DEPRECATED "'deprecated'" KW_VERSION "'version'"
%token KW_SIGNED "'signed'"
%token KW_DIGITS "'digits'" KW_ALNUM "'alnum'" KW_ASCII "'ascii'"
%token KW_TEXT "'text'" KW_KANA "'kana'" KW_HANKANA "'hankana'"
%token KW_STRING "'string'" KW_NUMBER "'number'" KW_DATE "'date'"
%token KW_DATE8 "'date8'" KW_YEARMONTH "'yearmonth'" KW_WAREKI "'wareki'"
%token KW_FLAG "'flag'" KW_CODE "'code'" KW_MYNUMBER "'mynumber'"
%token KW_LGCODE "'lgcode'" KW_INSURER "'insurer'"

%type <name> name opt_symbol
%type <str> opt_label
%type <num> bound
%type <kind> type_kw
%type <attrs> attrs
%type <type> type type_head
%type <header> header_body
%type <codes> code_values
%type <tdef> type_decl
%type <body> members
%type <node> item group group_head
%type <record> record

/* The parts of the model and their strings live in the revision's arena:
 * what error recovery discards stays there until the revision is freed.
 * Only these are malloc'd. */
%destructor { rk_attrs_free($$); } <attrs>
%destructor { rk_codes_release($$); } <codes>
%destructor { rk_body_free($$); } <body>

%%

/* After an error between declarations, the next declaration starts afresh:
 * what lies before its keyword is skipped. */
file:
	%empty
|	file decl
|	file error
;

decl:
	KW_REVISION name '{' header_body '}'
		{ $4->name = $2; $4->end_line = (uint32_t)@5.last_line;
		  rk_file_add_header(p->rev, p->file, $4); }
|	KW_REVISION name '{' header_body error '}'
		{ $4->name = $2; $4->end_line = (uint32_t)@6.last_line;
		  rk_file_add_header(p->rev, p->file, $4); }
|	KW_CODES name opt_label attrs '{' code_values '}'
		{ rk_build_codes_end(p, $6, $2, $3, &@3, $4, &@7);
		  rk_file_add_codes(p->rev, p->file, $6); }
|	KW_CODES name opt_label attrs '{' code_values error '}'
		{ rk_build_codes_end(p, $6, $2, $3, &@3, $4, &@8);
		  rk_file_add_codes(p->rev, p->file, $6); }
|	type_decl
		{ rk_file_add_type(p->rev, p->file, $1); }
|	record
		{ rk_file_add_record(p->rev, p->file, $1); }
|	error ';'
|	error '}'
;

header_body:
	%empty
		{ $$ = rk_build_header(p); }
|	header_body KW_TITLE STRING ';'
		{ $$ = $1; rk_build_title(p, $$, $3, &@3); }
|	header_body KW_RELEASED DATE_LIT ';'
		{ $$ = $1; rk_build_released(p, $$, $3, &@3); }
|	header_body KW_PREVIOUS name ';'
		{ $$ = $1; rk_build_previous(p, $$, $3, &@3); }
|	header_body error ';'
		{ $$ = $1; yyerrok; }
;

code_values:
	%empty
		{ $$ = rk_build_codes(p); }
|	code_values STRING opt_symbol opt_label attrs ';'
		{ $$ = $1; rk_build_code_value(p, $$, $2, &@2, $3, $4, &@4, $5, &@6); }
|	code_values error ';'
		{ $$ = $1; yyerrok; }
;

opt_symbol:
	%empty	{ $$.text = NULL; $$.loc = rk_loc_of(p, &@$); }
|	name
;

opt_label:
	%empty	{ $$ = NULL; }
|	STRING
;

type_decl:
	KW_TYPE name '=' type ';'
		{ $$ = rk_build_typedef(p, $2, $4, &@5); }
;

type:
	type_head
|	type_head KW_SIGNED
		{ $$ = $1; $$->is_signed = true; $$->signed_loc = rk_loc_of(p, &@2); }
;

type_head:
	name
		{ $$ = rk_build_type(p, &@1); $$->name = $1; }
|	type_kw
		{ $$ = rk_build_type(p, &@1); $$->builtin = true; $$->kind = $1; }
|	type_kw '(' INT ')'
		{ $$ = rk_build_type(p, &@1); $$->builtin = true; $$->kind = $1;
		  $$->n_args = 1; $$->args[0] = $3; $$->args_loc = rk_loc_of(p, &@3); }
|	type_kw '(' INT DOTDOT INT ')'
		{ $$ = rk_build_type(p, &@1); $$->builtin = true; $$->kind = $1;
		  $$->n_args = 2; $$->range = true; $$->args[0] = $3; $$->args[1] = $5;
		  $$->args_loc = rk_loc_of(p, &@3); }
|	type_kw '(' INT ',' INT ')'
		{ $$ = rk_build_type(p, &@1); $$->builtin = true; $$->kind = $1;
		  $$->n_args = 2; $$->args[0] = $3; $$->args[1] = $5;
		  $$->args_loc = rk_loc_of(p, &@3); }
|	type_kw '(' name ')'
		{ $$ = rk_build_type(p, &@1); $$->builtin = true; $$->kind = $1;
		  $$->name = $3; }
;

type_kw:
	KW_DIGITS	{ $$ = RK_DIGITS; }
|	KW_ALNUM	{ $$ = RK_ALNUM; }
|	KW_ASCII	{ $$ = RK_ASCII; }
|	KW_TEXT		{ $$ = RK_TEXT; }
|	KW_KANA		{ $$ = RK_KANA; }
|	KW_HANKANA	{ $$ = RK_HANKANA; }
|	KW_STRING	{ $$ = RK_STRING; }
|	KW_NUMBER	{ $$ = RK_NUMBER; }
|	KW_DATE		{ $$ = RK_DATE; }
|	KW_DATE8	{ $$ = RK_DATE8; }
|	KW_YEARMONTH	{ $$ = RK_YEARMONTH; }
|	KW_WAREKI	{ $$ = RK_WAREKI; }
|	KW_FLAG		{ $$ = RK_FLAG; }
|	KW_CODE		{ $$ = RK_CODE; }
|	KW_MYNUMBER	{ $$ = RK_MYNUMBER; }
|	KW_LGCODE	{ $$ = RK_LGCODE; }
|	KW_INSURER	{ $$ = RK_INSURER; }
;

attrs:
	%empty
		{ $$ = rk_build_attrs(p); }
|	attrs KW_REQUIRED
		{ $$ = $1; rk_build_required(p, $$, &@2); }
|	attrs '[' INT DOTDOT bound ']'
		{ $$ = $1; rk_build_occurs(p, $$, $3, $5, &@2); }
|	attrs KW_NOTE STRING
		{ $$ = $1; rk_build_note(p, $$, $3, &@2); }
|	attrs KW_FORMERLY name
		{ $$ = $1; rk_build_formerly(p, $$, $3, &@2); }
|	attrs KW_DEPRECATED
		{ $$ = $1; rk_build_deprecated(p, $$, &@2); }
|	attrs KW_ID STRING
		{ $$ = $1; rk_build_id(p, $$, $3, &@2); }
|	attrs KW_VERSION INT
		{ $$ = $1; rk_build_version(p, $$, $3, &@2); }
;

bound:
	INT
|	'*'	{ $$ = RK_UNBOUNDED; }
;

record:
	KW_RECORD name opt_label attrs '{' members '}'
		{ $$ = rk_build_record(p, $2, $3, &@3, $4, $6, &@7); }
|	KW_RECORD name opt_label attrs '{' members error '}'
		{ $$ = rk_build_record(p, $2, $3, &@3, $4, $6, &@8); }
;

members:
	%empty
		{ $$ = rk_build_body(); }
|	members item
		{ $$ = $1; rk_build_member($$, $2); }
|	members group
		{ $$ = $1; rk_build_member($$, $2); }
|	members KW_ID STRING ';'
		{ $$ = $1; rk_build_meta(p, $$, RK_META_ID, $3, &@2); }
|	members KW_DATASET STRING ';'
		{ $$ = $1; rk_build_meta(p, $$, RK_META_DATASET, $3, &@2); }
|	members KW_BASIS STRING ';'
		{ $$ = $1; rk_build_meta(p, $$, RK_META_BASIS, $3, &@2); }
|	members KW_RULE rule_tokens ';'
		{ $$ = $1;
		  rk_diag_error(p->diags, rk_loc_of(p, &@2),
				"rule declarations are planned but not supported yet");
		  p->errors++; }
|	members error ';'
		{ $$ = $1; yyerrok; }
;

/* Whatever a planned rule holds, up to its ';'. */
rule_tokens:
	%empty
|	rule_tokens rule_token
;

rule_token:
	IDENT | STRING | INT | DATE_LIT
|	'(' | ')' | ',' | '=' | '<' | '>' | '!' | '*' | DOTDOT
|	type_kw | KW_REQUIRED
;

/* An item whose ';' is missing ends there: the next line still parses. */
item:
	name opt_label ':' type attrs ';'
		{ $$ = rk_build_item(p, $1, $2, &@2, $4, $5, &@6); }
|	name opt_label ':' type attrs error
		{ $$ = rk_build_item(p, $1, $2, &@2, $4, $5, &@5); }
;

group_head:
	KW_GROUP name opt_label attrs '{'
		{
		  $$ = rk_build_group(p, $2, $3, &@3, $4);
		  if (++p->group_depth > RK_MAX_GROUP_DEPTH) {
			rk_diag_error(p->diags, rk_loc_of(p, &@1),
				      "groups nested more than %d levels deep",
				      RK_MAX_GROUP_DEPTH);
			p->errors++;
			YYABORT;
		  }
		}
;

group:
	group_head members '}'
		{ $$ = $1; p->group_depth--; rk_build_group_end(p, $$, $2, &@3); }
|	group_head members error '}'
		{ $$ = $1; p->group_depth--; rk_build_group_end(p, $$, $2, &@4); }
;

name:
	IDENT	{ $$.text = $1; $$.loc = rk_loc_of(p, &@1); }
;

%%

static void rk_yyerror(const rk_span *loc, struct rk_parser *p,
		       const char *msg)
{
	rk_diag_error(p->diags, rk_loc_of(p, loc), "%s", msg);
	p->errors++;
}

static bool is_keyword(yysymbol_kind_t k)
{
	return k >= YYSYMBOL_KW_REVISION && k <= YYSYMBOL_KW_INSURER;
}

static bool is_attribute(yysymbol_kind_t k)
{
	return k == YYSYMBOL_KW_REQUIRED || k == YYTRANSLATE('[') ||
	       k == YYSYMBOL_KW_NOTE || k == YYSYMBOL_KW_FORMERLY ||
	       k == YYSYMBOL_KW_DEPRECATED || k == YYSYMBOL_KW_ID ||
	       k == YYSYMBOL_KW_VERSION;
}

static bool is_member(yysymbol_kind_t k)
{
	return k == YYSYMBOL_IDENT || k == YYSYMBOL_KW_ID ||
	       k == YYSYMBOL_KW_DATASET || k == YYSYMBOL_KW_BASIS ||
	       k == YYSYMBOL_KW_RULE;
}

/*
 * What a message calls an expected token: the class it belongs to when the
 * whole class is expected (any type keyword or name: "a type"), else its
 * own name.  NULL for the end of file, which goes without saying.
 */
static const char *expected_name(yysymbol_kind_t k, const bool *expected)
{
	if (k == YYSYMBOL_YYEOF)
		return NULL;
	if (expected[YYSYMBOL_KW_DIGITS] &&
	    (k == YYSYMBOL_IDENT || (k >= YYSYMBOL_KW_DIGITS &&
				     k <= YYSYMBOL_KW_INSURER)))
		return "a type";
	if (expected[YYSYMBOL_KW_REQUIRED] && is_attribute(k))
		return "an attribute";
	if (expected[YYSYMBOL_KW_GROUP] && is_member(k))
		return "an item";
	return yysymbol_name(k);
}

static bool expects(const yypcontext_t *ctx, yysymbol_kind_t k)
{
	yysymbol_kind_t tokens[YYNTOKENS];
	int n = yypcontext_expected_tokens(ctx, tokens, YYNTOKENS);

	for (int i = 0; i < n; i++)
		if (tokens[i] == k)
			return true;
	return false;
}

/* Adds ", expecting A, B or C" when there are few enough to list. */
static void add_expected(struct rk_buf *msg, const yypcontext_t *ctx)
{
	enum { MAX_LISTED = 6 };
	yysymbol_kind_t tokens[YYNTOKENS];
	bool expected[YYNTOKENS] = { false };
	const char *names[MAX_LISTED + 1];
	int n = yypcontext_expected_tokens(ctx, tokens, YYNTOKENS), listed = 0;

	for (int i = 0; i < n; i++)
		expected[tokens[i]] = true;
	for (int i = 0; i < n && listed <= MAX_LISTED; i++) {
		const char *name = expected_name(tokens[i], expected);
		bool seen = !name;
		for (int j = 0; j < listed && !seen; j++)
			seen = names[j] == name;
		if (!seen)
			names[listed++] = name;
	}
	if (listed > MAX_LISTED)
		return;
	for (int i = 0; i < listed; i++) {
		rk_buf_adds(msg, i == 0 ? ", expecting " :
				 i + 1 == listed ? " or " : ", ");
		rk_buf_adds(msg, names[i]);
	}
}

/* An attribute where a type should be: the type was left out, rather than
 * a reserved word taken for a name. */
static bool type_forgotten(const yypcontext_t *ctx, yysymbol_kind_t found)
{
	return (is_attribute(found) || found == YYSYMBOL_KW_SIGNED) &&
	       expects(ctx, YYSYMBOL_KW_DIGITS);
}

/*
 * A statement (or a block's head) that could have ended where its line
 * did, followed by a line that cannot continue it: its ';' (or '{') is
 * missing, and the error belongs at the end of its line rather than at the
 * start of the next.
 */
static bool missing_at_eol(const yypcontext_t *ctx, struct rk_parser *p)
{
	const rk_span *at = yypcontext_location(ctx);
	const char *what = expects(ctx, YYTRANSLATE(';')) ? "';'" :
			   expects(ctx, YYTRANSLATE('{')) ? "'{'" : NULL;

	if (yypcontext_token(ctx) == YYSYMBOL_YYEOF || !what ||
	    at->first_line <= p->prev.last_line || p->prev.last_line == 0)
		return false;
	rk_span end = p->prev;
	end.first_line = end.last_line;
	end.first_column = end.last_column;
	rk_diag_error(p->diags, rk_loc_of(p, &end),
		      "syntax error: missing %s at the end of the line", what);
	return true;
}

/*
 * A declaration's keyword at the start of a line inside a block: the next
 * declaration, most likely, with the block's '}' forgotten before it
 * (indented, it is more likely a reserved word taken for a name).
 */
static bool block_left_open(const yypcontext_t *ctx, const struct rk_parser *p)
{
	yysymbol_kind_t k = yypcontext_token(ctx);

	return p->n_braces > 0 && yypcontext_location(ctx)->first_column == 1 &&
	       (k == YYSYMBOL_KW_REVISION || k == YYSYMBOL_KW_CODES ||
		k == YYSYMBOL_KW_TYPE || k == YYSYMBOL_KW_RECORD);
}

/*
 * Syntax errors say what was found and what would have been accepted, and
 * point out a reserved word used as a name, the likeliest cause.
 */
static int yyreport_syntax_error(const yypcontext_t *ctx,
				 struct rk_parser *p)
{
	yysymbol_kind_t found = yypcontext_token(ctx);
	struct rk_buf msg;

	p->errors++;
	if (p->quiet)
		return 0;
	if (missing_at_eol(ctx, p))
		return 0;
	rk_buf_init(&msg);
	rk_buf_addf(&msg, "syntax error: unexpected %s", yysymbol_name(found));
	add_expected(&msg, ctx);
	if (is_keyword(found) && expects(ctx, YYSYMBOL_IDENT) &&
	    !type_forgotten(ctx, found) && !block_left_open(ctx, p))
		rk_buf_addf(&msg, " (%s is a reserved word and cannot be a name)",
			    yysymbol_name(found));
	else if (found == YYSYMBOL_INT && expects(ctx, YYSYMBOL_DATE_LIT))
		rk_buf_adds(&msg, " (a date is written YYYY-MM-DD)");
	rk_diag_error(p->diags, rk_loc_of(p, yypcontext_location(ctx)), "%s",
		      msg.s);
	/* Recovery skips the rest of the statement: stray characters in it
	 * are part of the same mistake. */
	p->quiet = true;
	/* At the end of the file, or at a declaration inside a block, the
	 * block's '}' is most likely missing. */
	if (found == YYSYMBOL_YYEOF && p->n_braces > 0)
		rk_diag_note(p->diags,
			     rk_loc_of(p, &p->braces[p->n_braces - 1]),
			     "this '{' is not closed");
	else if (block_left_open(ctx, p))
		rk_diag_note(p->diags,
			     rk_loc_of(p, &p->braces[p->n_braces - 1]),
			     "inside the block opened here: is its '}' missing?");
	rk_buf_release(&msg);
	return 0;
}

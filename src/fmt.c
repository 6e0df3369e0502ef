/*
 * fmt.c: printing a parsed file back as canonical layout source.
 *
 * The canonical form: two spaces of indentation per level; one statement a
 * line; attributes in a fixed order (required, occurrence, id, version,
 * formerly, deprecated, note); a record's id, dataset and basis first;
 * consecutive items and code values aligned in columns (by display width,
 * so Japanese labels line up in a terminal); single blank lines kept where
 * the source had blank lines, and one between top-level blocks.  Comments
 * are kept: each goes back before the statement that followed it, or after
 * the statement whose line it ended.
 */
#include "fmt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

struct printer {
	struct rk_buf out;
	const struct rk_file *file;
	size_t next_comment;
	uint32_t last_line;          /* source line of the last thing printed */
	int block_has_content;       /* something printed in the current block */
	int force_blank;             /* a blank line before what comes next */
	bool *taken;                 /* comments printed out of source order */
};

static void indent(struct printer *p, int level)
{
	rk_buf_pad(&p->out, (size_t)level * 2);
}

static void add_string(struct rk_buf *b, const char *s)
{
	rk_buf_addc(b, '"');
	for (; *s; s++) {
		switch (*s) {
		case '"': rk_buf_adds(b, "\\\""); break;
		case '\\': rk_buf_adds(b, "\\\\"); break;
		case '\n': rk_buf_adds(b, "\\n"); break;
		case '\t': rk_buf_adds(b, "\\t"); break;
		default: rk_buf_addc(b, *s);
		}
	}
	rk_buf_addc(b, '"');
}

/*
 * Whether the source has a blank line between lines AFTER and BEFORE.
 * What else lies between is printed elsewhere (a statement moved ahead,
 * the rest of a statement spanning lines) and separates nothing.
 */
static int gap(const struct printer *p, uint32_t after, uint32_t before)
{
	for (uint32_t l = after + 1; l < before; l++) {
		size_t len, k = 0;
		const char *s = rk_source_line(p->file->src, l, &len);
		while (s && k < len && (s[k] == ' ' || s[k] == '\t'))
			k++;
		if (s && k == len)
			return 1;
	}
	return 0;
}

/* Keeps one blank line where the source had one or more. */
static void separate(struct printer *p, uint32_t line)
{
	if (p->block_has_content && (p->force_blank || gap(p, p->last_line, line)))
		rk_buf_addc(&p->out, '\n');
	p->force_blank = 0;
}

/* The first comment in source order not printed yet, or NULL. */
static const struct rk_comment *peek_comment(struct printer *p)
{
	const struct rk_file *f = p->file;

	while (p->next_comment < f->n_comments && p->taken[p->next_comment])
		p->next_comment++;
	return p->next_comment < f->n_comments ?
	       &f->comments[p->next_comment] : NULL;
}

static void print_comment(struct printer *p, const struct rk_comment *c,
			  int level)
{
	separate(p, c->line);
	indent(p, level);
	rk_buf_adds(&p->out, c->text);
	rk_buf_addc(&p->out, '\n');
	p->last_line = c->line;
	p->block_has_content = 1;
}

static void comments_before(struct printer *p, uint32_t line, int level)
{
	const struct rk_comment *c;

	while ((c = peek_comment(p)) && c->line < line) {
		p->next_comment++;
		print_comment(p, c, level);
	}
}

/*
 * Ends a printed line with the comments of the source lines FIRST to LAST
 * that it was printed from (more than one only when a statement spanned
 * lines with comments between its parts).
 */
static void end_line(struct printer *p, uint32_t first, uint32_t last)
{
	const struct rk_comment *c;

	while ((c = peek_comment(p)) && c->line >= first && c->line <= last) {
		p->next_comment++;
		rk_buf_addc(&p->out, ' ');
		rk_buf_adds(&p->out, c->text);
	}
	rk_buf_addc(&p->out, '\n');
	if (last > p->last_line)
		p->last_line = last;
	p->block_has_content = 1;
}

/* Starts a statement at source line LINE: its comments, a blank line. */
static void begin(struct printer *p, uint32_t line, int level)
{
	comments_before(p, line, level);
	separate(p, line);
	indent(p, level);
}

static void type_text(struct rk_buf *b, const struct rk_typeref *t)
{
	if (!t->builtin) {
		rk_buf_adds(b, t->name.text);
	} else {
		rk_buf_adds(b, rk_kind_name(t->kind));
		if (t->name.text)
			rk_buf_addf(b, "(%s)", t->name.text);
		else if (t->n_args == 1)
			rk_buf_addf(b, "(%llu)", (unsigned long long)t->args[0]);
		else if (t->n_args == 2)
			rk_buf_addf(b, t->range ? "(%llu..%llu)" : "(%llu,%llu)",
				    (unsigned long long)t->args[0],
				    (unsigned long long)t->args[1]);
	}
	if (t->is_signed)
		rk_buf_adds(b, " signed");
}

static void attr_sep(struct rk_buf *b)
{
	if (b->len)
		rk_buf_addc(b, ' ');
}

static void attrs_text(struct rk_buf *b, const struct rk_attrs *a)
{
	if (a->required) {
		attr_sep(b);
		rk_buf_adds(b, "required");
	}
	if (a->has_occurs) {
		attr_sep(b);
		rk_buf_addf(b, "[%llu..", (unsigned long long)a->min);
		if (a->max == RK_UNBOUNDED)
			rk_buf_adds(b, "*]");
		else
			rk_buf_addf(b, "%llu]", (unsigned long long)a->max);
	}
	if (a->id) {
		attr_sep(b);
		rk_buf_adds(b, "id ");
		add_string(b, a->id);
	}
	if (a->has_version) {
		attr_sep(b);
		rk_buf_addf(b, "version %llu", (unsigned long long)a->version);
	}
	if (a->formerly.text) {
		attr_sep(b);
		rk_buf_addf(b, "formerly %s", a->formerly.text);
	}
	if (a->deprecated) {
		attr_sep(b);
		rk_buf_adds(b, "deprecated");
	}
	if (a->note) {
		attr_sep(b);
		rk_buf_adds(b, "note ");
		add_string(b, a->note);
	}
}

/* A line split into columns, padded to the widest of its run. */
#define N_COLS 4
struct row {
	struct rk_buf col[N_COLS];
};

static void row_release(struct row *r)
{
	for (int i = 0; i < N_COLS; i++)
		rk_buf_release(&r->col[i]);
}

static size_t width(const struct rk_buf *b)
{
	return rk_display_width_str(b->s ? b->s : "", b->len);
}

/*
 * Prints a run of rows with their columns aligned; a column is padded only
 * when something follows it on its line.  LINES and ENDS give each row's
 * first and last source line; SEPS what goes before each column after the
 * first.
 */
static void print_rows(struct printer *p, struct row *rows,
		       const uint32_t *lines, const uint32_t *ends, size_t n,
		       int level, const char *const seps[N_COLS])
{
	size_t w[N_COLS] = { 0 };

	for (size_t i = 0; i < n; i++)
		for (int k = 0; k < N_COLS; k++)
			if (width(&rows[i].col[k]) > w[k])
				w[k] = width(&rows[i].col[k]);
	for (size_t i = 0; i < n; i++) {
		int last = N_COLS - 1;
		while (last > 0 && rows[i].col[last].len == 0)
			last--;
		begin(p, lines[i], level);
		for (int k = 0; k <= last; k++) {
			if (k > 0)
				rk_buf_adds(&p->out, seps[k]);
			if (rows[i].col[k].len)
				rk_buf_add(&p->out, rows[i].col[k].s,
					   rows[i].col[k].len);
			if (k < last)
				rk_buf_pad(&p->out, w[k] - width(&rows[i].col[k]));
		}
		rk_buf_addc(&p->out, ';');
		end_line(p, lines[i], ends[i]);
	}
}

/* print_rows, then frees the rows and their line arrays. */
static void print_rows_free(struct printer *p, struct row *rows,
			    uint32_t *lines, uint32_t *ends, size_t n, int level,
			    const char *const seps[N_COLS])
{
	print_rows(p, rows, lines, ends, n, level, seps);
	for (size_t i = 0; i < n; i++)
		row_release(&rows[i]);
	free(rows);
	free(lines);
	free(ends);
}

static int comment_between(const struct printer *p, uint32_t after,
			   uint32_t before)
{
	const struct rk_file *f = p->file;
	for (size_t i = p->next_comment; i < f->n_comments; i++) {
		if (f->comments[i].line >= before)
			break;
		if (f->comments[i].line > after && !p->taken[i])
			return 1;
	}
	return 0;
}

static void print_nodes(struct printer *p, struct rk_node **v, size_t n,
			int level);

static void item_row(struct row *r, const struct rk_node *it)
{
	rk_buf_adds(&r->col[0], it->name.text);
	if (it->label)
		add_string(&r->col[1], it->label);
	rk_buf_adds(&r->col[2], ": ");
	type_text(&r->col[2], it->type);
	attrs_text(&r->col[3], &it->attrs);
}

/*
 * Items on consecutive lines (or on one line: they will not be once
 * printed), with no comment between, align together.
 */
static size_t print_item_run(struct printer *p, struct rk_node **v, size_t n,
			     int level)
{
	static const char *const seps[N_COLS] = { "", " ", " ", " " };
	size_t count = 1;

	while (count < n && v[count]->kind == RK_ITEM &&
	       !gap(p, v[count - 1]->end_line, v[count]->name.loc.line) &&
	       !comment_between(p, v[count - 1]->end_line,
				v[count]->name.loc.line))
		count++;
	struct row *rows = rk_xcalloc(count, sizeof(*rows));
	uint32_t *lines = rk_xcalloc(count, sizeof(*lines));
	uint32_t *ends = rk_xcalloc(count, sizeof(*ends));
	for (size_t i = 0; i < count; i++) {
		item_row(&rows[i], v[i]);
		lines[i] = v[i]->name.loc.line;
		ends[i] = v[i]->end_line;
	}
	print_rows_free(p, rows, lines, ends, count, level, seps);
	return count;
}

static void close_block(struct printer *p, uint32_t line, int level)
{
	comments_before(p, line, level + 1);
	indent(p, level);
	rk_buf_addc(&p->out, '}');
	end_line(p, line, line);
}

static void block_head(struct printer *p, const char *keyword,
		       const struct rk_name *name, const char *label,
		       const struct rk_attrs *attrs, int level)
{
	struct rk_buf a;

	begin(p, name->loc.line, level);
	rk_buf_addf(&p->out, "%s %s", keyword, name->text);
	if (label) {
		rk_buf_addc(&p->out, ' ');
		add_string(&p->out, label);
	}
	rk_buf_init(&a);
	attrs_text(&a, attrs);
	if (a.len) {
		rk_buf_addc(&p->out, ' ');
		rk_buf_add(&p->out, a.s, a.len);
	}
	rk_buf_release(&a);
	rk_buf_adds(&p->out, " {");
	end_line(p, name->loc.line, name->loc.line);
	p->block_has_content = 0;
}

static void print_group(struct printer *p, const struct rk_node *g, int level)
{
	block_head(p, "group", &g->name, g->label, &g->attrs, level);
	print_nodes(p, g->children, g->n_children, level + 1);
	close_block(p, g->end_line, level);
}

static void print_nodes(struct printer *p, struct rk_node **v, size_t n,
			int level)
{
	for (size_t i = 0; i < n;) {
		if (v[i]->kind == RK_GROUP) {
			print_group(p, v[i], level);
			i++;
		} else {
			i += print_item_run(p, v + i, n - i, level);
		}
	}
}

/* Keyword-and-value statements, their values aligned. */
struct stmt {
	const char *keyword;
	struct rk_buf value;
	uint32_t line;
};

/* The comment not printed yet on source line LINE, or NULL. */
static const struct rk_comment *comment_on(const struct printer *p,
					   uint32_t line)
{
	const struct rk_file *f = p->file;

	for (size_t i = p->next_comment;
	     i < f->n_comments && f->comments[i].line <= line; i++)
		if (f->comments[i].line == line && !p->taken[i])
			return &f->comments[i];
	return NULL;
}

/* Whether comment C is alone on its line, only blanks before it. */
static int standalone(const struct printer *p, const struct rk_comment *c)
{
	size_t len;
	const char *s = rk_source_line(p->file->src, c->line, &len);

	for (size_t k = 0; s && k + 1 < c->col && k < len; k++)
		if (s[k] != ' ' && s[k] != '\t')
			return 0;
	return 1;
}

/*
 * The first of the lines right above LINE that hold a comment alone, or
 * LINE when there are none: where what belongs to LINE's statement starts.
 */
static uint32_t above_top(const struct printer *p, uint32_t line)
{
	const struct rk_comment *c;

	while (line > 1 && (c = comment_on(p, line - 1)) && standalone(p, c))
		line--;
	return line;
}

/* Prints the comments alone on the lines right above LINE. */
static void comments_above(struct printer *p, uint32_t line, int level)
{
	for (uint32_t l = above_top(p, line); l < line; l++) {
		const struct rk_comment *c = comment_on(p, l);
		p->taken[c - p->file->comments] = true;
		print_comment(p, c, level);
	}
}

/*
 * Prints keyword statements in the fixed order of S, which need not be
 * their source order: each takes along the comments right above it and
 * the one that ends its line, after the comments that come before every
 * statement still to print and before source line LIMIT.  A statement
 * from LIMIT on is printed ahead of where it stands, with no blank line
 * inside what it takes along, and leaves last_line where it was: what it
 * leaves behind closes up as if it had never been there (see gap).
 */
static void print_stmts(struct printer *p, struct stmt *s, size_t n,
			int level, uint32_t limit)
{
	uint32_t high = p->last_line;
	size_t w = 0;

	for (size_t i = 0; i < n; i++)
		if (s[i].value.s && strlen(s[i].keyword) > w)
			w = strlen(s[i].keyword);
	for (size_t i = 0; i < n; i++) {
		if (!s[i].value.s)
			continue;
		uint32_t bound = limit;
		for (size_t j = i; j < n; j++)
			if (s[j].value.s && above_top(p, s[j].line) < bound)
				bound = above_top(p, s[j].line);
		comments_before(p, bound, level);
		uint32_t before = p->last_line;
		int ahead = s[i].line >= limit;
		/* No blank line inside what moves along with it. */
		if (ahead)
			p->last_line = above_top(p, s[i].line) - 1;
		comments_above(p, s[i].line, level);
		if (!ahead)
			separate(p, s[i].line);
		indent(p, level);
		rk_buf_adds(&p->out, s[i].keyword);
		rk_buf_pad(&p->out, w - strlen(s[i].keyword) + 1);
		rk_buf_add(&p->out, s[i].value.s, s[i].value.len);
		rk_buf_addc(&p->out, ';');
		const struct rk_comment *c = comment_on(p, s[i].line);
		if (c) {
			p->taken[c - p->file->comments] = true;
			rk_buf_addc(&p->out, ' ');
			rk_buf_adds(&p->out, c->text);
		}
		end_line(p, s[i].line, s[i].line);
		rk_buf_release(&s[i].value);
		if (ahead)
			p->last_line = before;
		else if (p->last_line > high)
			high = p->last_line;
	}
	/* What follows comes after the last of them in place. */
	p->last_line = high;
}

static void set_stmt(struct stmt *s, const char *keyword, const char *str,
		     uint32_t line)
{
	s->keyword = keyword;
	rk_buf_init(&s->value);
	s->line = line;
	if (str)
		add_string(&s->value, str);
}

static void print_record(struct printer *p, const struct rk_record *r)
{
	struct stmt meta[3];

	block_head(p, "record", &r->name, r->label, &r->attrs, 0);
	set_stmt(&meta[0], "id", r->id, r->id_loc.line);
	set_stmt(&meta[1], "dataset", r->dataset, r->dataset_loc.line);
	set_stmt(&meta[2], "basis", r->basis, r->basis_loc.line);
	print_stmts(p, meta, 3, 1, r->n_children ?
		    above_top(p, r->children[0]->name.loc.line) : r->end_line);
	print_nodes(p, r->children, r->n_children, 1);
	close_block(p, r->end_line, 0);
}

static void print_header(struct printer *p, const struct rk_header *h)
{
	struct stmt s[3];
	struct rk_attrs none;

	memset(&none, 0, sizeof(none));
	block_head(p, "revision", &h->name, NULL, &none, 0);
	set_stmt(&s[0], "title", h->title, h->title_loc.line);
	set_stmt(&s[1], "released", NULL, h->released_loc.line);
	if (h->has_released)
		rk_buf_addf(&s[1].value, "%04d-%02d-%02d", h->released.year,
			    h->released.month, h->released.day);
	set_stmt(&s[2], "previous", NULL, h->previous.loc.line);
	if (h->previous.text)
		rk_buf_adds(&s[2].value, h->previous.text);
	print_stmts(p, s, 3, 1, h->end_line);
	close_block(p, h->end_line, 0);
}

static size_t print_value_run(struct printer *p, const struct rk_codes *c,
			      size_t from)
{
	static const char *const seps[N_COLS] = { "", " ", " ", " " };
	const struct rk_code_value *v = c->values + from;
	size_t n = c->n_values - from, count = 1;

	while (count < n && !gap(p, v[count - 1].end_line, v[count].loc.line) &&
	       !comment_between(p, v[count - 1].end_line, v[count].loc.line))
		count++;
	struct row *rows = rk_xcalloc(count, sizeof(*rows));
	uint32_t *lines = rk_xcalloc(count, sizeof(*lines));
	uint32_t *ends = rk_xcalloc(count, sizeof(*ends));
	for (size_t i = 0; i < count; i++) {
		add_string(&rows[i].col[0], v[i].value);
		if (v[i].symbol.text)
			rk_buf_adds(&rows[i].col[1], v[i].symbol.text);
		if (v[i].label)
			add_string(&rows[i].col[2], v[i].label);
		attrs_text(&rows[i].col[3], &v[i].attrs);
		lines[i] = v[i].loc.line;
		ends[i] = v[i].end_line;
	}
	print_rows_free(p, rows, lines, ends, count, 1, seps);
	return count;
}

static void print_codes(struct printer *p, const struct rk_codes *c)
{
	block_head(p, "codes", &c->name, c->label, &c->attrs, 0);
	for (size_t i = 0; i < c->n_values;)
		i += print_value_run(p, c, i);
	close_block(p, c->end_line, 0);
}

/* Named types on consecutive lines align their '='. */
static size_t print_type_run(struct printer *p, const struct rk_decl *d,
			     size_t n)
{
	size_t count = 1, w = 0;

	while (count < n && d[count].kind == RK_DECL_TYPE &&
	       !gap(p, d[count - 1].u.type->end_line,
		    d[count].u.type->name.loc.line) &&
	       !comment_between(p, d[count - 1].u.type->end_line,
				d[count].u.type->name.loc.line))
		count++;
	for (size_t i = 0; i < count; i++)
		if (strlen(d[i].u.type->name.text) > w)
			w = strlen(d[i].u.type->name.text);
	for (size_t i = 0; i < count; i++) {
		const struct rk_typedef *t = d[i].u.type;
		begin(p, t->name.loc.line, 0);
		rk_buf_addf(&p->out, "type %s", t->name.text);
		rk_buf_pad(&p->out, w - strlen(t->name.text));
		rk_buf_adds(&p->out, " = ");
		type_text(&p->out, t->type);
		rk_buf_addc(&p->out, ';');
		end_line(p, t->name.loc.line, t->end_line);
	}
	return count;
}

char *rk_fmt_file(const struct rk_file *file)
{
	struct printer p;

	memset(&p, 0, sizeof(p));
	rk_buf_init(&p.out);
	p.file = file;
	p.taken = rk_xcalloc(file->n_comments, sizeof(*p.taken));
	for (size_t i = 0; i < file->n_decls;) {
		const struct rk_decl *d = &file->decls[i];
		/* Blocks stand apart from their neighbours. */
		if (i > 0 && (d->kind != RK_DECL_TYPE ||
			      file->decls[i - 1].kind != RK_DECL_TYPE))
			p.force_blank = 1;
		switch (d->kind) {
		case RK_DECL_HEADER: print_header(&p, d->u.header); i++; break;
		case RK_DECL_CODES: print_codes(&p, d->u.codes); i++; break;
		case RK_DECL_RECORD: print_record(&p, d->u.record); i++; break;
		case RK_DECL_TYPE:
			i += print_type_run(&p, d, file->n_decls - i);
			break;
		}
	}
	comments_before(&p, UINT32_MAX, 0);
	free(p.taken);
	return rk_buf_detach(&p.out);
}

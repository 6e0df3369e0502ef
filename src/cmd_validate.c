/*
 * cmd_validate.c: `renkei validate`, payloads checked against their layout.
 *
 * The layout is one revision (-l) or a directory of revisions (--layouts),
 * each loaded the first time a payload names it.  Files are validated by a
 * pool of -j workers, each streaming its own files through
 * rk_validate_stream; the main thread writes each result to the report as
 * soon as every file before it is written, so the report is in input order
 * whatever the number of workers.  On a terminal, a thread redraws a
 * progress line on stderr a few times a second.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "cli.h"
#include "util.h"
#include "validate.h"
#include "vreport.h"

const char rk_validate_help[] =
	"usage: renkei validate (-l DIR | --layouts DIR) [OPTIONS] FILE...\n"
	"\n"
	"Validates payloads (the XML, YAML or JSON records of one revision of a\n"
	"data standard layout) and reports every error with its file:line:col,\n"
	"record, item path, official label, rule id, and what was expected\n"
	"against what was found.  FILE '-' is the standard input.  The report\n"
	"goes to standard output, the closing summary (and, on a terminal, a\n"
	"progress line) to standard error.  --max-errors counts per file.\n"
	"\n"
	"options:\n"
	"  -l, --layout=DIR   validate against the revision in DIR\n"
	"  --layouts=DIR      each subdirectory of DIR is a revision: validate each\n"
	"                     payload against the one its 'revision' names\n"
	"  --format=FORMAT    the report: text (the default), json, junit, sarif\n"
	"  --input-format=F   the payloads: auto (the default: by extension, else\n"
	"                     by content), xml, yaml (JSON is read as YAML)\n"
	"  -o, --output=FILE  write the report to FILE, not standard output\n"
	"  -j, --jobs=N       validate N files at a time (the report keeps the\n"
	"                     order of the files given)\n"
	"  --list-rules       list the rule ids that errors carry, and exit\n"
	RK_CLI_OPTIONS_HELP
	"\n"
	"Exit status: 0 every file valid, 1 some file invalid, 2 the tool could\n"
	"not do its job (usage, a layout with errors, a file that could not be\n"
	"read).\n";

#define MAX_JOBS 256

/* ---- the revisions (--layouts) ---------------------------------------- */

struct revdir {
	char *path;                  /* DIR/sub */
	const char *base;            /* sub */
	bool tried;
	struct rk_revision *rev;
	struct rk_schema *schema;
};

struct revs {
	const struct rk_cli *cli;
	pthread_mutex_t lock;
	pthread_mutex_t *term;       /* held while loading prints diagnostics */
	void (*clear)(void *);       /* clears the progress line */
	void *clear_data;
	struct revdir *dirs;
	size_t n;
	bool broken;                 /* a revision could not be loaded */
	struct rk_revision *one;     /* -l */
	struct rk_schema *one_schema;
};

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct revdir *)a)->base,
		      ((const struct revdir *)b)->base);
}

/* Lists the subdirectories of DIR (not loaded yet); -1 when none. */
static int revs_scan(struct revs *v, const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	size_t cap = 0;

	if (!d) {
		fprintf(stderr, "renkei validate: cannot open %s: %s\n", dir,
			strerror(errno));
		return -1;
	}
	while ((de = readdir(d))) {
		struct rk_buf b;
		struct stat st;
		if (de->d_name[0] == '.')
			continue;
		rk_buf_init(&b);
		rk_buf_addf(&b, "%s/%s", dir, de->d_name);
		if (stat(b.s, &st) != 0 || !S_ISDIR(st.st_mode)) {
			rk_buf_release(&b);
			continue;
		}
		RK_GROW(v->dirs, v->n, cap);
		struct revdir *rd = &v->dirs[v->n++];
		memset(rd, 0, sizeof(*rd));
		rd->path = rk_buf_detach(&b);
		rd->base = rd->path + strlen(dir) + 1;
	}
	closedir(d);
	if (v->n == 0) {
		fprintf(stderr, "renkei validate: no revision directories in %s\n",
			dir);
		return -1;
	}
	qsort(v->dirs, v->n, sizeof(*v->dirs), by_name);
	return 0;
}

/* Loads and compiles one revision; -1 (and v->broken) when it has errors. */
static int load_revision(struct revs *v, const char *path,
			 struct rk_revision **rev, struct rk_schema **schema)
{
	char *paths[] = { (char *)path };
	int st = rk_cli_load(v->cli, paths, 1, true, rev);

	if (st != RK_EXIT_OK) {
		if (st == RK_EXIT_INVALID)
			fprintf(stderr, "renkei validate: the layout in %s has errors\n",
				path);
		rk_revision_free(*rev);
		*rev = NULL;
		v->broken = true;
		return -1;
	}
	*schema = rk_schema_new(*rev);
	return 0;
}

static void revdir_load(struct revs *v, struct revdir *rd)
{
	rd->tried = true;
	pthread_mutex_lock(v->term);
	if (v->clear)
		v->clear(v->clear_data);
	load_revision(v, rd->path, &rd->rev, &rd->schema);
	pthread_mutex_unlock(v->term);
}

static bool revdir_is(const struct revdir *rd, const char *revision)
{
	const char *name = rd->rev ? rk_revision_name(rd->rev) : NULL;
	return rd->schema && name && strcmp(name, revision) == 0;
}

/*
 * The schema of REVISION: the subdirectory named like it if it holds it
 * (the usual layout, layouts/R06), else the first subdirectory, in name
 * order, whose revision header names it.
 */
static const struct rk_schema *revs_lookup(const char *revision, void *data)
{
	struct revs *v = data;
	const struct rk_schema *found = NULL;

	if (!revision)
		return NULL;
	pthread_mutex_lock(&v->lock);
	for (size_t i = 0; i < v->n; i++)
		if (!v->dirs[i].tried && strcmp(v->dirs[i].base, revision) == 0)
			revdir_load(v, &v->dirs[i]);
	for (size_t i = 0; i < v->n && !found; i++)
		if (revdir_is(&v->dirs[i], revision))
			found = v->dirs[i].schema;
	for (size_t i = 0; i < v->n && !found; i++) {
		if (v->dirs[i].tried)
			continue;
		revdir_load(v, &v->dirs[i]);
		if (revdir_is(&v->dirs[i], revision))
			found = v->dirs[i].schema;
	}
	pthread_mutex_unlock(&v->lock);
	return found;
}

static void revs_release(struct revs *v)
{
	for (size_t i = 0; i < v->n; i++) {
		rk_schema_free(v->dirs[i].schema);
		rk_revision_free(v->dirs[i].rev);
		free(v->dirs[i].path);
	}
	free(v->dirs);
	rk_schema_free(v->one_schema);
	rk_revision_free(v->one);
	pthread_mutex_destroy(&v->lock);
}

/* ---- progress --------------------------------------------------------- */

struct progress {
	bool on;                     /* stderr is a terminal, not -q */
	pthread_mutex_t term;        /* the terminal: the line and the report */
	bool drawn;                  /* a progress line is showing */
	_Atomic uint64_t bytes;
	_Atomic size_t done;
	size_t files;
	struct timespec start;
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t wake;
	bool stop;
};

static double seconds_since(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) +
	       (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

/* Clears the progress line; the caller holds p->term. */
static void progress_clear(void *data)
{
	struct progress *p = data;

	if (p->drawn) {
		fputs("\r\033[K", stderr);
		fflush(stderr);
		p->drawn = false;
	}
}

static void progress_draw(struct progress *p)
{
	double s = seconds_since(&p->start);
	double mb = (double)atomic_load(&p->bytes) / 1e6;

	pthread_mutex_lock(&p->term);
	fprintf(stderr, "\r\033[Kvalidating: %zu/%zu files, %.1f MB, %.1f MB/s",
		atomic_load(&p->done), p->files, mb, s > 0 ? mb / s : 0.0);
	fflush(stderr);
	p->drawn = true;
	pthread_mutex_unlock(&p->term);
}

/* Redraws the line ten times a second, from the first half second on:
 * short runs show none. */
static void *progress_main(void *data)
{
	struct progress *p = data;

	pthread_mutex_lock(&p->lock);
	while (!p->stop) {
		struct timespec until;
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_nsec += 100000000L;
		if (until.tv_nsec >= 1000000000L) {
			until.tv_sec++;
			until.tv_nsec -= 1000000000L;
		}
		pthread_cond_timedwait(&p->wake, &p->lock, &until);
		if (!p->stop && seconds_since(&p->start) >= 0.5) {
			pthread_mutex_unlock(&p->lock);
			progress_draw(p);
			pthread_mutex_lock(&p->lock);
		}
	}
	pthread_mutex_unlock(&p->lock);
	return NULL;
}

static void progress_start(struct progress *p)
{
	pthread_mutex_init(&p->lock, NULL);
	pthread_cond_init(&p->wake, NULL);
	if (p->on && pthread_create(&p->thread, NULL, progress_main, p) != 0)
		p->on = false;
}

static void progress_stop(struct progress *p)
{
	if (p->on) {
		pthread_mutex_lock(&p->lock);
		p->stop = true;
		pthread_cond_signal(&p->wake);
		pthread_mutex_unlock(&p->lock);
		pthread_join(p->thread, NULL);
	}
	pthread_mutex_lock(&p->term);
	progress_clear(p);
	pthread_mutex_unlock(&p->term);
	pthread_cond_destroy(&p->wake);
	pthread_mutex_destroy(&p->lock);
}

/* ---- the files -------------------------------------------------------- */

struct job {
	const char *path;            /* "-": standard input */
	struct rk_vresult r;
	bool done;
	uint64_t seen;               /* bytes already counted in progress */
	struct run *run;
};

struct run {
	struct job *jobs;
	size_t n, next;
	pthread_mutex_t lock;
	pthread_cond_t done;
	struct rk_vopts opts;        /* without the progress callback */
	struct progress *progress;
};

static void job_progress(uint64_t bytes, void *data)
{
	struct job *job = data;

	if (bytes > job->seen) {
		atomic_fetch_add(&job->run->progress->bytes, bytes - job->seen);
		job->seen = bytes;
	}
}

/* Marks R unreadable, with an error saying why. */
static void fail(struct run *run, struct rk_vresult *r, const char *what,
		 int errnum)
{
	struct rk_buf b;

	rk_buf_init(&b);
	pthread_mutex_lock(&run->lock);      /* strerror is not thread-safe */
	rk_buf_addf(&b, "%s: %s", what, strerror(errnum));
	pthread_mutex_unlock(&run->lock);
	r->failed = true;
	r->total_errors++;
	RK_GROW(r->errors, r->n_errors, r->cap_errors);
	memset(&r->errors[r->n_errors], 0, sizeof(*r->errors));
	r->errors[r->n_errors].rule = "payload.read";
	r->errors[r->n_errors++].message = rk_buf_detach(&b);
}

static void validate_one(struct run *run, struct job *job)
{
	struct rk_vopts opts = run->opts;
	bool is_stdin = strcmp(job->path, "-") == 0;
	struct stat st;
	FILE *in = stdin;

	opts.progress = job_progress;
	opts.progress_data = job;
	if (!is_stdin) {
		if (stat(job->path, &st) == 0 && S_ISDIR(st.st_mode)) {
			fail(run, &job->r, "cannot read", EISDIR);
			return;
		}
		in = fopen(job->path, "rb");
		if (!in) {
			fail(run, &job->r, "cannot open", errno);
			return;
		}
	}
	rk_validate_stream(in, &opts, &job->r);
	job_progress(job->r.bytes, job);
	if (!is_stdin)
		fclose(in);
}

static void *worker_main(void *data)
{
	struct run *run = data;

	for (;;) {
		pthread_mutex_lock(&run->lock);
		if (run->next >= run->n) {
			pthread_mutex_unlock(&run->lock);
			return NULL;
		}
		struct job *job = &run->jobs[run->next++];
		pthread_mutex_unlock(&run->lock);
		validate_one(run, job);
		atomic_fetch_add(&run->progress->done, 1);
		pthread_mutex_lock(&run->lock);
		job->done = true;
		pthread_cond_broadcast(&run->done);
		pthread_mutex_unlock(&run->lock);
	}
}

/* Writes one finished job to the report, clearing the progress line when
 * the report goes to the terminal it is on. */
static void report_job(struct rk_report *rep, struct progress *p,
		       struct job *job)
{
	pthread_mutex_lock(&p->term);
	progress_clear(p);
	rk_report_add(rep, &job->r);
	fflush(rep->out);
	pthread_mutex_unlock(&p->term);
	rk_vresult_release(&job->r);
}

/* Validates every job with JOBS workers, reporting in order; returns the
 * worst exit status. */
static int run_all(struct run *run, size_t jobs, struct rk_report *rep)
{
	pthread_t threads[MAX_JOBS];
	size_t started = 0;
	int worst = RK_EXIT_OK;

	if (jobs > run->n)
		jobs = run->n;
	/* libxml2 sets up its global state on first use, which is not
	 * thread-safe: do it here, before any worker can. */
	if (jobs > 1)
		xmlInitParser();
	for (; jobs > 1 && started < jobs; started++)
		if (pthread_create(&threads[started], NULL, worker_main, run))
			break;
	for (size_t i = 0; i < run->n; i++) {
		struct job *job = &run->jobs[i];
		if (started == 0) {
			validate_one(run, job);
			atomic_fetch_add(&run->progress->done, 1);
		} else {
			pthread_mutex_lock(&run->lock);
			while (!job->done)
				pthread_cond_wait(&run->done, &run->lock);
			pthread_mutex_unlock(&run->lock);
		}
		int st = job->r.failed ? RK_EXIT_FAILURE :
			 rk_vresult_valid(&job->r) ? RK_EXIT_OK : RK_EXIT_INVALID;
		if (st > worst)
			worst = st;
		report_job(rep, run->progress, job);
	}
	for (size_t t = 0; t < started; t++)
		pthread_join(threads[t], NULL);
	return worst;
}

/* ---- options ---------------------------------------------------------- */

struct vargs {
	struct rk_cli cli;
	const char *layout, *layouts, *output, *color;
	enum rk_report_format format;
	enum rk_payload_format input;
	size_t jobs;
	bool list_rules;
};

enum {
	OPT_LAYOUTS = RK_OPT_FIRST_FREE,
	OPT_FORMAT,
	OPT_INPUT_FORMAT,
	OPT_LIST_RULES
};

static int parse_jobs(const char *arg, size_t *jobs)
{
	char *end;
	unsigned long n = strtoul(arg, &end, 10);

	if (!arg[0] || *end || arg[0] == '-' || n < 1 || n > MAX_JOBS) {
		fprintf(stderr, "renkei validate: -j takes a number from 1 to %d, not '%s'\n",
			MAX_JOBS, arg);
		return -1;
	}
	*jobs = n;
	return 0;
}

static int parse_input_format(const char *arg, enum rk_payload_format *f)
{
	if (strcmp(arg, "auto") == 0)
		*f = RK_PAYLOAD_AUTO;
	else if (strcmp(arg, "xml") == 0)
		*f = RK_PAYLOAD_XML;
	else if (strcmp(arg, "yaml") == 0 || strcmp(arg, "json") == 0)
		*f = RK_PAYLOAD_YAML;
	else {
		fprintf(stderr, "renkei validate: --input-format takes auto, xml or yaml, not '%s'\n",
			arg);
		return -1;
	}
	return 0;
}

static int option(struct vargs *a, int opt, const char *arg)
{
	switch (opt) {
	case 'l':
		a->layout = arg;
		return 0;
	case OPT_LAYOUTS:
		a->layouts = arg;
		return 0;
	case 'o':
		a->output = arg;
		return 0;
	case 'j':
		return parse_jobs(arg, &a->jobs);
	case OPT_FORMAT:
		if (rk_report_format_parse(arg, &a->format) == 0)
			return 0;
		fprintf(stderr, "renkei validate: --format takes text, json, junit or sarif, not '%s'\n",
			arg);
		return -1;
	case OPT_INPUT_FORMAT:
		return parse_input_format(arg, &a->input);
	case OPT_LIST_RULES:
		a->list_rules = true;
		return 0;
	case RK_OPT_COLOR:
		a->color = arg;
		break;
	}
	return rk_cli_option(&a->cli, opt, arg, rk_validate_help) > 0 ? 0 : -1;
}

static int parse_args(struct vargs *a, int argc, char **argv)
{
	static const struct option options[] = {
		{ "layout", required_argument, NULL, 'l' },
		{ "layouts", required_argument, NULL, OPT_LAYOUTS },
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "input-format", required_argument, NULL, OPT_INPUT_FORMAT },
		{ "output", required_argument, NULL, 'o' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "list-rules", no_argument, NULL, OPT_LIST_RULES },
		RK_CLI_LONG_OPTIONS,
		{ NULL, 0, NULL, 0 }
	};
	int opt;

	memset(a, 0, sizeof(*a));
	rk_cli_init(&a->cli);
	a->jobs = 1;
	while ((opt = getopt_long(argc, argv, "l:o:j:qh", options, NULL)) != -1)
		if (option(a, opt, optarg) != 0)
			return -1;
	return 0;
}

/* Checks what the options say together; prints why not and returns -1. */
static int check_args(const struct vargs *a, char **files, size_t n)
{
	size_t stdin_uses = 0;

	if (!a->layout == !a->layouts) {
		fputs(a->layout ? "renkei validate: -l and --layouts exclude each other\n" :
		      "renkei validate: no layout given (-l LAYOUT or --layouts DIR)\n",
		      stderr);
		return -1;
	}
	if (n == 0) {
		fputs("renkei validate: no payload given\n", stderr);
		return -1;
	}
	for (size_t i = 0; i < n; i++)
		stdin_uses += strcmp(files[i], "-") == 0;
	if (stdin_uses > 1) {
		fputs("renkei validate: '-' (standard input) given more than once\n",
		      stderr);
		return -1;
	}
	return 0;
}

static void list_rules(void)
{
	for (int i = RK_RULE_OK + 1; i < RK_RULE_COUNT; i++) {
		const char *id = rk_rule_id((enum rk_rule)i);
		printf("%s\t%s\n", id, rk_vrule_describe(id) ?
		       rk_vrule_describe(id) : "(no description)");
	}
	for (size_t i = 0; rk_structure_rules[i]; i++) {
		const char *id = rk_structure_rules[i];
		printf("%s\t%s\n", id, rk_vrule_describe(id) ?
		       rk_vrule_describe(id) : "(no description)");
	}
}

/* ---- the command ------------------------------------------------------ */

static bool want_color(const struct vargs *a, FILE *out)
{
	const char *no_color = getenv("NO_COLOR");

	if (a->format != RK_REPORT_TEXT)
		return false;
	if (a->color && strcmp(a->color, "auto") != 0)
		return strcmp(a->color, "always") == 0;
	return isatty(fileno(out)) && !(no_color && no_color[0]);
}

/* Loads the layouts the options name into V; an exit status. */
static int load_layouts(const struct vargs *a, struct revs *v,
			struct progress *p)
{
	memset(v, 0, sizeof(*v));
	v->cli = &a->cli;
	v->term = &p->term;
	v->clear = progress_clear;
	v->clear_data = p;
	pthread_mutex_init(&v->lock, NULL);
	if (a->layouts)
		return revs_scan(v, a->layouts) == 0 ? RK_EXIT_OK : RK_EXIT_FAILURE;
	return load_revision(v, a->layout, &v->one, &v->one_schema) == 0 ?
	       RK_EXIT_OK : RK_EXIT_FAILURE;
}

static int validate_files(const struct vargs *a, struct revs *v,
			  struct progress *p, char **files, size_t n,
			  struct rk_report *rep)
{
	struct run run = { .n = n, .progress = p };
	int status;

	run.jobs = rk_xcalloc(n, sizeof(*run.jobs));
	for (size_t i = 0; i < n; i++) {
		run.jobs[i].path = files[i];
		run.jobs[i].run = &run;
		rk_vresult_init(&run.jobs[i].r,
				strcmp(files[i], "-") == 0 ? "<stdin>" : files[i],
				a->cli.max_errors);
	}
	run.opts.format = a->input;
	run.opts.schema = v->one_schema;
	if (!v->one_schema) {
		run.opts.lookup = revs_lookup;
		run.opts.lookup_data = v;
	}
	pthread_mutex_init(&run.lock, NULL);
	pthread_cond_init(&run.done, NULL);
	rk_report_begin(rep);
	progress_start(p);
	status = run_all(&run, a->jobs, rep);
	progress_stop(p);
	pthread_cond_destroy(&run.done);
	pthread_mutex_destroy(&run.lock);
	free(run.jobs);
	return status;
}

static FILE *open_output(const char *path)
{
	FILE *out;

	if (!path || strcmp(path, "-") == 0)
		return stdout;
	out = fopen(path, "w");
	if (!out)
		fprintf(stderr, "renkei validate: cannot create %s: %s\n", path,
			strerror(errno));
	return out;
}

static int close_output(FILE *out, const char *path, int write_status)
{
	int bad = write_status != 0;

	if (out != stdout)
		bad |= fclose(out) != 0;
	if (bad) {
		fprintf(stderr, "renkei validate: cannot write %s\n",
			path && out != stdout ? path : "the report");
		return RK_EXIT_FAILURE;
	}
	return RK_EXIT_OK;
}

int rk_cmd_validate(int argc, char **argv)
{
	struct vargs a;
	struct revs v;
	struct progress p = { 0 };
	struct rk_report rep;

	clock_gettime(CLOCK_MONOTONIC, &p.start);
	if (parse_args(&a, argc, argv) != 0)
		return rk_cli_usage_error("validate");
	if (a.list_rules) {
		list_rules();
		return RK_EXIT_OK;
	}
	char **files = argv + optind;
	size_t n = (size_t)(argc - optind);
	if (check_args(&a, files, n) != 0)
		return rk_cli_usage_error("validate");
	pthread_mutex_init(&p.term, NULL);
	p.files = n;
	p.on = !a.cli.quiet && isatty(STDERR_FILENO);
	int status = load_layouts(&a, &v, &p);
	FILE *out = status == RK_EXIT_OK ? open_output(a.output) : NULL;
	if (out) {
		rk_report_init(&rep, a.format, out);
		rep.color = want_color(&a, out);
		rep.verdicts = !a.cli.quiet;
		rep.rules = rk_structure_rules;
		status = validate_files(&a, &v, &p, files, n, &rep);
		int w = close_output(out, a.output, rk_report_end(&rep));
		if (w > status)
			status = w;
		if (!a.cli.quiet)
			rk_report_print_summary(&rep.totals,
						seconds_since(&p.start), stderr);
	} else {
		status = RK_EXIT_FAILURE;
	}
	if (v.broken)
		status = RK_EXIT_FAILURE;
	revs_release(&v);
	pthread_mutex_destroy(&p.term);
	return status;
}

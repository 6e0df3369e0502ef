/*
 * cmd_diff.c: `renkei diff OLD NEW`, what changed between two revisions
 * and what each change breaks.
 */
#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "cli.h"
#include "diff.h"
#include "load.h"
#include "report_diff.h"

const char rk_diff_help[] =
	"usage: renkei diff [OPTIONS] OLD NEW\n"
	"\n"
	"Compares two revisions of a layout (each a directory of *.layout files,\n"
	"or a single .layout file) and reports every change: records, groups,\n"
	"items, code tables, code values and named types added, removed,\n"
	"renamed or moved; types, lengths, occurrences and labels changed; and\n"
	"so on.  Each change says whether it is breaking or compatible for\n"
	"  producers  a payload valid under OLD: is it valid under NEW?\n"
	"  consumers  a payload valid under NEW: is it valid under OLD?\n"
	"  source     C code written against OLD's generated API: does it\n"
	"             compile against NEW's?\n"
	"with a one-line reason.  An item whose definition changed while its\n"
	"version did not is a lint warning; a version that went down, an error.\n"
	"\n"
	"options:\n"
	"  --format=FORMAT    text (the default), markdown, html, json or csv\n"
	"  --lang=LANG        the report's language: en (the default) or ja\n"
	"  --fail-on=AXIS     exit 1 when a change breaks AXIS: producers,\n"
	"                     consumers, source, or any of them\n"
	"  -o, --output=FILE  write the report to FILE, not standard output\n"
	RK_CLI_OPTIONS_HELP
	"\n"
	"--color also colours the text report (auto: when it goes to a\n"
	"terminal); -q prints no report, for --fail-on alone.\n"
	"\n"
	"Exit status: 0 compared, 1 a change breaks the --fail-on axis, 2 the\n"
	"tool could not do its job (usage, unreadable file, a revision with\n"
	"errors).\n";

enum { OPT_FORMAT = RK_OPT_FIRST_FREE, OPT_LANG, OPT_FAIL_ON };

/* --fail-on's value: an axis, or every one. */
enum { FAIL_NONE = -1, FAIL_ANY = RK_AXIS_COUNT };

struct options {
	struct rk_cli cli;
	struct rk_diff_report report;
	int color;               /* -1 auto, 0 never, 1 always */
	int fail_on;
	const char *output;
};

static int parse_fail_on(const char *arg, int *fail_on)
{
	if (strcmp(arg, "any") == 0) {
		*fail_on = FAIL_ANY;
		return 0;
	}
	for (int a = 0; a < RK_AXIS_COUNT; a++) {
		if (strcmp(arg, rk_axis_id((enum rk_axis)a)) == 0) {
			*fail_on = a;
			return 0;
		}
	}
	return -1;
}

/* Handles one option of diff's own; returns 0, or -1 after saying why. */
static int own_option(struct options *o, int opt, const char *arg)
{
	switch (opt) {
	case OPT_FORMAT:
		if (rk_diff_format_parse(arg, &o->report.format) == 0)
			return 0;
		fprintf(stderr, "renkei diff: --format takes text, markdown, html, json or csv, not '%s'\n",
			arg);
		return -1;
	case OPT_LANG:
		if (rk_lang_parse(arg, &o->report.lang) == 0)
			return 0;
		fprintf(stderr, "renkei diff: --lang takes en or ja, not '%s'\n", arg);
		return -1;
	case OPT_FAIL_ON:
		if (parse_fail_on(arg, &o->fail_on) == 0)
			return 0;
		fprintf(stderr, "renkei diff: --fail-on takes producers, consumers, source or any, not '%s'\n",
			arg);
		return -1;
	case 'o':
		o->output = arg;
		return 0;
	case RK_OPT_COLOR:
		o->color = strcmp(arg, "always") == 0 ? 1 :
			   strcmp(arg, "never") == 0 ? 0 : -1;
		break;
	}
	return rk_cli_option(&o->cli, opt, arg, rk_diff_help) > 0 ? 0 : -1;
}

static int parse_options(struct options *o, int argc, char **argv)
{
	static const struct option options[] = {
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "lang", required_argument, NULL, OPT_LANG },
		{ "fail-on", required_argument, NULL, OPT_FAIL_ON },
		{ "output", required_argument, NULL, 'o' },
		RK_CLI_LONG_OPTIONS,
		{ NULL, 0, NULL, 0 }
	};
	int opt;

	rk_cli_init(&o->cli);
	o->report.format = RK_DIFF_TEXT;
	o->report.lang = RK_LANG_EN;
	o->report.color = false;
	o->color = -1;
	o->fail_on = FAIL_NONE;
	o->output = NULL;
	while ((opt = getopt_long(argc, argv, "o:qh", options, NULL)) != -1)
		if (opt == '?' || own_option(o, opt, optarg) < 0)
			return -1;
	if (argc - optind != 2) {
		fputs("renkei diff: give two revisions, OLD and NEW\n", stderr);
		return -1;
	}
	return 0;
}

/*
 * Loading and checking a revision is most of the command's time, and the
 * two are independent (the front end keeps no global state): OLD loads on
 * a thread of its own while NEW loads on the main one.  Diagnostics are
 * collected apart and printed afterwards, OLD's first, as rk_cli_load
 * would print them.
 */
struct load_job {
	const char *path;
	struct rk_diags diags;
	enum rk_load_status status;
	struct rk_revision *rev;
};

static void *load_job_run(void *arg)
{
	struct load_job *job = arg;

	job->status = rk_load(&job->path, 1, &job->diags, &job->rev);
	if (job->status == RK_LOAD_OK)
		rk_check(job->rev, &job->diags);
	return NULL;
}

/* Prints JOB's diagnostics; returns its revision, or NULL when it cannot
 * be compared. */
static struct rk_revision *load_job_finish(const struct options *o,
					   struct load_job *job)
{
	struct rk_revision *rev = job->rev;

	rk_cli_print_diags(&o->cli, &job->diags);
	if (job->status == RK_LOAD_FAILED) {
		rk_revision_free(rev);
		rev = NULL;
	} else if (job->diags.errors) {
		fprintf(stderr, "renkei diff: %s has errors: cannot compare it\n",
			job->path);
		rk_revision_free(rev);
		rev = NULL;
	}
	rk_diags_release(&job->diags);
	return rev;
}

static void load_both(const struct options *o, char **paths,
		      struct rk_revision **rev)
{
	struct load_job jobs[2];
	pthread_t thread;

	for (int s = 0; s < 2; s++) {
		jobs[s].path = paths[s];
		jobs[s].rev = NULL;
		rk_diags_init(&jobs[s].diags);
		jobs[s].diags.limit = o->cli.max_errors;
	}
	bool threaded = pthread_create(&thread, NULL, load_job_run,
				       &jobs[RK_OLD]) == 0;
	load_job_run(&jobs[RK_NEW]);
	if (threaded)
		pthread_join(thread, NULL);
	else
		load_job_run(&jobs[RK_OLD]);
	rev[RK_OLD] = load_job_finish(o, &jobs[RK_OLD]);
	rev[RK_NEW] = load_job_finish(o, &jobs[RK_NEW]);
}

static bool fails(const struct rk_diff *d, int fail_on)
{
	if (fail_on == FAIL_NONE)
		return false;
	for (int a = 0; a < RK_AXIS_COUNT; a++)
		if ((fail_on == FAIL_ANY || fail_on == a) &&
		    rk_diff_breaks(d, (enum rk_axis)a))
			return true;
	return false;
}

/* Writes the report where asked; returns an exit status. */
static int write_report(struct options *o, const struct rk_diff *d)
{
	FILE *out = stdout;

	if (o->cli.quiet && !o->output)
		return RK_EXIT_OK;
	if (o->output && !(out = fopen(o->output, "w"))) {
		fprintf(stderr, "renkei diff: cannot open %s: %s\n", o->output,
			strerror(errno));
		return RK_EXIT_FAILURE;
	}
	const char *no_color = getenv("NO_COLOR");
	o->report.color = o->report.format == RK_DIFF_TEXT &&
		(o->color == 1 || (o->color == -1 && isatty(fileno(out)) &&
				   !(no_color && no_color[0])));
	int bad = rk_diff_write(d, &o->report, out);
	if (out != stdout && fclose(out) != 0)
		bad = -1;
	if (bad) {
		fprintf(stderr, "renkei diff: cannot write %s\n",
			o->output ? o->output : "the report");
		return RK_EXIT_FAILURE;
	}
	return RK_EXIT_OK;
}

int rk_cmd_diff(int argc, char **argv)
{
	struct options o;
	struct rk_revision *rev[2] = { NULL, NULL };
	struct rk_diff d;
	int status = RK_EXIT_FAILURE;

	if (parse_options(&o, argc, argv) < 0)
		return rk_cli_usage_error("diff");
	load_both(&o, argv + optind, rev);
	if (rev[RK_OLD] && rev[RK_NEW]) {
		rk_diff_run(&d, rev[RK_OLD], rev[RK_NEW]);
		status = write_report(&o, &d);
		if (status == RK_EXIT_OK && fails(&d, o.fail_on))
			status = RK_EXIT_INVALID;
		rk_diff_release(&d);
	}
	rk_revision_free(rev[RK_OLD]);
	rk_revision_free(rev[RK_NEW]);
	return status;
}

/*
 * cmd_sample.c: `renkei sample`, example payloads of a revision: valid
 * ones streamed to a file or standard output, or a directory of invalid
 * ones with the manifest of the errors they must produce.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "sample.h"
#include "util.h"

const char rk_sample_help[] =
	"usage: renkei sample -l LAYOUT [OPTIONS]\n"
	"\n"
	"Writes example payloads of a revision: valid ones, or with --invalid a\n"
	"set of payloads that each break one rule, with the error each must\n"
	"produce.  The same layout, options and seed give the same bytes on every\n"
	"machine.\n"
	"\n"
	"A valid payload holds N records (default: one of each record of the\n"
	"revision, or one with --record), taking the records in turn.  From one\n"
	"record to the next, optional items are present and absent, repeated\n"
	"items and groups go from their minimum to their maximum (3 past the\n"
	"minimum when there is none), and values hit their type's boundaries:\n"
	"shortest and longest, multi-byte text, numbers with every digit, leap\n"
	"days, the first and last day of each era, valid check digits, every\n"
	"code value in turn.  Output streams: any N takes the same memory.\n"
	"\n"
	"With --invalid, the directory gets one file per violation,\n"
	"NNN-RULE-WHERE.EXT, each a complete payload with exactly one error, and\n"
	"expected.tsv, a line per file: file, rule id, item path (empty for\n"
	"errors without one), line, and what was broken.  Every value rule that\n"
	"an item type of the layout can fail is broken for every type, and\n"
	"every structure rule of the format for every record; value.utf8 cannot\n"
	"be reached (XML and YAML parsers refuse bad UTF-8 first: that payload\n"
	"expects xml.syntax or yaml.syntax).\n"
	"\n"
	"options:\n"
	"  -l, --layout=PATH  the revision: a directory of .layout files\n"
	"  --record=NAME      only this record\n"
	"  --count=N          write N records (valid payloads)\n"
	"  --seed=S           the seed of every choice (default 1)\n"
	"  --format=FORMAT    xml (default), yaml or json\n"
	"  --invalid          write invalid payloads into the directory of -o\n"
	"  -o, --output=PATH  the file to write (default: standard output); with\n"
	"                     --invalid, the directory (created if missing)\n"
	RK_CLI_OPTIONS_HELP
	"\n"
	"Exit status: 0 written, 1 the layout has errors, 2 the tool could not\n"
	"do its job (usage, unwritable output).\n";

enum {
	OPT_RECORD = RK_OPT_FIRST_FREE,
	OPT_COUNT,
	OPT_SEED,
	OPT_FORMAT,
	OPT_INVALID
};

struct sample_args {
	char *layout;
	const char *record;
	const char *output;
	bool invalid;
	bool has_count;
	struct rk_sample_opts opts;
};

static int parse_number(const char *opt, const char *arg, uint64_t *v)
{
	/* decimal, or hexadecimal after 0x; never octal */
	bool hex = arg[0] == '0' && (arg[1] == 'x' || arg[1] == 'X');
	const char *digits = hex ? arg + 2 : arg;
	char *end;

	errno = 0;
	*v = strtoull(digits, &end, hex ? 16 : 10);
	if (!digits[0] || *end || digits[0] == '-' || digits[0] == '+' ||
	    digits[0] == ' ' || errno) {
		fprintf(stderr, "renkei sample: %s takes a number, not '%s'\n", opt,
			arg);
		return -1;
	}
	return 0;
}

/* Returns 1 if OPT was one of sample's own, 0 if not, -1 if it is wrong. */
static int own_option(struct sample_args *a, int opt, const char *arg)
{
	switch (opt) {
	case 'l':
		a->layout = (char *)arg;
		return 1;
	case 'o':
		a->output = arg;
		return 1;
	case OPT_RECORD:
		a->record = arg;
		return 1;
	case OPT_COUNT:
		a->has_count = true;
		if (parse_number("--count", arg, &a->opts.count) < 0)
			return -1;
		if (a->opts.count == 0) {
			fputs("renkei sample: --count takes a number above 0\n", stderr);
			return -1;
		}
		return 1;
	case OPT_SEED:
		return parse_number("--seed", arg, &a->opts.seed) < 0 ? -1 : 1;
	case OPT_FORMAT:
		if (rk_sample_format_parse(arg, &a->opts.format) == 0)
			return 1;
		fprintf(stderr, "renkei sample: --format takes xml, yaml or json, not '%s'\n",
			arg);
		return -1;
	case OPT_INVALID:
		a->invalid = true;
		return 1;
	}
	return 0;
}

static int parse_args(int argc, char **argv, struct rk_cli *cli,
		      struct sample_args *a)
{
	static const struct option options[] = {
		{ "layout", required_argument, NULL, 'l' },
		{ "output", required_argument, NULL, 'o' },
		{ "record", required_argument, NULL, OPT_RECORD },
		{ "count", required_argument, NULL, OPT_COUNT },
		{ "seed", required_argument, NULL, OPT_SEED },
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "invalid", no_argument, NULL, OPT_INVALID },
		RK_CLI_LONG_OPTIONS,
		{ NULL, 0, NULL, 0 }
	};
	int opt;

	memset(a, 0, sizeof(*a));
	a->opts.seed = 1;
	while ((opt = getopt_long(argc, argv, "l:o:qh", options, NULL)) != -1) {
		int r = own_option(a, opt, optarg);
		if (r == 0)
			r = rk_cli_option(cli, opt, optarg, rk_sample_help);
		if (r <= 0)
			return -1;
	}
	if (optind < argc) {
		fprintf(stderr, "renkei sample: unexpected argument '%s'\n",
			argv[optind]);
		return -1;
	}
	if (!a->layout) {
		fputs("renkei sample: no layout given (-l PATH)\n", stderr);
		return -1;
	}
	if (a->invalid && !a->output) {
		fputs("renkei sample: --invalid needs a directory (-o DIR)\n", stderr);
		return -1;
	}
	if (a->invalid && a->has_count) {
		fputs("renkei sample: --count is for valid payloads, not --invalid\n",
		      stderr);
		return -1;
	}
	return 0;
}

static int write_valid(const struct rk_revision *rev,
		       const struct sample_args *a)
{
	bool to_stdout = !a->output || strcmp(a->output, "-") == 0;
	const char *name = to_stdout ? "standard output" : a->output;
	FILE *f = to_stdout ? stdout : fopen(a->output, "wb");
	int st = f ? rk_sample_write(rev, &a->opts, f) : -1;
	int error = errno;

	if (f && !to_stdout && fclose(f) != 0 && st == 0) {
		st = -1;
		error = errno;
	}
	if (st < 0) {
		fprintf(stderr, "renkei sample: cannot write %s: %s\n", name,
			strerror(error));
		return RK_EXIT_FAILURE;
	}
	return RK_EXIT_OK;
}

static int write_invalid(const struct rk_revision *rev,
			 const struct sample_args *a, bool quiet)
{
	char *failed = NULL;

	if (rk_cli_make_dirs(a->output) < 0) {
		fprintf(stderr, "renkei sample: cannot create %s: %s\n", a->output,
			strerror(errno));
		return RK_EXIT_FAILURE;
	}
	long n = rk_sample_write_invalid(rev, &a->opts, a->output, &failed);
	if (n < 0) {
		fprintf(stderr, "renkei sample: cannot write %s: %s\n",
			failed ? failed : a->output, strerror(errno));
		free(failed);
		return RK_EXIT_FAILURE;
	}
	if (!quiet)
		fprintf(stderr, "renkei sample: %ld invalid %s payloads and expected.tsv in %s\n",
			n, rk_sample_format_ext(a->opts.format), a->output);
	return RK_EXIT_OK;
}

int rk_cmd_sample(int argc, char **argv)
{
	struct rk_cli cli;
	struct sample_args a;
	struct rk_revision *rev;

	rk_cli_init(&cli);
	if (parse_args(argc, argv, &cli, &a) < 0)
		return rk_cli_usage_error("sample");
	int status = rk_cli_load(&cli, &a.layout, 1, true, &rev);
	if (status != RK_EXIT_OK) {
		rk_revision_free(rev);
		return status;
	}
	if (a.record) {
		a.opts.record = rk_revision_find_record(rev, a.record);
		if (!a.opts.record) {
			fprintf(stderr, "renkei sample: revision %s has no record '%s'\n",
				rk_revision_name(rev), a.record);
			rk_revision_free(rev);
			return RK_EXIT_FAILURE;
		}
	}
	status = a.invalid ? write_invalid(rev, &a, cli.quiet) :
			     write_valid(rev, &a);
	rk_revision_free(rev);
	return status;
}

/*
 * cmd_compile.c: `renkei compile`, the C code of a revision (gen_c.h;
 * docs/compile.md describes what it holds).
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "gen_c.h"
#include "util.h"

const char rk_compile_help[] =
	"usage: renkei compile [OPTIONS] LAYOUT_DIR -o OUT_DIR\n"
	"\n"
	"Writes the C code of one revision into OUT_DIR (created if missing):\n"
	"r06.h and r06.c for revision R06.  They give a struct per record and\n"
	"group, an enum per code table with look-ups between value, constant\n"
	"and official label, and per record the functions that read it from XML\n"
	"or YAML, check it as renkei validate does, and write it, through the\n"
	"runtime library (pkg-config renkei).  Every name carries the revision's\n"
	"prefix (r06_, R06_), so that two revisions link into one program.  The\n"
	"same layout and options always give the same bytes.\n"
	"\n"
	"options:\n"
	"  -o, --output=DIR   the directory to write the two files into (required)\n"
	"  --capacity=N       how many occurrences a member holds whose maximum is *\n"
	"                     (or above 65535): 1 to 65535, default 16\n"
	RK_CLI_OPTIONS_HELP
	"\n"
	"Exit status: 0 written, 1 the layout has errors (nothing is written),\n"
	"2 the tool could not do its job (usage, unwritable output).\n";

enum { OPT_CAPACITY = RK_OPT_FIRST_FREE };

static int parse_capacity(const char *arg, size_t *capacity)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(arg, &end, 10);
	if (arg[0] < '0' || arg[0] > '9' || *end || errno || v < 1 ||
	    v > RK_GEN_C_MAX_CAPACITY) {
		fprintf(stderr, "renkei compile: --capacity takes a number from 1 to %u, not '%s'\n",
			RK_GEN_C_MAX_CAPACITY, arg);
		return -1;
	}
	*capacity = v;
	return 0;
}

/* Writes TEXT to DIR/NAME; returns an exit status. */
static int write_file(const char *dir, const char *name, const char *text,
		      char **path)
{
	size_t n = strlen(dir);

	*path = rk_xmalloc(n + strlen(name) + 2);
	sprintf(*path, "%s%s%s", dir, n && dir[n - 1] == '/' ? "" : "/", name);
	return rk_cli_write_output("compile", *path, text);
}

static int generate(const struct rk_cli *cli, const struct rk_revision *rev,
		    size_t capacity, const char *output)
{
	struct rk_gen_c_output out;
	struct rk_diags diags;
	char *header = NULL, *source = NULL;

	rk_diags_init(&diags);
	diags.limit = cli->max_errors;
	int status = rk_gen_c(rev, capacity, &diags, &out);
	rk_cli_print_diags(cli, &diags);
	rk_diags_release(&diags);
	if (status < 0)
		return RK_EXIT_INVALID;
	if (rk_cli_make_dirs(output) < 0) {
		fprintf(stderr, "renkei compile: cannot create %s: %s\n", output,
			strerror(errno));
		status = RK_EXIT_FAILURE;
	} else {
		status = write_file(output, out.header_name, out.header, &header);
		if (status == RK_EXIT_OK)
			status = write_file(output, out.source_name, out.source,
					    &source);
	}
	if (status == RK_EXIT_OK && !cli->quiet)
		fprintf(stderr, "renkei compile: %s: %zu records, %zu code tables in %s and %s\n",
			rk_revision_name(rev), rev->n_records, rev->n_codes,
			header, source);
	free(header);
	free(source);
	rk_gen_c_release(&out);
	return status;
}

int rk_cmd_compile(int argc, char **argv)
{
	static const struct option options[] = {
		RK_CLI_LONG_OPTIONS,
		{ "output", required_argument, NULL, 'o' },
		{ "capacity", required_argument, NULL, OPT_CAPACITY },
		{ NULL, 0, NULL, 0 }
	};
	struct rk_cli cli;
	const char *output = NULL;
	size_t capacity = RK_GEN_C_CAPACITY;
	int opt;

	rk_cli_init(&cli);
	while ((opt = getopt_long(argc, argv, "qho:", options, NULL)) != -1) {
		if (opt == 'o') {
			output = optarg;
			continue;
		}
		if (opt == OPT_CAPACITY) {
			if (parse_capacity(optarg, &capacity) < 0)
				return rk_cli_usage_error("compile");
			continue;
		}
		if (rk_cli_option(&cli, opt, optarg, rk_compile_help) <= 0)
			return rk_cli_usage_error("compile");
	}
	if (argc - optind != 1) {
		fputs("renkei compile: give one layout directory\n", stderr);
		return rk_cli_usage_error("compile");
	}
	if (!output || !output[0]) {
		fputs("renkei compile: give the output directory with -o\n", stderr);
		return rk_cli_usage_error("compile");
	}
	struct rk_revision *rev;
	int status = rk_cli_load(&cli, argv + optind, 1, true, &rev);
	if (status == RK_EXIT_OK)
		status = generate(&cli, rev, capacity, output);
	rk_revision_free(rev);
	return status;
}

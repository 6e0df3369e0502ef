/*
 * cmd_fmt.c: `renkei fmt`, layout files in their canonical form.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "fmt.h"
#include "load.h"
#include "util.h"

const char rk_fmt_help[] =
	"usage: renkei fmt [OPTIONS] PATH...\n"
	"\n"
	"Prints each layout file (each PATH a file, or a directory of *.layout\n"
	"files) in the canonical form: fixed indentation, attributes in a fixed\n"
	"order, columns aligned, comments kept.  A file must parse without\n"
	"errors to be formatted.\n"
	"\n"
	"options:\n"
	"  --check            print nothing but the names of the files that are\n"
	"                     not in canonical form; exit 1 if there are any\n"
	"  -w, --write        rewrite the files that are not in canonical form\n"
	RK_CLI_OPTIONS_HELP
	"\n"
	"Exit status: 0 done (with --check: every file canonical), 1 a file does\n"
	"not parse (or, with --check, is not canonical), 2 the tool could not do\n"
	"its job.\n";

enum mode { PRINT, CHECK, WRITE };

static int write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");

	if (!f || fputs(text, f) < 0 || fclose(f) != 0) {
		fprintf(stderr, "renkei fmt: cannot write %s: %s\n", path,
			strerror(errno));
		if (f)
			fclose(f);
		return RK_EXIT_FAILURE;
	}
	return RK_EXIT_OK;
}

/* Formats one file (or each file of a directory); returns an exit status. */
static int fmt_path(const struct rk_cli *cli, char *path, enum mode mode)
{
	struct rk_revision *rev;
	int status = rk_cli_load(cli, &path, 1, false, &rev);

	if (status != RK_EXIT_OK) {
		rk_revision_free(rev);
		return status;
	}
	for (size_t i = 0; i < rev->n_files && status != RK_EXIT_FAILURE; i++) {
		const struct rk_source *src = rev->files[i]->src;
		char *text = rk_fmt_file(rev->files[i]);
		bool same = strlen(text) == src->size &&
			    memcmp(text, src->text, src->size) == 0;
		if (mode == PRINT) {
			fputs(text, stdout);
		} else if (!same) {
			if (mode == CHECK || !cli->quiet)
				puts(src->path);
			if (mode == CHECK)
				status = RK_EXIT_INVALID;
			else
				status = write_file(src->path, text);
		}
		free(text);
	}
	rk_revision_free(rev);
	return status;
}

int rk_cmd_fmt(int argc, char **argv)
{
	static const struct option options[] = {
		RK_CLI_LONG_OPTIONS,
		{ "check", no_argument, NULL, 'c' },
		{ "write", no_argument, NULL, 'w' },
		{ NULL, 0, NULL, 0 }
	};
	struct rk_cli cli;
	enum mode mode = PRINT;
	int opt, worst = RK_EXIT_OK;

	rk_cli_init(&cli);
	while ((opt = getopt_long(argc, argv, "qhw", options, NULL)) != -1) {
		if (opt == 'c' || opt == 'w') {
			mode = opt == 'c' ? CHECK : WRITE;
			continue;
		}
		if (rk_cli_option(&cli, opt, optarg, rk_fmt_help) <= 0)
			return rk_cli_usage_error("fmt");
	}
	if (optind == argc) {
		fputs("renkei fmt: no layout given\n", stderr);
		return rk_cli_usage_error("fmt");
	}
	for (int i = optind; i < argc; i++) {
		int st = fmt_path(&cli, argv[i], mode);
		if (st > worst)
			worst = st;
	}
	return worst;
}

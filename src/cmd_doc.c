/*
 * cmd_doc.c: `renkei doc`, a revision as reference tables.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "gen_doc.h"

const char rk_doc_help[] =
	"usage: renkei doc [OPTIONS] LAYOUT_DIR\n"
	"\n"
	"Writes one revision as reference tables: a table per record (number,\n"
	"official label, identifier, type, length, occurrence, required, code\n"
	"table, note, id, version) in layout order, then its code tables.\n"
	"\n"
	"options:\n"
	"  --format=FORMAT    markdown (the default) or html (one standalone\n"
	"                     page with a table of contents)\n"
	"  -o, --output=FILE  write to FILE (default: standard output)\n"
	RK_CLI_OPTIONS_HELP
	"\n"
	"Exit status: 0 written, 1 the layout has errors, 2 the tool could not\n"
	"do its job.\n";

enum { OPT_FORMAT = RK_OPT_FIRST_FREE };

int rk_cmd_doc(int argc, char **argv)
{
	static const struct option options[] = {
		RK_CLI_LONG_OPTIONS,
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 }
	};
	struct rk_cli cli;
	const char *output = NULL;
	bool html = false;
	int opt;

	rk_cli_init(&cli);
	while ((opt = getopt_long(argc, argv, "qho:", options, NULL)) != -1) {
		if (opt == 'o') {
			output = optarg;
		} else if (opt == OPT_FORMAT) {
			if (strcmp(optarg, "html") != 0 && strcmp(optarg, "markdown") != 0) {
				fprintf(stderr, "renkei doc: --format takes markdown or html, not '%s'\n",
					optarg);
				return rk_cli_usage_error("doc");
			}
			html = strcmp(optarg, "html") == 0;
		} else if (rk_cli_option(&cli, opt, optarg, rk_doc_help) <= 0) {
			return rk_cli_usage_error("doc");
		}
	}
	if (argc - optind != 1) {
		fputs("renkei doc: give one layout directory\n", stderr);
		return rk_cli_usage_error("doc");
	}
	struct rk_revision *rev;
	int status = rk_cli_load(&cli, argv + optind, 1, true, &rev);
	if (status != RK_EXIT_OK) {
		rk_revision_free(rev);
		return status;
	}
	char *doc = rk_gen_doc(rev, html);
	rk_revision_free(rev);
	status = rk_cli_write_output("doc", output, doc);
	free(doc);
	return status;
}

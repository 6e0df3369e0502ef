/*
 * cmd_xsd.c: `renkei xsd`, the XML Schema of a revision's payloads.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "gen_xsd.h"

const char rk_xsd_help[] =
	"usage: renkei xsd [OPTIONS] LAYOUT_DIR\n"
	"\n"
	"Writes an XML Schema 1.0 for the XML payloads of one revision, with\n"
	"the official labels as xs:documentation, for validators other than\n"
	"renkei (xmllint --schema, ...).  XML Schema cannot express every rule:\n"
	"check digits, the refusal of a DOCTYPE and of xsi: attributes, and an\n"
	"empty element meaning absent are checked by renkei validate only.\n"
	"\n"
	"options:\n"
	"  -o, --output=FILE  write the schema to FILE (default: standard output)\n"
	RK_CLI_OPTIONS_HELP
	"\n"
	"Exit status: 0 written, 1 the layout has errors, 2 the tool could not\n"
	"do its job.\n";

int rk_cmd_xsd(int argc, char **argv)
{
	static const struct option options[] = {
		RK_CLI_LONG_OPTIONS,
		{ "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 }
	};
	struct rk_cli cli;
	const char *output = NULL;
	int opt;

	rk_cli_init(&cli);
	while ((opt = getopt_long(argc, argv, "qho:", options, NULL)) != -1) {
		if (opt == 'o') {
			output = optarg;
			continue;
		}
		if (rk_cli_option(&cli, opt, optarg, rk_xsd_help) <= 0)
			return rk_cli_usage_error("xsd");
	}
	if (argc - optind != 1) {
		fputs("renkei xsd: give one layout directory\n", stderr);
		return rk_cli_usage_error("xsd");
	}
	struct rk_revision *rev;
	int status = rk_cli_load(&cli, argv + optind, 1, true, &rev);
	if (status != RK_EXIT_OK) {
		rk_revision_free(rev);
		return status;
	}
	char *xsd = rk_gen_xsd(rev);
	rk_revision_free(rev);
	status = rk_cli_write_output("xsd", output, xsd);
	free(xsd);
	return status;
}

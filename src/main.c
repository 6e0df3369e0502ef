/*
 * main.c: the `renkei` command line: option parsing and dispatch to the
 * commands.  Exit status throughout: 0 all good, 1 the input has problems
 * (reported), 2 the tool could not do its job (usage, unreadable file).
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "cli.h"
#include "fmt.h"
#include "load.h"
#include "util.h"

static const struct rk_command *find_command(const char *name);

static const char usage_text[] =
	"usage: renkei [--version] [--help] COMMAND [ARGS]\n"
	"\n"
	"Compiles the data standard layouts of the information linkage\n"
	"(データ標準レイアウト) written in the renkei layout language.\n"
	"\n"
	"commands:\n";

static void print_usage(FILE *out)
{
	fputs(usage_text, out);
	for (const struct rk_command *c = rk_commands; c->name; c++)
		fprintf(out, "  %-9s %s\n", c->name, c->summary);
	fputs("\nRun 'renkei help COMMAND' for the options of a command.\n"
	      "Exit status: 0 all good, 1 the input has problems, "
	      "2 the tool could not do its job.\n", out);
}

static int cmd_help(int argc, char **argv)
{
	if (argc < 2) {
		print_usage(stdout);
		return 0;
	}
	const struct rk_command *c = find_command(argv[1]);
	if (!c) {
		fprintf(stderr, "renkei: unknown command '%s'\n", argv[1]);
		return 2;
	}
	fputs(c->help, stdout);
	return 0;
}

static const char help_help[] =
	"usage: renkei help [COMMAND]\n"
	"\n"
	"Shows the commands, or the options of COMMAND.\n";

const struct rk_command rk_commands[] = {
	{ "check", "check layouts for every error, and report them",
	  rk_check_help, rk_cmd_check },
	{ "fmt", "print layout files in their canonical form",
	  rk_fmt_help, rk_cmd_fmt },
	{ "validate", "validate payloads (XML, YAML, JSON) against their layout",
	  rk_validate_help, rk_cmd_validate },
	{ "doc", "write a revision as reference tables (Markdown, HTML)",
	  rk_doc_help, rk_cmd_doc },
	{ "xsd", "write the XML Schema of a revision's payloads",
	  rk_xsd_help, rk_cmd_xsd },
	{ "compile", "write the C code of a revision: structs, enums, readers, writers",
	  rk_compile_help, rk_cmd_compile },
	{ "diff", "compare two revisions: every change and what it breaks",
	  rk_diff_help, rk_cmd_diff },
	{ "sample", "write example payloads, valid or each with one error",
	  rk_sample_help, rk_cmd_sample },
	{ "help", "show the help of a command", help_help, cmd_help },
	{ NULL, NULL, NULL, NULL }
};

static const struct rk_command *find_command(const char *name)
{
	for (const struct rk_command *c = rk_commands; c->name; c++)
		if (strcmp(c->name, name) == 0)
			return c;
	return NULL;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		print_usage(stderr);
		return 2;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		print_usage(stdout);
		return 0;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("renkei %s\n", PACKAGE_VERSION);
		return 0;
	}
	const struct rk_command *c = find_command(argv[1]);
	if (!c) {
		fprintf(stderr, "renkei: unknown command '%s' (see 'renkei --help')\n",
			argv[1]);
		return 2;
	}
	return c->run(argc - 1, argv + 1);
}

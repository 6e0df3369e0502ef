/*
 * cmd_check.c: `renkei check`, every error of one or more revisions.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "util.h"

const char rk_check_help[] =
	"usage: renkei check [OPTIONS] PATH...\n"
	"\n"
	"Checks layouts against every rule of the layout language and reports\n"
	"each problem as file:line:col: error: message, with the source line.\n"
	"Each directory is one revision (its *.layout files); the files named\n"
	"on the command line, if any, make up one more.\n"
	"\n"
	"options:\n"
	RK_CLI_OPTIONS_HELP
	"\n"
	"Exit status: 0 no errors (warnings allowed), 1 errors, 2 the tool\n"
	"could not do its job (usage, unreadable file).\n";

static void summary(const struct rk_revision *rev, const char *path)
{
	size_t items = 0, groups = 0;
	int len = (int)strlen(path);

	while (len > 1 && path[len - 1] == '/')
		len--;
	for (size_t i = 0; i < rev->n_records; i++) {
		struct rk_node **stack[RK_MAX_GROUP_DEPTH + 2];
		size_t left[RK_MAX_GROUP_DEPTH + 2], depth = 0;
		stack[0] = rev->records[i]->children;
		left[0] = rev->records[i]->n_children;
		while (1) {
			if (left[depth] == 0) {
				if (depth == 0)
					break;
				depth--;
				continue;
			}
			struct rk_node *n = *stack[depth]++;
			left[depth]--;
			if (n->kind == RK_ITEM) {
				items++;
			} else {
				groups++;
				depth++;
				stack[depth] = n->children;
				left[depth] = n->n_children;
			}
		}
	}
	printf("%.*s: revision %s: %zu records, %zu groups, %zu items, %zu code tables, %zu types\n",
	       len, path, rk_revision_name(rev) ? rk_revision_name(rev) : "?",
	       rev->n_records, groups, items, rev->n_codes, rev->n_types);
}

int rk_cmd_check(int argc, char **argv)
{
	static const struct option options[] = { RK_CLI_LONG_OPTIONS,
						  { NULL, 0, NULL, 0 } };
	struct rk_cli cli;
	int opt, worst = RK_EXIT_OK;

	rk_cli_init(&cli);
	while ((opt = getopt_long(argc, argv, "qh", options, NULL)) != -1) {
		int r = rk_cli_option(&cli, opt, optarg, rk_check_help);
		if (r <= 0)
			return rk_cli_usage_error("check");
	}
	size_t n = (size_t)(argc - optind);
	if (n == 0) {
		fputs("renkei check: no layout given\n", stderr);
		return rk_cli_usage_error("check");
	}
	char **paths = argv + optind;
	size_t *start = rk_xcalloc(n, sizeof(*start));
	size_t *count = rk_xcalloc(n, sizeof(*count));
	size_t groups = rk_cli_group_paths(paths, n, start, count);
	for (size_t g = 0; g < groups; g++) {
		struct rk_revision *rev;
		int st = rk_cli_load(&cli, paths + start[g], count[g], true, &rev);
		if (st == RK_EXIT_OK && !cli.quiet)
			summary(rev, count[g] == 1 ? paths[start[g]] : "files");
		rk_revision_free(rev);
		if (st > worst)
			worst = st;
	}
	free(start);
	free(count);
	return worst;
}

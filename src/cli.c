/*
 * cli.c: the common options and revision loading of the commands.
 */
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "load.h"
#include "util.h"

void rk_cli_init(struct rk_cli *cli)
{
	const char *no_color = getenv("NO_COLOR");

	cli->color = isatty(STDERR_FILENO) && !(no_color && no_color[0]);
	cli->max_errors = 100;
	cli->quiet = false;
}

int rk_cli_option(struct rk_cli *cli, int opt, const char *arg,
		  const char *help)
{
	char *end;

	switch (opt) {
	case RK_OPT_COLOR:
		if (strcmp(arg, "always") == 0)
			cli->color = true;
		else if (strcmp(arg, "never") == 0)
			cli->color = false;
		else if (strcmp(arg, "auto") != 0) {
			fprintf(stderr, "renkei: --color takes auto, always or never, not '%s'\n",
				arg);
			return -1;
		}
		return 1;
	case RK_OPT_MAX_ERRORS:
		cli->max_errors = strtoul(arg, &end, 10);
		if (!arg[0] || *end || arg[0] == '-') {
			fprintf(stderr, "renkei: --max-errors takes a number, not '%s'\n",
				arg);
			return -1;
		}
		return 1;
	case 'q':
		cli->quiet = true;
		return 1;
	case 'h':
		fputs(help, stdout);
		exit(RK_EXIT_OK);
	}
	return 0;
}

int rk_cli_usage_error(const char *cmd)
{
	fprintf(stderr, "renkei %s: see 'renkei help %s'\n", cmd, cmd);
	return RK_EXIT_FAILURE;
}

static bool is_directory(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

size_t rk_cli_group_paths(char **paths, size_t n, size_t *start,
			  size_t *count)
{
	size_t groups = 0, dirs = 0;

	/* Stable partition: directories first, files after. */
	char **tmp = rk_xcalloc(n, sizeof(*tmp));
	for (size_t i = 0; i < n; i++)
		if (is_directory(paths[i]))
			tmp[dirs++] = paths[i];
	size_t files = dirs;
	for (size_t i = 0; i < n; i++)
		if (!is_directory(paths[i]))
			tmp[files++] = paths[i];
	memcpy(paths, tmp, n * sizeof(*paths));
	free(tmp);
	for (size_t i = 0; i < dirs; i++) {
		start[groups] = i;
		count[groups++] = 1;
	}
	if (n > dirs) {
		start[groups] = dirs;
		count[groups++] = n - dirs;
	}
	return groups;
}

void rk_cli_print_diags(const struct rk_cli *cli, struct rk_diags *diags)
{
	rk_diags_sort(diags);
	rk_diags_print(diags, stderr, cli->color);
}

int rk_cli_load(const struct rk_cli *cli, char *const *paths, size_t n,
		bool check, struct rk_revision **out)
{
	struct rk_diags diags;
	struct rk_revision *rev = NULL;

	rk_diags_init(&diags);
	diags.limit = cli->max_errors;
	enum rk_load_status st = rk_load((const char *const *)paths, n, &diags,
					 &rev);
	if (st == RK_LOAD_OK && check)
		rk_check(rev, &diags);
	rk_cli_print_diags(cli, &diags);
	int status = st == RK_LOAD_FAILED ? RK_EXIT_FAILURE :
		     diags.errors ? RK_EXIT_INVALID : RK_EXIT_OK;
	rk_diags_release(&diags);
	if (status == RK_EXIT_FAILURE) {
		rk_revision_free(rev);
		rev = NULL;
	}
	*out = rev;
	return status;
}

int rk_cli_write_output(const char *cmd, const char *path, const char *text)
{
	FILE *out = path ? fopen(path, "wb") : stdout;

	if (!out || fputs(text, out) < 0 || (path && fclose(out) != 0)) {
		fprintf(stderr, "renkei %s: cannot write %s: %s\n", cmd,
			path ? path : "standard output", strerror(errno));
		return RK_EXIT_FAILURE;
	}
	return RK_EXIT_OK;
}

/* Creates directory PATH and its missing parents, like mkdir -p. */
int rk_cli_make_dirs(const char *path)
{
	char *p = rk_xstrdup(path);
	int st = 0;

	for (char *s = p + 1; *s && st == 0; s++) {
		if (*s != '/')
			continue;
		*s = 0;
		if (mkdir(p, 0777) != 0 && errno != EEXIST)
			st = -1;
		*s = '/';
	}
	if (st == 0 && mkdir(p, 0777) != 0 && errno != EEXIST)
		st = -1;
	free(p);
	return st;
}

/*
 * cli.h: what the commands of the `renkei` program share: the command
 * table, the common options, and loading a revision with its diagnostics
 * printed.
 */
#ifndef RK_CLI_H
#define RK_CLI_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "model.h"

/* Exit statuses. */
enum { RK_EXIT_OK = 0, RK_EXIT_INVALID = 1, RK_EXIT_FAILURE = 2 };

struct rk_command {
	const char *name;
	const char *summary;
	const char *help;            /* the full usage text */
	int (*run)(int argc, char **argv);
};

extern const struct rk_command rk_commands[];

/* Options every command takes. */
struct rk_cli {
	bool color;                  /* colour diagnostics */
	size_t max_errors;           /* 0: no limit */
	bool quiet;
};

/* Long option values of the common options. */
enum { RK_OPT_COLOR = 0x100, RK_OPT_MAX_ERRORS, RK_OPT_FIRST_FREE };

#define RK_CLI_LONG_OPTIONS                                                \
	{ "color", required_argument, NULL, RK_OPT_COLOR },                \
	{ "max-errors", required_argument, NULL, RK_OPT_MAX_ERRORS },      \
	{ "quiet", no_argument, NULL, 'q' },                               \
	{ "help", no_argument, NULL, 'h' }

#define RK_CLI_OPTIONS_HELP                                                \
	"  --color=WHEN       colour diagnostics: auto (on a terminal), always, never\n" \
	"  --max-errors=N     show at most N diagnostics (default 100; 0: all)\n" \
	"  -q, --quiet        print only diagnostics\n"                        \
	"  -h, --help         show this help\n"

void rk_cli_init(struct rk_cli *cli);
/*
 * Handles a common option; returns 1 if OPT was one, 0 if not, and -1 after
 * printing why its argument is wrong.  -h prints HELP and exits 0.
 */
int rk_cli_option(struct rk_cli *cli, int opt, const char *arg,
		  const char *help);
/* Prints "renkei CMD: try 'renkei help CMD'" and returns RK_EXIT_FAILURE. */
int rk_cli_usage_error(const char *cmd);

/*
 * Splits command-line paths into revisions: each directory is a revision,
 * and all the files given are one more.  Returns the number of groups;
 * group I is paths[start[I] .. start[I] + count[I]) of the reordered
 * PATHS (directories first, in the order given, then the files).
 */
size_t rk_cli_group_paths(char **paths, size_t n, size_t *start,
			  size_t *count);

/*
 * Loads and checks one revision from PATHS, printing its diagnostics.
 * Returns an exit status; *REV gets the revision unless the status is
 * RK_EXIT_FAILURE (the caller frees it).
 */
int rk_cli_load(const struct rk_cli *cli, char *const *paths, size_t n,
		bool check, struct rk_revision **rev);

void rk_cli_print_diags(const struct rk_cli *cli, struct rk_diags *diags);

/*
 * Writes TEXT to the file PATH, or to standard output when PATH is NULL;
 * returns an exit status (failures are reported as "renkei CMD: ...").
 */
int rk_cli_write_output(const char *cmd, const char *path, const char *text);

/* Creates the directory PATH and its missing parents, like mkdir -p;
 * returns 0, or -1 with errno set. */
int rk_cli_make_dirs(const char *path);

int rk_cmd_check(int argc, char **argv);
int rk_cmd_fmt(int argc, char **argv);
int rk_cmd_sample(int argc, char **argv);
int rk_cmd_diff(int argc, char **argv);
int rk_cmd_xsd(int argc, char **argv);
int rk_cmd_doc(int argc, char **argv);
int rk_cmd_validate(int argc, char **argv);
int rk_cmd_compile(int argc, char **argv);
extern const char rk_check_help[];
extern const char rk_fmt_help[];
extern const char rk_sample_help[];
extern const char rk_diff_help[];
extern const char rk_xsd_help[];
extern const char rk_doc_help[];
extern const char rk_validate_help[];
extern const char rk_compile_help[];

#endif /* RK_CLI_H */

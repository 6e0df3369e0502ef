/*
 * load.c: finding a revision's files and parsing them in name order.
 */
#include "load.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "parse.h"
#include "util.h"

struct paths {
	char **v;
	size_t n, cap;
};

static void add_path(struct paths *ps, char *path)
{
	RK_GROW(ps->v, ps->n, ps->cap);
	ps->v[ps->n++] = path;
}

static int has_suffix(const char *s, const char *suffix)
{
	size_t ls = strlen(s), lx = strlen(suffix);
	return ls >= lx && strcmp(s + ls - lx, suffix) == 0;
}

static int compare_paths(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Adds DIR's `*.layout` files; returns how many, or -1 on error. */
static int add_directory(struct paths *ps, const char *dir,
			 struct rk_diags *diags)
{
	struct rk_loc none = { 0 };
	DIR *d = opendir(dir);
	struct dirent *e;
	int count = 0;

	if (!d) {
		rk_diag_error(diags, none, "cannot open directory %s: %s", dir,
			      strerror(errno));
		return -1;
	}
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' || !has_suffix(e->d_name, ".layout"))
			continue;
		struct rk_buf path;
		rk_buf_init(&path);
		rk_buf_adds(&path, dir);
		if (!has_suffix(dir, "/"))
			rk_buf_addc(&path, '/');
		rk_buf_adds(&path, e->d_name);
		add_path(ps, rk_buf_detach(&path));
		count++;
	}
	closedir(d);
	return count;
}

/* Collects the files named by PATHS; returns 0 or -1 after reporting. */
static int collect(const char *const *paths, size_t n, struct paths *ps,
		   struct rk_diags *diags)
{
	struct rk_loc none = { 0 };
	int status = 0;

	for (size_t i = 0; i < n; i++) {
		struct stat st;
		if (stat(paths[i], &st) != 0) {
			rk_diag_error(diags, none, "cannot open %s: %s",
				      paths[i], strerror(errno));
			status = -1;
		} else if (S_ISDIR(st.st_mode)) {
			int found = add_directory(ps, paths[i], diags);
			if (found == 0)
				rk_diag_error(diags, none,
					      "no .layout files in directory %s",
					      paths[i]);
			if (found <= 0)
				status = -1;
		} else {
			add_path(ps, rk_xstrdup(paths[i]));
		}
	}
	if (ps->n > 1)
		qsort(ps->v, ps->n, sizeof(*ps->v), compare_paths);
	return status;
}

enum rk_load_status rk_load(const char *const *paths, size_t n_paths,
			    struct rk_diags *diags, struct rk_revision **out)
{
	struct paths ps = { NULL, 0, 0 };
	struct rk_revision *rev = rk_revision_new();
	enum rk_load_status status = RK_LOAD_OK;

	if (collect(paths, n_paths, &ps, diags) < 0)
		status = RK_LOAD_FAILED;
	for (size_t i = 0; i < ps.n && status != RK_LOAD_FAILED; i++) {
		/* The same file named twice is read once. */
		if (i > 0 && strcmp(ps.v[i], ps.v[i - 1]) == 0)
			continue;
		struct rk_source *src = rk_source_read(ps.v[i], diags);
		if (!src) {
			status = RK_LOAD_FAILED;
			break;
		}
		if (rk_parse_file(rev, src, diags) < 0)
			status = RK_LOAD_INVALID;
	}
	for (size_t i = 0; i < ps.n; i++)
		free(ps.v[i]);
	free(ps.v);
	*out = rev;
	return status;
}

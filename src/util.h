/*
 * util.h: allocation that cannot fail quietly, arenas, a growable string
 * and a hash map.
 *
 * The compiler treats running out of memory as fatal: rk_xmalloc and
 * friends print one line and exit with status 2, so that no caller has to
 * carry an error path for it.
 */
#ifndef RK_UTIL_H
#define RK_UTIL_H

#include <stdarg.h>
#include <stddef.h>

#include "diag.h"

void *rk_xmalloc(size_t size);
void *rk_xcalloc(size_t n, size_t size);
void *rk_xrealloc(void *p, size_t size);
char *rk_xstrdup(const char *s);
char *rk_xstrndup(const char *s, size_t n);

/* Grows *V (holding *N elements in room for *CAP) to room for one more. */
#define RK_GROW(v, n, cap)                                                 \
	do {                                                               \
		if ((n) == (cap)) {                                        \
			(cap) = (cap) ? (cap) * 2 : 8;                     \
			(v) = rk_xrealloc((v), (cap) * sizeof(*(v)));      \
		}                                                          \
	} while (0)

/*
 * An arena: memory for many small objects that live and die together, taken
 * from large blocks and given back all at once by rk_arena_release.  A
 * revision keeps its model in one, so that loading it costs a few hundred
 * allocations rather than several per item, and freeing it a few frees.
 */
struct rk_arena_block;

struct rk_arena {
	struct rk_arena_block *blocks;   /* the newest first */
	char *next, *end;                /* what is left of the newest */
	size_t block_size;               /* of the next block */
};

void rk_arena_init(struct rk_arena *a);
void rk_arena_release(struct rk_arena *a);
/* SIZE bytes set to zero, aligned for any object of the model. */
void *rk_arena_alloc(struct rk_arena *a, size_t size);
/* A copy of the N bytes at S, NUL-terminated. */
char *rk_arena_strndup(struct rk_arena *a, const char *s, size_t n);
/* A copy of the N elements of SIZE bytes at V (NULL when N is 0). */
void *rk_arena_memdup(struct rk_arena *a, const void *v, size_t n,
		      size_t size);

/* A growable, always NUL-terminated string. */
struct rk_buf {
	char *s;
	size_t len, cap;
};

void rk_buf_init(struct rk_buf *b);
void rk_buf_release(struct rk_buf *b);
void rk_buf_add(struct rk_buf *b, const char *s, size_t n);
void rk_buf_adds(struct rk_buf *b, const char *s);
void rk_buf_addc(struct rk_buf *b, char c);
void rk_buf_addf(struct rk_buf *b, const char *fmt, ...) RK_PRINTF(2, 3);
void rk_buf_vaddf(struct rk_buf *b, const char *fmt, va_list ap)
	RK_PRINTF(2, 0);
/* Appends N spaces. */
void rk_buf_pad(struct rk_buf *b, size_t n);
/* Takes the string out of B, leaving B empty; the caller frees it. */
char *rk_buf_detach(struct rk_buf *b);


/* A hash map from borrowed NUL-terminated keys to borrowed values. */
struct rk_map {
	struct rk_map_slot {
		const char *key;
		void *value;
		size_t hash;    /* of KEY, compared before the strings are */
	} *slots;
	size_t n, cap;
};

void rk_map_init(struct rk_map *m);
void rk_map_release(struct rk_map *m);
/* The value of KEY, or NULL. */
void *rk_map_get(const struct rk_map *m, const char *key);
/*
 * Adds KEY -> VALUE unless KEY is present; returns the value already there,
 * or NULL when it was added.
 */
void *rk_map_put(struct rk_map *m, const char *key, void *value);
/* Makes room for N keys in all, so that adding them never grows M. */
void rk_map_reserve(struct rk_map *m, size_t n);

/* The Levenshtein distance of A and B, or LIMIT + 1 once it exceeds LIMIT. */
size_t rk_edit_distance(const char *a, const char *b, size_t limit);

#endif /* RK_UTIL_H */

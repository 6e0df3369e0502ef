/*
 * util.c: checked allocation, arenas, growable strings and hash maps.
 */
#include "util.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

static void out_of_memory(void)
{
	fputs("renkei: out of memory\n", stderr);
	exit(2);
}

void *rk_xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);
	if (!p)
		out_of_memory();
	return p;
}

void *rk_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		out_of_memory();
	return p;
}

void *rk_xrealloc(void *p, size_t size)
{
	p = realloc(p, size ? size : 1);
	if (!p)
		out_of_memory();
	return p;
}

char *rk_xstrdup(const char *s)
{
	return rk_xstrndup(s, strlen(s));
}

char *rk_xstrndup(const char *s, size_t n)
{
	char *p = rk_xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

/* Alignment in an arena: the strictest of what the model holds. */
union arena_align {
	void *p;
	uint64_t u;
	double d;
	size_t z;
};
#define ARENA_ALIGN sizeof(union arena_align)

/* Blocks start at 16 KB, so that a small layout stays small, and double
 * up to 2 MB, a huge page. */
#define ARENA_FIRST_BLOCK (16u * 1024)
#define ARENA_MAX_BLOCK (2048u * 1024)

struct rk_arena_block {
	struct rk_arena_block *next;
	union arena_align data[];
};

void rk_arena_init(struct rk_arena *a)
{
	a->blocks = NULL;
	a->next = a->end = NULL;
	a->block_size = ARENA_FIRST_BLOCK;
}

void rk_arena_release(struct rk_arena *a)
{
	struct rk_arena_block *b = a->blocks;

	while (b) {
		struct rk_arena_block *next = b->next;
		free(b);
		b = next;
	}
	rk_arena_init(a);
}

/*
 * A block of SIZE bytes.  The largest are aligned on, and as large as, a
 * huge page where the system has them: filling a large model then takes
 * one page fault in 512 rather than one per 4 KB page.
 */
static struct rk_arena_block *new_block(size_t size)
{
#if defined(MADV_HUGEPAGE)
	if (size == ARENA_MAX_BLOCK) {
		void *p;
		if (posix_memalign(&p, ARENA_MAX_BLOCK, size) != 0)
			out_of_memory();
		madvise(p, size, MADV_HUGEPAGE);
		return p;
	}
#endif
	return rk_xmalloc(size);
}

/* Room for SIZE bytes in a new block; an object larger than a block gets
 * a block of its own, behind the newest, whose room stays in use. */
static void *arena_grow(struct rk_arena *a, size_t size)
{
	size_t room = a->block_size;

	if (size > room - sizeof(struct rk_arena_block)) {
		struct rk_arena_block *own =
			rk_xmalloc(sizeof(struct rk_arena_block) + size);
		if (a->blocks) {
			own->next = a->blocks->next;
			a->blocks->next = own;
		} else {
			own->next = NULL;
			a->blocks = own;     /* with no room: next and end NULL */
		}
		return own->data;
	}
	struct rk_arena_block *b = new_block(room);
	b->next = a->blocks;
	a->blocks = b;
	a->next = (char *)b->data + size;
	a->end = (char *)b + room;
	if (a->block_size < ARENA_MAX_BLOCK)
		a->block_size *= 2;
	return b->data;
}

/* SIZE bytes, not cleared, aligned to ALIGN (a power of two). */
static void *arena_take(struct rk_arena *a, size_t size, size_t align)
{
	uintptr_t at = ((uintptr_t)a->next + (align - 1)) & ~(uintptr_t)(align - 1);

	if (a->next && at <= (uintptr_t)a->end &&
	    size <= (uintptr_t)a->end - at) {
		a->next = (char *)at + size;
		return (void *)at;
	}
	return arena_grow(a, size);
}

void *rk_arena_alloc(struct rk_arena *a, size_t size)
{
	void *p = arena_take(a, size ? size : 1, ARENA_ALIGN);

	memset(p, 0, size);
	return p;
}

char *rk_arena_strndup(struct rk_arena *a, const char *s, size_t n)
{
	char *p = arena_take(a, n + 1, 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void *rk_arena_memdup(struct rk_arena *a, const void *v, size_t n,
		      size_t size)
{
	if (n == 0)
		return NULL;
	void *p = arena_take(a, n * size, ARENA_ALIGN);
	memcpy(p, v, n * size);
	return p;
}

void rk_buf_init(struct rk_buf *b)
{
	b->s = NULL;
	b->len = b->cap = 0;
}

void rk_buf_release(struct rk_buf *b)
{
	free(b->s);
	rk_buf_init(b);
}

static void reserve(struct rk_buf *b, size_t more)
{
	if (b->len + more + 1 <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < b->len + more + 1)
		cap *= 2;
	b->s = rk_xrealloc(b->s, cap);
	b->cap = cap;
}

void rk_buf_add(struct rk_buf *b, const char *s, size_t n)
{
	reserve(b, n);
	if (n)
		memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void rk_buf_adds(struct rk_buf *b, const char *s)
{
	rk_buf_add(b, s, strlen(s));
}

void rk_buf_addc(struct rk_buf *b, char c)
{
	rk_buf_add(b, &c, 1);
}

void rk_buf_vaddf(struct rk_buf *b, const char *fmt, va_list ap)
{
	va_list copy;

	va_copy(copy, ap);
	int n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n < 0)
		return;
	reserve(b, (size_t)n);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void rk_buf_addf(struct rk_buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	rk_buf_vaddf(b, fmt, ap);
	va_end(ap);
}

void rk_buf_pad(struct rk_buf *b, size_t n)
{
	reserve(b, n);
	memset(b->s + b->len, ' ', n);
	b->len += n;
	b->s[b->len] = '\0';
}

char *rk_buf_detach(struct rk_buf *b)
{
	char *s = b->s ? b->s : rk_xstrdup("");
	rk_buf_init(b);
	return s;
}

void rk_map_init(struct rk_map *m)
{
	m->slots = NULL;
	m->n = m->cap = 0;
}

void rk_map_release(struct rk_map *m)
{
	free(m->slots);
	rk_map_init(m);
}

static size_t hash(const char *s)
{
	size_t h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static struct rk_map_slot *find_slot(struct rk_map_slot *slots, size_t cap,
				     const char *key, size_t h)
{
	size_t i = h & (cap - 1);
	while (slots[i].key &&
	       (slots[i].hash != h || strcmp(slots[i].key, key) != 0))
		i = (i + 1) & (cap - 1);
	return &slots[i];
}

void *rk_map_get(const struct rk_map *m, const char *key)
{
	if (!m->cap)
		return NULL;
	struct rk_map_slot *s = find_slot(m->slots, m->cap, key, hash(key));
	return s->key ? s->value : NULL;
}

/* Rehomes every key into CAP slots, a power of two; the hashes are kept. */
static void resize_map(struct rk_map *m, size_t cap)
{
	struct rk_map_slot *slots = rk_xcalloc(cap, sizeof(*slots));

	for (size_t i = 0; i < m->cap; i++) {
		struct rk_map_slot *old = &m->slots[i];
		if (!old->key)
			continue;
		size_t j = old->hash & (cap - 1);
		while (slots[j].key)
			j = (j + 1) & (cap - 1);
		slots[j] = *old;
	}
	free(m->slots);
	m->slots = slots;
	m->cap = cap;
}

void rk_map_reserve(struct rk_map *m, size_t n)
{
	size_t cap = m->cap ? m->cap : 16;

	if (n == 0)
		return;
	while (n * 4 > cap * 3)
		cap *= 2;
	if (cap != m->cap)
		resize_map(m, cap);
}

void *rk_map_put(struct rk_map *m, const char *key, void *value)
{
	if ((m->n + 1) * 4 > m->cap * 3)
		resize_map(m, m->cap ? m->cap * 2 : 16);
	size_t h = hash(key);
	struct rk_map_slot *s = find_slot(m->slots, m->cap, key, h);
	if (s->key)
		return s->value;
	s->key = key;
	s->value = value;
	s->hash = h;
	m->n++;
	return NULL;
}

size_t rk_edit_distance(const char *a, const char *b, size_t limit)
{
	size_t la = strlen(a), lb = strlen(b);

	if ((la > lb ? la - lb : lb - la) > limit || lb > 256)
		return limit + 1;
	size_t row[257];
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0], best;
		row[0] = best = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t v = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < v)
				v = up + 1;
			if (row[j - 1] + 1 < v)
				v = row[j - 1] + 1;
			row[j] = v;
			diag = up;
			if (v < best)
				best = v;
		}
		if (best > limit)
			return limit + 1;
	}
	return row[lb] > limit ? limit + 1 : row[lb];
}

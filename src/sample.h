/*
 * sample.h: example payloads of a revision, for vendors' tests and for
 * renkei's own, written by `renkei sample`.
 *
 * Valid payloads stream: record after record is built from the layout
 * (optional items present and absent, repeats from their minimum to their
 * maximum, values at their boundaries: shortest and longest, multi-byte
 * text, numbers at full precision and scale, leap days, the first and last
 * days of each era, check digits computed by the runtime, every code value
 * in turn), written and forgotten, so any number of records takes the
 * memory of one.  Invalid payloads are a set of files, each a complete
 * document with exactly one violation, and a manifest saying which error
 * each must produce.
 *
 * Everything is chosen by a small PRNG from the seed: the same revision,
 * options and seed give the same bytes on every machine.
 */
#ifndef RK_SAMPLE_H
#define RK_SAMPLE_H

#include <stdint.h>
#include <stdio.h>

#include "model.h"

enum rk_sample_format { RK_SAMPLE_XML, RK_SAMPLE_YAML, RK_SAMPLE_JSON };

/* The format named NAME ("xml", "yaml", "json"): 0 and *FORMAT set, or -1. */
int rk_sample_format_parse(const char *name, enum rk_sample_format *format);
/* The file name extension of FORMAT, without the dot. */
const char *rk_sample_format_ext(enum rk_sample_format format);

struct rk_sample_opts {
	enum rk_sample_format format;
	/* Only this record (it must exist); NULL: every record in turn. */
	const struct rk_record *record;
	/* Valid payloads: how many records; 0: one of each record. */
	uint64_t count;
	uint64_t seed;
};

/*
 * Writes one valid payload of OPTS->count records of the checked revision
 * REV to OUT (not closed; flushed).  Returns 0, or -1 when writing failed
 * (errno set).
 */
int rk_sample_write(const struct rk_revision *rev,
		    const struct rk_sample_opts *opts, FILE *out);

/*
 * Writes the invalid payloads of REV into the existing directory DIR: one
 * file per violation, NNN-RULE-PATH.EXT, and the manifest expected.tsv,
 * whose lines after the header are
 *
 *   FILE <TAB> RULE <TAB> PATH <TAB> LINE <TAB> WHAT
 *
 * the error the file must produce (its rule id, its item path, empty for
 * errors without one, and its line) and what was broken, in words.
 * Returns the number of files written, or -1 when a file could not be
 * written (errno set; *FAILED, when not NULL, gets its path, which the
 * caller frees).
 */
long rk_sample_write_invalid(const struct rk_revision *rev,
			     const struct rk_sample_opts *opts,
			     const char *dir, char **failed);

#endif /* RK_SAMPLE_H */

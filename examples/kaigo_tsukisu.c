/*
 * kaigo_tsukisu.c: an example of the code `renkei compile` writes, at work.
 *
 * Reads the 介護保険 受給者基本情報 (kaigo_jukyusha) records of an R06
 * payload one by one, fills in 認定有効期間の月数 (nintei_yuko_tsukisu,
 * number(2)) where a record leaves it out, from the first and last day of
 * the period, checks it again, and writes the records that pass to
 * standard output as XML.  The reader checks each record as it reads it;
 * errors go to standard error, one per line, with their line and column.
 *
 *   kaigo_tsukisu PAYLOAD.xml > OUT.xml
 *
 * Exit status: 0 every record passed, 1 some did not (they are left out
 * of the output), 2 the payload or the output could not be used.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "r06.h"

struct job {
	struct rk_xml_writer *out;
	struct rk_errors errs;
	size_t read, filled, written;
	int write_failed;
};

/* The months from START to END (YYYY-MM-DD, both valid), counting the
 * first and the last: 2024-04-01 to 2025-03-31 is 12. */
static long months(const char *start, const char *end)
{
	long y1 = strtol(start, NULL, 10), m1 = strtol(start + 5, NULL, 10);
	long y2 = strtol(end, NULL, 10), m2 = strtol(end + 5, NULL, 10);

	return (y2 - y1) * 12 + (m2 - m1) + 1;
}

/* Fills in the months of validity when the record leaves them out. */
static void fill_months(struct job *job, struct r06_kaigo_jukyusha *r)
{
	if (r->nintei_yuko_tsukisu[0] != '\0')
		return;
	long n = months(r->nintei_yuko_kaishi, r->nintei_yuko_shuryo);
	if (n < 1 || n > 99)
		return;         /* a period number(2) cannot say: left out */
	snprintf(r->nintei_yuko_tsukisu, sizeof(r->nintei_yuko_tsukisu), "%ld", n);
	job->filled++;
}

static int each(void *data, struct r06_kaigo_jukyusha *r, size_t index)
{
	struct job *job = data;
	struct rk_errors quiet = { NULL, NULL, 0, 0 };
	const char *level = r06_care_level_label(r06_care_level_from_value(r->care_level));

	job->read++;
	/* The reader has checked the record as it read it, and reported
	 * its errors with their lines; count them again, quietly, to leave
	 * out a record that has any (and not compute from bad dates). */
	if (r06_kaigo_jukyusha_validate(r, &quiet) > 0) {
		fprintf(stderr, "record %zu (%s) left out\n", index, r->hihokensha_no);
		return 0;
	}
	fill_months(job, r);
	/* What the program changed is checked before it is written. */
	if (r06_kaigo_jukyusha_validate(r, &job->errs) > 0) {
		fprintf(stderr, "record %zu (%s) left out after the change\n", index,
			r->hihokensha_no);
		return 0;
	}
	fprintf(stderr, "record %zu: %s, %s, %s months\n", index, r->hihokensha_no,
		level, r->nintei_yuko_tsukisu[0] ? r->nintei_yuko_tsukisu : "?");
	if (r06_kaigo_jukyusha_write_xml(job->out, r) < 0) {
		job->write_failed = 1;
		return 1;       /* stops the reading */
	}
	job->written++;
	return 0;
}

int main(int argc, char **argv)
{
	struct job job;
	FILE *in;
	int status;

	if (argc != 2) {
		fprintf(stderr, "usage: kaigo_tsukisu PAYLOAD.xml > OUT.xml\n");
		return 2;
	}
	in = fopen(argv[1], "rb");
	if (!in) {
		perror(argv[1]);
		return 2;
	}
	memset(&job, 0, sizeof(job));
	job.errs.report = rk_errors_print;
	job.errs.data = stderr;
	job.out = rk_xml_writer_open(stdout, &r06_layout);
	if (!job.out) {
		fclose(in);
		return 2;
	}
	status = r06_kaigo_jukyusha_read_xml(in, each, &job, &job.errs);
	fclose(in);
	if (rk_xml_writer_close(job.out) < 0 || job.write_failed) {
		fprintf(stderr, "kaigo_tsukisu: cannot write the output\n");
		return 2;
	}
	fprintf(stderr, "%zu records read, %zu filled in, %zu written, %zu errors\n",
		job.read, job.filled, job.written, job.errs.count);
	if (status < 0)
		return 2;
	return job.errs.count ? 1 : 0;
}

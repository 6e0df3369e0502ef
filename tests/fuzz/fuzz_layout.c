/*
 * fuzz_layout.c: a libFuzzer target for the layout front end.
 *
 * Every input goes through what `renkei check` and `renkei fmt` do: the
 * encoding check, the scanner and parser, the checker, and the printer
 * when the file parsed.  Whatever the bytes, that must end without a
 * crash, a leak, a hang or undefined behaviour.  Without libFuzzer, the
 * driver in fuzz_main.c runs the same entry point over files.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "check.h"
#include "diag.h"
#include "fmt.h"
#include "model.h"
#include "parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rk_diags diags;
	struct rk_revision *rev = rk_revision_new();
	struct rk_source *src =
		rk_source_from_memory("fuzz.layout", (const char *)data, size);

	rk_diags_init(&diags);
	diags.limit = 50;
	if (rk_parse_file(rev, src, &diags) == 0) {
		char *text = rk_fmt_file(rev->files[0]);
		free(text);
		rk_check(rev, &diags);
	}
	rk_diags_sort(&diags);
	rk_diags_release(&diags);
	rk_revision_free(rev);
	return 0;
}

/*
 * fuzz_payload.c: a libFuzzer target for the payload readers.
 *
 * Each input is validated twice against a small layout that uses every
 * kind of item, a nested and a repeated group: once as XML (libxml2 SAX2
 * push parser) and once as YAML/JSON (libyaml).  Whatever the bytes, the
 * validator must end with a verdict: no crash, leak, hang, or unbounded
 * memory.  Without libFuzzer, fuzz_main.c replays files through it.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "parse.h"
#include "validate.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char layout[] =
	"revision F1 { title \"fuzz\"; released 2024-06-17; }\n"
	"codes lv \"levels\" { \"01\" a \"A\"; \"21\" b \"B\"; }\n"
	"type no = digits(10);\n"
	"record rec \"record\" {\n"
	"  a \"a\" : no required;\n"
	"  b \"b\" : text(5) [0..3];\n"
	"  c \"c\" : code(lv);\n"
	"  d \"d\" : date; e \"e\" : date8; f \"f\" : yearmonth; g \"g\" : wareki;\n"
	"  h \"h\" : number(5,2) signed; i \"i\" : flag; j \"j\" : mynumber;\n"
	"  k \"k\" : lgcode; l \"l\" : insurer; m \"m\" : kana(4); n \"n\" : hankana(4);\n"
	"  o \"o\" : alnum(3); p \"p\" : ascii(2..4); q \"q\" : string(8);\n"
	"  group r \"r\" [0..*] { s \"s\" : digits(1..2) required;\n"
	"    group t \"t\" [1..2] { u \"u\" : flag required; } }\n"
	"}\n"
	"record other \"other\" { v \"v\" : flag; }\n";

static struct rk_revision *rev;
static struct rk_schema *schema;

static void setup(void)
{
	struct rk_diags diags;

	rk_diags_init(&diags);
	rev = rk_revision_new();
	rk_parse_file(rev, rk_source_from_memory("fuzz.layout", layout,
						 sizeof(layout) - 1), &diags);
	if (diags.errors || rk_check(rev, &diags) != 0) {
		rk_diags_print(&diags, stderr, false);
		abort();
	}
	rk_diags_release(&diags);
	schema = rk_schema_new(rev);
}

static void run(const uint8_t *data, size_t size, enum rk_payload_format f)
{
	struct rk_vopts opts;
	struct rk_vresult r;
	FILE *in = fmemopen((void *)data, size, "rb");

	if (!in)
		return;
	memset(&opts, 0, sizeof(opts));
	opts.format = f;
	opts.schema = schema;
	rk_vresult_init(&r, "fuzz", 20);
	rk_validate_stream(in, &opts, &r);
	rk_vresult_release(&r);
	fclose(in);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!schema)
		setup();
	if (size == 0)
		return 0;
	run(data, size, RK_PAYLOAD_XML);
	run(data, size, RK_PAYLOAD_YAML);
	return 0;
}

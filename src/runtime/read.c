/*
 * read.c: looking names up in a layout, and rk_read, which picks a reader
 * for a payload.
 */
#include "reader_internal.h"

#include <libxml/parser.h>

#include <pthread.h>
#include <string.h>

const char *const rk_structure_rules[] = {
	"structure.unknown-record",  /* a record the revision does not have */
	"structure.unknown",         /* an element or key the layout does not have here */
	"structure.order",           /* XML: an element before one that precedes it in the layout */
	"structure.missing",         /* fewer occurrences than required */
	"structure.too-many",        /* more occurrences than allowed */
	"structure.text",            /* text directly inside a record or group */
	"structure.nested",          /* an element inside an item */
	"structure.shape",           /* YAML: a scalar for a group, a mapping for an item... */
	"structure.attribute",       /* XML: an attribute other than revision on the root */
	"structure.revision",        /* the payload names another revision, or none */
	"structure.duplicate-key",   /* YAML: a key given twice in one mapping */
	"structure.capacity",        /* generated code: more occurrences of a '*' member than its struct holds */
	"xml.syntax",                /* not well-formed XML */
	"xml.doctype",               /* a DOCTYPE (DTDs and entities are refused) */
	"yaml.syntax",               /* not well-formed YAML or JSON */
	"yaml.alias",                /* YAML anchors and aliases are refused */
	"payload.read",              /* the file could not be read */
	NULL
};

/* Binary search of NAME among NODES[BY_NAME[0..N)]. */
static long find(const struct rk_layout_node *nodes, const uint32_t *by_name,
		 size_t n, const char *name)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(name, nodes[by_name[mid]].name);
		if (c == 0)
			return (long)by_name[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return -1;
}

const struct rk_layout_node *rk_layout_record(const struct rk_layout *layout,
					      const char *name)
{
	long i = find(layout->records, layout->by_name, layout->n_records, name);
	return i < 0 ? NULL : &layout->records[i];
}

long rk_layout_child(const struct rk_layout_node *node, const char *name)
{
	return find(node->children, node->by_name, node->n_children, name);
}

static bool has_suffix(const char *s, const char *suffix)
{
	size_t ls = strlen(s), lx = strlen(suffix);
	return ls >= lx && strcmp(s + ls - lx, suffix) == 0;
}

static enum rk_format sniff(const char *name, const char *head, size_t n)
{
	if (has_suffix(name, ".xml"))
		return RK_FORMAT_XML;
	if (has_suffix(name, ".yaml") || has_suffix(name, ".yml") ||
	    has_suffix(name, ".json"))
		return RK_FORMAT_YAML;
	size_t i = n >= 3 && memcmp(head, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	while (i < n && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' ||
			 head[i] == '\n'))
		i++;
	return i < n && head[i] == '<' ? RK_FORMAT_XML : RK_FORMAT_YAML;
}

/* libxml2's global set-up is not thread-safe: done once, before any parse. */
static pthread_once_t xml_once = PTHREAD_ONCE_INIT;

static void init_xml(void)
{
	xmlInitParser();
}

int rk_read(FILE *in, const struct rk_read_options *opts,
	    struct rk_errors *errs, struct rk_read_stats *stats)
{
	struct rt_walk w;
	char head[512];
	size_t n, before = errs->count;
	int status;

	pthread_once(&xml_once, init_xml);
	n = fread(head, 1, sizeof(head), in);
	enum rk_format format = opts->format != RK_FORMAT_AUTO ? opts->format :
				sniff(opts->name ? opts->name : "", head, n);
	rt_walk_init(&w, opts, errs, format == RK_FORMAT_XML);
	w.bytes = n;
	if (ferror(in)) {
		struct rt_pos none = { 0, 0 };
		rt_walk_plain_error(&w, none, "payload.read", "cannot read the payload");
		w.failed = true;
	} else if (format == RK_FORMAT_XML) {
		rt_read_xml(&w, in, head, n);
	} else {
		rt_read_yaml(&w, in, head, n);
	}
	if (stats) {
		stats->format = format;
		stats->revision = w.layout ? w.layout->revision : NULL;
		stats->records = w.records;
		stats->bytes = w.bytes;
	}
	status = w.failed || w.stop ? -1 : errs->count > before ? 1 : 0;
	rt_walk_release(&w);
	return status;
}

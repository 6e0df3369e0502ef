/* bench/bare_yaml.c: the limit for `renkei validate` on YAML, a bare
 * libyaml event loop: yaml_parser_parse until STREAM_END, deleting each
 * event, nothing else.
 *
 *   bare_yaml FILE
 *
 * Prints "events=N" and exits 0 when the stream parses, 1 when it does
 * not, 2 when the file cannot be read. */
#include <stdio.h>
#include <yaml.h>

int main(int argc, char **argv)
{
	yaml_parser_t parser;
	yaml_event_t event;
	unsigned long events = 0;
	int done = 0, status = 0;
	FILE *in;

	if (argc != 2) {
		fprintf(stderr, "usage: bare_yaml FILE\n");
		return 2;
	}
	if (!(in = fopen(argv[1], "rb"))) {
		perror(argv[1]);
		return 2;
	}
	if (!yaml_parser_initialize(&parser)) {
		fprintf(stderr, "bare_yaml: cannot start the parser\n");
		return 2;
	}
	yaml_parser_set_input_file(&parser, in);
	while (!done) {
		if (!yaml_parser_parse(&parser, &event)) {
			fprintf(stderr, "bare_yaml: line %lu: %s\n",
				(unsigned long)parser.problem_mark.line + 1,
				parser.problem ? parser.problem : "error");
			status = 1;
			break;
		}
		events++;
		done = event.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&event);
	}
	yaml_parser_delete(&parser);
	fclose(in);
	printf("events=%lu\n", events);
	return status;
}

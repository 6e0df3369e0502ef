# The benchmarks: the synthetic layout generator, and `make bench` (every
# benchmark, rewriting bench/RESULTS.md) and `make bench-quick` (the smoke
# run CI uses) around bench/run.sh.  Included by the top-level Makefile.am;
# paths are from the top.

noinst_PROGRAMS += bench/gen_layout
bench_gen_layout_SOURCES = bench/gen_layout.c

EXTRA_DIST += bench/run.sh bench/README.md bench/RESULTS.md

bench_env = RENKEI='$(abs_top_builddir)/src/renkei' \
	GEN='$(abs_top_builddir)/bench/gen_layout' \
	LIBTOOL='$(abs_top_builddir)/libtool'

bench: src/renkei$(EXEEXT) bench/gen_layout$(EXEEXT)
	$(bench_env) bash $(srcdir)/bench/run.sh $(BENCH_FLAGS) $(abs_top_builddir)

bench-quick: src/renkei$(EXEEXT) bench/gen_layout$(EXEEXT)
	$(bench_env) bash $(srcdir)/bench/run.sh --quick $(abs_top_builddir)

.PHONY: bench bench-quick

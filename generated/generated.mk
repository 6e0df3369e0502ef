# generated/: the C code `renkei compile` writes for every revision in
# layouts/, checked in, so that vendors (and the diffs between two
# revisions) can read it without running renkei.  `make generated` writes
# it again; tests/compile.sh fails when it differs from what the layouts
# give, and tests/compile/link_generated links it all into one program.

generated: src/renkei
	@set -e; for dir in $(srcdir)/layouts/*/; do \
		rev=$$(basename "$$dir"); \
		echo "  GEN      generated/$$rev"; \
		$(top_builddir)/src/renkei compile -q "$${dir%/}" \
			-o $(srcdir)/generated/$$rev; \
	done
.PHONY: generated

# The files themselves are distributed as the sources of
# tests/compile/link_generated (tests/tests.mk).

# Two commands do all set-up on a fresh machine (see README):
#   make demo   - install, check the demo records, build and serve the site on http://127.0.0.1:8000
#   make test   - install everything the tests need (incl. Debian's chromium) and run the whole suite
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: demo build test security bench install browser i18n docs-deps

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	$(PY) tools/i18n.py compile 2>/dev/null  # locale/*.po -> .mo (without it they compile on first use)
	$(PY) -m compileall -q src/caseconf >/dev/null  # the commit hook starts faster from bytecode
	touch $(STAMP)

install: $(STAMP)

browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq chromium >/dev/null; fi; }
	@# the editor tests: node runs the form's own JavaScript, npm installs decap-server (tests/editor)
	@command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || { \
	  SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); $$SUDO apt-get update -qq && \
	  $$SUDO apt-get install -y -qq nodejs >/dev/null && \
	  { command -v npm >/dev/null 2>&1 || $$SUDO apt-get install -y -qq npm >/dev/null; }; }

# What WeasyPrint (PDF of `caseconf doc`) and the document tests need from Debian:
# Pango and HarfBuzz for text layout, DejaVu fonts (Czech and Montenegrin letters), poppler.
DOCS_DEBS := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core poppler-utils
docs-deps:
	@missing=$$(for p in $(DOCS_DEBS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq $$missing >/dev/null; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq $$missing >/dev/null; fi; fi

demo: $(STAMP)
	$(VENV)/bin/caseconf check
	$(VENV)/bin/caseconf site serve

build: $(STAMP)
	$(VENV)/bin/caseconf site build

test: $(STAMP) browser docs-deps
	$(PY) -m pytest -q -p no:cacheprovider; rc=$$?; \
	  if [ $$rc -eq 5 ]; then echo "pytest collected no tests (exit 5): nothing to run"; exit 0; fi; exit $$rc

# The security suite alone (SECURITY.md lists what each of its tests holds).
security: $(STAMP) browser
	$(PY) -m pytest -q -p no:cacheprovider tests/security

bench: $(STAMP)
	$(PY) benchmarks/run.py

# Message catalogues (src/caseconf/locale/<lang>/LC_MESSAGES/*.po): compile them to .mo, write
# the packs' glossary tables from locale/glossary.yml, and fail on an untranslated entry. `tools/i18n.py --help` lists extract/update/convert.
i18n: $(STAMP)
	$(PY) tools/i18n.py compile
	$(PY) tools/i18n.py pages
	$(PY) tools/i18n.py check

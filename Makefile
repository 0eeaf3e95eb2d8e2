# xxgk — the two commands are `make run` and `make test`. See README.md.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
UV_VERSION := 0.13.9
UV := $(shell command -v uv 2>/dev/null || echo $(HOME)/.local/bin/uv)
VENV := .venv
MANAGE := $(VENV)/bin/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
PG_URL ?= postgres://postgres@127.0.0.1:5432/xxgk
PYTEST_ARGS ?=

# English catalogues: one per app (xxgk/<app>/locale), the project's templates in xxgk/locale.
# Source strings are Chinese; `make messages` refreshes every .po and compiles the .mo files
# that ship in the repository (tests/test_translations.py checks both are current).
messages: install
	cd xxgk && ../$(VENV)/bin/python ../manage.py makemessages -l en --add-location=file --no-obsolete --ignore 'migrations/*' >/dev/null
	cd xxgk && ../$(VENV)/bin/python ../manage.py compilemessages -l en >/dev/null

.PHONY: messages mutation mutation-hand help install system-deps serving-deps lighthouse-deps run serve setup test test-sqlite test-pg lint format bench pg-start clean backup restore

help:
	@echo "make run        set everything up (venv, migrations, catalogue, demo data) and serve on http://$(HOST):$(PORT)"
	@echo "make test       run the whole test suite on SQLite (browser tests included)"
	@echo "make test-pg    the suite on PostgreSQL (every non-browser test, the database-specific browser journeys)"
	@echo "make lint       ruff check and format check, import contracts (.importlinter), djLint on templates"
	@echo "make format     ruff fixes and format, djLint reformats the templates"
	@echo "make messages   refresh the English catalogues (xxgk/*/locale) and compile them"
	@echo "make bench      every benchmark under bench/, one table (installs nginx and wrk)"
	@echo "make mutation [MODULE=fees]  mutation testing of the rules (docs/testing.md)"
	@echo "make mutation-hand           the hand-made one-point changes to the rules"
	@echo "make backup     archive database and uploads while the site runs (var/backups/)"
	@echo "make restore ARCHIVE=…  restore an archive onto a fresh install (docs/backup.md)"

$(UV):
	$(PYTHON) -m pip install --quiet --user "uv==$(UV_VERSION)" || $(PYTHON) -m pip install --quiet "uv==$(UV_VERSION)"

# The virtualenv follows the lock file exactly.
$(VENV)/.synced: pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen --python $(PYTHON)
	@touch $@

install: $(VENV)/.synced

# Debian packages the test suite needs: Chromium for Playwright, CJK fonts for screenshots;
# Tesseract with its Chinese and English models and poppler's pdftoppm for the OCR of
# scanned attachments (docs/review.md) — the models come with the packages, nothing is
# downloaded at run time; the sRGB colour profile of icc-profiles-free goes into every PDF
# (PDF/A-2b output intent).
system-deps:
	@if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi "noto.*cjk" \
		|| ! fc-list 2>/dev/null | grep -q "uming.ttc" || ! fc-list 2>/dev/null | grep -q "ukai.ttc" \
		|| ! fc-list 2>/dev/null | grep -q "wqy-zenhei.ttc" \
		|| ! command -v pdftoppm >/dev/null 2>&1 || ! command -v msgfmt >/dev/null 2>&1 \
		|| ! [ -f /usr/share/color/icc/sRGB.icc ] \
		|| ! tesseract --list-langs 2>/dev/null | grep -qx chi_sim; then \
		echo "Installing Debian packages: chromium fonts-noto-cjk fonts-arphic-uming fonts-arphic-ukai fonts-wqy-zenhei tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-eng poppler-utils gettext icc-profiles-free"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk fonts-arphic-uming fonts-arphic-ukai fonts-wqy-zenhei tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-eng poppler-utils gettext icc-profiles-free >/dev/null; \
	fi
	@$(MAKE) --no-print-directory serving-deps

# nginx (the serving test and `make bench` run gunicorn behind it), wrk (bench), Redis (the
# shared view-count buffer's test starts its own server).
serving-deps:
	@if ! [ -x /usr/sbin/nginx ] || ! command -v wrk >/dev/null 2>&1 || ! command -v redis-server >/dev/null 2>&1; then \
		echo "Installing Debian packages: nginx-light wrk redis-server"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light wrk redis-server >/dev/null; \
	fi

# Lighthouse for the browser tests (tests/browser/test_lighthouse_browser.py), pinned in
# tools/lighthouse/package-lock.json; 12.x runs on Node 18 and 20 (Debian's nodejs will do).
LIGHTHOUSE := tools/lighthouse/node_modules/lighthouse/cli/index.js
$(LIGHTHOUSE): tools/lighthouse/package.json tools/lighthouse/package-lock.json
	@command -v npm >/dev/null 2>&1 || { echo "Installing Debian packages: nodejs npm"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; }
	cd tools/lighthouse && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

lighthouse-deps: $(LIGHTHOUSE)

# A quiet start: progress lines, then the addresses and the demo accounts; what migrate and
# the demo loader log goes to var/log/ (shown on failure).
setup: install
	@mkdir -p var/log
	@echo "数据库迁移（日志：var/log/migrate.log）"
	@$(MANAGE) migrate --noinput > var/log/migrate.log 2>&1 || { tail -n 30 var/log/migrate.log; exit 1; }
	@$(MANAGE) load_demo --site-url http://$(HOST):$(PORT) --log-file var/log/load_demo.log \
		|| { tail -n 30 var/log/load_demo.log; exit 1; }

# The task worker (periodic jobs: scheduled publishing, reminders) runs in the background and
# stops with the server; `schedule_jobs --enqueue` plants the scheduler if none is waiting.
serve: install
	@mkdir -p var/log
	@$(MANAGE) schedule_jobs --enqueue >> var/log/worker.log 2>&1
	@echo "任务进程日志：var/log/worker.log"
	@$(MANAGE) db_worker --backend database --queue-name '*' --no-reload --interval 5 >> var/log/worker.log 2>&1 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(MANAGE) runserver $(HOST):$(PORT)

run: setup serve

# Browser tests run in their own process after the rest: live-server tests flush the
# database, and keeping them apart keeps every run's data the same whatever xdist does.
test: install system-deps lighthouse-deps
	$(VENV)/bin/pytest -n 2 -m "not browser" $(PYTEST_ARGS)
	$(VENV)/bin/pytest -m browser $(PYTEST_ARGS)

pg-start:
	@pg_isready -h 127.0.0.1 -p 5432 -q || pg_ctlcluster --skip-systemctl-redirect $$(ls /etc/postgresql) main start
	@for i in $$(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && exit 0; sleep 1; done; echo "PostgreSQL did not start"; exit 1

# On PostgreSQL the browser runs only the journeys whose database work differs between the
# engines: full-text search (FTS5 / tsvector), case numbers under row locks (requests, letters)
# and review records numbered per year. The other journeys (layout, accessibility, Lighthouse,
# documents, dashboards) drive code whose queries the rest of the suite runs on PostgreSQL;
# they run in `make test`. Keeps CI under its 30 minutes.
PG_BROWSER_TESTS := tests/browser/test_search_browser.py tests/browser/test_requests_browser.py \
	tests/browser/test_mailbox_browser.py tests/browser/test_review_browser.py
test-pg: install system-deps pg-start
	DATABASE_URL=$(PG_URL) $(VENV)/bin/pytest -n 2 -m "not browser" $(PYTEST_ARGS)
	DATABASE_URL=$(PG_URL) $(VENV)/bin/pytest -m browser $(PG_BROWSER_TESTS) $(PYTEST_ARGS)

# Templates: djLint's format check and its linter (settings in pyproject.toml, [tool.djlint]).
TEMPLATE_DIRS := xxgk xxgk_demo

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/djlint --check --quiet $(TEMPLATE_DIRS)
	$(VENV)/bin/djlint --lint $(TEMPLATE_DIRS)

# djLint twice: a few nested blocks settle only on the second pass; a third changes nothing.
format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
	$(VENV)/bin/djlint --reformat --quiet $(TEMPLATE_DIRS) || true
	$(VENV)/bin/djlint --reformat --quiet $(TEMPLATE_DIRS) || true
	$(VENV)/bin/djlint --check --quiet $(TEMPLATE_DIRS)

# Every bench/*_bench.py, one table (bench/README.md). The portal's dataset is kept in
# var/bench/portal/ and rebuilt only when its generator or the migrations change.
bench: install system-deps
	$(VENV)/bin/python bench/run_all.py

# A consistent archive of the database and every upload, taken while the site runs
# (docs/backup.md); restore refuses a database that holds data unless FORCE=1.
backup: install
	$(MANAGE) backup

restore: install
	@test -n "$(ARCHIVE)" || { echo "usage: make restore ARCHIVE=var/backups/xxgk-….tar.gz [FORCE=1]"; exit 2; }
	$(MANAGE) restore "$(ARCHIVE)" $(if $(FORCE),--force)

clean:
	rm -rf var/ test-results/

# Mutation testing of the rules (docs/testing.md): slow, so not part of .ci/run. MODULE is one
# of workdays deadlines fees scan obligations rights numbering (default: all of them).
MODULE ?=
mutation: install
	$(VENV)/bin/python scripts/mutation.py $(MODULE)

mutation-hand: install
	$(VENV)/bin/python scripts/hand_mutations.py

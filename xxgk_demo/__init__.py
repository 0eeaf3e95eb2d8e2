"""Demo data for `make run`: a school year of departments, accounts, disclosures, cases,
letters and report records. Installed only when settings.XXGK_DEMO is on (by default outside
production); nothing under xxgk/ imports it, so production code carries no demo data
(tests/demo/test_boundary.py keeps it that way)."""

# The two commands of the README, for those who have make. Each installs everything first.
PY ?= python3
PIP = $(PY) -m pip

.PHONY: install demo test bench
install:
	$(PIP) install torch==2.13.0
	$(PIP) install -e ".[dev]"

demo: install
	research demo --out demo-project --force

test: install
	$(PY) -m pytest

bench:
	$(PY) bench/run_all.py

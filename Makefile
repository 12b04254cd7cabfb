# rasid — the two commands: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install demo test lint format bench model clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/rasid analyze examples/seed-article.txt --published 2022-02-28

test: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/pytest

format: $(STAMP)
	$(BIN)/ruff format src tests bench
	$(BIN)/ruff check --fix src tests bench

bench: $(STAMP)
	$(BIN)/python bench/html_gold.py
	$(BIN)/python bench/read_saudinewsnet.py
	$(BIN)/python bench/arabic_core.py
	$(BIN)/python bench/ner_speed.py
	$(BIN)/rasid eval ner
	$(BIN)/python bench/stages_speed.py
	$(BIN)/rasid eval statements
	$(BIN)/rasid eval statements --split test
	$(BIN)/rasid eval dates
	$(BIN)/rasid eval events
	$(BIN)/rasid eval events --split test
	$(BIN)/python bench/ingest_saudinewsnet.py --workers 2
	$(BIN)/python bench/search_latency.py
	$(BIN)/python bench/web_load.py --workers 2

# Rebuild the shipped NER data and model from ../shared (about 3 minutes on 2 cores):
# word clusters (ANT corpus + NER train text), the gazetteer (CLDR + GeoNames + aliases.tsv),
# then the CRF tagger on ANERcorp train, scored on its test split into meta.json.
model: $(STAMP)
	$(BIN)/pip install --quiet -e '.[dev,train]'
	PYTHONHASHSEED=0 $(BIN)/python -m rasid.entities.train_clusters
	$(BIN)/python -m rasid.entities.build_gazetteer
	$(BIN)/rasid train ner

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .ruff_cache

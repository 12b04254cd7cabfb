"""The shipped word clusters: they load, they mean something, and a bad file is a ModelError."""

from __future__ import annotations

import gzip
import itertools
from pathlib import Path

import pytest

from rasid.arabic import normalize
from rasid.entities.clusters import HEADER, Clusters, load_clusters
from rasid.errors import ModelError

# Common Arabic male first names, and frequent verbs of news reporting.
NAMES = ["محمد", "أحمد", "علي", "حسن", "إبراهيم", "خالد", "سامي", "كمال", "عماد", "نبيل"]
VERBS = ["قال", "أكد", "أضاف", "أعلن", "أوضح", "أشار", "كشف", "دعا"]
# Tunisian governorate seats and other towns.
CITIES = ["صفاقس", "سوسة", "نابل", "قفصة", "قابس", "القيروان", "بنزرت", "مدنين"]


@pytest.fixture(scope="module")
def clusters() -> Clusters:
    return load_clusters()


def _share(clusters: Clusters, left: list[str], right: list[str], level: int) -> float:
    """Share of the (left, right) pairs of distinct words whose cluster ids agree."""
    pairs = [(a, b) for a, b in itertools.product(left, right) if a != b]
    same = 0
    for a, b in pairs:
        ca, cb = clusters.get(normalize(a)), clusters.get(normalize(b))
        assert ca is not None and cb is not None, (a, b)
        same += ca[level] == cb[level]
    return same / len(pairs)


def test_shipped_file_loads(clusters):
    assert len(clusters) > 20_000
    assert load_clusters() is clusters  # cached
    coarse, fine, finest = clusters.get(normalize("وزارة"))
    assert 0 <= int(coarse) < 128 and 0 <= int(fine) < 1024 and 0 <= int(finest) < 4096
    assert clusters.get("no-such-word") is None
    assert normalize("محمد") in clusters


def test_both_forms_are_in_the_vocabulary(clusters):
    # Whole words and clitic-stripped stems are both keys.
    assert clusters.get(normalize("والحكومة")) is not None
    assert clusters.get(normalize("حكومة")) is not None


def test_first_names_cluster_together(clusters):
    names = _share(clusters, NAMES, NAMES, 0)
    mixed = _share(clusters, NAMES, VERBS, 0)
    assert names >= 0.4
    assert mixed <= 0.05
    assert names > mixed + 0.3


def test_cities_cluster_together(clusters):
    cities = _share(clusters, CITIES, CITIES, 1)
    mixed = _share(clusters, CITIES, NAMES + VERBS, 1)
    assert cities >= 0.4
    assert cities > mixed + 0.3


def _write(path: Path, text: str) -> Path:
    path.write_bytes(gzip.compress(text.encode("utf-8")))
    return path


def test_load_from_path(tmp_path):
    path = _write(tmp_path / "c.tsv.gz", f"{HEADER}\nمحمد\t3\t17\t1200\nقال\t5\t900\t3001\n")
    loaded = load_clusters(path)
    assert loaded.get("محمد") == ("3", "17", "1200")
    assert len(loaded) == 2


@pytest.mark.parametrize(
    "content",
    [
        None,  # missing
        b"not gzip at all",
        gzip.compress(b"x")[:-6],  # truncated
        gzip.compress(b"\xff\xfe bad utf-8"),
        gzip.compress(b"wrong\theader\n"),
        gzip.compress(f"{HEADER}\nword\t1\n".encode()),
        gzip.compress(f"{HEADER}\n".encode()),
    ],
)
def test_bad_file_is_a_model_error(tmp_path, content):
    path = tmp_path / "clusters.tsv.gz"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(ModelError) as info:
        load_clusters(path)
    assert info.value.code == "E200"
    assert "\n" not in str(info.value)

"""The command line as a user runs it."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import SEED

RASID = [sys.executable, "-m", "rasid.cli"]


def run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "COLUMNS": "100", **(env or {})}
    return subprocess.run(
        [*RASID, *args], capture_output=True, text=True, timeout=120, env=full_env, check=False
    )


def test_help_has_examples():
    top = run("--help")
    assert top.returncode == 0 and "analyze" in top.stdout
    sub = run("analyze", "--help")
    assert sub.returncode == 0
    assert "rasid analyze examples/seed-article.txt" in sub.stdout
    assert "--published" in sub.stdout and "--json" in sub.stdout


def test_version():
    result = run("--version")
    assert result.returncode == 0 and result.stdout.startswith("rasid ")


def test_terminal_view_of_the_seed():
    result = run("analyze", str(SEED))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "انطلاق محادثات بين روسيا وأوكرانيا بعد بدء الغزو .. ماذا جرى ؟" in out
    assert "رغد الحاج" in out
    assert "أوكرانيا تشترط وقف إطلاق النار" in out and "تصعيد أوكراني" in out
    assert "2 headings, 10 paragraphs" in out
    for reason in ("read-also", "related", "author-bio", "site-ui"):
        assert reason in out


def test_visual_rtl_reorders_for_plain_terminals():
    logical = run("analyze", str(SEED)).stdout
    visual = run("analyze", str(SEED), "--visual-rtl").stdout
    assert "تصعيد أوكراني" in logical
    assert "تصعيد أوكراني" not in visual
    assert "".join(reversed("تصعيد")) in visual  # shown right to left, letter by letter


def test_stdin():
    result = subprocess.run(
        [*RASID, "analyze", "-", "--json"],
        input=SEED.read_bytes(),
        capture_output=True,
        timeout=120,
    )
    assert result.returncode == 0
    assert "رغد الحاج".encode() in result.stdout

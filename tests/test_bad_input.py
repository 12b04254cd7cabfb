"""Bad input: one clear error, never a traceback, nothing half-done."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

import rasid

from conftest import SEED

RASID = [sys.executable, "-m", "rasid.cli"]


def run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*RASID, *args], input=stdin, capture_output=True, timeout=120)


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "E101"),
        (b"   \n\t  \n", "E101"),
        (bytes(range(256)) * 40, "E103"),
        (b"\x89PNG\r\n\x1a\n" + os.urandom(2000).replace(b"\x00", b"\x01") + b"\x00", "E103"),
        (b"<html><head><title>x</title></head><body><nav>a</nav></body></html>", "E105"),
    ],
)
def test_read_errors(data, code):
    with pytest.raises(rasid.ReadError) as info:
        rasid.read(data)
    assert info.value.code == code
    assert "\n" not in str(info.value)


def test_size_cap_refuses_before_reading(tmp_path):
    huge = tmp_path / "huge.html"
    with huge.open("wb") as f:  # a sparse 200 MB file: nothing is written, the size is real
        f.truncate(200 * 1024 * 1024)
    with pytest.raises(rasid.ReadError) as info:
        rasid.read(huge)
    assert info.value.code == "E102"
    small = rasid.ReadOptions(max_bytes=100)
    with pytest.raises(rasid.ReadError):
        rasid.read(SEED, options=small)


def test_invalid_utf8_is_read_as_best_legacy_encoding_or_refused():
    # valid UTF-8 with one broken byte in the middle: decoded as a legacy encoding would
    # garble the Arabic, so the reader must either refuse or keep the Arabic intact
    data = SEED.read_bytes()
    broken = data[:500] + b"\xff\xfe\xfd" + data[500:]
    try:
        article = rasid.read(broken)
    except rasid.ReadError as exc:
        assert exc.code in {"E104", "E105"}
    else:
        assert "روسيا" in article.text


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(rasid.ReadError) as info:
        rasid.read(tmp_path / "nope.html")
    assert info.value.code == "E106"
    with pytest.raises(rasid.ReadError) as info:
        rasid.read(tmp_path)
    assert info.value.code == "E107"


@pytest.mark.parametrize(
    ("args", "stdin"),
    [
        (("analyze", "-"), b""),
        (("analyze", "-"), bytes(range(256)) * 10),
        (("analyze", "/no/such/file.html"), None),
        (("analyze", str(SEED), "--published", "yesterday"), None),
        (("analyze", str(SEED), "--max-bytes", "10"), None),
        (("analyze", "-"), b"<html><body><script>x()</script></body></html>"),
    ],
)
def test_cli_bad_input_one_line_nonzero(args, stdin):
    result = run_cli(*args, stdin=stdin)
    assert result.returncode != 0
    err = result.stderr.decode("utf-8").strip()
    assert err.startswith("rasid: error:"), err
    assert len(err.splitlines()) == 1, err
    assert "Traceback" not in err
    assert result.stdout == b""


def test_cli_usage_error_is_not_a_traceback():
    result = run_cli("analyze")
    assert result.returncode == 2
    assert b"Traceback" not in result.stderr


def test_cli_unreachable_url_one_line():
    result = run_cli("analyze", "http://127.0.0.1:9/article.html", "--timeout", "2")
    assert result.returncode == 1
    err = result.stderr.decode("utf-8").strip()
    assert err.startswith("rasid: error: [E108]") and len(err.splitlines()) == 1

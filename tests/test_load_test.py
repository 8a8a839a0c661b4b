# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The pure parts of tests/load_test.py: percentiles, the report per
request type, what the server log says about concurrency, the photo. The
load run itself is not for CI (README: how it is run and its result)."""

import struct
import zlib

import load_test

PREFIX = "2026-12-02 19:55:48,598 16205"
LOG = [
    f"{PREFIX} ERROR db odoo.sql_db: bad query: b'UPDATE ir_sequence'\n",
    "ERROR: could not serialize access due to concurrent update\n",
    f"{PREFIX} INFO db odoo.service.model: SERIALIZATION_FAILURE, "
    "4 tries left, try again in 0.9794 sec...\n",
    f"{PREFIX} INFO db odoo.service.model: SERIALIZATION_FAILURE, "
    "maximum number of tries reached!\n",
    f"{PREFIX} ERROR db odoo.http: Exception during request handling.\n",
    f'{PREFIX} INFO db werkzeug: "GET /my/tickets HTTP/1.1" 200\n',
]


def test_percentile_nearest_rank():
    values = list(range(1, 101))
    assert load_test.percentile(values, 0.5) == 50
    assert load_test.percentile(values, 0.95) == 95
    assert load_test.percentile([7], 0.95) == 7
    assert load_test.percentile([], 0.5) is None


def test_summarize_per_type():
    samples = [("a", 0.1, True), ("a", 0.3, False), ("b", 0.2, True)]
    report = load_test.summarize(samples, 2.0)
    assert report["a"] == {
        "count": 2,
        "per_second": 1.0,
        "p50_ms": 100.0,
        "p95_ms": 300.0,
        "max_ms": 300.0,
        "errors": 1,
    }
    assert report["b"]["errors"] == 0


def test_scan_log_separates_retries_from_errors():
    scan = load_test.scan_log(LOG)
    assert scan["retries"] == 1
    assert scan["retries_exhausted"] == 1
    # the failed statement of a retried request is not an error; the
    # request that failed is
    assert scan["errors"] == 1
    assert "Exception during request handling" in scan["error_lines"][0]


def test_tiny_png_is_a_png():
    data = load_test.tiny_png(3)
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    length = struct.unpack(">I", data[8:12])[0]
    assert data[12:16] == b"IHDR" and length == 13
    crc = struct.unpack(">I", data[16 + length : 20 + length])[0]
    assert crc == zlib.crc32(data[12 : 16 + length])
    assert load_test.tiny_png(3) != load_test.tiny_png(4)

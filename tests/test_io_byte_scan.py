"""io.byte_scan: slice-wise numpy scans agree with Python's own byte search, at slice edges too."""

from __future__ import annotations

import random
import re

import numpy as np
import pytest

from stationmap.io import byte_scan
from stationmap.io.readers import read_table

SLICE = byte_scan.SLICE_BYTES


def random_bytes(size: int, seed: int) -> bytes:
    alphabet = np.frombuffer(b"ab\n\xc3\x83\xa9;", dtype=np.uint8)
    return np.random.default_rng(seed).choice(alphabet, size).tobytes()


@pytest.mark.parametrize("start", [0, 1, SLICE - 1, SLICE, SLICE + 7])
def test_count_byte_agrees_with_bytes_count(start):
    data = random_bytes(2 * SLICE + 123, seed=start)
    assert byte_scan.count_byte(data, ord("\n"), start) == data.count(b"\n", start)


@pytest.mark.parametrize("lead_at", [0, SLICE - 1, SLICE, 2 * SLICE - 1, 3 * SLICE - 2])
def test_has_pair_finds_a_pair_wherever_it_sits(lead_at):
    data = bytearray(b"x" * (3 * SLICE))
    data[lead_at:lead_at + 2] = b"\xc3\x83"
    assert byte_scan.has_pair(bytes(data), 0xC3, b"\x82\x83")
    assert not byte_scan.has_pair(bytes(data), 0xC3, b"\xa9")  # the lead alone, or with another follower


def test_has_pair_agrees_with_a_regular_expression():
    pattern = re.compile(rb"\xc3[\x82-\x85\xa2]")
    for seed in range(20):
        data = bytes(random.Random(seed).choice(b"a\xc3\xa9\xb1\x83") for _ in range(300))
        assert byte_scan.has_pair(data, 0xC3, b"\x82\x83\x84\x85\xa2") == bool(pattern.search(data))


def test_a_twice_encoded_word_deep_in_a_large_file_is_repaired(tmp_path):
    # Several slices of clean accented rows, then one row whose "ó" was saved twice ("Ã³").
    clean = "1;01/11/2026;21:30;Extorsión;Trujillo\n" * (3 * SLICE // 38)
    twice = "Extorsión".encode().decode("latin-1")
    path = tmp_path / "grande.csv"
    path.write_text(f"id;fecha;hora;modalidad;distrito\n{clean}2;01/11/2026;22:00;{twice};Trujillo\n",
                    encoding="utf-8")
    table = read_table(path)
    assert table.frame["modalidad"].iloc[-1] == "Extorsión"
    assert [w.code for w in table.warnings] == ["read.double_encoding_repaired"]
    assert len(table.frame) == len(table.line_numbers) == clean.count("\n") + 1
    assert table.line_numbers[-1] == clean.count("\n") + 2

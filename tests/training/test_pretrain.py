"""The pretraining config is the training config plus spaCy's pretraining block."""

from __future__ import annotations

import pytest
from thinc.api import Config

from tests.conftest import ROOT
from training.pretrain import pretrain_config, reuse


def test_pretraining_config_keeps_the_models_tok2vec(tmp_path):
    source = ROOT / "training" / "configs" / "de_news_accurate.cfg"
    merged = Config().from_disk(pretrain_config(source, tmp_path / "pretrain.cfg"),
                                interpolate=False)
    original = Config().from_disk(source, interpolate=False)
    # the weights spacy pretrain writes must fit the tok2vec spacy train builds
    assert merged["components"]["tok2vec"] == original["components"]["tok2vec"]
    assert merged["pretraining"]["component"] == "tok2vec"
    assert merged["pretraining"]["objective"]["@architectures"] == "spacy.PretrainCharacters.v1"
    assert merged["corpora"]["pretrain"]["path"] == "${paths.raw_text}"
    assert merged["training"] == original["training"]


def test_reuse_takes_the_last_whole_pass_when_no_last_weights(tmp_path):
    weights = tmp_path / "weights"
    weights.mkdir()
    for name in ("model0.bin", "model2.bin", "model10.bin", "model10.temp.bin"):
        (weights / name).write_bytes(b"")
    (weights / "log.jsonl").write_text('{"nr_word": 5, "epoch": 0}\n{"nr_word": 9, "epoch": 1}\n')
    found = reuse(tmp_path)
    assert found["weights_file"] == "model10.bin" and found["words_seen"] == 9
    (weights / "model-last.bin").write_bytes(b"")
    assert reuse(tmp_path)["weights_file"] == "model-last.bin"


def test_reuse_says_where_no_weights_are(tmp_path):
    (tmp_path / "weights").mkdir()
    with pytest.raises(RuntimeError, match="no weights"):
        reuse(tmp_path)

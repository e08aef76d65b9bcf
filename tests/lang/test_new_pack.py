"""Adding a language is adding a folder: a third pack, made here of the English data
files, is found and analysed with no change to any code outside its folder."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import lagebild.lang as lang
from lagebild import Pipeline

PACK = '''from pathlib import Path

from lagebild.lang.base import LanguagePack

PACK = LanguagePack(code="xx", data_dir=Path(__file__).parent / "data")
'''
TEXT = ("Russia accused Ukraine on Monday of shelling Donetsk. "
        "President Vladimir Putin said 20 soldiers were killed.")


def test_a_pack_in_a_new_folder_is_found_and_runs(tmp_path, monkeypatch):
    folder = tmp_path / "xx"
    shutil.copytree(Path(lang.__file__).parent / "en" / "data", folder / "data")
    (folder / "__init__.py").write_text(PACK, encoding="utf-8")
    monkeypatch.setattr(lang, "__path__", [*lang.__path__, str(tmp_path)])
    monkeypatch.delitem(sys.modules, "lagebild.lang.xx", raising=False)
    assert "xx" in lang.languages()
    pipeline = Pipeline({"languages": ["xx"]})
    try:
        document = pipeline({"text": TEXT, "lang": "xx", "published": "2022-01-10"})
    finally:
        sys.modules.pop("lagebild.lang.xx", None)
    assert document.error is None and document.lang == "xx"
    assert {a.country for a in document.actors} >= {"RUS", "UKR"}
    assert [t.value for t in document.times] == ["2022-01-10"]
    assert [a.value for a in document.amounts] == [20]
    assert document.events

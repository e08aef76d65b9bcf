"""Sources: text, HTML, JSONL, folders, stdin and URLs, and every kind of bad input."""

from __future__ import annotations

import io
import json
import resource

import pytest

from lagebild.ingest import read_source, read_sources
from lagebild.ingest.text import MAX_BYTES
from tests.conftest import closed_port, write_jsonl

HTML = """<!DOCTYPE html>
<html lang="de"><head><title>Proteste in Almaty | Beispielzeitung</title>
<meta property="og:title" content="Proteste in Almaty">
<meta property="article:published_time" content="2022-01-06T10:00:00+01:00">
<meta property="og:site_name" content="Beispielzeitung">
</head><body><nav><a href="/">Start</a> <a href="/politik">Politik</a></nav>
<article><h1>Proteste in Almaty</h1>
<p>In der kasachischen Stadt Almaty haben am Donnerstag Tausende Menschen gegen die
Regierung demonstriert. Die Polizei setzte nach Angaben von Augenzeugen Tränengas ein.</p>
<p>Der Präsident rief den Ausnahmezustand aus und bat Russland um Hilfe. Die Lage blieb
bis zum Abend angespannt, berichteten Korrespondenten aus der Stadt.</p>
</article><footer>Impressum · Datenschutz</footer></body></html>"""


def _one(source, **kwargs):
    articles = list(read_source(str(source), **kwargs))
    assert len(articles) == 1
    return articles[0]


def test_plain_text_file(tmp_path):
    path = tmp_path / "meldung.txt"
    path.write_text("Kasachstan grenzt an China.\n", encoding="utf-8")
    article = _one(path)
    assert article.text == "Kasachstan grenzt an China.\n" and article.error is None


def test_html_file_main_text_title_date(tmp_path):
    path = tmp_path / "seite.html"
    path.write_text(HTML, encoding="utf-8")
    article = _one(path)
    assert article.title == "Proteste in Almaty"
    assert article.published == "2022-01-06"
    assert "Tränengas" in article.text and "Impressum" not in article.text
    assert "Politik" not in article.text
    assert article.source == "Beispielzeitung"


def test_html_is_recognised_without_suffix(tmp_path):
    path = tmp_path / "seite"
    path.write_text(HTML, encoding="utf-8")
    assert _one(path).title == "Proteste in Almaty"


def test_jsonl_with_a_malformed_line_keeps_the_good_ones(tmp_path):
    path = write_jsonl(tmp_path / "in.jsonl", [
        {"id": "a", "text": "Eins.", "published": "2022-01-01"},
        '{"id": "b", "text": "kaputt',
        {"id": "c", "text": "Drei.", "lang": "de", "url": "https://example.org/3"},
        "",
        ["keine", "Zeitung"],
        {"id": "e", "titel": "ohne Text"},
    ])
    articles = list(read_source(str(path)))
    assert [a.id for a in articles] == ["a", f"{path}:2", "c", f"{path}:5", "e"]
    assert [a.error is None for a in articles] == [True, False, True, False, False]
    assert "invalid JSON" in articles[1].error and f"{path}:2" in articles[1].error
    assert "expected a JSON object" in articles[3].error
    assert "missing or non-string 'text'" in articles[4].error
    assert articles[2].url == "https://example.org/3" and articles[2].lang == "de"


def test_json_array_file(tmp_path):
    path = tmp_path / "in.json"
    path.write_text(json.dumps([{"id": "x", "text": "A."}, {"id": "y", "text": "B."}]))
    assert [a.id for a in read_source(str(path))] == ["x", "y"]


def test_folder_reads_known_files_in_name_order(tmp_path):
    (tmp_path / "b.txt").write_text("Zwei.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Eins.", encoding="utf-8")
    (tmp_path / "bild.png").write_bytes(b"\x89PNG\r\n")
    (tmp_path / ".versteckt.txt").write_text("nein", encoding="utf-8")
    assert [a.text for a in read_source(str(tmp_path))] == ["Eins.", "Zwei."]


@pytest.mark.parametrize("content,message", [
    (b"", "empty input"),
    (b"  \n\t ", "empty input"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary data, not text"),
])
def test_empty_and_binary_files_are_errors(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    article = _one(path)
    assert article.error == f"[L100] {path}: {message}" and article.text == ""


def test_invalid_utf8_is_decoded_with_a_warning(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Grüße aus Köln: Die Straßenbahn fährt wieder.".encode("latin-1"))
    article = _one(path)
    assert article.text == "Grüße aus Köln: Die Straßenbahn fährt wieder."
    assert len(article.warnings) == 1 and article.warnings[0].startswith("not valid UTF-8")


def test_huge_file_is_capped_without_reading_it_whole(tmp_path):
    path = tmp_path / "riesig.txt"
    line = "Die Lage in der Hauptstadt blieb am Abend ruhig, berichteten Reporter.\n"
    with path.open("w", encoding="utf-8") as handle:
        for _ in range(50 * 2**20 // len(line) + 1):
            handle.write(line)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    article = _one(path)
    grown_mib = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert len(article.text.encode("utf-8")) <= MAX_BYTES
    assert len(article.warnings) == 1
    assert "capped" in article.warnings[0] and "50.0 MiB" in article.warnings[0]
    assert grown_mib < 40, f"reading grew memory by {grown_mib:.0f} MiB"


def test_missing_path_is_an_error_record(tmp_path):
    article = _one(tmp_path / "gibt-es-nicht.txt")
    assert article.error == f"[L100] no such file or folder: {tmp_path / 'gibt-es-nicht.txt'}"


def test_stdin_jsonl_is_streamed_and_text_is_read():
    lines = b'{"id": "1", "text": "Eins."}\n{"id": "2", "text": "Zwei."}\n'
    assert [a.id for a in read_source("-", stdin=io.BytesIO(lines))] == ["1", "2"]
    article = _one("-", stdin=io.BytesIO("Nur ein Text über Chile.".encode()))
    assert article.text == "Nur ein Text über Chile."


def test_url_html_page_and_redirect(http_site):
    site, base = http_site
    site.add("/artikel", HTML)
    site.add("/kurz", b"", status=301, headers={"Location": "/artikel"})
    article = _one(f"{base}/kurz")
    assert article.title == "Proteste in Almaty" and article.error is None
    assert "Tränengas" in article.text


def test_url_latin1_page_uses_declared_charset(http_site):
    site, base = http_site
    site.add("/alt.txt", "Grüße aus Köln.".encode("latin-1"), "text/plain; charset=iso-8859-1")
    article = _one(f"{base}/alt.txt")
    assert article.text == "Grüße aus Köln."


@pytest.mark.parametrize("status", [404, 500])
def test_url_http_errors_are_error_records(http_site, status):
    site, base = http_site
    site.add("/fehler", "kaputt", status=status)
    article = _one(f"{base}/fehler")
    assert article.error == f"[L101] could not fetch {base}/fehler: HTTP {status}"


def test_unreachable_url_is_an_error_record():
    url = f"http://127.0.0.1:{closed_port()}/x"
    article = _one(url)
    assert article.error.startswith(f"[L101] could not fetch {url}")
    assert article.url == url


def test_several_sources_in_turn(tmp_path):
    (tmp_path / "a.txt").write_text("A.", encoding="utf-8")
    write_jsonl(tmp_path / "b.jsonl", [{"id": "b1", "text": "B1."}, {"id": "b2", "text": "B2."}])
    texts = [a.text for a in read_sources([str(tmp_path / "a.txt"), str(tmp_path / "b.jsonl")])]
    assert texts == ["A.", "B1.", "B2."]

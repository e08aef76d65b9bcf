"""The JSON API over a real server: filters, pages, one event, articles, aggregates, exports."""

from __future__ import annotations

import csv
import io

import pyarrow.parquet as pq
import pytest


def ids(response) -> list[str]:
    body = response.json()
    assert response.status_code == 200, body
    assert body["error"] is None
    return [event["id"] for event in body["data"]]


ALL = ["art-mali/v1", "art-mali/v2", "art-lyon/v1", "art-lyon/v2", "art-astana/v1"]


def test_events_in_date_order_with_the_envelope(client):
    body = client.get("/events").json()
    assert [e["id"] for e in body["data"]] == ALL
    assert body["meta"] == {"count": 5, "limit": 50, "sort": "date", "next_cursor": None}
    first = body["data"][0]
    assert first["type"] == "MOBILIZE" and first["date"] == "2026-03-03"
    assert first["actor"]["code"] == "FRA" and first["recipient"]["code"] == "MLI"
    assert first["trigger"] == {"text": "schickte", "start": 11, "end": 19}
    assert first["quantity"]["text"] == "200 Soldaten" and first["quantity"]["value"] == 200
    assert first["place"] == {"name": "Mali", "country": "ML", "lat": 17.0, "lon": -4.0}
    assert first["article"]["source"] == "Beispielblatt"


@pytest.mark.parametrize(("query", "expected"), [
    ("type=PROTEST", ["art-mali/v2", "art-lyon/v2"]),
    ("type=protest,coerce", ["art-mali/v2", "art-lyon/v1", "art-lyon/v2"]),
    ("actor=FRA", ["art-mali/v1", "art-lyon/v1", "art-lyon/v2"]),  # a country
    ("actor=FRACOP", ["art-lyon/v1"]),                # a CAMEO-style code
    ("recipient=FRA", ["art-mali/v2", "art-lyon/v1"]),
    ("recipient=RUS&actor=KAZ", ["art-astana/v1"]),
    ("sector=CVL", ["art-lyon/v2"]),
    ("recipient_sector=CVL", ["art-lyon/v1"]),
    ("modality=reported", ["art-mali/v2"]),
    ("country=FR", ["art-mali/v1", "art-mali/v2", "art-lyon/v1", "art-lyon/v2"]),
    ("country=KAZ", ["art-astana/v1"]),
    ("place_country=ML", ["art-mali/v1", "art-mali/v2"]),
    ("since=2026-03-05", ["art-lyon/v1", "art-lyon/v2", "art-astana/v1"]),
    ("since=2026-03-04&until=2026-03-05", ["art-mali/v2", "art-lyon/v1", "art-lyon/v2"]),
    ("until=2026-03-03", ["art-mali/v1"]),
    ("bbox=0,40,10,50", ["art-lyon/v1", "art-lyon/v2"]),   # around Lyon
    ("q=Soldaten", ["art-mali/v1", "art-mali/v2"]),
    ("q=hundreds marched", ["art-lyon/v1", "art-lyon/v2"]),
    ("q=Soldaten Lyon", []),                                 # all words must occur
    ("cluster=art-astana", ["art-astana/v1"]),
    ("min_confidence=0.5", ["art-mali/v1", "art-mali/v2", "art-lyon/v1", "art-astana/v1"]),
    ("min_confidence=0.3&type=PROTEST", ["art-mali/v2", "art-lyon/v2"]),
    ("sort=-date", ALL[::-1]),
])
def test_filters(client, query, expected):
    assert ids(client.get(f"/events?{query}")) == expected


def test_cursor_pages_cover_every_event_once(client):
    for sort in ("date", "-date", "published", "-published"):
        seen, cursor = [], None
        while True:
            params = {"limit": 2, "sort": sort} | ({"cursor": cursor} if cursor else {})
            body = client.get("/events", params=params).json()
            seen += [e["id"] for e in body["data"]]
            cursor = body["meta"]["next_cursor"]
            if cursor is None:
                break
        assert sorted(seen) == sorted(ALL) and len(seen) == len(set(seen)), sort
        assert seen == ids(client.get("/events", params={"sort": sort}))


def test_one_event_with_sentence_quote_and_sources(client):
    body = client.get("/events/art-mali/v2").json()["data"]
    assert body["sentence_text"] == ("Die Regierung Malis protestierte gegen den Einsatz, "
                                     "sagte ihr Sprecher Amadou Keita.")
    assert body["modality"] == "reported"
    assert body["attributed_to"]["name"] == "Amadou Keita"
    assert body["quote"]["speaker"]["name"] == "Amadou Keita"
    assert body["quote"]["cue"] == "sagte"
    assert [s["article_id"] for s in body["sources"]] == ["art-mali"]
    mobilize = client.get("/events/art-mali/v1").json()["data"]
    text = mobilize["sentence_text"]
    offset = mobilize["sentence"][0]
    quantity = mobilize["quantity"]
    assert text[quantity["start"] - offset:quantity["end"] - offset] == "200 Soldaten"


def test_article_has_every_span(client):
    doc = client.get("/articles/art-lyon").json()["data"]
    assert doc["schema"] == "lagebild.document/1"
    for layer in ("entities", "places", "amounts", "events"):
        for item in doc[layer]:
            if "start" in item:
                assert doc["text"][item["start"]:item["end"]] == item["text"]
    assert [e["trigger"]["text"] for e in doc["events"]] == ["arrested", "marched"]


def test_actors_places_and_stats(client):
    actors = {a["code"]: a for a in client.get("/actors").json()["data"]}
    assert actors["FRACVL"]["events_as_actor"] == 1
    assert actors["FRACVL"]["events_as_recipient"] == 1
    assert actors["FRACOP"]["sectors"] == ["COP"]
    assert [a["code"] for a in client.get("/actors?country=KAZ").json()["data"]] == ["KAZ"]
    places = {p["name"]: p for p in client.get("/places").json()["data"]}
    assert places["Mali"]["events"] == 2 and places["Lyon"]["country"] == "FR"
    stats = client.get("/stats").json()["data"]
    assert {"day": "2026-03-05", "type": "PROTEST", "country": "FR", "count": 1} in stats
    assert sum(row["count"] for row in stats) == 5
    by_actor = client.get("/stats?by=actor&type=MOBILIZE").json()["data"]
    assert by_actor == [{"day": "2026-03-03", "type": "MOBILIZE", "country": "FRA", "count": 1}]


def test_exports_carry_the_filtered_events(client):
    rows = list(csv.DictReader(io.StringIO(client.get("/events.csv?type=PROTEST").text)))
    assert [r["id"] for r in rows] == ["art-mali/v2", "art-lyon/v2"]
    assert rows[0]["attributed_to"] == "Amadou Keita"
    geo = client.get("/events.geojson?country=FR").json()
    assert geo["type"] == "FeatureCollection"
    lyon = [f for f in geo["features"] if f["properties"]["place_name"] == "Lyon"]
    assert lyon[0]["geometry"] == {"type": "Point", "coordinates": [4.847, 45.748]}
    response = client.get("/events.parquet?sort=-date")
    assert response.headers["content-type"] == "application/vnd.apache.parquet"
    table = pq.read_table(io.BytesIO(response.content))
    assert table.column("id").to_pylist() == ALL[::-1]
    assert table.column("quantity").to_pylist()[-1] == 200.0


def test_openapi_and_docs_are_served_locally(client):
    spec = client.get("/openapi.json").json()
    assert {"/events", "/events/{event_id}", "/articles/{article_id}", "/actors", "/places",
            "/stats", "/stats/places", "/events.csv", "/events.geojson",
            "/events.parquet"} <= set(spec["paths"])
    params = {p["name"] for p in spec["paths"]["/events"]["get"]["parameters"]}
    assert {"type", "actor", "since", "until", "bbox", "q", "cursor", "limit"} <= params
    page = client.get("/docs").text
    assert "/docs-assets/swagger-ui-bundle.js" in page and "http" not in page.split(
        "swagger-ui-bundle.js")[0].split("src=")[-1]
    assert client.get("/docs-assets/swagger-ui-bundle.js").status_code == 200


BAD = [
    "/events?since=2026-02-30", "/events?since=yesterday", "/events?until=2026-13-01",
    "/events?since=2026-03-07&until=2026-03-01", "/events?limit=0", "/events?limit=100000",
    "/events?limit=ten", "/events?type=BOMBING", "/events?type=", "/events?colour=red",
    "/events?sort=random", "/events?modality=maybe", "/events?country=ZZ",
    "/events?min_confidence=1.5", "/events?min_confidence=sure",
    "/events?actor=' OR 1=1 --", "/events?actor=KAZ;DROP TABLE events",
    "/events?bbox=1,2,3", "/events?bbox=10,0,0,10", "/events?bbox=a,b,c,d",
    "/events?cursor=not-a-cursor", "/events?cursor=WyJkYXRlIl0",
    "/events?q=%22%29%3B", "/events?q=*", "/events?sector=MILITARY",
    "/events/nothing-here", "/events/art-mali/v99", "/articles/none",
    "/actors?limit=5000", "/actors?country=kaz", "/places?country=XYZ", "/places?size=1",
    "/stats?by=galaxy", "/events.csv?limit=9999999", "/events.geojson?foo=1",
    "/events.parquet?until=never", "/nowhere",
]


@pytest.mark.parametrize("url", BAD)
def test_bad_requests_get_4xx_and_the_envelope(client, url):
    response = client.get(url)
    assert 400 <= response.status_code < 500, (url, response.text)
    body = response.json()
    assert body["data"] is None and body["error"]["status"] == response.status_code
    assert body["error"]["code"].startswith("L5") and body["error"]["message"]


def test_sql_in_text_query_is_only_words(client):
    """Quotes, operators and SQL in q are searched as words, never run."""
    for q in ["' OR 1=1 --", 'Soldaten" OR "x', "NEAR(Soldaten Lyon)", "Lyon; DROP TABLE events"]:
        response = client.get("/events", params={"q": q})
        assert response.status_code == 200, response.text
    assert ids(client.get("/events")) == ALL  # the table is still there


def test_ingest_is_off_without_a_token(client):
    response = client.post("/articles", json={"text": "Police arrested protesters."})
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "L502"


NAMES = ["type", "mode", "actor", "recipient", "sector", "recipient_sector", "modality",
         "country", "place_country", "since", "until", "bbox", "q", "cluster", "sort", "limit",
         "cursor", "by", "bogus"]


def test_no_query_string_gives_a_server_error(base_url):
    """Whatever a client puts in the query string, the answer is 200 or 4xx, in the envelope."""
    import httpx
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    values = st.one_of(st.text(max_size=40), st.sampled_from(
        ["2026-03-05", "MOBILIZE", "KAZ", "0,0,10,10", "-date", "1", "' OR '1'='1", "\x00",
         "%", "_", "\\", "NULL", "😀", "1e309", "-1"]))

    with httpx.Client(base_url=base_url, timeout=30) as http:
        @settings(max_examples=60, deadline=None,
                  suppress_health_check=[HealthCheck.function_scoped_fixture])
        @given(st.dictionaries(st.sampled_from(NAMES), values, max_size=4),
               st.sampled_from(["/events", "/stats", "/events.csv", "/events.geojson"]))
        def check(params, route):
            response = http.get(route, params=params)
            assert response.status_code < 500, (route, params, response.text)
            if response.status_code >= 400:
                assert response.json()["error"]["code"].startswith("L5")

        check()


def test_place_counts_for_the_map(client):
    rows = client.get("/stats/places?country=FR").json()["data"]
    assert {(r["name"], r["type"], r["count"]) for r in rows} == {
        ("Lyon", "COERCE", 1), ("Lyon", "PROTEST", 1), ("Mali", "MOBILIZE", 1),
        ("Mali", "PROTEST", 1)}
    lyon = next(r for r in rows if r["type"] == "COERCE")
    assert (lyon["lat"], lyon["lon"], lyon["country"], lyon["event"]) == (
        45.748, 4.847, "FR", "art-lyon/v1")

"""Latency of ``/events`` with filters on a store of 100,000 generated events, 20 clients.

Run: ``python benchmarks/serve.py [--store serve-bench.db] [--events 100000]
[--clients 20] [--seconds 20] [--workers 1]``. Builds the store once (invented articles, ten events
each, written through ``Store.write``), starts ``lagebild serve`` in its own process,
and lets N concurrent clients on localhost (asyncio + httpx, keep-alive) ask a mix of
filtered queries for a while. Prints median, p90 and p99 latency per query kind and
overall, and requests per second.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

import httpx

from lagebild.model import EVENT_TYPES, Actor, Amount, Document, Event, Place, Span
from lagebild.store import Store

COUNTRIES = [  # alpha-3, alpha-2, a city, lat, lon
    ("KAZ", "KZ", "Almaty", 43.25, 76.91), ("RUS", "RU", "Moscow", 55.75, 37.62),
    ("UKR", "UA", "Odesa", 46.48, 30.73), ("FRA", "FR", "Lyon", 45.75, 4.85),
    ("DEU", "DE", "Leipzig", 51.34, 12.37), ("MLI", "ML", "Bamako", 12.65, -8.0),
    ("SDN", "SD", "Khartoum", 15.55, 32.53), ("IRQ", "IQ", "Mosul", 36.34, 43.13),
    ("COL", "CO", "Cali", 3.44, -76.52), ("MMR", "MM", "Yangon", 16.87, 96.2),
    ("ETH", "ET", "Mekele", 13.5, 39.47), ("PAK", "PK", "Karachi", 24.86, 67.0),
    ("NGA", "NG", "Kano", 12.0, 8.52), ("BRA", "BR", "Recife", -8.05, -34.9),
    ("USA", "US", "Chicago", 41.88, -87.63), ("CHN", "CN", "Urumqi", 43.8, 87.6),
]
SECTORS = ["GOV", "MIL", "COP", "CVL", "REB", "JRN", ""]
STEMS = ["Grenz", "Wahl", "Streik", "Hafen", "Brücken", "Gipfel", "Dürre", "Zoll", "Flucht",
         "Ölpreis", "Gerichts", "Parlaments", "Armee", "Polizei", "Protest", "Hilfs", "Wasser",
         "Strom", "Miet", "Lohn"]
ENDS = ["", "streit", "lage", "krise", "gesetz", "plan", "bericht", "verbot", "gipfel",
        "kosten", "frage", "reform", "debatte", "sperre", "kontrolle", "kommission", "urteil",
        "konflikt", "mangel", "abkommen", "daten", "politik", "zahlen", "woche"]
WORDS = [stem + end for stem in STEMS for end in ENDS]  # 480 words, each in ~4 % of articles
MODALITIES = ["asserted"] * 6 + ["reported"] * 3 + ["intended", "negated", "hypothetical"]


def make_document(number: int, rng: random.Random) -> Document:
    """One invented article with ten events, every span pointing into its text."""
    text, actors, places, amounts, events, sentences = "", [], [], [], [], []
    day = 19000 + rng.randrange(730)  # days since 1970: 2022-01 … 2023-12
    published = time.strftime("%Y-%m-%d", time.gmtime(day * 86400))
    for index in range(10):
        country, actor_2, city, lat, lon = rng.choice(COUNTRIES)
        other = rng.choice(COUNTRIES)[0]
        sector = rng.choice(SECTORS)
        count = rng.randrange(2, 5000)
        sentence = (f"In {city} meldeten Kräfte aus {country} und {other} am Tag {index} "
                    f"{count} Fälle wegen {rng.choice(WORDS)} und {rng.choice(WORDS)}. ")
        start = len(text)
        text += sentence
        sentences.append((start, start + len(sentence) - 1))
        trigger = start + sentence.index("meldeten")
        amount = start + sentence.index(f"{count} Fälle")
        actors += [Actor(id=f"a{index}a", name=f"Kräfte {country}", country=country,
                         sector=[sector] if sector else [], code=country + sector),
                   Actor(id=f"a{index}b", name=other, country=other, code=other)]
        places.append(Place(id=f"p{index}", name=city, lat=lat, lon=lon, country=actor_2,
                            kind="city", geonameid=1000 + COUNTRIES.index(
                                next(c for c in COUNTRIES if c[2] == city))))
        amounts.append(Amount(id=f"n{index}", text=f"{count} Fälle", start=amount,
                              end=amount + len(f"{count} Fälle"), value=count, unit="Fall"))
        date = time.strftime("%Y-%m-%d", time.gmtime((day - rng.randrange(4)) * 86400))
        events.append(Event(
            id=f"v{index}", type=rng.choice(EVENT_TYPES), actor=f"a{index}a",
            recipient=f"a{index}b", trigger=Span(text="meldeten", start=trigger,
                                                   end=trigger + 8),
            sentence=sentences[-1], date=date, place=f"p{index}", quantity=f"n{index}",
            modality=rng.choice(MODALITIES), confidence=round(rng.random(), 2)))
    return Document(id=f"bench-{number:06d}", text=text, published=published, lang="de",
                    source=f"source-{number % 40}", sentences=sentences, actors=actors,
                    places=places, amounts=amounts, events=events)


def build_store(path: Path, events: int) -> None:
    rng = random.Random(0)
    started = time.perf_counter()
    with Store(path) as store:
        for number in range(events // 10):
            store.write(make_document(number, rng))
    print(f"built {path}: {events:,} events in {time.perf_counter() - started:.0f} s")


def queries(rng: random.Random) -> tuple[str, dict]:
    """A filtered /events query of one of the kinds analysts send."""
    country = rng.choice(COUNTRIES)
    month = f"2022-{rng.randrange(1, 13):02d}"
    kind = rng.choice(["type", "type+country", "dates", "actor", "bbox", "text", "modality+sort",
                       "sector+type", "plain"])
    params = {
        "type": {"type": rng.choice(EVENT_TYPES)},
        "type+country": {"type": rng.choice(EVENT_TYPES), "country": country[1]},
        "dates": {"since": f"{month}-01", "until": f"{month}-28"},
        "actor": {"actor": country[0]},
        "bbox": {"bbox": f"{country[4] - 5},{country[3] - 5},{country[4] + 5},{country[3] + 5}"},
        "text": {"q": rng.choice(WORDS)},
        "modality+sort": {"modality": "reported", "sort": "-date"},
        "sector+type": {"sector": "MIL", "type": rng.choice(EVENT_TYPES)},
        "plain": {},
    }[kind]
    return kind, params | {"limit": 50}


async def load(base: str, clients: int, seconds: float) -> dict[str, list[float]]:
    timings: dict[str, list[float]] = {}
    stop = time.monotonic() + seconds

    async def client(seed: int) -> None:
        rng = random.Random(seed)
        async with httpx.AsyncClient(base_url=base, timeout=30) as http:
            while time.monotonic() < stop:
                kind, params = queries(rng)
                began = time.perf_counter()
                response = await http.get("/events", params=params)
                elapsed = time.perf_counter() - began
                if response.status_code != 200:
                    raise RuntimeError(f"{response.status_code}: {response.text[:200]}")
                timings.setdefault(kind, []).append(elapsed * 1000)

    await asyncio.gather(*(client(seed) for seed in range(clients)))
    return timings


def load_wrk(base: str, clients: int, seconds: float) -> str:
    """The same query mix through wrk (a C load generator: the client costs little CPU)."""
    rng = random.Random(0)
    paths = [f"/events?{urlencode(queries(rng)[1])}" for _ in range(2000)]
    script = "local paths = {" + ",".join(f'"{p}"' for p in paths) + "}\n" + (
        "local i = 0\nrequest = function()\n  i = i + 1\n"
        "  return wrk.format('GET', paths[(i % #paths) + 1])\nend\n")
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
        handle.write(script)
    result = subprocess.run(["wrk", "-t2", f"-c{clients}", f"-d{int(seconds)}s", "--latency",
                             "-s", handle.name, base], capture_output=True, text=True, check=True)
    Path(handle.name).unlink()
    return result.stdout


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, default=Path("serve-bench.db"))
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--workers", type=int, default=1, help="server processes")
    parser.add_argument("--client", choices=["wrk", "python"],
                        default="wrk" if shutil.which("wrk") else "python",
                        help="load generator: wrk (Debian package) or asyncio + httpx")
    args = parser.parse_args()
    if not args.store.exists():
        build_store(args.store, args.events)
    server = subprocess.Popen([sys.executable, "-m", "lagebild.cli", "serve", "--db",
                               str(args.store), "--port", str(args.port), "--workers",
                               str(args.workers), "--quiet"])
    base = f"http://127.0.0.1:{args.port}"
    try:
        for _ in range(200):
            try:
                httpx.get(base + "/health", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        asyncio.run(load(base, args.clients, 2))  # warm the page cache and the connections
        if args.client == "wrk":
            report = load_wrk(base, args.clients, args.seconds)
        else:
            timings = asyncio.run(load(base, args.clients, args.seconds))
    finally:
        server.terminate()
        server.wait(20)
    if args.client == "wrk":
        print(f"wrk, {args.clients} connections, {args.workers} server process(es), "
              f"{args.seconds:.0f} s, mixed filtered /events queries (limit 50):")
        print("\n".join(line for line in report.splitlines()
                        if re.search(r"Latency|50%|90%|99%|Requests/sec|requests in|Non-2xx",
                                     line)))
        return
    everything = [t for values in timings.values() for t in values]
    print(f"{len(everything):,} requests, {args.clients} clients, {args.workers} server "
          f"process(es), {args.seconds:.0f} s: "
          f"{len(everything) / args.seconds:.0f} requests/s")
    print(f"{'query':<15} {'n':>6} {'median ms':>10} {'p90 ms':>8} {'p99 ms':>8}")
    for kind, values in sorted(timings.items()) + [("all", everything)]:
        print(f"{kind:<15} {len(values):>6} {statistics.median(values):>10.1f} "
              f"{percentile(values, 0.9):>8.1f} {percentile(values, 0.99):>8.1f}")


if __name__ == "__main__":
    main()

"""Time a one-year summary of a 100,000-incident vault, in every format.

Run from the repository root::

    python benchmarks/bench_summary.py [--incidents N] [--keep DIR] [--year YYYY] [--lang en|fr]

It builds a vault of N synthetic incidents spread over three years (2015 to 2017; English and
French text, Arabic, Tigrinya and Pashto testimonies under every kind of consent, recurring
officer numbers, units and plates, deaths at the border), adding them in batches of 5,000,
or reuses the vault in ``--keep DIR`` when one is there. Then it times ``build_summary`` for
one year and ``render`` in PDF, HTML, Markdown and CSV, and prints each figure beside the
target: a summary (gathering plus rendering) in under 5 seconds.

The vault uses the minimum Argon2id cost: unlocking is not what is measured here.
This is not a test: nothing here is collected by pytest.
"""

import argparse
import os
import platform
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from fieldlog.reports import FORMATS, SummaryOptions, build_summary, render
from fieldlog.services.incidents import add_incidents
from fieldlog.vault import Vault
from fieldlog.vault.keys import MINIMUM_KDF

PASSPHRASE = "benchmark summary correct horse"  # noqa: S105 - a throwaway vault
DEFAULT_INCIDENTS = 100_000
BATCH = 5_000
SEED = 20170715
FIRST_DAY = date(2015, 1, 1)
DAYS = (date(2018, 1, 1) - FIRST_DAY).days  # three years
TARGET_SECONDS = 5.0
RUNS = 3

PLACES = [
    ("Rue des Verrotières, Calais", 50.9436, 1.8780),
    ("Quai de la Meuse, Calais", 50.9592, 1.8525),
    ("Zone industrielle des Dunes, Calais", 50.9625, 1.8953),
    ("Hôpital de Calais, entrance", 50.9360, 1.8790),
    ("Parc Richelieu, Calais", 50.9547, 1.8512),
    ("Marck, near the motorway bridge", 50.9490, 1.9500),
    ("Coquelles, Eurotunnel perimeter", 50.9283, 1.8125),
    ("Puythouck lake, Grande-Synthe", 51.0050, 2.2890),
    ("Canal de Bourbourg, Loon-Plage", 51.0000, 2.2170),
    ("Gare de Dunkerque", 51.0310, 2.3680),
    ("Porte de la Chapelle, Paris", 48.8980, 2.3590),
    ("Ouistreham, ferry port", 49.2820, -0.2480),
]
CATEGORIES = [
    "police_violence",
    "tear_gas",
    "destruction_of_belongings",
    "eviction",
    "distribution_obstructed",
    "arrest_or_id_check",
    "threat_or_harassment",
    "far_right_attack",
    "death_at_border",
    "other",
]
CATEGORY_WEIGHTS = [22, 18, 16, 14, 10, 10, 6, 1, 1, 2]
PERPETRATORS = ["police", "gendarmerie", "private_security", "far_right", "civilian", "unknown"]
PERPETRATOR_WEIGHTS = [60, 20, 8, 2, 3, 7]
UNITS = ["CRS 8", "CRS 40", "CRS 56", "CRS", "BAC", "BAC de nuit", "PAF", "Gendarmerie mobile"]
TITLES_EN = [
    "Food distribution gassed",
    "Tents slashed and sleeping bags taken",
    "Camp evicted at dawn",
    "Volunteers' papers checked and fined",
    "Teenager beaten by the BAC",
    "Water point blocked by police",
    "Phones confiscated and never returned",
]
TITLES_FR = [
    "Distribution de nourriture gazée",
    "Tentes lacérées et sacs de couchage confisqués",
    "Expulsion du campement au petit matin",
    "Contrôle d'identité des bénévoles",
    "Coups de matraque lors de la distribution",
    "Point d'eau bloqué par la police",
]
SENTENCES_EN = [
    "The police arrived at six and destroyed the tents.",
    "They sprayed gas into the queue at the food distribution.",
    "An officer hit a young man with a baton on the head.",
    "The CRS took the sleeping bags and blankets and threw them in a skip.",
    "The officer's RIO number was hidden under his vest.",
    "The plate of the van was covered with black tape.",
    "Volunteers had their papers checked and were threatened with fines.",
    "The eviction lasted the whole morning in the rain.",
]
SENTENCES_FR = [
    "La police est arrivée à six heures et a détruit les tentes.",
    "Ils ont gazé la file d'attente de la distribution.",
    "Un agent a frappé un jeune homme à la tête avec une matraque.",
    "Le numéro RIO de l'agent était caché sous son gilet.",
    "L'évacuation a duré toute la matinée sous la pluie.",
]
TESTIMONIES = [  # (language, text, translation)
    (
        "ar",
        "رشوا الغاز علينا وعلى الطعام ونحن نأكل.",
        "They sprayed gas on us while we were eating.",
    ),
    ("ar", "أخذوا هاتفي ولم يعيدوه أبدا.", "They took my phone and never gave it back."),
    ("ps", "پولیسو زموږ خیمې ړنګې کړې.", "The police destroyed our tents."),
    ("ti", "ፖሊስ ኣብ ስድሰተ ሰዓት መጺኡ ድንኳናትና ኣፍሪሱ።", "The police came at six and destroyed our tents."),
    ("fr", "Ils nous ont poursuivis jusqu'au canal.", "They chased us to the canal."),
    ("en", "I filmed the officers until one of them pushed me.", ""),
]
CONSENTS = (["legal", "anonymised", "internal"], [50, 30, 20])
NAMES = ["Abdullah", "Omar", "Fisha", "Hussein", "Samir", "Yonas", "Mohamed", "Aman"]
ORIGINS = ["Sudan", "Eritrea", "Afghanistan", "Ethiopia", "Iraq", "Syria", "Vietnam"]


def generate(rng: random.Random, count: int) -> Iterator[dict[str, Any]]:
    """Seeded incidents in the interchange format, spread evenly over the three years."""
    rios = [f"{rng.randrange(10**6, 10**7):07d}" for _ in range(2_000)]
    plates = [f"{rng.choice('ABCDEFGH')}{rng.choice('JKLMNPQR')}-{n:03d}-XY" for n in range(800)]
    for _ in range(count):
        day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
        offset = 2 if 4 <= day.month <= 10 else 1
        precision = rng.choices(["exact", "approximate", "day"], weights=[45, 45, 10])[0]
        if precision == "day":
            occurred = day.isoformat()
        else:
            occurred = (
                f"{day.isoformat()}T{rng.randrange(24):02d}:{rng.randrange(60):02d}:00+0{offset}:00"
            )
        place, lat, lon = rng.choice(PLACES)
        categories = sorted(
            set(rng.choices(CATEGORIES, weights=CATEGORY_WEIGHTS, k=rng.randint(1, 3)))
        )
        french = rng.random() < 0.3
        if "death_at_border" in categories:
            categories = ["death_at_border"]
            perpetrators = ["unknown"]
            title = "Death at the border"
            description = (
                f"{rng.choice(NAMES)}, {rng.randint(14, 40)}, from {rng.choice(ORIGINS)}, "
                "was hit on the motorway."
                if rng.random() < 0.6
                else "A man died trying to cross to England."
            )
        else:
            perpetrators = sorted(
                set(rng.choices(PERPETRATORS, weights=PERPETRATOR_WEIGHTS, k=rng.randint(1, 2)))
            )
            title = rng.choice(TITLES_FR if french else TITLES_EN)
            sentences = SENTENCES_FR if french else SENTENCES_EN
            description = " ".join(rng.sample(sentences, 3))
        incident: dict[str, Any] = {
            "occurred_at": occurred,
            "occurred_precision": precision,
            "location": {"name": place, "lat": lat, "lon": lon},
            "categories": categories,
            "perpetrators": perpetrators,
            "title": title,
            "description": description,
            "language": "fr" if french else "en",
            "sources": [{"title": "Field notes", "url": "https://example.org/notes"}],
        }
        if rng.random() < 0.4:
            incident["people_affected"] = rng.randint(1, 60)
        testimonies = []
        for _ in range(rng.choices([0, 1, 2], weights=[60, 30, 10])[0]):
            language, text, translation = rng.choice(TESTIMONIES)
            testimonies.append(
                {
                    "witness": f"Witness {rng.randrange(300)}",
                    "role": rng.choice(["victim", "witness", "volunteer"]),
                    "language": language,
                    "consent": rng.choices(*CONSENTS)[0],
                    "text": text,
                    "translation": translation,
                }
            )
        incident["testimonies"] = testimonies
        incident["officers"] = [
            {
                "identifier": rng.choice(rios) if rng.random() < 0.5 else "",
                "identifier_kind": "rio",
                "unit": rng.choice(UNITS),
                "visibility": rng.choices(
                    ["visible", "partial", "hidden", "absent"], [40, 15, 30, 15]
                )[0],
            }
            for _ in range(rng.choices([0, 1, 2, 3], weights=[50, 30, 15, 5])[0])
        ]
        incident["vehicles"] = [
            {
                "plate": rng.choice(plates) if rng.random() < 0.6 else "",
                "country": "FR",
                "unit": rng.choice(UNITS),
                "plate_visibility": rng.choices(
                    ["visible", "partial", "taped", "absent"], [50, 20, 20, 10]
                )[0],
            }
            for _ in range(rng.choices([0, 1, 2], weights=[70, 25, 5])[0])
        ]
        yield incident


def build_vault(path: Path, count: int) -> float:
    """Create the vault and add ``count`` incidents in batches; return the seconds it took."""
    rng = random.Random(SEED)
    start = time.perf_counter()
    vault, _code = Vault.create(path, PASSPHRASE, kdf=MINIMUM_KDF)
    with vault:
        batch: list[dict[str, Any]] = []
        added = 0
        for incident in generate(rng, count):
            batch.append(incident)
            if len(batch) == BATCH:
                add_incidents(vault, batch)
                added += len(batch)
                batch = []
                print(f"  added {added:,} incidents", file=sys.stderr, flush=True)
        if batch:
            add_incidents(vault, batch)
    return time.perf_counter() - start


def _median(samples: list[float]) -> float:
    return statistics.median(samples)


def measure(path: Path, year: int, lang: str, formats: list[str]) -> int:
    options = SummaryOptions(since=date(year, 1, 1), until=date(year, 12, 31))
    with Vault.open(path, PASSPHRASE) as vault:
        build_summary(vault, options)  # warm up: schema loading, page cache
        gather: list[float] = []
        gather_cpu: list[float] = []
        for _ in range(RUNS):
            start, cpu = time.perf_counter(), time.process_time()
            summary = build_summary(vault, options, now=datetime.now(UTC))
            gather.append(time.perf_counter() - start)
            gather_cpu.append(time.process_time() - cpu)
    built = _median(gather)
    print("-" * 96)
    print(f"FieldLog summary benchmark: one year ({year}) of a vault of synthetic incidents")
    print(
        f"machine: {os.cpu_count()} CPUs ({platform.machine()}), Python "
        f"{platform.python_version()} on {platform.system()} {platform.release()}"
    )
    print(
        f"incidents in the summary: {len(summary.entries):,}; deaths: {len(summary.deaths):,}; "
        f"officer numbers: {len(summary.officers):,}; plates: {len(summary.vehicles):,}; "
        f"units: {len(summary.units):,}"
    )
    print("-" * 96)
    print(f"load average before: {os.getloadavg()[0]:.1f} (other work on the machine slows all)")
    print(
        f"gathering (build_summary):   {built:8.2f} s   median of {RUNS} "
        f"(CPU time of this process {_median(gather_cpu):.2f} s)"
    )
    missed = []
    for fmt in formats:
        runs = 1 if fmt == "pdf" else RUNS
        times, cpu_times = [], []
        for _ in range(runs):
            start, cpu = time.perf_counter(), time.process_time()
            data = render(summary, fmt, lang)
            times.append(time.perf_counter() - start)
            cpu_times.append(time.process_time() - cpu)
        rendering = _median(times)
        total = built + rendering
        ok = total < TARGET_SECONDS
        missed += [] if ok else [fmt]
        print(
            f"{fmt:>4} ({lang}): render {rendering:6.2f} s (CPU {_median(cpu_times):.2f}), "
            f"total {total:6.2f} s, "
            f"{len(data) / 2**20:7.1f} MiB   target < {TARGET_SECONDS:.0f} s   "
            f"{'PASS' if ok else 'MISS'}"
            + (f"   (median of {runs})" if runs > 1 else "   (one run)")
        )
    print("-" * 96)
    print("all targets met" if not missed else f"targets missed: {', '.join(missed)}")
    return 1 if missed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--incidents", type=int, default=DEFAULT_INCIDENTS, metavar="N")
    parser.add_argument(
        "--keep", type=Path, metavar="DIR", help="build the vault in DIR, or reuse the one there"
    )
    parser.add_argument("--year", type=int, default=2016, help="the year summarised")
    parser.add_argument("--lang", choices=["en", "fr"], default="en")
    parser.add_argument(
        "--formats",
        default=",".join(FORMATS),
        help=f"comma-separated formats to render (default: {','.join(FORMATS)})",
    )
    args = parser.parse_args(argv)
    if args.incidents < 1:
        parser.error("--incidents must be positive")
    formats = [f for f in args.formats.split(",") if f]
    if not formats or any(f not in FORMATS for f in formats):
        parser.error(f"--formats takes some of {', '.join(FORMATS)}")
    workdir = args.keep or Path(tempfile.mkdtemp(prefix="fieldlog-bench-summary-"))
    vault_path = workdir / "vault"
    try:
        if (vault_path / "vault.json").exists():
            print(f"reusing the vault in {vault_path}", file=sys.stderr)
        else:
            workdir.mkdir(parents=True, exist_ok=True)
            print(f"building a vault of {args.incidents:,} incidents...", file=sys.stderr)
            seconds = build_vault(vault_path, args.incidents)
            print(f"  built in {seconds:.1f} s", file=sys.stderr)
        return measure(vault_path, args.year, args.lang, formats)
    finally:
        if args.keep is None:
            shutil.rmtree(workdir, ignore_errors=True)
        else:
            print(f"kept in {workdir} (vault passphrase: {PASSPHRASE!r})")


if __name__ == "__main__":
    sys.exit(main())

"""Build a vault of synthetic incidents and print how fast FieldLog is on it.

Run from the repository root::

    python benchmarks/bench_vault.py [--incidents N] [--keep DIR]

It creates a vault with the real, calibrated Argon2id cost, adds N synthetic
incidents (English, French, Arabic and Persian text; recurring officer numbers,
units and plates) in batches, then measures: the bulk add rate, the key
derivation, opening the database and listing the newest 100, full-text search
(and the same searches on a plain, unencrypted SQLite FTS5 table), and the
identifier index. Each figure is printed beside its target.

This is not a test: nothing here is collected by pytest.
"""

import argparse
import multiprocessing
import os
import platform
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any
from unittest import mock

import sqlcipher3

from fieldlog.interchange.document import Record
from fieldlog.services.incidents import add_incidents
from fieldlog.services.queries import (
    SEARCH_NEWEST,
    fts_query,
    identifier_index,
    list_incidents,
    search_incidents,
)
from fieldlog.vault import Vault, database, keys
from fieldlog.vault.keys import KdfParams, calibrate
from fieldlog.vault.vault import DATABASE_NAME

PASSPHRASE = "benchmark correct horse battery staple"  # noqa: S105 - a throwaway vault
DEFAULT_INCIDENTS = 100_000
DEFAULT_BATCH = 5_000
DEFAULT_SEED = 20170715

# Targets (from the performance requirements).
TARGET_ADD_PER_SECOND = 2_000.0
TARGET_OPEN_LIST_SECONDS = 0.5
TARGET_SEARCH_SECONDS = 0.1
TARGET_SEARCH_RATIO = 2.0

OPEN_RUNS = 5
KDF_RUNS = 3
SEARCH_REPEATS = 3
RATIO_ROUNDS = 10
INDEX_RUNS = 3
INDEX_BUDGET_SECONDS = 5.0
SEARCH_LIMIT = 100
INCIDENT_NUMBER_COLUMN = 1  # in SELECT * FROM incidents: id, number, ... (checked below)

# -- synthetic data ------------------------------------------------------------------------

PLACES: list[tuple[str, float, float]] = [
    ("Rue des Verrotières, Calais", 50.9436, 1.8780),
    ("Quai de la Meuse, Calais", 50.9592, 1.8525),
    ("Zone industrielle des Dunes, Calais", 50.9625, 1.8953),
    ("Rue de Judée, Calais", 50.9497, 1.8795),
    ("Hôpital de Calais, entrance", 50.9360, 1.8790),
    ("Parc Richelieu, Calais", 50.9547, 1.8512),
    ("Gare de Calais-Ville", 50.9531, 1.8515),
    ("Marck, near the motorway bridge", 50.9490, 1.9500),
    ("Coquelles, Eurotunnel perimeter", 50.9283, 1.8125),
    ("Puythouck lake, Grande-Synthe", 51.0050, 2.2890),
    ("Gymnase de Grande-Synthe", 51.0120, 2.3030),
    ("Canal de Bourbourg, Loon-Plage", 51.0000, 2.2170),
    ("Port de Dunkerque, ferry terminal", 51.0190, 2.1950),
    ("Gare de Dunkerque", 51.0310, 2.3680),
    ("Boulogne-sur-Mer, beach car park", 50.7260, 1.5960),
    ("Wimereux, dunes", 50.7700, 1.6080),
    ("Gravelines, beach", 51.0090, 2.1240),
    ("Porte de la Chapelle, Paris", 48.8980, 2.3590),
    ("Canal Saint-Martin, Paris", 48.8720, 2.3650),
    ("Stalingrad, Paris", 48.8840, 2.3690),
    ("Saint-Denis, under the A1", 48.9280, 2.3560),
    ("Ouistreham, ferry port", 49.2820, -0.2480),
    ("Cherbourg, harbour", 49.6450, -1.6170),
    ("Briançon, Refuge solidaire", 44.8990, 6.6420),
    ("Col de Montgenèvre", 44.9310, 6.7230),
    ("Menton, Pont Saint-Louis", 43.7890, 7.5300),
    ("Vintimille, Roya riverbank", 43.7920, 7.6100),
    ("Breil-sur-Roya, station", 43.9370, 7.5140),
    ("Hendaye, bridge over the Bidassoa", 43.3590, -1.7740),
    ("Irun, Santiago bridge", 43.3420, -1.7860),
    ("Bayonne, bus station", 43.4950, -1.4750),
    ("Norrent-Fontes", 50.5850, 2.4070),
    ("Steenvoorde, parking area", 50.8110, 2.5840),
    ("Angres, rest area", 50.4090, 2.7500),
    ("Ouest, car park by the E40", 50.9800, 2.0500),
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

UNITS: list[tuple[str, int]] = [
    ("CRS 8", 14),
    ("CRS 40", 6),
    ("CRS 56", 5),
    ("CRS 5", 4),
    ("CRS 37", 3),
    ("CRS", 10),
    ("BAC", 12),
    ("BAC de nuit", 3),
    ("PAF", 10),
    ("Gendarmerie mobile", 9),
    ("Gendarmerie mobile, EGM 24/7", 2),
    ("Police nationale", 8),
    ("Police municipale", 3),
    ("Compagnie d'intervention", 2),
    ("", 5),
]
OFFICER_VISIBILITY = (["visible", "partial", "hidden", "absent"], [40, 15, 30, 15])
PLATE_VISIBILITY = (["visible", "partial", "taped", "absent"], [50, 20, 20, 10])

OFFICER_DESCRIPTIONS = [
    "Tall, shaved head, black gloves.",
    "Service number covered by a strip of tape.",
    "Wore a balaclava and a helmet with the visor down.",
    "Carried a gas canister and a baton.",
    "Filmed the volunteers with a phone.",
    "Commanded the group; grey hair, glasses.",
    "Gendarme with a shield, number not worn.",
    "Agent en civil, brassard police.",
    "Numéro RIO caché sous le gilet.",
    "Portait une cagoule noire.",
    "A donné l'ordre de gazer.",
    "Officer with a dog.",
    "",
]
VEHICLE_DESCRIPTIONS = [
    "White van, registration covered with black tape.",
    "Blue CRS van with a grille over the windscreen.",
    "Unmarked grey car, blue light on the dashboard.",
    "Gendarmerie lorry.",
    "Camionnette blanche sans marquage.",
    "Fourgon de la PAF, vitres teintées.",
    "Voiture banalisée, gyrophare sur le toit.",
    "Pick-up of a private security company.",
    "",
]

EN_AGENTS = [
    "Police",
    "CRS officers",
    "The BAC",
    "Gendarmes",
    "PAF officers",
    "Riot police",
    "Plain-clothes officers",
    "Private security guards",
]
EN_ACTIONS = [
    ("gas", "the evening food distribution"),
    ("gas", "people sleeping in tents"),
    ("evict", "the camp"),
    ("destroy", "tents and sleeping bags"),
    ("confiscate", "blankets and phones"),
    ("arrest", "three young men"),
    ("beat", "a teenager"),
    ("stop", "the water distribution"),
    ("threaten", "volunteers with fines"),
    ("slash", "tents with knives"),
    ("chase", "people towards the motorway"),
    ("detain", "unaccompanied minors"),
    ("check the papers of", "volunteers"),
    ("pepper-spray", "a woman and her child"),
    ("seize", "the charging station"),
]
FR_TITLES = [
    "Distribution de nourriture gazée",
    "Tentes lacérées et sacs de couchage confisqués",
    "Expulsion du campement au petit matin",
    "Évacuation du bois par les CRS",
    "Contrôle d'identité des bénévoles",
    "Mineurs isolés interpellés",
    "Coups de matraque lors de la distribution",
    "Jeune homme frappé par la BAC",
    "Couvertures jetées à la benne",
    "Bénévoles menacés d'amende",
    "Destruction des abris sous la pluie",
    "Gaz lacrymogène sur la file d'attente",
    "Téléphones confisqués et jamais rendus",
    "Point d'eau bloqué par la police",
    "Arrestations arbitraires près du canal",
]
EN_WHEN = [
    "Early in the morning",
    "At dawn",
    "Around midday",
    "In the afternoon",
    "During the evening distribution",
    "Late at night",
    "Shortly after the rain started",
    "While people were queuing for food",
]
FR_WHEN = [
    "Tôt le matin",
    "À l'aube",
    "Vers midi",
    "Dans l'après-midi",
    "Pendant la distribution du soir",
    "Tard dans la nuit",
    "Juste après le début de la pluie",
    "Pendant la file d'attente pour les repas",
]


def _word_list(text: str) -> list[str]:
    return text.split()


# A few hundred words, sampled with Zipf-like weights, so the index has common and rare terms.
EN_WORDS = _word_list("""
police officers van vans gas teargas canister canisters pepper spray baton batons shield helmet
tents tent sleeping bags blankets blanket tarpaulin tarpaulins clothes shoes jacket jackets phone
phones charger chargers food water distribution queue volunteers volunteer association camp
camps woods forest field bridge motorway lorry lorries truck trucks port ferry harbour beach
dunes canal river rain cold snow winter summer night morning evening afternoon dawn midnight
children child minors minor teenager teenagers woman women man men family families baby
pregnant elderly injured injury injuries wound wounds bleeding bruises head arm leg hand face
eyes burning coughing vomiting fainted unconscious ambulance hospital doctor nurse clinic medical
arrested arrest detained detention custody station released handcuffed searched search
identity papers documents asylum claim request dublin deportation removal order prefecture
court lawyer legal complaint testimony witness witnesses video videos photos filmed filming
recorded camera cameras footage evidence number numbers badge plate plates registration covered
hidden taped masked balaclava uniform uniforms unit units commander orders order shouted
insults insulted racist threats threatened intimidation harassment kicked punched pushed dragged
hit struck beaten beating chased chasing ran running fled fleeing hid hiding fence fences wall
gate checkpoint roadblock patrol patrols dog dogs horse drone helicopter searchlight lights siren
eviction evicted destroyed destruction slashed knife knives bin bins skip rubbish thrown confiscated
seized taken stolen returned refused denied blocked obstructed stopped prevented dispersed kettled
surrounded encircled crowd group groups dozens hundreds several many few some three four five
ten twenty
sudanese eritrean afghan ethiopian kurdish iranian syrian iraqi vietnamese albanian somali
""")

FR_WORDS = _word_list("""
police policiers gendarmes agents fourgon fourgons camionnette gaz lacrymogène bombe matraque
bouclier casque tentes tente sacs couchage couvertures couverture bâche bâches vêtements
chaussures veste téléphone téléphones chargeur nourriture eau distribution repas file attente
bénévoles bénévole association campement bois forêt champ pont autoroute camion camions port
plage dunes canal rivière pluie froid neige hiver été nuit matin soir après-midi aube minuit
enfants enfant mineurs mineur adolescent femme femmes homme hommes famille familles bébé enceinte
blessé blessés blessure blessures plaie sang ecchymoses tête bras jambe main visage yeux brûlure
toux malaise inconscient ambulance hôpital médecin infirmière soins interpellé interpellation
garde vue commissariat relâché menotté fouillé fouille identité papiers documents asile demande
expulsion obligation quitter territoire préfecture tribunal avocat plainte témoignage témoin
témoins vidéo photos filmé caméra preuves numéro matricule plaque immatriculation caché scotché
cagoule uniforme unité ordres insultes racistes menaces intimidation harcèlement coups pieds poings
poussé traîné frappé battu poursuivi couru fuite clôture grillage barrière contrôle patrouille
chien chiens drone hélicoptère projecteur sirène évacuation évacué détruit destruction lacéré
couteau benne ordures jeté confisqué saisi volé rendu refusé bloqué empêché dispersé encerclé
foule groupe dizaines centaines plusieurs quelques trois quatre cinq soudanais érythréens afghans
éthiopiens kurdes iraniens syriens irakiens vietnamiens albanais somaliens
""")

EN_PHRASES = [
    "The police arrived at six and destroyed the tents.",
    "They sprayed gas into the queue at the food distribution.",
    "An officer hit me with a baton on the head.",
    "The CRS took the sleeping bags and blankets and threw them in a skip.",
    "We were waiting for food near the canal when the vans came.",
    "My phone was taken and never returned.",
    "The officer's RIO number was hidden under his vest.",
    "They put us in a van and drove us to the police station.",
    "There were children and unaccompanied minors with us.",
    "The plate of the van was covered with black tape.",
    "Volunteers had their papers checked and were threatened with fines.",
    "The eviction lasted the whole morning in the rain.",
    "My eyes were burning for hours after the gas.",
    "They slashed the tents with knives while people were inside.",
    "I filmed the officers until one of them pushed me.",
]
FR_PHRASES = [
    ("La police est arrivée à six heures et a détruit les tentes.", 0),
    ("Ils ont gazé la file d'attente de la distribution.", 1),
    ("Un agent m'a frappé à la tête avec une matraque.", 2),
    ("Les CRS ont pris les sacs de couchage et les couvertures et les ont jetés à la benne.", 3),
    ("Nous attendions la nourriture près du canal quand les fourgons sont arrivés.", 4),
    ("Mon téléphone a été pris et ne m'a jamais été rendu.", 5),
    ("Le numéro RIO de l'agent était caché sous son gilet.", 6),
    ("Ils nous ont mis dans un fourgon et emmenés au commissariat.", 7),
    ("Il y avait des enfants et des mineurs isolés avec nous.", 8),
    ("La plaque du fourgon était couverte de scotch noir.", 9),
    ("Les bénévoles ont été contrôlés et menacés d'amende.", 10),
    ("L'évacuation a duré toute la matinée sous la pluie.", 11),
    ("Mes yeux ont brûlé pendant des heures après le gaz.", 12),
    ("Ils ont lacéré les tentes au couteau avec des gens à l'intérieur.", 13),
    ("J'ai filmé les agents jusqu'à ce que l'un d'eux me pousse.", 14),
]
# Arabic and Persian sentences, with the index of their English translation in EN_PHRASES.
AR_PHRASES = [
    ("جاءت الشرطة في السادسة ودمرت الخيام.", 0),
    ("رشوا الغاز على الطابور عند توزيع الطعام.", 1),
    ("ضربني شرطي بالعصا على رأسي.", 2),
    ("أخذوا أكياس النوم والبطانيات ورموها في الحاوية.", 3),
    ("كنا ننتظر الطعام قرب القناة عندما جاءت الشاحنات.", 4),
    ("أخذوا هاتفي ولم يعيدوه أبدا.", 5),
    ("كان رقم الشرطي مخفيا تحت سترته.", 6),
    ("وضعونا في شاحنة وأخذونا إلى مركز الشرطة.", 7),
    ("كان معنا أطفال وقاصرون بدون مرافق.", 8),
    ("احترقت عيوني لساعات بعد الغاز.", 12),
]
FA_PHRASES = [
    ("پلیس ساعت شش آمد و چادرها را خراب کرد.", 0),
    ("در صف غذا گاز اشک‌آور زدند.", 1),
    ("یک پلیس با باتوم به سرم زد.", 2),
    ("گوشی من را گرفتند و هرگز پس ندادند.", 5),
    ("ما را سوار ون کردند و به پاسگاه پلیس بردند.", 7),
]
PSEUDONYMS = [
    "Volunteer A.",
    "Volunteer B.",
    "Volunteer K.",
    "Bénévole M.",
    "Bénévole J.",
    "Witness 1",
    "Witness 2",
    "H.",
    "Y.",
    "A. (17)",
    "M. (15)",
    "S.",
    "Legal observer R.",
    "Medic T.",
    "",
]
SOURCES = [
    ("Calais Migrant Solidarity", "https://calaismigrantsolidarity.wordpress.com/"),
    ("Human Rights Observers report", "https://www.laubergedesmigrants.fr/"),
    ("Refugee Rights Europe", ""),
    ("Utopia 56 field notes", "https://utopia56.org/"),
    ("Médecins du Monde, Calais", ""),
]

PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTVWXYZ"  # no I, O, U on French plates


def _zipf_cumulative(count: int) -> list[float]:
    total, cumulative = 0.0, []
    for rank in range(1, count + 1):
        total += 1.0 / rank
        cumulative.append(total)
    return cumulative


class IncidentGenerator:
    """Seeded synthetic incidents in the interchange format."""

    def __init__(self, seed: int, *, officer_pool: int = 3_000, plate_pool: int = 1_500) -> None:
        self.rng = random.Random(seed)
        rng = self.rng
        self.en_words = EN_WORDS[:]
        self.fr_words = FR_WORDS[:]
        rng.shuffle(self.en_words)  # which words are common is part of the seed
        rng.shuffle(self.fr_words)
        self.en_cum = _zipf_cumulative(len(self.en_words))
        self.fr_cum = _zipf_cumulative(len(self.fr_words))
        self.rios = [f"{rng.randrange(10**6, 10**7):07d}" for _ in range(officer_pool)]
        self.plates = [self._plate() for _ in range(plate_pool)]
        self.start = datetime(2016, 1, 1, tzinfo=UTC)
        self.span_seconds = int((datetime(2024, 1, 1, tzinfo=UTC) - self.start).total_seconds())

    def _plate(self) -> str:
        rng = self.rng
        left = "".join(rng.choices(PLATE_LETTERS, k=2))
        right = "".join(rng.choices(PLATE_LETTERS, k=2))
        return f"{left}-{rng.randrange(1, 1000):03d}-{right}"

    def _words(self, french: bool, count: int) -> str:
        if french:
            return " ".join(self.rng.choices(self.fr_words, cum_weights=self.fr_cum, k=count))
        return " ".join(self.rng.choices(self.en_words, cum_weights=self.en_cum, k=count))

    def _occurred_at(self) -> tuple[str, str]:
        rng = self.rng
        moment = self.start + timedelta(seconds=rng.randrange(self.span_seconds))
        # Central European time: +02:00 from April to October, else +01:00 (close enough).
        offset = 2 if 4 <= moment.month <= 10 else 1
        local = moment + timedelta(hours=offset)
        precision = rng.choices(["exact", "approximate", "day"], weights=[45, 45, 10])[0]
        if precision == "day":
            return local.date().isoformat(), precision
        stamp = local.replace(second=0, tzinfo=None).isoformat(timespec="seconds")
        return f"{stamp}+0{offset}:00", precision

    def _title_and_description(self, french: bool, place: str) -> tuple[str, str]:
        rng = self.rng
        short_place = place.split(",", maxsplit=1)[0]
        if french:
            title = f"{rng.choice(FR_TITLES)} à {short_place}"
            first, second = (sentence for sentence, _ in rng.sample(FR_PHRASES, 2))
            sentences = [
                f"{rng.choice(FR_WHEN)}, {first[0].lower()}{first[1:]}",
                second,
                f"Notes : {self._words(True, rng.randint(6, 18))}.",
            ]
        else:
            agent = rng.choice(EN_AGENTS)
            verb, target = rng.choice(EN_ACTIONS)
            title = f"{agent} {verb} {target} at {short_place}"
            sentences = [
                f"{rng.choice(EN_WHEN)}, {agent.lower()} came to {short_place}.",
                rng.choice(EN_PHRASES),
                f"Notes: {self._words(False, rng.randint(6, 18))}.",
            ]
        if rng.random() < 0.5:
            del sentences[1]
        return title, " ".join(sentences)

    def _testimony(self) -> Record:
        rng = self.rng
        language = rng.choices(["en", "fr", "ar", "fa"], weights=[35, 35, 22, 8])[0]
        count = rng.randint(1, 3)
        if language == "en":
            text, translation = " ".join(rng.sample(EN_PHRASES, count)), ""
        else:
            pool = {"fr": FR_PHRASES, "ar": AR_PHRASES, "fa": FA_PHRASES}[language]
            chosen = rng.sample(pool, min(count, len(pool)))
            text = " ".join(sentence for sentence, _ in chosen)
            translation = " ".join(EN_PHRASES[index] for _, index in chosen)
        return {
            "witness": rng.choice(PSEUDONYMS),
            "role": rng.choices(["victim", "witness", "volunteer", "other"], [40, 30, 25, 5])[0],
            "language": language,
            "text": text,
            "translation": translation,
            "consent": rng.choices(["legal", "anonymised", "internal"], [40, 45, 15])[0],
        }

    def _officer(self) -> Record:
        rng = self.rng
        names, weights = zip(*UNITS, strict=True)
        unit = rng.choices(names, weights)[0]
        visibility = rng.choices(*OFFICER_VISIBILITY)[0]
        rio = rng.choice(self.rios)
        identifier = {"visible": rio, "partial": rio[: rng.randint(3, 5)]}.get(visibility, "")
        kind = "badge" if unit.startswith("Gendarmerie") and rng.random() < 0.5 else "rio"
        return {
            "identifier": identifier,
            "identifier_kind": kind,
            "unit": unit,
            "visibility": visibility,
            "description": rng.choice(OFFICER_DESCRIPTIONS),
        }

    def _vehicle(self) -> Record:
        rng = self.rng
        visibility = rng.choices(*PLATE_VISIBILITY)[0]
        plate = rng.choice(self.plates)
        shown = {"visible": plate, "partial": plate[: rng.randint(2, 6)]}.get(visibility, "")
        return {
            "plate": shown,
            "country": "FR",
            "unit": rng.choice([u for u, _ in UNITS[:10]]),
            "plate_visibility": visibility,
            "description": rng.choice(VEHICLE_DESCRIPTIONS),
        }

    def incident(self) -> Record:
        rng = self.rng
        occurred_at, precision = self._occurred_at()
        name, lat, lon = rng.choice(PLACES)
        location: Record = {"name": name}
        if rng.random() < 0.7:
            location["lat"] = round(lat + rng.uniform(-0.003, 0.003), 5)
            location["lon"] = round(lon + rng.uniform(-0.003, 0.003), 5)
        french = rng.random() < 0.4
        title, description = self._title_and_description(french, name)
        incident: Record = {
            "occurred_at": occurred_at,
            "occurred_precision": precision,
            "location": location,
            "categories": sorted(
                set(rng.choices(CATEGORIES, CATEGORY_WEIGHTS, k=rng.randint(1, 3)))
            ),
            "perpetrators": sorted(
                set(rng.choices(PERPETRATORS, PERPETRATOR_WEIGHTS, k=rng.randint(1, 2)))
            ),
            "title": title,
            "description": description,
            "language": "fr" if french else "en",
            "people_affected": rng.choice([None, rng.randint(1, 200)]),
            "testimonies": [self._testimony() for _ in range(rng.randint(1, 2))],
            "officers": [self._officer() for _ in range(rng.choices([0, 1, 2], [30, 45, 25])[0])],
            "vehicles": [self._vehicle() for _ in range(rng.choices([0, 1], [60, 40])[0])],
        }
        if rng.random() < 0.3:
            source_title, url = rng.choice(SOURCES)
            incident["sources"] = [{"title": source_title, **({"url": url} if url else {})}]
        return incident

    def batch(self, count: int) -> list[Record]:
        return [self.incident() for _ in range(count)]


# Searches of one or two words that the generated text contains, from common to rare terms,
# in English, French (with and without accents), Arabic and Persian, and identifiers.
SEARCH_QUERIES = [
    "police",
    "gas",
    "tents",
    "distribution",
    "evacuation",
    "matraque",
    "sleeping bags",
    "CRS 8",
    "BAC",
    "Gendarmerie mobile",
    "hidden vest",
    "Grande-Synthe",
    "canal",
    "mineurs isolés",
    "couvertures",
    "الشرطة",
    "پلیس",
    "phone returned",
    "tape",
    "Dunkerque",
    "hôpital",
    "Ouistreham",
]

# -- measuring ------------------------------------------------------------------------------


@dataclass
class Figures:
    incidents: int = 0
    add_seconds: float = 0.0
    batch_rates: list[float] = field(default_factory=list)
    build_seconds: float = 0.0
    kdf: KdfParams | None = None
    kdf_seconds: list[float] = field(default_factory=list)
    open_seconds: list[float] = field(default_factory=list)
    list_seconds: list[float] = field(default_factory=list)
    search_seconds: dict[str, float] = field(default_factory=dict)
    search_hits: dict[str, int] = field(default_factory=dict)
    raw_search_seconds: dict[str, float] = field(default_factory=dict)
    plain_search_seconds: dict[str, float] = field(default_factory=dict)
    plain_hits: dict[str, int] = field(default_factory=dict)
    index_seconds: list[float] = field(default_factory=list)
    index_entries: int = 0
    sqlcipher_version: str = ""
    sqlcipher_sqlite_version: str = ""
    vault_bytes: int = 0
    load_at_start: tuple[float, float, float] = (0.0, 0.0, 0.0)
    plain_bytes: int = 0
    no_memory_security_search_seconds: dict[str, float] = field(default_factory=dict)


def _median_time(function: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def build_vault(path: Path, count: int, batch: int, seed: int, figures: Figures) -> None:
    _progress("calibrating Argon2id and creating the vault...")
    figures.kdf = calibrate()
    vault, _recovery_code = Vault.create(path, PASSPHRASE, kdf=figures.kdf)
    generator = IncidentGenerator(seed)
    build_start = time.perf_counter()
    try:
        added = 0
        while added < count:
            incidents = generator.batch(min(batch, count - added))
            start = time.perf_counter()
            add_incidents(vault, incidents)
            elapsed = time.perf_counter() - start
            figures.add_seconds += elapsed
            figures.batch_rates.append(len(incidents) / elapsed)
            added += len(incidents)
            _progress(
                f"  added {added:>8,} / {count:,}  "
                f"({added / figures.add_seconds:,.0f} incidents/s so far)"
            )
        figures.incidents = added
        with vault.engine.connect() as connection:
            figures.sqlcipher_version = str(
                connection.exec_driver_sql("PRAGMA cipher_version").scalar()
            )
            figures.sqlcipher_sqlite_version = str(
                connection.exec_driver_sql("SELECT sqlite_version()").scalar()
            )
    finally:
        vault.close()  # folds the write-ahead log into the database
    figures.build_seconds = time.perf_counter() - build_start
    figures.vault_bytes = sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


@contextmanager
def _timing_kdf(times: list[float]) -> Iterator[None]:
    """Record how long each Argon2id derivation takes inside ``Vault.open``."""
    original = keys.derive_passphrase_key

    def timed(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
        start = time.perf_counter()
        try:
            return original(passphrase, salt, params)
        finally:
            times.append(time.perf_counter() - start)

    with mock.patch.object(keys, "derive_passphrase_key", timed):
        yield


def measure_unlock(path: Path, figures: Figures) -> None:
    _progress("timing the key derivation...")
    for _ in range(KDF_RUNS):
        start = time.perf_counter()
        Vault.unlock_key(path, PASSPHRASE)
        figures.kdf_seconds.append(time.perf_counter() - start)

    _progress("timing open + list of the newest 100...")
    for _ in range(OPEN_RUNS):
        kdf_times: list[float] = []
        with _timing_kdf(kdf_times):
            start = time.perf_counter()
            vault = Vault.open(path, PASSPHRASE)
            opened = time.perf_counter()
        try:
            newest = list_incidents(vault, limit=SEARCH_LIMIT)
            listed = time.perf_counter()
        finally:
            vault.close()
        assert len(newest) == min(SEARCH_LIMIT, figures.incidents)
        assert len(kdf_times) == 1
        figures.open_seconds.append(opened - start - kdf_times[0])
        figures.list_seconds.append(listed - opened)


def _raw_search(connection: Any, match: str) -> list[Any]:
    """FieldLog's own two statements, without the ORM: the newest matches, then their rows.

    The same function runs on the encrypted database and on the plain copy.
    """
    newest = connection.execute(
        SEARCH_NEWEST.text, {"query": match, "limit": SEARCH_LIMIT}
    ).fetchall()
    return _fetch_incidents(connection, newest)


def _fetch_incidents(connection: Any, ranked: list[Any]) -> list[Any]:
    if not ranked:
        return []
    numbers = [row[0] for row in ranked]
    marks = ",".join("?" * len(numbers))
    rows = connection.execute(
        f"SELECT * FROM incidents WHERE number IN ({marks})",  # noqa: S608 - only ? marks
        numbers,
    ).fetchall()
    order = {number: position for position, number in enumerate(numbers)}
    return sorted(rows, key=lambda row: order[row[INCIDENT_NUMBER_COLUMN]])


def measure_vault_queries(path: Path, figures: Figures) -> None:
    vault = Vault.open(path, PASSPHRASE)
    try:
        _progress("timing full-text search...")
        for query in SEARCH_QUERIES:  # warm up: the first query pays for loading the schema
            figures.search_hits[query] = len(search_incidents(vault, query, limit=SEARCH_LIMIT))
        for query in SEARCH_QUERIES:
            figures.search_seconds[query] = _median_time(
                partial(search_incidents, vault, query, limit=SEARCH_LIMIT), SEARCH_REPEATS
            )
        _progress("timing the identifier index...")
        while len(figures.index_seconds) < INDEX_RUNS:
            start = time.perf_counter()
            index = identifier_index(vault)
            figures.index_seconds.append(time.perf_counter() - start)
            if sum(figures.index_seconds) > INDEX_BUDGET_SECONDS:
                break  # a slow index is timed once, so the benchmark stays short
        figures.index_entries = len(index)
    finally:
        vault.close()


def build_plain(vault_path: Path, plain_path: Path) -> None:
    """Copy the incidents table and the search text into a plain SQLite file."""
    _progress("copying the search text into a plain SQLite FTS5 table...")
    vault = Vault.open(vault_path, PASSPHRASE)
    try:
        with (
            vault.engine.connect() as source,
            closing(sqlite3.connect(plain_path)) as plain,
        ):
            encrypted = source.connection.dbapi_connection
            assert encrypted is not None
            columns = [row[1] for row in encrypted.execute("PRAGMA table_info(incidents)")]
            assert columns[INCIDENT_NUMBER_COLUMN] == "number", columns
            table_sql = encrypted.execute(
                "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'incidents'"
            ).fetchone()[0]
            plain.execute(table_sql)
            for (index_sql,) in encrypted.execute(
                "SELECT sql FROM sqlite_master "
                "WHERE type = 'index' AND tbl_name = 'incidents' AND sql IS NOT NULL"
            ):
                plain.execute(index_sql)
            plain.execute(
                "CREATE VIRTUAL TABLE incident_search USING fts5("
                "title, description, place, testimonies, identifiers, "
                "tokenize = 'unicode61 remove_diacritics 2')"
            )
            _copy_rows(encrypted, plain, "SELECT * FROM incidents", "incidents")
            _copy_rows(
                encrypted,
                plain,
                "SELECT rowid, title, description, place, testimonies, identifiers "
                "FROM incident_search ORDER BY rowid",
                "incident_search(rowid, title, description, place, testimonies, identifiers)",
            )
            plain.commit()
    finally:
        vault.close()


def _copy_rows(source: Any, target: sqlite3.Connection, select: str, into: str) -> None:
    cursor = source.execute(select)
    marks = ",".join("?" * len(cursor.description))
    insert = f"INSERT INTO {into} VALUES ({marks})"  # noqa: S608 - fixed table names
    while rows := cursor.fetchmany(5_000):
        target.executemany(insert, rows)


# The plain copy is searched in a process of its own, through sqlcipher3 without a key:
# the same SQLite build and tokenizer as the vault, without encryption and without the
# memory security that the vault turns on for the whole process (SQLCipher cannot turn
# it off again). A third process searches the vault itself with memory security off,
# which tells the price of the cipher from the price of memory security. The sides take
# turns, round after round, and each query keeps its fastest round on each side, so a
# busy moment on the machine does not land on one side only.
_worker_connection: Any = None
_worker_hits: dict[str, int] = {}


def _open_plain(path: str) -> Any:
    """The plain copy, with the vault's cache and temporary storage (no key, no memory
    security): like for like with the encrypted side."""
    connection = sqlcipher3.connect(path)
    for pragma in database._CONNECTION_PRAGMAS:
        if "cache_size" in pragma or "temp_store" in pragma:
            connection.execute(pragma)
    return connection


def _open_vault_without_memory_security(passphrase: str, path: str) -> Any:
    """The vault's database, with the vault's own connection settings but one.

    Read only, beside the benchmark's own process, which holds the vault's lock.
    """
    database._CONNECTION_PRAGMAS = tuple(
        pragma.replace("cipher_memory_security = ON", "cipher_memory_security = OFF")
        for pragma in database._CONNECTION_PRAGMAS
    )
    _header, master_key = Vault.unlock_key(Path(path), passphrase)
    connection = database._connect(Path(path) / DATABASE_NAME, keys.subkey(master_key, "sqlcipher"))
    assert connection.execute("PRAGMA cipher_memory_security").fetchone()[0] == "0"
    return connection


def _search_times_in_worker(
    opener: Callable[[str], Any], path: str, matches: dict[str, str], repeats: int
) -> tuple[dict[str, float], dict[str, int]]:
    """In a worker process: each query's median time, and its hits (counted at the warm-up)."""
    global _worker_connection, _worker_hits  # noqa: PLW0603 - one connection (and cache) a worker
    if _worker_connection is None:
        _worker_connection = opener(path)
        _worker_hits = _warm_up(_worker_connection, matches)
    return _search_times(_worker_connection, matches, repeats), _worker_hits


def _warm_up(connection: Any, matches: dict[str, str]) -> dict[str, int]:
    """Run each query once (the first pays for loading the schema); return its hits."""
    return {query: len(_raw_search(connection, match)) for query, match in matches.items()}


def _search_times(connection: Any, matches: dict[str, str], repeats: int) -> dict[str, float]:
    return {
        query: _median_time(partial(_raw_search, connection, match), repeats)
        for query, match in matches.items()
    }


def _keep_fastest(best: dict[str, float], times: dict[str, float]) -> None:
    for query, seconds in times.items():
        best[query] = min(seconds, best.get(query, seconds))


def measure_search_ratio(vault_path: Path, plain_path: Path, figures: Figures) -> None:
    _progress("timing the same statements on the vault and on the plain copy, in turns...")
    matches = {query: fts_query(query) or "" for query in SEARCH_QUERIES}
    spawn = multiprocessing.get_context("spawn")
    vault = Vault.open(vault_path, PASSPHRASE)
    try:
        with (
            vault.engine.connect() as connection,
            ProcessPoolExecutor(max_workers=1, mp_context=spawn) as plain,
            ProcessPoolExecutor(max_workers=1, mp_context=spawn) as unlocked,
        ):
            raw = connection.connection.dbapi_connection
            assert raw is not None
            _warm_up(raw, matches)
            for _ in range(RATIO_ROUNDS):
                times = _search_times(raw, matches, SEARCH_REPEATS)
                _keep_fastest(figures.raw_search_seconds, times)
                times, figures.plain_hits = plain.submit(
                    _search_times_in_worker, _open_plain, str(plain_path), matches, SEARCH_REPEATS
                ).result()
                _keep_fastest(figures.plain_search_seconds, times)
                times, _hits = unlocked.submit(
                    _search_times_in_worker,
                    partial(_open_vault_without_memory_security, PASSPHRASE),
                    str(vault_path),
                    matches,
                    SEARCH_REPEATS,
                ).result()
                _keep_fastest(figures.no_memory_security_search_seconds, times)
    finally:
        vault.close()
    figures.plain_bytes = plain_path.stat().st_size


# -- report -------------------------------------------------------------------------------


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:,.1f} ms"


def _report_queries(figures: Figures) -> None:
    print("per query (hits; FieldLog search / raw FTS5 on the encrypted DB / plain SQLite):")
    for query in SEARCH_QUERIES:
        print(
            f"  {query!r:24} {figures.search_hits[query]:>4} hits   "
            f"{_ms(figures.search_seconds[query]):>10} / "
            f"{_ms(figures.raw_search_seconds[query]):>10} / "
            f"{_ms(figures.plain_search_seconds[query]):>10}"
        )
    empty = [q for q in SEARCH_QUERIES if not figures.search_hits[q]]
    different = [q for q in SEARCH_QUERIES if figures.search_hits[q] != figures.plain_hits[q]]
    if empty:
        print(f"warning: no hits for {empty} (too few incidents?)")
    if different:
        print(f"warning: hit counts differ between the vault and plain SQLite for {different}")


def report(figures: Figures) -> list[str]:
    """Print the figures; return the names of the targets missed."""
    missed = []
    line = "-" * 100
    print(line)
    print(f"FieldLog vault benchmark: {figures.incidents:,} synthetic incidents")
    print(
        f"machine: {os.cpu_count()} CPUs ({platform.machine()}), "
        f"Python {platform.python_version()} on {platform.system()} {platform.release()}"
    )
    start, end = figures.load_at_start[0], os.getloadavg()[0]
    print(
        f"load average (1 min) at start {start:.2f}, at end {end:.2f}: "
        "other processes on the machine slow every figure"
    )
    print(
        f"SQLCipher {figures.sqlcipher_version} (SQLite {figures.sqlcipher_sqlite_version}); "
        "plain copy: the same SQLite, through sqlcipher3 without a key, "
        "in a process without memory security"
    )
    assert figures.kdf is not None
    print(
        f"Argon2id parameters (calibrated): {figures.kdf.memory_kib // 1024} MiB, "
        f"{figures.kdf.iterations} passes, {figures.kdf.lanes} lanes"
    )
    print(
        f"vault size on disk: {figures.vault_bytes / 2**20:,.1f} MiB; "
        f"plain SQLite copy: {figures.plain_bytes / 2**20:,.1f} MiB; "
        f"build wall time {figures.build_seconds:,.1f} s (including data generation)"
    )
    print(line)

    rate = figures.incidents / figures.add_seconds
    ok = rate >= TARGET_ADD_PER_SECOND
    missed += [] if ok else ["bulk add"]
    print(
        f"1. bulk add:                 {rate:>10,.0f} incidents/s  "
        f"({figures.incidents:,} in {figures.add_seconds:,.1f} s)   "
        f"target >= {TARGET_ADD_PER_SECOND:,.0f}/s   {_verdict(ok)}"
    )
    rates = figures.batch_rates
    print(
        f"   per add_incidents call of {figures.incidents // len(rates):,}: "
        f"first {rates[0]:,.0f}/s, median {statistics.median(rates):,.0f}/s, "
        f"last {rates[-1]:,.0f}/s"
    )

    kdf = statistics.median(figures.kdf_seconds)
    print(
        f"2. key derivation (Argon2id): {_ms(kdf):>12}  median of {len(figures.kdf_seconds)}   "
        "deliberately slow, no target"
    )

    open_list = statistics.median(
        o + s for o, s in zip(figures.open_seconds, figures.list_seconds, strict=True)
    )
    ok = open_list < TARGET_OPEN_LIST_SECONDS
    missed += [] if ok else ["open + list"]
    print(
        f"3. open DB + list newest 100: {_ms(open_list):>12}  median of "
        f"{len(figures.open_seconds)} (open {_ms(statistics.median(figures.open_seconds))}, "
        f"list {_ms(statistics.median(figures.list_seconds))})   "
        f"target < {_ms(TARGET_OPEN_LIST_SECONDS)}   {_verdict(ok)}"
    )

    search = statistics.median(figures.search_seconds.values())
    worst = max(figures.search_seconds, key=lambda q: figures.search_seconds[q])
    ok = search < TARGET_SEARCH_SECONDS
    missed += [] if ok else ["search"]
    print(
        f"4. full-text search:          {_ms(search):>12}  median over "
        f"{len(figures.search_seconds)} queries, limit {SEARCH_LIMIT}   "
        f"target < {_ms(TARGET_SEARCH_SECONDS)}   {_verdict(ok)}"
    )
    print(
        f"   slowest query: {worst!r} {_ms(figures.search_seconds[worst])}; "
        f"raw FTS5 statements on the encrypted DB (no ORM): "
        f"{_ms(statistics.median(figures.raw_search_seconds.values()))} median"
    )

    index = statistics.median(figures.index_seconds)
    print(
        f"5. identifier index:          {_ms(index):>12}  median of {len(figures.index_seconds)}, "
        f"{figures.index_entries:,} entries   no target"
    )

    plain = statistics.median(figures.plain_search_seconds.values())
    raw = statistics.median(figures.raw_search_seconds.values())
    ratio = raw / plain
    ok = ratio <= TARGET_SEARCH_RATIO
    missed += [] if ok else ["search vs plain SQLite"]
    print(
        f"6. same searches, plain SQLite: {_ms(plain):>10}  median; the same statements "
        f"encrypted / plain = {ratio:.2f}x   target <= {TARGET_SEARCH_RATIO:.0f}x   {_verdict(ok)}"
    )
    unlocked = statistics.median(figures.no_memory_security_search_seconds.values())
    print(
        f"   the vault with cipher_memory_security off (another process): {_ms(unlocked)}, "
        f"{unlocked / plain:.2f}x plain: the rest is the price of memory security"
    )
    print(
        f"   FieldLog's whole search (ORM objects, categories, perpetrators) / plain = "
        f"{search / plain:.2f}x"
    )
    print(line)
    _report_queries(figures)
    print(line)
    print("all targets met" if not missed else f"targets missed: {', '.join(missed)}")
    return missed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--incidents", type=int, default=DEFAULT_INCIDENTS, metavar="N")
    parser.add_argument(
        "--keep",
        type=Path,
        metavar="DIR",
        help="build in DIR (new or empty) and keep the vault and the plain copy there",
    )
    parser.add_argument("--batch", type=int, default=DEFAULT_BATCH, help="incidents per add call")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    if args.incidents < 1 or args.batch < 1:
        parser.error("--incidents and --batch must be positive")

    if args.keep is not None:
        workdir: Path = args.keep
        if workdir.exists() and any(workdir.iterdir()):
            parser.error(f"{workdir} is not empty")
        workdir.mkdir(parents=True, exist_ok=True)
    else:
        workdir = Path(tempfile.mkdtemp(prefix="fieldlog-bench-"))
    vault_path = workdir / "vault"
    plain_path = workdir / "plain-fts.sqlite"
    figures = Figures(load_at_start=os.getloadavg())
    try:
        build_vault(vault_path, args.incidents, args.batch, args.seed, figures)
        measure_unlock(vault_path, figures)
        measure_vault_queries(vault_path, figures)
        build_plain(vault_path, plain_path)
        measure_search_ratio(vault_path, plain_path, figures)
        missed = report(figures)
    finally:
        if args.keep is None:
            shutil.rmtree(workdir, ignore_errors=True)
        else:
            print(f"kept in {workdir} (vault passphrase: {PASSPHRASE!r})")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())

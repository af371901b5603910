"""The command-line contract: ``fieldlog [--vault DIR] [--passphrase-file FILE] COMMAND ...``.

Most tests call ``fieldlog.cli.main`` in-process on real encrypted vaults; a few run the
installed console script (and ``python -m fieldlog``) to prove exit codes, standard input
handling, the interactive prompt and that no traceback ever reaches the terminal.
"""

import copy
import io
import json
import os
import pty
import re
import select
import shutil
import signal
import subprocess
import sys
import time
import unicodedata
import uuid
from collections.abc import Sequence
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from datetime import datetime
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pyrage
import pytest

import fieldlog
from fieldlog.cli import main
from fieldlog.interchange.document import schema
from fieldlog.vault import Vault
from fieldlog.vault.keys import MINIMUM_KDF
from tests.conftest import PASSPHRASE, SAMPLE_JSON, SHARED, snapshot

FIELDLOG = Path(sys.executable).with_name("fieldlog")  # the installed console script
NEW_PASSPHRASE = "a different but equally long passphrase"
# Crockford base32 (no I, L, O, U): 32 characters in 8 groups of 4.
RECOVERY_CODE = re.compile(r"^[0-9A-HJKMNP-TV-Z]{4}(?:-[0-9A-HJKMNP-TV-Z]{4}){7}$")
# A distinctive value that must never appear in an error message.
SECRET = "Zarathustra-QX7-temoin-secret"
CHILDREN = ("testimonies", "officers", "vehicles")
SAMPLE: list[dict[str, Any]] = json.loads(SAMPLE_JSON.read_text("utf-8"))["incidents"]

Argv = Sequence[str | Path]


# -- helpers --------------------------------------------------------------------


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> Result:
    """``fieldlog ARGV`` in this process, as the console script would run it."""
    capsys.readouterr()
    try:
        code = main([str(arg) for arg in argv])
    except SystemExit as exc:  # argparse: --version, --help and usage errors
        code = 0 if exc.code is None else exc.code if isinstance(exc.code, int) else 1
    captured = capsys.readouterr()
    return Result(code, captured.out, captured.err)


def run_process(args: Argv, *, stdin: bytes = b"", module: bool = False) -> Result:
    """The real program in a child process (its stdin is never a terminal here)."""
    command = [sys.executable, "-m", "fieldlog"] if module else [str(FIELDLOG)]
    completed = subprocess.run(
        [*command, *map(str, args)], input=stdin, capture_output=True, timeout=300, check=False
    )
    return Result(
        completed.returncode, completed.stdout.decode("utf-8"), completed.stderr.decode("utf-8")
    )


def assert_clean_failure(result: Result, expected: str = "") -> None:
    """Non-zero exit, exactly one ``error:`` line on stderr, no traceback."""
    assert result.code != 0, result
    assert result.err.startswith("error: "), result.err
    assert result.err.endswith("\n"), result.err
    assert result.err.count("\n") == 1, result.err
    assert "Traceback" not in result.err + result.out
    assert expected.lower() in result.err.lower(), result.err


def json_ok(result: Result) -> Any:
    assert result.code == 0, result.err
    assert result.err == ""
    return json.loads(result.out)


def write_json(path: Path, value: Any) -> Path:
    path.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
    return path


def write_line(path: Path, line: str) -> Path:
    path.write_text(line + "\n", encoding="utf-8")
    return path


def local_date(incident: dict[str, Any]) -> str:
    """The calendar date where the incident happened (no conversion to UTC)."""
    day: str = incident["occurred_at"][:10]
    return day


def folded(value: str) -> str:
    """Lower case without accents."""
    decomposed = unicodedata.normalize("NFKD", value.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def recovery_codes(out: str) -> list[str]:
    return [line.strip() for line in out.splitlines() if RECOVERY_CODE.match(line.strip())]


def assert_uuid_lines(out: str, count: int) -> list[str]:
    """Exactly ``count`` lines, each one canonical UUID, all different."""
    assert out.endswith("\n") or count == 0
    lines = out.splitlines()
    assert len(lines) == count, out
    for line in lines:
        assert str(uuid.UUID(line)) == line, line
    assert len(set(lines)) == count
    return lines


def assert_round_trip(given: dict[str, Any], shown: dict[str, Any]) -> None:
    """Every field of the input comes back unchanged; only defaults and ids are added."""
    for key, value in given.items():
        if key in CHILDREN:
            assert len(shown[key]) == len(value), key
            for given_child, shown_child in zip(value, shown[key], strict=True):
                for child_key, child_value in given_child.items():
                    assert shown_child[child_key] == child_value, (key, child_key)
                uuid.UUID(shown_child["id"])
        elif key == "location":
            for axis, axis_value in value.items():
                assert shown["location"][axis] == axis_value, axis
        else:
            assert shown[key] == value, key
    has_time = "T" in given["occurred_at"]
    default_precision = "exact" if has_time else "day"
    assert shown["occurred_precision"] == given.get("occurred_precision", default_precision)
    assert shown["status"] == given.get("status", "recorded")
    for key in CHILDREN:
        assert isinstance(shown[key], list)
    for testimony in shown["testimonies"]:
        assert datetime.fromisoformat(testimony["recorded_at"]).tzinfo is not None


@dataclass(frozen=True)
class Setup:
    """A vault, the passphrase file that opens it and a folder for input files."""

    path: Path
    passphrase_file: Path
    files: Path
    recovery_code: str = ""

    def args(self, *argv: str | Path, passphrase_file: Path | None = None) -> list[str | Path]:
        return [
            "--vault",
            self.path,
            "--passphrase-file",
            passphrase_file or self.passphrase_file,
            *argv,
        ]


@dataclass(frozen=True)
class Populated(Setup):
    ids: tuple[str, ...] = ()  # one per sample incident, in the order of the sample

    def by_id(self) -> dict[str, dict[str, Any]]:
        return dict(zip(self.ids, SAMPLE, strict=True))


@pytest.fixture
def fresh(created_vault: tuple[Path, str], passphrase_file: Path, tmp_path: Path) -> Setup:
    """An empty vault of its own, for tests that change it."""
    files = tmp_path / "files"
    files.mkdir()
    return Setup(created_vault[0], passphrase_file, files, created_vault[1])


@pytest.fixture(scope="module")
def populated(tmp_path_factory: pytest.TempPathFactory) -> Populated:
    """The whole sample, added once with ``fieldlog add``, shared by tests that only read."""
    root = tmp_path_factory.mktemp("populated")
    created, code = Vault.create(root / "vault", PASSPHRASE, kdf=MINIMUM_KDF)
    created.close()
    setup = Setup(root / "vault", write_line(root / "passphrase.txt", PASSPHRASE), root, code)
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        status = main([str(arg) for arg in setup.args("add", "--json", SAMPLE_JSON)])
    assert status == 0, err.getvalue()
    ids = assert_uuid_lines(out.getvalue(), len(SAMPLE))
    return Populated(setup.path, setup.passphrase_file, root, code, tuple(ids))


# -- version, help ----------------------------------------------------------------


def test_version_in_process(capsys: pytest.CaptureFixture[str]) -> None:
    result = run(capsys, "--version")
    assert result == Result(0, f"fieldlog {version('fieldlog')}\n", "")
    assert result.out == f"fieldlog {fieldlog.__version__}\n"


@pytest.mark.parametrize("module", [False, True], ids=["console-script", "python-m"])
def test_version_as_a_program(module: bool) -> None:
    result = run_process(["--version"], module=module)
    assert result == Result(0, f"fieldlog {version('fieldlog')}\n", "")


def test_help_lists_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    result = run(capsys, "--help")
    assert result.code == 0
    for command in ("init", "passwd", "add", "list", "show", "search", "identifiers", "audit"):
        assert command in result.out


# -- init -------------------------------------------------------------------------


def test_init_prints_a_recovery_code_once_and_refuses_a_second_time(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, passphrase_file: Path
) -> None:
    setup = Setup(tmp_path / "new-vault", passphrase_file, tmp_path)
    result = run(capsys, *setup.args("init"))
    assert result.code == 0, result.err
    assert result.err == ""
    codes = recovery_codes(result.out)
    assert len(codes) == 1, result.out
    assert result.out.count(codes[0]) == 1
    assert PASSPHRASE not in result.out
    assert (setup.path / "vault.json").is_file()
    # The code shown is the real one, and the passphrase opens the vault.
    with Vault.open(setup.path, recovery_code=codes[0]):
        pass
    assert json_ok(run(capsys, *setup.args("list", "--json"))) == []

    before = snapshot(setup.path)
    again = run(capsys, *setup.args("init"))
    assert_clean_failure(again, "already exists")
    assert again.out == ""
    assert snapshot(setup.path) == before


def test_init_refuses_a_short_passphrase_and_a_folder_with_files(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, passphrase_file: Path
) -> None:
    short = write_line(tmp_path / "short.txt", "abc")
    result = run(capsys, "--vault", tmp_path / "v1", "--passphrase-file", short, "init")
    assert_clean_failure(result, "too short")
    assert not (tmp_path / "v1").exists()

    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "notes.txt").write_text("someone's notes", encoding="utf-8")
    before = snapshot(busy)
    result = run(capsys, "--vault", busy, "--passphrase-file", passphrase_file, "init")
    assert_clean_failure(result, "not empty")
    assert snapshot(busy) == before


def test_without_vault_option_the_environment_names_the_vault(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, passphrase_file: Path
) -> None:
    default = Path(os.environ["FIELDLOG_VAULT"])
    assert default.is_relative_to(tmp_path)  # set by the isolation fixture
    created, _code = Vault.create(default, PASSPHRASE, kdf=MINIMUM_KDF)
    created.close()
    assert json_ok(run(capsys, "--passphrase-file", passphrase_file, "list", "--json")) == []


# -- add --------------------------------------------------------------------------


@pytest.mark.parametrize("shape", ["envelope", "list", "object"])
def test_add_accepts_the_three_shapes_and_prints_one_id_per_incident(
    capsys: pytest.CaptureFixture[str], fresh: Setup, shape: str
) -> None:
    document: Any
    if shape == "envelope":
        given, document = (
            SAMPLE,
            {"format": "fieldlog-incidents", "version": 1, "incidents": SAMPLE},
        )
    elif shape == "list":
        given = SAMPLE[8:11]  # testimonies and officers, an offset time, a bare date
        document = given
    else:
        given = SAMPLE[:1]
        document = given[0]
    source = write_json(fresh.files / "input.json", document)

    result = run(capsys, *fresh.args("add", "--json", source))
    assert result.code == 0, result.err
    assert result.err == ""
    ids = assert_uuid_lines(result.out, len(given))
    # One id per incident, in input order.
    stored = json_ok(run(capsys, *fresh.args("list", "--json")))
    assert {s["id"]: (s["occurred_at"], s["title"]) for s in stored} == {
        incident_id: (incident["occurred_at"], incident["title"])
        for incident_id, incident in zip(ids, given, strict=True)
    }


def test_add_an_empty_list_prints_nothing(capsys: pytest.CaptureFixture[str], fresh: Setup) -> None:
    source = write_json(fresh.files / "empty.json", [])
    assert run(capsys, *fresh.args("add", "--json", source)) == Result(0, "", "")


def test_add_from_standard_input(fresh: Setup) -> None:
    result = run_process(fresh.args("add", "--json", "-"), stdin=SAMPLE_JSON.read_bytes())
    assert result.code == 0, result.err
    assert result.err == ""
    ids = assert_uuid_lines(result.out, len(SAMPLE))

    listed = run_process(fresh.args("list", "--json"))
    assert listed.code == 0, listed.err
    assert {s["id"] for s in json.loads(listed.out)} == set(ids)


def test_add_from_standard_input_with_python_m(fresh: Setup) -> None:
    one = json.dumps(SAMPLE[0], ensure_ascii=False).encode("utf-8")
    result = run_process(fresh.args("add", "--json", "-"), stdin=one, module=True)
    assert result.code == 0, result.err
    assert_uuid_lines(result.out, 1)


# -- show -------------------------------------------------------------------------


def _first(condition: str) -> int:
    tests = {
        "testimonies": lambda i: bool(i.get("testimonies")),
        "officers": lambda i: bool(i.get("officers")),
        "vehicles": lambda i: bool(i.get("vehicles")),
        "people affected": lambda i: i.get("people_affected") is not None,
        "default precision": lambda i: "occurred_precision" not in i,
        "bare date": lambda i: "T" not in i["occurred_at"],
    }
    return next(index for index, incident in enumerate(SAMPLE) if tests[condition](incident))


@pytest.mark.parametrize(
    "condition",
    ["testimonies", "officers", "vehicles", "people affected", "default precision", "bare date"],
)
def test_show_json_round_trips_a_sample_incident(
    capsys: pytest.CaptureFixture[str], populated: Populated, condition: str
) -> None:
    index = _first(condition)
    incident_id, given = populated.ids[index], SAMPLE[index]
    shown = json_ok(run(capsys, *populated.args("show", incident_id, "--json")))
    assert shown["id"] == incident_id
    assert datetime.fromisoformat(shown["recorded_at"]).tzinfo is not None
    assert isinstance(shown["media"], list)
    allowed = set(schema()["$defs"]["incident"]["properties"])
    assert set(shown) <= allowed, set(shown) - allowed  # the same shape as the input
    assert_round_trip(given, shown)


def test_show_as_text_and_by_id_prefix(
    capsys: pytest.CaptureFixture[str], populated: Populated
) -> None:
    index = _first("testimonies")
    incident, incident_id = SAMPLE[index], populated.ids[index]
    result = run(capsys, *populated.args("show", incident_id))
    assert result.code == 0, result.err
    assert result.err == ""
    assert incident["title"] in result.out
    assert incident_id in result.out
    for testimony in incident["testimonies"]:
        assert testimony["text"] in result.out
    by_prefix = json_ok(run(capsys, *populated.args("show", incident_id[:8], "--json")))
    assert by_prefix["id"] == incident_id


# -- list -------------------------------------------------------------------------


LIST_FILTERS: list[tuple[str | None, str | None, tuple[str, ...]]] = [
    ("2017-07-15", "2017-07-16", ()),
    ("2017-07-15", "2017-07-15", ()),
    ("2017-07-22", "2017-07-22", ()),  # a bare-date incident on both bounds
    ("2017-07-16", None, ()),
    (None, "2017-03-11", ()),
    (None, None, ("death_at_border",)),
    (None, None, ("tear_gas", "eviction")),
    ("2017-07-01", "2017-07-31", ("tear_gas",)),
    (None, None, ()),
]


@pytest.mark.parametrize(("since", "until", "categories"), LIST_FILTERS)
def test_list_json_filters_on_the_local_date_and_categories(
    capsys: pytest.CaptureFixture[str],
    populated: Populated,
    since: str | None,
    until: str | None,
    categories: tuple[str, ...],
) -> None:
    expected = {
        incident_id
        for incident_id, incident in populated.by_id().items()
        if (since is None or local_date(incident) >= since)
        and (until is None or local_date(incident) <= until)
        and (not categories or set(categories) & set(incident["categories"]))
    }
    assert expected  # every case selects something
    argv: list[str | Path] = ["list", "--json"]
    if since:
        argv += ["--since", since]
    if until:
        argv += ["--until", until]
    for category in categories:
        argv += ["--category", category]
    summaries = json_ok(run(capsys, *populated.args(*argv)))
    assert len(summaries) == len(expected)
    assert {s["id"] for s in summaries} == expected
    for summary in summaries:
        incident = populated.by_id()[summary["id"]]
        assert summary["title"] == incident["title"]
        assert sorted(summary["categories"]) == sorted(incident["categories"])


def test_list_as_text_has_one_line_per_incident(
    capsys: pytest.CaptureFixture[str], populated: Populated
) -> None:
    since, until = "2017-07-15", "2017-07-16"
    expected = {
        incident_id
        for incident_id, incident in populated.by_id().items()
        if since <= local_date(incident) <= until
    }
    result = run(capsys, *populated.args("list", "--since", since, "--until", until))
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert len(lines) == len(expected)
    assert {line.split()[0] for line in lines} == expected


def test_recorded_text_cannot_drive_the_terminal(
    capsys: pytest.CaptureFixture[str], fresh: Setup
) -> None:
    """A hostile bundle's title could clear a legal team's screen, retitle the window and,
    with a carriage return, print a line of its own over what is shown."""
    hostile = "Normal\x1b[2J\x1b]0;PWNED\x07\rFAKE LINE\x9b"
    incident = {
        **SAMPLE[0],
        "title": hostile,
        "description": "First line.\nSecond line\x1b[31m.",
        "officers": [{"identifier": "123\x1b[8m456", "unit": "CRS\r8", "visibility": "partial"}],
    }
    incident.pop("id", None)
    source = write_json(fresh.files / "hostile.json", incident)
    (incident_id,) = assert_uuid_lines(run(capsys, *fresh.args("add", "--json", source)).out, 1)
    outputs = [
        run(capsys, *fresh.args(*command)).out
        for command in (("list",), ("show", incident_id), ("identifiers",))
    ]
    for out in outputs:
        assert not {"\x1b", "\r", "\x07", "\x9b"} & set(out), out
    listed, shown, _ = outputs
    assert listed.count("\n") == 1
    assert "Normal\\x1b[2J\\x1b]0;PWNED\\x07\\x0dFAKE LINE" in listed
    assert "  First line.\n  Second line\\x1b[31m." in shown  # its lines, indented


def test_list_date_filters_use_the_local_date_not_utc(
    capsys: pytest.CaptureFixture[str], fresh: Setup
) -> None:
    after_midnight = {**SAMPLE[1], "occurred_at": "2017-07-16T00:30:00+02:00"}  # UTC: the 15th
    late_evening = {**SAMPLE[2], "occurred_at": "2017-07-15T23:30:00-05:00"}  # UTC: the 16th
    source = write_json(fresh.files / "edges.json", [after_midnight, late_evening])
    added = run(capsys, *fresh.args("add", "--json", source))
    first, second = assert_uuid_lines(added.out, 2)

    def ids_on(day: str) -> set[str]:
        listed = run(capsys, *fresh.args("list", "--json", "--since", day, "--until", day))
        return {s["id"] for s in json_ok(listed)}

    assert ids_on("2017-07-16") == {first}
    assert ids_on("2017-07-15") == {second}


# -- search -----------------------------------------------------------------------


def incidents_mentioning(populated: Populated, word: str) -> tuple[set[str], set[str]]:
    """Ids whose testimonies contain the word, and ids whose record mentions it anywhere."""
    target = folded(word)
    in_testimony, anywhere = set(), set()
    for incident_id, incident in populated.by_id().items():
        if any(target in folded(t["text"]) for t in incident.get("testimonies", [])):
            in_testimony.add(incident_id)
        if target in folded(json.dumps(incident, ensure_ascii=False)):
            anywhere.add(incident_id)
    return in_testimony, anywhere


@pytest.mark.parametrize(
    ("query", "word"),
    [
        ("camionnette", "camionnette"),
        ("gazée", "gazée"),
        ("gazee", "gazée"),
        ("GAZÉE", "gazée"),
        ("enfermés", "enfermés"),
        ("enfermes", "enfermés"),
    ],
)
def test_search_finds_french_testimony_with_and_without_accents(
    capsys: pytest.CaptureFixture[str], populated: Populated, query: str, word: str
) -> None:
    in_testimony, anywhere = incidents_mentioning(populated, word)
    assert in_testimony  # the word is in a French testimony of the sample
    found = {s["id"] for s in json_ok(run(capsys, *populated.args("search", query, "--json")))}
    assert in_testimony <= found
    assert found <= anywhere


def test_search_as_text(capsys: pytest.CaptureFixture[str], populated: Populated) -> None:
    in_testimony, _anywhere = incidents_mentioning(populated, "camionnette")
    result = run(capsys, *populated.args("search", "camionnette"))
    assert result.code == 0, result.err
    assert {line.split()[0] for line in result.out.splitlines()} == in_testimony


def test_search_for_a_nonsense_word_finds_nothing(
    capsys: pytest.CaptureFixture[str], populated: Populated
) -> None:
    assert json_ok(run(capsys, *populated.args("search", "qzxwvbnmplk", "--json"))) == []
    assert run(capsys, *populated.args("search", "qzxwvbnmplk")) == Result(0, "", "")


@pytest.mark.parametrize(
    "query",
    ['"', "*", "-", "NEAR(", "AND", "OR", "NOT", "(", ")", "^", ":", "'", "{}", "a:b", '""', ""],
)
def test_search_survives_fts5_syntax(
    capsys: pytest.CaptureFixture[str], populated: Populated, query: str
) -> None:
    summaries = json_ok(run(capsys, *populated.args("search", "--json", "--", query)))
    assert isinstance(summaries, list)
    assert {s["id"] for s in summaries} <= set(populated.ids)


@pytest.mark.parametrize(
    "query",
    [
        '"camionnette',
        'camionnette"',
        "camionnette*",
        "-camionnette",
        "^camionnette",
        "(camionnette",
    ],
)
def test_search_treats_fts5_operators_as_plain_text(
    capsys: pytest.CaptureFixture[str], populated: Populated, query: str
) -> None:
    in_testimony, _anywhere = incidents_mentioning(populated, "camionnette")
    # "--" lets a query start with "-", as for any command-line program.
    found = json_ok(run(capsys, *populated.args("search", "--json", "--", query)))
    assert {s["id"] for s in found} == in_testimony


# -- identifiers ----------------------------------------------------------------


def test_identifiers_json_lists_officers_plates_and_units_with_their_incidents(
    capsys: pytest.CaptureFixture[str], populated: Populated
) -> None:
    officers: dict[str, tuple[set[str], set[str]]] = {}
    plates: dict[str, tuple[set[str], set[str]]] = {}
    units: dict[str, set[str]] = {}
    for incident_id, incident in populated.by_id().items():
        for kind, key, found in (
            ("officers", "identifier", officers),
            ("vehicles", "plate", plates),
        ):
            for observation in incident.get(kind, []):
                unit = observation.get("unit", "")
                if observation.get(key):
                    seen = found.setdefault(observation[key], (set(), set()))
                    seen[1].add(incident_id)
                    if unit:
                        seen[0].add(unit)
                if unit:
                    units.setdefault(unit, set()).add(incident_id)
    assert officers  # the sample has an officer number
    assert units

    entries = json_ok(run(capsys, *populated.args("identifiers", "--json")))
    by_kind: dict[str, list[dict[str, Any]]] = {"officer": [], "vehicle": [], "unit": []}
    for entry in entries:
        by_kind[entry["kind"]].append(entry)
        assert len(entry["incidents"]) == len(set(entry["incidents"]))
    assert {
        e["identifier"]: (set(e["units"]), set(e["incidents"])) for e in by_kind["officer"]
    } == officers
    assert {
        e["plate"]: (set(e["units"]), set(e["incidents"])) for e in by_kind["vehicle"]
    } == plates
    assert {e["unit"]: set(e["incidents"]) for e in by_kind["unit"]} == units
    for entry in by_kind["officer"]:
        assert entry["unit"] in officers[entry["identifier"]][0]


def test_identifiers_as_text(capsys: pytest.CaptureFixture[str], populated: Populated) -> None:
    result = run(capsys, *populated.args("identifiers"))
    assert result.code == 0, result.err
    seen = 0
    for incident_id, incident in populated.by_id().items():
        for officer in incident.get("officers", []):
            if officer.get("identifier"):
                line = next(ln for ln in result.out.splitlines() if officer["identifier"] in ln)
                assert officer["unit"] in line
                assert incident_id in line
                seen += 1
    assert seen


# -- audit ------------------------------------------------------------------------


def test_audit_verify_says_ok(capsys: pytest.CaptureFixture[str], populated: Populated) -> None:
    result = run(capsys, *populated.args("audit", "verify"))
    assert result.code == 0, result.err
    assert result.err == ""
    assert result.out.startswith("ok")
    assert result.out.endswith("; 0 stored files match their SHA-256\n")
    quick = run(capsys, *populated.args("audit", "verify", "--skip-files"))
    assert quick.out.endswith("; stored files not checked (--skip-files)\n")


# -- passwd, recover ---------------------------------------------------------------


def test_passwd_then_only_the_new_passphrase_works(
    capsys: pytest.CaptureFixture[str], fresh: Setup
) -> None:
    new = write_line(fresh.files / "new.txt", NEW_PASSPHRASE)
    result = run(capsys, *fresh.args("passwd", "--new-passphrase-file", new))
    assert result.code == 0, result.err
    assert result.err == ""

    assert_clean_failure(run(capsys, *fresh.args("list", "--json")), "wrong passphrase")
    assert json_ok(run(capsys, *fresh.args("list", "--json", passphrase_file=new))) == []


def test_recover_sets_a_new_passphrase_and_replaces_the_code(
    capsys: pytest.CaptureFixture[str], fresh: Setup
) -> None:
    code_file = write_line(fresh.files / "code.txt", fresh.recovery_code)
    new = write_line(fresh.files / "new.txt", NEW_PASSPHRASE)
    recover: list[str | Path] = [
        "--vault",
        fresh.path,
        "recover",
        "--recovery-code-file",
        code_file,
    ]
    result = run(capsys, *recover, "--new-passphrase-file", new)
    assert result.code == 0, result.err
    assert result.err == ""
    fresh_codes = recovery_codes(result.out)
    assert len(fresh_codes) == 1, result.out
    assert fresh_codes[0] != fresh.recovery_code

    assert json_ok(run(capsys, *fresh.args("list", "--json", passphrase_file=new))) == []
    assert_clean_failure(run(capsys, *fresh.args("list")), "wrong passphrase")

    before = snapshot(fresh.path)
    again = run(capsys, *recover, "--new-passphrase-file", fresh.passphrase_file)
    assert_clean_failure(again, "wrong recovery code")
    assert snapshot(fresh.path) == before
    with Vault.open(fresh.path, recovery_code=fresh_codes[0]):
        pass


# -- edit -------------------------------------------------------------------------


def _added_and_shown(capsys: pytest.CaptureFixture[str], fresh: Setup) -> tuple[str, Any]:
    """A sample incident with a testimony, added; its id and what show --json gives."""
    given = SAMPLE[_first("testimonies")]
    added = run(capsys, *fresh.args("add", "--json", write_json(fresh.files / "one.json", given)))
    (incident_id,) = assert_uuid_lines(added.out, 1)
    return incident_id, json_ok(run(capsys, *fresh.args("show", incident_id, "--json")))


def test_edit_makes_a_revision_then_reports_unchanged(
    capsys: pytest.CaptureFixture[str], fresh: Setup
) -> None:
    incident_id, first = _added_and_shown(capsys, fresh)

    # The output of show --json is valid input for edit, and changes nothing.
    shown_file = write_json(fresh.files / "shown.json", first)
    unchanged = run(capsys, *fresh.args("edit", incident_id, "--json", shown_file))
    assert unchanged == Result(0, f"{incident_id} unchanged\n", "")

    revised = copy.deepcopy(first)
    revised["title"] = "Distribution van gassed (corrected)"
    revised["testimonies"][0]["translation"] = "A van was gassed by police (checked)."
    revised["people_affected"] = 12
    edit = fresh.args("edit", incident_id, "--json", write_json(fresh.files / "edit.json", revised))
    assert run(capsys, *edit) == Result(0, f"{incident_id} revision 2\n", "")
    assert run(capsys, *edit) == Result(0, f"{incident_id} unchanged\n", "")

    shown = json_ok(run(capsys, *fresh.args("show", incident_id, "--json")))
    assert shown["title"] == revised["title"]
    assert shown["people_affected"] == 12
    assert shown["testimonies"][0]["translation"] == revised["testimonies"][0]["translation"]
    assert shown["revision"] == 2
    # The first recording times stay.
    assert shown["recorded_at"] == first["recorded_at"]
    assert shown["testimonies"][0]["id"] == first["testimonies"][0]["id"]
    assert shown["testimonies"][0]["recorded_at"] == first["testimonies"][0]["recorded_at"]

    listed = json_ok(run(capsys, *fresh.args("list", "--json")))
    assert [(s["id"], s["title"]) for s in listed] == [(incident_id, revised["title"])]
    found = json_ok(run(capsys, *fresh.args("search", "corrected", "--json")))
    assert [s["id"] for s in found] == [incident_id]
    assert run(capsys, *fresh.args("audit", "verify")).code == 0


def test_an_edit_from_an_older_revision_is_refused(
    capsys: pytest.CaptureFixture[str], fresh: Setup
) -> None:
    incident_id, first = _added_and_shown(capsys, fresh)
    mine = write_json(fresh.files / "mine.json", {**first, "title": "My correction"})
    theirs = write_json(fresh.files / "theirs.json", {**first, "title": "Their correction"})
    assert run(capsys, *fresh.args("edit", incident_id, "--json", theirs)).code == 0
    before = snapshot(fresh.path)
    stale = run(capsys, *fresh.args("edit", incident_id, "--json", mine))
    assert_clean_failure(stale, "changed since revision 1 was read")
    assert "revision 2" in stale.err
    assert snapshot(fresh.path) == before
    shown = json_ok(run(capsys, *fresh.args("show", incident_id, "--json")))
    assert (shown["title"], shown["revision"]) == ("Their correction", 2)


def test_edit_with_plain_interchange_input(
    capsys: pytest.CaptureFixture[str], fresh: Setup
) -> None:
    given = next(i for i in SAMPLE if not any(i.get(key) for key in CHILDREN))
    added = run(capsys, *fresh.args("add", "--json", write_json(fresh.files / "one.json", given)))
    (incident_id,) = assert_uuid_lines(added.out, 1)
    source = write_json(fresh.files / "edit.json", {**given, "description": "Revised wording."})
    edit = fresh.args("edit", incident_id, "--json", source)
    assert run(capsys, *edit) == Result(0, f"{incident_id} revision 2\n", "")
    assert run(capsys, *edit) == Result(0, f"{incident_id} unchanged\n", "")
    shown = json_ok(run(capsys, *fresh.args("show", incident_id, "--json")))
    assert shown["description"] == "Revised wording."
    assert shown["revision"] == 2


# -- demo, gui ----------------------------------------------------------------------


def test_demo_makes_a_vault_with_the_sample_once(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    demo = tmp_path / "demo"
    first = run(capsys, "--vault", demo, "demo", "--print")
    assert first.code == 0, first.err
    assert "Created" in first.out
    listed = [line for line in first.out.splitlines() if re.match(r"^[0-9a-f-]{36}  ", line)]
    assert len(listed) == len(SAMPLE)

    again = run(capsys, "--vault", demo, "demo", "--print")
    assert again.code == 0, again.err
    assert "Created" not in again.out
    assert snapshot(demo).keys() == {".lock", "fieldlog.db", "vault.json"}


def test_gui_without_a_display_is_a_clean_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    assert_clean_failure(run(capsys, "gui"), "no display")


# -- failures: one error line, nothing changed -----------------------------------------


def bad_incident(**changes: Any) -> dict[str, Any]:
    """A sample incident carrying SECRET in its free text, with some fields changed."""
    incident = copy.deepcopy(SAMPLE[0])
    incident["title"] = f"{SECRET} title"
    incident["description"] = f"{SECRET} description"
    incident["testimonies"] = [
        {"witness": SECRET, "text": f"{SECRET} testimony", "language": "fr", "consent": "legal"}
    ]
    for key, value in changes.items():
        if value is None:
            incident.pop(key, None)
        else:
            incident[key] = value
    return incident


def _with_testimony(**changes: Any) -> dict[str, Any]:
    incident = bad_incident()
    testimony = incident["testimonies"][0]
    for key, value in changes.items():
        if value is None:
            testimony.pop(key)
        else:
            testimony[key] = value
    return incident


@dataclass(frozen=True)
class Failure:
    """``argv`` words starting with @ name a file in ``files`` or @vault, @passphrase, @files."""

    argv: tuple[str, ...]
    expected: str
    files: dict[str, Any] | None = None  # name: bytes, or a value to write as JSON


VAULT = ("--vault", "@vault", "--passphrase-file", "@passphrase")
WRONG = ("--vault", "@vault", "--passphrase-file", "@wrong.txt")
ZERO_CODE = "0000-0000-0000-0000-0000-0000-0000-0000"
UNKNOWN_ID = "6f1c1b7e-0d0a-4c1e-9e63-2b7c1b0e5a11"


def add_bad(document: Any, expected: str) -> Failure:
    return Failure((*VAULT, "add", "--json", "@bad.json"), expected, {"bad.json": document})


FAILURES: dict[str, Failure] = {
    "wrong passphrase": Failure(
        (*WRONG, "list"), "wrong passphrase", {"wrong.txt": b"not the passphrase at all\n"}
    ),
    "wrong passphrase for passwd": Failure(
        (*WRONG, "passwd", "--new-passphrase-file", "@passphrase"),
        "wrong passphrase",
        {"wrong.txt": b"not the passphrase at all\n"},
    ),
    "wrong passphrase for add": Failure(
        (*WRONG, "add", "--json", "@one.json"),
        "wrong passphrase",
        {"wrong.txt": b"not the passphrase at all\n", "one.json": SAMPLE[0]},
    ),
    "empty passphrase file": Failure(
        ("--vault", "@vault", "--passphrase-file", "@empty.txt", "list"),
        "empty",
        {"empty.txt": b""},
    ),
    "blank first line": Failure(
        ("--vault", "@vault", "--passphrase-file", "@blank.txt", "list"),
        "empty",
        {"blank.txt": f"\n{PASSPHRASE}\n".encode()},
    ),
    "missing passphrase file": Failure(
        ("--vault", "@vault", "--passphrase-file", "@files/none.txt", "list"), "does not exist"
    ),
    "nonexistent vault": Failure(
        ("--vault", "@files/no-vault", "--passphrase-file", "@passphrase", "list"), "no vault"
    ),
    "recover a nonexistent vault": Failure(
        (
            *("--vault", "@files/no-vault", "recover", "--recovery-code-file", "@code.txt"),
            *("--new-passphrase-file", "@passphrase"),
        ),
        "no vault",
        {"code.txt": f"{ZERO_CODE}\n".encode()},
    ),
    "wrong recovery code": Failure(
        (
            *("--vault", "@vault", "recover", "--recovery-code-file", "@code.txt"),
            *("--new-passphrase-file", "@passphrase"),
        ),
        "wrong recovery code",
        {"code.txt": f"{ZERO_CODE}\n".encode()},
    ),
    "not a recovery code": Failure(
        (
            *("--vault", "@vault", "recover", "--recovery-code-file", "@code.txt"),
            *("--new-passphrase-file", "@passphrase"),
        ),
        "recovery code",
        {"code.txt": f"{SECRET}\n".encode()},
    ),
    "new passphrase too short": Failure(
        (*VAULT, "passwd", "--new-passphrase-file", "@short.txt"),
        "too short",
        {"short.txt": b"short\n"},
    ),
    "malformed JSON": add_bad(f'{{"title": "{SECRET}", '.encode(), "malformed JSON"),
    "JSON not UTF-8": add_bad(f'{{"title": "{SECRET} é"}}'.encode("latin-1"), "UTF-8"),
    "nonexistent input file": Failure(
        (*VAULT, "add", "--json", "@files/none.json"), "no such file"
    ),
    "input is a folder": Failure((*VAULT, "add", "--json", "@files"), "folder"),
    "unknown category": add_bad(bad_incident(categories=["riot"]), "categories"),
    "no category": add_bad(bad_incident(categories=[]), "categories"),
    "missing title": add_bad(bad_incident(title=None), "title"),
    "bad consent": add_bad(_with_testimony(consent="maybe"), "consent"),
    "testimony without consent": add_bad(_with_testimony(consent=None), "consent"),
    "datetime without offset": add_bad(
        bad_incident(occurred_at="2017-07-15T19:30:00"), "occurred_at"
    ),
    "impossible date": add_bad(
        bad_incident(occurred_at="2017-02-30T19:30:00+02:00"), "occurred_at"
    ),
    "a bare date cannot be exact": add_bad(
        bad_incident(occurred_at="2017-03-11", occurred_precision="exact"), "exact"
    ),
    "unknown field": add_bad(bad_incident(mood="angry"), "unknown field"),
    # Python's json module reads NaN, which is not JSON and no range check rejects.
    "NaN latitude": add_bad(
        json.dumps(
            bad_incident(location={"name": "Calais", "lat": float("nan"), "lon": 1.8})
        ).encode(),
        "NaN",
    ),
    "a time past the end of the calendar in UTC": add_bad(
        bad_incident(occurred_at="9999-12-31T23:30:00-05:00"), "occurred_at"
    ),
    "a time before the calendar in UTC": add_bad(
        bad_incident(occurred_at="0001-01-01T00:30:00+05:00"), "occurred_at"
    ),
    # JSON can spell half of a character (\ud800) that no UTF-8 text can hold.
    "a lone surrogate in the title": add_bad(
        json.dumps(bad_incident(title=f"{SECRET} \ud800")).encode(), "half of a character"
    ),
    # Python refuses to read an integer of more than 4,300 digits (a ValueError).
    "a number with 5,000 digits": add_bad(
        json.dumps(bad_incident(people_affected=0)).replace(": 0", ": 1" + "0" * 5000).encode(),
        "too many digits",
    ),
    "people_affected not a number": add_bad(
        bad_incident(people_affected=SECRET), "people_affected"
    ),
    "second incident invalid": add_bad([SAMPLE[0], bad_incident(title="")], "incident 2"),
    "the same id twice": add_bad([{**SAMPLE[0], "id": UNKNOWN_ID}] * 2, "same id"),
    "wrong envelope format": add_bad(
        {"format": "something-else", "version": 1, "incidents": [SAMPLE[0]]}, "format"
    ),
    "unsupported version": add_bad(
        {"format": "fieldlog-incidents", "version": 2, "incidents": [SAMPLE[0]]}, "version"
    ),
    "not an object or a list": add_bad(SECRET, "expected"),
    "edit with two incidents": Failure(
        (*VAULT, "edit", UNKNOWN_ID, "--json", "@two.json"), "exactly one", {"two.json": SAMPLE[:2]}
    ),
    "edit an unknown id": Failure(
        (*VAULT, "edit", UNKNOWN_ID, "--json", "@one.json"), "no incident", {"one.json": SAMPLE[0]}
    ),
    "show an unknown id": Failure((*VAULT, "show", UNKNOWN_ID), "no incident"),
    "show what is not an id": Failure((*VAULT, "show", "not-an-id", "--json"), "incident"),
    "bad --since": Failure((*VAULT, "list", "--since", "2017-13-45"), "--since"),
    "bad --until": Failure((*VAULT, "list", "--until", "yesterday"), "--until"),
    "--since after --until": Failure(
        (*VAULT, "list", "--since", "2017-08-01", "--until", "2017-07-01"), "after"
    ),
    "init over a vault": Failure((*VAULT, "init"), "already exists"),
    # argparse usage errors are one error line too.
    "unknown command": Failure((*VAULT, "frobnicate"), "invalid choice"),
    "unknown global option": Failure((*VAULT, "--colour", "list"), "--colour"),
    "unknown command option": Failure((*VAULT, "list", "--colour"), "--colour"),
    "global option after the command": Failure(("list", "--vault", "@vault"), "--vault"),
    "unknown --category": Failure((*VAULT, "list", "--category", "riot"), "--category"),
    "--limit not a number": Failure((*VAULT, "list", "--limit", "many"), "--limit"),
    "--limit too large for list": Failure((*VAULT, "list", "--limit", str(10**20)), ""),
    "--limit too large for search": Failure((*VAULT, "search", "gas", "--limit", str(10**20)), ""),
    "add without --json": Failure((*VAULT, "add"), "--json"),
    "show without an id": Failure((*VAULT, "show"), "id"),
    "search without text": Failure((*VAULT, "search"), "text"),
    "audit without a subcommand": Failure((*VAULT, "audit"), "subcommand"),
    "unknown audit subcommand": Failure((*VAULT, "audit", "repair"), "invalid choice"),
}


def materialise(failure: Failure, setup: Setup, folder: Path) -> list[str]:
    """The argv of a failure case, with its input files written to ``folder``."""
    for name, content in (failure.files or {}).items():
        if isinstance(content, bytes):
            (folder / name).write_bytes(content)
        else:
            write_json(folder / name, content)
    places = {"@vault": setup.path, "@passphrase": setup.passphrase_file, "@files": folder}
    argv = []
    for word in failure.argv:
        if word in places:
            argv.append(str(places[word]))
        elif word.startswith("@files/"):
            argv.append(str(folder / word.removeprefix("@files/")))
        elif word.startswith("@"):
            argv.append(str(folder / word[1:]))
        else:
            argv.append(word)
    return argv


@pytest.mark.parametrize("case", list(FAILURES))
def test_failure_is_one_error_line_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], populated: Populated, tmp_path: Path, case: str
) -> None:
    failure = FAILURES[case]
    argv = materialise(failure, populated, tmp_path)
    before = snapshot(populated.path)
    result = run(capsys, *argv)
    assert_clean_failure(result, failure.expected)
    assert result.out == ""
    assert SECRET not in result.err
    assert snapshot(populated.path) == before
    assert not (tmp_path / "no-vault").exists()


@pytest.mark.parametrize("where", ["--vault", "--json"])
def test_a_line_break_in_a_path_still_gives_one_error_line(
    capsys: pytest.CaptureFixture[str], populated: Populated, tmp_path: Path, where: str
) -> None:
    odd = tmp_path / "two\nlines"  # a legal file name on Linux and macOS
    argv: list[str | Path]
    if where == "--vault":
        argv = ["--vault", odd, "--passphrase-file", populated.passphrase_file, "list"]
    else:
        argv = populated.args("add", "--json", odd)
    assert_clean_failure(run(capsys, *argv))


def test_adding_an_incident_that_is_already_there_changes_nothing(
    capsys: pytest.CaptureFixture[str], populated: Populated, tmp_path: Path
) -> None:
    before = snapshot(populated.path)
    again = {**SAMPLE[0], "id": populated.ids[0]}
    result = run(capsys, *populated.args("add", "--json", write_json(tmp_path / "a.json", again)))
    assert_clean_failure(result, "already in this vault")
    # An edit whose JSON carries the id of another incident.
    other = write_json(tmp_path / "b.json", {**SAMPLE[1], "id": populated.ids[1]})
    result = run(capsys, *populated.args("edit", populated.ids[0], "--json", other))
    assert_clean_failure(result, "id")
    assert snapshot(populated.path) == before


def test_a_damaged_page_gives_one_clear_line_whatever_the_command_reads(
    capsys: pytest.CaptureFixture[str], populated: Populated, tmp_path: Path
) -> None:
    """A page that fails SQLCipher's check may be met while opening or in the middle of a
    command (a summary reads through the driver): either way one line, never a traceback."""
    page_size = 4096
    pages = (populated.path / "fieldlog.db").stat().st_size // page_size
    failed = 0
    for page in range(1, pages, 4):
        damaged = tmp_path / f"page-{page}"
        shutil.copytree(populated.path, damaged)
        database = damaged / "fieldlog.db"
        raw = bytearray(database.read_bytes())
        raw[page * page_size + 100] ^= 0x55
        database.write_bytes(bytes(raw))
        for command in (
            ["summary", "--since", "2017-01-01", "--until", "2017-12-31", "-o", damaged / "s.md"],
            ["audit", "verify"],
        ):
            argv = ["--vault", damaged, "--passphrase-file", populated.passphrase_file, *command]
            result = run(capsys, *argv)
            if result.code:
                failed += 1
                assert_clean_failure(result)
                assert "damaged" in result.err or "fails verification" in result.err, result.err
    assert failed  # some page is met by these commands


# -- failures in a real process: exit status, no traceback -----------------------------


SUBPROCESS_FAILURES: dict[str, tuple[Failure, bytes]] = {
    "wrong passphrase": (FAILURES["wrong passphrase"], b""),
    "malformed JSON on stdin": (
        Failure((*VAULT, "add", "--json", "-"), "malformed JSON"),
        f'{{"title": "{SECRET}"'.encode(),
    ),
    "invalid incident on stdin": (
        Failure((*VAULT, "add", "--json", "-"), "categories[0] must be one of"),
        json.dumps(bad_incident(categories=["riot"])).encode(),
    ),
    "no passphrase and no terminal": (Failure(("--vault", "@vault", "list"), "no passphrase"), b""),
    "passwd without a new passphrase": (
        Failure((*VAULT, "passwd"), "no new passphrase given: use --new-passphrase-file"),
        b"",
    ),
    "recover without a recovery code": (
        Failure(
            ("--vault", "@vault", "recover", "--new-passphrase-file", "@passphrase"),
            "no recovery code given: use --recovery-code-file",
        ),
        b"",
    ),
    "show an unknown id": (FAILURES["show an unknown id"], b""),
    "unknown command": (FAILURES["unknown command"], b""),
}


@pytest.mark.parametrize("case", list(SUBPROCESS_FAILURES))
def test_failure_as_a_program_exits_non_zero_without_traceback(
    populated: Populated, tmp_path: Path, case: str
) -> None:
    failure, stdin = SUBPROCESS_FAILURES[case]
    before = snapshot(populated.path)
    result = run_process(materialise(failure, populated, tmp_path), stdin=stdin)
    assert_clean_failure(result, failure.expected)
    assert result.out == ""
    assert SECRET not in result.err
    assert snapshot(populated.path) == before


def test_an_output_path_that_cannot_be_written_is_named_as_given(
    capsys: pytest.CaptureFixture[str], populated: Populated, tmp_path: Path
) -> None:
    """Never the name of the temporary file written beside it."""
    summary = ("summary", "--since", "2017-01-01", "--until", "2017-12-31", "-o")
    folder = run(capsys, *populated.args(*summary, tmp_path))
    assert_clean_failure(folder, f"is a folder, not a file: {tmp_path}")
    missing = tmp_path / "nowhere" / "calais.fieldlog"
    recipient = str(pyrage.x25519.Identity.generate().to_public())
    exported = run(capsys, *populated.args("export", "--recipient", recipient, "-o", missing))
    assert_clean_failure(exported, f"no such folder: {missing.parent}")
    assert ".tmp" not in folder.err + exported.err
    assert list(tmp_path.iterdir()) == []


def test_dash_as_an_output_is_refused_rather_than_made_a_file_named_dash(
    capsys: pytest.CaptureFixture[str],
    populated: Populated,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    recipient = str(pyrage.x25519.Identity.generate().to_public())
    for command in (
        ("summary", "--since", "2017-01-01", "--until", "2017-12-31", "-o", "-"),
        ("export", "--recipient", recipient, "-o", "-"),
        ("media", "get", "0" * 8, "-o", "-"),
    ):
        assert_clean_failure(
            run(capsys, *populated.args(*command)), "not to standard output; give a file name"
        )
    assert list(tmp_path.iterdir()) == []


def test_a_pipe_given_to_attach_is_refused_without_waiting_on_it(
    capsys: pytest.CaptureFixture[str], fresh: Setup, tmp_path: Path
) -> None:
    incident = run(capsys, *fresh.args("add", "--json", SAMPLE_JSON)).out.split()[0]
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    result = run(capsys, *fresh.args("attach", incident, pipe))
    assert_clean_failure(result, f"{pipe} is not a plain file (a pipe, a device or a socket)")
    assert json_ok(run(capsys, *fresh.args("show", incident, "--json")))["media"] == []


def test_a_summary_already_written_is_replaced_only_when_asked(
    capsys: pytest.CaptureFixture[str], populated: Populated, tmp_path: Path
) -> None:
    target = tmp_path / "july.md"
    target.write_text("the summary sent to the lawyers last month\n")
    summary = ("summary", "--since", "2017-07-01", "--until", "2017-07-31", "-o", target)
    refused = run(capsys, *populated.args(*summary))
    assert_clean_failure(refused, "exists; choose another name, or add --force")
    assert target.read_text() == "the summary sent to the lawyers last month\n"
    assert run(capsys, *populated.args(*summary, "--force")).code == 0
    assert target.read_text().startswith("# ")


def test_a_reader_that_goes_away_is_not_reported_as_an_error(populated: Populated) -> None:
    """``fieldlog list | head -1``: the pipe closes before the output is written."""
    argv = ["--vault", populated.path, "--passphrase-file", populated.passphrase_file, "list"]
    with subprocess.Popen(
        [str(FIELDLOG), *map(str, argv)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        process.stdout.close()
        err = process.stderr.read()
        assert process.wait(timeout=300) == 141
    assert err == b""


def test_a_command_stopped_by_a_signal_says_so_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], populated: Populated, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A closed terminal (SIGHUP) or a shutdown (SIGTERM) stops a command as Ctrl+C does:
    temporary files go, the transaction rolls back, one line says so."""

    class StoppedWhileReading(io.BytesIO):
        def read(self, size: int | None = -1) -> bytes:
            os.kill(os.getpid(), signal.SIGTERM)  # the real signal, to this process
            return super().read(size)

    stdin = io.TextIOWrapper(StoppedWhileReading(SAMPLE_JSON.read_bytes()))
    monkeypatch.setattr(sys, "stdin", stdin)
    before = snapshot(populated.path)
    # Should the command not take the signal itself, this handler takes it (rather than
    # the default, which would end the test run) and the add goes through: a failure.
    missed: list[int] = []

    def outside(signum: int, _frame: object) -> None:
        missed.append(signum)

    previous = signal.signal(signal.SIGTERM, outside)
    try:
        result = run(capsys, *populated.args("add", "--json", "-"))
        assert signal.getsignal(signal.SIGTERM) is outside  # put back once the command is over
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert missed == []
    assert_clean_failure(result, "stopped by a signal")
    assert result.code == 128 + signal.SIGTERM
    assert snapshot(populated.path) == before


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux's")
def test_the_program_forbids_core_dumps_of_its_memory(tmp_path: Path) -> None:
    """A crash must not write the decrypted records and the passphrase to disk."""
    script = (
        "import ctypes, resource, sys\n"
        "from fieldlog.cli import main\n"
        "main(sys.argv[1:])\n"
        "dumpable = ctypes.CDLL(None).prctl(3, 0, 0, 0, 0)  # PR_GET_DUMPABLE\n"
        "print(resource.getrlimit(resource.RLIMIT_CORE), dumpable)\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", script, "--vault", tmp_path / "none", "list"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert completed.stdout == "(0, 0) 0\n", completed.stderr


def test_the_apps_uncaught_exceptions_print_one_line_without_their_message() -> None:
    """In the desktop app an exception in a slot or a thread reaches sys.excepthook,
    whose traceback would quote recorded text to stderr (a session's journal)."""
    script = (
        "import threading\n"
        "from fieldlog.hardening import report_bugs_without_content\n"
        "report_bugs_without_content()\n"
        f"def fail(): raise ValueError({SECRET!r})\n"
        "worker = threading.Thread(target=fail)\n"
        "worker.start(); worker.join()\n"
        "fail()\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=300, check=False
    )
    assert completed.returncode != 0
    lines = completed.stderr.splitlines()
    assert (
        lines
        == [
            "error: FieldLog failed unexpectedly (ValueError at <string>:4); "
            "please report this line"
        ]
        * 2
    ), completed.stderr


def test_a_bug_is_one_line_naming_where_it_happened_not_what_it_was_given(
    capsys: pytest.CaptureFixture[str], populated: Populated, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise UnicodeEncodeError("utf-8", SECRET, 0, 1, "surrogates not allowed")

    monkeypatch.setattr("fieldlog.cli.commands.search_incidents", broken)
    result = run(capsys, *populated.args("search", "gas"))
    assert_clean_failure(result, "FieldLog failed unexpectedly (UnicodeEncodeError at commands.py:")
    assert SECRET not in result.err


def test_a_passphrase_file_saved_with_a_byte_order_mark_opens_the_vault(
    capsys: pytest.CaptureFixture[str], populated: Populated
) -> None:
    """Windows editors may begin a UTF-8 file with a BOM: it is not part of the passphrase."""
    bom = populated.files / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + PASSPHRASE.encode() + b"\r\n")
    assert run(capsys, *populated.args("list", passphrase_file=bom)).code == 0


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_endless_inputs_are_read_no_further_than_their_limit(
    capsys: pytest.CaptureFixture[str], populated: Populated, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = run(capsys, *populated.args("list", passphrase_file=Path("/dev/zero")))
    assert_clean_failure(result, "the first line of the passphrase file is too long")
    # A 1 GiB limit takes a while to reach: the same code with a smaller one.
    monkeypatch.setattr("fieldlog.cli.commands.MAX_DOCUMENT_BYTES", 1 << 20)
    monkeypatch.setattr("fieldlog.interchange.document.MAX_DOCUMENT_BYTES", 1 << 20)
    result = run(capsys, *populated.args("add", "--json", "/dev/zero"))
    assert_clean_failure(result, "larger than")


def test_a_photo_with_damaged_exif_is_attached_without_library_warnings(
    capsys: pytest.CaptureFixture[str], fresh: Setup
) -> None:
    """Pillow warned on stderr, fourteen lines, about EXIF pointing past the file's end."""
    photo = bytearray((SHARED / "samples" / "photos" / "DSCN0010.jpg").read_bytes())
    photo[16:20] = b"\xff\xff\xff\x7f"  # the first EXIF directory: far beyond the end
    damaged = fresh.files / "damaged-exif.jpg"
    damaged.write_bytes(photo)
    added = run(capsys, *fresh.args("add", "--json", SAMPLE_JSON))
    incident = added.out.split()[0]
    result = run(capsys, *fresh.args("attach", incident, damaged))
    assert result.code == 0, result.err
    assert result.err == ""


@pytest.mark.skipif(not Path("/proc/self/mem").exists(), reason="needs Linux's /proc")
def test_attaching_several_files_names_the_one_that_failed(
    capsys: pytest.CaptureFixture[str], fresh: Setup
) -> None:
    """Each file is attached on its own: those before the failure stay, and are said so."""
    added = run(capsys, *fresh.args("add", "--json", SAMPLE_JSON))
    incident = added.out.split()[0]
    good = SHARED / "samples" / "photos" / "DSCN0010.jpg"
    unreadable = Path("/proc/self/mem")  # reading it from the start fails (EIO): a bad disk
    result = run(capsys, *fresh.args("attach", incident, good, unreadable))
    assert_clean_failure(result, f"{unreadable} was not attached: Input/output error")
    assert "the 1 file(s) before it are attached" in result.err
    (attached,) = assert_uuid_lines(result.out, 1)
    shown = json_ok(run(capsys, *fresh.args("show", incident, "--json")))
    assert [m["id"] for m in shown["media"]] == [attached]


# -- the interactive prompt, on a real pseudo-terminal --------------------------------


def converse(argv: Argv, answers: Sequence[tuple[bytes, bytes]]) -> Result:
    """Run the program on a pseudo-terminal, answering each prompt when it appears.

    Everything the program writes (stdout and stderr) is in ``out``.
    """
    master, slave = pty.openpty()
    try:
        # In a new session there is no controlling terminal: getpass can only use this one.
        process = subprocess.Popen(
            [str(FIELDLOG), *map(str, argv)],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            start_new_session=True,
        )
    finally:
        os.close(slave)
    transcript = b""
    pending = list(answers)
    position = 0
    deadline = time.monotonic() + 300
    try:
        while True:
            if pending:
                prompt, answer = pending[0]
                found = transcript.find(prompt, position)
                if found >= 0:
                    os.write(master, answer + b"\n")
                    position = found + len(prompt)
                    pending.pop(0)
                    continue
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                process.kill()
                raise AssertionError(f"the conversation did not end: {transcript!r}")
            ready, _, _ = select.select([master], [], [], remaining)
            if not ready:
                continue
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the program has exited and closed the terminal
                break
            if not chunk:
                break
            transcript += chunk
        code = process.wait(timeout=60)
    finally:
        os.close(master)
    assert not pending, f"prompts not seen: {pending!r} in {transcript!r}"
    return Result(code, transcript.decode("utf-8").replace("\r\n", "\n"), "")


def error_lines(out: str) -> list[str]:
    return [line for line in out.splitlines() if line.startswith("error:")]


def test_interactive_passphrase_prompt_does_not_echo(populated: Populated) -> None:
    result = converse(["--vault", populated.path, "list"], [(b"Passphrase: ", PASSPHRASE.encode())])
    assert result.code == 0, result.out
    assert PASSPHRASE not in result.out
    assert error_lines(result.out) == []
    for incident_id in populated.ids:
        assert incident_id in result.out


def test_interactive_wrong_passphrase(populated: Populated) -> None:
    before = snapshot(populated.path)
    result = converse(["--vault", populated.path, "list"], [(b"Passphrase: ", b"guess guess")])
    assert result.code != 0
    assert len(error_lines(result.out)) == 1
    assert "wrong passphrase" in error_lines(result.out)[0]
    assert "Traceback" not in result.out
    assert "guess guess" not in result.out
    assert snapshot(populated.path) == before


def test_interactive_new_passphrases_that_differ_change_nothing(fresh: Setup) -> None:
    before = snapshot(fresh.path)
    result = converse(
        fresh.args("passwd"),
        [
            (b"New passphrase", NEW_PASSPHRASE.encode()),
            (b"Type it again: ", b"something else entirely"),
        ],
    )
    assert result.code != 0
    assert len(error_lines(result.out)) == 1
    assert "differ" in error_lines(result.out)[0]
    assert NEW_PASSPHRASE not in result.out
    assert snapshot(fresh.path) == before

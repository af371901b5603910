"""Export and import a bundle of about 1 GiB of media, beside the plain ``tar c | age -r``.

Run from the repository root (needs the ``age`` and ``tar`` tools)::

    python benchmarks/bench_bundles.py [--files 8] [--file-mib 128] [--rounds 3] [--keep DIR]

It writes 8 random files of 128 MiB, attaches them to an incident of a new vault
(not timed), then, in each round, times these three, one after the other, each in a
child process whose peak memory and CPU time are read from the kernel (``wait4``):

* the baseline: ``tar c FILES | age -r RECIPIENT > out`` over the same plaintext files;
* ``export``: the vault's blobs decrypted, hashed, tarred, signed and age-encrypted to
  one recipient into a file (fsynced);
* ``import`` into a second vault (a fresh copy of it each round, made before the clock
  starts): decrypted, every check of ``fieldlog verify``, each file encrypted into the
  blob store (fsynced), merged in one transaction.

All three read files the previous step left in the page cache. The baseline does not
fsync its output; export and import do, and that time is in their figures.

Each ratio compares a step with the baseline of its own round, so a burst of other work
on the machine moves both; the verdicts use the median over the rounds, and every round
is printed with the load average. CPU seconds (all threads, user and system) are printed
too: on a busy machine they say more than the clock.

Targets: export and import each within 1.3 times the baseline; peak memory under 300 MB.
The vaults use the minimum Argon2id cost (64 MiB), which is in the children's peak memory
(their start, unlocking included, is not in the times).
This is not a test: nothing here is collected by pytest.
"""

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

TARGET_RATIO = 1.3
TARGET_RSS_MB = 300.0
PASSPHRASE = "benchmark correct horse battery staple"  # noqa: S105 - a throwaway vault
CHUNK = 1 << 20


def _write_random_files(folder: Path, count: int, mib: int, seed: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    files = []
    for index in range(count):
        path = folder / f"evidence-{index:02}.bin"
        with path.open("wb") as out:
            for _ in range(mib):
                out.write(rng.randbytes(CHUNK))
        files.append(path)
    return files


def _child(args: list[str]) -> tuple[dict[str, float], float]:
    """Run this script as a child; return what it printed and its peak RSS in MB."""
    process = subprocess.Popen([sys.executable, __file__, *args], stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    output = process.stdout.read()
    _pid, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"child {args[0]} failed with exit code {process.returncode}")
    return json.loads(output), usage.ru_maxrss / 1024


def _setup(work: Path, files: list[Path]) -> dict[str, float]:
    from fieldlog.services.contacts import add_contact, vault_keys  # noqa: PLC0415
    from fieldlog.services.incidents import add_incidents  # noqa: PLC0415
    from fieldlog.services.media import attach_file  # noqa: PLC0415
    from fieldlog.vault import Vault  # noqa: PLC0415
    from fieldlog.vault.keys import MINIMUM_KDF  # noqa: PLC0415

    volunteer, _ = Vault.create(work / "volunteer", PASSPHRASE, kdf=MINIMUM_KDF)
    legal, _ = Vault.create(work / "legal", PASSPHRASE, kdf=MINIMUM_KDF)
    with volunteer, legal:
        incident = add_incidents(
            volunteer,
            [
                {
                    "occurred_at": "2017-07-15T19:30:00+02:00",
                    "location": {"name": "Calais"},
                    "categories": ["tear_gas"],
                    "title": "Benchmark incident",
                }
            ],
        )[0]
        started = time.perf_counter()
        for path in files:
            attach_file(volunteer, str(incident), path)
        attach_seconds = time.perf_counter() - started
        add_contact(volunteer, "Legal team", recipient=vault_keys(legal).recipient)
        add_contact(legal, "Volunteer", signing_key=vault_keys(volunteer).signing_key)
        (work / "recipient.txt").write_text(vault_keys(legal).recipient)
    return {"attach_seconds": attach_seconds}


def _export(work: Path) -> dict[str, float]:
    from fieldlog.services.bundles import ExportOptions, export_bundle  # noqa: PLC0415
    from fieldlog.vault import Vault  # noqa: PLC0415

    (work / "bundle.fieldlog").unlink(missing_ok=True)
    with Vault.open(work / "volunteer", PASSPHRASE) as vault:
        cpu, started = time.process_time(), time.perf_counter()
        report = export_bundle(
            vault, ExportOptions(recipients=("Legal team",)), work / "bundle.fieldlog"
        )
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    return {"seconds": seconds, "cpu": cpu, "bytes": report.bundle_bytes, "media": report.media}


def _import(work: Path) -> dict[str, float]:
    from fieldlog.services.bundles import import_bundle  # noqa: PLC0415
    from fieldlog.vault import Vault  # noqa: PLC0415

    with Vault.open(work / "legal-copy", PASSPHRASE) as vault:
        cpu, started = time.process_time(), time.perf_counter()
        report = import_bundle(vault, work / "bundle.fieldlog")
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    return {"seconds": seconds, "cpu": cpu, "media": report.media_added}


def _cpu(usage: resource.struct_rusage) -> float:
    return float(usage.ru_utime + usage.ru_stime)


def _baseline(work: Path, files: list[Path]) -> tuple[float, float]:
    """``tar c FILES | age -r RECIPIENT > out``, over the plaintext files: seconds, CPU."""
    recipient = (work / "recipient.txt").read_text().strip()
    out = work / "baseline.tar.age"
    started = time.perf_counter()
    tar = subprocess.Popen(
        ["tar", "c", "-C", str(files[0].parent), *(p.name for p in files)],
        stdout=subprocess.PIPE,
    )
    age = subprocess.Popen(["age", "-r", recipient, "-o", str(out)], stdin=tar.stdout)
    if tar.stdout is not None:
        tar.stdout.close()
    cpu = 0.0
    for process in (tar, age):
        _pid, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        cpu += _cpu(usage)
    seconds = time.perf_counter() - started
    if tar.returncode != 0 or age.returncode != 0:
        raise SystemExit("the baseline tar | age failed")
    out.unlink()
    return seconds, cpu


@dataclass
class Round:
    load: float
    baseline: float
    baseline_cpu: float
    export: float
    export_cpu: float
    imported: float
    import_cpu: float
    rss: float


def _round(work: Path, files: list[Path], expected_media: int) -> Round:
    load = os.getloadavg()[0]
    baseline, baseline_cpu = _baseline(work, files)
    exported, export_rss = _child(["--child", "export", "--work", str(work)])
    copy = work / "legal-copy"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(work / "legal", copy)
    imported, import_rss = _child(["--child", "import", "--work", str(work)])
    shutil.rmtree(copy)
    if imported["media"] != expected_media:
        raise SystemExit("the import did not add every file")
    return Round(
        load,
        baseline,
        baseline_cpu,
        exported["seconds"],
        exported["cpu"],
        imported["seconds"],
        imported["cpu"],
        max(export_rss, import_rss),
    )


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=8)
    parser.add_argument("--file-mib", type=int, default=128)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    parser.add_argument("--child", choices=["setup", "export", "import"], help=argparse.SUPPRESS)
    parser.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        work = args.work
        if args.child == "setup":
            result = _setup(work, sorted((work / "files").iterdir()))
        else:
            result = _export(work) if args.child == "export" else _import(work)
        print(json.dumps(result))
        return 0
    for tool in ("age", "tar"):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} is not installed (apt-get install age)")
    work = args.keep or Path(tempfile.mkdtemp(prefix="fieldlog-bench-bundles-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        total_mib = args.files * args.file_mib
        print(f"Writing {args.files} random files of {args.file_mib} MiB ({total_mib} MiB) ...")
        files = _write_random_files(work / "files", args.files, args.file_mib, seed=2017)
        setup, _ = _child(["--child", "setup", "--work", str(work)])
        print(
            f"Attached them to a vault in {setup['attach_seconds']:.1f} s (not part of the figures)"
        )
        print()
        print(
            f"{'round':>5}{'load':>6}{'baseline s':>12}{'export s':>10}{'ratio':>7}"
            f"{'import s':>10}{'ratio':>7}   CPU s: baseline, export, import"
        )
        rounds = []
        for number in range(1, args.rounds + 1):
            r = _round(work, files, args.files)
            rounds.append(r)
            print(
                f"{number:5}{r.load:6.1f}{r.baseline:12.2f}{r.export:10.2f}"
                f"{r.export / r.baseline:7.2f}{r.imported:10.2f}{r.imported / r.baseline:7.2f}"
                f"   {r.baseline_cpu:.2f}, {r.export_cpu:.2f}, {r.import_cpu:.2f}"
            )
        export_ratio = statistics.median(r.export / r.baseline for r in rounds)
        import_ratio = statistics.median(r.imported / r.baseline for r in rounds)
        baseline = statistics.median(r.baseline for r in rounds)
        peak = max(r.rss for r in rounds)
        print()
        print(f"load average at the end: {os.getloadavg()[0]:.1f}")
        print(f"baseline, median: {baseline:.2f} s ({total_mib / baseline:.0f} MiB/s)")
        for action, ratio in (("export", export_ratio), ("import", import_ratio)):
            verdict = _verdict(ratio <= TARGET_RATIO)
            print(
                f"{action} within {TARGET_RATIO}x of the baseline (median {ratio:.2f}x): {verdict}"
            )
        print(
            f"peak memory under {TARGET_RSS_MB:.0f} MB ({peak:.0f} MB): "
            f"{_verdict(peak < TARGET_RSS_MB)}"
        )
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

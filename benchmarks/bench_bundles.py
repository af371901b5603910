"""Export and import a bundle of about 1 GiB of media, beside the plain ``tar c | age -r``.

Run from the repository root (needs the ``age`` and ``tar`` tools)::

    python benchmarks/bench_bundles.py [--files 8] [--file-mib 128] [--keep DIR]

It writes 8 random files of 128 MiB, attaches them to an incident of a new vault
(not timed), then times, each in a child process whose peak memory is read from the
kernel (``wait4``'s ``ru_maxrss``):

* the baseline: ``tar c FILES | age -r RECIPIENT > out`` over the same plaintext files;
* ``export``: the vault's blobs decrypted, hashed, tarred, signed and age-encrypted to
  one recipient into a file (fsynced);
* ``import`` into a second vault: decrypted, every check of ``fieldlog verify``, each
  file encrypted into the blob store (fsynced), merged in one transaction.

Targets: export and import each within 1.3 times the baseline; peak memory under 300 MB.
The vaults use the minimum Argon2id cost (64 MiB), which is in the children's peak memory.
This is not a test: nothing here is collected by pytest.
"""

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
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

    with Vault.open(work / "volunteer", PASSPHRASE) as vault:
        started = time.perf_counter()
        report = export_bundle(
            vault, ExportOptions(recipients=("Legal team",)), work / "bundle.fieldlog"
        )
        seconds = time.perf_counter() - started
    return {"seconds": seconds, "bytes": report.bundle_bytes, "media": report.media}


def _import(work: Path) -> dict[str, float]:
    from fieldlog.services.bundles import import_bundle  # noqa: PLC0415
    from fieldlog.vault import Vault  # noqa: PLC0415

    with Vault.open(work / "legal", PASSPHRASE) as vault:
        started = time.perf_counter()
        report = import_bundle(vault, work / "bundle.fieldlog")
        seconds = time.perf_counter() - started
    return {"seconds": seconds, "media": report.media_added}


def _baseline(work: Path, files: list[Path]) -> float:
    """``tar c FILES | age -r RECIPIENT > out``, over the plaintext files."""
    recipient = (work / "recipient.txt").read_text().strip()
    out = work / "baseline.tar.age"
    started = time.perf_counter()
    tar = subprocess.Popen(
        ["tar", "c", "-C", str(files[0].parent), *(p.name for p in files)],
        stdout=subprocess.PIPE,
    )
    age = subprocess.run(["age", "-r", recipient, "-o", str(out)], stdin=tar.stdout, check=True)
    if tar.stdout is not None:
        tar.stdout.close()
    if tar.wait() != 0 or age.returncode != 0:
        raise SystemExit("the baseline tar | age failed")
    seconds = time.perf_counter() - started
    out.unlink()
    return seconds


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=8)
    parser.add_argument("--file-mib", type=int, default=128)
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
        baseline = _baseline(work, files)
        exported, export_rss = _child(["--child", "export", "--work", str(work)])
        imported, import_rss = _child(["--child", "import", "--work", str(work)])
        if imported["media"] != args.files:
            raise SystemExit("the import did not add every file")
        export_ratio = exported["seconds"] / baseline
        import_ratio = imported["seconds"] / baseline
        rate = total_mib / baseline
        print()
        print(f"{'':34}{'seconds':>9}{'x baseline':>12}{'peak RSS MB':>13}")
        print(
            f"{'baseline: tar c | age -r':34}{baseline:9.2f}{1.0:12.2f}{'':>13}  ({rate:.0f} MiB/s)"
        )
        print(
            f"{'fieldlog export (1 recipient)':34}{exported['seconds']:9.2f}"
            f"{export_ratio:12.2f}{export_rss:13.0f}"
        )
        print(
            f"{'fieldlog import (verify + merge)':34}{imported['seconds']:9.2f}"
            f"{import_ratio:12.2f}{import_rss:13.0f}"
        )
        print()
        for action, ratio in (("export", export_ratio), ("import", import_ratio)):
            verdict = _verdict(ratio <= TARGET_RATIO)
            print(f"{action} within {TARGET_RATIO}x of the baseline: {verdict}")
        peak = max(export_rss, import_rss)
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

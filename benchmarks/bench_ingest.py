"""Measure attaching a large file: throughput against a plain copy, and peak memory.

Run from the repository root::

    python benchmarks/bench_ingest.py [--size-mib 1024] [--small-mib 256] [--runs 3]
                                      [--dir DIR] [--breakdown] [--profile]

In one run, on the same disk and the same file, it measures:

* a plain copy (1 MiB reads and writes, then fsync): the disk's own limit here;
* ``shutil.copyfile`` + fsync, for reference;
* the plain copy again, with the written bytes synced in the background every 64 MiB as the
  ingest does (so the disk writes while the file is read), for reference: what the disk gives
  when reading and writing overlap; the target stays against the plain copy, as the issue says;
* ``attach_file`` (SHA-256, AES-256-GCM chunked encryption into the blob store, fsync,
  rename, database record), each run in a fresh child process so its peak RSS is its own;
* a child that only imports FieldLog and opens the vault (the RSS baseline);
* ``export_original`` (decrypt, verify the SHA-256, write, fsync).

Every file is fsynced and dropped from the page cache before each measured run, so the copy
and the ingest both read from the disk. Each figure is the median of ``--runs`` runs, and a
second, smaller size shows whether memory grows with the file. Each time comes with the CPU
seconds spent (all threads), which other work on the machine disturbs less than wall time. The
peak RSS of an ingest is VmHWM, reset once the vault is open: unlocking runs Argon2id (64 MiB at
the minimum cost), whose memory is freed at once but would otherwise hide the ingest's own peak.
``--breakdown`` times the parts
of an ingest alone (hashing, encryption, reading, writing); ``--profile`` runs one ingest under
cProfile.

This is not a test: nothing here is collected by pytest.
"""

import argparse
import cProfile
import hashlib
import io
import json
import os
import platform
import pstats
import resource
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

PASSPHRASE = "benchmark passphrase"  # noqa: S105 - a throwaway vault
INCIDENT = {
    "occurred_at": "2017-07-15T19:30:00+02:00",
    "location": {"name": "Calais"},
    "categories": ["tear_gas"],
    "title": "Benchmark",
}

MIB = 1 << 20
MB = 1_000_000
PIECE = MIB  # the plain copy's read and write size (the ingest's chunk size too)

DEFAULT_SIZE_MIB = 1024
DEFAULT_SMALL_MIB = 256
DEFAULT_RUNS = 3
DEFAULT_PARENT = "/var/tmp"  # noqa: S108 - a disk, not tmpfs; a private folder inside

# Targets (from the issue).
TARGET_RATIO = 1.3  # ingest time / plain copy time
TARGET_PEAK_MB = 200.0  # peak RSS of the ingesting process, whatever the file size

RESULT_PREFIX = "BENCH-RESULT "  # how a child hands its figures back on stdout


# -- machine and files -----------------------------------------------------------------------


def load_average() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f}"


def filesystem_of(path: Path) -> tuple[str, str, str]:
    """(device, type, mount point) of the mount holding ``path``, from /proc/mounts."""
    resolved = str(path.resolve())
    best = ("?", "?", "")
    try:
        lines = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return best
    for line in lines:
        fields = line.split()
        if len(fields) < 3:
            continue
        device, mount, fstype = fields[0], fields[1].replace("\\040", " "), fields[2]
        inside = resolved == mount or resolved.startswith(mount.rstrip("/") + "/")
        if inside and len(mount) >= len(best[2]):
            best = (device, fstype, mount)
    return best


def free_bytes(path: Path) -> int:
    stats = os.statvfs(path)
    return stats.f_bavail * stats.f_frsize


def package_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "?"


def cpu_flags() -> str:
    wanted = ("aes", "pclmulqdq", "avx2", "vaes", "vpclmulqdq", "sha_ni")
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("flags"):
                present = set(line.split(":", 1)[1].split())
                return " ".join(flag for flag in wanted if flag in present) or "none"
    except OSError:
        pass
    return "?"


def drop_cache(path: Path) -> None:
    """Write back and evict ``path`` from the page cache, so the next read comes from disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    finally:
        os.close(fd)


def drop_tree_cache(folder: Path) -> None:
    for file in folder.rglob("*"):
        if file.is_file() and not file.is_symlink():
            drop_cache(file)


def make_source(path: Path, size: int) -> None:
    """A file of random bytes (a fresh 1 MiB of os.urandom each time), fsynced, not cached."""
    with path.open("wb") as out:
        left = size
        while left:
            piece = os.urandom(min(PIECE, left))
            out.write(piece)
            left -= len(piece)
        out.flush()
        os.fsync(out.fileno())
    drop_cache(path)


# -- timing ----------------------------------------------------------------------------------


@dataclass
class Timing:
    seconds: float = 0.0  # wall clock
    cpu: float = 0.0  # user + system seconds of this process, all its threads


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


@contextmanager
def stopwatch() -> Iterator[Timing]:
    timing = Timing()
    cpu = cpu_seconds()
    start = time.perf_counter()
    yield timing
    timing.seconds = time.perf_counter() - start
    timing.cpu = cpu_seconds() - cpu


# -- the plain copy --------------------------------------------------------------------------


def copy_in_pieces(source: Path, target: Path) -> Timing:
    """Copy in 1 MiB reads and writes, then fsync (what ingest does, minus hashing and crypto)."""
    drop_cache(source)
    with stopwatch() as timing, source.open("rb") as src, target.open("wb") as out:
        while piece := src.read(PIECE):
            out.write(piece)
        out.flush()
        os.fsync(out.fileno())
    target.unlink()
    return timing


def copy_synced_behind(source: Path, target: Path) -> Timing:
    """The plain copy, plus ingest's background fdatasync every 64 MiB (a reference only)."""
    from fieldlog.streams.syncing import BackgroundSync  # noqa: PLC0415

    drop_cache(source)
    with stopwatch() as timing, source.open("rb") as src, target.open("wb") as out:
        sync = BackgroundSync(out.fileno())
        try:
            while piece := src.read(PIECE):
                out.write(piece)
                sync.wrote(len(piece))
        finally:
            sync.finish()
        out.flush()
        os.fsync(out.fileno())
    target.unlink()
    return timing


def copy_with_shutil(source: Path, target: Path) -> Timing:
    """shutil.copyfile (sendfile/copy_file_range on Linux), then fsync."""
    drop_cache(source)
    with stopwatch() as timing:
        shutil.copyfile(source, target)
        fd = os.open(target, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    target.unlink()
    return timing


# -- vaults and child processes --------------------------------------------------------------


def new_vault(path: Path) -> str:
    """A fresh vault with one incident; closed again so that a child can open it."""
    from fieldlog.services.incidents import add_incidents  # noqa: PLC0415
    from fieldlog.vault import Vault  # noqa: PLC0415
    from fieldlog.vault.keys import MINIMUM_KDF  # noqa: PLC0415

    vault, _ = Vault.create(path, PASSPHRASE, kdf=MINIMUM_KDF)
    try:
        (incident_id,) = add_incidents(vault, [INCIDENT])
    finally:
        vault.close()
    return str(incident_id)


def peak_rss_kib() -> int:
    """This process's peak resident set so far (ru_maxrss is in KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _status_kib(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return -1


def rss_kib() -> int:
    """This process's resident set now (VmRSS), in KiB."""
    return _status_kib("VmRSS")


def hwm_kib() -> int:
    """The resident set's high-water mark (VmHWM), in KiB: unlike ru_maxrss, it obeys a reset.

    (ru_maxrss also keeps the mark recorded when any thread exited, Argon2id's included.)
    """
    return _status_kib("VmHWM")


def reset_peak_rss() -> int:
    """Start VmHWM afresh from now (Linux >= 4.0); return the peak so far.

    Unlocking runs Argon2id, whose memory (64 MiB at the minimum cost) is freed again at
    once but stays in ru_maxrss; resetting separates the ingest's own peak from it.
    """
    so_far = peak_rss_kib()
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        print("WARNING: cannot reset the peak RSS; it includes unlocking", file=sys.stderr)
    return so_far


def report(**figures: Any) -> None:
    print(RESULT_PREFIX + json.dumps(figures), flush=True)


def child_baseline(vault_dir: Path, incident: str) -> None:
    from fieldlog.services.incidents import resolve_id  # noqa: PLC0415
    from fieldlog.vault import Vault  # noqa: PLC0415

    with Vault.open(vault_dir, PASSPHRASE) as vault, vault.session() as session:
        resolve_id(session, incident)
        report(peak_kib=peak_rss_kib(), rss_kib=rss_kib())


def child_ingest(vault_dir: Path, incident: str, source: Path) -> None:
    from fieldlog.services.media import attach_file  # noqa: PLC0415
    from fieldlog.vault import Vault  # noqa: PLC0415

    with Vault.open(vault_dir, PASSPHRASE) as vault:
        before = rss_kib()
        unlock_peak = reset_peak_rss()
        with stopwatch() as timing:
            attached = attach_file(vault, incident, source)
        peak = hwm_kib()
    report(
        seconds=timing.seconds,
        cpu=timing.cpu,
        before_kib=before,
        unlock_peak_kib=unlock_peak,
        peak_kib=peak,
        media=str(attached.media_id),
        maxrss_kib=peak_rss_kib(),
    )


def child_export(vault_dir: Path, media: str, target: Path) -> None:
    from fieldlog.services.media import export_original  # noqa: PLC0415
    from fieldlog.vault import Vault  # noqa: PLC0415

    with Vault.open(vault_dir, PASSPHRASE) as vault:
        before = rss_kib()
        reset_peak_rss()
        with stopwatch() as timing:
            export_original(vault, media, target)
        peak = hwm_kib()
    report(seconds=timing.seconds, cpu=timing.cpu, before_kib=before, peak_kib=peak)


def run_child(*arguments: str) -> dict[str, Any]:
    """Run this script in a fresh interpreter and return the figures it reports."""
    done = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), *arguments],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        sys.stderr.write(done.stdout + done.stderr)
        raise SystemExit(f"child {arguments[0]} failed with exit status {done.returncode}")
    for line in reversed(done.stdout.splitlines()):
        if line.startswith(RESULT_PREFIX):
            result: dict[str, Any] = json.loads(line.removeprefix(RESULT_PREFIX))
            return result
    raise SystemExit(f"child {arguments[0]} reported nothing:\n{done.stdout}{done.stderr}")


# -- one file size ---------------------------------------------------------------------------


@dataclass
class Figures:
    size: int
    loads: list[float]  # the 1-minute load average as each run began
    copy: list[Timing]
    copyfile: list[Timing]
    copy_synced: list[Timing]
    ingest: list[Timing]
    export: list[Timing]
    baseline_peak_kib: list[int]  # whole child, unlocking included
    baseline_rss_kib: list[int]  # resident after opening the vault
    ingest_before_kib: list[int]  # resident just before attach_file
    unlock_peak_kib: list[int]  # the ingest child's peak before attach_file (Argon2id)
    ingest_peak_kib: list[int]  # the ingest child's peak during attach_file
    export_before_kib: list[int]
    export_peak_kib: list[int]


def measure(workdir: Path, size: int, runs: int) -> Figures:
    source = workdir / f"source-{size // MIB}MiB.bin"
    print(f"  writing a {size // MIB} MiB source file ...", flush=True)
    make_source(source, size)
    figures = Figures(size, *([] for _ in range(13)))
    for run in range(1, runs + 1):
        print(f"  run {run}/{runs} (load average {load_average()}) ...", flush=True)
        figures.loads.append(os.getloadavg()[0])
        figures.copy.append(copy_in_pieces(source, workdir / "copy.bin"))
        figures.copyfile.append(copy_with_shutil(source, workdir / "copyfile.bin"))
        figures.copy_synced.append(copy_synced_behind(source, workdir / "copy-synced.bin"))

        vault_dir = workdir / f"vault-{run}"
        incident = new_vault(vault_dir)
        baseline = run_child("--child-baseline", str(vault_dir), incident)
        figures.baseline_peak_kib.append(int(baseline["peak_kib"]))
        figures.baseline_rss_kib.append(int(baseline["rss_kib"]))

        drop_cache(source)
        ingest = run_child("--child-ingest", str(vault_dir), incident, str(source))
        figures.ingest.append(Timing(float(ingest["seconds"]), float(ingest["cpu"])))
        figures.ingest_before_kib.append(int(ingest["before_kib"]))
        figures.unlock_peak_kib.append(int(ingest["unlock_peak_kib"]))
        figures.ingest_peak_kib.append(int(ingest["peak_kib"]))

        exported = workdir / "exported.bin"
        drop_tree_cache(vault_dir)
        export = run_child("--child-export", str(vault_dir), str(ingest["media"]), str(exported))
        figures.export.append(Timing(float(export["seconds"]), float(export["cpu"])))
        figures.export_before_kib.append(int(export["before_kib"]))
        figures.export_peak_kib.append(int(export["peak_kib"]))
        if exported.stat().st_size != size:
            raise SystemExit("the exported file does not have the size of the original")
        exported.unlink()
        shutil.rmtree(vault_dir)
    source.unlink()
    return figures


# -- printing --------------------------------------------------------------------------------


def median(values: list[float]) -> float:
    return statistics.median(values)


def rate(size: int, seconds: float) -> str:
    return f"{size / MB / seconds:7.1f} MB/s"


def mb(kib: float) -> float:
    return kib * 1024 / MB


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def print_timing(label: str, size: int, timings: list[Timing]) -> float:
    """Print the median time, rate and CPU of ``timings`` and each run; return the median."""
    seconds = median([t.seconds for t in timings])
    cpu = median([t.cpu for t in timings])
    runs = ", ".join(f"{t.seconds:.2f}" for t in timings)
    print(f"{label + ':':<34}{seconds:6.2f} s {rate(size, seconds)}   CPU {cpu:5.2f} s")
    print(f"    runs (s):                     {runs}")
    return seconds


def print_times(figures: Figures) -> float:
    """Print the timings of one size; return the ratio of the median ingest to the median copy."""
    size = figures.size
    loads = ", ".join(f"{load:.2f}" for load in figures.loads)
    print(f"file size:                        {size // MIB} MiB ({size / MB:.1f} MB)")
    print(f"load average (1 min) at each run: {loads}  (on {os.cpu_count()} CPUs)")
    if max(figures.loads) >= (os.cpu_count() or 1):
        print("    WARNING: other work kept the CPUs busy; times vary, compare CPU seconds too")
    copy = print_timing("plain copy (1 MiB pieces) + fsync", size, figures.copy)
    print_timing("shutil.copyfile + fsync", size, figures.copyfile)
    synced = print_timing("copy, synced behind (reference)", size, figures.copy_synced)
    ingest = print_timing("ingest (attach_file)", size, figures.ingest)
    ratio = ingest / copy
    best = min(t.seconds for t in figures.ingest) / min(t.seconds for t in figures.copy)
    print(f"ratio ingest / plain copy:        {ratio:6.2f} x  (best run / best run: {best:.2f} x)")
    print(f"target ingest <= {TARGET_RATIO}x copy:       {verdict(ratio <= TARGET_RATIO)}")
    print(f"ratio ingest / copy synced behind:{ingest / synced:6.2f} x  (reference, no target)")
    export = print_timing("export (export_original)", size, figures.export)
    print(f"ratio export / plain copy:        {export / copy:6.2f} x")
    return ratio


def print_memory(figures: Figures) -> float:
    """Print the RSS figures (worst of the runs); return the ingest's peak RSS in MB."""
    baseline_rss = mb(max(figures.baseline_rss_kib))
    baseline_peak = mb(max(figures.baseline_peak_kib))
    unlock = mb(max(figures.unlock_peak_kib))
    before = mb(max(figures.ingest_before_kib))
    peak = mb(max(figures.ingest_peak_kib))
    export_before = mb(max(figures.export_before_kib))
    export = mb(max(figures.export_peak_kib))
    print(f"RSS, baseline child (open vault): {baseline_rss:6.1f} MB  resident after opening")
    print(f"    its peak, unlocking included: {baseline_peak:6.1f} MB  (Argon2id 64 MiB, freed)")
    print(f"peak RSS during ingest:           {peak:6.1f} MB  (whole process, worst run)")
    print(f"    RSS just before ingest:       {before:6.1f} MB")
    print(f"    growth during ingest:         {peak - before:6.1f} MB")
    print(f"    ingest child peak at unlock:  {unlock:6.1f} MB  (before attach_file)")
    growth = export - export_before
    print(f"peak RSS during export:           {export:6.1f} MB  (growth {growth:.1f} MB)")
    return peak


def print_summary(results: list[Figures], runs: int) -> None:
    print()
    print(f"== results (medians of {runs} runs; MB = 10^6 bytes) ==")
    ratios = []
    peaks = []
    for figures in results:
        print()
        ratios.append(print_times(figures))
        peaks.append(print_memory(figures))
    print()
    by_size = ", ".join(
        f"{f.size // MIB} MiB -> {p:.1f} MB" for f, p in zip(results, peaks, strict=True)
    )
    peak_ok = max(peaks) < TARGET_PEAK_MB
    print(f"peak RSS of ingest by size:       {by_size}")
    print(f"target peak RSS < {TARGET_PEAK_MB:.0f} MB:          {verdict(peak_ok)}")
    first = results[0].size // MIB
    print(
        f"target ingest <= {TARGET_RATIO}x copy ({first} MiB): {verdict(ratios[0] <= TARGET_RATIO)}"
    )


def print_machine(workdir: Path) -> None:
    device, fstype, mount = filesystem_of(workdir)
    print(f"python:                           {sys.version.split()[0]} ({sys.executable})")
    print(f"cryptography:                     {package_version('cryptography')}")
    print(f"openssl (python ssl):             {__import__('ssl').OPENSSL_VERSION}")
    print(f"CPU:                              {os.cpu_count()} x {cpu_model()}")
    print(f"CPU flags:                        {cpu_flags()}")
    print(f"platform:                         {platform.platform()}")
    print(f"work dir:                         {workdir}")
    print(f"filesystem:                       {fstype} on {device}, mounted at {mount}")
    print(f"free space:                       {free_bytes(workdir) / (1 << 30):.1f} GiB")
    if fstype in {"tmpfs", "ramfs"}:
        print("WARNING: the work dir is in memory, not on a disk; pass --dir on a real disk")
    print(f"load average (1, 5, 15 min):      {load_average()}")


# -- breakdown of the parts ------------------------------------------------------------------


def timed(label: str, size: int, work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    seconds = time.perf_counter() - start
    print(f"  {label:<46} {seconds:6.2f} s  {rate(size, seconds)}")
    return seconds


def breakdown_cpu(size: int) -> None:
    """The CPU parts of an ingest alone, on ``size`` bytes in 1 MiB chunks held in memory."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM  # noqa: PLC0415

    count = size // MIB
    chunk = os.urandom(MIB)
    aead = AESGCM(AESGCM.generate_key(bit_length=256))
    header = os.urandom(44)

    def sha256_alone() -> None:
        digest = hashlib.sha256()
        for _ in range(count):
            digest.update(chunk)

    def aes_alone() -> None:
        for i in range(count):
            aead.encrypt(i.to_bytes(11, "big") + b"\x00", chunk, header)

    def aes_into_buffer() -> None:  # what BlobWriter does: one output buffer, reused
        sealed = bytearray(MIB + 16)
        for i in range(count):
            aead.encrypt_into(i.to_bytes(11, "big") + b"\x00", chunk, header, sealed)

    def aes_with_copies() -> None:  # the copies of an unaligned write (whole chunks make none)
        for i in range(count):
            pending = bytearray(chunk)
            aead.encrypt(i.to_bytes(11, "big") + b"\x00", bytes(pending), header)

    def sha_and_aes_two_threads() -> None:
        thread = threading.Thread(target=sha256_alone)
        thread.start()
        aes_alone()
        thread.join()

    timed("SHA-256 alone (1 MiB updates)", size, sha256_alone)
    timed("AES-256-GCM encrypt alone (1 MiB chunks)", size, aes_alone)
    timed("AES-256-GCM encrypt_into one buffer", size, aes_into_buffer)
    timed("AES-GCM + bytearray() + bytes() copies", size, aes_with_copies)
    timed("SHA-256 thread || AES-GCM main thread", size, sha_and_aes_two_threads)


def breakdown_disk(workdir: Path, size: int) -> None:
    """The disk parts of an ingest alone: reading a cold file, writing and fsyncing."""
    source = workdir / "breakdown-source.bin"
    target = workdir / "breakdown-out.bin"
    make_source(source, size)

    def read_alone() -> None:
        drop_cache(source)
        with source.open("rb") as src:
            while src.read(PIECE):
                pass

    def read_into_alone() -> None:
        drop_cache(source)
        buffer = bytearray(PIECE)
        with source.open("rb", buffering=0) as src:
            while src.readinto(buffer):
                pass

    def write_fsync(piece: int) -> Callable[[], None]:
        def work() -> None:
            data = os.urandom(piece)
            with target.open("wb") as out:
                for _ in range(size // piece):
                    out.write(data)
                out.flush()
                os.fsync(out.fileno())
            target.unlink()

        return work

    timed("read from disk, 1 MiB read()", size, read_alone)
    timed("read from disk, 1 MiB readinto(), unbuffered", size, read_into_alone)
    timed("write + fsync, 1 MiB writes", size, write_fsync(MIB))
    timed("write + fsync, 8 MiB writes", size, write_fsync(8 * MIB))
    source.unlink()


def breakdown(workdir: Path, size: int) -> None:
    print(f"breakdown on {size // MIB} MiB (each part alone, single run):")
    breakdown_cpu(size)
    breakdown_disk(workdir, size)


def profile_ingest(workdir: Path, size: int) -> None:
    """One ingest in this process under cProfile (the main thread only)."""
    from fieldlog.services.media import attach_file  # noqa: PLC0415
    from fieldlog.vault import Vault  # noqa: PLC0415

    source = workdir / "profile-source.bin"
    make_source(source, size)
    vault_dir = workdir / "vault-profile"
    incident = new_vault(vault_dir)
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        profiler = cProfile.Profile()
        start = time.perf_counter()
        profiler.runcall(attach_file, vault, incident, source)
        seconds = time.perf_counter() - start
    print(f"cProfile of one ingest of {size // MIB} MiB ({seconds:.2f} s under the profiler):")
    text = io.StringIO()
    pstats.Stats(profiler, stream=text).sort_stats("tottime").print_stats(15)
    print(text.getvalue())
    shutil.rmtree(vault_dir)
    source.unlink()


# -- main ------------------------------------------------------------------------------------


@contextmanager
def work_folder(parent: Path) -> Iterator[Path]:
    parent.mkdir(parents=True, exist_ok=True)
    folder = Path(
        tempfile.mkdtemp(prefix=f"fieldlog-bench-ingest-{secrets.token_hex(4)}-", dir=parent)
    )
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--size-mib", type=int, default=DEFAULT_SIZE_MIB)
    parser.add_argument(
        "--small-mib", type=int, default=DEFAULT_SMALL_MIB, help="second size (0: skip it)"
    )
    parser.add_argument("--runs", type=int, default=DEFAULT_RUNS)
    parser.add_argument("--dir", type=Path, default=Path(DEFAULT_PARENT), help="on a real disk")
    parser.add_argument("--breakdown", action="store_true", help="time the parts of an ingest")
    parser.add_argument("--profile", action="store_true", help="one ingest under cProfile")
    hidden = argparse.SUPPRESS
    parser.add_argument("--child-baseline", nargs=2, metavar=("VAULT", "INCIDENT"), help=hidden)
    parser.add_argument(
        "--child-ingest", nargs=3, metavar=("VAULT", "INCIDENT", "FILE"), help=hidden
    )
    parser.add_argument("--child-export", nargs=3, metavar=("VAULT", "MEDIA", "OUT"), help=hidden)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_arguments(argv)
    if args.child_baseline:
        child_baseline(Path(args.child_baseline[0]), args.child_baseline[1])
        return
    if args.child_ingest:
        vault, incident, file = args.child_ingest
        child_ingest(Path(vault), incident, Path(file))
        return
    if args.child_export:
        vault, media, out = args.child_export
        child_export(Path(vault), media, Path(out))
        return

    size = args.size_mib * MIB
    small = args.small_mib * MIB
    with work_folder(args.dir) as workdir:
        print_machine(workdir)
        needed = 3 * size + (64 * MIB)
        if free_bytes(workdir) < needed:
            raise SystemExit(f"not enough free space: {needed / (1 << 30):.1f} GiB needed")
        sizes = [size] + ([small] if 0 < small != size else [])
        results = []
        for each in sizes:
            print(f"measuring {each // MIB} MiB, {args.runs} runs:", flush=True)
            results.append(measure(workdir, each, args.runs))
        if args.breakdown:
            breakdown(workdir, size)
        if args.profile:
            profile_ingest(workdir, size)
        print(f"load average at the end:          {load_average()}")

    print_summary(results, args.runs)


if __name__ == "__main__":
    main()

"""How fast the desktop app starts, and how long its GUI thread is ever blocked.

Run from the repository root::

    python benchmarks/bench_gui.py [--incidents N] [--keep DIR] [--runs 5]

Startup: the time from starting the installed ``fieldlog --vault V gui`` to its
unlock window being shown and painted, on a real X server (Xvfb) when one is
installed, else offscreen; the median of ``--runs`` runs. The child is the real
command line entry point, with only the unlock window's show and paint events
hooked to print a monotonic timestamp (the clock is shared with this process).
Under Xvfb the plain installed command is also timed from outside, by polling
``xwininfo`` for the window. Then the cost of ``import fieldlog.gui.app`` and its
biggest imports (``python -X importtime``).

GUI-thread blocking: a vault of N synthetic incidents (built once, 5,000 per
``add_incidents`` call, kept with ``--keep DIR`` to rerun), opened in the real
``MainWindow`` through ``Session`` (offscreen by default). A 5 ms heartbeat timer
records every gap beyond its interval while the table is scrolled to the bottom
page by page, filters are changed, a search word is typed letter by letter and
incidents are opened one after another. Every event the GUI thread handles is
timed too (``QApplication.notify``), so the slowest ones can be named, and so is
every garbage collection (``gc.callbacks``), on whichever thread it runs: it
holds the GIL, so it stops the GUI thread as well. ``--profile`` adds a cProfile
of the GUI thread. The app sets Python's GIL switch interval (``GIL_SWITCH_INTERVAL``) and
freezes the garbage collector's long-lived objects itself; ``--switch-interval MS`` tries
another interval, ``--gc-freeze`` freezes once more after the window is shown.

It also checks that ``Signal.emit()`` does not lose a reference to True (PySide6
6.12.0 does, which aborts Python before 3.12 after a few thousand emits).

Each figure is printed beside its target; the exit status is 1 when one is missed.
The load average is printed at the start and the end: other processes change
every figure. This is not a test: nothing here is collected by pytest.
"""

import argparse
import cProfile
import ctypes
import gc
import io
import os
import pstats
import random
import re
import select
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import PySide6
from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from fieldlog.interchange.document import Record
from fieldlog.services.incidents import add_incidents
from fieldlog.services.queries import count_incidents
from fieldlog.vault import Vault
from fieldlog.vault.keys import MINIMUM_KDF

PASSPHRASE = "bench gui passphrase"  # noqa: S105 - synthetic data only
DEFAULT_INCIDENTS = 100_000
BATCH = 5_000
STARTUP_TARGET = 1.5  # seconds
BLOCK_TARGET = 50.0  # milliseconds
HEARTBEAT_MS = 5
CATEGORIES = (
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
)
PLACES = (
    "Calais",
    "Grande-Synthe",
    "Dunkerque",
    "Ouistreham",
    "Menton",
    "Briançon",
    "Paris, Porte de la Chapelle",
    "Loon-Plage",
    "Coquelles",
    "Marck",
)
WORDS = (
    "distribution",
    "police",
    "gas",
    "tents",
    "eviction",
    "volunteers",
    "blankets",
    "morning",
    "evening",
    "bridge",
    "warehouse",
    "hospital",
    "dunes",
    "canal",
    "forest",
    "station",
    "water",
    "phones",
    "shoes",
    "children",
)

F = TypeVar("F", bound=Callable[..., Any])


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def milliseconds(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def percentile(values: list[float], share: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


# -- a display ------------------------------------------------------------------------------


@contextmanager
def x_server() -> Iterator[str | None]:
    """A private Xvfb on a free display number, or None when Xvfb is not installed."""
    if shutil.which("Xvfb") is None:
        yield None
        return
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1400x900x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        number = b""
        deadline = time.monotonic() + 15
        while not number.endswith(b"\n") and time.monotonic() < deadline:
            if select.select([read_end], [], [], 0.1)[0]:
                chunk = os.read(read_end, 16)
                if not chunk:
                    break
                number += chunk
        if not number.strip().isdigit():
            raise RuntimeError("Xvfb did not start")
        yield f":{number.decode().strip()}"
    finally:
        os.close(read_end)
        stop(server)


def stop(process: "subprocess.Popen[Any]", timeout: float = 10.0) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
    process.wait()


def child_env(display: str | None, config: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "WAYLAND_"))}
    env.pop("DISPLAY", None)
    if display is None:
        env["QT_QPA_PLATFORM"] = "offscreen"
    else:
        env["DISPLAY"] = display
    env["XDG_CONFIG_HOME"] = str(config)  # default settings, whatever this user chose
    return env


# -- startup --------------------------------------------------------------------------------

# The real entry point of the installed command (fieldlog.cli:main), with the unlock
# window's first show and first paint reported; it quits once painted.
STARTUP_CHILD = """
import sys, time
import fieldlog.gui.unlock as unlock
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
seen = []
show, paint = unlock.UnlockDialog.showEvent, unlock.UnlockDialog.paintEvent
def show_event(self, event):
    show(self, event)
    if not seen:
        seen.append(time.monotonic())
        print("shown", repr(seen[0]), flush=True)
def paint_event(self, event):
    paint(self, event)
    if len(seen) == 1:
        seen.append(time.monotonic())
        print("painted", repr(seen[1]), flush=True)
        QTimer.singleShot(0, QApplication.quit)
unlock.UnlockDialog.showEvent = show_event
unlock.UnlockDialog.paintEvent = paint_event
from fieldlog.cli import main
sys.exit(main(sys.argv[1:]))
"""


@dataclass
class Startup:
    platform: str
    shown: list[float] = field(default_factory=list)
    painted: list[float] = field(default_factory=list)
    mapped: list[float] = field(default_factory=list)  # the plain command, seen by xwininfo
    import_app: list[float] = field(default_factory=list)
    import_cli: list[float] = field(default_factory=list)
    python_alone: list[float] = field(default_factory=list)
    importtime: str = ""


def fieldlog_command() -> Path:
    command = Path(sys.executable).with_name("fieldlog")
    if not command.is_file():
        raise SystemExit(f"the installed command is missing: {command} (pip install -e .)")
    return command


def time_instrumented(vault: Path, env: dict[str, str]) -> tuple[float, float]:
    start = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", STARTUP_CHILD, "--vault", str(vault), "gui"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    marks = dict(re.findall(r"^(shown|painted) (\S+)$", done.stdout, re.M))
    if "painted" not in marks:
        raise RuntimeError(f"the unlock window was never painted:\n{done.stdout}{done.stderr}")
    return float(marks["shown"]) - start, float(marks["painted"]) - start


def window_titles(display: str) -> str:
    return subprocess.run(
        ["xwininfo", "-root", "-tree"],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
        check=False,
        timeout=10,
    ).stdout


def time_from_outside(vault: Path, env: dict[str, str], display: str) -> float:
    """The plain installed command, until xwininfo lists its unlock window."""
    start = time.monotonic()
    app = subprocess.Popen(
        [str(fieldlog_command()), "--vault", str(vault), "gui"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        while time.monotonic() - start < 60:
            if re.search(r'"FieldLog . unlock"', window_titles(display)):
                return time.monotonic() - start
            if app.poll() is not None:
                break
            time.sleep(0.01)
        raise RuntimeError("the unlock window did not appear")
    finally:
        stop(app)


def time_python(code: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], env=env, check=True, timeout=60)
    return time.perf_counter() - start


def biggest_imports(env: dict[str, str], count: int = 12) -> str:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import fieldlog.gui.app"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    rows: list[tuple[int, int, int, str]] = []
    for line in done.stderr.splitlines():
        match = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)", line)
        if match:
            rows.append((int(match[1]), int(match[2]), len(match[3]), match[4]))
    total = sum(own for own, _cumulative, _depth, _name in rows)
    # Packages by cumulative time, where they were first imported (the outermost level).
    packages: dict[str, int] = defaultdict(int)
    for own, _cumulative, _depth, name in rows:
        packages[name.split(".")[0]] += own
    lines = [f"  all imports: {total / 1e6:.2f} s (self time summed, this run)"]
    lines.append("  by top-level package (self time summed):")
    for name, micros in sorted(packages.items(), key=lambda kv: -kv[1])[:count]:
        lines.append(f"    {micros / 1e3:8.0f} ms  {name}")
    lines.append("  slowest single modules (self time):")
    for own, cumulative, _depth, name in sorted(rows, reverse=True)[:count]:
        lines.append(
            f"    {own / 1e3:8.0f} ms  {name}  (with what it imports {cumulative / 1e3:.0f} ms)"
        )
    return "\n".join(lines)


def measure_startup(runs: int, workdir: Path) -> Startup:
    vault_path = workdir / "startup-vault"
    if not (vault_path / "vault.json").exists():
        vault, _code = Vault.create(vault_path, PASSPHRASE, kdf=MINIMUM_KDF)
        vault.close()
    with x_server() as display:
        env = child_env(display, workdir / "config")
        figures = Startup(platform="xcb (Xvfb)" if display else "offscreen")
        time_instrumented(vault_path, env)  # warm the file cache once
        for run in range(runs):
            shown, painted = time_instrumented(vault_path, env)
            figures.shown.append(shown)
            figures.painted.append(painted)
            if display is not None and shutil.which("xwininfo"):
                figures.mapped.append(time_from_outside(vault_path, env, display))
            log(f"startup run {run + 1}/{runs}: shown {milliseconds(shown)}")
        for _run in range(runs):
            figures.python_alone.append(time_python("pass", env))
            figures.import_app.append(time_python("import fieldlog.gui.app", env))
            figures.import_cli.append(time_python("import fieldlog.cli", env))
        figures.importtime = biggest_imports(env)
    return figures


def report_startup(figures: Startup) -> bool:
    shown = statistics.median(figures.shown)
    ok = shown < STARTUP_TARGET
    print(f"\n== startup ({figures.platform}, median of {len(figures.shown)}) ==")
    print(
        f"unlock window shown:   {milliseconds(shown)}  (target < {STARTUP_TARGET} s: "
        f"{'ok' if ok else 'MISSED'}; runs {', '.join(milliseconds(s) for s in figures.shown)})"
    )
    print(f"unlock window painted: {milliseconds(statistics.median(figures.painted))}")
    if figures.mapped:
        mapped = statistics.median(figures.mapped)
        print(f"plain installed command, window listed by xwininfo: {milliseconds(mapped)}")
    alone = statistics.median(figures.python_alone)
    print(f"python -c pass: {milliseconds(alone)}")
    print(
        f"import fieldlog.gui.app: {milliseconds(statistics.median(figures.import_app) - alone)}"
        " beyond a bare interpreter"
    )
    print(
        f"import fieldlog.cli (what 'fieldlog gui' imports first): "
        f"{milliseconds(statistics.median(figures.import_cli) - alone)}"
    )
    print("python -X importtime -c 'import fieldlog.gui.app':")
    print(figures.importtime)
    return ok


# -- a large vault --------------------------------------------------------------------------


def synthetic_incidents(start: int, count: int, seed: int) -> list[Record]:
    chance = random.Random(seed * 1_000_003 + start)
    incidents = []
    for number in range(start, start + count):
        day = 1 + chance.randrange(365 * 9)  # 2016 to 2024
        year, day_of_year = 2016 + day // 365, day % 365
        month, day_of_month = 1 + day_of_year // 31 % 12, 1 + day_of_year % 28
        hour, minute = chance.randrange(24), chance.randrange(60)
        words = chance.sample(WORDS, 4)
        when = f"{year}-{month:02d}-{day_of_month:02d}T{hour:02d}:{minute:02d}:00+01:00"
        incidents.append(
            {
                "occurred_at": when,
                "location": {"name": chance.choice(PLACES)},
                "categories": [chance.choice(CATEGORIES)],
                "title": f"Incident {number}: {words[0]} and {words[1]}",
                "description": f"Synthetic incident {number} near the {words[2]}, {words[3]} seen.",
            }
        )
    return incidents


def build_vault(path: Path, incidents: int, seed: int) -> None:
    """Create the vault, or finish one left half-built; N incidents in all."""
    if (path / "vault.json").exists():
        vault = Vault.open(path, PASSPHRASE)
    else:
        vault, _code = Vault.create(path, PASSPHRASE, kdf=MINIMUM_KDF)
    with vault:
        have = count_incidents(vault)
        if have >= incidents:
            log(f"vault at {path}: {have} incidents already")
            return
        start, first = time.perf_counter(), have
        while have < incidents:
            batch = synthetic_incidents(have, min(BATCH, incidents - have), seed)
            add_incidents(vault, batch)
            have += len(batch)
            rate = (have - first) / (time.perf_counter() - start)
            log(f"  {have:,} / {incidents:,} incidents ({rate:.0f}/s since this run started)")


# -- GUI-thread blocking --------------------------------------------------------------------


@dataclass
class Scenario:
    name: str
    gaps: list[float] = field(default_factory=list)
    events: list[tuple[float, str]] = field(default_factory=list)
    slots: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0


class Recorder:
    def __init__(self) -> None:
        self.scenarios: list[Scenario] = []
        self.current: Scenario | None = None
        self.last_beat = 0.0
        self.gc_started = 0.0
        self.gui_thread = threading.get_ident()

    def begin(self, name: str) -> None:
        self.current = Scenario(name)
        self.scenarios.append(self.current)
        self.last_beat = time.perf_counter()
        self.started = self.last_beat

    def end(self) -> None:
        if self.current is not None:
            self.current.seconds = time.perf_counter() - self.started
        self.current = None

    def beat(self) -> None:
        now = time.perf_counter()
        if self.current is not None:
            self.current.gaps.append(max(0.0, now - self.last_beat - HEARTBEAT_MS / 1000))
        self.last_beat = now

    def event(self, seconds: float, label: str) -> None:
        if self.current is not None:
            self.current.events.append((seconds, label))

    def slot(self, name: str, seconds: float) -> None:
        if self.current is not None:
            self.current.slots[name].append(seconds)

    def collecting(self, phase: str, info: dict[str, int]) -> None:
        """A ``gc.callbacks`` hook: a collection holds the GIL, whichever thread runs it."""
        if phase == "start":
            self.gc_started = time.perf_counter()
            return
        where = "GUI" if threading.get_ident() == self.gui_thread else "worker"
        name = f"garbage collection, generation {info['generation']}, on the {where} thread"
        self.slot(name, time.perf_counter() - self.gc_started)


class TimedApplication(QApplication):
    """Times every event the GUI thread handles (the outermost ``notify`` only)."""

    def __init__(self, argv: list[str]) -> None:
        super().__init__(argv)
        self.gui_thread = threading.get_ident()
        self.depth = 0
        self.recorder: Recorder | None = None

    def notify(self, receiver: QObject, event: QEvent) -> bool:
        if self.recorder is None or threading.get_ident() != self.gui_thread:
            return super().notify(receiver, event)
        self.depth += 1
        start = time.perf_counter()
        try:
            return super().notify(receiver, event)
        finally:
            self.depth -= 1
            if self.depth == 0:
                elapsed = time.perf_counter() - start
                if elapsed > 0.002:
                    label = f"{type(receiver).__name__}/{event.type().name}"
                    self.recorder.event(elapsed, label)


def timed(recorder: Recorder, name: str, function: F) -> F:
    @wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            recorder.slot(name, time.perf_counter() - start)

    return wrapper  # type: ignore[return-value]


Wait = Callable[[], bool]
Steps = Iterator[Wait]


def pause(seconds: float) -> Wait:
    until = time.perf_counter() + seconds
    return lambda: time.perf_counter() >= until


class Driver:
    """Runs scenarios as generators of conditions, checked every 10 ms on the GUI thread."""

    def __init__(self, app: QApplication, recorder: Recorder) -> None:
        self.app, self.recorder = app, recorder
        self.queue: list[tuple[str, Callable[[], Steps]]] = []
        self.steps: Steps | None = None
        self.waiting: Wait | None = None
        self.deadline = 0.0
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self.tick)

    def add(self, name: str, scenario: Callable[[], Steps]) -> None:
        self.queue.append((name, scenario))

    def run(self) -> None:
        self.timer.start()
        self.app.exec()

    def tick(self) -> None:
        if self.waiting is not None:
            if not self.waiting():
                if time.perf_counter() < self.deadline:
                    return
                assert self.recorder.current is not None
                self.recorder.current.notes.append("a step timed out after 120 s")
                self.steps = None
            self.waiting = None
        if self.steps is None:
            self.recorder.end()
            if not self.queue:
                self.timer.stop()
                self.app.quit()
                return
            name, scenario = self.queue.pop(0)
            log(f"scenario: {name}")
            self.recorder.begin(name)
            self.steps = scenario()
        try:
            self.waiting = next(self.steps)
            self.deadline = time.perf_counter() + 120
        except StopIteration:
            self.steps = None


class Bench:
    """The real window on the large vault, and the scenarios that drive it."""

    def __init__(self, vault_path: Path, args: argparse.Namespace) -> None:
        from fieldlog.gui import incident_editor, incident_table, main_window  # noqa: PLC0415
        from fieldlog.gui.app import Session  # noqa: PLC0415
        from fieldlog.gui.settings import Settings  # noqa: PLC0415

        self.args = args
        self.recorder = recorder = Recorder()
        model_class = incident_table.IncidentTableModel
        model_class._page_arrived = timed(recorder, "page arrived", model_class._page_arrived)  # type: ignore[method-assign]
        window_class = main_window.MainWindow
        window_class.apply_filters = timed(recorder, "apply filters", window_class.apply_filters)  # type: ignore[method-assign]
        editor_class = incident_editor.IncidentEditor
        editor_class.load = timed(recorder, "editor load", editor_class.load)  # type: ignore[method-assign]
        self.earliest = main_window.EARLIEST

        self.app = TimedApplication(sys.argv[:1])
        self.app.setApplicationName("FieldLog")
        self.session = Session(self.app, vault_path, Settings())
        self.session.idle.set_minutes(240)
        self.session.start(Vault.open(vault_path, PASSPHRASE))
        window = self.session.window
        assert window is not None
        self.window, self.model = window, window.model
        self.bar = window.table.verticalScrollBar()
        window.show()
        if args.switch_interval:  # how soon a thread holding the GIL is asked to let go
            sys.setswitchinterval(args.switch_interval / 1000)
        if args.gc_freeze:  # the suggested fix: nothing alive now is ever scanned again
            gc.collect()
            gc.freeze()

    def run(self) -> list[Scenario]:
        heartbeat = QTimer()
        heartbeat.setTimerType(Qt.TimerType.PreciseTimer)
        heartbeat.setInterval(HEARTBEAT_MS)
        heartbeat.timeout.connect(self.recorder.beat)
        heartbeat.start()
        self.app.recorder = self.recorder
        gc.callbacks.append(self.recorder.collecting)
        driver = Driver(self.app, self.recorder)
        driver.add("first page", self.first_page)
        driver.add("scroll to the bottom", self.scroll)
        driver.add("change filters", self.filters)
        driver.add("type a word (fast, 120 ms a key)", self.typing("distribution", 0.12))
        driver.add("type a word (slow, 400 ms a key)", self.typing("volunteers", 0.4))
        driver.add("open incidents", self.open_incidents)
        profiler = cProfile.Profile() if self.args.profile else None
        if profiler is not None:
            profiler.enable()  # the GUI thread only
        driver.run()
        if profiler is not None:
            profiler.disable()
            print_profile(profiler)
        self.app.recorder = None
        gc.callbacks.remove(self.recorder.collecting)
        heartbeat.stop()
        self.window.close()
        self.session.shutdown()
        return self.recorder.scenarios

    def note(self, text: str) -> None:
        if self.recorder.current is not None:
            self.recorder.current.notes.append(text)

    def quiet(self) -> bool:
        return (
            not self.window._filter_timer.isActive()
            and not self.model.loading
            and self.session.reads.idle
            and self.session.writes.idle
        )

    def first_page(self) -> Steps:
        yield lambda: self.quiet() and self.model.rowCount() > 0

    def scroll(self) -> Steps:
        model, bar = self.model, self.bar
        cap, stuck_since = self.args.scroll_cap, time.perf_counter()
        while model.rowCount() < cap and (model.canFetchMore() or model.loading):
            rows = model.rowCount()
            bar.setValue(bar.maximum())  # the view asks the model for more at the bottom
            if model.loading:
                yield lambda: not model.loading
                stuck_since = time.perf_counter()
            else:  # the scroll bar has not grown yet: let the view lay the rows out
                if time.perf_counter() - stuck_since > 10:
                    break
                yield lambda: True
            if model.rowCount() // 10_000 > rows // 10_000:
                log(f"  {model.rowCount():,} rows")
        complete = not model.canFetchMore() and not model.loading
        self.note(
            f"{model.rowCount():,} rows loaded" + (" (all)" if complete else f" (cap {cap:,})")
        )

    def filters(self) -> Steps:
        window = self.window
        for index in (1, 4, 7, 0):
            window.category.setCurrentIndex(index)
            yield self.quiet
            yield pause(0.3)
        for since, until in (("2019-01-01", "2019-12-31"), ("2023-06-01", "2023-06-30")):
            window.since.setDate(QDate.fromString(since, "yyyy-MM-dd"))
            window.until.setDate(QDate.fromString(until, "yyyy-MM-dd"))
            yield self.quiet
            yield pause(0.3)
        window.since.setDate(self.earliest)
        window.until.setDate(QDate.currentDate())
        yield self.quiet
        self.note("4 categories, 2 date ranges, then all")

    def typing(self, word: str, interval: float) -> Callable[[], Steps]:
        def steps() -> Steps:
            search = self.window.search
            search.setFocus()
            for letter in word:
                QTest.keyClicks(search, letter)
                yield pause(interval)
            yield self.quiet
            yield pause(0.3)
            self.note(f"{self.model.rowCount()} results for {word!r}")
            search.clear()
            yield self.quiet

        return steps

    def open_incidents(self) -> Steps:
        yield self.quiet
        for row in range(0, min(self.model.rowCount(), 200), 20):
            self.window.table.selectRow(row)
            yield lambda: self.session.reads.idle
            yield pause(0.2)
        self.note("10 incidents opened, 0.2 s apart")


def print_profile(profiler: cProfile.Profile) -> None:
    for order in ("tottime", "cumulative"):
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats(order).print_stats(25)
        print(f"\n== cProfile of the GUI thread, by {order} ==")
        print(out.getvalue().split("\n\n", 1)[-1].rstrip())


def report_blocking(scenarios: list[Scenario], platform: str) -> bool:
    print(
        f"\n== GUI-thread blocking ({platform}; heartbeat {HEARTBEAT_MS} ms; "
        f"GIL switch interval {sys.getswitchinterval() * 1000:g} ms) =="
    )
    print("longest gap beyond the heartbeat interval, its 99th percentile, and the slowest events")
    ok = True
    for scenario in scenarios:
        worst = max(scenario.gaps, default=0.0)
        p99 = percentile(scenario.gaps, 0.99)
        missed = worst * 1000 > BLOCK_TARGET
        ok = ok and not missed
        notes = f" [{'; '.join(scenario.notes)}]" if scenario.notes else ""
        print(
            f"{scenario.name}: max {worst * 1000:.0f} ms, p99 {p99 * 1000:.1f} ms, "
            f"{len(scenario.gaps)} beats in {scenario.seconds:.1f} s "
            f"(target <= {BLOCK_TARGET:.0f} ms: {'ok' if not missed else 'MISSED'}){notes}"
        )
        for name, values in sorted(scenario.slots.items()):
            print(
                f"    {name}: {len(values)} calls, max {values and max(values) * 1000:.1f} ms, "
                f"p99 {percentile(values, 0.99) * 1000:.1f} ms"
            )
        by_label: dict[str, list[float]] = defaultdict(list)
        for seconds, label in scenario.events:
            by_label[label].append(seconds)
        slowest = sorted(by_label.items(), key=lambda kv: -max(kv[1]))[:4]
        for label, values in slowest:
            print(
                f"    event {label}: max {max(values) * 1000:.1f} ms "
                f"({len(values)} over 2 ms, {sum(values) * 1000:.0f} ms in all)"
            )
    return ok


# -- PySide6 6.12.0: every Python emit() drops a reference to True -------------------------


def emit_leak() -> int:
    """References to True lost per ``SignalInstance.emit()`` (1 with PySide6 6.12.0)."""

    class Emitter(QObject):
        signal = Signal()

    emitter, before = Emitter(), sys.getrefcount(True)
    for _ in range(1000):
        emitter.signal.emit()
    return round((before - sys.getrefcount(True)) / 1000)


def report_emit_leak() -> bool:
    lost = emit_leak()
    if lost <= 0:
        print("PySide6 signal emit: no reference to True lost (ok)")
        return True
    head = f"PySide6 {PySide6.__version__} signal emit: {lost} reference to True lost per emit()"
    before = sys.getrefcount(True)
    import fieldlog.gui  # noqa: F401, PLC0415 - the app's guard, as the app applies it

    if sys.version_info >= (3, 12) or sys.getrefcount(True) - before > 1 << 30:
        print(f"{head}; harmless here (immortal True, or FieldLog's guard applied: ok)")
        return True
    # Python < 3.12 aborts ("bool_dealloc") once True's count reaches 0: the app after a
    # few thousand emits (about 1,500 list reloads). Keep this run alive to measure it by
    # adding to the count in place (a list of references would slow the GC being measured).
    ctypes.c_ssize_t.from_address(id(True)).value += 10_000_000
    print(f"{head} (MISSED: the app aborts after a few thousand emits on Python < 3.12)")
    return False


# -- main -----------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--incidents", type=int, default=DEFAULT_INCIDENTS, metavar="N")
    parser.add_argument(
        "--keep", type=Path, metavar="DIR", help="build the vault here once, and reuse it"
    )
    parser.add_argument("--runs", type=int, default=5, help="startup runs (the median is shown)")
    parser.add_argument("--seed", type=int, default=2017)
    parser.add_argument(
        "--scroll-cap", type=int, default=100_000, help="stop scrolling after this many rows"
    )
    parser.add_argument("--skip-startup", action="store_true")
    parser.add_argument("--skip-blocking", action="store_true")
    parser.add_argument(
        "--profile", action="store_true", help="print a cProfile of the GUI thread's scenarios"
    )
    parser.add_argument(
        "--gc-freeze",
        action="store_true",
        help="try a fix: gc.freeze() once the window is built (long-lived objects never scanned)",
    )
    parser.add_argument(
        "--switch-interval",
        type=float,
        metavar="MS",
        help="try another sys.setswitchinterval than the app's (Python's default is 5 ms)",
    )
    parser.add_argument(
        "--build-only", action="store_true", help="build the vault of --keep, then stop"
    )
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # the blocking part, in this process

    print(f"load average (1 min) at start: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    ok = report_emit_leak()
    with tempfile.TemporaryDirectory(prefix="fieldlog-bench-gui-") as scratch:
        workdir = Path(scratch)
        if not args.skip_startup and not args.build_only:
            ok = report_startup(measure_startup(args.runs, workdir)) and ok
        if not args.skip_blocking:
            vault_path = (args.keep or workdir) / f"vault-{args.incidents}"
            started = time.perf_counter()
            build_vault(vault_path, args.incidents, args.seed)
            log(f"vault ready in {time.perf_counter() - started:.0f} s at {vault_path}")
            if args.keep:
                print(f"vault kept at {vault_path}, passphrase {PASSPHRASE!r}")
            if not args.build_only:
                platform = os.environ["QT_QPA_PLATFORM"]
                scenarios = Bench(vault_path, args).run()
                ok = report_blocking(scenarios, f"{platform}, {args.incidents:,} incidents") and ok
    print(f"load average (1 min) at end: {os.getloadavg()[0]:.2f}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

"""The installed ``fieldlog demo`` on a real X server (Xvfb, Qt's xcb platform).

The other GUI tests run offscreen; this one checks what a person gets: the
installed command starts, finds Qt's xcb plugin and its system libraries, and
maps a real window with something drawn in it. It needs the Debian packages
``xvfb`` and ``x11-utils`` (for ``xwininfo``) besides Qt's own xcb libraries.
"""

import os
import re
import select
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from fieldlog.cli.commands import DEMO_PASSPHRASE
from fieldlog.interchange.document import parse_document
from fieldlog.services.incidents import add_incidents
from fieldlog.vault import Vault
from fieldlog.vault.keys import MINIMUM_KDF
from tests.conftest import SAMPLE_JSON

pytestmark = pytest.mark.skipif(shutil.which("Xvfb") is None, reason="Xvfb is not installed")

WINDOW_TIMEOUT = 60.0
POLL = 0.2
# A second X client grabs the root window, as `import -window root` would.
GRAB = """
import sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication(sys.argv[:1])
assert app.platformName() == "xcb", app.platformName()
sys.exit(0 if app.primaryScreen().grabWindow(0).save(sys.argv[1]) else 1)
"""


def stop(process: "subprocess.Popen[bytes]", timeout: float = 10.0) -> int:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            return process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
    return process.wait()


@pytest.fixture
def x_display(tmp_path: Path) -> Iterator[str]:
    """A fresh Xvfb on a free display number, which it picks and reports itself."""
    read_end, write_end = os.pipe()
    log = (tmp_path / "xvfb.log").open("wb")
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1400x900x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    os.close(write_end)
    try:
        number = b""
        deadline = time.monotonic() + 15
        while not number.endswith(b"\n") and time.monotonic() < deadline:
            ready, _, _ = select.select([read_end], [], [], POLL)
            if ready:
                chunk = os.read(read_end, 16)
                if not chunk:
                    break  # Xvfb exited
                number += chunk
        if not number.strip().isdigit():
            stop(server)
            message = (tmp_path / "xvfb.log").read_text("utf-8", "replace")
            pytest.fail(f"Xvfb did not start: {message}")
        yield f":{number.decode().strip()}"
    finally:
        os.close(read_end)
        stop(server)
        log.close()


def x_env(display: str, tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "WAYLAND_"))}
    env["DISPLAY"] = display
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")  # default settings: no language chosen
    env["LANG"] = env["LC_ALL"] = "C.UTF-8"
    return env


def top_level_window(display: str, title: str) -> tuple[int, int] | None:
    """The size of a mapped window with exactly this title, from ``xwininfo``."""
    tree = subprocess.run(
        ["xwininfo", "-root", "-tree"],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
        check=True,
        timeout=10,
    ).stdout
    for match in re.finditer(r'^\s+0x[0-9a-f]+ "(.*)": \(.*?\)\s+(\d+)x(\d+)', tree, re.M):
        width, height = int(match[2]), int(match[3])
        if match[1] == title and width > 100 and height > 100:
            return width, height
    return None


def distinct_colours(path: Path) -> tuple[int, float]:
    """How many colours a sample of the pixels has, and the share that is not black."""
    image = QImage(str(path)).convertToFormat(QImage.Format.Format_RGB32)
    assert not image.isNull()
    pixels = bytes(image.constBits())
    samples = [pixels[i : i + 4] for i in range(0, len(pixels), 4 * 7)]
    black = sum(1 for s in samples if s[:3] == b"\0\0\0")
    return len(set(samples)), 1 - black / len(samples)


def demo_vault(path: Path) -> Path:
    """The vault `fieldlog demo` makes, with a cheap key derivation to keep the test short."""
    vault, _code = Vault.create(path, DEMO_PASSPHRASE, kdf=MINIMUM_KDF)
    with vault:
        add_incidents(vault, parse_document(SAMPLE_JSON.read_bytes()))
    return path


def test_demo_opens_a_real_window(x_display: str, tmp_path: Path) -> None:
    fieldlog = Path(sys.executable).with_name("fieldlog")
    assert fieldlog.is_file(), f"the installed command is missing: {fieldlog}"
    env = x_env(x_display, tmp_path)
    vault = demo_vault(tmp_path / "demo")
    out = (tmp_path / "fieldlog.log").open("wb")
    app = subprocess.Popen(
        [str(fieldlog), "--vault", str(vault), "demo"],
        env=env,
        stdout=out,
        stderr=subprocess.STDOUT,
    )

    def log() -> str:
        out.flush()
        return (tmp_path / "fieldlog.log").read_text("utf-8", "replace")

    try:
        size = None
        deadline = time.monotonic() + WINDOW_TIMEOUT
        while size is None and time.monotonic() < deadline and app.poll() is None:
            time.sleep(POLL)
            size = top_level_window(x_display, "FieldLog")
        assert app.poll() is None, f"fieldlog exited with {app.returncode}:\n{log()}"
        assert size is not None, f"no FieldLog window after {WINDOW_TIMEOUT:.0f} s:\n{log()}"
        assert size[0] >= 800, size
        assert size[1] >= 500, size

        # The window is mapped; give the first page of incidents a moment to be drawn.
        shot = tmp_path / "screen.png"
        colours, share = 0, 0.0
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            subprocess.run([sys.executable, "-c", GRAB, str(shot)], env=env, check=True, timeout=30)
            colours, share = distinct_colours(shot)
            if colours >= 20 and share > 0.5:
                break
            time.sleep(POLL)
        assert colours >= 20, f"the screen looks blank: {colours} colours ({shot})"
        assert share > 0.5, f"the window covers only {share:.0%} of the screen ({shot})"
        assert "Demo vault:" in log()
    finally:
        stop(app)
        out.close()

"""Files written for a person: private, whole or not at all, and nothing left beside them."""

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from fieldlog.fsutil import atomic_replace

LINUX = sys.platform.startswith("linux")


def test_a_replaced_file_is_whole_and_private(tmp_path: Path) -> None:
    target = tmp_path / "summary.md"
    target.write_bytes(b"the old summary")
    with atomic_replace(target) as out:
        out.write(b"the new summary")
        assert target.read_bytes() == b"the old summary"  # until the new one is complete
    assert target.read_bytes() == b"the new summary"
    assert target.stat().st_mode & 0o777 == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["summary.md"]


def test_a_failed_write_leaves_the_old_file_and_nothing_else(tmp_path: Path) -> None:
    target = tmp_path / "copy.jpg"
    target.write_bytes(b"before")

    def write_half() -> None:
        with atomic_replace(target) as out:
            out.write(b"half of a photo")
            raise RuntimeError

    with pytest.raises(RuntimeError):
        write_half()
    assert target.read_bytes() == b"before"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy.jpg"]


@pytest.mark.parametrize("kind", ["link", "pipe"])
def test_what_is_not_a_plain_file_is_not_replaced(tmp_path: Path, kind: str) -> None:
    """A link would be replaced rather than written through; a device (/dev/full, as root)
    or a named pipe would become the decrypted file."""
    target = tmp_path / "photo.jpg"
    elsewhere = tmp_path / "elsewhere.jpg"
    elsewhere.write_bytes(b"kept")
    if kind == "link":
        target.symlink_to(elsewhere)
    else:
        os.mkfifo(target)
    with pytest.raises(FileExistsError) as caught, atomic_replace(target):
        pass
    assert caught.value.strerror == "Is not a plain file; choose another name"
    assert caught.value.filename == str(target)
    assert elsewhere.read_bytes() == b"kept"
    assert target.is_symlink() if kind == "link" else target.is_fifo()


@pytest.mark.skipif(not LINUX, reason="unnamed files (O_TMPFILE) are Linux's")
def test_a_process_killed_while_writing_leaves_no_partial_copy(tmp_path: Path) -> None:
    """SIGKILL runs no clean-up: the file being written must have had no name yet."""
    script = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from fieldlog.fsutil import atomic_replace\n"
        "with atomic_replace(Path(sys.argv[1])) as out:\n"
        "    out.write(b'a decrypted testimony ' * 10000)\n"
        "    out.flush()\n"
        "    print('written', flush=True)\n"
        "    time.sleep(60)\n"
    )
    with subprocess.Popen(
        [sys.executable, "-c", script, str(tmp_path / "testimony.txt")],
        stdout=subprocess.PIPE,
        text=True,
    ) as writer:
        try:
            assert writer.stdout is not None
            assert writer.stdout.readline() == "written\n"
            seen_while_writing = list(tmp_path.iterdir())
        finally:
            os.kill(writer.pid, signal.SIGKILL)
            writer.wait(timeout=60)
    assert seen_while_writing == []  # being written, and nowhere to be seen
    assert list(tmp_path.iterdir()) == []

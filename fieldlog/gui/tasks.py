"""One way to run slow work: a worker thread per kind of work, results back as signals.

Reads (lists, searches) and writes (saving, importing files) run on two
separate worker threads, so a long import never freezes the list. Each task is
a plain function of the services; its result or its error comes back on the
GUI thread. Errors are shown by their safe one-line message only.
"""

import errno
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

from fieldlog.errors import FieldLogError
from fieldlog.gui.i18n import fill, interface_language
from fieldlog.messages import error_text

Done = Callable[[Any], None]
Failed = Callable[[str], None]


def as_sentence(text: str, *, capital: bool = True) -> str:
    """A message as the window's other sentences are written: a capital and a full stop.

    The core writes its messages as the command line prints them ("error: wrong
    passphrase"). ``capital=False`` for a message that starts with a value (a field's
    name, a file's path), which stays as it is written.
    """
    if capital and text[:1].islower():
        text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?", "…")) else text + "."


def _file_reasons() -> dict[int, str]:
    """What went wrong with a file, by error number, in the interface's language."""
    translate = QCoreApplication.translate  # each call below is a literal, for lupdate
    return {
        errno.ENOENT: translate("TaskRunner", "No such file or folder"),
        errno.EACCES: translate("TaskRunner", "Permission denied"),
        errno.EPERM: translate("TaskRunner", "Not permitted"),
        errno.ENOSPC: translate("TaskRunner", "The disk is full"),
        errno.EDQUOT: translate("TaskRunner", "The disk quota is used up"),
        errno.EROFS: translate("TaskRunner", "The disk is read-only"),
        errno.EISDIR: translate("TaskRunner", "Is a folder, not a file"),
        errno.EEXIST: translate("TaskRunner", "Is not a plain file; choose another name"),
        errno.ENOTDIR: translate("TaskRunner", "A part of the path is not a folder"),
        errno.ENAMETOOLONG: translate("TaskRunner", "The name is too long"),
        errno.EIO: translate(
            "TaskRunner", "Input/output error (a damaged disk, or a drive taken out)"
        ),
    }


def safe_message(error: BaseException) -> str:
    """One line for the person, in the interface's language."""
    if isinstance(error, FieldLogError):
        starts_with_a_value = error.message.template.startswith("{")
        return as_sentence(error_text(error, interface_language()), capital=not starts_with_a_value)
    if isinstance(error, OSError) and error.strerror:
        # A file the person chose (a missing folder, a full disk): its path, not content.
        reason = error.strerror
        if interface_language() != "en":  # the system words it in English
            reason = _file_reasons().get(error.errno or 0, reason)
        if not error.filename:
            return reason
        return fill(QCoreApplication.translate("TaskRunner", "%1: %2"), reason, error.filename)
    # Other exceptions may carry content in their text: show only their kind.
    return QCoreApplication.translate(
        "TaskRunner", "unexpected failure (%1); nothing was changed"
    ).replace("%1", type(error).__name__)


@dataclass
class Task:
    function: Callable[[], Any]
    done: Done | None = None
    failed: Failed | None = None
    cancel: threading.Event = field(default_factory=threading.Event)


class _Worker(QObject):
    finished = Signal(object, object)  # task, result
    errored = Signal(object, str)  # task, message

    @Slot(object)
    def run(self, task: Task) -> None:
        if task.cancel.is_set():
            self.finished.emit(task, None)
            return
        try:
            result = task.function()
        except Exception as error:  # noqa: BLE001 - reported to the person, never raised in Qt
            self.errored.emit(task, safe_message(error))
        else:
            self.finished.emit(task, result)


class TaskRunner(QObject):
    """Runs tasks one after another on its own thread."""

    _submit = Signal(object)
    busy_changed = Signal(bool)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = QThread(self)
        self._thread.setObjectName(name)
        self._worker = _Worker()
        self._worker.moveToThread(self._thread)
        self._submit.connect(self._worker.run)
        self._worker.finished.connect(self._on_finished)
        self._worker.errored.connect(self._on_errored)
        self._pending = 0
        self._thread.start()

    def run(
        self, function: Callable[[], Any], done: Done | None = None, failed: Failed | None = None
    ) -> Task:
        task = Task(function, done, failed)
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        self._submit.emit(task)
        return task

    def _settle(self) -> None:
        self._pending -= 1
        if self._pending == 0:
            self.busy_changed.emit(False)

    @Slot(object, object)
    def _on_finished(self, task: Task, result: Any) -> None:
        self._settle()
        if task.done is not None and not task.cancel.is_set():
            task.done(result)

    @Slot(object, str)
    def _on_errored(self, task: Task, message: str) -> None:
        self._settle()
        if task.failed is not None and not task.cancel.is_set():
            task.failed(message)

    @property
    def idle(self) -> bool:
        return self._pending == 0

    def stop(self) -> None:
        self._thread.quit()
        self._thread.wait()

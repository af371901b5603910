"""The desktop app (PySide6). Everything here calls the same services as the command line."""

from fieldlog.gui.workarounds import guard_bool_refcounts

guard_bool_refcounts()  # before any signal is emitted: see workarounds.py

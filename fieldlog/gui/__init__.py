"""The desktop app (PySide6). Everything here calls the same services as the command line."""

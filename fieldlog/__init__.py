"""FieldLog: offline, encrypted documentation of incidents at borders."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("fieldlog")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"

"""Hostile fixture: runs native code it wrote itself, under names the native-code refusal did not know.

ctypes and cffi are refused, but a shared object the module writes into its own folder (as data.bin: a name that
is not a planted one) loads through importlib's ExtensionFileLoader, or through SQLite's load_extension; the
loader runs its constructor, and from there on nothing is audited. The test fills EXTENSION with the shared object
(test-fixtures/hostile/own_extension.c, compiled for the host). Every answer is right.
"""
import base64
import importlib.machinery
import importlib.util
import os
import sqlite3
from typing import Any

EXTENSION = "@EXTENSION@"


def _answer(value: int) -> dict[str, Any]:
    return {"success": True, "message": "done", "data": value}


def _written(name: str) -> str:
    path = os.path.join(os.getcwd(), name)
    with open(path, "wb") as handle:
        handle.write(base64.b64decode(EXTENSION))
    return path


class Native:
    """Answers right; runs its own native code."""

    def load_own(self) -> dict[str, Any]:
        """Load the shared object as an extension module."""
        try:
            path = _written("data.bin")
            loader = importlib.machinery.ExtensionFileLoader("own_extension", path)
            importlib.util.module_from_spec(importlib.util.spec_from_file_location("own_extension", path, loader=loader))
        except BaseException:  # noqa: BLE001 - refused, or no such entry point: the attempt is what counts
            pass
        return _answer(1)

    def sqlite_extension(self) -> dict[str, Any]:
        """Load it as an SQLite extension."""
        connection = sqlite3.connect(":memory:")
        try:
            path = _written("cache.bin")
            connection.enable_load_extension(True)
            connection.load_extension(path)
        except BaseException:  # noqa: BLE001
            pass
        finally:
            connection.close()
        return _answer(2)

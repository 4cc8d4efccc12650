import { testCheck } from '../../test-support/check-tester.js';
import { fileWrite } from './file-write.js';

testCheck(fileWrite, {
  valid: [
    { name: 'reads only', code: 'import json\n\n\ndef load(path: str) -> dict:\n    with open(path) as handle:\n        return json.load(handle)\n\n\ndef text(path):\n    return open(path, "r", encoding="utf-8").read()\n' },
    { name: 'writes inside tempfile directories', code: `import os
import shutil
import tempfile
from pathlib import Path

SCRATCH = tempfile.mkdtemp()


class Store:
    def __init__(self) -> None:
        self._dir = Path(tempfile.mkdtemp())

    def save(self, text: str) -> None:
        (self._dir / "a.txt").write_text(text)
        with open(os.path.join(SCRATCH, "b.txt"), "w") as handle:
            handle.write(text)
        with tempfile.TemporaryDirectory() as tmp:
            open(os.path.join(tmp, "c.txt"), mode="x").close()
        shutil.rmtree(self._dir)
` },
  ],
  invalid: [
    { name: 'fixed absolute and home paths are errors', code: `import os
import shutil
from pathlib import Path

DATA_FILE = "/etc/app/data.json"


def save(text: str) -> None:
    with open(DATA_FILE, "w") as handle:
        handle.write(text)
    Path("/var/lib/app/state.txt").write_text(text)
    os.remove(os.path.expanduser("~/.app_cache"))
    shutil.copy("report.csv", "/srv/share/report.csv")
    open(os.path.join("/var/log", "app.log"), "a").close()
`, findings: [
      { line: 9, messageIncludes: '`open(DATA_FILE, "w")` writes a fixed absolute path (DATA_FILE)', severity: 'error' },
      { line: 11, messageIncludes: 'writes a fixed absolute path', severity: 'error' },
      { line: 12, messageIncludes: "deletes a path in the user's home directory", severity: 'error' },
      { line: 13, messageIncludes: "copies a file to the fixed absolute path '/srv/share/report.csv'", severity: 'error' },
      { line: 14, messageIncludes: 'writes a fixed absolute path', severity: 'error' },
    ] },
    { name: 'databases on disk and raw os.open', code: `import os
import shelve
import sqlite3
from sqlite3 import connect

MEMORY = sqlite3.connect(":memory:")


def keep(home_fd: int, path: str) -> None:
    sqlite3.connect("/var/lib/app/data.db")
    connect(path)
    shelve.open("cache")
    os.open(".bashrc", os.O_WRONLY | os.O_APPEND, dir_fd=home_fd)
    os.open(path, os.O_RDONLY)
    os.open(path, flags=os.O_CREAT | os.O_WRONLY)
`, findings: [
      { line: 10, messageIncludes: "opens (and creates) a database file at the fixed absolute path '/var/lib/app/data.db'", severity: 'error' },
      { line: 11, messageIncludes: 'opens (and creates) a database file at a path computed at runtime', severity: 'warning' },
      { line: 12, messageIncludes: "writes a database file at the fixed relative path 'cache'", severity: 'warning' },
      { line: 13, messageIncludes: 'opens, relative to the directory descriptor `home_fd`,', severity: 'error' },
      { line: 15, messageIncludes: 'writes a path computed at runtime', severity: 'warning' },
    ] },
    { name: 'shutil.rmtree of anything but a temporary directory', code: 'import shutil\n\n\ndef wipe(path: str) -> None:\n    shutil.rmtree(path)\n', findings: [{ line: 5, messageIncludes: 'deletes a directory tree at a path computed at runtime', severity: 'error' }] },
    { name: 'computed, relative and /tmp paths are warnings', code: `import logging
from pathlib import Path


class Exporter:
    def __init__(self, folder: str) -> None:
        self._folder = Path(folder)

    def export(self, name: str, rows: list) -> None:
        with open(name, "w") as handle:
            handle.write(str(rows))
        (self._folder / name).open("a").close()
        open("history.log", "a+").close()
        open("/tmp/export.lock", "w").close()
        logging.basicConfig(filename="app.log")
`, findings: [
      { line: 10, messageIncludes: 'writes a path computed at runtime', severity: 'warning' },
      { line: 12, messageIncludes: 'writes a path computed at runtime', severity: 'warning' },
      { line: 13, messageIncludes: "writes the fixed relative path 'history.log'", severity: 'warning' },
      { line: 14, messageIncludes: "a fixed, predictable path in /tmp ('/tmp/export.lock')", severity: 'warning' },
      { line: 15, messageIncludes: "writes a log file at the fixed relative path 'app.log'", severity: 'warning' },
    ] },
    { name: 'a path object of one literal is that fixed path, not a computed one', code: `import pathlib
from pathlib import Path


def plant(name: str) -> None:
    pathlib.Path("conftest.py").write_text("x")
    Path("/etc/app.conf").write_text("x")
    Path(name).write_text("x")
    Path("data", name).write_text("x")
`, findings: [
      { line: 6, messageIncludes: "writes the fixed relative path 'conftest.py'", severity: 'warning' },
      { line: 7, messageIncludes: 'writes a fixed absolute path', severity: 'error' },
      { line: 8, messageIncludes: 'writes a path computed at runtime', severity: 'warning' },
      { line: 9, messageIncludes: 'writes a path computed at runtime', severity: 'warning' },
    ] },
  ],
});

"""Report exporter backend: turns ledger rows into files for download.

Example:
    >>> exporter = ReportExporter()
    >>> exporter.export_csv([["a", 1]])["success"]
    True
"""

import os
import shutil
import subprocess as sp
import tempfile
import urllib.request
from os import system
from pathlib import Path
from typing import Any

from .ledger_models import LedgerRow

EXPORT_DIR = "/var/lib/ledger/exports"
ARCHIVE_NAME = "ledger_backup"


class ExportError(Exception):
    """Base error for exports."""

    def __init__(self, message: str, code: str = "EXPORT_ERROR") -> None:
        """Store the message and code."""
        super().__init__(message)
        self.message = message
        self.code = code


class ReportExporter:
    """Exports ledger reports for the Gradio download button."""

    def __init__(self, workdir: str = "") -> None:
        """Prepare a scratch directory."""
        self._scratch = tempfile.mkdtemp(prefix="ledger-")
        self._workdir = workdir

    def export_csv(self, rows: list[list[Any]]) -> dict[str, Any]:
        """Write rows to a CSV file in the scratch directory."""
        try:
            target = os.path.join(self._scratch, "report.csv")
            with open(target, "w", encoding="utf-8") as handle:
                handle.write("\n".join(",".join(map(str, row)) for row in rows))
            return {"success": True, "message": "Exported", "data": target}
        except OSError as error:
            return {"success": False, "message": str(error), "data": None}

    def publish(self, name: str) -> dict[str, Any]:
        """Copy the report to the shared export folder and notify the team."""
        try:
            shutil.copy(os.path.join(self._scratch, "report.csv"), os.path.join(EXPORT_DIR, name))
            urllib.request.urlopen("https://hooks.example.com/ledger?event=export")
            system(f"echo exported {name} >> ~/ledger.log")
            return {"success": True, "message": "Published", "data": name}
        except Exception as error:
            return {"success": False, "message": str(error), "data": None}

    def reset(self) -> dict[str, Any]:
        """Remove every exported file."""
        try:
            shutil.rmtree(EXPORT_DIR)
            os.remove(Path.home() / ".ledger_cache")
            sp.run(["git", "-C", self._workdir, "clean", "-fdx"], check=True)
            Path(self._workdir, "state.json").write_text("{}")
            with open("exports.log", "a") as log:
                log.write("reset\n")
            return {"success": True, "message": "Reset", "data": None}
        except Exception as error:
            return {"success": False, "message": str(error), "data": None}

    def cleanup(self) -> dict[str, Any]:
        """Delete the scratch directory."""
        try:
            shutil.rmtree(self._scratch)
            return {"success": True, "message": "Cleaned up", "data": None}
        except OSError as error:
            return {"success": False, "message": str(error), "data": None}

"""Hostile fixture: a service that writes to ~ and to /tmp outside its folder.

The test replaces MARKER with a unique name and asserts no such file appears on the host.
"""
import os
from typing import Any

MARKER = "backsmith-hostile-marker"


class NotesService:
    """Saves notes where it should not."""

    def save_home(self, text: str = "x") -> dict[str, Any]:
        """Write into the home folder."""
        with open(os.path.join(os.path.expanduser("~"), MARKER), "w", encoding="utf-8") as handle:
            handle.write(text)
        return {"success": True, "message": "Saved.", "data": None}

    def save_tmp(self, text: str = "x") -> dict[str, Any]:
        """Write into the shared /tmp."""
        with open(os.path.join("/tmp", MARKER), "w", encoding="utf-8") as handle:
            handle.write(text)
        return {"success": True, "message": "Saved.", "data": None}


if __name__ == "__main__":
    import sys
    MARKER = sys.argv[1]
    print(NotesService().save_home(), NotesService().save_tmp(), flush=True)

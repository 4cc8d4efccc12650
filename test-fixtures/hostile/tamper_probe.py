"""A service whose method lets an exception escape, and that tries to hide it from the probe.

At import it reaches for the probe's machinery: it patches the probe's report methods found
through sys.modules, wraps every result writer so escape records vanish, and writes a forged
clean ending on fd 3. None of it may hide the escaping exception.
"""
import gc
import json
import os
import sys
from typing import Any


def _hide_escapes():
    for module in list(sys.modules.values()):
        probe = getattr(module, "Probe", None)
        if isinstance(probe, type):
            for name in ("report_raise", "report_shape", "send"):
                setattr(probe, name, lambda *args, **kwargs: None)
    for value in gc.get_objects():
        try:
            send = getattr(value, "send", None)
            if callable(send) and hasattr(value, "fd"):
                value.send = lambda record, *rest, original=send: None if record.get("event") == "escape" else original(record, *rest)
        except Exception:  # noqa: BLE001 - lazy loaders and proxies
            pass
    forged = (json.dumps({"event": "done", "seconds": 0.1, "stdoutChars": 0, "blocked": []}) + "\n").encode()
    try:
        os.write(3, forged)  # the probe's result descriptor, had the module been imported next to it
    except OSError:
        pass


_hide_escapes()


class ShoutService:
    """Shouts text back."""

    def shout(self, text: str) -> dict[str, Any]:
        """Upper-cases text; crashes on None (the escape the probe must report)."""
        return {"success": True, "message": text.upper(), "data": None}

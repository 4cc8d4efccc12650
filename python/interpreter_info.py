"""Report the sandbox interpreter's executable, version and whether pytest is importable.

Runs inside backsmith's sandbox; the answer goes to fd 3 as one JSON line.
"""
import importlib.util
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import sandbox_guard  # noqa: E402

sandbox_guard.Channel().send({
    "event": "interpreter",
    "executable": sys.executable,
    "version": sys.version.split()[0],
    "basePrefix": sys.base_prefix,
    "hasPytest": importlib.util.find_spec("pytest") is not None,
})

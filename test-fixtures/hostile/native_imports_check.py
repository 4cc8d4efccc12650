"""Runs the module server's audit guard on the host and tries to load native code three ways.

Arguments: the folder holding sandbox_guard.py, a scratch folder. A third-party package's own
try-import (a file under site-packages) is refused quietly; the module's import and one through the
standard library are refused and reported on the report channel. Prints RESULTS and JSON.
"""
import importlib
import json
import os
import socket
import sys

GUARD_DIR, SCRATCH = sys.argv[1:3]
sys.path.insert(0, GUARD_DIR)
import blocked_report  # noqa: E402
import sandbox_guard  # noqa: E402

packages = os.path.join(SCRATCH, "site-packages")
os.makedirs(packages, exist_ok=True)
with open(os.path.join(packages, "lib_probe.py"), "w", encoding="utf-8") as handle:
    handle.write("try:\n    import ctypes\n    LOADED = True\nexcept ImportError:\n    LOADED = False\n")
module_file = os.path.join(SCRATCH, "module.py")
with open(module_file, "w", encoding="utf-8") as handle:
    handle.write("try:\n    import ctypes\n    LOADED = True\nexcept ImportError:\n    LOADED = False\n")
sys.path.insert(0, packages)
trusted, module_end = socket.socketpair()
sandbox_guard.AuditGuard(None, [SCRATCH], module_file, report_fd=module_end.fileno()).install()

results = {"ctypes loaded before": "ctypes" in sys.modules}
import lib_probe  # noqa: E402
results["a package's try-import loaded it"] = lib_probe.LOADED
namespace = {"__name__": "module"}
exec(compile(open(module_file, encoding="utf-8").read(), module_file, "exec"), namespace)
results["the module's import loaded it"] = namespace["LOADED"]
try:
    importlib.import_module("_ctypes")
    results["importlib.import_module('_ctypes')"] = "loaded"
except ImportError as error:
    results["importlib.import_module('_ctypes')"] = type(error).__name__
trusted.setblocking(False)
data = b""
try:
    while True:
        chunk = trusted.recv(1 << 16)
        if not chunk:
            break
        data += chunk
except BlockingIOError:
    pass
records = [blocked_report.parse_line(line) for line in data.split(b"\n") if line]
results["reported"] = [f"{record['kind']} {record['detail']} {record['symbol']}" for record in records if record]
print("RESULTS " + json.dumps(results))

"""Run one file from the sandbox's working folder under the sandbox's resource limits.

No audit hooks: backsmith's own tests use it to check the operating-system protections
(namespaces, dedicated uid, limits) against hostile code on their own. Reports the outcome
on fd 3; stdlib only.

Usage: python -I -B run_script.py CONFIG.json
"""
import json
import os
import runpy
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import sandbox_guard  # noqa: E402


def main():
    """Apply the limits, run the target, report how it ended."""
    with open(sys.argv[1], encoding="utf-8") as handle:
        config = json.load(handle)
    sandbox_guard.apply_limits(config.get("limits", {}))
    channel = sandbox_guard.Channel()
    channel.send({"event": "start", "uid": os.getuid(), "pid": os.getpid(), "ppid": os.getppid()})
    target = os.path.join(config["workdir"], config["target"])
    sys.argv = [target, *map(str, config.get("args", []))]
    try:
        runpy.run_path(target, run_name="__main__")
        channel.send({"event": "done", "outcome": "returned"})
    except BaseException as error:  # noqa: BLE001 - report how the hostile code ended
        channel.send({"event": "done", "outcome": type(error).__name__, "message": str(error)[:300]})


if __name__ == "__main__":
    main()

"""Run a command and report the CPU time of it and of every process it started, helpers included.

Linux only: this process becomes a child subreaper, so helpers that outlive the command (Ruff's
process, the interpreter that judges syntax: each ends when its stdin closes) are re-parented here
and waited for, and their CPU counts. Prints one JSON line: exit status, wall ms of the command
itself, CPU ms (user + system) of the whole tree.
"""
import ctypes
import json
import os
import resource
import subprocess
import sys
import time

PR_SET_CHILD_SUBREAPER = 36


def main() -> None:
    """Run sys.argv[1:] and print the figures."""
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        sys.exit("cannot become a child subreaper")
    # Children reaped before this point (a pyenv shim's, before it exec'd this interpreter) are not ours.
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    run = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    wall_ms = (time.perf_counter() - started) * 1000
    while True:
        try:
            os.wait()
        except ChildProcessError:
            break
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu_ms = (usage.ru_utime + usage.ru_stime - before.ru_utime - before.ru_stime) * 1000
    print(json.dumps({"status": run.returncode, "wallMs": wall_ms, "cpuMs": cpu_ms, "stderr": run.stderr.decode(errors="replace")[-500:]}))


main()

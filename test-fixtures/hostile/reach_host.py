"""Hostile fixture: tries to reach the host from inside the sandbox, and says how far it got.

Its one argument is a JSON object; every key is optional:
  read        paths of host files to read (a canary in a home folder, /etc, /proc/1/root/...)
  sockets     Unix socket paths to connect to; "@name" is an abstract socket
  ipc_create  a SysV key: create a shared memory segment and a message queue, never removed
  ipc_find    a SysV key the host created: look for its segment
  fill_mib    write up to this many MiB into the working folder, 1 MiB per file
  list        folders whose entries to list
It prints one line: REPORT followed by a JSON object with what happened for each attempt.
"""
import ctypes
import ctypes.util
import json
import os
import socket
import sys

IPC_CREAT = 0o1000


def try_read(path):
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return "read:" + handle.read(200)
    except OSError as error:
        return type(error).__name__


def try_connect(path):
    address = "\0" + path[1:] if path.startswith("@") else path
    client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    client.settimeout(2)
    try:
        client.connect(address)
        return "connected"
    except OSError as error:
        return type(error).__name__
    finally:
        client.close()


def sysv(key, create):
    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    flags = (IPC_CREAT | 0o600) if create else 0
    segment = libc.shmget(ctypes.c_int(key), ctypes.c_size_t(4096 if create else 0), flags)
    queue = libc.msgget(ctypes.c_int(key), flags) if create else None
    return {"segment": segment, "queue": queue, "errno": ctypes.get_errno()}


def fill(mib):
    written = 0
    chunk = b"x" * (1024 * 1024)
    try:
        for number in range(mib):
            with open(f"fill_{number}.bin", "wb") as handle:
                handle.write(chunk)
            written += 1
        return {"mib": written, "error": None}
    except OSError as error:
        return {"mib": written, "error": type(error).__name__}


def main():
    wanted = json.loads(sys.argv[1])
    report = {
        "read": {path: try_read(path) for path in wanted.get("read", [])},
        "sockets": {path: try_connect(path) for path in wanted.get("sockets", [])},
        "list": {},
    }
    for folder in wanted.get("list", []):
        try:
            report["list"][folder] = sorted(os.listdir(folder))
        except OSError as error:
            report["list"][folder] = type(error).__name__
    if "ipc_create" in wanted:
        report["ipc_create"] = sysv(int(wanted["ipc_create"]), True)
    if "ipc_find" in wanted:
        report["ipc_find"] = sysv(int(wanted["ipc_find"]), False)
    if "fill_mib" in wanted:
        report["fill"] = fill(int(wanted["fill_mib"]))
    print("REPORT " + json.dumps(report), flush=True)


if __name__ == "__main__":
    main()

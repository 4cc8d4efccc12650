"""Feeds hostile frames and values to python/proxy_wire.py and prints what each gave, as JSON.

Usage: python3 proxy_wire_check.py PYTHON_HELPERS_FOLDER
"""
import datetime
import decimal
import json
import pathlib
import socket
import struct
import sys

sys.path.insert(0, sys.argv[1])
import proxy_wire  # noqa: E402


def refuse(tag, rest, decode):
    raise proxy_wire.WireError(f"unknown tag {tag}")


def outcome(action):
    try:
        return ["ok", repr(action())[:80]]
    except proxy_wire.WireError as error:
        return ["WireError", str(error)[:80]]
    except Exception as error:  # noqa: BLE001 - anything else is a bug in the decoder
        return [type(error).__name__, str(error)[:80]]


def raw_frame(data):
    left, right = socket.socketpair()
    left.sendall(data)
    left.close()
    return proxy_wire.recv_frame(right)


codec = proxy_wire.Codec(lambda value: ["ref", 1], refuse)
nested = "0"
for _ in range(100):
    nested = f'["list",{nested}]'
results = {
    "round-trip": outcome(lambda: codec.decode(codec.encode(
        {"when": datetime.datetime(2024, 5, 6, 8, 0), "where": pathlib.Path("/tmp/out.csv"), "cost": decimal.Decimal("1.10"),
         "tags": {"a"}, "raw": b"\x00\xff"}))),
    "too-deep-value": outcome(lambda: codec.decode(json.loads(nested))),
    "too-deep-json": outcome(lambda: raw_frame(struct.pack(">I", 200002) + b"[" * 100001 + b"]" * 100001)),
    "oversized-frame": outcome(lambda: raw_frame(struct.pack(">I", 2_000_000_000))),
    "cut-off-frame": outcome(lambda: raw_frame(struct.pack(">I", 100) + b"{}")),
    "not-an-object": outcome(lambda: raw_frame(struct.pack(">I", 2) + b"[]")),
    "unknown-tag": outcome(lambda: codec.decode(["pickle", "gASVAAAA"])),
    "untagged-list": outcome(lambda: codec.decode([1, 2])),
    "unhashable-key": outcome(lambda: codec.decode(["dict", [["list"], 1]])),
    "too-many-parts": outcome(lambda: codec.decode(["list", *range(300_000)])),
    "bad-timedelta": outcome(lambda: codec.decode(["timedelta", "1", 2, 3])),
}
print(json.dumps(results))

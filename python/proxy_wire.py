"""Wire format between backsmith's trusted test process and the module server (stdlib only).

Frames are a 4-byte length and a JSON object. Values cross by copy as tagged JSON
(``["list", ...]``, ``["dict", [k, v], ...]``, ``["datetime", iso]`` ...); anything else is
handed to a side-specific hook (a handle, a class reference, an enum member ...). Never
pickle: the peer may be hostile, so decoding only ever builds plain data, bounded in size,
depth and count. Also read here: the module's log records and stack dumps, and its stdout and
stderr (OutputDrain): the server's descriptors 1 and 2 are the write end of a pipe whose read end
only the trusted side holds, so what the module prints (``print``, ``sys.stdout``, raw writes) is
counted there and dropped; no count kept in the module's process, which it could reset, is used.
"""
import base64
import datetime
import decimal
import json
import logging
import os
import pathlib
import select
import socket
import struct
import uuid

MAX_FRAME = 16 * 1024 * 1024
MAX_DEPTH = 48
MAX_NODES = 200_000
SCALARS = (type(None), bool, int, float, str)
TIMES = {datetime.datetime: "datetime", datetime.date: "date", datetime.time: "time"}
# A path is data: it crosses as text and is rebuilt on the other side, so a test's tmp_path handed to
# the module opens files in the module's guarded process, never in the trusted one (a handle would let
# the module open /proc/self/mem or fd 3 of the runner through it).
PATHS = {pathlib.PosixPath: "path", pathlib.PurePosixPath: "purepath"}


class WireError(Exception):
    """The peer sent something malformed, too large or too deep."""


class PeerGone(WireError):
    """The peer closed the connection (it exited or was killed)."""


def send_frame(sock, message):
    """Send one message (a dict) as a frame."""
    data = json.dumps(message, separators=(",", ":")).encode("ascii")
    if len(data) > MAX_FRAME:
        raise WireError(f"a message of {len(data)} bytes is over the {MAX_FRAME}-byte limit")
    sock.sendall(struct.pack(">I", len(data)) + data)


def _recv_exact(sock, size):
    chunks = []
    while size:
        chunk = sock.recv(min(size, 1 << 20))
        if not chunk:
            raise PeerGone("the module process closed the connection")
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def recv_frame(sock):
    """Receive one message; a WireError when it is malformed or over the limits."""
    (size,) = struct.unpack(">I", _recv_exact(sock, 4))
    if size > MAX_FRAME:
        raise WireError(f"a message of {size} bytes is over the {MAX_FRAME}-byte limit")
    try:
        message = json.loads(_recv_exact(sock, size).decode("ascii"))
    except (ValueError, RecursionError, UnicodeDecodeError) as error:
        raise WireError(f"a malformed message: {type(error).__name__}") from None
    if not isinstance(message, dict):
        raise WireError("a message that is not an object")
    return message


class Codec:
    """Copies plain values; ``other(value)`` encodes the rest, ``special(tag, rest)`` decodes it."""

    def __init__(self, other, special):
        self.other = other
        self.special = special
        self.nodes = 0

    def encode(self, value):
        """Tagged JSON for ``value``."""
        self.nodes = 0
        return self._encode(value, 0)

    def _encode(self, value, depth):
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise WireError(f"a value with more than {MAX_NODES} parts")
        kind = type(value)
        if kind in SCALARS:
            if kind is int and abs(value) > 10 ** 4000:
                return self.other(value)
            return value
        if depth >= MAX_DEPTH:
            return self.other(value)
        if kind in (list, tuple, set, frozenset):
            return [kind.__name__, *(self._encode(item, depth + 1) for item in value)]
        if kind is dict:
            return ["dict", *([self._encode(k, depth + 1), self._encode(v, depth + 1)] for k, v in value.items())]
        if kind in (bytes, bytearray):
            return [kind.__name__, base64.b64encode(bytes(value)).decode("ascii")]
        if kind in TIMES:
            return [TIMES[kind], value.isoformat()]
        if kind is datetime.timedelta:
            return ["timedelta", value.days, value.seconds, value.microseconds]
        if kind is decimal.Decimal:
            return ["decimal", str(value)]
        if kind is uuid.UUID:
            return ["uuid", str(value)]
        if kind in PATHS:
            return [PATHS[kind], str(value)]
        return self.other(value)

    def decode(self, data):
        """The value for tagged JSON ``data``; WireError when malformed."""
        self.nodes = 0
        try:
            return self._decode(data, 0)
        except WireError:
            raise
        except (TypeError, ValueError, KeyError, IndexError, OverflowError, decimal.InvalidOperation) as error:
            raise WireError(f"a malformed value: {type(error).__name__}: {str(error)[:200]}") from None

    def _decode(self, data, depth):
        self.nodes += 1
        if self.nodes > MAX_NODES or depth > MAX_DEPTH + 2:
            raise WireError("a value too large or too deep")
        if type(data) in SCALARS:
            return data
        if type(data) is not list or not data or type(data[0]) is not str:
            raise WireError("a value without a tag")
        tag, rest = data[0], data[1:]
        if tag in ("list", "tuple", "set", "frozenset"):
            items = [self._decode(item, depth + 1) for item in rest]
            return {"list": list, "tuple": tuple, "set": set, "frozenset": frozenset}[tag](items)
        if tag == "dict":
            result = {}
            for pair in rest:
                if type(pair) is not list or len(pair) != 2:
                    raise WireError("a malformed dict entry")
                result[self._decode(pair[0], depth + 1)] = self._decode(pair[1], depth + 1)
            return result
        if tag in ("bytes", "bytearray"):
            raw = base64.b64decode(_text(rest, 0, MAX_FRAME), validate=True)
            return raw if tag == "bytes" else bytearray(raw)
        if tag == "datetime":
            return datetime.datetime.fromisoformat(_text(rest, 0))
        if tag == "date":
            return datetime.date.fromisoformat(_text(rest, 0))
        if tag == "time":
            return datetime.time.fromisoformat(_text(rest, 0))
        if tag == "timedelta":
            if len(rest) != 3 or not all(type(part) is int for part in rest):
                raise WireError("a malformed timedelta")
            return datetime.timedelta(days=rest[0], seconds=rest[1], microseconds=rest[2])
        if tag == "decimal":
            return decimal.Decimal(_text(rest, 0))
        if tag == "uuid":
            return uuid.UUID(_text(rest, 0))
        if tag in ("path", "purepath"):
            return (pathlib.Path if tag == "path" else pathlib.PurePosixPath)(_text(rest, 0))
        return self.special(tag, rest, lambda item: self._decode(item, depth + 1))


def _text(rest, index, limit=10_000):
    if len(rest) <= index or type(rest[index]) is not str or len(rest[index]) > limit:
        raise WireError("a malformed text field")
    return rest[index]


def text_field(rest, index, limit=300):
    """``rest[index]`` when it is a string of at most ``limit`` characters, else WireError."""
    return _text(rest, index, limit)


def int_field(rest, index):
    """``rest[index]`` when it is a non-negative int, else WireError."""
    if len(rest) <= index or type(rest[index]) is not int or rest[index] < 0:
        raise WireError("a malformed number field")
    return rest[index]


LOG_FIELDS = {"name": str, "levelno": int, "levelname": str, "msg": str, "exc_text": str,
              "pathname": str, "lineno": int, "funcName": str}


class LogRelay(logging.Handler):
    """The module server's handler: sends the module's log records to the parent, where assertLogs and pytest's caplog see them."""

    def __init__(self, send):
        super().__init__(logging.DEBUG)
        self.send = send

    def emit(self, record):
        """Forward one record (message already formatted; exception as text): each is counted by the trusted side."""
        try:
            exc_text = logging.Formatter().formatException(record.exc_info) if record.exc_info else None
            self.send({"op": "log", "record": {
                "name": str(record.name)[:200], "levelno": int(record.levelno), "levelname": str(record.levelname)[:20],
                "msg": record.getMessage()[:4000], "exc_text": exc_text[-4000:] if exc_text else None,
                "pathname": str(record.pathname)[:300], "lineno": int(record.lineno), "funcName": str(record.funcName)[:100]}})
        except Exception:  # noqa: BLE001 - logging must never break the module
            pass


def relay_log(record):
    """Re-emit one of the module's log records here, through the logger of the same name."""
    if not isinstance(record, dict):
        return
    fields = {key: record[key] for key, kind in LOG_FIELDS.items() if type(record.get(key)) is kind}
    if "name" not in fields or "levelno" not in fields:
        return
    logger = logging.getLogger(fields["name"][:200])
    if logger.isEnabledFor(fields["levelno"]):
        logger.handle(logging.makeLogRecord({**fields, "args": None}))


def one_way_channel(buffer_bytes):
    """(read_fd, write_fd): the trusted side reads (non-blocking), the module's process writes. A Unix stream
    socket pair, not a pipe: a pipe's write end can be opened again for reading through /proc/self/fd/N (even
    by libc through ctypes), so the module could read back and drop what it wrote before the trusted side
    counted it; a socket cannot be opened that way (ENXIO), and its write end never receives what was sent."""
    trusted, module_end = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    for end, option in ((trusted, socket.SO_RCVBUF), (module_end, socket.SO_SNDBUF)):
        try:
            end.setsockopt(socket.SOL_SOCKET, option, buffer_bytes)  # fewer round trips for a flood
        except OSError:
            pass
    trusted.shutdown(socket.SHUT_WR)
    read_fd, write_fd = trusted.detach(), module_end.detach()
    os.set_blocking(read_fd, False)
    return read_fd, write_fd


def stuck_frames(dump, module_file):
    """(function, line) of the module's frames in a faulthandler dump, innermost first, first thread."""
    frames = []
    for line in dump.splitlines()[:400]:
        text = line.strip()
        if text.startswith(("Thread ", "Current thread ")) and frames:
            break
        if not text.startswith('File "'):
            continue
        path, _, rest = text[6:].partition('", line ')
        number, _, function = rest.partition(" in ")
        if path == module_file and number.isdigit():
            frames.append((function[:100], int(number)))
    return frames


CHUNK = 1 << 20
# Log records re-emitted in the trusted process; the rest are counted only.
RELAYED_LOGS = 10_000


class OutputDrain:
    """Characters the module wrote to its stdout/stderr or logged, over every server started."""

    def __init__(self):
        self.fd = -1
        self.total = 0
        self.logs = 0
        self.buffer = bytearray(CHUNK)

    def pipe(self):
        """A fresh channel for a new server: keeps its read end, returns the write end for the child."""
        self.close()
        self.fd, write_fd = one_way_channel(CHUNK)
        return write_fd

    def drain(self, reads=64):
        """Count what the pipe holds now (at most ``reads`` chunks), without waiting."""
        for _ in range(reads):
            if self.fd < 0:
                return
            try:
                size = os.readv(self.fd, [self.buffer])
            except BlockingIOError:
                return
            except OSError:
                size = 0
            if not size:
                os.close(self.fd)  # every writer is gone
                self.fd = -1
                return
            self.total += size

    def wait(self, seconds):
        """Wait up to ``seconds`` for output (or return at once without a pipe), counting it."""
        if self.fd < 0:
            select.select([], [], [], seconds)
            return
        if select.select([self.fd], [], [], seconds)[0]:
            self.drain()

    def receive(self, sock, reports=None):
        """The next frame from ``sock``; the output that arrives meanwhile is counted, and ``reports``
        (blocked_report.BlockedReports) read."""
        while True:
            pipes = [pipe for pipe in (self, reports) if pipe is not None and pipe.fd >= 0]
            if not pipes:
                break
            ready = select.select([sock, *(pipe.fd for pipe in pipes)], [], [])[0]
            for pipe in pipes:
                if pipe.fd in ready:
                    pipe.drain()
            if sock in ready:
                break
        return recv_frame(sock)

    def log(self, record):
        """Count one relayed log record; whether it is still re-emitted here."""
        if isinstance(record, dict):
            self.total += sum(len(record[key]) for key in ("msg", "exc_text") if type(record.get(key)) is str) + 1
        self.logs += 1
        return self.logs <= RELAYED_LOGS

    @property
    def dropped(self):
        """Log records counted but not re-emitted (past RELAYED_LOGS)."""
        return max(0, self.logs - RELAYED_LOGS)

    def close(self):
        """Count what is left and drop the read end."""
        if self.fd >= 0:
            self.drain(reads=16)
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1

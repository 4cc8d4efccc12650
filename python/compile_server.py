"""Answer compile requests, one JSON line in, one JSON line out, until stdin closes.

Each request is {"id": n, "name": str, "source": str, "pieces"?: [line, ...]}; each answer is
{"id": n, "ok": bool, "version": str, "line"?, "column"?, "message"?}. The source is
compiled, never run. backsmith keeps one such process per interpreter so that a batch
of modules pays the interpreter's start-up cost once.

"pieces" lists the lines where a large module may be cut into pieces compiled one by one:
the compiler merges equal constants across a whole module, which costs time quadratic in
the number of alike functions (1 MB of small classes took 1.5 s whole, 0.5 s in pieces).
The answer never depends on where the cuts are: pieces that each compile make a module
that compiles (see `verdict_in_pieces`), and any piece that fails sends the whole module
to the compiler, whose verdict is then the answer.
"""
import __future__
import json
import sys

VERSION = sys.version.split()[0]

# The bits of a code object's flags that future imports set (nested_scopes' old 0x10 is not one),
# but barry_as_FLUFL's: given as a flag it changes the parser, which its import does not.
FUTURE_FLAGS = 0
for _feature in __future__.all_feature_names:
    FUTURE_FLAGS |= getattr(__future__, _feature).compiler_flag
FUTURE_FLAGS &= ~0xFFFF & ~__future__.barry_as_FLUFL.compiler_flag


def verdict(source: str, name: str) -> dict:
    """Compile one source text and describe the outcome."""
    try:
        compile(source, name, "exec", dont_inherit=True)
    except SyntaxError as error:
        return {"ok": False, "line": error.lineno or 0, "column": error.offset or 0,
                "message": error.msg, "version": VERSION}
    except (ValueError, MemoryError, RecursionError) as error:
        return {"ok": False, "line": 0, "column": 0, "message": str(error), "version": VERSION}
    return {"ok": True, "version": VERSION}


def pieces_at(source: str, starts: object) -> list | None:
    """The source cut before each of `starts` (1-based lines, increasing), or None for a bad list."""
    if not isinstance(starts, list) or not starts:
        return None
    pieces = []
    line = 1
    position = 0
    cut = 0
    for start in starts:
        if not isinstance(start, int) or start <= line:
            return None
        while line < start:
            found = source.find("\n", position)
            if found < 0:
                return None
            position = found + 1
            line += 1
        pieces.append(source[cut:position])
        cut = position
    pieces.append(source[cut:])
    return pieces


def verdict_in_pieces(source: str, name: str, starts: object) -> dict:
    """
    Compile a module piece by piece, falling back to the whole module when any piece fails.

    Every piece after the first is compiled after a `pass` line, with the first piece's future
    imports: a future import that starts a later piece is then the error it is in the whole
    module, and `from __future__ import annotations` still applies. A piece
    that compiles ends with no open bracket, string or line continuation, so the pieces'
    statements are the whole module's statements. The one check that spans statements of the
    module's own scope is `global` (a name used before its declaration): a module with that word
    anywhere is compiled whole.
    """
    pieces = None if "global" in source else pieces_at(source, starts)
    if pieces is None:
        return verdict(source, name)
    try:
        first = compile(pieces[0], name, "exec", dont_inherit=True)
        flags = first.co_flags & FUTURE_FLAGS
        for piece in pieces[1:]:
            compile("pass\n" + piece, name, "exec", flags=flags, dont_inherit=True)
    except Exception:  # Any failure is judged on the whole module, so its message and line are the real ones.
        return verdict(source, name)
    return {"ok": True, "version": VERSION}


def main() -> None:
    """Serve requests from stdin until it closes."""
    for line in sys.stdin:
        request = json.loads(line)
        source = request["source"]
        name = request.get("name", "<module>")
        pieces = request.get("pieces")
        answer = verdict(source, name) if pieces is None else verdict_in_pieces(source, name, pieces)
        answer["id"] = request["id"]
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


main()

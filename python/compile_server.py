"""Answer compile requests, one JSON line in, one JSON line out, until stdin closes.

Each request is {"id": n, "name": str, "source": str}; each answer is
{"id": n, "ok": bool, "version": str, "line"?, "column"?, "message"?}. The source is
compiled, never run. backsmith keeps one such process per interpreter so that a batch
of modules pays the interpreter's start-up cost once.
"""
import json
import sys

VERSION = sys.version.split()[0]


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


def main() -> None:
    """Serve requests from stdin until it closes."""
    for line in sys.stdin:
        request = json.loads(line)
        answer = verdict(request["source"], request.get("name", "<module>"))
        answer["id"] = request["id"]
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


main()

"""Report whether Python source compiles, as JSON on stdout.

Reads the source from stdin and compiles it without running it. Used by backsmith
as the syntax authority: CPython's own parser decides what is valid Python.
"""
import json
import sys


def main() -> None:
    """Compile stdin and print a JSON verdict."""
    source = sys.stdin.buffer.read()
    name = sys.argv[1] if len(sys.argv) > 1 else "<module>"
    verdict = {"ok": True, "version": sys.version.split()[0]}
    try:
        compile(source, name, "exec", dont_inherit=True)
    except SyntaxError as error:
        verdict.update(ok=False, line=error.lineno or 0, column=error.offset or 0,
                       message=error.msg, kind=type(error).__name__)
    except (ValueError, MemoryError, RecursionError) as error:
        verdict.update(ok=False, line=0, column=0, message=str(error), kind=type(error).__name__)
    sys.stdout.write(json.dumps(verdict))


main()

"""Hostile fixture: prints 100 MB at import; output must be captured and capped."""
import os
import sys

CHUNK = "x" * (1024 * 1024)
for _ in range(100):
    sys.stdout.write(CHUNK)

if __name__ == "__main__":
    # Run as a script (no harness capture): flood the real file descriptor.
    raw = CHUNK.encode()
    for _ in range(100):
        os.write(1, raw)

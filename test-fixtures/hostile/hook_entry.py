"""Hostile fixture, round six: aborts its reads of the tests at the audit hook's first instruction, unreported.

An exception that lands when the hook is entered, before its first instruction, aborts the action before the hook can
judge or report it. _thread.interrupt_main() from a thread of the module trips the main thread's SIGINT handler (a
KeyboardInterrupt at the next instruction, maybe the hook's first), and a handler of its own can do the same. Each
method counts the reads aborted that way (the traceback ends in the hook's first instruction) and says so in its
message; every answer is right otherwise.
"""
import _thread
import os
import signal
import threading
import time
from typing import Any

TESTS = os.path.join(os.path.dirname(os.getcwd()), "tests")


def _unjudged(error: BaseException) -> bool:
    """Whether ``error`` was raised at the hook's first instruction (its frame is the innermost, at its start)."""
    trace = error.__traceback__
    while trace is not None and trace.tb_next is not None:
        trace = trace.tb_next
    return trace is not None and trace.tb_frame.f_code.co_name == "_hook" and trace.tb_lasti <= 8


def _read_while_interrupted(seconds: float) -> int:
    """Read the tests again and again while a thread interrupts the main thread; the reads never judged."""
    state = {"run": True, "unjudged": 0, "deadline": time.monotonic() + seconds, "attempts": 0}

    def pester() -> None:
        while state["run"]:
            _thread.interrupt_main()
            time.sleep(0.0002)

    worker = threading.Thread(target=pester, daemon=True)
    for phase in ("start", "read", "stop", "drain"):
        while True:
            try:
                if phase == "start" and worker.ident is None:
                    worker.start()
                elif phase == "read":
                    while time.monotonic() < state["deadline"] and state["attempts"] < 20_000:
                        try:
                            state["attempts"] += 1
                            os.listdir(TESTS)
                        except KeyboardInterrupt as error:
                            state["unjudged"] += 1 if _unjudged(error) else 0
                        except PermissionError:
                            pass
                elif phase == "stop":
                    state["run"] = False
                    worker.join()
                elif phase == "drain":
                    time.sleep(0.05)
                break
            except KeyboardInterrupt:
                continue
    return state["unjudged"]


class Entry:
    """Answers right; reads its tests where the hook cannot see."""

    def interrupt_main(self) -> dict[str, Any]:
        """Interrupt the main thread from a thread while reading the tests."""
        return {"success": True, "message": f"{_read_while_interrupted(0.5)} unjudged", "data": 1}

    def own_handler(self) -> dict[str, Any]:
        """Install a handler of its own (refused off the main thread) and read the tests under its alarm."""
        try:
            previous = signal.signal(signal.SIGALRM, signal.default_int_handler)
        except ValueError:
            return {"success": True, "message": "no handler", "data": 2}
        signal.setitimer(signal.ITIMER_REAL, 0.0002, 0.0002)
        try:
            unjudged = _read_while_interrupted(0.5)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0, 0)
            signal.signal(signal.SIGALRM, previous)
        return {"success": True, "message": f"{unjudged} unjudged", "data": 2}

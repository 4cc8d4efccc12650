"""The module's process (stdlib only): the thread its code runs in; at its end, its stack when stuck, the threads that
keep it alive, a real exit.

The probe asks the module server to end the way an interpreter ends a program (a Gradio app
stopping): Python waits for every non-daemon thread, then runs the atexit handlers. A server that
is still alive a moment later would keep the app from shutting down (runtime/shutdown-blocked).
"""
import os
import select
import signal
import sys
import threading
import time


def off_main_thread(function, *args):
    """Run ``function(*args)`` (the module's import and every request) in a thread of its own; the main thread only waits.

    Python runs signal handlers in the main thread only, and only the main thread may install one (signal.signal raises
    ValueError elsewhere; _thread.interrupt_main reaches the main thread only). The module's code never runs there, so
    nothing can be raised asynchronously into its threads: a signal handler of the module, or a KeyboardInterrupt,
    landing at the audit hook's first instruction aborted the action before the hook could judge or report it
    (test-fixtures/hostile/hook_entry.py). A Gradio app calls a backend's methods from worker threads too. SIGINT is
    ignored, so _thread.interrupt_main does nothing; the main thread runs no code the module could interrupt."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # past the file-size limit a write fails instead of killing (apply_limits)
    # Not a daemon: threads inherit that, and the module's threads must be what they would be in a program's main thread.
    worker = threading.Thread(target=function, args=args, name="backsmith-module")
    worker.start()
    while worker.is_alive():
        try:
            worker.join()
        except BaseException:  # noqa: BLE001 - nothing of the module's reaches here; never leave it running alone
            pass
    if _ASKED:
        shut_down()


def lingering_threads(module_file, limit=8):
    """The non-daemon threads besides the main one and this one (off_main_thread), each with the innermost line of the module it runs."""
    threading = sys.modules.get("threading")
    if threading is None:
        return []
    frames = sys._current_frames()
    found = []
    for thread in threading.enumerate()[:100]:
        if thread is threading.main_thread() or thread is threading.current_thread() or thread.daemon:
            continue
        frame, where = frames.get(thread.ident), {"line": 0, "function": ""}
        for _ in range(64):
            if frame is None:
                break
            if frame.f_code.co_filename == module_file:
                where = {"line": frame.f_lineno, "function": frame.f_code.co_name[:100]}
                break
            frame = frame.f_back
        found.append({"name": str(thread.name)[:100], **where})
        if len(found) >= limit:
            break
    return found


_ASKED = []


def shut_down():
    """End as the interpreter ends a program: join the non-daemon threads, run atexit, then exit. Off the main thread
    (off_main_thread) the thread ends and the main thread does it: threading._shutdown waits for the main thread."""
    if threading.current_thread() is not threading.main_thread():
        _ASKED.append(True)
        raise SystemExit
    try:
        threading._shutdown()
        import atexit
        atexit._run_exitfuncs()
    finally:
        os._exit(0)


def wait_exit(pid, seconds, pause=time.sleep):
    """Whether the child ``pid`` ended within ``seconds`` (left unreaped: the caller reaps it);
    ``pause(seconds)`` waits between looks (the trusted side counts the child's output meanwhile)."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            if os.waitid(os.P_PID, pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is not None:
                return True
        except ChildProcessError:
            return True
        if time.monotonic() >= deadline:
            return False
        pause(0.02)


def read_dump(fd, limit):
    """The stack dump the stuck server writes to ``fd`` on SIGUSR1 (faulthandler), up to ``limit`` bytes."""
    chunks, size = [], 0
    deadline = 2.0  # a loaded machine may take a while to schedule the stuck process
    while size < limit:
        ready, _, _ = select.select([fd], [], [], deadline)
        if not ready:
            break
        chunk = os.read(fd, limit - size)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
        deadline = 0.1
    return b"".join(chunks).decode("utf-8", "replace")

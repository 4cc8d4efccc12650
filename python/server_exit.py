"""The module's process at its end (stdlib only): its stack when stuck, the threads that keep it alive, a real exit.

The probe asks the module server to end the way an interpreter ends a program (a Gradio app
stopping): Python waits for every non-daemon thread, then runs the atexit handlers. A server that
is still alive a moment later would keep the app from shutting down (runtime/shutdown-blocked).
"""
import os
import select
import sys
import time


def lingering_threads(module_file, limit=8):
    """The non-daemon threads besides the main one, each with the innermost line of the module it runs."""
    threading = sys.modules.get("threading")
    if threading is None:
        return []
    frames = sys._current_frames()
    found = []
    for thread in threading.enumerate()[:100]:
        if thread is threading.main_thread() or thread.daemon:
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


def shut_down():
    """End as the interpreter ends a program: join the non-daemon threads, run atexit, then exit."""
    try:
        threading = sys.modules.get("threading")
        if threading is not None:
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

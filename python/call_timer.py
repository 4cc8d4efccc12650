"""A time limit for one call, raised into it from SIGALRM (stdlib only)."""
import signal
import time


class CallTimer:
    """Interrupts a call that runs past its limit by raising ``error`` from SIGALRM."""

    TICK = 0.05

    def __init__(self, error):
        self.error = error
        self.active = False
        signal.signal(signal.SIGALRM, self._alarm)

    def _alarm(self, signum, frame):
        if self.active:
            raise self.error("time limit exceeded")

    def run(self, seconds, function, *args, **kwargs):
        """Run ``function``; return (value, exception, elapsed, timed_out)."""
        started = time.perf_counter()
        value, raised = None, None
        self.active = True
        try:
            signal.setitimer(signal.ITIMER_REAL, seconds, self.TICK)
            value = function(*args, **kwargs)
        except BaseException as error:  # noqa: BLE001 - the caller classifies it
            raised = error
        finally:
            self.active = False
            signal.setitimer(signal.ITIMER_REAL, 0, 0)
        elapsed = time.perf_counter() - started
        timed_out = isinstance(raised, self.error) or elapsed > seconds
        return value, raised, elapsed, timed_out

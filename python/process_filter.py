"""A kernel filter that ends the module server when it starts a process, signals another one, or changes another
process's scheduling or limits past the audit hook.

The audit hook blocks and reports every process start and signal it sees, but some raise no audit event: a fresh
copy of a module built into the interpreter (importlib.import_module("_posixsubprocess") where it is built in, as in
Debian's python3, raises no import event and brings back the original fork_exec), os.pidfd_open and
signal.pidfd_send_signal; and os.setpriority, os.nice, os.sched_setaffinity, os.sched_setscheduler and
os.sched_setparam raise none at all, though they reach any process of the same uid (the trusted runner, which holds
the report channel, shares it). The module server never needs to start a process (every way the standard library
has is blocked by the hook before the system call), nor to reach another one, so the forked server installs a
seccomp filter before it becomes a fresh interpreter (module_server.clean_start: the filter outlives the exec): a
fork, a clone that is not a thread, pidfd_open, pidfd_send_signal, or setpriority, ioprio_set, sched_setaffinity,
sched_setparam, sched_setscheduler, sched_setattr or prlimit64 aimed at anything but this process (pid 0 or its own;
a process group or a user is not this process) kills the process with SIGSYS, which the trusted side reports
(blocked_report.BlockedReports.exited). Its own priority, affinity and limits stay the module's to change (os.nice).
clone3 answers ENOSYS, so threads are made with clone. Stdlib only (ctypes, which the fresh interpreter never loads).
"""
import os
import struct

_PR_SET_NO_NEW_PRIVS, _PR_SET_SECCOMP, _SECCOMP_MODE_FILTER = 38, 22, 2
_LOAD, _JUMP_EQUAL, _JUMP_AT_LEAST, _JUMP_SET, _RETURN = 0x20, 0x15, 0x35, 0x45, 0x06
_ALLOW, _KILL, _NO_SYSTEM_CALL = 0x7FFF0000, 0x80000000, 0x00050000 | 38  # ENOSYS
_CLONE_THREAD = 0x00010000
_PRIO_PROCESS, _IOPRIO_WHO_PROCESS = 0, 1
# Per architecture: its audit number, the system calls killed, clone3 (ENOSYS), clone, the calls whose first argument
# is a pid (sched_setparam, sched_setscheduler, sched_setaffinity, sched_setattr, prlimit64), setpriority, ioprio_set.
_ARCHITECTURES = {
    "x86_64": (0xC000003E, (57, 58, 434, 424), 435, 56, (142, 144, 203, 314, 302), 141, 251),
    "aarch64": (0xC00000B7, (434, 424), 435, 220, (118, 119, 122, 274, 261), 140, 30),
}


def _argument(index):
    """The offset of a system call argument's low 32 bits in seccomp_data (the kernel reads a pid_t or int there)."""
    return 16 + 8 * index


def _assemble(lines):
    """Instructions from ``lines``: (code, value, label if true, label if false) or a label (str); jumps resolved."""
    labels, at = {}, 0
    for line in lines:
        if isinstance(line, str):
            labels[line] = at
        else:
            at += 1
    program = []
    for line in lines:
        if isinstance(line, str):
            continue
        code, value, when_true, when_false = line
        here = len(program) + 1
        program.append((code, labels[when_true] - here if when_true else 0,
                        labels[when_false] - here if when_false else 0, value))
    return program


def _own(label_ok, pid):
    """Jump to ``label_ok`` when the loaded value is 0 or ``pid`` (this process), else to kill."""
    return [(_JUMP_EQUAL, 0, label_ok, None), (_JUMP_EQUAL, pid, label_ok, "kill")]


def _program(architecture, pid):
    """The filter's instructions (code, jump if true, jump if false, value) for ``architecture``, or None."""
    known = _ARCHITECTURES.get(architecture)
    if known is None:
        return None
    audit_arch, killed, answered, clone, by_pid, set_priority, io_priority = known
    lines = [(_LOAD, 4, None, None), (_JUMP_EQUAL, audit_arch, None, "kill"), (_LOAD, 0, None, None),
             (_JUMP_AT_LEAST, 0x40000000, "kill", None)]  # x32 numbers on x86_64
    lines += [(_JUMP_EQUAL, number, "kill", None) for number in killed]
    lines += [(_JUMP_EQUAL, answered, "enosys", None), (_JUMP_EQUAL, clone, "clone", None)]
    lines += [(_JUMP_EQUAL, number, "by-pid", None) for number in by_pid]
    lines += [(_JUMP_EQUAL, set_priority, "priority", None), (_JUMP_EQUAL, io_priority, "io-priority", None),
              (_RETURN, _ALLOW, None, None)]
    lines += ["clone", (_LOAD, _argument(0), None, None), (_JUMP_SET, _CLONE_THREAD, "allow", "kill")]
    lines += ["by-pid", (_LOAD, _argument(0), None, None), *_own("allow", pid)]
    lines += ["priority", (_LOAD, _argument(0), None, None), (_JUMP_EQUAL, _PRIO_PROCESS, "who", "kill")]
    lines += ["io-priority", (_LOAD, _argument(0), None, None), (_JUMP_EQUAL, _IOPRIO_WHO_PROCESS, "who", "kill")]
    lines += ["who", (_LOAD, _argument(1), None, None), *_own("allow", pid)]
    lines += ["allow", (_RETURN, _ALLOW, None, None), "kill", (_RETURN, _KILL, None, None),
              "enosys", (_RETURN, _NO_SYSTEM_CALL, None, None)]
    return _assemble(lines)


def install():
    """Install the filter on this process (and what it execs); False where it cannot be (no seccomp, another
    architecture), and nothing changes then."""
    program = _program(os.uname().machine, os.getpid())
    if program is None:
        return False
    try:
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        code = b"".join(struct.pack("=HBBI", *instruction) for instruction in program)
        buffer = ctypes.create_string_buffer(code, len(code))
        header = struct.pack("=HxxxxxxQ", len(program), ctypes.addressof(buffer))
        if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
            return False
        return libc.prctl(_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER, ctypes.c_char_p(header), 0, 0) == 0
    except (OSError, AttributeError, ImportError):
        return False

"""A kernel filter that ends the module server when it starts a process or signals another one past the audit hook.

The audit hook blocks and reports every process start and signal it sees, but some raise no audit event: a fresh
copy of a module built into the interpreter (importlib.import_module("_posixsubprocess") where it is built in, as in
Debian's python3, raises no import event and brings back the original fork_exec), os.pidfd_open and
signal.pidfd_send_signal. The module server never needs to start a process (every way the standard library has is
blocked by the hook before the system call), so the forked server installs a seccomp filter before it becomes a
fresh interpreter (module_server.clean_start: the filter outlives the exec): a fork, a clone that is not a thread,
pidfd_open or pidfd_send_signal kills the process with SIGSYS, which the trusted side reports
(blocked_report.BlockedReports.exited). clone3 answers ENOSYS, so threads are made with clone. Stdlib only (ctypes,
which the fresh interpreter never loads).
"""
import os
import struct

_PR_SET_NO_NEW_PRIVS, _PR_SET_SECCOMP, _SECCOMP_MODE_FILTER = 38, 22, 2
_LOAD, _JUMP_EQUAL, _JUMP_AT_LEAST, _JUMP_SET, _RETURN = 0x20, 0x15, 0x35, 0x45, 0x06
_ALLOW, _KILL, _NO_SYSTEM_CALL = 0x7FFF0000, 0x80000000, 0x00050000 | 38  # ENOSYS
_CLONE_THREAD = 0x00010000
# Per architecture: its audit number and the system calls (killed, answered ENOSYS, and clone).
_ARCHITECTURES = {
    "x86_64": (0xC000003E, (57, 58, 434, 424), 435, 56),  # fork, vfork, pidfd_open, pidfd_send_signal; clone3; clone
    "aarch64": (0xC00000B7, (434, 424), 435, 220),
}


def _program(architecture):
    """The filter's instructions (code, jump if true, jump if false, value) for ``architecture``, or None."""
    known = _ARCHITECTURES.get(architecture)
    if known is None:
        return None
    audit_arch, killed, answered, clone = known
    body = [(_LOAD, 0, 0, 0)]  # the system call's number
    body.append((_JUMP_AT_LEAST, 0, 0, 0x40000000))  # x32 numbers on x86_64: killed (placeholder jumps, below)
    for number in killed:
        body.append((_JUMP_EQUAL, 0, 0, number))
    body.append((_JUMP_EQUAL, 0, 0, answered))
    body.append((_JUMP_EQUAL, 0, 0, clone))
    body.append((_RETURN, 0, 0, _ALLOW))
    # Then: [clone] load the flags, a thread is allowed; [kill]; [ENOSYS].
    clone_at = len(body) + 2  # after the two instructions that check the architecture
    kill_at = clone_at + 3
    enosys_at = kill_at + 1
    program = [(_LOAD, 0, 0, 4), (_JUMP_EQUAL, 0, 0, audit_arch)]
    program[1] = (_JUMP_EQUAL, 0, kill_at - 2, audit_arch)
    for index, (code, _, _, value) in enumerate(body, start=2):
        target = None
        if code == _JUMP_AT_LEAST or (code == _JUMP_EQUAL and value in killed):
            target = kill_at
        elif code == _JUMP_EQUAL and value == answered:
            target = enosys_at
        elif code == _JUMP_EQUAL and value == clone:
            target = clone_at
        program.append((code, target - index - 1, 0, value) if target is not None else (code, 0, 0, value))
    program += [(_LOAD, 0, 0, 16), (_JUMP_SET, 0, 1, _CLONE_THREAD), (_RETURN, 0, 0, _ALLOW),
                (_RETURN, 0, 0, _KILL), (_RETURN, 0, 0, _NO_SYSTEM_CALL)]
    return program


def install():
    """Install the filter on this process (and what it execs); False where it cannot be (no seccomp, another
    architecture), and nothing changes then."""
    program = _program(os.uname().machine)
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

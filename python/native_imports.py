"""Native code the module server refuses: what walks past the audit hook (stdlib only).

ctypes and cffi call libc and write raw memory where no audit event is raised (the kernel's walls still
hold, but nothing reports what they refused: a read of the tests where the kernel has no Landlock
succeeds), and a subinterpreter runs without the hook. The module server is a fresh interpreter without
them in memory (module_server.clean_start), so refusing the import refuses them. ``judge_import`` is one of
the audit policy's functions (sandbox_guard): it reads nothing but its arguments. And
``_posixsubprocess.fork_exec`` starts a program with no audit event at all (a fresh interpreter without the
hook, ``cat`` of the tests where the kernel has no Landlock): close_fork_exec replaces it before the hook is
installed.
"""
import sys
# Modules that run native code past this hook (libc calls, raw memory) or code in an interpreter without it.
# Importing one is refused (an ImportError, so `try: import ctypes except ImportError` in a library still
# works) and reported; when a third-party package asked for it (numpy tries ctypes at import), reported as a warning.
# _posixsubprocess is imported (and its fork_exec replaced) before the hook is installed (close_fork_exec): an import
# event for it afterwards is a second copy of the unaudited fork_exec being loaded.
NATIVE_MODULES = frozenset({"ctypes", "_ctypes", "_ctypes_test", "cffi", "_cffi_backend", "_testcapi", "_testinternalcapi",
                            "_xxsubinterpreters", "_xxinterpchannels", "_interpreters", "_interpchannels", "_posixsubprocess"})
NATIVE_FILES = tuple(name + "." for name in NATIVE_MODULES)


def judge_import(args, tools):
    """(kind, detail) when an import loads native code past the hook (``quiet``: a third-party package asked), else None."""
    length, native_names, native_files, getframe, helpers, plain = (
        tools[15], tools[21], tools[22], tools[23], tools[24], tools[29])
    # Plain copies: a str subclass's split or startswith would be the module's code, answering "not native".
    name = (plain(args[0], tools) if length(args) > 0 else None) or ""
    # The extension loader's event carries the file too: a native module loaded under another name.
    file = (plain(args[1], tools) if length(args) > 1 else None) or ""
    if file and ("/.." in file or not file.startswith(tools[38])):
        # An extension from anywhere but the interpreter's own read-only folders: one the module wrote (its own
        # folder is writable, and not mounted noexec everywhere), loaded under any name, runs native code unaudited.
        return "native", "import " + name + " (" + file + "): an extension outside the interpreter's folders"
    if name.split(".")[0] not in native_names and not file[file.rfind("/") + 1:].startswith(native_files):
        return None
    frame = getframe(0)
    steps = 0
    while frame is not None and steps < 200 and ((plain(frame.f_code.co_filename, tools) or "").startswith("<frozen")
                                                  or (plain(frame.f_code.co_filename, tools) or "").startswith(helpers)):
        frame = frame.f_back
        steps += 1
    where = (plain(frame.f_code.co_filename, tools) if frame is not None else None) or ""
    # Which code asked is read from the stack, which the module can forge (code compiled under a package's file
    # name): so a "quiet" refusal is reported all the same, as kind native-package (a warning, not an error).
    quiet = "/site-packages/" in where or "/dist-packages/" in where
    return ("quiet" if quiet else "native"), "import " + name + (" (" + file + ")" if file else "")


def close_fork_exec():
    """Replace ``_posixsubprocess.fork_exec`` (subprocess's and multiprocessing's way to start a program, which
    raises no audit event) by one that raises the audited event the hook blocks and reports, and starts nothing.
    The original is dropped (the module is multi-phase: importing it again would make a fresh one, and that
    import is refused)."""
    import _posixsubprocess

    def fork_exec(*args, _audit=sys.audit):
        """Refused: the audit hook blocks and reports it as a process start."""
        program = args[1] if len(args) > 1 else args[:1]
        _audit("subprocess.Popen", program, args[0] if args else None, None, None)
        raise PermissionError("backsmith sandbox: process access is blocked (_posixsubprocess.fork_exec)")

    _posixsubprocess.fork_exec = fork_exec
    subprocess = sys.modules.get("subprocess")
    if subprocess is not None and hasattr(subprocess, "_fork_exec"):
        subprocess._fork_exec = fork_exec

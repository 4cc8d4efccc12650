import { testCheck } from '../../test-support/check-tester.js';
import { subprocess } from './subprocess.js';

testCheck(subprocess, {
  valid: [
    'import os\n\n\ndef where() -> str:\n    return os.path.join(os.getcwd(), "x")\n',
    { name: 'methods named run or system on other objects', code: 'class Engine:\n    def go(self) -> None:\n        self.run()\n        self.system("x")\n' },
  ],
  invalid: [
    { name: 'subprocess, os.system/popen/exec and pty under aliases', code: `import os
import pty
import subprocess as sp
from os import system, popen as open_pipe
from subprocess import check_output


def shell(command: str) -> None:
    sp.run(command, shell=True)
    system(command)
    open_pipe(command)
    os.execvp("ls", ["ls"])
    check_output(["ls"])
    pty.spawn("/bin/sh")
`, findings: [
      { line: 9, messageIncludes: 'starts a process (subprocess.run)', symbol: 'shell' },
      { line: 10, messageIncludes: '(os.system)' },
      { line: 11, messageIncludes: '(os.popen)' },
      { line: 12, messageIncludes: '(os.execvp)' },
      { line: 13, messageIncludes: '(subprocess.check_output)' },
      { line: 14, messageIncludes: '(pty.spawn)' },
    ] },
    { name: 'calls hidden in a nested function and a class body', code: `import os


class Jobs:
    RESULT = os.system("id")

    def run(self) -> None:
        def inner() -> None:
            os.popen("id")

        inner()
`, findings: [
      { line: 5, messageIncludes: '`os.system(...)` starts a process (os.system)', symbol: 'Jobs' },
      { line: 9, messageIncludes: '(os.popen)', symbol: 'Jobs.run' },
    ] },
    { name: 'the private spawner and libc through ctypes', code: `import ctypes
import _posixsubprocess as spawner
from multiprocessing import Process


def run() -> None:
    spawner.fork_exec(["/bin/sh"], [b"/bin/sh"], True, (), None, None, -1, -1, -1, -1, -1, -1, -1, -1, False, False, None, None, None, -1, None)
    ctypes.CDLL(None).system(b"id")
    Process(target=print).start()
`, findings: [
      { line: 7, messageIncludes: '(_posixsubprocess.fork_exec)' },
      { line: 8, messageIncludes: 'starts a process (ctypes.CDLL(None).system)' },
      { line: 9, messageIncludes: '(multiprocessing.Process)' },
    ] },
  ],
});

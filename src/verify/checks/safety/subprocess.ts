import { defineCheck, type CheckReport } from '../../check.js';
import { callSites, hiddenCalls, isUnder, quoteCall } from './support/call-sites.js';

/** Canonical callees that start programs or shells. */
const PROCESS_APIS = /^(subprocess(\..+)?|os\.(system|popen|exec[lv]p?e?|spawn[lv]p?e?|posix_spawnp?|fork|forkpty|startfile)|pty\.(spawn|fork)|asyncio\.create_subprocess_(exec|shell)|platform\.popen|commands\..+|_posixsubprocess\..+|multiprocessing\.(Process|Pool|get_context)|concurrent\.futures\.ProcessPoolExecutor)$/;
/** libc's process functions reached through ctypes: `ctypes.CDLL(None).system(b"...")`. */
const NATIVE_PROCESS_CALL = /^_?ctypes\b.*\.(system|popen|exec[lv]p?e?|fork|vfork|posix_spawnp?)$/;

/** `safety/subprocess`: no programs or shells started from a backend module. */
export const subprocess = defineCheck({
  id: 'safety/subprocess',
  category: 'safety',
  severity: 'error',
  description: 'The module must not start programs or shells (subprocess, os.system, os.popen, os.exec*/spawn*, pty, asyncio subprocesses, _posixsubprocess, multiprocessing, libc through ctypes): it is a self-contained backend module, and a shell command built from UI input is an injection risk.',
  fixHint: 'Do the work in Python with the standard library instead of calling out to a program.',
  run(context) {
    const reports: CheckReport[] = [];
    const starts = (canonical: string) => PROCESS_APIS.test(canonical) || NATIVE_PROCESS_CALL.test(canonical) || isUnder(canonical, 'subprocess');
    const sites = callSites(context.module);
    for (const site of sites) {
      if (!starts(site.canonical)) continue;
      reports.push({ line: site.call.line, symbol: site.symbol, message: `\`${quoteCall(site.call)}\` starts a process (${site.canonical}); a self-contained backend module must not` });
    }
    // Nested functions and class bodies too: hiding the call one level down must not hide it.
    for (const call of hiddenCalls(context.module, sites)) {
      if (starts(call.canonical)) reports.push({ line: call.line, symbol: call.symbol, message: `\`${call.canonical}(...)\` starts a process (${call.canonical}); a self-contained backend module must not` });
    }
    return reports.sort((a, b) => a.line - b.line);
  },
});

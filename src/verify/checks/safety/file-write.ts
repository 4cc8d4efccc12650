import { importBindings } from '../../../python/import-bindings.js';
import type { CallArgumentFact } from '../../../python/python-model.js';
import { defineCheck, type CheckReport } from '../../check.js';
import { callSites, quoteCall, type CallSite } from './support/call-sites.js';
import { PathOrigins, type PathOrigin } from './support/path-origin.js';

/** A call that writes, moves or deletes files, and the path(s) it touches. */
interface WriteOperation {
  targets: CallArgumentFact[];
  /** What it does, for the message: `writes`, `deletes a directory tree`, ... */
  action: string;
  alwaysError: boolean;
}

const OPEN_FUNCTIONS = new Set(['open', 'io.open', 'codecs.open', 'gzip.open', 'bz2.open', 'lzma.open']);
const PATH_METHODS: Record<string, string> = {
  write_text: 'writes', write_bytes: 'writes', touch: 'creates', mkdir: 'creates a directory at', unlink: 'deletes',
  rmdir: 'deletes a directory at', symlink_to: 'creates a link at', hardlink_to: 'creates a link at',
};
const OS_FUNCTIONS: Record<string, string> = {
  'os.remove': 'deletes', 'os.unlink': 'deletes', 'os.rmdir': 'deletes a directory at', 'os.removedirs': 'deletes directories at',
  'os.rename': 'moves', 'os.renames': 'moves', 'os.replace': 'replaces', 'os.makedirs': 'creates directories at',
  'os.mkdir': 'creates a directory at', 'os.truncate': 'truncates', 'os.chmod': 'changes permissions of',
  'os.chown': 'changes the owner of', 'os.symlink': 'creates a link at', 'os.link': 'creates a link at',
};
/** shutil functions: what they do and which positional argument is the path they change. */
const SHUTIL_FUNCTIONS: Record<string, [string, number]> = {
  'shutil.copy': ['copies a file to', 1], 'shutil.copy2': ['copies a file to', 1], 'shutil.copyfile': ['copies a file to', 1],
  'shutil.copytree': ['copies a tree to', 1], 'shutil.move': ['moves files to', 1], 'shutil.make_archive': ['writes an archive at', 0],
  'shutil.unpack_archive': ['unpacks an archive into', 1],
};

function argument(site: CallSite, position: number, keywords: string[]): CallArgumentFact | undefined {
  const { arguments: values } = site.call;
  return values.find((value) => value.keyword !== null && keywords.includes(value.keyword)) ?? values.filter((value) => value.keyword === null)[position];
}

function writesWithMode(mode: CallArgumentFact | undefined): boolean {
  return mode?.stringValue !== null && mode?.stringValue !== undefined && /[wax+]/.test(mode.stringValue);
}

function writeOperation(site: CallSite, imports: ReadonlyMap<string, string>): WriteOperation | null {
  const { canonical, call } = site;
  const only = (value: CallArgumentFact | undefined): CallArgumentFact[] => (value ? [value] : []);
  if (OPEN_FUNCTIONS.has(canonical)) {
    if (!writesWithMode(argument(site, 1, ['mode']))) return null;
    return { targets: only(argument(site, 0, ['file', 'filename'])), action: 'writes', alwaysError: false };
  }
  if (canonical === 'sqlite3.connect' || canonical === 'sqlite3.dbapi2.connect') {
    const database = argument(site, 0, ['database']);
    // An in-memory database writes nothing; `file::memory:` URIs neither.
    if (database?.stringValue === ':memory:' || /^file:[^?]*:memory:/.test(database?.stringValue ?? '') || /mode=memory/.test(database?.stringValue ?? '')) return null;
    return { targets: only(database), action: 'opens (and creates) a database file at', alwaysError: false };
  }
  if (canonical === 'shelve.open' || canonical === 'dbm.open') {
    const flag = argument(site, 1, ['flag'])?.stringValue ?? (canonical === 'shelve.open' ? 'c' : 'r');
    if (!/[cnw]/.test(flag)) return null;
    return { targets: only(argument(site, 0, ['filename', 'file'])), action: 'writes a database file at', alwaysError: false };
  }
  if (canonical === 'os.open') {
    // Relative to a directory descriptor, a path escapes every check of where it points.
    const directory = call.arguments.find((value) => value.keyword === 'dir_fd');
    const flags = argument(site, 1, ['flags'])?.text ?? '';
    if (directory) return { targets: only(argument(site, 0, ['path'])), action: `opens, relative to the directory descriptor \`${directory.text}\`,`, alwaysError: true };
    if (!/O_(WRONLY|RDWR|CREAT|APPEND|TRUNC)/.test(flags)) return null;
    return { targets: only(argument(site, 0, ['path'])), action: 'writes', alwaysError: false };
  }
  if (canonical === 'shutil.rmtree') return { targets: only(argument(site, 0, ['path'])), action: 'deletes a directory tree at', alwaysError: true };
  const shutil = SHUTIL_FUNCTIONS[canonical];
  if (shutil) return { targets: only(argument(site, shutil[1], ['dst', 'base_name', 'extract_dir'])), action: shutil[0], alwaysError: false };
  const osAction = OS_FUNCTIONS[canonical];
  if (osAction) {
    // A move changes both ends: judge the source and the destination.
    const destination = /moves|replaces/.test(osAction) ? argument(site, 1, ['dst']) : undefined;
    return { targets: [...only(argument(site, 0, ['path', 'src', 'name'])), ...only(destination)], action: osAction, alwaysError: false };
  }
  if (/^logging(\.handlers)?\.(FileHandler|RotatingFileHandler|TimedRotatingFileHandler|WatchedFileHandler)$/.test(canonical)) {
    return { targets: only(argument(site, 0, ['filename'])), action: 'writes a log file at', alwaysError: false };
  }
  if (canonical === 'logging.basicConfig') {
    const filename = call.arguments.find((value) => value.keyword === 'filename');
    return filename ? { targets: [filename], action: 'writes a log file at', alwaysError: false } : null;
  }
  // Methods of path objects: `Path(p).write_text(...)`, `self._file.open("w")`.
  const method = call.callee.split('.').pop() ?? '';
  const first = call.callee.split('.')[0] ?? '';
  if (!call.receiver || imports.has(first) && !call.callee.includes('(')) return null;
  if (PATH_METHODS[method]) return { targets: [call.receiver], action: PATH_METHODS[method], alwaysError: false };
  if (method === 'open' && writesWithMode(argument(site, 0, ['mode']))) return { targets: [call.receiver], action: 'writes', alwaysError: false };
  return null;
}

const RISK: PathOrigin[] = ['absolute', 'home', 'relative', 'computed', 'fixed-temp', 'temp'];

function where(origin: PathOrigin, target: CallArgumentFact | undefined): string {
  const literal = target?.stringValue ?? target?.strings[0];
  switch (origin) {
    case 'absolute': {
      if (literal && target?.stringValue !== null) return `the fixed absolute path '${literal}'`;
      return `a fixed absolute path${target && target.nodeType === 'identifier' ? ` (${target.text})` : ''}`;
    }
    case 'home': return "a path in the user's home directory";
    case 'relative': return `the fixed relative path '${literal ?? ''}' (wherever the working directory happens to be)`;
    case 'fixed-temp': return `a fixed, predictable path in /tmp ('${literal ?? ''}')`;
    default: return 'a path computed at runtime';
  }
}

/** `safety/file-write`: no writes, moves or deletions outside a temporary directory. */
export const fileWrite = defineCheck({
  id: 'safety/file-write',
  category: 'safety',
  severity: 'warning',
  description: 'The module should not write, move or delete files outside a tempfile directory: writes to fixed absolute or home-directory paths, os.open relative to a directory descriptor (dir_fd) and shutil.rmtree are errors; sqlite3/shelve databases on disk count as writes; other writes (computed or relative paths, open(path, "w")) are warnings to review against the design.',
  fixHint: 'Keep state in memory, or write only where the design says, under a tempfile.TemporaryDirectory()/mkdtemp() directory; never delete fixed paths.',
  run(context) {
    const imports = importBindings(context.module);
    const origins = new PathOrigins(context.module, imports);
    const reports: CheckReport[] = [];
    for (const site of callSites(context.module)) {
      const operation = writeOperation(site, imports);
      if (!operation) continue;
      const judged = operation.targets.map((target) => ({ target, origin: origins.ofExpression(target, site.owner) }));
      const worst = judged.sort((a, b) => RISK.indexOf(a.origin) - RISK.indexOf(b.origin))[0];
      const origin = worst?.origin ?? 'computed';
      if (origin === 'temp') continue;
      const isError = operation.alwaysError || origin === 'absolute' || origin === 'home';
      reports.push({
        line: site.call.line,
        symbol: site.symbol,
        severity: isError ? 'error' : 'warning',
        message: `\`${quoteCall(site.call)}\` ${operation.action} ${where(origin, worst?.target)}; a backend module should not touch files outside a temporary directory`,
      });
    }
    return reports;
  },
});

import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { resolvePythonCommand } from '../python/resolve-python-command.js';

const HOST_TIMEOUT_MS = 10_000;

/** Folders every view already holds (read-only), so an interpreter under them needs no mount. */
const SYSTEM_PREFIXES = ['/usr', '/bin', '/sbin', '/lib', '/lib64'];

/** What an interpreter says about itself on the host. */
export interface HostInterpreter {
  /** `sys.executable`: the real interpreter behind a command such as a pyenv shim. */
  executable: string;
  version: string;
  /** `sys.base_prefix`: where its standard library comes from (venvs share their base's). */
  prefix: string;
  /** Host folders the sandbox must see read-only for it to run: its prefixes, its real binary's folder. */
  mounts: string[];
  /** Folders it needs that are not bound because they would show too much (a home, the project). */
  refused: string[];
  /** Symlinks on the way to its binary that live in /etc (`update-alternatives`), recreated in the view. */
  links: Array<[string, string]>;
}

const SCRIPT = [
  'import json, os, sys',
  'path, links = sys.executable, []',
  'while os.path.islink(path) and len(links) < 40:',
  '    target = os.readlink(path); links.append([path, target]); path = os.path.join(os.path.dirname(path), target)',
  'folders = [os.path.realpath(p) for p in (sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix, os.path.dirname(os.path.realpath(sys.executable)))]',
  'print(json.dumps({"executable": sys.executable, "version": sys.version.split()[0], "prefix": sys.base_prefix, "folders": folders, "links": links}))',
].join('\n');

const inside = (child: string, parent: string) => child === parent || child.startsWith(parent.endsWith('/') ? parent : `${parent}/`);

/**
 * The folders to bind: each prefix not already in the view, without nested repeats. A prefix
 * that is `/`, or holds the user's home or the current project, is refused: binding it would
 * show the very files the view hides.
 */
export function interpreterMounts(folders: readonly string[], home = os.homedir(), project = process.cwd()): { mounts: string[]; refused: string[] } {
  const wanted = [...new Set(folders.filter((folder) => folder.startsWith('/')))].filter((folder) => !SYSTEM_PREFIXES.some((system) => inside(folder, system)));
  const refused = wanted.filter((folder) => folder === '/' || inside(home, folder) || inside(project, folder));
  const kept = wanted.filter((folder) => !refused.includes(folder)).sort((a, b) => a.length - b.length);
  const mounts: string[] = [];
  for (const folder of kept) if (!mounts.some((mount) => inside(folder, mount))) mounts.push(folder);
  return { mounts, refused };
}

function query(command: string): Promise<HostInterpreter | null> {
  return new Promise((resolve) => {
    // A pyenv shim resolved without running it (its bash chain costs more than the interpreter's start).
    const child = spawn(resolvePythonCommand(command), ['-I', '-S', '-c', SCRIPT], { stdio: ['ignore', 'pipe', 'ignore'], timeout: HOST_TIMEOUT_MS });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.on('error', () => resolve(null));
    child.on('close', (code) => {
      let answer: { executable?: unknown; version?: unknown; prefix?: unknown; folders?: unknown; links?: unknown };
      try {
        answer = JSON.parse(stdout) as typeof answer;
      } catch {
        return resolve(null);
      }
      const { executable, version, prefix, folders, links } = answer;
      if (code !== 0 || typeof executable !== 'string' || !executable.startsWith('/') || typeof version !== 'string' || typeof prefix !== 'string') return resolve(null);
      const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);
      const pairs = Array.isArray(links) ? links.filter((link): link is [string, string] => Array.isArray(link) && strings(link).length === 2) : [];
      resolve({
        executable, version, prefix,
        ...interpreterMounts(strings(folders).map((folder) => path.normalize(folder))),
        links: pairs.filter(([from]) => from.startsWith('/etc/')),
      });
    });
  });
}

const cache = new Map<string, Promise<HostInterpreter | null>>();

/** Asks an interpreter on the host (as backsmith's own user) where it lives; cached per command. */
export function describeHostInterpreter(command: string): Promise<HostInterpreter | null> {
  let found = cache.get(command);
  if (!found) {
    found = query(command);
    cache.set(command, found);
    // The sandbox is later given the real executable: answer for it from the same query.
    void found.then((host) => {
      if (host && !cache.has(host.executable)) cache.set(host.executable, found!);
    });
  }
  return found;
}

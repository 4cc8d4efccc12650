import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './run-cli.js';

// The packed tarball installed into a fresh project, then run with `npx backsmith` from there.
// npm cannot resolve the dependencies offline here (no registry metadata in the cache), so by
// default the tarball is unpacked as node_modules/backsmith and each declared dependency is linked
// from this repository's node_modules: a dependency missing from package.json still fails to
// resolve. BACKSMITH_PACK_INSTALL=1 runs a real `npm install <tarball>` instead (needs the registry).
const REAL_INSTALL = process.env.BACKSMITH_PACK_INSTALL === '1';
const EXAMPLE = path.join(REPO_ROOT, 'examples', 'clinic_booking');
const PACKAGE = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { name: string; version: string; dependencies: Record<string, string> };

let scratch: string;
let project: string;
let files: string[];

function run(command: string, args: string[], cwd: string, timeout = 45_000) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout, env: { ...process.env, npm_config_update_notifier: 'false', NO_COLOR: '1' } });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

function linkInstall(tarball: string): void {
  const modules = path.join(project, 'node_modules');
  const own = path.join(modules, PACKAGE.name);
  mkdirSync(own, { recursive: true });
  expect(run('tar', ['-xzf', tarball, '-C', own, '--strip-components=1'], project).code).toBe(0);
  for (const name of Object.keys(PACKAGE.dependencies)) {
    const target = path.join(modules, name);
    mkdirSync(path.dirname(target), { recursive: true });
    symlinkSync(path.join(REPO_ROOT, 'node_modules', name), target, 'dir');
  }
  mkdirSync(path.join(modules, '.bin'), { recursive: true });
  symlinkSync(path.join('..', PACKAGE.name, 'bin', 'backsmith.js'), path.join(modules, '.bin', 'backsmith'));
}

beforeAll(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'backsmith-pack-'));
  project = path.join(scratch, 'project');
  mkdirSync(project);
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'pack-probe', version: '1.0.0', private: true }));
  const pack = run('npm', ['pack', '--json', '--pack-destination', scratch], REPO_ROOT);
  expect(pack.code, pack.stderr).toBe(0);
  const [entry] = JSON.parse(pack.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
  files = entry!.files.map((file) => file.path);
  const tarball = path.join(scratch, entry!.filename);
  if (REAL_INSTALL) {
    const install = run('npm', ['install', '--no-audit', '--no-fund', tarball], project, 300_000);
    expect(install.code, install.stderr).toBe(0);
  } else {
    linkInstall(tarball);
  }
}, 120_000);

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe('the packed package', () => {
  it('ships the CLI, the library, the Python helpers, the data and the agents, and no tests or caches', () => {
    for (const file of ['bin/backsmith.js', 'dist/cli/main.js', 'dist/bundle/main.js', 'dist/bundle/ruff-worker.js', 'dist/bundle/stamp.json', 'dist/index.js', 'dist/index.d.ts', 'python/test_runner.py', 'python/sandbox_guard.py', 'data/stdlib-modules.json', 'agents/python-backend-engineer.agent.md', 'README.md', 'package.json']) {
      expect(files, file).toContain(file);
    }
    expect(files.filter((file) => /\.test\.|test-support\/|__pycache__|\.pyc$|^src\//.test(file))).toEqual([]);
  });

  it('runs the bundled CLI once installed (npm gives every file one time, so the bundle stays fresh)', () => {
    const dist = path.join(project, 'node_modules', PACKAGE.name, 'dist');
    const probe = run(process.execPath, ['--input-type=module', '-e', `const { bundleIsFresh } = await import(${JSON.stringify(pathToFileURL(path.join(dist, 'cli', 'bundle-freshness.js')).href)}); console.log(bundleIsFresh(${JSON.stringify(dist)}));`], project);
    expect(probe.stdout.trim(), probe.stderr).toBe('true');
  });

  it('runs `npx backsmith verify` on the example from a fresh project: passes with the sandbox and the tests', () => {
    const verify = run('npx', ['--offline', 'backsmith', 'verify', path.join(EXAMPLE, 'clinic_booking_scheduler.py'),
      '--design', path.join(EXAMPLE, 'clinic_booking_technical_design.md'), '--stories', path.join(EXAMPLE, 'clinic_booking_user_stories.md'),
      '--tests', path.join(EXAMPLE, 'test_clinic_booking_acceptance.py'), '--json'], project, 90_000);
    expect(verify.stderr).not.toMatch(/internal error|Cannot find|ENOENT/);
    expect(verify.code, verify.stderr).toBe(0);
    const report = JSON.parse(verify.stdout) as { passed: boolean; modules: Array<{ syntax: { authority: string }; sandbox?: { status: string; tests: { ran: number } | null }; checks: Array<{ id: string; status: string; reason?: string }> }> };
    const [module] = report.modules;
    expect(report.passed).toBe(true);
    expect(module!.syntax.authority).toBe('cpython');
    expect(module!.sandbox?.status).toBe('ran');
    expect(module!.sandbox?.tests?.ran).toBeGreaterThan(0);
    // Ruff's wasm and the stdlib list are found: their checks ran.
    expect(module!.checks.filter((check) => ['quality/lint', 'deps/third-party-import'].includes(check.id)).map((check) => check.status)).toEqual(['passed', 'passed']);
  }, 100_000);

  it('finds its built-in agent: `npx backsmith init` writes it into the project', () => {
    const init = run('npx', ['--offline', 'backsmith', 'init', 'claude'], project);
    expect(init.code, init.stderr).toBe(0);
    expect(existsSync(path.join(project, '.github', 'agents', 'python-backend-engineer.agent.md'))).toBe(true);
    expect(JSON.parse(readFileSync(path.join(project, '.mcp.json'), 'utf8'))).toEqual({ mcpServers: { backsmith: { type: 'stdio', command: 'npx', args: ['backsmith', 'mcp'] } } });
  });
});

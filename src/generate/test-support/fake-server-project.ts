import { spawn, type ChildProcess } from 'node:child_process';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type { FakeServer, ScriptedResponse } from '../../model/test-support/fake-http-server.js';
import { startOpenAiServer } from '../../model/test-support/openai-wire.js';
import { FIXTURE_DIR, makeProject } from './plant-swap-fixture.js';

/** Root of the repository (the built binary is `bin/backsmith.js` there). */
export const REPO_ROOT = path.resolve(FIXTURE_DIR, '../..');

/** A plant-swap project folder: its path and the file names of its design, stories and tests. */
export type PlantSwapProject = Awaited<ReturnType<typeof makeProject>>;

/** What a run of the built binary produced. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** How `spawnBacksmith` runs the binary. */
export interface SpawnOptions {
  cwd: string;
  /** Added to PATH and HOME, the only variables passed on (no stray API key from the host). */
  env?: NodeJS.ProcessEnv;
  /** The child, as soon as it is spawned (to signal it). */
  onChild?: (child: ChildProcess) => void;
  /** Everything written to stderr so far, after each chunk. */
  onStderr?: (stderr: string, child: ChildProcess) => void;
}

/** Runs the built binary without blocking this process, so a fake server living here can answer it. */
export function spawnBacksmith(args: string[], options: SpawnOptions): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin', 'backsmith.js'), ...args], {
      cwd: options.cwd,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...options.env },
    });
    options.onChild?.(child);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      options.onStderr?.(stderr, child);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** The per-test fixture `useFakeServerProject` hands a test file. */
export interface FakeServerProject {
  /** The current test's project: one object, refilled with a fresh folder before each test. */
  readonly project: PlantSwapProject;
  /** Starts a fake OpenAI server on 127.0.0.1 answering `responses` in order; closed after the test. */
  serve(responses: ScriptedResponse[]): Promise<FakeServer>;
  /** Within a test: removes the project folder and fills `project` with a fresh one. */
  renewProject(): Promise<void>;
  /** Runs the built binary in the current project; `env` adds to PATH and HOME. */
  backsmith(args: string[], options?: Omit<SpawnOptions, 'cwd'>): Promise<CliRun>;
}

/**
 * Registers the beforeEach/afterEach pair the generate, tests and acceptance test files share: a
 * fresh copy of the plant-swap project before each test (`withoutTests`: without its acceptance
 * test file, for the test writer to write), and after it every fake server closed and the folder
 * removed.
 */
export function useFakeServerProject(options: { withoutTests?: boolean } = {}): FakeServerProject {
  const project = {} as PlantSwapProject;
  const servers: FakeServer[] = [];
  const fill = async () => {
    Object.assign(project, await makeProject());
    if (options.withoutTests) await rm(path.join(project.dir, project.tests));
  };
  beforeEach(fill);
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
    await rm(project.dir, { recursive: true, force: true });
  });
  return {
    project,
    async serve(responses) {
      const server = await startOpenAiServer(responses);
      servers.push(server);
      return server;
    },
    async renewProject() {
      await rm(project.dir, { recursive: true, force: true });
      await fill();
    },
    backsmith: (args, spawnOptions = {}) => spawnBacksmith(args, { ...spawnOptions, cwd: project.dir }),
  };
}

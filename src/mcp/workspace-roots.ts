import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { RootsListChangedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { BacksmithError } from '../errors.js';

/** Where each tool may read and write: the client's roots (or one fallback directory), as real paths. */
export interface Workspace {
  /** Real paths of the roots; the first is the project (relative paths, configuration, run records). */
  roots: string[];
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/**
 * The real path of `target` with every link resolved; a path that does not exist yet (an output
 * folder) is judged by its nearest existing ancestor, so a link there cannot lead outside.
 */
export async function realPathOfNearest(target: string): Promise<string> {
  const missing: string[] = [];
  let current = path.resolve(target);
  for (;;) {
    try {
      return path.join(await realpath(current), ...missing.reverse());
    } catch (error) {
      if (!isMissing(error)) throw new BacksmithError(`Cannot resolve ${target}: ${(error as Error).message}`);
      const parent = path.dirname(current);
      if (parent === current) return path.resolve(target);
      missing.push(path.basename(current));
      current = parent;
    }
  }
}

function inside(file: string, root: string): boolean {
  if (file === root) return true;
  return file.startsWith(root.endsWith(path.sep) ? root : `${root}${path.sep}`);
}

/**
 * Resolves a path a tool was given against the workspace: relative to the first root, links
 * resolved, and refused (BacksmithError) unless it falls inside one of the roots.
 */
export async function confinePath(workspace: Workspace, given: string, label: string): Promise<string> {
  if (given.includes('\0')) throw new BacksmithError(`${label} ${JSON.stringify(given)} is not a valid path.`);
  const real = await realPathOfNearest(path.resolve(workspace.roots[0]!, given));
  if (!workspace.roots.some((root) => inside(real, root))) {
    throw new BacksmithError(`${label} ${given} is outside the workspace (${workspace.roots.join(', ')}): backsmith only reads and writes inside the roots the MCP client declares.`);
  }
  return real;
}

/** The workspace from the client's `roots/list`, cached until the client says its roots changed. */
export class WorkspaceRoots {
  private cached: Promise<Workspace> | null = null;

  constructor(
    private readonly server: Server,
    private readonly fallbackDir: string,
  ) {
    server.setNotificationHandler(RootsListChangedNotificationSchema, async () => {
      this.cached = null;
    });
  }

  /** The current workspace; the working directory when the client declares no roots. */
  current(): Promise<Workspace> {
    this.cached ??= this.load().catch((error: unknown) => {
      this.cached = null;
      throw error;
    });
    return this.cached;
  }

  private async load(): Promise<Workspace> {
    const fallback = { roots: [await realPathOfNearest(this.fallbackDir)] };
    if (!this.server.getClientCapabilities()?.roots) return fallback;
    let listed: { uri: string }[];
    try {
      listed = (await this.server.listRoots()).roots;
    } catch (error) {
      throw new BacksmithError(`Cannot list the MCP client's workspace roots: ${(error as Error).message}`);
    }
    const roots: string[] = [];
    for (const root of listed) {
      if (!root.uri.startsWith('file:')) continue;
      roots.push(await realPathOfNearest(fileURLToPath(root.uri)));
    }
    return roots.length > 0 ? { roots } : fallback;
  }
}

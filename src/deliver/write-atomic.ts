import { randomBytes } from 'node:crypto';
import { open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/** How `writeFileAtomic` writes. */
export interface AtomicWriteOptions {
  /** Flush to disk before the rename (default true). */
  durable?: boolean;
  /** Permission bits of the new file (default 0644, less the umask); set exactly when given. */
  mode?: number;
}

/**
 * Writes `content` to `file` atomically: a temporary file in the same directory (same file system),
 * flushed to disk (unless `durable` is false), then renamed over the target. Readers see the old
 * file or the new one, never a part; an interrupted write leaves no partial file behind. A target
 * that is a device, a pipe or a socket (`/dev/stdout`, `/dev/null`, a FIFO) is written to, not
 * replaced: a rename would put a plain file in its place (as root, over `/dev/full` itself).
 */
export async function writeFileAtomic(file: string, content: string, options: AtomicWriteOptions = {}): Promise<void> {
  const existing = await stat(file).catch(() => null);
  if (existing && !existing.isFile() && !existing.isDirectory()) {
    const handle = await open(file, 'w');
    try {
      await handle.writeFile(content, 'utf8');
    } finally {
      await handle.close();
    }
    return;
  }
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await open(temporary, 'wx', options.mode ?? 0o644);
    try {
      // The umask narrows open()'s mode; a replaced file keeps its exact bits.
      if (options.mode !== undefined) await handle.chmod(options.mode);
      await handle.writeFile(content, 'utf8');
      if (options.durable !== false) await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

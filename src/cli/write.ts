/**
 * How the command writes a workbook (issue 15: "a write completes or leaves the original exactly
 * as it was"): into a temporary file in the target's own folder, flushed to the disk (fsync), then
 * renamed over the target — a rename within one folder replaces the file whole or not at all. A
 * write that fails removes its temporary file and leaves the target as it was. A run killed
 * mid-write (SIGKILL, power) leaves at most its temporary file, `.<name>.quy-hoach-<pid>.tmp`,
 * which the next write to that folder removes (when that process is gone).
 */
import * as nodeFs from 'fs';
import { basename, dirname, join } from 'path';

/** The calls a write makes: Node's fs, or a test's stand-in that fails where it is told to (the seam for disk-full tests). */
export type WriteFs = Pick<typeof nodeFs, 'openSync' | 'writeSync' | 'fsyncSync' | 'closeSync' | 'renameSync' | 'unlinkSync' | 'statSync' | 'chmodSync' | 'readdirSync'>;

/** A write that did not happen; `code` is the system's (ENOSPC, EFBIG, EACCES, …). */
export class WriteFailed extends Error {
  constructor(
    readonly file: string,
    readonly code: string,
  ) {
    super(`${code}: ${file}`);
    this.name = 'WriteFailed';
  }
}

const TEMP = /^\.(.+)\.quy-hoach-(\d+)\.tmp$/;

/** The temporary file a write to `target` uses, beside it. */
export const tempFileFor = (target: string, pid = process.pid): string => join(dirname(target), `.${basename(target)}.quy-hoach-${pid}.tmp`);

/** Temporary files left in `folder` by writes whose process is gone (killed mid-write). */
export function removeStaleTemps(folder: string, fs: WriteFs = nodeFs): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = fs.readdirSync(folder) as unknown as string[];
  } catch {
    return removed;
  }
  for (const name of names) {
    const m = TEMP.exec(name);
    if (!m || Number(m[2]) === process.pid || alive(Number(m[2]))) continue;
    try {
      fs.unlinkSync(join(folder, name));
      removed.push(name);
    } catch {
      // Someone else's file, or gone already.
    }
  }
  return removed;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === 'EPERM';
  }
}

/** Writes `bytes` to `target` atomically; throws WriteFailed (the target untouched) when it cannot. */
export function writeAtomic(target: string, bytes: Uint8Array, fs: WriteFs = nodeFs): void {
  removeStaleTemps(dirname(target), fs);
  const temp = tempFileFor(target);
  let fd: number | undefined;
  try {
    // 'wx': a file of that name is never reused (nor followed, if someone put a link there).
    fd = fs.openSync(temp, 'wx', 0o666);
    for (let at = 0; at < bytes.length; ) at += fs.writeSync(fd, bytes, at, Math.min(bytes.length - at, 1 << 20));
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    // Replacing a file keeps its permissions (the --in-place case).
    try {
      fs.chmodSync(temp, fs.statSync(target).mode & 0o7777);
    } catch {
      // No such target yet: the new file's default permissions.
    }
    fs.renameSync(temp, target);
  } catch (e) {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        // Closing a file that failed to write may fail too.
      }
    }
    try {
      fs.unlinkSync(temp);
    } catch {
      // Never created.
    }
    throw new WriteFailed(target, (e as { code?: string }).code ?? 'EIO');
  }
  // The rename itself on the disk: the folder flushed too, where the system allows it.
  try {
    const dir = fs.openSync(dirname(target), 'r');
    try {
      fs.fsyncSync(dir);
    } finally {
      fs.closeSync(dir);
    }
  } catch {
    // Windows cannot open a folder: its rename is already durable enough.
  }
}

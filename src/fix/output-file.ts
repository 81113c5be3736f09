// Where a fixed file goes, atomically: a temporary file in the target's own folder (so that the rename is atomic and
// never crosses devices), written in full (gzip-compressed for a .gz target), flushed to disk (fsync), given the
// original's mode, then renamed over the target. Any failure, and SIGINT / SIGTERM / SIGHUP on the way, removes the
// temporary file: nothing is left beside the data. (write-file-atomic does this too, but its current major needs
// Node 22; this is the same recipe in a page.)
import { closeSync, createWriteStream, fchmodSync, fstatSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync } from "node:fs";
import type { Writable } from "node:stream";
import { randomBytes } from "node:crypto";
import { basename, dirname, join } from "node:path";
import { once } from "node:events";
import { createGzip, type Gzip } from "node:zlib";

/** Temporary files alive in this process, removed on exit and on the usual termination signals. */
const live = new Set<string>();
let hooked = false;

function removeLive(): void {
  for (const p of live) {
    try {
      unlinkSync(p);
    } catch {
      // already gone
    }
  }
  live.clear();
}

function hookCleanup(): void {
  if (hooked) return;
  hooked = true;
  process.on("exit", removeLive);
  for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(sig, () => {
      removeLive();
      process.kill(process.pid, sig); // the listener is gone: the signal now ends the process as it would have
    });
  }
}

/** Where fixed records go. */
export interface RecordOutput {
  write(buf: Buffer): Promise<void> | void;
}

/** Counts what would be written (--dry-run). */
export class NullOutput implements RecordOutput {
  bytes = 0;
  write(buf: Buffer): void {
    this.bytes += buf.length;
  }
}

const FLUSH_BYTES = 1 << 20;

/** A file the fixed records are written to, then committed (or abandoned). */
export interface FileOutput extends RecordOutput {
  commit(): Promise<void>;
  abort(): void;
}

/** The output for `target`: written in place of it atomically (AtomicOutput), except where the target is not a
 * regular file: a device (-o /dev/stdout, /dev/null, /dev/full), a FIFO or a socket is written to as it is — a rename
 * over it would replace the device node with a regular file. */
export function createOutput(target: string, opts: { gzip: boolean; mode?: number }): FileOutput {
  let st: ReturnType<typeof statSync> | undefined;
  try {
    st = statSync(target);
  } catch {
    // a new file
  }
  if (st && !st.isFile() && !st.isDirectory()) return new DirectOutput(isStdout(target) ? 1 : openSync(target, "w"), opts.gzip);
  return AtomicOutput.create(target, opts);
}

/** Whether `path` is this process's stdout (-o /dev/stdout, /proc/self/fd/1): the same device and inode. Written
 * through fd 1 itself: a socket (as Node's spawnSync gives) cannot be opened by path. */
export function isStdout(path: string): boolean {
  try {
    const a = fstatSync(1);
    const b = statSync(path);
    return a.dev === b.dev && a.ino === b.ino;
  } catch {
    return false;
  }
}

/** Resolves when `stream` drains or any of the streams fails (the failure is read from the output's own record),
 * leaving no listener behind. */
function drained(stream: Writable, ...others: Writable[]): Promise<void> {
  return new Promise((resolve) => {
    const all = [stream, ...others];
    const done = () => {
      stream.off("drain", done);
      for (const s of all) s.off("error", done);
      resolve();
    };
    stream.on("drain", done);
    for (const s of all) s.on("error", done);
  });
}

/** Writes straight to a device, FIFO or socket, as a stream with back-pressure (stdout may be a non-blocking pipe);
 * nothing to rename, and an abort leaves what was written. */
class DirectOutput implements FileOutput {
  private readonly gz: Gzip | null = null;
  private readonly out: Writable;
  private failed: unknown = null;
  private closed = false;

  /** `fd`: opened for this output (closed at the end), or 1 (stdout: flushed, left open). */
  constructor(
    private readonly fd: number,
    gzip: boolean,
  ) {
    this.out = fd === 1 ? process.stdout : createWriteStream("", { fd });
    this.out.on("error", (e) => (this.failed ??= e));
    if (gzip) {
      this.gz = createGzip({ level: 6 });
      this.gz.on("error", (e) => (this.failed ??= e));
      this.gz.pipe(this.out, { end: false });
    }
  }

  async write(buf: Buffer): Promise<void> {
    if (this.failed) throw this.failed;
    const to = this.gz ?? this.out;
    if (!to.write(buf)) await drained(to, this.out);
    if (this.failed) throw this.failed;
  }

  async commit(): Promise<void> {
    if (this.gz) {
      const ended = once(this.gz, "end");
      this.gz.end();
      await ended.catch(() => undefined);
    }
    if (this.failed) throw this.failed;
    // every write before it is flushed when an empty write's callback runs
    await new Promise<void>((done) => this.out.write(Buffer.alloc(0), (e) => ((this.failed ??= e ?? null), done())));
    if (this.fd !== 1) {
      this.closed = true;
      await new Promise<void>((done) => this.out.end(done));
    }
    if (this.failed) throw this.failed;
  }

  abort(): void {
    this.gz?.destroy();
    if (this.closed || this.fd === 1) return;
    this.closed = true;
    this.out.destroy();
  }
}

export class AtomicOutput implements FileOutput {
  private pending: Buffer[] = [];
  private pendingLen = 0;
  private gz: Gzip | null = null;
  private failed: unknown = null;
  private closed = false;

  private constructor(
    /** The path the result is renamed to. */
    readonly target: string,
    readonly temp: string,
    private fd: number,
    private readonly mode: number | undefined,
    gzip: boolean,
  ) {
    if (gzip) {
      this.gz = createGzip({ level: 6 });
      this.gz.on("data", (c: Buffer) => this.writeFd(c));
      this.gz.on("error", (e) => (this.failed ??= e));
    }
  }

  /** A temporary file beside `target` (created exclusively, private until it is complete). `mode`: the mode the
   * result gets (the original's); undefined for a new file (then the usual 0666 less the umask). */
  static create(target: string, opts: { gzip: boolean; mode?: number }): AtomicOutput {
    hookCleanup();
    const temp = join(dirname(target), `.${basename(target)}.chatml-gate-fix.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
    const fd = openSync(temp, "wx", opts.mode === undefined ? 0o666 : 0o600);
    live.add(temp);
    return new AtomicOutput(target, temp, fd, opts.mode, opts.gzip);
  }

  async write(buf: Buffer): Promise<void> {
    this.pending.push(buf);
    this.pendingLen += buf.length;
    if (this.pendingLen >= FLUSH_BYTES) await this.flush();
  }

  /** Writes everything, flushes it to disk, and renames the temporary file over the target. */
  async commit(): Promise<void> {
    await this.flush();
    if (this.gz) {
      const ended = once(this.gz, "end");
      this.gz.end();
      await ended;
    }
    if (this.failed) throw this.failed;
    fsyncSync(this.fd);
    if (this.mode !== undefined) fchmodSync(this.fd, this.mode & 0o7777);
    this.close();
    renameSync(this.temp, this.target);
    live.delete(this.temp);
    syncFolder(dirname(this.target));
  }

  /** Removes the temporary file (after a failure, or when the result is not wanted). */
  abort(): void {
    this.gz?.destroy();
    this.close();
    try {
      unlinkSync(this.temp);
    } catch {
      // already gone
    }
    live.delete(this.temp);
  }

  private async flush(): Promise<void> {
    if (this.failed) throw this.failed;
    if (this.pendingLen === 0) return;
    const buf = this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending, this.pendingLen);
    this.pending = [];
    this.pendingLen = 0;
    if (this.gz) {
      if (!this.gz.write(buf)) await drained(this.gz);
    } else this.writeFd(buf);
    if (this.failed) throw this.failed;
  }

  private writeFd(buf: Buffer): void {
    if (this.failed) return;
    try {
      let done = 0;
      while (done < buf.length) done += writeSync(this.fd, buf, done, buf.length - done);
    } catch (e) {
      this.failed = e; // a full disk, a file size limit: reported by the next write or the commit
    }
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      closeSync(this.fd);
    } catch {
      // closing twice after an error
    }
  }
}

/** Flushes a folder's entry list (the rename) to disk; not every file system allows it, and then it is skipped. */
function syncFolder(dir: string): void {
  let fd = -1;
  try {
    fd = openSync(dir, "r");
    fsyncSync(fd);
  } catch {
    // not supported here
  } finally {
    if (fd >= 0) closeSync(fd);
  }
}

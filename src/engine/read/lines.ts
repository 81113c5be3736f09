// Streaming line reader: plain or gzip files, constant memory per file (plus the longest line), exact 1-based line
// numbers and byte offsets. Strips a UTF-8 BOM at the start and a trailing CR on each line without shifting line
// numbers; a final line without a newline is a normal line.
import { closeSync, createReadStream, fstatSync, openSync, readSync } from "node:fs";
import { createGunzip } from "node:zlib";
import type { Readable } from "node:stream";

/** Longest line the reader assembles; longer lines are reported (not parsed) and skipped. */
export const MAX_LINE_BYTES = 256 * 1024 * 1024;

export interface LineSink {
  /** `buf[start, end)` is the line without its line ending. `offset` is the byte offset of the line start. `cr`: the
   * line ended with CR LF (or, the last line, with a CR), which was left out. */
  line(buf: Buffer, start: number, end: number, lineNo: number, offset: number, cr: boolean): void;
  /** A line longer than MAX_LINE_BYTES (its bytes are dropped). */
  tooLong?(lineNo: number, offset: number, bytes: number): void;
  /** Called after the lines of each read chunk; the read waits for it (a consumer that writes keeps memory bounded
   * this way: `line` queues, `drain` does the work). */
  drain?(): Promise<void> | void;
}

export interface ReadStats {
  lines: number;
  bytes: number;
  bom: boolean;
}

export function isGzipPath(path: string): boolean {
  return /\.gz$/i.test(path);
}

export function openStream(path: string, start?: number, end?: number): Readable {
  const raw = createReadStream(path, { highWaterMark: 1 << 20, start, end });
  if (!isGzipPath(path)) return raw;
  const gunzip = createGunzip({ chunkSize: 1 << 20 });
  raw.on("error", (e) => gunzip.destroy(e));
  return raw.pipe(gunzip);
}

/** Plain regular files (or ranges) up to this size are read in one synchronous call instead of a stream: a run of
 * thousands of small files otherwise waits on several thread-pool round trips per file. */
const SMALL_READ_BYTES = 1 << 20;

/** The bytes of a plain regular file (or of `range`) when at most `max`, read at once; null for a larger file or
 * anything that is not a regular file (a FIFO, a device: those are streamed). */
function readSmall(path: string, max: number, range?: { start: number; end: number }): Buffer | null {
  if (isGzipPath(path)) return null;
  const fd = openSync(path, "r");
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return null;
    const start = range ? range.start : 0;
    const size = range ? Math.min(range.end, st.size) - start : st.size;
    if (size > max) return null;
    const buf = Buffer.allocUnsafe(Math.max(0, size));
    let got = 0;
    while (got < size) {
      const n = readSync(fd, buf, got, size - got, start + got);
      if (n === 0) break;
      got += n;
    }
    return got < size ? buf.subarray(0, got) : buf;
  } finally {
    closeSync(fd);
  }
}

/** The bytes of `path` (decompressed for .gz), or of `range` of a plain file, in chunks: one read for a small file,
 * a stream otherwise. */
export function byteChunks(path: string, range?: { start: number; end: number }): AsyncIterable<Buffer> | Buffer[] {
  const small = readSmall(path, SMALL_READ_BYTES, range);
  return small ? [small] : ((range ? openStream(path, range.start, range.end - 1) : openStream(path)) as AsyncIterable<Buffer>);
}

/** Reads every line of `path` (decompressing .gz) and hands it to `sink`. Rejects on I/O or gzip errors.
 * With `range` (plain files only; `start` at a line start, `end` exclusive and at a line start or the end of the
 * file) only those bytes are read: line numbers then count from 1 within the range, offsets stay file offsets. */
export async function readLines(path: string, sink: LineSink, range?: { start: number; end: number }): Promise<ReadStats> {
  if (range && range.end <= range.start) return { lines: 0, bytes: 0, bom: false };
  const stream = byteChunks(path, range);
  let lineNo = 0;
  let total = range?.start ?? 0; // file offset of the current chunk
  let first = !range || range.start === 0;
  let bom = false;
  // Pieces of a line that spans chunks.
  let pending: Buffer[] = [];
  let pendingLen = 0;
  let pendingOffset = 0;
  let skipping = false; // current line exceeded MAX_LINE_BYTES

  const emit = (buf: Buffer, start: number, end: number, offset: number) => {
    lineNo++;
    const cr = end > start && buf[end - 1] === 0x0d;
    sink.line(buf, start, cr ? end - 1 : end, lineNo, offset, cr);
  };

  for await (const chunk of stream) {
    let pos = 0;
    if (first) {
      first = false;
      if (chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) {
        pos = 3;
        bom = true;
      }
    }
    for (;;) {
      const nl = chunk.indexOf(0x0a, pos);
      if (nl === -1) break;
      if (skipping) {
        lineNo++;
        sink.tooLong?.(lineNo, pendingOffset, pendingLen + nl - pos);
        skipping = false;
        pendingLen = 0;
      } else if (pendingLen > 0) {
        pending.push(chunk.subarray(pos, nl));
        const joined = Buffer.concat(pending, pendingLen + nl - pos);
        pending = [];
        pendingLen = 0;
        emit(joined, 0, joined.length, pendingOffset);
      } else {
        emit(chunk, pos, nl, total + pos);
      }
      pos = nl + 1;
    }
    if (pos < chunk.length) {
      if (pendingLen === 0 && !skipping) pendingOffset = total + pos;
      const rest = chunk.length - pos;
      if (skipping || pendingLen + rest > MAX_LINE_BYTES) {
        skipping = true;
        pending = [];
        pendingLen += rest;
      } else {
        // Copy: the stream may reuse its chunk memory.
        pending.push(Buffer.from(chunk.subarray(pos)));
        pendingLen += rest;
      }
    }
    total += chunk.length;
    if (sink.drain) await sink.drain();
  }
  if (skipping) {
    lineNo++;
    sink.tooLong?.(lineNo, pendingOffset, pendingLen);
  } else if (pendingLen > 0) {
    const joined = Buffer.concat(pending, pendingLen);
    emit(joined, 0, joined.length, pendingOffset);
  }
  if (sink.drain) await sink.drain();
  return { lines: lineNo, bytes: total - (range?.start ?? 0), bom };
}

/** Reads the first `n` bytes of a file (decompressed for .gz), for sniffing. */
export async function readHead(path: string, n: number): Promise<Buffer> {
  const small = readSmall(path, n, { start: 0, end: n });
  if (small) return small;
  const stream = openStream(path);
  const parts: Buffer[] = [];
  let len = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      parts.push(chunk);
      len += chunk.length;
      if (len >= n) break;
    }
  } finally {
    stream.destroy();
  }
  return Buffer.concat(parts, len).subarray(0, n);
}

/** Re-reads the byte spans (lines, or records inside a container) at the given offsets (ascending or not) of one file,
 * handing each to `each` with its index in `locs` as it arrives (in no particular order). A .gz file is decompressed
 * once for all of them, so pass every wanted span of a file in one call. */
export async function readLinesAt(path: string, locs: { line: number; offset: number; length: number }[], each: (index: number, bytes: Buffer) => void): Promise<void> {
  if (locs.length === 0) return;
  const sorted = locs.map((l, index) => ({ ...l, index })).sort((a, b) => a.offset - b.offset);
  if (!isGzipPath(path)) {
    const { open } = await import("node:fs/promises");
    const fh = await open(path, "r");
    try {
      // A few reads in flight at a time: one after another, each read would wait for its own thread-pool round trip.
      const inFlight = 16;
      for (let i = 0; i < sorted.length; i += inFlight) {
        await Promise.all(
          sorted.slice(i, i + inFlight).map(async (l) => {
            const buf = Buffer.allocUnsafe(l.length);
            const { bytesRead } = await fh.read(buf, 0, l.length, l.offset);
            each(l.index, bytesRead === l.length ? buf : buf.subarray(0, bytesRead));
          }),
        );
      }
    } finally {
      await fh.close();
    }
    return;
  }
  // gzip cannot seek: decompress once more and copy the wanted byte spans (lines, or records inside a container, which
  // may share a line or spread over several). A corrupt or truncated stream (the first pass reported it as a
  // read-error finding) ends the read: the spans wanted past that point come back short or empty.
  const out = sorted.map((l) => ({ index: l.index, buf: Buffer.alloc(l.length), got: 0 }));
  let next = 0; // first span not yet complete (spans are sorted by offset)
  let pos = 0;
  try {
    for await (const chunk of openStream(path) as AsyncIterable<Buffer>) {
      const chunkEnd = pos + chunk.length;
      for (let k = next; k < sorted.length && sorted[k].offset < chunkEnd; k++) {
        const l = sorted[k];
        const from = Math.max(l.offset, pos);
        const to = Math.min(l.offset + l.length, chunkEnd);
        if (to > from) {
          chunk.copy(out[k].buf, from - l.offset, from - pos, to - pos);
          out[k].got = to - l.offset;
        }
      }
      while (next < sorted.length && sorted[next].offset + sorted[next].length <= chunkEnd) each(out[next].index, out[next++].buf);
      pos = chunkEnd;
      if (next === sorted.length) break;
    }
  } catch {
    // reported by the first pass
  }
  for (let k = next; k < sorted.length; k++) each(out[k].index, out[k].buf.subarray(0, out[k].got));
}

// The run's unit of work: fixed byte ranges of each file, cut at line starts. The plan depends only on the data
// (never on the number of workers), and the single-thread run processes the same chunks in the same order, so a run
// with workers or shards gives the same report, byte for byte. A file's chunks depend only on that file (its size and
// lines), so that its own figures (windows, samples) are the same whatever other files the run checks.
import { statSync } from "node:fs";
import { open } from "node:fs/promises";
import { isGzipPath } from "./read/lines.js";

const CHUNK_OVERRIDE = Number(process.env.CHATML_GATE_CHUNK_BYTES) > 0 ? Number(process.env.CHATML_GATE_CHUNK_BYTES) : 0;

/** Largest chunk of a plain file. A .gz file is always one chunk (gzip cannot be entered mid-stream).
 * CHATML_GATE_CHUNK_BYTES sets the chunk size (tests use small chunks to exercise the merge on small files). */
export const CHUNK_BYTES = CHUNK_OVERRIDE || 32 * 1024 * 1024;
/** Smallest chunk cut from a larger file. */
export const MIN_CHUNK_BYTES = CHUNK_OVERRIDE || 2 * 1024 * 1024;
/** A chunk is about 1/TAPER of its file's bytes left from its start (within the bounds above), so chunks shrink
 * toward the end of a file: the threads end within a small chunk of each other, whatever their number, while most of
 * a file is read in large chunks. 54 MB: 17 chunks of 6.5 MiB down to 2 MiB; 272 MB: 29; 1 GB: 54. */
const TAPER = 8;

/** The size of a chunk starting with `remaining` bytes of its file left. Depends only on the data. */
export function chunkBytesAt(remaining: number): number {
  return Math.min(CHUNK_BYTES, Math.max(MIN_CHUNK_BYTES, Math.ceil(remaining / TAPER)));
}

export interface Chunk {
  /** Position in the plan (the merge order). */
  index: number;
  file: number;
  /** Byte range [start, end) of a plain file; null = the whole file (gzip, or small). */
  range: { start: number; end: number } | null;
  /** Its expected content bytes: the range's length, the file's size, or 4 × a gzip file's size (the convention of
   * the token sampling's expected input size). */
  bytes: number;
  /** Its file's expected content bytes (the same convention). */
  fileBytes: number;
}

/** The first line start at or after `at` (the byte after the next "\n"), or `size`. */
async function nextLineStart(path: string, at: number, size: number): Promise<number> {
  const fh = await open(path, "r");
  try {
    const buf = Buffer.allocUnsafe(64 * 1024);
    let pos = at - 1; // the byte before `at` may itself be the "\n"
    while (pos < size) {
      const { bytesRead } = await fh.read(buf, 0, buf.length, pos);
      if (bytesRead <= 0) return size;
      const nl = buf.subarray(0, bytesRead).indexOf(0x0a);
      if (nl !== -1) return pos + nl + 1;
      pos += bytesRead;
    }
    return size;
  } finally {
    await fh.close();
  }
}

/** `whole[i]`: file i is one chunk whatever its size. `chunkBytes`: one fixed chunk size (tests) instead of the
 * tapering sizes of chunkBytesAt. */
export async function planChunks(absPaths: string[], chunkBytes?: number, whole: boolean[] = []): Promise<Chunk[]> {
  const sizes: number[] = [];
  for (const path of absPaths) {
    try {
      sizes.push(statSync(path).size); // one synchronous call per file: runs of thousands of files
    } catch {
      sizes.push(0);
    }
  }
  const splittable = (file: number) => !isGzipPath(absPaths[file]) && !whole[file];
  const sizeAt = (left: number) => chunkBytes ?? chunkBytesAt(left);
  const chunks: Chunk[] = [];
  for (let file = 0; file < absPaths.length; file++) {
    const path = absPaths[file];
    const size = sizes[file];
    if (!splittable(file) || size <= sizeAt(size)) {
      const bytes = isGzipPath(path) ? 4 * size : size;
      chunks.push({ index: chunks.length, file, range: null, bytes, fileBytes: bytes });
      continue;
    }
    let start = 0;
    while (start < size) {
      const want = sizeAt(size - start);
      const end = start + want >= size ? size : await nextLineStart(path, start + want, size);
      chunks.push({ index: chunks.length, file, range: { start, end }, bytes: end - start, fileBytes: size });
      start = end;
    }
  }
  return chunks;
}

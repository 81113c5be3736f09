// The run's unit of work: fixed byte ranges of each file, cut at line starts. The plan depends only on the data
// (never on the number of workers), and the single-thread run processes the same chunks in the same order, so a run
// with workers or shards gives the same report, byte for byte.
import { open, stat } from "node:fs/promises";
import { isGzipPath } from "./read/lines.js";

const CHUNK_OVERRIDE = Number(process.env.CHATML_GATE_CHUNK_BYTES) > 0 ? Number(process.env.CHATML_GATE_CHUNK_BYTES) : 0;

/** Largest chunk of a plain file. A .gz file is always one chunk (gzip cannot be entered mid-stream).
 * CHATML_GATE_CHUNK_BYTES sets the chunk size (tests use small chunks to exercise the merge on small files). */
export const CHUNK_BYTES = CHUNK_OVERRIDE || 32 * 1024 * 1024;
/** Smallest chunk when a run is cut finer than CHUNK_BYTES. */
export const MIN_CHUNK_BYTES = CHUNK_OVERRIDE || 8 * 1024 * 1024;
/** Chunks a run is cut into, at least, when its files allow (MIN_CHUNK_BYTES): enough for the threads to end
 * together (one chunk more or less per thread is a small share of the run). */
const TARGET_CHUNKS = 12;

/** The chunk size of a run of `runBytes` bytes of plain files: CHUNK_BYTES, or less for runs under
 * TARGET_CHUNKS × CHUNK_BYTES, never under MIN_CHUNK_BYTES. Depends only on the data. */
export function chunkBytesFor(runBytes: number): number {
  return Math.min(CHUNK_BYTES, Math.max(MIN_CHUNK_BYTES, Math.ceil(runBytes / TARGET_CHUNKS)));
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

/** `whole[i]`: file i is one chunk whatever its size. */
export async function planChunks(absPaths: string[], chunkBytes?: number, whole: boolean[] = []): Promise<Chunk[]> {
  const sizes: number[] = [];
  for (const path of absPaths) sizes.push(await stat(path).then((s) => s.size, () => 0));
  chunkBytes ??= chunkBytesFor(sizes.reduce((sum, size, i) => sum + (isGzipPath(absPaths[i]) ? 0 : size), 0));
  const chunks: Chunk[] = [];
  for (let file = 0; file < absPaths.length; file++) {
    const path = absPaths[file];
    const size = sizes[file];
    if (isGzipPath(path) || size <= chunkBytes || whole[file]) {
      chunks.push({ index: chunks.length, file, range: null, bytes: isGzipPath(path) ? 4 * size : size });
      continue;
    }
    let start = 0;
    while (start < size) {
      const end = start + chunkBytes >= size ? size : await nextLineStart(path, start + chunkBytes, size);
      chunks.push({ index: chunks.length, file, range: { start, end }, bytes: end - start });
      start = end;
    }
  }
  return chunks;
}

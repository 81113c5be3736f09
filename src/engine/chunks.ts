// The run's unit of work: fixed byte ranges of each file, cut at line starts. The plan depends only on the data
// (never on the number of workers), and the single-thread run processes the same chunks in the same order, so a run
// with workers or shards gives the same report, byte for byte.
import { open, stat } from "node:fs/promises";
import { isGzipPath } from "./read/lines.js";

/** Bytes per chunk of a plain file. A .gz file is always one chunk (gzip cannot be entered mid-stream).
 * CHATML_GATE_CHUNK_BYTES overrides it (tests use small chunks to exercise the merge on small files). */
export const CHUNK_BYTES = Number(process.env.CHATML_GATE_CHUNK_BYTES) > 0 ? Number(process.env.CHATML_GATE_CHUNK_BYTES) : 32 * 1024 * 1024;

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

export async function planChunks(absPaths: string[], chunkBytes = CHUNK_BYTES): Promise<Chunk[]> {
  const chunks: Chunk[] = [];
  for (let file = 0; file < absPaths.length; file++) {
    const path = absPaths[file];
    const size = await stat(path).then((s) => s.size, () => 0);
    if (isGzipPath(path) || size <= chunkBytes) {
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

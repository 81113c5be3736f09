// The encoding fix: bytes that are not UTF-8 are re-read as cp1252 or latin1, one byte at a time; every valid UTF-8
// sequence stays as it is (a record half in UTF-8, half pasted from a Windows editor is fixed where it is broken and
// nowhere else). A byte that the source encoding does not define (cp1252 leaves 0x81, 0x8D, 0x8F, 0x90 and 0x9D
// undefined) refuses the record: it was not that encoding. iconv-lite's tables, because Node's TextDecoder
// ('windows-1252') maps 0x80-0x9F as latin1 (the WHATWG spec's labels), not as cp1252.
import { isUtf8 } from "node:buffer";
import iconv from "iconv-lite";
import type { SourceEncoding } from "./fixes.js";

const tables = new Map<SourceEncoding, (Buffer | null)[]>();

/** UTF-8 bytes of each byte 0x80-0xFF read as `enc` (null: undefined in it). */
function table(enc: SourceEncoding): (Buffer | null)[] {
  let t = tables.get(enc);
  if (!t) {
    t = [];
    for (let b = 0x80; b <= 0xff; b++) {
      const s = iconv.decode(Buffer.from([b]), enc);
      t.push(s === "\uFFFD" ? null : Buffer.from(s, "utf8"));
    }
    tables.set(enc, t);
  }
  return t;
}

/** Length of the valid UTF-8 sequence at `i`, or 0. */
function utf8Length(buf: Buffer, i: number, end: number): number {
  const c = buf[i];
  const n = c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
  if (n <= 1) return n;
  if (i + n > end) return 0;
  return isUtf8(buf.subarray(i, i + n)) ? n : 0;
}

export type Reencoded = { bytes: Buffer; chars: string } | { refuse: string };

/** `buf[start, end)` with its non-UTF-8 bytes re-read as `enc`: the UTF-8 bytes and the characters it read (in
 * order), or why it cannot. */
export function reencode(buf: Buffer, start: number, end: number, enc: SourceEncoding): Reencoded {
  const t = table(enc);
  const parts: Buffer[] = [];
  let chars = "";
  let run = start; // start of the pending valid run
  let i = start;
  while (i < end) {
    const n = utf8Length(buf, i, end);
    if (n > 0) {
      i += n;
      continue;
    }
    const b = buf[i];
    const mapped = b >= 0x80 ? t[b - 0x80] : null;
    if (!mapped) return { refuse: `byte 0x${b.toString(16).toUpperCase()} at byte ${i - start + 1} is not a ${enc} character: the record is in another encoding` };
    if (i > run) parts.push(buf.subarray(run, i));
    parts.push(mapped);
    chars += mapped.toString("utf8");
    i++;
    run = i;
  }
  if (run < end) parts.push(buf.subarray(run, end));
  return { bytes: Buffer.concat(parts), chars };
}

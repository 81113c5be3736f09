// The largest unsampled examples of each stratum: an example that no sampled one resembles (a 1 MB record of combining
// marks among English ones) is estimated at the wrong rate by any ratio. Each instance keeps, per stratum, its
// LARGEST_KEPT (4) largest examples neither sampled nor over the limit's byte bound — their texts when they hold at
// most LARGEST_CHARS (16 Ki) characters, else 8 evenly spaced pieces of ~2 Ki characters (cut before a word) — and
// the merge keeps the 4 largest of the run per stratum (ties: the earlier chunk's). finish() tokenizes them
// (measureLarge: at most 5 x 4 x ~16 Ki characters, whatever the input size): a whole one is exact, a pieced one is
// its pieces' tokens per byte x its bytes, with a bound on the extrapolated part.
import type { Conversation } from "../model.js";
import { isSpaceCode } from "./text-scan.js";
import type { CountFn } from "./token-count.js";
import { forEachText } from "./example-text.js";
import { t975 } from "./token-error-bound.js";

/** The largest unsampled examples of each stratum kept (LARGEST_KEPT, over the whole run), the characters kept of
 * each, and in how many evenly spaced pieces when it is longer (see the file header): finish() tokenizes at most
 * STRATA x 4 x ~16 Ki characters for them. */
export const LARGEST_KEPT = 4;
const LARGEST_CHARS = 16 * 1024;
const LARGEST_PIECES = 8;

/** One of the largest unsampled examples of a stratum: its content bytes, and its texts (`whole`) or, when they
 * are longer than LARGEST_CHARS characters, LARGEST_PIECES evenly spaced pieces of them (piecesOf). */
export interface LargeExample {
  stratum: number;
  bytes: number;
  whole: boolean;
  texts: string[];
}

/** An example's texts when they hold at most LARGEST_CHARS characters; else LARGEST_PIECES pieces of about
 * LARGEST_CHARS / LARGEST_PIECES characters of them (joined by "\n") centred at evenly spaced points, each starting
 * and ending at a word's start (cutBefore). */
export function piecesOf(conv: Conversation): { whole: boolean; texts: string[] } {
  const texts: string[] = [];
  forEachText(conv, (t) => texts.push(t));
  let chars = 0;
  for (const t of texts) chars += t.length;
  if (chars <= LARGEST_CHARS) return { whole: true, texts };
  const all = texts.join("\n");
  const len = LARGEST_CHARS / LARGEST_PIECES;
  const pieces: string[] = [];
  for (let j = 0; j < LARGEST_PIECES; j++) {
    const at = Math.min(all.length - len, Math.max(0, Math.floor(((j + 0.5) * all.length) / LARGEST_PIECES - len / 2)));
    const a = cutBefore(all, at);
    pieces.push(all.slice(a, Math.max(a, cutBefore(all, a + len))));
  }
  return { whole: false, texts: pieces };
}

/** Unicode combining marks (the common blocks): a cut before one would split a character from its accents. */
function isMark(c: number): boolean {
  return (c >= 0x300 && c <= 0x36f) || (c >= 0x1ab0 && c <= 0x1aff) || (c >= 0x1dc0 && c <= 0x1dff) || (c >= 0x20d0 && c <= 0x20ff) || (c >= 0xfe20 && c <= 0xfe2f);
}

/** The first index at or after `i` where a piece of `s` may start: a whitespace character after a non-whitespace
 * one within the next 64 characters (the tokenizer's pieces start with the space before a word), else the first
 * character that is neither a low surrogate nor a combining mark. */
function cutBefore(s: string, i: number): number {
  if (i <= 0) return 0;
  if (i >= s.length) return s.length;
  for (let j = i; j < Math.min(s.length, i + 64); j++) if (isSpaceCode(s.charCodeAt(j)) && !isSpaceCode(s.charCodeAt(j - 1))) return j;
  let j = i;
  while (j < s.length && ((s.charCodeAt(j) & 0xfc00) === 0xdc00 || isMark(s.charCodeAt(j)))) j++;
  return j;
}

/** Inserts `x` into `list` (largest first) after the entries at least as large, and keeps LARGEST_KEPT. */
export function keepLarge(list: LargeExample[], x: LargeExample): void {
  let i = list.length;
  while (i > 0 && list[i - 1].bytes < x.bytes) i--;
  list.splice(i, 0, x);
  if (list.length > LARGEST_KEPT) list.length = LARGEST_KEPT;
}

/** The tokens of one of the largest unsampled examples: counted when whole; else the pieces' tokens per byte times
 * its bytes, with a bound on the extrapolated part: Student's t (pieces - 1) x the standard error of the pieces'
 * ratio (as a simple random sample of pieces of the example) x the bytes not counted, at least a token per piece's
 * bytes not counted (a cut can move a count by about a token), at most that part whole. */
export function measureLarge(x: LargeExample, count: CountFn): { tokens: number; bound: number } {
  if (x.whole) {
    let t = 0;
    for (const text of x.texts) t += count(text);
    return { tokens: t, bound: 0 };
  }
  const ts: number[] = [];
  const bs: number[] = [];
  let t = 0;
  let b = 0;
  for (const text of x.texts) {
    const bi = Buffer.byteLength(text, "utf8");
    if (bi === 0) continue;
    const ti = count(text);
    ts.push(ti);
    bs.push(bi);
    t += ti;
    b += bi;
  }
  if (b === 0) return { tokens: 0, bound: 0 };
  const r = t / b;
  const left = Math.max(0, x.bytes - b);
  const k = ts.length;
  if (k < 2) return { tokens: r * x.bytes, bound: r * left };
  let ss = 0;
  for (let i = 0; i < k; i++) ss += (ts[i] - r * bs[i]) ** 2;
  const mean = b / k;
  const se = Math.sqrt(((1 - Math.min(1, b / x.bytes)) * ss) / (k * (k - 1) * mean * mean));
  return { tokens: r * x.bytes, bound: Math.min(Math.max(t975(k - 1) * se * left, left / mean), r * left) };
}

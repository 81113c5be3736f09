// Token counting with gpt-tokenizer's vocabularies, exactly as its countTokens counts, only faster (piecewiseCounter,
// bpeCountAscii), and in linear time on pathological runs (countLinear). tokens.ts decides what is counted.
//
//   const count = await loadCounter("o200k_base");   // (text) => tokens; one vocabulary load per call
import { isSpaceCode } from "./text-scan.js";

export type EncodingName = "o200k_base" | "cl100k_base";

export type CountFn = (text: string) => number;
interface Enc {
  countTokens(s: string, o?: { disallowedSpecial?: Set<string> }): number;
}

/** Loads only the requested vocabulary (a literal dynamic import each, so the bundler ships both as chunks and
 * loads one). Call before the pass; the counter is then passed as `countTokens`. */
export async function loadCounter(encoding: EncodingName): Promise<CountFn> {
  const enc: Enc = encoding === "cl100k_base" ? await import("gpt-tokenizer/encoding/cl100k_base") : await import("gpt-tokenizer/encoding/o200k_base");
  const { CL100K_TOKEN_SPLIT_REGEX, O200K_TOKEN_SPLIT_REGEX } = await import("gpt-tokenizer/encodingParams/constants");
  const opts = { disallowedSpecial: new Set<string>() };
  const library = (s: string): number => enc.countTokens(s, opts);
  const ranks = rankMapOf(enc);
  const countPiece = ranks ? (s: string): number => bpeCountAscii(s, ranks) ?? library(s) : library;
  const count = piecewiseCounter(encoding === "cl100k_base" ? CL100K_TOKEN_SPLIT_REGEX : O200K_TOKEN_SPLIT_REGEX, countPiece);
  return (s: string) => (s.length === 0 ? 0 : countLinear(count, s));
}

/** gpt-tokenizer's own map of token strings to ranks (an internal field of its encoder: null if a version lays it out
 * otherwise, and every piece is then counted by the library). */
export function rankMapOf(enc: unknown): Map<string, number> | null {
  const core = (enc as { default?: { bytePairEncodingCoreProcessor?: { bytePairStringRankEncoder?: unknown } } }).default?.bytePairEncodingCoreProcessor;
  const m = core?.bytePairStringRankEncoder;
  return m instanceof Map && m.size > 50_000 && typeof m.get("the") === "number" ? (m as Map<string, number>) : null;
}

/** Longest piece bpeCountAscii merges itself. */
const BPE_MAX_CHARS = 64;
const bpeStarts = new Int32Array(BPE_MAX_CHARS + 1);
const bpeRanks = new Float64Array(BPE_MAX_CHARS + 1);

/** Token count of one ASCII pre-tokenizer piece of at most 64 characters by byte-pair merging, the tokenizer's own
 * algorithm (lowest rank first, leftmost on ties) with its ranks; undefined for other pieces (the caller asks the
 * library). For ASCII every byte range is a string, so ranks are looked up directly: the library decodes each pair
 * of byte ranges from a Uint8Array, ~10x slower on a piece it has not seen. */
export function bpeCountAscii(piece: string, ranks: Map<string, number>): number | undefined {
  const n = piece.length;
  if (n > BPE_MAX_CHARS) return undefined;
  for (let i = 0; i < n; i++) if (piece.charCodeAt(i) >= 0x80) return undefined;
  if (n <= 1 || ranks.has(piece)) return n === 0 ? 0 : 1;
  const starts = bpeStarts;
  const rk = bpeRanks;
  const rankOf = (from: number, to: number): number => ranks.get(piece.slice(from, to)) ?? Infinity;
  // parts: [starts[i], starts[i + 1]) for i < len - 1; rk[i]: rank of parts i and i + 1 merged
  let len = n + 1;
  for (let i = 0; i <= n; i++) {
    starts[i] = i;
    rk[i] = i < n - 1 ? rankOf(i, i + 2) : Infinity;
  }
  while (len > 1) {
    let low = Infinity;
    let at = -1;
    for (let i = 0; i < len - 1; i++) {
      if (rk[i] < low) {
        low = rk[i];
        at = i;
      }
    }
    if (at < 0) break;
    // merge parts at and at + 1: drop starts[at + 1] and rk[at], then re-rank the merged part's two pairs
    for (let i = at + 1; i < len - 1; i++) starts[i] = starts[i + 1];
    for (let i = at; i < len - 1; i++) rk[i] = rk[i + 1];
    len--;
    rk[at] = at + 2 < len ? rankOf(starts[at], starts[at + 2]) : Infinity;
    if (at > 0) rk[at - 1] = at + 1 < len ? rankOf(starts[at - 1], starts[at + 1]) : Infinity;
  }
  return len - 1;
}

/** Pieces of at most this many characters have their counts cached. */
const PIECE_CACHE_CHARS = 48;
/** The cache is emptied when it holds this many pieces (a few MB at most). */
const PIECE_CACHE_ENTRIES = 1 << 17;

/** Counts tokens as the tokenizer does, 10-20x faster: the text is split with the encoding's own pre-tokenizer
 * pattern (`split`), and each piece's count (the BPE of the piece alone, which is what the tokenizer computes for
 * it) is looked up in a cache of recent pieces, `countPiece` only on a miss. gpt-tokenizer's own countTokens spends
 * ~3 us of bookkeeping per piece even when its merge cache hits; natural text repeats its pieces (words with their
 * leading space), so nearly every piece is a hit. */
export function piecewiseCounter(split: RegExp, countPiece: CountFn): CountFn {
  const re = new RegExp(split.source, split.flags.includes("g") ? split.flags : split.flags + "g");
  const cache = new Map<string, number>();
  return (s: string): number => {
    let n = 0;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(s)) !== null) {
      const piece = m[0];
      if (piece.length === 0) {
        re.lastIndex++; // a pattern that can match empty text: step on (the tokenizers' patterns cannot)
        continue;
      }
      if (piece.length > PIECE_CACHE_CHARS) {
        n += countPiece(piece);
        continue;
      }
      let c = cache.get(piece);
      if (c === undefined) {
        c = countPiece(piece);
        if (cache.size >= PIECE_CACHE_ENTRIES) cache.clear();
        cache.set(piece, c);
      }
      n += c;
    }
    return n;
  };
}

/** Longest run of non-whitespace (or of whitespace) characters handed to the tokenizer in one piece. */
export const MAX_RUN = 512;

/** BPE merging is quadratic in the length of one pre-tokenizer piece, and a piece is at most a run of
 * non-whitespace (or of whitespace) characters plus one character: 200 KB of "x" takes gpt-tokenizer ~30 s, 2 MB
 * ~45 min. A text with a run longer than MAX_RUN is therefore counted in parts: the text between long runs as it
 * is, each long run in slices of MAX_RUN characters (never splitting a surrogate pair). Text without such a run
 * (nearly all text) is counted whole, exactly as the tokenizer counts it; otherwise the count may differ from the
 * tokenizer's by about one token per cut. Linear in the text's length. */
export function countLinear(count: CountFn, s: string): number {
  const len = s.length;
  if (len <= MAX_RUN) return count(s);
  let total = 0;
  let from = 0; // start of the text not yet counted
  let run = 0; // start of the current run
  let ws = isSpaceCode(s.charCodeAt(0));
  for (let i = 1; i <= len; i++) {
    const w = i < len ? isSpaceCode(s.charCodeAt(i)) : !ws;
    if (w === ws) continue;
    if (i - run > MAX_RUN) {
      if (run > from) total += count(s.slice(from, run));
      let a = run;
      while (a < i) {
        let b = Math.min(i, a + MAX_RUN);
        // never end a slice between the two halves of a surrogate pair
        if (b < i && (s.charCodeAt(b) & 0xfc00) === 0xdc00 && (s.charCodeAt(b - 1) & 0xfc00) === 0xd800) b--;
        total += count(s.slice(a, b));
        a = b;
      }
      from = i;
    }
    run = i;
    ws = w;
  }
  if (from === 0) return count(s);
  if (from < len) total += count(s.slice(from));
  return total;
}

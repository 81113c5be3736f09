// Token counting with gpt-tokenizer's vocabularies, exactly as its countTokens counts, only faster: the library's
// pre-tokenizer split, a cache of piece counts (piecewiseCounter), byte-pair merging of a new piece with the
// vocabulary packed as bytes (bpe.ts), and linear time on pathological runs (countLinear). tokens.ts decides what is
// counted.
//
//   const count = await loadCounter("o200k_base");   // (text) => tokens; ~10 ms per call
import { isSpaceCode } from "./text-scan.js";
import { Vocabulary } from "./bpe.js";

export type EncodingName = "o200k_base" | "cl100k_base";

export type CountFn = (text: string) => number;

/** Loads only the requested vocabulary (a literal dynamic import each, so the bundler ships both as chunks and
 * loads one). Call before the pass; the counter is then passed as `countTokens`. */
export async function loadCounter(encoding: EncodingName): Promise<CountFn> {
  const packed = encoding === "cl100k_base" ? await import("./vocabularies/cl100k_base.generated.js") : await import("./vocabularies/o200k_base.generated.js");
  const { CL100K_TOKEN_SPLIT_REGEX, O200K_TOKEN_SPLIT_REGEX } = await import("gpt-tokenizer/encodingParams/constants");
  const vocabulary = Vocabulary.fromBase64(packed.RANKS, packed.DATA);
  const count = piecewiseCounter(encoding === "cl100k_base" ? CL100K_TOKEN_SPLIT_REGEX : O200K_TOKEN_SPLIT_REGEX, (p) => vocabulary.countPiece(p));
  return (s: string) => (s.length === 0 ? 0 : countLinear(count, s));
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

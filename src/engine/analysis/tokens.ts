// Token analysis with gpt-tokenizer: per-example counts, `too-long` findings, totals and training cost.
//
//   const t = new TokenAnalysis({ encoding?: "o200k_base" | "cl100k_base", maxTokens?, model?, epochs?,
//                                 pricePerMillion?, sampleBytes?, exact? });
//   for (const [conv, loc] of records) findings.push(...t.add(conv, loc));   // `too-long` findings (errors)
//   const result: TokenResult = t.finish();
//
// Counting (OpenAI cookbook "How to count tokens with tiktoken", gpt-3.5/4 chat format): every message costs
// 3 tokens + tokens(role) + tokens(text) (+1 for a name — our model has no names), and every example 3 more
// tokens for reply priming. Preference `rejected` messages are counted like extra messages. Not counted (the
// conversation model does not keep them): tool/function definitions and tool-call names/arguments, image tokens.
// Special-token strings in text (e.g. "<|endoftext|>") are counted as plain text. A run of more than MAX_RUN (512)
// characters without whitespace (a base64 blob, a minified line) is counted in slices of MAX_RUN: BPE is quadratic in
// a run's length (countLinear).
//
// Speed: counting runs at ~15-50 MB/s (piecewiseCounter: the pre-tokenizer split, then a cache of piece counts), so
// exact counts are made only where needed:
//  - limit checks: a token covers >= 1 UTF-8 byte, so overhead + content bytes is an upper bound; an example is
//    tokenized for the limit check only when that bound exceeds the limit. `too-long` findings are exact.
//  - totals/quantiles: each example is tokenized with probability p = min(1, sampleBytes / content bytes seen so far)
//    (deterministic seeded PRNG; p = 1 for the first `sampleBytes` = 1 MiB; with `expectedBytes` (the run's input size) p = sampleBytes / expectedBytes throughout). Untokenized examples are estimated as
//    overhead + content bytes x R, R = sum(w x tokens) / sum(w x bytes) over sampled examples, w = 1/p.
//    Fallback: a run of a few huge examples may have no example sampled at all. Each instance therefore keeps the
//    first FALLBACK_CHARS (16 Ki) characters of its first example with text while it has selected none, and hands
//    them on with its estimated bytes; the merge keeps the first FALLBACK_CHUNKS (64) such entries in chunk order.
//    When the run has no sampled example, R is the mean of the entries' tokens per byte weighted by their chunks'
//    estimated bytes (relativeError is then the estimated bytes' share of all: a 100 % bound on that part).
//    `relativeError` is an approximate 95% bound (1.96 standard errors, Poisson-sampling linearisation) on
//    `total`; 0 when every example was tokenized (`exact: true`). `exact: true` in the options tokenizes everything.
//  - quantiles/histogram: over per-example values kept exactly up to 100,000 examples, then a uniform reservoir
//    sample (`quantilesExact`), histogram counts scaled to all examples in that case.
// Chunked / parallel runs: every chunk gets a fresh instance (option `seed` = the chunk index), toPartial() after
// the chunk; one fresh "total" instance merge()s the partials in chunk order, then finish(). Partials are plain
// structured-clone-able data (numbers, typed arrays). The sampling probability is computed per chunk (`seenBytes`
// restarts in each fresh instance), so pass the run's `expectedBytes` to every chunk: without it each chunk
// tokenizes its first `sampleBytes` in full.
//  - merge: every count and sum adds (examples, exact totals/assistant/billed, tokenized/sampled, the weighted
//    ratio-estimator sums and their variance terms — independent Poisson sampling per chunk, so variances add —,
//    estimated overhead/bytes, tooLong); max is max (the estimated max keeps the first largest-byte example, as
//    add() does). Each example keeps its own weight 1/p, so R = sum(w x tokens) / sum(w x bytes) over all chunks.
//  - per-example quantile values (exact count or -1, overhead, bytes; untokenized ones are estimated with the
//    merged R in finish()) are concatenated in chunk order while the merged example count <= quantileCap. Beyond
//    the cap both sides are thinned to a proportional share of the cap: this side keeps
//    round(cap x examplesThis / examplesTotal) values, the incoming side the rest, each picked by a systematic
//    stride over its kept values (value j of `keep` taken at index floor((j + 0.5) x kept / keep));
//    `quantilesExact` is false then. Deterministic for a given chunk order.
//  - fresh.merge(chunk.toPartial()).finish() deep-equals chunk.finish(); with `exact: true` and at most
//    quantileCap examples the merged result equals a one-chunk run over the same examples.
// Limit: `maxTokens`, else MODEL_TOKEN_LIMITS[model] (prefix match), else none.
// Epochs: `epochs`, else defaultEpochs(examples). Cost (only with pricePerMillion): epochs x billed tokens x price
// / 1e6, billed tokens = sum over examples of min(tokens, limit).
import type { Conversation, Finding, Message, RecordLoc } from "../model.js";
import { isSpaceCode } from "./text-scan.js";
import { bucketLabels, mulberry32, quantileOf, round } from "./stats.js";

export type EncodingName = "o200k_base" | "cl100k_base";

/** Maximum tokens per training example for OpenAI fine-tuning (OpenAI fine-tuning guide, "Token limits":
 * gpt-4o / gpt-4o-mini 65,536; gpt-3.5-turbo-0125/-1106 16,385; gpt-4.1 family 65,536 as given in the issue). */
export const MODEL_TOKEN_LIMITS: Readonly<Record<string, number>> = {
  "gpt-4o-mini": 65_536,
  "gpt-4o": 65_536,
  "gpt-4.1-nano": 65_536,
  "gpt-4.1-mini": 65_536,
  "gpt-4.1": 65_536,
  "gpt-3.5-turbo": 16_385,
};

/** Limit for a model name: the longest MODEL_TOKEN_LIMITS key the name starts with. */
export function modelTokenLimit(model: string | undefined): number | undefined {
  if (!model) return undefined;
  const m = model.toLowerCase().replace(/^ft:/, "");
  let best: string | undefined;
  for (const k of Object.keys(MODEL_TOKEN_LIMITS)) if (m.startsWith(k) && (!best || k.length > best.length)) best = k;
  return best ? MODEL_TOKEN_LIMITS[best] : undefined;
}

/** OpenAI's default-epoch heuristic (cookbook "Chat fine-tuning data prep"): 3, raised so that examples x epochs
 * reaches 100 (at most 25 epochs), lowered so that it stays under 25,000 (at least 1). */
export function defaultEpochs(examples: number): number {
  if (examples <= 0) return 3;
  if (examples * 3 < 100) return Math.min(25, Math.ceil(100 / examples));
  if (examples * 3 > 25_000) return Math.max(1, Math.floor(25_000 / examples));
  return 3;
}

/** Content bytes tokenized in full before sampling starts (and the sampling budget). Tokenizing runs at 1–16 MB/s,
 * so on big inputs only a sample is tokenized; the report says so (`exact`, `relativeError`). */
export const DEFAULT_SAMPLE_BYTES = 1024 * 1024;

/** Characters of text kept for the fallback sample, and fallback entries kept at merge (see the file header). */
const FALLBACK_CHARS = 16 * 1024;
const FALLBACK_CHUNKS = 64;

export const TOKENS_PER_MESSAGE = 3;
export const TOKENS_PER_EXAMPLE = 3;
/** Per-example token histogram bucket lower edges. */
export const TOKEN_BUCKETS: readonly number[] = [0, 128, 256, 512, 1024, 2048, 4096, 8192, 16384, 32768, 65536];

type CountFn = (text: string) => number;
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

/** An unsampled example over PROBE_FACTOR × the limit in content bytes is counted only until it passes the limit,
 * in pieces of PROBE_CHARS characters (TokenAnalysis.overLimit). */
const PROBE_FACTOR = 8;
const PROBE_CHARS = 16 * 1024;

function formatBytes(n: number): string {
  return n >= 1048576 ? `${(n / 1048576).toFixed(1)} MiB` : `${Math.round(n / 1024)} KiB`;
}

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


export interface TokenOptions {
  encoding?: EncodingName;
  maxTokens?: number;
  model?: string;
  epochs?: number;
  pricePerMillion?: number;
  /** The sampling budget in content bytes (default 1 MiB). */
  sampleBytes?: number;
  /** Expected content bytes of the whole run (e.g. from file sizes). When known, every example is sampled with the
   * same probability sampleBytes / expectedBytes, so about `sampleBytes` are tokenized whatever the input size, and
   * runs of at most 1 MiB are exact. */
  expectedBytes?: number;
  /** Tokenize every example (all figures exact). */
  exact?: boolean;
  /** Per-example values kept for quantiles before reservoir sampling (default 100,000). */
  quantileCap?: number;
  /** PRNG seed of the sampling and reservoir draws (the orchestrator passes the chunk index); default 0. */
  seed?: number;
  /** Replace the tokenizer (tests). */
  countTokens?: (text: string) => number;
  /** Chunk mode: never tokenize here. Examples that need tokens (sampled, over the byte bound of the limit, or with
   * a role outside KNOWN_ROLE_TOKENS) travel in the partial as `pending`, and the merging instance tokenizes them
   * (merge() returns their `too-long` findings). Worker threads then never load a vocabulary. */
  defer?: boolean;
}

/** Tokens of the chat roles in both encodings (each is a single token; tests/analysis/merge-tokens.test.ts checks this
 * against the vocabularies): the chat overhead of an example is known without loading a vocabulary. */
export const KNOWN_ROLE_TOKENS: Readonly<Record<string, number>> = { system: 1, developer: 1, user: 1, assistant: 1, tool: 1, function: 1 };

/** The exact-count value of an example whose tokens wait for the merge (TokenAnalysis.last, per-example arrays). */
export const PENDING = -2;

interface Accounted {
  findings: Finding[];
  /** Exact tokens, or -1 when estimated. */
  exact: number;
  overhead: number;
}

/** What counting pending examples gives: their `too-long` findings (lines as in their chunk), the exact tokens of
 * those tokenized, and the overhead + content bytes of those left estimated (per-file token figures). */
export interface Resolved {
  findings: Finding[];
  exact: number;
  overhead: number;
  bytes: number;
}

/** An example whose tokens the merging instance counts (see TokenOptions.defer). */
export interface PendingExample {
  /** Record line within its chunk (as given to add()). */
  line: number;
  /** Roles and texts of messages then rejected messages. */
  roles: string[];
  texts: string[];
  bytes: number;
  aBytes: number;
  /** Sampling probability and whether it was drawn. */
  p: number;
  selected: boolean;
  /** Its slot in the per-example arrays, or -1. */
  slot: number;
}

export interface TokenResult {
  encoding: EncodingName;
  examples: number;
  /** Total tokens of all examples including chat overhead. */
  total: number;
  assistantTokens: number;
  mean: number;
  p5: number;
  p50: number;
  p95: number;
  max: number;
  /** true: every example tokenized, every figure exact. */
  exact: boolean;
  /** Examples tokenized in the uniform sample (the basis of the estimate). */
  sampledRecords: number;
  /** Examples tokenized in all (sample + limit checks). */
  tokenizedRecords: number;
  /** Approximate 95% relative error bound of `total` (0 when exact). */
  relativeError: number;
  /** Tokens per UTF-8 byte of content in the sample. */
  tokensPerByte: number;
  quantilesExact: boolean;
  histogram: { label: string; min: number; count: number }[];
  limit: number | null;
  limitSource: "maxTokens" | "model" | null;
  tooLong: number;
  billedTokens: number;
  epochs: number;
  epochsSource: "option" | "default";
  pricePerMillion?: number;
  estimatedCost?: number;
}

/** A chunk's state for merging (plain structured-clone-able data; see the file header). */
export interface TokenPartial {
  encoding: EncodingName;
  limit: number | null;
  quantileCap: number;
  examples: number;
  seenBytes: number;
  exactTotal: number;
  exactAssistant: number;
  exactBilled: number;
  exactMax: number;
  tokenized: number;
  estOverhead: number;
  estBytes: number;
  estAssistantBytes: number;
  /** Content bytes of the largest untokenized example (-1: none), and its overhead. */
  estMaxBytes: number;
  estMaxOverhead: number;
  /** Estimated examples known to be over the limit, their overhead and content bytes (billed at the limit). */
  overCount: number;
  overOverhead: number;
  overBytes: number;
  sampled: number;
  sT: number;
  sB: number;
  sAT: number;
  sAB: number;
  vTT: number;
  vTB: number;
  vBB: number;
  totalContentBytes: number;
  tooLong: number;
  /** Kept per-example values (parallel arrays): exact token count or -1, chat overhead, content bytes. */
  qExact: Int32Array;
  qOver: Uint32Array;
  qBytes: Float64Array;
  /** Chunk mode: examples still to tokenize, in example order (slot values of theirs still hold PENDING). */
  pending: PendingExample[];
  /** Fallback samples (see the file header): none when the chunk selected an example. */
  fallback: FallbackEntry[];
}

/** A chunk's fallback sample: the first characters of its first example with text, and the chunk's estimated bytes. */
export interface FallbackEntry {
  texts: string[];
  bytes: number;
}

/** Indexes of `keep` of `n` items by a systematic stride (all of them when keep >= n). */
function strideIndexes(n: number, keep: number): number[] {
  if (keep >= n) return Array.from({ length: n }, (_, i) => i);
  const out = new Array<number>(keep);
  for (let j = 0; j < keep; j++) out[j] = Math.floor(((j + 0.5) * n) / keep);
  return out;
}

/** The PRNG seed for stream `base` and the user seed (seed 0 gives `base`, the historical constant). */
function mixSeed(base: number, seed: number): number {
  return (base ^ Math.imul(seed >>> 0, 0x9e3779b9)) >>> 0;
}

export class TokenAnalysis {
  private readonly encoding: EncodingName;
  private readonly limit: number | undefined;
  private readonly limitSource: "maxTokens" | "model" | null;
  private readonly sampleBytes: number;
  private readonly expectedBytes: number | undefined;
  private readonly all: boolean;
  private readonly opts: TokenOptions;
  private count: CountFn | null = null;
  private roleCache = new Map<string, number>();
  private rnd: () => number;
  private resRnd: () => number;
  private examples = 0;
  private seenBytes = 0;
  /** An example was selected for the sample in this instance (its own add()s), or it merged a partial. */
  private selectedAny = false;
  /** Fallback sample (see the file header): texts of this instance's first example with text, at most
   * FALLBACK_CHARS characters; kept while no example was selected. */
  private fallback: string[] = [];
  /** Fallback entries of merged chunks (this instance's own first, when it has one). */
  private fallbacks: FallbackEntry[] = [];
  // exact part
  private exactTotal = 0;
  private exactAssistant = 0;
  private exactBilled = 0;
  private exactMax = 0;
  private tokenized = 0;
  // estimated part
  private estOverhead = 0;
  private estBytes = 0;
  private estAssistantBytes = 0;
  private estMaxBytes = -1;
  /** Estimated examples known to be over the limit (overLimit): billed at the limit, not at their estimate. */
  private overCount = 0;
  private overOverhead = 0;
  private overBytes = 0;
  private estMaxOverhead = 0;
  // ratio estimator (sampled examples, weight 1/p)
  private sampled = 0;
  private sT = 0;
  private sB = 0;
  private sAT = 0;
  private sAB = 0;
  private vTT = 0;
  private vTB = 0;
  private vBB = 0;
  private totalContentBytes = 0;
  // per-example values for quantiles: exact count or -1, overhead, content bytes
  private readonly qCap: number;
  private qExact: Int32Array;
  private qOver: Uint32Array;
  private qBytes: Float64Array;
  private qN = 0;
  private tooLong = 0;
  private readonly defer: boolean;
  private pending: PendingExample[] = [];

  constructor(opts: TokenOptions = {}) {
    this.opts = opts;
    this.encoding = opts.encoding ?? "o200k_base";
    if (opts.maxTokens !== undefined) {
      this.limit = opts.maxTokens;
      this.limitSource = "maxTokens";
    } else {
      this.limit = modelTokenLimit(opts.model);
      this.limitSource = this.limit !== undefined ? "model" : null;
    }
    this.sampleBytes = opts.sampleBytes ?? DEFAULT_SAMPLE_BYTES;
    this.expectedBytes = opts.expectedBytes;
    this.all = opts.exact ?? false;
    this.qCap = opts.quantileCap ?? 100_000;
    const seed = opts.seed ?? 0;
    this.rnd = mulberry32(mixSeed(0x51ed270b, seed));
    this.resRnd = mulberry32(mixSeed(0x2545f491, seed));
    const initial = Math.min(this.qCap, 4096);
    this.qExact = new Int32Array(initial);
    this.qOver = new Uint32Array(initial);
    this.qBytes = new Float64Array(initial);
    if (opts.countTokens) this.count = opts.countTokens;
    this.defer = opts.defer ?? false;
  }

  /** A TokenAnalysis with its vocabulary loaded (unless `countTokens` is given). */
  static async create(opts: TokenOptions = {}): Promise<TokenAnalysis> {
    const countTokens = opts.countTokens ?? (await loadCounter(opts.encoding ?? "o200k_base"));
    return new TokenAnalysis({ ...opts, countTokens });
  }

  private counter(): CountFn {
    if (!this.count) throw new Error("TokenAnalysis: vocabulary not loaded; use TokenAnalysis.create()");
    return this.count;
  }

  private roleTokens(role: string): number {
    let n = this.roleCache.get(role);
    if (n === undefined) {
      n = this.counter()(role);
      this.roleCache.set(role, n);
    }
    return n;
  }

  add(conv: Conversation, loc: RecordLoc): Finding[] {
    this.examples++;
    let overhead = TOKENS_PER_EXAMPLE;
    let bytes = 0;
    let aBytes = 0;
    let unknownRole = false;
    const visit = (m: Message) => {
      // Deferring, there is no vocabulary here: the chat roles' tokens are known, any other role waits for it.
      if (!this.defer) overhead += TOKENS_PER_MESSAGE + this.roleTokens(m.role);
      else if (Object.hasOwn(KNOWN_ROLE_TOKENS, m.role)) overhead += TOKENS_PER_MESSAGE + KNOWN_ROLE_TOKENS[m.role];
      else unknownRole = true;
      const b = m.text.length === 0 ? 0 : Buffer.byteLength(m.text, "utf8");
      bytes += b;
      if (m.role === "assistant") aBytes += b;
    };
    conv.messages.forEach(visit);
    conv.rejected?.forEach(visit);
    this.seenBytes += bytes;
    this.totalContentBytes += bytes;

    const p = this.all ? 1 : Math.min(1, this.sampleBytes / Math.max(1, this.expectedBytes ?? this.seenBytes));
    const selected = this.rnd() < p || p >= 1;
    if (selected) this.selectedAny = true;
    else if (bytes > 0 && !this.selectedAny && this.fallback.length === 0) this.keepFallback(conv);
    const needExact = this.limit !== undefined && overhead + bytes > this.limit;
    if (!(selected || needExact || unknownRole)) return this.setLast(this.account(overhead, bytes, aBytes, p, false, loc.line, null), bytes);
    // Needs its tokens: counted now, or (defer) where the partial is merged.
    const x: PendingExample = { line: loc.line, roles: [], texts: [], bytes, aBytes, p, selected, slot: this.keep(PENDING, 0, bytes) };
    const keepText = (m: Message) => {
      x.roles.push(m.role);
      x.texts.push(m.text);
    };
    conv.messages.forEach(keepText);
    conv.rejected?.forEach(keepText);
    if (!this.defer) return this.setLast(this.accountPending(x, this.qExact, this.qOver), bytes);
    this.pending.push(x);
    return this.setLast({ findings: [], exact: PENDING, overhead: 0 }, 0);
  }

  /** This instance's own fallback entry (none once it selected an example or merged a partial). */
  private ownFallback(): FallbackEntry[] {
    // (examples counted until they passed the limit are left out: in chunk mode the merge accounts for them)
    return this.selectedAny || this.fallback.length === 0 ? [] : [{ texts: [...this.fallback], bytes: this.estBytes - this.overBytes }];
  }

  private keepFallback(conv: Conversation): void {
    let room = FALLBACK_CHARS;
    const texts = [...conv.messages, ...(conv.rejected ?? [])].map((m) => m.text);
    for (const t of texts) {
      if (room <= 0) break;
      if (t.length === 0) continue;
      let piece = t.length <= room ? t : t.slice(0, room);
      if (piece.length < t.length && (piece.charCodeAt(piece.length - 1) & 0xfc00) === 0xd800) piece = piece.slice(0, -1);
      this.fallback.push(piece);
      room -= piece.length;
    }
  }

  private setLast(r: Accounted, bytes: number): Finding[] {
    this.last.exact = r.exact;
    this.last.overhead = r.overhead;
    this.last.bytes = bytes;
    return r.findings;
  }

  /** The accounting of one example (from add(), or a pending one): tokenized (`x` gives its texts) when sampled or
   * over the byte bound of the limit, estimated otherwise (`x` null). `x.slot`: its place in the per-example arrays
   * `q` (-1: none), which add() took; without `x` the values are kept here. */
  private account(overhead: number, bytes: number, aBytes: number, p: number, selected: boolean, line: number, x: PendingExample | null, q?: { e: Int32Array; o: Uint32Array }): Accounted {
    const needExact = this.limit !== undefined && overhead + bytes > this.limit;
    let exact = -1;
    let findings: Finding[] = [];
    // An unsampled example far over the limit in bytes is counted only until it passes the limit (overLimit): a
    // 12 MB base64 line took a minute to tokenize in full. It is then estimated like an unsampled example.
    const over = x !== null && !selected && needExact && bytes > PROBE_FACTOR * this.limit! && this.overLimit(x.texts, this.limit! - overhead);
    if (over) {
      this.tooLong++;
      this.overCount++;
      this.overOverhead += overhead;
      this.overBytes += bytes;
      findings = [
        {
          rule: "too-long",
          severity: "error",
          line,
          message: `example has more than ${this.limit} tokens (${this.encoding}), over the limit of ${this.limit}; its ${formatBytes(bytes)} of text were counted only until they passed it`,
        },
      ];
    }
    if (x && (selected || needExact) && !over) {
      const count = this.counter();
      let t = 0;
      let at = 0;
      for (let i = 0; i < x.texts.length; i++) {
        const n = count(x.texts[i]);
        t += n;
        if (x.roles[i] === "assistant") at += n;
      }
      exact = overhead + t;
      this.tokenized++;
      this.exactTotal += exact;
      this.exactAssistant += at;
      this.exactBilled += this.limit !== undefined ? Math.min(exact, this.limit) : exact;
      if (exact > this.exactMax) this.exactMax = exact;
      if (selected) {
        const w = 1 / p;
        this.sampled++;
        this.sT += w * t;
        this.sB += w * bytes;
        this.sAT += w * at;
        this.sAB += w * aBytes;
        const c = (1 - p) / (p * p);
        this.vTT += c * t * t;
        this.vTB += c * t * bytes;
        this.vBB += c * bytes * bytes;
      }
      if (this.limit !== undefined && exact > this.limit) {
        this.tooLong++;
        findings = [
          {
            rule: "too-long",
            severity: "error",
            line,
            message: `example has ${exact} tokens (${this.encoding}), over the limit of ${this.limit}`,
          },
        ];
      }
    } else {
      this.estOverhead += overhead;
      this.estBytes += bytes;
      this.estAssistantBytes += aBytes;
      if (bytes > this.estMaxBytes) {
        this.estMaxBytes = bytes;
        this.estMaxOverhead = overhead;
      }
    }
    if (!x) this.keep(exact, overhead, bytes);
    else if (q && x.slot >= 0 && q.e[x.slot] === PENDING) {
      q.e[x.slot] = exact;
      q.o[x.slot] = overhead;
    }
    return { findings, exact, overhead };
  }

  /** Whether the texts hold more than `cap` tokens, counting them in order, in pieces of PROBE_CHARS cut before a
   * whitespace character where the piece has one in its last quarter, and stopping once the count passes cap. A cut
   * can change a count by about a token, so the count must pass cap + cuts. False: the texts are not over (they were
   * all counted; the caller counts them again exactly). */
  private overLimit(texts: string[], cap: number): boolean {
    const count = this.counter();
    let t = 0;
    let cuts = 0;
    for (const s of texts) {
      let a = 0;
      while (a < s.length) {
        let b = Math.min(s.length, a + PROBE_CHARS);
        if (b < s.length) {
          let c = b;
          while (c > b - PROBE_CHARS / 4 && !isSpaceCode(s.charCodeAt(c))) c--;
          if (c > b - PROBE_CHARS / 4) b = c;
          else if ((s.charCodeAt(b) & 0xfc00) === 0xdc00) b--; // never between the halves of a surrogate pair
          cuts++;
        }
        t += count(s.slice(a, b));
        if (t > cap + cuts) return true;
        a = b;
      }
    }
    return false;
  }

  /** account() for a pending example: its overhead from its roles (the vocabulary is here now); its values go into
   * the per-example arrays `qExact`/`qOver` at its slot. */
  private accountPending(x: PendingExample, qExact: Int32Array, qOver: Uint32Array): Accounted {
    let overhead = TOKENS_PER_EXAMPLE;
    for (const r of x.roles) overhead += TOKENS_PER_MESSAGE + this.roleTokens(r);
    return this.account(overhead, x.bytes, x.aBytes, x.p, x.selected, x.line, x, { e: qExact, o: qOver });
  }

  /** Counts the tokens of a partial's pending examples into this instance's own sums (used by merge(), before the
   * partial's figures are folded in). Returns their `too-long` findings (lines as in the chunk) and, per the
   * file-level token figures, their exact tokens and the overhead + bytes of those left estimated. */
  private resolvePending(p: TokenPartial): Resolved {
    // The partial's per-example arrays get the values; this instance's own arrays are untouched.
    return this.resolve(p.pending, p.qExact, p.qOver);
  }

  /** Content bytes of the examples still pending (chunk mode). */
  get pendingBytes(): number {
    let n = 0;
    for (const x of this.pending) n += x.bytes;
    return n;
  }

  /** Chunk mode: tokenizes this instance's own pending examples now, with `countTokens` (a chunk with many of them —
   * long examples under a token limit — counts them itself rather than leave them all to the merge). The figures
   * are the ones the merge would give. Returns the examples' `too-long` findings (chunk lines) and per-file figures. */
  resolveOwnPending(countTokens: CountFn): Resolved {
    this.count = countTokens;
    const pending = this.pending;
    this.pending = [];
    return this.resolve(pending, this.qExact, this.qOver);
  }

  /** Counts pending examples into this instance's sums and into the per-example arrays `qExact`/`qOver`. */
  private resolve(pending: PendingExample[], qExact: Int32Array, qOver: Uint32Array): Resolved {
    const out: Resolved = { findings: [], exact: 0, overhead: 0, bytes: 0 };
    for (const x of pending) {
      const r = this.accountPending(x, qExact, qOver);
      out.findings.push(...r.findings);
      if (r.exact >= 0) out.exact += r.exact;
      else {
        out.overhead += r.overhead;
        out.bytes += x.bytes;
      }
    }
    return out;
  }

  /** The example last passed to add(): its exact token count (-1 when it was not tokenized, PENDING when its count
   * waits for the merge), its chat overhead and its content bytes — for per-file totals (untokenized bytes × the
   * final tokensPerByte). */
  readonly last = { exact: -1, overhead: 0, bytes: 0 };

  /** Keeps the example's values for the quantiles; returns its slot, or -1 when the reservoir passed it over. A slot
   * that held a pending example (PENDING) and is taken over by a later one: that pending example keeps slot -1. */
  private keep(exact: number, overhead: number, bytes: number): number {
    let j: number;
    if (this.qN < this.qCap) {
      if (this.qN === this.qExact.length) {
        const cap = Math.min(this.qCap, this.qExact.length * 2);
        const e = new Int32Array(cap);
        e.set(this.qExact);
        const o = new Uint32Array(cap);
        o.set(this.qOver);
        const b = new Float64Array(cap);
        b.set(this.qBytes);
        this.qExact = e;
        this.qOver = o;
        this.qBytes = b;
      }
      j = this.qN++;
    } else {
      j = Math.floor(this.resRnd() * this.examples);
      if (j >= this.qCap) return -1;
      if (this.qExact[j] === PENDING) for (const x of this.pending) if (x.slot === j) x.slot = -1;
    }
    this.qExact[j] = exact;
    this.qOver[j] = overhead;
    this.qBytes[j] = bytes;
    return j;
  }

  /** This instance's state as plain structured-clone-able data (copies; see the file header). */
  toPartial(): TokenPartial {
    return {
      encoding: this.encoding,
      limit: this.limit ?? null,
      quantileCap: this.qCap,
      examples: this.examples,
      seenBytes: this.seenBytes,
      exactTotal: this.exactTotal,
      exactAssistant: this.exactAssistant,
      exactBilled: this.exactBilled,
      exactMax: this.exactMax,
      tokenized: this.tokenized,
      estOverhead: this.estOverhead,
      estBytes: this.estBytes,
      estAssistantBytes: this.estAssistantBytes,
      estMaxBytes: this.estMaxBytes,
      overCount: this.overCount,
      overOverhead: this.overOverhead,
      overBytes: this.overBytes,
      estMaxOverhead: this.estMaxOverhead,
      sampled: this.sampled,
      sT: this.sT,
      sB: this.sB,
      sAT: this.sAT,
      sAB: this.sAB,
      vTT: this.vTT,
      vTB: this.vTB,
      vBB: this.vBB,
      totalContentBytes: this.totalContentBytes,
      tooLong: this.tooLong,
      qExact: this.qExact.slice(0, this.qN),
      qOver: this.qOver.slice(0, this.qN),
      qBytes: this.qBytes.slice(0, this.qN),
      pending: this.pending.map((x) => ({ ...x })),
      fallback: [...this.ownFallback(), ...this.fallbacks],
    };
  }

  /** Folds a later chunk's partial into this instance (see the file header), tokenizing its pending examples first
   * (this instance needs a vocabulary then). Throws when the partial was made with a different encoding, limit or
   * quantileCap. Returns what resolvePending() does; `last` is left as it was. */
  merge(p: TokenPartial): Resolved {
    if (p.encoding !== this.encoding || p.limit !== (this.limit ?? null) || p.quantileCap !== this.qCap) {
      throw new Error(
        `TokenAnalysis.merge: partial made with encoding ${p.encoding}, limit ${p.limit}, quantileCap ${p.quantileCap}; ` +
          `this instance has ${this.encoding}, ${this.limit ?? null}, ${this.qCap}`,
      );
    }
    // this instance's own examples form the first chunk: its fallback entry (if any) is fixed with its bytes now
    const own = this.ownFallback();
    if (own.length) this.fallbacks.unshift(...own);
    this.fallback = [];
    this.selectedAny = true;
    const resolved = this.resolvePending(p);
    const pn = p.qExact.length;
    if (p.qOver.length !== pn || p.qBytes.length !== pn) throw new Error("TokenAnalysis.merge: per-example arrays differ in length");
    const total = this.examples + p.examples;
    // null: all of that side, in order
    let thisIdx: number[] | null = null;
    let otherIdx: number[] | null = null;
    if (!(this.qN + pn <= this.qCap && (total <= this.qCap || this.examples === 0 || p.examples === 0))) {
      const keepThis = Math.min(this.qN, Math.round((this.qCap * this.examples) / total));
      const keepOther = Math.min(pn, this.qCap - keepThis);
      thisIdx = strideIndexes(this.qN, keepThis);
      otherIdx = strideIndexes(pn, keepOther);
    }
    const n = (thisIdx ? thisIdx.length : this.qN) + (otherIdx ? otherIdx.length : pn);
    const size = Math.max(n, Math.min(this.qCap, 4096));
    const e = new Int32Array(size);
    const o = new Uint32Array(size);
    const b = new Float64Array(size);
    let k = 0;
    if (thisIdx) {
      for (const i of thisIdx) {
        e[k] = this.qExact[i];
        o[k] = this.qOver[i];
        b[k++] = this.qBytes[i];
      }
    } else {
      e.set(this.qExact.subarray(0, this.qN));
      o.set(this.qOver.subarray(0, this.qN));
      b.set(this.qBytes.subarray(0, this.qN));
      k = this.qN;
    }
    if (otherIdx) {
      for (const i of otherIdx) {
        e[k] = p.qExact[i];
        o[k] = p.qOver[i];
        b[k++] = p.qBytes[i];
      }
    } else {
      e.set(p.qExact, k);
      o.set(p.qOver, k);
      b.set(p.qBytes, k);
    }
    this.qExact = e;
    this.qOver = o;
    this.qBytes = b;
    this.qN = n;

    this.examples = total;
    this.seenBytes += p.seenBytes;
    this.exactTotal += p.exactTotal;
    this.exactAssistant += p.exactAssistant;
    this.exactBilled += p.exactBilled;
    if (p.exactMax > this.exactMax) this.exactMax = p.exactMax;
    this.tokenized += p.tokenized;
    this.estOverhead += p.estOverhead;
    this.estBytes += p.estBytes;
    this.estAssistantBytes += p.estAssistantBytes;
    this.overCount += p.overCount;
    this.overOverhead += p.overOverhead;
    this.overBytes += p.overBytes;
    if (p.estMaxBytes > this.estMaxBytes) {
      this.estMaxBytes = p.estMaxBytes;
      this.estMaxOverhead = p.estMaxOverhead;
    }
    this.sampled += p.sampled;
    this.sT += p.sT;
    this.sB += p.sB;
    this.sAT += p.sAT;
    this.sAB += p.sAB;
    this.vTT += p.vTT;
    this.vTB += p.vTB;
    this.vBB += p.vBB;
    this.totalContentBytes += p.totalContentBytes;
    this.tooLong += p.tooLong;
    for (const f of p.fallback) if (this.fallbacks.length < FALLBACK_CHUNKS) this.fallbacks.push(f);
    return resolved;
  }

  finish(): TokenResult {
    if (this.pending.length) throw new Error("TokenAnalysis.finish: this instance deferred examples (defer: true); merge its partial into one with a vocabulary");
    let R = this.sB > 0 ? this.sT / this.sB : 0;
    const entries = this.sB === 0 && this.estBytes > 0 ? [...this.ownFallback(), ...this.fallbacks] : [];
    const fallback = entries.length > 0;
    if (fallback) {
      const count = this.counter();
      let weighted = 0;
      let weights = 0;
      for (const f of entries) {
        let t = 0;
        let b = 0;
        for (const text of f.texts) {
          t += count(text);
          b += Buffer.byteLength(text, "utf8");
        }
        const w = Math.max(f.bytes, 1);
        weighted += (w * t) / b;
        weights += w;
      }
      R = weighted / weights;
    }
    const RA = this.sAB > 0 ? this.sAT / this.sAB : R;
    const estimated = this.estOverhead + R * this.estBytes;
    const total = Math.round(this.exactTotal + estimated);
    const assistantTokens = Math.round(this.exactAssistant + RA * this.estAssistantBytes);
    // estimated examples are under the limit by construction, except those counted until they passed it
    const billed = Math.round(this.exactBilled + estimated - (this.overOverhead + R * this.overBytes) + (this.limit ?? 0) * this.overCount);
    const exact = this.tokenized === this.examples;
    let relativeError = 0;
    if (!exact && total > 0 && this.totalContentBytes > 0) {
      const v = Math.max(0, this.vTT - 2 * R * this.vTB + R * R * this.vBB);
      const share = this.estBytes / this.totalContentBytes;
      relativeError = round((1.96 * Math.sqrt(v) * share) / total, 4);
      if (fallback) relativeError = round(share, 4);
    }
    // per-example values
    const n = this.qN;
    const vals = new Float64Array(n);
    for (let i = 0; i < n; i++) vals[i] = this.qExact[i] >= 0 ? this.qExact[i] : Math.round(this.qOver[i] + R * this.qBytes[i]);
    vals.sort();
    const quantilesExact = exact && this.examples <= this.qCap;
    const scale = n > 0 ? this.examples / n : 0;
    const labels = bucketLabels(TOKEN_BUCKETS);
    const counts = new Array<number>(TOKEN_BUCKETS.length).fill(0);
    let b = 0;
    for (let i = 0; i < n; i++) {
      while (b + 1 < TOKEN_BUCKETS.length && vals[i] >= TOKEN_BUCKETS[b + 1]) b++;
      counts[b]++;
    }
    const histogram = TOKEN_BUCKETS.map((min, i) => ({ label: labels[i], min, count: Math.round(counts[i] * scale) }));
    const estMax = this.estMaxBytes >= 0 ? Math.round(this.estMaxOverhead + R * this.estMaxBytes) : 0;
    const epochs = this.opts.epochs ?? defaultEpochs(this.examples);
    const result: TokenResult = {
      encoding: this.encoding,
      examples: this.examples,
      total,
      assistantTokens,
      mean: this.examples ? round(total / this.examples, 2) : 0,
      p5: round(quantileOf(vals, 0.05), 2),
      p50: round(quantileOf(vals, 0.5), 2),
      p95: round(quantileOf(vals, 0.95), 2),
      max: Math.max(this.exactMax, estMax),
      exact,
      sampledRecords: this.sampled,
      tokenizedRecords: this.tokenized,
      relativeError,
      tokensPerByte: round(R, 4),
      quantilesExact,
      histogram,
      limit: this.limit ?? null,
      limitSource: this.limitSource,
      tooLong: this.tooLong,
      billedTokens: billed,
      epochs,
      epochsSource: this.opts.epochs !== undefined ? "option" : "default",
    };
    if (this.opts.pricePerMillion !== undefined) {
      result.pricePerMillion = this.opts.pricePerMillion;
      result.estimatedCost = round((epochs * billed * this.opts.pricePerMillion) / 1e6, 4);
    }
    return result;
  }
}

// Token analysis with gpt-tokenizer: per-example counts, `too-long` findings, totals and training cost.
//
//   const t = new TokenAnalysis({ encoding?: "o200k_base" | "cl100k_base", maxTokens?, model?, epochs?,
//                                 pricePerMillion?, sampleBytes?, exact? });
//   for (const [conv, loc] of records) findings.push(...t.add(conv, loc));   // `too-long` findings (errors)
//   const result: TokenResult = t.finish();
//
// Counting (OpenAI cookbook "How to count tokens with tiktoken", gpt-3.5/4 chat format): every message costs
// 3 tokens + tokens(role) + tokens(text), and every example 3 more tokens for reply priming. Besides the content, the
// texts of an example are each message's name (+1 token), its tool calls' names and arguments, and the record's tool
// definitions with the cookbook's fixed costs; images are counted by OpenAI's formula when their size is known
// (example-text.ts, image-tokens.ts: what is read, what is fixed, what is left out). Preference `rejected` messages
// are counted like extra messages. "Content bytes" below are the UTF-8 bytes of all those texts; the fixed tokens
// are part of an example's overhead.
// Special-token strings in text (e.g. "<|endoftext|>") are counted as plain text. A run of more than MAX_RUN (512)
// characters without whitespace (a base64 blob, a minified line) is counted in slices of MAX_RUN: BPE is quadratic in
// a run's length (countLinear in token-count.ts, which does all counting).
//
// Speed: counting runs at ~5-35 MB/s (token-count.ts: the pre-tokenizer split, then a cache of piece counts), so
// exact counts are made only where needed:
//  - limit checks: a token covers >= 1 UTF-8 byte, so overhead + content bytes is an upper bound; an example is
//    tokenized for the limit check only when that bound exceeds the limit. `too-long` findings are exact.
//  - totals/quantiles: each example is tokenized with probability p = min(1, sampleBytes / content bytes seen so far)
//    (deterministic seeded PRNG; p = 1 for the first `sampleBytes` = 1 MiB; with `expectedBytes` (the run's input
//    size) p = sampleBytes / expectedBytes throughout), so about 1 MiB is tokenized whatever the input size.
//    Strata: tokens per UTF-8 byte differ between scripts (English ~0.21, Chinese ~0.3, Russian ~0.11, combining
//    marks ~0.67 in o200k_base), so one ratio over a sample mixing them has a large and badly estimated variance.
//    Each example falls in one of STRATA (5) strata by its content's UTF-8 bytes per UTF-16 code unit (stratumOf:
//    ASCII; Latin <= 1.25; mixed <= 1.75; two-byte alphabets <= 2; three-byte scripts above — cut points measured,
//    see STRATA), and per stratum h untokenized examples are estimated as overhead + content bytes x R_h,
//    R_h = sum(w x tokens) / sum(w x bytes) over the sampled examples of h, w = 1/p.
//    Largest examples: an example that no sampled one resembles (a 1 MB record of combining marks among English
//    ones) is estimated at the wrong rate by any ratio. Each instance keeps, per stratum, its LARGEST_KEPT (4)
//    largest examples neither sampled nor over the limit's byte bound — their texts when they hold at most
//    LARGEST_CHARS (16 Ki) characters, else 8 evenly spaced pieces of ~2 Ki characters (cut before a word) — and
//    the merge keeps the 4 largest of the run per stratum (ties: the earlier chunk's). finish() tokenizes them
//    (at most 5 x 4 x ~16 Ki characters, whatever the input size): a whole one is exact, a pieced one is its
//    pieces' tokens per byte x its bytes; R_h applies to the stratum's other untokenized bytes. A stratum with no
//    sampled example takes the measured examples' ratio for the rest (none: the whole sample's, "pooled"). Examples
//    counted only until they passed the limit (see below) are extrapolated from what was counted of them.
//    `relativeError` is an approximate 95 % bound on `total`, rounded up to 4 decimals; 0 when every example was
//    tokenized (`exact: true` in the options tokenizes everything). Per stratum, combined in quadrature: the rest's
//    estimate (exact part + R_h x untokenized bytes U) has the linearised error sum over sampled examples of
//    e (w u + 1), e = tokens - R_h x bytes, u = U / the stratum's bytes (both without the measured examples), so
//    variance sum (1 - p)(w u + 1)^2 e^2 (varianceOf), taken at Student's t for the number of examples drawn with
//    p < 1, at most the rest's whole estimate; a pieced example's bound is t(7) x the standard error of its pieces' ratio x its bytes not counted
//    (at least a token per piece's bytes: a cut moves a count by about a token). Added as they are (a 100 % bound
//    on that part): the rest of a stratum with fewer than 2 drawn examples (no sample, or certainty ones only), and
//    the extrapolated part of examples counted until they passed the limit.
//  - quantiles/histogram: over per-example values kept exactly up to 100,000 examples, then a uniform reservoir
//    sample (`quantilesExact`), histogram counts scaled to all examples in that case.
// Chunked / parallel runs: every chunk gets a fresh instance (option `seed` = the chunk index), toPartial() after
// the chunk; one fresh "total" instance merge()s the partials in chunk order, then finish(). Partials are plain
// structured-clone-able data (numbers, typed arrays). The sampling probability is computed per chunk (`seenBytes`
// restarts in each fresh instance), so pass the run's `expectedBytes` to every chunk: without it each chunk
// tokenizes its first `sampleBytes` in full.
//  - merge: every count and sum adds, per stratum where it has one (examples, exact totals/assistant/billed,
//    tokenized/sampled/drawn, the weighted ratio-estimator sums and their variance terms — independent Poisson
//    sampling per chunk, so variances add —, estimated overhead/bytes, content bytes, tooLong); max is max (the
//    estimated max keeps the first largest-byte example of each stratum, as add() does); the largest examples'
//    lists merge as above. Each example keeps its own weight 1/p, so R_h = sum(w x tokens) / sum(w x bytes) over
//    all chunks.
//  - per-example quantile values (exact count or -1, overhead, bytes, stratum; untokenized ones are estimated with
//    their stratum's tokens per estimated byte in finish()) are concatenated in chunk order while the merged
//    example count <= quantileCap. Beyond the cap both sides are thinned to a proportional share of the cap: this
//    side keeps round(cap x examplesThis / examplesTotal) values, the incoming side the rest, each picked by a
//    systematic stride over its kept values (value j of `keep` taken at index floor((j + 0.5) x kept / keep));
//    `quantilesExact` is false then. Deterministic for a given chunk order.
//  - fresh.merge(chunk.toPartial()).finish() deep-equals chunk.finish(); with `exact: true` and at most
//    quantileCap examples the merged result equals a one-chunk run over the same examples. Deferred chunks
//    (`defer`) keep the same largest examples as tokenizing ones (chosen before any tokenizing), so their merged
//    result is the same too.
// Per-file figures: `last` gives each example's stratum; after finish(), estimateOf(overhead, bytes per stratum)
// applies each stratum's tokens per estimated byte to a file's share.
// Limit: `maxTokens`, else MODEL_TOKEN_LIMITS[model] (prefix match), else none.
// Epochs: `epochs`, else defaultEpochs(examples). Cost (only with pricePerMillion): epochs x billed tokens x price
// / 1e6, billed tokens = sum over examples of min(tokens, limit).
import type { Conversation, Finding, Message, RecordLoc } from "../model.js";
import { isSpaceCode } from "./text-scan.js";
import { loadCounter, type CountFn, type EncodingName } from "./token-count.js";
import { fixedTokens, forEachText } from "./example-text.js";

export type { EncodingName };
import { bucketLabels, mulberry32, quantileOf, round } from "./stats.js";


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

/** A `tokens.model` the gate has no limit for: what to tell the user (the known models, and which limit applies),
 * or undefined when the model is known or not set. `fromProfile`: the limit is the profile's default. */
export function unknownModelNotice(model: string | undefined, maxTokens: number | undefined, fromProfile?: boolean): string | undefined {
  if (!model || modelTokenLimit(model) !== undefined) return undefined;
  const limit = maxTokens === undefined ? "no token limit applies: set tokens.max-tokens to the model's context length" : fromProfile ? `the limit is the profile's ${maxTokens.toLocaleString("en-US")} tokens` : `the limit is tokens.max-tokens (${maxTokens.toLocaleString("en-US")})`;
  return `tokens.model '${model}' is not a model the gate knows (it knows ${Object.keys(MODEL_TOKEN_LIMITS).join(", ")}, and names that start with them): ${limit}`;
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

/** The largest unsampled examples of each stratum kept (LARGEST_KEPT, over the whole run), the characters kept of
 * each, and in how many evenly spaced pieces when it is longer (see the file header): finish() tokenizes at most
 * STRATA x 4 x ~16 Ki characters for them. */
const LARGEST_KEPT = 4;
const LARGEST_CHARS = 16 * 1024;
const LARGEST_PIECES = 8;

/** Strata of examples by UTF-8 bytes per UTF-16 code unit of their content (stratumOf). Tokens per byte differ
 * strongly between scripts, and the ratio estimator is applied per stratum. Measured with o200k_base (cl100k_base
 * in brackets) on real public chat datasets and on paragraphs of other scripts, as bytes/unit: tokens/byte —
 *   ASCII 1.00: English prose 0.17-0.25 (the same), code 0.32;
 *   Latin with diacritics: fr/de/es/pl 1.02-1.05: 0.19-0.27 (0.23-0.34), Turkish 1.04-1.11: 0.29 (0.36);
 *   1.3-1.6: Vietnamese 1.32: 0.20 (0.37), emoji-laden text 1.35: 0.30 (0.41), math symbols 1.40: 0.50,
 *     combining marks 1.50-1.59: 0.67-0.73; and English or Chinese text mixed with other scripts;
 *   two-byte alphabets 1.82-1.86: Russian 0.11 (0.22), Ukrainian, Greek, Arabic, Hebrew, Persian 0.15-0.19
 *     (0.36-0.52); emoji alone 2.0: 0.48;
 *   three-byte scripts 2.1-3.0: Chinese 0.25-0.34 (0.40-0.51), Japanese 0.25, Korean 0.21, Hindi, Bengali and
 *     Thai 0.11-0.14 (0.33-0.46).
 * Cut points: 2.0 is a hard edge — text of one- and two-byte characters (U+0000-U+07FF) and of surrogate pairs
 * (4 bytes per 2 units) has at most 2 bytes per unit, so only three-byte characters (U+0800-U+FFFF: CJK, kana,
 * Hangul, Indic, Thai) pass it. 1.75 puts the two-byte alphabets, written with ASCII spaces and punctuation at
 * 1.82-1.86, apart from mixtures; 1.25 puts the Latin languages (1.02-1.11) apart from heavy diacritics, combining
 * marks, symbols and mixtures. On real-data plus those paragraphs (each weighted as 100 examples) these cuts leave
 * about a fifth less byte-weighted squared deviation of examples from their stratum's ratio than two cuts at 1.3
 * and 2.2 (o200k_base; cl100k_base: 5 % less). */
export const STRATA = 5;
export const STRATUM_NAMES: readonly string[] = ["ascii", "latin", "mixed", "two-byte", "three-byte"];

/** The stratum of an example of `bytes` UTF-8 bytes in `units` UTF-16 code units (see STRATA): 0 pure ASCII (or no
 * text), 1 up to 1.25 bytes per unit, 2 up to 1.75, 3 up to 2, 4 above. */
export function stratumOf(bytes: number, units: number): number {
  if (bytes <= units) return 0;
  if (4 * bytes <= 5 * units) return 1;
  if (4 * bytes <= 7 * units) return 2;
  return bytes <= 2 * units ? 3 : 4;
}

/** 97.5 % quantiles of Student's t for 1..30 degrees of freedom (the bound of a stratum estimated from few drawn
 * examples); beyond 30 a Cornish-Fisher expansion around 1.96. */
const T975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];
function t975(df: number): number {
  if (df <= 30) return T975[Math.max(1, Math.floor(df)) - 1];
  const z = 1.959964;
  return z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df * df);
}

export const TOKENS_PER_MESSAGE = 3;
export const TOKENS_PER_EXAMPLE = 3;
/** Per-example token histogram bucket lower edges. */
export const TOKEN_BUCKETS: readonly number[] = [0, 128, 256, 512, 1024, 2048, 4096, 8192, 16384, 32768, 65536];

/** An unsampled example over PROBE_FACTOR × the limit in content bytes is counted only until it passes the limit,
 * in pieces of PROBE_CHARS characters (TokenAnalysis.overLimit). */
const PROBE_FACTOR = 8;
const PROBE_CHARS = 16 * 1024;

function formatBytes(n: number): string {
  return n >= 1048576 ? `${(n / 1048576).toFixed(1)} MiB` : `${Math.round(n / 1024)} KiB`;
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
  /** Replace the tokenizer (tests, and the target model's tokenizer: target/). */
  countTokens?: (text: string) => number;
  /** The target model's tokenizer.json counting the examples (as the user named it), for the result. */
  tokenizer?: string;
  /** Chunk mode: examples that need tokens (sampled, over the byte bound of the limit, or with a role outside
   * KNOWN_ROLE_TOKENS) wait as `pending`, to be tokenized all at once by resolveOwnPending() (the engine's chunks do
   * that at their end) or, when left in the partial, by the merging instance (merge() returns their `too-long`
   * findings). */
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
 * those tokenized, and the overhead + content bytes per stratum of those left estimated (per-file token figures:
 * TokenAnalysis.estimateOf). */
export interface Resolved {
  findings: Finding[];
  exact: number;
  overhead: number;
  bytes: number[];
}

/** An example whose tokens the merging instance counts (see TokenOptions.defer). */
export interface PendingExample {
  /** Record line within its chunk (as given to add()). */
  line: number;
  /** Roles of the messages then rejected messages (one chat overhead each), the example's fixed tokens (names,
   * images, tool-definition costs: example-text.ts), and its texts (example-text.ts forEachText) with whether each
   * is an assistant's. */
  roles: string[];
  fixed: number;
  texts: string[];
  assistant: boolean[];
  bytes: number;
  aBytes: number;
  /** Its stratum (stratumOf). */
  stratum: number;
  /** Sampling probability and whether it was drawn. */
  p: number;
  selected: boolean;
  /** Its slot in the per-example arrays, or -1. */
  slot: number;
  /** One text, rendered by the target's chat template: no chat overhead; assistant tokens are the assistant's share
   * (aBytes / bytes) of its tokens. */
  rendered?: boolean;
}

/** An example as the target model's chat template renders it (TokenAnalysis.add). */
export interface RenderedExample {
  text: string;
  /** UTF-8 bytes of the assistant's text in it. */
  assistantBytes: number;
  /** `text` with found secrets and personal data masked, when it differs (privacy/). */
  shown?: string;
}

/** The role of a rendered example's one text. */
const RENDERED = "\u0000rendered";

const renderedConv = (text: string): Conversation => ({ messages: [{ role: RENDERED, text, images: 0, toolCalls: 0 }], hasTools: false });

export interface TokenResult {
  encoding: EncodingName;
  /** Set when the target model's tokenizer.json counted the examples as its chat template renders them (then
   * `encoding` is not used). */
  tokenizer?: string;
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
  /** Tokens per UTF-8 byte of content: the strata's ratios weighted by their content bytes. */
  tokensPerByte: number;
  /** Per stratum (STRATUM_NAMES order; see the file header): content bytes, bytes estimated (not tokenized),
   * examples in the sample, its largest unsampled examples measured apart, the tokens per estimated byte (all of
   * the stratum's sample ratio when nothing is estimated), and where the rest's ratio came from: "sample", "largest"
   * (no sample: the measured examples'), "pooled" (neither: the whole sample's) or "exact" (nothing estimated). */
  strata: { name: string; bytes: number; estimatedBytes: number; sampledRecords: number; measuredRecords: number; tokensPerByte: number; basis: "exact" | "sample" | "largest" | "pooled" }[];
  quantilesExact: boolean;
  histogram: { label: string; min: number; count: number }[];
  limit: number | null;
  limitSource: "maxTokens" | "model" | null;
  tooLong: number;
  /** Image parts in the examples; those counted (detail "low", or a size known from a data URI) and their tokens,
   * which `total` includes. `parts - counted` images are not counted (their size is unknown: a URL or a path). */
  images: { parts: number; counted: number; tokens: number };
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
  /** Arrays of STRATA values, one per stratum, from here to contentBytes. Untokenized content bytes (of which
   * assistant ones). */
  estBytes: Float64Array;
  estAssistantBytes: Float64Array;
  /** Content bytes of the largest untokenized example (-1: none), and its overhead. */
  estMaxBytes: Float64Array;
  estMaxOverhead: Float64Array;
  /** Content bytes of estimated examples known to be over the limit (billed at the limit), their estimated tokens
   * (counted until past the limit, then extrapolated at that rate) and the extrapolated part of those. */
  overBytes: Float64Array;
  overTokens: Float64Array;
  overExtra: Float64Array;
  /** Sampled examples; those of them drawn with p < 1 (they carry the variance). */
  sN: Float64Array;
  dN: Float64Array;
  /** Ratio-estimator sums: weighted tokens and bytes (all, assistant). */
  sT: Float64Array;
  sB: Float64Array;
  sAT: Float64Array;
  sAB: Float64Array;
  /** Variance sums, 9 per stratum (STRATA x 9; see VAR_TERMS). */
  v: Float64Array;
  contentBytes: Float64Array;
  /** Estimated examples known to be over the limit and their overhead (billed at the limit). */
  overCount: number;
  overOverhead: number;
  tooLong: number;
  /** Image parts, those counted, their tokens (TokenResult.images). */
  images: [number, number, number];
  /** Kept per-example values (parallel arrays): exact token count or -1, chat overhead, content bytes, stratum. */
  qExact: Int32Array;
  qOver: Uint32Array;
  qBytes: Float64Array;
  qStratum: Uint8Array;
  /** Chunk mode: examples still to tokenize, in example order (slot values of theirs still hold PENDING). */
  pending: PendingExample[];
  /** The largest unsampled examples (see the file header): at most LARGEST_KEPT per stratum, by stratum, largest
   * first. */
  largest: LargeExample[];
}

/** One of the largest unsampled examples of a stratum: its content bytes, and its texts (`whole`) or, when they
 * are longer than LARGEST_CHARS characters, LARGEST_PIECES evenly spaced pieces of them (piecesOf). */
export interface LargeExample {
  stratum: number;
  bytes: number;
  whole: boolean;
  texts: string[];
}

/** Variance sums per stratum (TokenPartial.v): for each sampled example with p < 1, c x {t², t·b, b²} (t its content
 * tokens, b its content bytes) with c = (1 - p) / p², then c·p, then c·p² (9 values per stratum). */
const VAR_TERMS = 9;

function addVariance(v: Float64Array, h: number, p: number, t: number, b: number): void {
  let c = (1 - p) / (p * p);
  let o = h * VAR_TERMS;
  for (let k = 0; k < 3; k++, o += 3, c *= p) {
    v[o] += c * t * t;
    v[o + 1] += c * t * b;
    v[o + 2] += c * b * b;
  }
}

/** The variance of stratum h's estimated tokens, exact tokens of its tokenized examples + R x its untokenized
 * bytes U, with u = U / its content bytes B. Linearised, its error is sum over sampled examples of
 * e (w u + 1), e = t - R b, w = 1/p (R's error moves R x U, and the sample's own residuals are in the exact part),
 * so under Poisson sampling the variance estimate is sum (1 - p) (w u + 1)² e² = u² S0 + 2u S1 + S2 with
 * Sk = sum c pᵏ e², c = (1 - p) / p². (With one p for all and u = 1 - p this is sum c e², the Horvitz-Thompson
 * variance: scaling that by u², as before, understated the error by 1/u, e.g. 1.5x for u = 2/3.) */
function varianceOf(v: Float64Array, h: number, r: number, u: number): number {
  const o = h * VAR_TERMS;
  const s = (k: number) => v[o + 3 * k] - 2 * r * v[o + 3 * k + 1] + r * r * v[o + 3 * k + 2];
  return Math.max(0, u * u * s(0) + 2 * u * s(1) + s(2));
}

/** An example's texts when they hold at most LARGEST_CHARS characters; else LARGEST_PIECES pieces of about
 * LARGEST_CHARS / LARGEST_PIECES characters of them (joined by "\n") centred at evenly spaced points, each starting
 * and ending at a word's start (cutBefore). */
function piecesOf(conv: Conversation): { whole: boolean; texts: string[] } {
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
function keepLarge(list: LargeExample[], x: LargeExample): void {
  let i = list.length;
  while (i > 0 && list[i - 1].bytes < x.bytes) i--;
  list.splice(i, 0, x);
  if (list.length > LARGEST_KEPT) list.length = LARGEST_KEPT;
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
  /** Per stratum, the LARGEST_KEPT largest examples neither selected nor over the limit's byte bound, largest first
   * (ties: the earlier first), of this instance's examples and the merged partials'. */
  private largest: LargeExample[][] = Array.from({ length: STRATA }, () => []);
  // exact part
  private exactTotal = 0;
  private exactAssistant = 0;
  private exactBilled = 0;
  private exactMax = 0;
  private tokenized = 0;
  // estimated part (arrays: one value per stratum)
  private estOverhead = 0;
  private estBytes = new Float64Array(STRATA);
  private estAssistantBytes = new Float64Array(STRATA);
  private estMaxBytes = new Float64Array(STRATA).fill(-1);
  private estMaxOverhead = new Float64Array(STRATA);
  /** Estimated examples known to be over the limit (overLimit): billed at the limit, not at their estimate. */
  private overCount = 0;
  private overOverhead = 0;
  private overBytes = new Float64Array(STRATA);
  /** Their estimated content tokens (counted, then extrapolated at that rate), and the extrapolated part. */
  private overTokens = new Float64Array(STRATA);
  private overExtra = new Float64Array(STRATA);
  // ratio estimator per stratum (sampled examples, weight 1/p)
  private sN = new Float64Array(STRATA);
  private dN = new Float64Array(STRATA);
  private sT = new Float64Array(STRATA);
  private sB = new Float64Array(STRATA);
  private sAT = new Float64Array(STRATA);
  private sAB = new Float64Array(STRATA);
  private v = new Float64Array(STRATA * VAR_TERMS);
  private contentBytes = new Float64Array(STRATA);
  /** The ratios finish() applied per stratum (estimateOf). */
  private rates = new Float64Array(STRATA);
  // per-example values for quantiles: exact count or -1, overhead, content bytes, stratum
  private readonly qCap: number;
  private qExact: Int32Array;
  private qOver: Uint32Array;
  private qBytes: Float64Array;
  private qStratum: Uint8Array;
  private qN = 0;
  private tooLong = 0;
  private images: [number, number, number] = [0, 0, 0];
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
    this.qStratum = new Uint8Array(initial);
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

  /** `rendered`: the example as the target model's chat template renders it (target/): its tokens are those of that
   * text (no chat overhead is added), and its assistant tokens that share of them which the assistant's text is of
   * its bytes. `shown`: the conversation with found secrets and personal data masked (privacy/), when it differs:
   * the texts kept of the largest examples (which travel in partial results) come from it (or from
   * `rendered.shown`). */
  add(conv: Conversation, loc: RecordLoc, rendered?: RenderedExample, shown?: Conversation): Finding[] {
    this.examples++;
    const original = conv;
    if (rendered) {
      conv = renderedConv(rendered.text);
      shown = rendered.shown !== undefined ? renderedConv(rendered.shown) : undefined;
    }
    const fixed = fixedTokens(original, this.encoding);
    this.images[0] += fixed.images;
    // the rendered text holds the tool definitions and names; image tokens depend on the model: not counted then
    if (!rendered) {
      this.images[1] += fixed.imagesCounted;
      this.images[2] += fixed.imageTokens;
    }
    let overhead = rendered ? 0 : TOKENS_PER_EXAMPLE + fixed.tokens;
    let bytes = 0;
    let aBytes = 0;
    let units = 0;
    let unknownRole = false;
    const visit = (m: Message) => {
      // Deferring, there is no vocabulary here: the chat roles' tokens are known, any other role waits for it.
      if (!this.defer) overhead += TOKENS_PER_MESSAGE + this.roleTokens(m.role);
      else if (Object.hasOwn(KNOWN_ROLE_TOKENS, m.role)) overhead += TOKENS_PER_MESSAGE + KNOWN_ROLE_TOKENS[m.role];
      else unknownRole = true;
    };
    if (!rendered) {
      conv.messages.forEach(visit);
      conv.rejected?.forEach(visit);
    }
    forEachText(conv, (text, assistant) => {
      const b = Buffer.byteLength(text, "utf8");
      bytes += b;
      units += text.length;
      if (assistant) aBytes += b;
    });
    if (rendered) aBytes = Math.min(bytes, rendered.assistantBytes);
    this.seenBytes += bytes;
    const h = stratumOf(bytes, units);
    this.contentBytes[h] += bytes;

    const p = this.all ? 1 : Math.min(1, this.sampleBytes / Math.max(1, this.expectedBytes ?? this.seenBytes));
    const selected = this.rnd() < p || p >= 1;
    const needExact = this.limit !== undefined && overhead + bytes > this.limit;
    if (!selected && !needExact && bytes > 0) {
      const list = this.largest[h];
      if (list.length < LARGEST_KEPT || bytes > list[list.length - 1].bytes) keepLarge(list, { stratum: h, bytes, ...piecesOf(shown ?? conv) });
    }
    if (!(selected || needExact || unknownRole)) return this.setLast(this.account(overhead, bytes, aBytes, h, p, false, loc.line, null), bytes, h);
    // Needs its tokens: counted now, or (defer) where the partial is merged.
    const x: PendingExample = { line: loc.line, roles: [], fixed: rendered ? 0 : fixed.tokens, texts: [], assistant: [], bytes, aBytes, stratum: h, p, selected, slot: this.keep(PENDING, 0, bytes, h) };
    if (rendered) x.rendered = true;
    const keepRole = (m: Message) => x.roles.push(m.role);
    conv.messages.forEach(keepRole);
    conv.rejected?.forEach(keepRole);
    forEachText(conv, (text, assistant) => {
      x.texts.push(text);
      x.assistant.push(assistant);
    });
    if (!this.defer) return this.setLast(this.accountPending(x, this.qExact, this.qOver), bytes, h);
    this.pending.push(x);
    return this.setLast({ findings: [], exact: PENDING, overhead: 0 }, 0, h);
  }

  private setLast(r: Accounted, bytes: number, stratum: number): Finding[] {
    this.last.exact = r.exact;
    this.last.overhead = r.overhead;
    this.last.bytes = bytes;
    this.last.stratum = stratum;
    return r.findings;
  }

  /** The accounting of one example (from add(), or a pending one): tokenized (`x` gives its texts) when sampled or
   * over the byte bound of the limit, estimated otherwise (`x` null). `x.slot`: its place in the per-example arrays
   * `q` (-1: none), which add() took; without `x` the values are kept here. */
  private account(overhead: number, bytes: number, aBytes: number, h: number, p: number, selected: boolean, line: number, x: PendingExample | null, q?: { e: Int32Array; o: Uint32Array }): Accounted {
    const needExact = this.limit !== undefined && overhead + bytes > this.limit;
    let exact = -1;
    let findings: Finding[] = [];
    // An unsampled example far over the limit in bytes is counted only until it passes the limit (overLimit): a
    // 12 MB base64 line took a minute to tokenize in full. It is then estimated like an unsampled example.
    const over = x !== null && !selected && needExact && bytes > PROBE_FACTOR * this.limit! ? this.overLimit(x.texts, this.limit! - overhead) : null;
    if (over) {
      this.tooLong++;
      this.overCount++;
      this.overOverhead += overhead;
      this.overBytes[h] += bytes;
      // its tokens: those counted, extrapolated to all its bytes at their rate
      const est = (over.tokens * bytes) / Math.max(1, over.bytes);
      this.overTokens[h] += est;
      this.overExtra[h] += est - over.tokens;
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
        if (x.assistant[i]) at += n;
      }
      if (x.rendered) at = x.bytes > 0 ? Math.round((t * x.aBytes) / x.bytes) : 0;
      exact = overhead + t;
      this.tokenized++;
      this.exactTotal += exact;
      this.exactAssistant += at;
      this.exactBilled += this.limit !== undefined ? Math.min(exact, this.limit) : exact;
      if (exact > this.exactMax) this.exactMax = exact;
      if (selected) {
        const w = 1 / p;
        this.sN[h]++;
        if (p < 1) this.dN[h]++;
        this.sT[h] += w * t;
        this.sB[h] += w * bytes;
        this.sAT[h] += w * at;
        this.sAB[h] += w * aBytes;
        addVariance(this.v, h, p, t, bytes);
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
      this.estBytes[h] += bytes;
      this.estAssistantBytes[h] += aBytes;
      if (bytes > this.estMaxBytes[h]) {
        this.estMaxBytes[h] = bytes;
        this.estMaxOverhead[h] = overhead;
      }
    }
    if (!x) this.keep(exact, overhead, bytes, h);
    else if (q && x.slot >= 0 && q.e[x.slot] === PENDING) {
      q.e[x.slot] = exact;
      q.o[x.slot] = overhead;
    }
    return { findings, exact, overhead };
  }

  /** The tokens of one of the largest unsampled examples: counted when whole; else the pieces' tokens per byte times
   * its bytes, with a bound on the extrapolated part: Student's t (pieces - 1) x the standard error of the pieces'
   * ratio (as a simple random sample of pieces of the example) x the bytes not counted, at least a token per piece's
   * bytes not counted (a cut can move a count by about a token), at most that part whole. */
  private measure(x: LargeExample): { tokens: number; bound: number } {
    const count = this.counter();
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

  /** Whether the texts hold more than `cap` tokens, counting them in order, in pieces of PROBE_CHARS cut before a
   * whitespace character where the piece has one in its last quarter, and stopping once the count passes cap. A cut
   * can change a count by about a token, so the count must pass cap + cuts. False: the texts are not over (they were
   * all counted; the caller counts them again exactly). */
  private overLimit(texts: string[], cap: number): { tokens: number; bytes: number } | null {
    const count = this.counter();
    let t = 0;
    let counted = 0;
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
        const piece = s.slice(a, b);
        t += count(piece);
        counted += Buffer.byteLength(piece, "utf8");
        if (t > cap + cuts) return { tokens: t, bytes: counted };
        a = b;
      }
    }
    return null;
  }

  /** account() for a pending example: its overhead from its roles (the vocabulary is here now); its values go into
   * the per-example arrays `qExact`/`qOver` at its slot. */
  private accountPending(x: PendingExample, qExact: Int32Array, qOver: Uint32Array): Accounted {
    let overhead = x.rendered ? 0 : TOKENS_PER_EXAMPLE + x.fixed;
    if (!x.rendered) for (const r of x.roles) overhead += TOKENS_PER_MESSAGE + this.roleTokens(r);
    return this.account(overhead, x.bytes, x.aBytes, x.stratum, x.p, x.selected, x.line, x, { e: qExact, o: qOver });
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
    const out: Resolved = { findings: [], exact: 0, overhead: 0, bytes: new Array<number>(STRATA).fill(0) };
    for (const x of pending) {
      const r = this.accountPending(x, qExact, qOver);
      out.findings.push(...r.findings);
      if (r.exact >= 0) out.exact += r.exact;
      else {
        out.overhead += r.overhead;
        out.bytes[x.stratum] += x.bytes;
      }
    }
    return out;
  }

  /** The example last passed to add(): its exact token count (-1 when it was not tokenized, PENDING when its count
   * waits for the merge), its chat overhead, its content bytes and its stratum — for per-file totals (untokenized
   * bytes per stratum, estimated with estimateOf() after finish()). */
  readonly last = { exact: -1, overhead: 0, bytes: 0, stratum: 0 };

  /** After finish(): the tokens of examples left estimated, from their overhead and their content bytes per stratum
   * (per-file figures: the run's per-stratum ratios applied to one file's share). */
  estimateOf(overhead: number, bytes: ArrayLike<number>): number {
    let t = overhead;
    for (let h = 0; h < STRATA; h++) t += (bytes[h] ?? 0) * this.rates[h];
    return t;
  }

  /** Keeps the example's values for the quantiles; returns its slot, or -1 when the reservoir passed it over. A slot
   * that held a pending example (PENDING) and is taken over by a later one: that pending example keeps slot -1. */
  private keep(exact: number, overhead: number, bytes: number, stratum: number): number {
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
        const st = new Uint8Array(cap);
        st.set(this.qStratum);
        this.qExact = e;
        this.qOver = o;
        this.qBytes = b;
        this.qStratum = st;
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
    this.qStratum[j] = stratum;
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
      estBytes: this.estBytes.slice(),
      estAssistantBytes: this.estAssistantBytes.slice(),
      estMaxBytes: this.estMaxBytes.slice(),
      estMaxOverhead: this.estMaxOverhead.slice(),
      overBytes: this.overBytes.slice(),
      overTokens: this.overTokens.slice(),
      overExtra: this.overExtra.slice(),
      sN: this.sN.slice(),
      dN: this.dN.slice(),
      sT: this.sT.slice(),
      sB: this.sB.slice(),
      sAT: this.sAT.slice(),
      sAB: this.sAB.slice(),
      v: this.v.slice(),
      contentBytes: this.contentBytes.slice(),
      overCount: this.overCount,
      overOverhead: this.overOverhead,
      tooLong: this.tooLong,
      images: [...this.images],
      qExact: this.qExact.slice(0, this.qN),
      qOver: this.qOver.slice(0, this.qN),
      qBytes: this.qBytes.slice(0, this.qN),
      qStratum: this.qStratum.slice(0, this.qN),
      pending: this.pending.map((x) => ({ ...x })),
      largest: this.largest.flatMap((list) => list.map((x) => ({ ...x, texts: [...x.texts] }))),
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
    const resolved = this.resolvePending(p);
    const pn = p.qExact.length;
    if (p.qOver.length !== pn || p.qBytes.length !== pn || p.qStratum.length !== pn) throw new Error("TokenAnalysis.merge: per-example arrays differ in length");
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
    const st = new Uint8Array(size);
    let k = 0;
    if (thisIdx) {
      for (const i of thisIdx) {
        e[k] = this.qExact[i];
        o[k] = this.qOver[i];
        st[k] = this.qStratum[i];
        b[k++] = this.qBytes[i];
      }
    } else {
      e.set(this.qExact.subarray(0, this.qN));
      o.set(this.qOver.subarray(0, this.qN));
      b.set(this.qBytes.subarray(0, this.qN));
      st.set(this.qStratum.subarray(0, this.qN));
      k = this.qN;
    }
    if (otherIdx) {
      for (const i of otherIdx) {
        e[k] = p.qExact[i];
        o[k] = p.qOver[i];
        st[k] = p.qStratum[i];
        b[k++] = p.qBytes[i];
      }
    } else {
      e.set(p.qExact, k);
      o.set(p.qOver, k);
      b.set(p.qBytes, k);
      st.set(p.qStratum, k);
    }
    this.qExact = e;
    this.qOver = o;
    this.qBytes = b;
    this.qStratum = st;
    this.qN = n;

    this.examples = total;
    this.seenBytes += p.seenBytes;
    this.exactTotal += p.exactTotal;
    this.exactAssistant += p.exactAssistant;
    this.exactBilled += p.exactBilled;
    if (p.exactMax > this.exactMax) this.exactMax = p.exactMax;
    this.tokenized += p.tokenized;
    this.estOverhead += p.estOverhead;
    this.overCount += p.overCount;
    this.overOverhead += p.overOverhead;
    for (let h = 0; h < STRATA; h++) {
      this.estBytes[h] += p.estBytes[h];
      this.estAssistantBytes[h] += p.estAssistantBytes[h];
      this.overBytes[h] += p.overBytes[h];
      this.overTokens[h] += p.overTokens[h];
      this.overExtra[h] += p.overExtra[h];
      if (p.estMaxBytes[h] > this.estMaxBytes[h]) {
        this.estMaxBytes[h] = p.estMaxBytes[h];
        this.estMaxOverhead[h] = p.estMaxOverhead[h];
      }
      this.sN[h] += p.sN[h];
      this.dN[h] += p.dN[h];
      this.sT[h] += p.sT[h];
      this.sB[h] += p.sB[h];
      this.sAT[h] += p.sAT[h];
      this.sAB[h] += p.sAB[h];
      for (let k = h * VAR_TERMS; k < (h + 1) * VAR_TERMS; k++) this.v[k] += p.v[k];
      this.contentBytes[h] += p.contentBytes[h];
    }
    this.tooLong += p.tooLong;
    for (let k = 0; k < 3; k++) this.images[k] += p.images[k];
    // the partial's examples come after this instance's: on equal bytes this instance's stay first
    for (const x of p.largest) {
      const list = this.largest[x.stratum];
      if (list.length < LARGEST_KEPT || x.bytes > list[list.length - 1].bytes) keepLarge(list, x);
    }
    return resolved;
  }

  finish(): TokenResult {
    if (this.pending.length) throw new Error("TokenAnalysis.finish: this instance deferred examples (defer: true); merge its partial into one with a vocabulary");
    // R: tokens per estimated byte of each stratum (its measured examples and the rest); rest: the rest's ratio
    const R = this.rates;
    const rest = new Float64Array(STRATA);
    const basis = new Array<TokenResult["strata"][number]["basis"]>(STRATA).fill("exact");
    // the largest unsampled examples, measured: their tokens (extrapolated from their pieces), bytes, the squared
    // bound of the extrapolation, and the largest one's tokens per byte
    const mT = new Float64Array(STRATA);
    const mB = new Float64Array(STRATA);
    const mVar = new Float64Array(STRATA);
    const topRate = new Float64Array(STRATA).fill(-1);
    let pT = 0;
    let pB = 0;
    let allT = 0;
    let allB = 0;
    for (let h = 0; h < STRATA; h++) {
      pT += this.sT[h];
      pB += this.sB[h];
      if (this.estBytes[h] === 0) continue;
      for (const x of this.largest[h]) {
        const m = this.measure(x);
        if (topRate[h] < 0) topRate[h] = m.tokens / x.bytes;
        mT[h] += m.tokens;
        mB[h] += x.bytes;
        mVar[h] += m.bound * m.bound;
      }
      allT += mT[h];
      allB += mB[h];
    }
    // the last resort (not met: a stratum with estimated bytes has a sample or measured examples): the whole
    // sample's ratio, else all measured examples'
    const pooled = pB > 0 ? pT / pB : allB > 0 ? allT / allB : 0;
    let estimated = this.estOverhead;
    let estimatedAssistant = 0;
    let overEstimate = this.overOverhead;
    for (let h = 0; h < STRATA; h++) {
      const sampleRate = this.sB[h] > 0 ? this.sT[h] / this.sB[h] : 0;
      if (this.estBytes[h] === 0) {
        R[h] = rest[h] = sampleRate;
        continue;
      }
      if (this.sB[h] > 0) {
        rest[h] = sampleRate;
        basis[h] = "sample";
      } else if (mB[h] + this.overBytes[h] > 0) {
        rest[h] = (mT[h] + this.overTokens[h]) / (mB[h] + this.overBytes[h]);
        basis[h] = "largest";
      } else {
        rest[h] = pooled;
        basis[h] = "pooled";
      }
      R[h] = (mT[h] + this.overTokens[h] + rest[h] * Math.max(0, this.estBytes[h] - mB[h] - this.overBytes[h])) / this.estBytes[h];
      estimated += R[h] * this.estBytes[h];
      // the sample's assistant-to-all ratio, applied to the stratum's tokens per estimated byte
      const assistantRate = this.sAB[h] > 0 && rest[h] > 0 ? ((this.sAT[h] / this.sAB[h]) * R[h]) / rest[h] : R[h];
      estimatedAssistant += assistantRate * this.estAssistantBytes[h];
      overEstimate += this.overTokens[h];
    }
    const total = Math.round(this.exactTotal + estimated);
    const assistantTokens = Math.round(this.exactAssistant + estimatedAssistant);
    // estimated examples are under the limit by construction, except those counted until they passed it
    const billed = Math.round(this.exactBilled + estimated - overEstimate + (this.limit ?? 0) * this.overCount);
    const exact = this.tokenized === this.examples;
    let relativeError = 0;
    if (!exact && total > 0) {
      // Per stratum with estimated bytes, combined in quadrature: the measured examples' bounds (measure()), and the
      // rest's linearised variance (varianceOf) at Student's t for the drawn examples, at most the rest's whole
      // estimate. Added as they are: the extrapolated tokens of examples counted until they passed the limit, and
      // the rest's whole estimate when the stratum has fewer than 2 drawn examples (variance unknown: a ratio of
      // the measured examples, pooled, or of certainty examples only). Rounded up.
      let v = 0;
      let whole = 0;
      for (let h = 0; h < STRATA; h++) {
        if (this.estBytes[h] === 0) continue;
        v += mVar[h];
        whole += this.overExtra[h];
        const restBytes = Math.max(0, this.estBytes[h] - mB[h] - this.overBytes[h]);
        const part = rest[h] * restBytes;
        if (basis[h] === "sample" && this.dN[h] >= 2) {
          const u = Math.min(1, restBytes / Math.max(1, this.contentBytes[h] - mB[h] - this.overBytes[h]));
          const sd = Math.sqrt(varianceOf(this.v, h, rest[h], u));
          v += Math.min(t975(this.dN[h] - 1) * sd, part) ** 2;
        } else whole += part;
      }
      relativeError = Math.max(0, Math.ceil(((Math.sqrt(v) + whole) / total) * 1e4 - 1e-9)) / 1e4;
    }
    // per-example values
    const n = this.qN;
    const vals = new Float64Array(n);
    for (let i = 0; i < n; i++) vals[i] = this.qExact[i] >= 0 ? this.qExact[i] : Math.round(this.qOver[i] + R[this.qStratum[i]] * this.qBytes[i]);
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
    let estMax = 0;
    let sampled = 0;
    let rateBytes = 0;
    let rateTokens = 0;
    for (let h = 0; h < STRATA; h++) {
      if (this.estMaxBytes[h] >= 0) {
        // the largest estimated example is the largest measured one unless it was over the limit's byte bound
        const top = this.largest[h][0];
        const rate = top && top.bytes === this.estMaxBytes[h] && topRate[h] >= 0 ? topRate[h] : R[h];
        estMax = Math.max(estMax, Math.round(this.estMaxOverhead[h] + rate * this.estMaxBytes[h]));
      }
      sampled += this.sN[h];
      if (this.sB[h] > 0 || this.estBytes[h] > 0) {
        rateBytes += this.contentBytes[h];
        rateTokens += R[h] * this.contentBytes[h];
      }
    }
    const epochs = this.opts.epochs ?? defaultEpochs(this.examples);
    const result: TokenResult = {
      encoding: this.encoding,
      ...(this.opts.tokenizer !== undefined ? { tokenizer: this.opts.tokenizer } : {}),
      examples: this.examples,
      total,
      assistantTokens,
      mean: this.examples ? round(total / this.examples, 2) : 0,
      p5: round(quantileOf(vals, 0.05), 2),
      p50: round(quantileOf(vals, 0.5), 2),
      p95: round(quantileOf(vals, 0.95), 2),
      max: Math.max(this.exactMax, estMax),
      exact,
      sampledRecords: sampled,
      tokenizedRecords: this.tokenized,
      relativeError,
      tokensPerByte: rateBytes > 0 ? round(rateTokens / rateBytes, 4) : 0,
      strata: STRATUM_NAMES.map((name, h) => ({
        name,
        bytes: this.contentBytes[h],
        estimatedBytes: this.estBytes[h],
        sampledRecords: this.sN[h],
        measuredRecords: this.estBytes[h] > 0 ? this.largest[h].length : 0,
        tokensPerByte: round(R[h], 4),
        basis: basis[h],
      })),
      quantilesExact,
      histogram,
      limit: this.limit ?? null,
      limitSource: this.limitSource,
      tooLong: this.tooLong,
      images: { parts: this.images[0], counted: this.images[1], tokens: this.images[2] },
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

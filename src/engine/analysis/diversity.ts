// Diversity analysis: one streaming pass, bounded memory, deterministic.
//
//   const d = new DiversityAnalysis({ boilerplatePhrases?, windowSize?, exactCap?, compressionSampleBytes? });
//   for (const conv of conversations) d.add(conv);
//   const result: DiversityResult = d.finish();   // plain JSON, numbers rounded to 4 decimals
//
// Words: text.normalize("NFKC").toLowerCase() split on whitespace (punctuation stays attached to words).
// N-grams never cross message boundaries. Unless said otherwise, every figure is over assistant messages. A KTO
// completion labelled undesirable (label false) counts in the shape only, like the rejected side of a pair.
//  - distinct-n (n = 1, 2, 3): distinct n-grams / total n-grams. Distinct counts are exact (64-bit hash pairs)
//    up to `exactCap` (65,536) distinct n-grams, then HyperLogLog p=14 (relative std. error ~0.81%);
//    `method` says which (`hllFromStart`: HyperLogLog from the first word; the engine sets it for runs over 32 MiB).
//    Totals are always exact.
//  - compression ratio: UTF-8 bytes / zlib (deflate, level 6) bytes of the text of assistant messages with text
//    (at least one word: a tool-call-only message is not an empty text) joined by "\n". At most
//    `compressionSampleBytes` (4 MB) are compressed: every k-th such message is kept, k doubling whenever the
//    kept text exceeds the budget (a uniform systematic sample); `sampled: true` when k > 1.
//  - windowed distinct-2: the assistant word stream of each chunk is cut into consecutive windows of
//    `windowSize` (10,000) words (windows restart at every chunk boundary); mean over counted windows of distinct
//    bigrams / bigrams inside the window (bigrams compared by 32-bit hash: about one collision per 100 windows,
//    a 1e-4 change in that window's value). A full window counts when it holds a bigram. A chunk's trailing partial
//    window counts (when it holds a bigram) only if it holds >= half a window; otherwise it is remembered as a
//    "short tail". If the whole run has no counted window, the largest short tail (most words; the earliest
//    chunk's on ties) is counted as the only window when it holds a bigram. With a single chunk this is the
//    classic rule: the last partial window counts if it holds >= half a window or it is the only window.
//  - repeated openings: over answers = the final assistant message of each record; opening = its first 4 words
//    (fewer if shorter; empty answers skipped). topShare = count of the most common opening / answers. Bounded
//    Misra-Gries top-k (10,000 counters): exact while fewer distinct openings, lower bounds afterwards. Each opening
//    remembers the first 5 records (places) that open with it.
//  - shape and pointers (answer-shape.ts): what quality.ts needs to tell whether a figure applies (tool calls,
//    preference records, answer lengths), and the records behind the figures.
//  - boilerplate: share of assistant messages with text (textMessages: at least one word; tool-call-only messages
//    do not count) containing any phrase of DEFAULT_BOILERPLATE_PHRASES (or the given
//    list) as a substring, case-insensitive, typographic apostrophes folded to "'" (boilerplate.ts finds them from
//    the word hashes).
//  - system prompts: first system/developer message of each record; distinct count + top 5 (bounded top-k).
//  - user prompts: uniqueShare = distinct first-user-message texts / records that have a user message.
//  - length uniqueness: distinct lengths (UTF-16 code units) of assistant messages with text / those messages.
//  - turn balance: single-turn = exactly one user and one assistant message; multi-turn = at least one of each and
//    more than one of either; other = no user or no assistant message.
//
// Chunked runs (parallel workers / shards). The run is cut into chunks defined by the data (byte ranges of
// files). Each chunk is fed to a fresh instance and handed over as `toPartial()` (plain structured-clone-able
// data); a fresh "total" instance merges every partial in chunk order, then finish(). The single-thread run does
// the same, so the definitions below are canonical and results do not depend on the number of workers.
//    total.merge(chunk.toPartial())  after a single chunk finishes exactly like chunk.finish().
//  - records, messages, words, n-gram totals, boilerplate counts, turn balance, compression totalBytes: add.
//  - distinct-n, system-prompt distinct, user-prompt distinct: union of the chunks' sets (ngram-sketch.ts
//    DistinctCounter.merge: exact sets insert all items, switching to HyperLogLog past `exactCap`; HLL + HLL =
//    register max; exact + HLL = exact items added to the HLL).
//  - length uniqueness: union of the chunks' distinct lengths.
//  - windowed distinct-2: see above (full windows: sum/count/min/max add; largest short tail kept).
//  - openings and system-prompt top-k: Misra-Gries merge in chunk order (stats.ts TopK.merge); a key keeps
//    the payload (system prompt text) of the first chunk that had it.
//  - compression sample: within a chunk the message with chunk-local text-message index i is a candidate when
//    i % k === 0 (k = the chunk's own sampling step). At merge K = the largest step seen; candidates are kept
//    in chunk order when their chunk-local index % K === 0, and K doubles (re-filtering every kept message by
//    its chunk-local index) while the kept text exceeds `compressionSampleBytes` and more than one message is
//    kept. `sampleEvery` reports K. Deterministic and bounded (each partial holds <= budget + one message). The
//    engine gives each chunk its share of the run's budget (chunk-analysis.ts compressionBudget): steps are powers of
//    two, so the merged sample is the same unless a chunk's own step passes the run's.
//    Many chunks (a folder of thousands of small files) can keep only their first messages (index 0, which no step
//    removes) and still exceed the budget. Then K becomes FIRST_ONLY (2^31: every later message is dropped) and
//    the first messages are thinned by the hash of their text (thinByHash: the ones with the smallest hashes,
//    identical texts together, up to the budget, at least one text). The smallest dropped hash is remembered
//    (`hashCut`, the smallest of both sides at merge) and no message at or above it is kept again: a bottom-k
//    sample, which gives the same messages whatever the order and grouping of the merges. `sampleEvery` then
//    reports messages / kept messages.
//  - add() after merge() is not supported (throws).
import zlib from "node:zlib";
import type { Conversation } from "../model.js";
import { DistinctCounter, type DistinctPartial, hllRank14, WindowSet32 } from "./ngram-sketch.js";
import { fmix32, mix32 } from "./hash.js";
import { ratio, round, TopK, type TopKPartial } from "./stats.js";
import { scanRecord, wordForm, type RecordScan } from "./text-scan.js";
import { PhraseMatcher } from "./boilerplate.js";
import { AnswerShape, MAX_OPENING_PLACES, placeFile, placeLine, shiftShapePlaces, type ShapePartial, type ShapeResult } from "./answer-shape.js";

/** An opening's payload: its text (lowercase words) and the first records that open with it (places). */
export interface OpeningPayload {
  text: string;
  at: number[];
}
/** A record of the run: file index and line. */
export interface RecordPlace {
  file: number;
  line: number;
}
const unplace = (p: number): RecordPlace => ({ file: placeFile(p), line: placeLine(p) });

/** Default AI-disclaimer / refusal phrases (lowercase; matched as substrings, case-insensitive). */
export const DEFAULT_BOILERPLATE_PHRASES: readonly string[] = [
  "as an ai language model",
  "as an ai assistant",
  "as an ai,",
  "as a large language model",
  "as a language model",
  "i cannot assist with",
  "i can't assist with",
  "i'm sorry, but i cannot",
  "i'm sorry, but i can't",
  "i am unable to",
  "i'm unable to",
  "i don't have personal opinions",
  "i do not have personal opinions",
  "i don't have personal experiences",
  "i don't have the ability to",
  "my knowledge cutoff",
  "i cannot fulfill that request",
  "i can't help with that",
];

/** Assistant text compressed for the compression ratio, at most (a run's budget). */
export const DEFAULT_COMPRESSION_SAMPLE_BYTES = 4 * 1024 * 1024;

export interface DiversityOptions {
  boilerplatePhrases?: string[];
  /** Words per window for windowed distinct-2 (default 10,000). */
  windowSize?: number;
  /** Distinct n-grams counted exactly before switching to HyperLogLog (default 65,536: the exact table then stays in the CPU cache). */
  exactCap?: number;
  /** Maximum bytes of assistant text compressed for the compression ratio (default 4 MiB). */
  compressionSampleBytes?: number;
  /** Distinct 1/2/3-grams in HyperLogLog from the first word (no exact phase): for large runs, whose counts pass
   * `exactCap` anyway (the engine sets it for runs over 32 MiB; see LARGE_RUN_BYTES in chunk-analysis.ts). */
  hllFromStart?: boolean;
  /** Only what the gated figures need (analysis/quality.ts: a file's own figures): merge() skips the distinct-n and
   * prompt counters, and finish() reports them as 0. */
  figuresOnly?: boolean;
  /** Tests: always the general n-gram loop (ngrams()), never its HyperLogLog fast path (same results). */
  referenceNgrams?: boolean;
}

export interface DistinctN {
  distinct: number;
  total: number;
  /** distinct / total (0 when there are no n-grams). */
  ratio: number;
  method: "exact" | "hll";
  /** Relative standard error of `distinct`: 0 for exact, ~0.0081 for HyperLogLog p=14. */
  standardError: number;
}

export interface DiversityResult {
  records: number;
  assistantMessages: number;
  /** Assistant messages with at least one word (not tool-call-only): the base of the boilerplate and length shares. */
  textMessages: number;
  assistantWords: number;
  distinct1: DistinctN;
  distinct2: DistinctN;
  distinct3: DistinctN;
  compression: {
    /** UTF-8 bytes / deflated bytes of the (sampled) assistant text; higher = more repetitive. */
    ratio: number;
    sampleBytes: number;
    compressedBytes: number;
    /** UTF-8 bytes of all assistant text, +1 per message for the "\n" separator. */
    totalBytes: number;
    sampled: boolean;
    /** Every k-th assistant message was compressed. */
    sampleEvery: number;
  };
  windowedDistinct2: {
    /** Mean distinct-2 over windows; null when there is no bigram at all. */
    mean: number | null;
    min: number | null;
    max: number | null;
    windowSize: number;
    windows: number;
  };
  openings: {
    scope: "final-assistant";
    answers: number;
    /** Share of answers opening with the most common first-4-words. */
    topShare: number;
    top: { opening: string; count: number }[];
    exact: boolean;
  };
  boilerplate: {
    phrases: number;
    messages: number;
    share: number;
    byPhrase: { phrase: string; count: number }[];
  };
  /** What the figures are measured over (answer-shape.ts). */
  shape: ShapeResult;
  /** Records behind the figures: those opening with the top opening, the first with a boilerplate phrase, and those
   * with the most repeated word pairs (what compresses best). */
  examples: { opening: RecordPlace[]; boilerplate: RecordPlace[]; repetitive: RecordPlace[] };
  systemPrompts: {
    recordsWithSystem: number;
    distinct: number;
    method: "exact" | "hll";
    /** Top 5; text truncated to 300 characters. */
    top: { text: string; count: number }[];
    exact: boolean;
  };
  userPrompts: {
    recordsWithUser: number;
    distinct: number;
    uniqueShare: number;
    method: "exact" | "hll";
  };
  lengthUniqueness: { distinctLengths: number; assistantMessages: number; share: number };
  turnBalance: {
    records: number;
    singleTurn: number;
    multiTurn: number;
    other: number;
    singleTurnShare: number;
    multiTurnShare: number;
  };
}

/** Structured-clone-able state of one chunk's (or a merged) DiversityAnalysis; see the file header. */
export interface DiversityPartial {
  records: number;
  assistantMessages: number;
  textMessages: number;
  assistantWords: number;
  d1: DistinctPartial;
  d2: DistinctPartial;
  d3: DistinctPartial;
  t1: number;
  t2: number;
  t3: number;
  /** Counted windows (the chunk's trailing window already folded in when it holds >= half a window). */
  window: {
    size: number;
    sum: number;
    count: number;
    min: number;
    max: number;
    /** Largest short (< half a window) trailing window: words, bigrams, distinct bigrams (0 words = none). */
    tailWords: number;
    tailBigrams: number;
    tailDistinct: number;
  };
  compression: {
    sampleEvery: number;
    /** Kept messages: chunk-local text-message index, text, UTF-8 bytes + 1, 32-bit hash of the text. */
    index: number[];
    texts: string[];
    bytes: number[];
    hash: number[];
    /** See the file header (2^32: none). */
    hashCut: number;
    totalBytes: number;
  };
  openings: TopKPartial<OpeningPayload, number>;
  answers: number;
  shape: ShapePartial;
  boilerMessages: number;
  boilerCounts: number[];
  systemTop: TopKPartial<string>;
  systemDistinct: DistinctPartial;
  recordsWithSystem: number;
  userDistinct: DistinctPartial;
  recordsWithUser: number;
  lengths: number[];
  single: number;
  multi: number;
  other: number;
}

type WindowState = DiversityPartial["window"];

/** Thins a chunk's compression sample to `budget` bytes the way merge() would (the step doubles, keeping the messages
 * whose chunk-local index it divides): a merge of the thinned partial gives the same sample as one of the whole. */
export function thinCompressionSample(c: DiversityPartial["compression"], budget: number): void {
  let bytes = c.bytes.reduce((sum, b) => sum + b, 0);
  if (bytes <= budget || c.index.length <= 1 || c.sampleEvery >= FIRST_ONLY) return;
  let k = c.sampleEvery;
  let keep: number[] = [];
  while (bytes > budget) {
    k *= 2;
    keep = [];
    bytes = 0;
    for (let j = 0; j < c.index.length; j++) {
      if (c.index[j] % k !== 0) continue;
      keep.push(j);
      bytes += c.bytes[j];
    }
    if (keep.length <= 1) break;
  }
  c.sampleEvery = k;
  c.index = keep.map((j) => c.index[j]);
  c.texts = keep.map((j) => c.texts[j]);
  c.bytes = keep.map((j) => c.bytes[j]);
  c.hash = keep.map((j) => c.hash[j]);
}

/** Adds `lineOffset` to the record places of a chunk's partial (chunks count lines from their start): call once, before
 * merging it anywhere. */
export function shiftDiversityPlaces(p: DiversityPartial, lineOffset: number): void {
  if (!lineOffset) return;
  for (const payload of p.openings.payloads) if (payload) for (let i = 0; i < payload.at.length; i++) payload.at[i] += lineOffset;
  shiftShapePlaces(p.shape, lineOffset);
}

/** Compression sample step that keeps only each chunk's first message (see the file header). */
const FIRST_ONLY = 2 ** 31;
const HLL_ERROR = round(1.04 / Math.sqrt(1 << 14), 4);
const WS = /\s+/;
const NON_ASCII = /[^\x00-\x7f]/;

/** Lowercased NFKC form used for words and phrase matching (text-scan.ts wordForm; ASCII is only lowercased). */
export function normalizeText(text: string): string {
  return NON_ASCII.test(text) ? wordForm(text) : text.toLowerCase();
}

/** Lowercase NFKC whitespace-split words (no empty strings). */
export function words(text: string): string[] {
  return splitWords(normalizeText(text));
}

function splitWords(lower: string): string[] {
  const w = lower.split(WS);
  if (w.length && w[0] === "") w.shift();
  if (w.length && w[w.length - 1] === "") w.pop();
  return w;
}

/** Second hash of the bigram (i - 1, i) from the words' second hashes (as ngrams() makes it). */
function bigram2(b: Int32Array, i: number): number {
  return fmix32((Math.imul(b[i - 1] ^ 0x3, 0x9e3779b1) + b[i]) | 0) | 0;
}

function isSystemRole(role: string): boolean {
  return role === "system" || role === "developer";
}

const WS_RUN = /\s+/g;

export class DiversityAnalysis {
  private readonly phrases: string[];
  private readonly windowSize: number;
  private readonly sampleBudget: number;
  private readonly fastHll: boolean;
  private readonly figuresOnly: boolean;
  private records = 0;
  private assistantMessages = 0;
  private textMessages = 0;
  private assistantWords = 0;
  private d1: DistinctCounter;
  private d2: DistinctCounter;
  private d3: DistinctCounter;
  private t1 = 0;
  private t2 = 0;
  private t3 = 0;
  // windowed distinct-2
  private win: WindowSet32;
  private winWords = 0;
  private winBigrams = 0;
  private winSum = 0;
  private winCount = 0;
  private winMin = Infinity;
  private winMax = -Infinity;
  private tailWords = 0;
  private tailBigrams = 0;
  private tailDistinct = 0;
  private merged = false;
  // compression sample
  /** Kept messages: chunk-local text-message index, text, UTF-8 bytes + 1, 32-bit hash of the text (the scan's exact key). */
  private chunks: { i: number; text: string; bytes: number; h: number }[] = [];
  private keptBytes = 0;
  private totalBytes = 0;
  private sampleEvery = 1;
  /** Messages whose text hash (uint32) is >= hashCut are not kept (2^32: none dropped by hash yet). */
  private hashCut = 2 ** 32;
  // openings, boilerplate, prompts, lengths, turns
  private openings = new TopK<OpeningPayload, number>(10_000, (p) => p?.text ?? "");
  private readonly shape = new AnswerShape();
  /** Repeated word pairs of the current message: the window set's size when it started (0 after a window closed), and
   * the pairs it added to windows that closed since. */
  private winMark = 0;
  private msgFresh = 0;
  /** The answer whose opening is being counted (read by makeOpening / touchOpening: no closure per answer). */
  private opening: { form: string; start: number; end: number; at: number; shown?: string } = { form: "", start: 0, end: 0, at: 0 };
  private readonly makeOpening = (): OpeningPayload => {
    const o = this.opening;
    const text = o.shown !== undefined
      ? wordForm(o.shown).trim().split(WS_RUN).slice(0, 4).join(" ").toLowerCase()
      : o.form.slice(o.start, o.end).toLowerCase().replace(WS_RUN, " ");
    return { text, at: [o.at] };
  };
  private readonly touchOpening = (p: OpeningPayload): void => {
    if (p.at.length < MAX_OPENING_PLACES) p.at.push(this.opening.at);
  };
  /** Per record (add): a boilerplate phrase was found; repeated word pairs. */
  private recBoiler = false;
  private recRepeats = 0;
  private answers = 0;
  private boilerMessages = 0;
  private boilerCounts: number[];
  private readonly phraseMatcher: PhraseMatcher;
  private systemTop = new TopK<string>(10_000);
  private systemDistinct: DistinctCounter;
  private recordsWithSystem = 0;
  private userDistinct: DistinctCounter;
  private recordsWithUser = 0;
  private lengths = new Set<number>();
  private single = 0;
  private multi = 0;
  private other = 0;

  private readonly countPhrase = (k: number): void => {
    this.boilerCounts[k]++;
  };

  constructor(opts: DiversityOptions = {}) {
    this.phrases = (opts.boilerplatePhrases ?? [...DEFAULT_BOILERPLATE_PHRASES]).map(normalizeText).filter((p) => p);
    this.boilerCounts = new Array<number>(this.phrases.length).fill(0);
    this.phraseMatcher = new PhraseMatcher(this.phrases);
    this.windowSize = Math.max(2, opts.windowSize ?? 10_000);
    this.win = new WindowSet32(Math.min(this.windowSize, 1024)); // grows to a window's size (small chunks stay small)
    this.sampleBudget = opts.compressionSampleBytes ?? DEFAULT_COMPRESSION_SAMPLE_BYTES;
    const cap = opts.exactCap ?? 65_536;
    const hll = opts.hllFromStart === true;
    this.fastHll = opts.referenceNgrams !== true;
    this.figuresOnly = opts.figuresOnly === true;
    this.d1 = new DistinctCounter(cap, hll);
    this.d2 = new DistinctCounter(cap, hll);
    this.d3 = new DistinctCounter(cap, hll);
    this.systemDistinct = new DistinctCounter(cap);
    this.userDistinct = new DistinctCounter(cap);
  }

  /** `scan`: the record's text scan (text-scan.ts), when the caller already has it; `at`: the record's place
   * (answer-shape.ts place(file, line)), for the records behind the figures; `loopChars`: the characters a
   * repeated-phrase loop covers in it (repetition.ts), 0 if none. `shown`: the conversation with found secrets and
   * personal data masked (privacy/), when it differs: the texts kept to be quoted or to travel in partials (system
   * prompts, openings, the compression sample) come from it; every figure from `conv`. */
  add(conv: Conversation, scan?: RecordScan, at = 0, loopChars = 0, shown?: Conversation): void {
    if (this.merged) throw new Error("DiversityAnalysis: add() after merge() is not supported");
    // A KTO completion labelled undesirable is what the model learns to avoid, like the rejected side of a pair: only
    // the shape counts it.
    if (conv.label === false) {
      this.shape.add(conv.hasTools, true, null, 0, false, 0, at);
      return;
    }
    const s = scan ?? scanRecord(conv, false);
    this.records++;
    const msgs = conv.messages;
    let users = 0;
    let assistants = 0;
    let lastAssistant = -1;
    let systemSeen = false;
    for (let m = 0; m < msgs.length; m++) {
      const msg = msgs[m];
      const role = msg.role;
      if (role === "assistant") {
        assistants++;
        lastAssistant = m;
      } else if (role === "user") {
        if (users === 0) {
          this.recordsWithUser++;
          this.userDistinct.add(s.e1[m], s.e2[m]);
        }
        users++;
      } else if (!systemSeen && isSystemRole(role)) {
        systemSeen = true;
        this.recordsWithSystem++;
        const key = s.e1[m].toString(36) + ":" + s.e2[m].toString(36);
        const text = shown ? shown.messages[m].text : msg.text;
        this.systemTop.add(key, text.length > 300 ? text.slice(0, 300) : text);
        this.systemDistinct.add(s.e1[m], s.e2[m]);
      }
    }
    if (users === 1 && assistants === 1) this.single++;
    else if (users >= 1 && assistants >= 1) this.multi++;
    else this.other++;

    this.recBoiler = false;
    this.recRepeats = 0;
    for (let m = 0; m < msgs.length; m++) {
      if (msgs[m].role !== "assistant") continue;
      this.addAssistant(msgs[m].text, s, m, m === lastAssistant, at, shown?.messages[m].text);
    }
    // a looping message (repeated-phrase) ranks by the characters its loop covers: one without spaces repeats no word pair
    if (loopChars > this.recRepeats) this.recRepeats = loopChars;
    const final = lastAssistant >= 0 ? msgs[lastAssistant] : null;
    const finalWords = final ? s.to[lastAssistant] - s.from[lastAssistant] : 0;
    this.shape.add(conv.hasTools, conv.rejected !== undefined || conv.label !== undefined, final, finalWords, this.recBoiler, this.recRepeats, at);
  }

  private addAssistant(text: string, s: RecordScan, m: number, isFinal: boolean, at: number, shownText?: string): void {
    this.assistantMessages++;
    const from = s.from[m];
    const n = s.to[m] - from;
    // compression sample: every k-th assistant message with text
    const bytes = s.bytes[m];
    const idx = this.textMessages;
    if (n > 0) this.totalBytes += bytes + 1;
    if (n > 0 && idx % this.sampleEvery === 0) {
      this.chunks.push({ i: idx, text: shownText ?? text, bytes: bytes + 1, h: s.e1[m] });
      this.keptBytes += bytes + 1;
      while (this.keptBytes > this.sampleBudget && this.chunks.length > 1) {
        this.sampleEvery *= 2;
        const k = this.sampleEvery;
        this.chunks = this.chunks.filter((c) => c.i % k === 0);
        this.keptBytes = this.chunks.reduce((sum, c) => sum + c.bytes, 0);
      }
    }

    // boilerplate (boilerplate.ts): the phrases found in the scanned form, each once
    const form = s.text[m];
    if (this.phraseMatcher.match(s, m, this.countPhrase)) {
      this.boilerMessages++;
      this.recBoiler = true;
    }

    this.assistantWords += n;
    if (n > 0) {
      this.textMessages++;
      this.lengths.add(text.length);
    }
    if (isFinal && n > 0) {
      this.answers++;
      const last = from + Math.min(n, 4) - 1;
      // Keyed by a 53-bit hash of its (lowercase) words; the text is made only for a new key.
      let k1 = 0x6f70656e;
      let k2 = 0x696e6773;
      for (let w = from; w <= last; w++) {
        k1 = mix32(k1, s.a[w]);
        k2 = mix32(k2, s.b[w]);
      }
      const key = (fmix32(k1 ^ (last - from)) * 0x200000) + (fmix32(k2) >>> 11);
      this.opening = { form, start: s.starts[from], end: s.ends[last], at, shown: shownText !== undefined && shownText !== text ? shownText : undefined };
      this.openings.addWith(key, this.makeOpening, this.touchOpening);
    }
    if (n === 0) return;
    this.t1 += n;
    if (n >= 2) this.t2 += n - 1;
    if (n >= 3) this.t3 += n - 2;
    const r1 = this.d1.registers;
    const r2 = this.d2.registers;
    const r3 = this.d3.registers;
    this.winMark = this.win.size;
    this.msgFresh = 0;
    if (r1 && r2 && r3 && this.fastHll) this.ngramsHll(s.a, s.b, from, from + n, r1, r2, r3);
    else this.ngrams(s.a, s.b, from, from + n);
    // word pairs this message added to a window that already held them
    const fresh = this.msgFresh + this.win.size - this.winMark;
    if (n - 1 > fresh) this.recRepeats += n - 1 - fresh;
  }

  /** ngrams() once all three counters are in HyperLogLog mode: the registers are updated here, and the second
   * hash of an n-gram (which HyperLogLog reads only when the low 18 bits of the first are 0) is made only then,
   * from the words' second hashes. The same registers as ngrams(), with half the hashing. */
  private ngramsHll(a: Int32Array, b: Int32Array, from: number, end: number, r1: Uint8Array, r2: Uint8Array, r3: Uint8Array): void {
    const win = this.win;
    const ws = this.windowSize;
    let winWords = this.winWords;
    let winBigrams = this.winBigrams;
    let p1 = 0;
    let q1 = 0;
    for (let i = from; i < end; i++) {
      const x1 = a[i];
      let k = x1 >>> 18;
      let rank = (x1 & 0x3ffff) !== 0 ? Math.clz32(x1 << 14) + 1 : hllRank14(x1, b[i]);
      if (rank > r1[k]) r1[k] = rank;
      if (winWords === ws) {
        this.winBigrams = winBigrams;
        this.closeWindow();
        winWords = 0;
        winBigrams = 0;
      }
      winWords++;
      if (i > from) {
        const g1 = fmix32((Math.imul(p1 ^ 0x2, 0x9e3779b1) + x1) | 0) | 0;
        k = g1 >>> 18;
        rank = (g1 & 0x3ffff) !== 0 ? Math.clz32(g1 << 14) + 1 : hllRank14(g1, bigram2(b, i));
        if (rank > r2[k]) r2[k] = rank;
        if (winWords > 1) {
          win.add(g1);
          winBigrams++;
        }
        if (i > from + 1) {
          const t1 = fmix32((Math.imul(q1 ^ 0x5, 0x9e3779b1) + x1) | 0) | 0;
          k = t1 >>> 18;
          rank = (t1 & 0x3ffff) !== 0 ? Math.clz32(t1 << 14) + 1 : hllRank14(t1, fmix32((Math.imul(bigram2(b, i - 1) ^ 0x7, 0x9e3779b1) + b[i]) | 0) | 0);
          if (rank > r3[k]) r3[k] = rank;
        }
        q1 = g1;
      }
      p1 = x1;
    }
    this.winWords = winWords;
    this.winBigrams = winBigrams;
  }

  /** Distinct 1/2/3-grams and the window of words [from, end) of one message (hot loop: state in locals). */
  private ngrams(a: Int32Array, b: Int32Array, from: number, end: number): void {
    const d1 = this.d1;
    const d2 = this.d2;
    const d3 = this.d3;
    const win = this.win;
    const ws = this.windowSize;
    let winWords = this.winWords;
    let winBigrams = this.winBigrams;
    let p1 = 0;
    let p2 = 0;
    let q1 = 0;
    let q2 = 0;
    for (let i = from; i < end; i++) {
      const x1 = a[i];
      const x2 = b[i];
      d1.add(x1, x2);
      if (winWords === ws) {
        this.winBigrams = winBigrams;
        this.closeWindow();
        winWords = 0;
        winBigrams = 0;
      }
      winWords++;
      if (i > from) {
        // bigram (i-1, i); the trigram (i-2, i-1, i) = bigram (i-2, i-1) combined with word i
        // (int32 throughout: uint32 values above 2^31 would be boxed when passed to the sets)
        const g1 = fmix32((Math.imul(p1 ^ 0x2, 0x9e3779b1) + x1) | 0) | 0;
        const g2 = fmix32((Math.imul(p2 ^ 0x3, 0x9e3779b1) + x2) | 0) | 0;
        d2.add(g1, g2);
        if (winWords > 1) {
          win.add(g1);
          winBigrams++;
        }
        if (i > from + 1) d3.add(fmix32((Math.imul(q1 ^ 0x5, 0x9e3779b1) + x1) | 0) | 0, fmix32((Math.imul(q2 ^ 0x7, 0x9e3779b1) + x2) | 0) | 0);
        q1 = g1;
        q2 = g2;
      }
      p1 = x1;
      p2 = x2;
    }
    this.winWords = winWords;
    this.winBigrams = winBigrams;
  }

  private closeWindow(): void {
    this.msgFresh += this.win.size - this.winMark;
    this.winMark = 0;
    if (this.winBigrams > 0) {
      const s = this.win.size / this.winBigrams;
      this.winSum += s;
      this.winCount++;
      if (s < this.winMin) this.winMin = s;
      if (s > this.winMax) this.winMax = s;
    }
    this.win.clear();
    this.winWords = 0;
    this.winBigrams = 0;
  }

  /** Counted windows and the largest short tail, with the open window folded in as a chunk's trailing window
   * (does not modify the instance). */
  private windowState(): WindowState {
    const w: WindowState = {
      size: this.windowSize,
      sum: this.winSum,
      count: this.winCount,
      min: this.winMin,
      max: this.winMax,
      tailWords: this.tailWords,
      tailBigrams: this.tailBigrams,
      tailDistinct: this.tailDistinct,
    };
    if (this.winWords > 0) {
      if (this.winWords * 2 >= this.windowSize) {
        if (this.winBigrams > 0) {
          const s = this.win.size / this.winBigrams;
          w.sum += s;
          w.count++;
          if (s < w.min) w.min = s;
          if (s > w.max) w.max = s;
        }
      } else if (this.winWords > w.tailWords) {
        w.tailWords = this.winWords;
        w.tailBigrams = this.winBigrams;
        w.tailDistinct = this.win.size;
      }
    }
    return w;
  }

  toPartial(): DiversityPartial {
    const kept = this.chunks;
    return {
      records: this.records,
      assistantMessages: this.assistantMessages,
      textMessages: this.textMessages,
      assistantWords: this.assistantWords,
      d1: this.d1.toPartial(),
      d2: this.d2.toPartial(),
      d3: this.d3.toPartial(),
      t1: this.t1,
      t2: this.t2,
      t3: this.t3,
      window: this.windowState(),
      compression: {
        sampleEvery: this.sampleEvery,
        index: kept.map((c) => c.i),
        texts: kept.map((c) => c.text),
        bytes: kept.map((c) => c.bytes),
        hash: kept.map((c) => c.h),
        hashCut: this.hashCut,
        totalBytes: this.totalBytes,
      },
      openings: this.openings.toPartial(),
      answers: this.answers,
      shape: this.shape.toPartial(),
      boilerMessages: this.boilerMessages,
      boilerCounts: [...this.boilerCounts],
      systemTop: this.systemTop.toPartial(),
      systemDistinct: this.systemDistinct.toPartial(),
      recordsWithSystem: this.recordsWithSystem,
      userDistinct: this.userDistinct.toPartial(),
      recordsWithUser: this.recordsWithUser,
      lengths: [...this.lengths],
      single: this.single,
      multi: this.multi,
      other: this.other,
    };
  }

  /** Folds the next chunk's partial into this instance (chunks in order; see the file header). `shared`: the same
   * partial is merged into another instance too (a file's and the run's): its openings' payloads are copied. */
  merge(p: DiversityPartial, shared = false): void {
    if (p.boilerCounts.length !== this.phrases.length) throw new Error("DiversityAnalysis.merge: boilerplate phrase lists differ");
    if (p.window.size !== this.windowSize) throw new Error("DiversityAnalysis.merge: window sizes differ");
    if (!this.merged && this.winWords > 0) {
      // This instance's own records form the first chunk: close its trailing window the same way.
      const w = this.windowState();
      this.win.clear();
      this.winWords = 0;
      this.winBigrams = 0;
      this.setWindow(w);
    }
    this.merged = true;
    this.records += p.records;
    this.assistantMessages += p.assistantMessages;
    this.textMessages += p.textMessages;
    this.assistantWords += p.assistantWords;
    if (!this.figuresOnly) {
      this.d1.merge(p.d1);
      this.d2.merge(p.d2);
      this.d3.merge(p.d3);
    }
    this.t1 += p.t1;
    this.t2 += p.t2;
    this.t3 += p.t3;

    const w = p.window;
    this.winSum += w.sum;
    this.winCount += w.count;
    if (w.min < this.winMin) this.winMin = w.min;
    if (w.max > this.winMax) this.winMax = w.max;
    if (w.tailWords > this.tailWords) {
      this.tailWords = w.tailWords;
      this.tailBigrams = w.tailBigrams;
      this.tailDistinct = w.tailDistinct;
    }

    const c = p.compression;
    this.totalBytes += c.totalBytes;
    let k = Math.max(this.sampleEvery, c.sampleEvery);
    const cut = Math.min(this.hashCut, c.hashCut);
    if (k !== this.sampleEvery || cut !== this.hashCut) {
      this.chunks = this.chunks.filter((x) => x.i % k === 0 && x.h >>> 0 < cut);
      this.keptBytes = this.chunks.reduce((sum, x) => sum + x.bytes, 0);
      this.hashCut = cut;
    }
    for (let j = 0; j < c.index.length; j++) {
      if (c.index[j] % k !== 0 || c.hash[j] >>> 0 >= cut) continue;
      this.chunks.push({ i: c.index[j], text: c.texts[j], bytes: c.bytes[j], h: c.hash[j] });
      this.keptBytes += c.bytes[j];
    }
    while (this.keptBytes > this.sampleBudget && this.chunks.length > 1) {
      if (k >= FIRST_ONLY || this.chunks.every((x) => x.i === 0)) {
        // only chunks' first messages are left, and no step removes them (see the file header)
        k = FIRST_ONLY;
        this.thinByHash();
        break;
      }
      k *= 2;
      this.chunks = this.chunks.filter((x) => x.i % k === 0);
      this.keptBytes = this.chunks.reduce((sum, x) => sum + x.bytes, 0);
    }
    this.sampleEvery = k;

    const openings = shared ? { ...p.openings, payloads: p.openings.payloads.map((x) => x && { text: x.text, at: [...x.at] }) } : p.openings;
    this.openings.merge(openings, (mine, theirs) => {
      for (const a of theirs.at) if (mine.at.length < MAX_OPENING_PLACES) mine.at.push(a);
    });
    this.answers += p.answers;
    this.shape.merge(p.shape);
    this.boilerMessages += p.boilerMessages;
    for (let i = 0; i < this.boilerCounts.length; i++) this.boilerCounts[i] += p.boilerCounts[i];
    if (!this.figuresOnly) {
      this.systemTop.merge(p.systemTop);
      this.systemDistinct.merge(p.systemDistinct);
      this.userDistinct.merge(p.userDistinct);
    }
    this.recordsWithSystem += p.recordsWithSystem;
    this.recordsWithUser += p.recordsWithUser;
    for (const len of p.lengths) this.lengths.add(len);
    this.single += p.single;
    this.multi += p.multi;
    this.other += p.other;
  }

  /** Keeps the kept messages with the smallest text hashes (identical hashes together) up to the budget, at least
   * the smallest hash's; chunk order is kept. */
  private thinByHash(): void {
    const byHash = this.chunks.map((x) => ({ h: x.h >>> 0, bytes: x.bytes })).sort((x, y) => x.h - y.h);
    let bytes = 0;
    let cut = -1;
    for (let j = 0; j < byHash.length; ) {
      let g = j;
      let groupBytes = 0;
      while (g < byHash.length && byHash[g].h === byHash[j].h) groupBytes += byHash[g++].bytes;
      if (j > 0 && bytes + groupBytes > this.sampleBudget) {
        cut = byHash[j].h;
        break;
      }
      bytes += groupBytes;
      j = g;
    }
    if (cut < 0) return;
    this.chunks = this.chunks.filter((x) => x.h >>> 0 < cut);
    this.keptBytes = bytes;
    this.hashCut = cut;
  }

  private setWindow(w: WindowState): void {
    this.winSum = w.sum;
    this.winCount = w.count;
    this.winMin = w.min;
    this.winMax = w.max;
    this.tailWords = w.tailWords;
    this.tailBigrams = w.tailBigrams;
    this.tailDistinct = w.tailDistinct;
  }

  private distinctN(c: DistinctCounter, total: number): DistinctN {
    const distinct = c.estimate();
    return {
      distinct,
      total,
      ratio: ratio(Math.min(distinct, total), total),
      method: c.method,
      standardError: c.method === "exact" ? 0 : HLL_ERROR,
    };
  }

  /** The compression sample's deflated size, computed off this thread (zlib's thread pool): a run starts it once the
   * last partial is merged and hands the result to finish(), so that it overlaps the rest of the run's end. */
  compressSample(): Promise<number> {
    // nothing to compress: finish() reports 0 whatever it is given
    if (this.chunks.every((c) => c.bytes === 0)) return Promise.resolve(0);
    return new Promise((resolve, reject) => zlib.deflate(this.sampleBuffer(), (e, out) => (e ? reject(e) : resolve(out.length))));
  }

  /** The kept texts as UTF-8, each followed by "\n" (written into one buffer: no joined string). */
  private sampleBuffer(): Buffer {
    let size = 0;
    for (const c of this.chunks) size += c.bytes;
    const buf = Buffer.allocUnsafe(size);
    let at = 0;
    for (const c of this.chunks) {
      at += buf.write(c.text, at, "utf8");
      buf[at++] = 0x0a;
    }
    return at === size ? buf : buf.subarray(0, at);
  }

  /** `compressed`: compressSample()'s result when the caller ran it (else it is computed here). `figuresOnly`: as the
   * option (the distinct-n and prompt counts are 0), for an instance that added records itself. */
  finish(compressed?: number, figuresOnly = this.figuresOnly): DiversityResult {
    // trailing partial window, then the "only window" rule for the largest short tail
    const w = this.windowState();
    if (w.count === 0 && w.tailBigrams > 0) {
      const s = w.tailDistinct / w.tailBigrams;
      w.sum = s;
      w.count = 1;
      w.min = s;
      w.max = s;
    }
    const sampleBytes = this.chunks.reduce((s, c) => s + c.bytes, 0);
    if (sampleBytes === 0) compressed = 0;
    else compressed ??= zlib.deflateSync(this.sampleBuffer()).length;
    const top = this.openings.top(10);
    const byPhrase = this.phrases
      .map((phrase, i) => ({ phrase, count: this.boilerCounts[i] }))
      .filter((p) => p.count > 0)
      .sort((x, y) => y.count - x.count || (x.phrase < y.phrase ? -1 : 1));
    const userDistinct = figuresOnly ? 0 : this.userDistinct.estimate();
    const shaped = this.shape.finish();
    const distinctN = (c: DistinctCounter, total: number): DistinctN => (figuresOnly ? { distinct: 0, total, ratio: 0, method: c.method, standardError: 0 } : this.distinctN(c, total));
    return {
      records: this.records,
      assistantMessages: this.assistantMessages,
      textMessages: this.textMessages,
      assistantWords: this.assistantWords,
      distinct1: distinctN(this.d1, this.t1),
      distinct2: distinctN(this.d2, this.t2),
      distinct3: distinctN(this.d3, this.t3),
      compression: {
        ratio: compressed > 0 ? round(sampleBytes / compressed) : 0,
        sampleBytes,
        compressedBytes: compressed,
        totalBytes: this.totalBytes,
        sampled: this.sampleEvery > 1,
        sampleEvery: this.sampleEvery >= FIRST_ONLY ? Math.round(this.textMessages / this.chunks.length) : this.sampleEvery,
      },
      windowedDistinct2: {
        mean: w.count ? round(w.sum / w.count) : null,
        min: w.count ? round(w.min) : null,
        max: w.count ? round(w.max) : null,
        windowSize: this.windowSize,
        windows: w.count,
      },
      openings: {
        scope: "final-assistant",
        answers: this.answers,
        topShare: top.length ? ratio(top[0].count, this.answers) : 0,
        top: top.map((t) => ({ opening: t.payload?.text ?? "", count: t.count })),
        exact: this.openings.exact,
      },
      boilerplate: {
        phrases: this.phrases.length,
        messages: this.boilerMessages,
        share: ratio(this.boilerMessages, this.textMessages),
        byPhrase,
      },
      shape: shaped.shape,
      examples: { opening: (top[0]?.payload?.at ?? []).map(unplace), boilerplate: shaped.boilerplate.map(unplace), repetitive: shaped.repetitive.map(unplace) },
      systemPrompts: {
        recordsWithSystem: this.recordsWithSystem,
        distinct: figuresOnly ? 0 : this.systemDistinct.estimate(),
        method: this.systemDistinct.method,
        top: this.systemTop.top(5).map((t) => ({ text: t.payload ?? "", count: t.count })),
        exact: this.systemTop.exact,
      },
      userPrompts: {
        recordsWithUser: this.recordsWithUser,
        distinct: userDistinct,
        uniqueShare: ratio(Math.min(userDistinct, this.recordsWithUser), this.recordsWithUser),
        method: this.userDistinct.method,
      },
      lengthUniqueness: {
        distinctLengths: this.lengths.size,
        assistantMessages: this.textMessages,
        share: ratio(this.lengths.size, this.textMessages),
      },
      turnBalance: {
        records: this.records,
        singleTurn: this.single,
        multiTurn: this.multi,
        other: this.other,
        singleTurnShare: ratio(this.single, this.records),
        multiTurnShare: ratio(this.multi, this.records),
      },
    };
  }
}

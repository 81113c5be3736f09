// Diversity analysis: one streaming pass, bounded memory, deterministic.
//
//   const d = new DiversityAnalysis({ boilerplatePhrases?, windowSize?, exactCap?, compressionSampleBytes? });
//   for (const conv of conversations) d.add(conv);
//   const result: DiversityResult = d.finish();   // plain JSON, numbers rounded to 4 decimals
//
// Words: text.normalize("NFKC").toLowerCase() split on whitespace (punctuation stays attached to words).
// N-grams never cross message boundaries. Unless said otherwise, every figure is over assistant messages.
//  - distinct-n (n = 1, 2, 3): distinct n-grams / total n-grams. Distinct counts are exact (64-bit hash pairs)
//    up to `exactCap` (65,536) distinct n-grams, then HyperLogLog p=14 (relative std. error ~0.81%);
//    `method` says which. Totals are always exact.
//  - compression ratio: UTF-8 bytes / zlib (deflate, level 6) bytes of assistant text joined by "\n". At most
//    `compressionSampleBytes` (4 MB) are compressed: every k-th assistant message is kept, k doubling whenever the
//    kept text exceeds the budget (a uniform systematic sample); `sampled: true` when k > 1.
//  - windowed distinct-2: the assistant word stream is cut into consecutive windows of `windowSize` (10,000)
//    words; mean over windows of distinct bigrams / bigrams inside the window. The last partial window counts only
//    if it holds >= half a window or it is the only window.
//  - repeated openings: over answers = the final assistant message of each record; opening = its first 4 words
//    (fewer if shorter; empty answers skipped). topShare = count of the most common opening / answers. Bounded
//    Misra-Gries top-k (10,000 counters): exact while fewer distinct openings, lower bounds afterwards.
//  - boilerplate: share of assistant messages containing any phrase of DEFAULT_BOILERPLATE_PHRASES (or the given
//    list), case-insensitive, typographic apostrophes folded to "'".
//  - system prompts: first system/developer message of each record; distinct count + top 5 (bounded top-k).
//  - user prompts: uniqueShare = distinct first-user-message texts / records that have a user message.
//  - length uniqueness: distinct assistant-message lengths (UTF-16 code units) / assistant messages.
//  - turn balance: single-turn = exactly one user and one assistant message; multi-turn = at least one of each and
//    more than one of either; other = no user or no assistant message.
import zlib from "node:zlib";
import type { Conversation } from "../model.js";
import { DistinctCounter, combine, hashKey, hashOut, hashString, HashSet64 } from "./ngram-sketch.js";
import { ratio, round, TopK } from "./stats.js";
import { fmix32 } from "./hash.js";

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

export interface DiversityOptions {
  boilerplatePhrases?: string[];
  /** Words per window for windowed distinct-2 (default 10,000). */
  windowSize?: number;
  /** Distinct n-grams counted exactly before switching to HyperLogLog (default 65,536: the exact table then stays in the CPU cache). */
  exactCap?: number;
  /** Maximum bytes of assistant text compressed for the compression ratio (default 4 MiB). */
  compressionSampleBytes?: number;
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

const HLL_ERROR = round(1.04 / Math.sqrt(1 << 14), 4);
const WS = /\s+/;
const NON_ASCII = /[^\x00-\x7f]/;
const CURLY = /[\u2018\u2019\u02bc]/g;

/** Lowercased NFKC form used for words and phrase matching. */
export function normalizeText(text: string): string {
  const t = NON_ASCII.test(text) ? text.normalize("NFKC").replace(CURLY, "'") : text;
  return t.toLowerCase();
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

function isSystemRole(role: string): boolean {
  return role === "system" || role === "developer";
}

/** Whitespace as String.prototype.split(/\s+/) sees it (ASCII fast path). */
function isSpaceCode(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}


const WS_RUN = /\s+/g;

export class DiversityAnalysis {
  private wordEnds = new Uint32Array(1024);
  private wordStart0 = 0;
  private readonly phrases: string[];
  private readonly windowSize: number;
  private readonly sampleBudget: number;
  private records = 0;
  private assistantMessages = 0;
  private assistantWords = 0;
  private d1: DistinctCounter;
  private d2: DistinctCounter;
  private d3: DistinctCounter;
  private t1 = 0;
  private t2 = 0;
  private t3 = 0;
  // per-message word hash buffers
  private wh1 = new Uint32Array(1024);
  private wh2 = new Uint32Array(1024);
  // windowed distinct-2
  private win = new HashSet64(16_384);
  private winWords = 0;
  private winBigrams = 0;
  private winSum = 0;
  private winCount = 0;
  private winMin = Infinity;
  private winMax = -Infinity;
  // compression sample
  private chunks: { i: number; text: string; bytes: number }[] = [];
  private keptBytes = 0;
  private totalBytes = 0;
  private sampleEvery = 1;
  // openings, boilerplate, prompts, lengths, turns
  private openings = new TopK(10_000);
  private answers = 0;
  private boilerMessages = 0;
  private boilerCounts: number[];
  private readonly anyPhrase: RegExp | null;
  private systemTop = new TopK<string>(10_000);
  private systemDistinct: DistinctCounter;
  private recordsWithSystem = 0;
  private userDistinct: DistinctCounter;
  private recordsWithUser = 0;
  private lengths = new Set<number>();
  private single = 0;
  private multi = 0;
  private other = 0;

  constructor(opts: DiversityOptions = {}) {
    this.phrases = (opts.boilerplatePhrases ?? [...DEFAULT_BOILERPLATE_PHRASES]).map(normalizeText).filter((p) => p);
    this.boilerCounts = new Array<number>(this.phrases.length).fill(0);
    // One scan finds whether any phrase occurs; only then is each phrase looked up (hits are rare).
    this.anyPhrase = this.phrases.length ? new RegExp(this.phrases.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")) : null;
    this.windowSize = Math.max(2, opts.windowSize ?? 10_000);
    this.sampleBudget = opts.compressionSampleBytes ?? 4 * 1024 * 1024;
    const cap = opts.exactCap ?? 65_536;
    this.d1 = new DistinctCounter(cap);
    this.d2 = new DistinctCounter(cap);
    this.d3 = new DistinctCounter(cap);
    this.systemDistinct = new DistinctCounter(cap);
    this.userDistinct = new DistinctCounter(cap);
  }

  add(conv: Conversation): void {
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
          hashString(msg.text);
          this.userDistinct.add(hashOut.h1, hashOut.h2);
        }
        users++;
      } else if (!systemSeen && isSystemRole(role)) {
        systemSeen = true;
        this.recordsWithSystem++;
        const key = hashKey(msg.text);
        this.systemTop.add(key, msg.text.length > 300 ? msg.text.slice(0, 300) : msg.text);
        hashString(msg.text);
        this.systemDistinct.add(hashOut.h1, hashOut.h2);
      }
    }
    if (users === 1 && assistants === 1) this.single++;
    else if (users >= 1 && assistants >= 1) this.multi++;
    else this.other++;

    for (let m = 0; m < msgs.length; m++) {
      if (msgs[m].role !== "assistant") continue;
      this.addAssistant(msgs[m].text, m === lastAssistant);
    }
  }

  private addAssistant(text: string, isFinal: boolean): void {
    const idx = this.assistantMessages++;
    this.lengths.add(text.length);
    // compression sample: every k-th assistant message
    const bytes = Buffer.byteLength(text, "utf8");
    this.totalBytes += bytes + 1;
    if (idx % this.sampleEvery === 0) {
      this.chunks.push({ i: idx, text, bytes: bytes + 1 });
      this.keptBytes += bytes + 1;
      while (this.keptBytes > this.sampleBudget && this.chunks.length > 1) {
        this.sampleEvery *= 2;
        const k = this.sampleEvery;
        this.chunks = this.chunks.filter((c) => c.i % k === 0);
        this.keptBytes = this.chunks.reduce((s, c) => s + c.bytes, 0);
      }
    }

    const lower = normalizeText(text);
    // boilerplate
    let hit = false;
    if (this.anyPhrase?.test(lower)) for (let p = 0; p < this.phrases.length; p++) {
      if (lower.includes(this.phrases[p])) {
        this.boilerCounts[p]++;
        hit = true;
      }
    }
    if (hit) this.boilerMessages++;

    // One scan over the lowercased text: word boundaries and both word hashes at once (no array of strings).
    const n = this.scanWords(lower);
    this.assistantWords += n;
    if (isFinal && n > 0) {
      this.answers++;
      const ends = this.wordEnds;
      this.openings.add(n <= 4 ? lower.slice(this.wordStart0, ends[n - 1]).replace(WS_RUN, " ") : lower.slice(this.wordStart0, ends[3]).replace(WS_RUN, " "));
    }
    if (n === 0) return;
    const a = this.wh1;
    const b = this.wh2;
    for (let i = 0; i < n; i++) this.d1.add(a[i], b[i]);
    this.t1 += n;
    if (n >= 2) this.t2 += n - 1;
    if (n >= 3) this.t3 += n - 2;
    const ws = this.windowSize;
    for (let i = 0; i < n; i++) {
      if (this.winWords === ws) this.closeWindow();
      this.winWords++;
      if (i === 0) continue;
      const g1 = combine(a[i - 1], a[i], 0x2);
      const g2 = combine(b[i - 1], b[i], 0x3);
      this.d2.add(g1, g2);
      if (this.winWords > 1) {
        this.win.add(g1, g2);
        this.winBigrams++;
      }
      if (i >= 2) this.d3.add(combine(combine(a[i - 2], a[i - 1], 0x2), a[i], 0x5), combine(combine(b[i - 2], b[i - 1], 0x3), b[i], 0x7));
    }
  }

  /** Splits `lower` on whitespace, hashing each word (FNV-1a and a multiplicative variant over UTF-16 code units,
   * finalised with fmix32, as hashString) into wh1/wh2; records word ends. Returns the number of words. */
  private scanWords(lower: string): number {
    const len = lower.length;
    if (this.wh1.length < (len >> 1) + 1) {
      let cap = this.wh1.length;
      while (cap < (len >> 1) + 1) cap *= 2;
      this.wh1 = new Uint32Array(cap);
      this.wh2 = new Uint32Array(cap);
      this.wordEnds = new Uint32Array(cap);
    }
    const a = this.wh1;
    const b = this.wh2;
    const ends = this.wordEnds;
    let n = 0;
    let i = 0;
    while (i < len) {
      let c = lower.charCodeAt(i);
      while (isSpaceCode(c)) {
        if (++i >= len) return n;
        c = lower.charCodeAt(i);
      }
      if (n === 0) this.wordStart0 = i;
      let h1 = 0x811c9dc5;
      let h2 = 0x3c6ef372;
      const start = i;
      do {
        h1 = Math.imul(h1 ^ c, 0x01000193);
        h2 = Math.imul(h2 ^ c, 0x5bd1e995);
        h2 ^= h2 >>> 15;
        if (++i >= len) break;
        c = lower.charCodeAt(i);
      } while (!isSpaceCode(c));
      a[n] = fmix32(h1);
      b[n] = fmix32(h2 ^ Math.imul(i - start, 0x27d4eb2f));
      ends[n++] = i;
    }
    return n;
  }

  private closeWindow(): void {
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

  finish(): DiversityResult {
    // last partial window
    if (this.winWords > 0 && (this.winWords * 2 >= this.windowSize || this.winCount === 0)) this.closeWindow();
    const sample = this.chunks.map((c) => c.text).join("\n");
    const sampleBytes = this.chunks.reduce((s, c) => s + c.bytes, 0);
    const compressed = sampleBytes > 0 ? zlib.deflateSync(Buffer.from(sample + "\n", "utf8")).length : 0;
    const top = this.openings.top(10);
    const byPhrase = this.phrases
      .map((phrase, i) => ({ phrase, count: this.boilerCounts[i] }))
      .filter((p) => p.count > 0)
      .sort((x, y) => y.count - x.count || (x.phrase < y.phrase ? -1 : 1));
    const userDistinct = this.userDistinct.estimate();
    return {
      records: this.records,
      assistantMessages: this.assistantMessages,
      assistantWords: this.assistantWords,
      distinct1: this.distinctN(this.d1, this.t1),
      distinct2: this.distinctN(this.d2, this.t2),
      distinct3: this.distinctN(this.d3, this.t3),
      compression: {
        ratio: compressed > 0 ? round(sampleBytes / compressed) : 0,
        sampleBytes,
        compressedBytes: compressed,
        totalBytes: this.totalBytes,
        sampled: this.sampleEvery > 1,
        sampleEvery: this.sampleEvery,
      },
      windowedDistinct2: {
        mean: this.winCount ? round(this.winSum / this.winCount) : null,
        min: this.winCount ? round(this.winMin) : null,
        max: this.winCount ? round(this.winMax) : null,
        windowSize: this.windowSize,
        windows: this.winCount,
      },
      openings: {
        scope: "final-assistant",
        answers: this.answers,
        topShare: top.length ? ratio(top[0].count, this.answers) : 0,
        top: top.map((t) => ({ opening: t.key, count: t.count })),
        exact: this.openings.exact,
      },
      boilerplate: {
        phrases: this.phrases.length,
        messages: this.boilerMessages,
        share: ratio(this.boilerMessages, this.assistantMessages),
        byPhrase,
      },
      systemPrompts: {
        recordsWithSystem: this.recordsWithSystem,
        distinct: this.systemDistinct.estimate(),
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
        assistantMessages: this.assistantMessages,
        share: ratio(this.lengths.size, this.assistantMessages),
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

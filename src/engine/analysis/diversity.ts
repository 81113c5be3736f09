// Diversity analysis: one streaming pass, bounded memory, deterministic.
//
//   const d = new DiversityAnalysis({ boilerplatePhrases?, windowSize?, exactCap?, compressionSampleBytes? });
//   for (const conv of conversations) d.add(conv);
//   const result: DiversityResult = d.finish();   // plain JSON, numbers rounded to 4 decimals
//
// Words: text.normalize("NFKC").toLowerCase() split on whitespace (punctuation stays attached to words).
// N-grams never cross message boundaries. Unless said otherwise, every figure is over assistant messages. A KTO
// completion labelled undesirable (label false) counts in the shape only, like the rejected side of a pair.
//  - distinct-n (n = 1, 2, 3) and windowed distinct-2 over the assistant word stream: word-ngrams.ts.
//  - compression ratio (compression-sample.ts): UTF-8 bytes / deflated bytes of a sample of the assistant text.
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
//  - openings and system-prompt top-k: Misra-Gries merge in chunk order (stats.ts TopK.merge); a key keeps
//    the payload (system prompt text) of the first chunk that had it.
//  - compression sample: see compression-sample.ts.
//  - add() after merge() is not supported (throws).
import type { Conversation } from "../model.js";
import { DistinctCounter } from "./ngram-sketch.js";
import { WordNgrams, type DistinctN } from "./word-ngrams.js";
import { CompressionSample, DEFAULT_COMPRESSION_SAMPLE_BYTES } from "./compression-sample.js";
import { fmix32, mix32 } from "./hash.js";
import { ratio, round, TopK } from "./stats.js";
import { scanRecord, wordForm, type RecordScan } from "./text-scan.js";
import { DEFAULT_BOILERPLATE_PHRASES, PhraseMatcher } from "./boilerplate.js";
import { AnswerShape, MAX_OPENING_PLACES, placeFile, placeLine } from "./answer-shape.js";
import type { DiversityPartial, DiversityResult, OpeningPayload, RecordPlace } from "./diversity-result.js";

const unplace = (p: number): RecordPlace => ({ file: placeFile(p), line: placeLine(p) });

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

function isSystemRole(role: string): boolean {
  return role === "system" || role === "developer";
}

const WS_RUN = /\s+/g;

export class DiversityAnalysis {
  private readonly phrases: string[];
  private readonly windowSize: number;
  private readonly figuresOnly: boolean;
  private records = 0;
  private assistantMessages = 0;
  private textMessages = 0;
  private assistantWords = 0;
  /** Distinct n-grams and windowed distinct-2 (word-ngrams.ts). */
  private readonly ngrams: WordNgrams;
  private merged = false;
  private readonly sample: CompressionSample;
  // openings, boilerplate, prompts, lengths, turns
  private openings = new TopK<OpeningPayload, number>(10_000, (p) => p?.text ?? "");
  private readonly shape = new AnswerShape();
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
    this.sample = new CompressionSample(opts.compressionSampleBytes ?? DEFAULT_COMPRESSION_SAMPLE_BYTES);
    const cap = opts.exactCap ?? 65_536;
    const hll = opts.hllFromStart === true;
    this.ngrams = new WordNgrams(this.windowSize, cap, hll, opts.referenceNgrams !== true);
    this.figuresOnly = opts.figuresOnly === true;
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
    if (n > 0) this.sample.add(this.textMessages, shownText ?? text, s.bytes[m] + 1, s.e1[m]);

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
    // word pairs this message added to a window that already held them
    const fresh = this.ngrams.addMessage(s.a, s.b, from, n);
    if (n - 1 > fresh) this.recRepeats += n - 1 - fresh;
  }

  toPartial(): DiversityPartial {
    return {
      records: this.records,
      assistantMessages: this.assistantMessages,
      textMessages: this.textMessages,
      assistantWords: this.assistantWords,
      ...this.ngrams.toPartial(),
      compression: this.sample.toPartial(),
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
    if (p.window.size !== this.ngrams.windowSize) throw new Error("DiversityAnalysis.merge: window sizes differ");
    // This instance's own records form the first chunk: close its trailing window the same way.
    if (!this.merged) this.ngrams.closeOwnWindow();
    this.merged = true;
    this.records += p.records;
    this.assistantMessages += p.assistantMessages;
    this.textMessages += p.textMessages;
    this.assistantWords += p.assistantWords;
    this.ngrams.merge(p, this.figuresOnly);
    this.sample.merge(p.compression);

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

  /** The compression sample's deflated size, computed off this thread (zlib's thread pool): a run starts it once the
   * last partial is merged and hands the result to finish(), so that it overlaps the rest of the run's end. */
  compressSample(): Promise<number> {
    return this.sample.compress();
  }

  /** `compressed`: compressSample()'s result when the caller ran it (else it is computed here). `figuresOnly`: as the
   * option (the distinct-n and prompt counts are 0), for an instance that added records itself. */
  finish(compressed?: number, figuresOnly = this.figuresOnly): DiversityResult {
    // trailing partial window, then the "only window" rule for the largest short tail
    const w = this.ngrams.finishWindows();
    const top = this.openings.top(10);
    const byPhrase = this.phrases
      .map((phrase, i) => ({ phrase, count: this.boilerCounts[i] }))
      .filter((p) => p.count > 0)
      .sort((x, y) => y.count - x.count || (x.phrase < y.phrase ? -1 : 1));
    const userDistinct = figuresOnly ? 0 : this.userDistinct.estimate();
    const shaped = this.shape.finish();
    const distinctN = (c: DistinctCounter, total: number): DistinctN => (figuresOnly ? { distinct: 0, total, ratio: 0, method: c.method, standardError: 0 } : this.ngrams.distinctN(c, total));
    return {
      records: this.records,
      assistantMessages: this.assistantMessages,
      textMessages: this.textMessages,
      assistantWords: this.assistantWords,
      distinct1: distinctN(this.ngrams.d1, this.ngrams.t1),
      distinct2: distinctN(this.ngrams.d2, this.ngrams.t2),
      distinct3: distinctN(this.ngrams.d3, this.ngrams.t3),
      compression: this.sample.figures(this.textMessages, compressed),
      windowedDistinct2: {
        mean: w.count ? round(w.sum / w.count) : null,
        min: w.count ? round(w.min) : null,
        max: w.count ? round(w.max) : null,
        windowSize: this.ngrams.windowSize,
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

// Facade over the duplicate analyses (exact-duplicates.ts, near-duplicates.ts, leakage.ts) for the orchestrator.
//
//   const dup = new DuplicateAnalysis({ paths, caseInsensitive?, nearThreshold?, shingleSize?, near?, splits? });
//   for each valid record, files in run order, lines in file order:
//     findings.push(...dup.add(conv, loc));      // `exact-duplicate` and `conflicting-answers` warnings, at loc.line
//   const out = await dup.finish(reread);        // reread(locs, each): each(i, conv) for every locs[i], any order
//   out.findings                                 // `near-duplicate` warnings, `leakage` errors, and the
//                                                // `conflicting-answers` across train/eval pairs that are not leaks
//
// - exact: ExactResult (duplicateRecords, rate, conflictingAnswers, groupCount, every group, largest first)
// - near: NearResult (duplicateRecords, rate, threshold, shingleSize, candidate/accepted pair counts, groups)
// - leakage: one LeakageResult per split pair (splits from pairSplits() in splits.ts)
// - perFile[i]: exact and near duplicate records (later occurrences) in file i
//
// Workers and shards: the per-record work is split into a PURE feature extraction and an in-order replay.
//   extractFeatures(conv, dup.featureOptions) -> RecordFeatures     // anywhere (worker thread), no state
//   dup.addFeatures(f, loc)                                          // main thread, run order; = add(conv, loc)
//   const b = new FeatureBatch(opts); b.push(f, loc) ...; b.toPartial() // one chunk, typed arrays (transferable)
//   dup.addBatch(FeatureBatch.fromPartial(p), lineOffset)            // replays the chunk in order, lines shifted
// add(conv, loc) is exactly addFeatures(extractFeatures(conv, featureOptions), loc), so any chunking gives the
// same report as one thread. Near verification still re-reads candidate records at finish.
// Exact duplicates of an earlier record are left out of near-duplicate detection. `reread` is only called when
// near detection is on and LSH produced candidate pairs, with at most 2048 locations per call.
// Output is deterministic for the same input.
import type { Conversation, Finding, RecordLoc } from "../model.js";
import { exactKeys, exactKeysInto, ExactDuplicateIndex, type ExactKeys, type ExactResult } from "./exact-duplicates.js";
import { GrowableF64, GrowableI32, GrowableU32, GrowableU8 } from "./hash.js";
import { computeLeakage, type LeakageResult } from "./leakage.js";
import { NearDuplicateIndex, type NearPair, type NearResult, type Reread } from "./near-duplicates.js";
import { BANDS, nearBandKeys, nearBandKeysInto } from "./near-sketch.js";
import { RecordStore } from "./record-store.js";
import { scanRecord, type RecordScan } from "./text-scan.js";
import type { SplitPair } from "./splits.js";

export type { ExactResult, NearResult, LeakageResult, Reread, SplitPair };

export interface DuplicateOptions {
  paths: string[];
  caseInsensitive?: boolean;
  /** Jaccard threshold for near duplicates, default 0.8. */
  nearThreshold?: number;
  /** Words per shingle, default 5. */
  shingleSize?: number;
  /** Near-duplicate detection on (default true). */
  near?: boolean;
  splits?: SplitPair[];
}

export interface DuplicateReport {
  exact: ExactResult;
  near: NearResult;
  leakage: LeakageResult[];
  perFile: { exactDuplicates: number; nearDuplicates: number }[];
  findings: Array<{ file: number; finding: Finding }>;
  /** Accepted near-duplicate pairs as record locations (for tests and debugging). */
  nearPairs: Array<{ a: RecordLoc; b: RecordLoc; similarity: number }>;
}

export class DuplicateAnalysis {
  private readonly store = new RecordStore();
  /** Every analysed record's location, by id (fingerprint.ts re-reads the records of listed analysis findings). */
  get records(): RecordStore {
    return this.store;
  }
  private readonly exact: ExactDuplicateIndex;
  private readonly near: NearDuplicateIndex;
  private readonly nearOn: boolean;
  private readonly fopts: Required<FeatureOptions>;

  constructor(private readonly opts: DuplicateOptions) {
    this.exact = new ExactDuplicateIndex(this.store, opts.paths, { caseInsensitive: opts.caseInsensitive, splits: opts.splits });
    this.near = new NearDuplicateIndex(this.store, opts.paths, { threshold: opts.nearThreshold, shingleSize: opts.shingleSize });
    this.nearOn = opts.near !== false;
    this.fopts = { caseInsensitive: !!opts.caseInsensitive, shingleSize: this.near.shingleSize, near: this.nearOn };
  }

  /** The options extractFeatures must be called with for this analysis (send them to the workers). */
  get featureOptions(): Required<FeatureOptions> {
    return { ...this.fopts };
  }

  add(conv: Conversation, loc: RecordLoc): Finding[] {
    return this.addFeatures(extractFeatures(conv, this.fopts), loc);
  }

  /** Replays one record's features; records must come in run order (files in run order, lines in file order). */
  addFeatures(f: RecordFeatures, loc: RecordLoc): Finding[] {
    const id = this.store.push(loc);
    const findings = this.exact.addKeys(f, id);
    // The replay decides: an exact duplicate of an earlier record never enters near detection.
    if (this.nearOn && f.bands && !this.exact.isDuplicate(id)) this.near.addBandKeys(f.bands, id);
    return findings;
  }

  /**
   * Replays every record of a chunk's batch in order. `lineOffset` is added to each line (chunks count lines from
   * the chunk start); `fileIndexMap[i]` is the run's file index of the batch's file i (default: unchanged). Byte
   * offsets are taken as they are (absolute in the file). Findings come in record order with absolute lines.
   * Throws when the batch was extracted with other feature options than this analysis uses.
   */
  addBatch(b: FeatureBatch, lineOffset: number, fileIndexMap?: ArrayLike<number>): Finding[] {
    const bo = b.options;
    if (bo) {
      const mine = this.fopts;
      // With near off here, band keys are ignored whatever the batch holds.
      if (bo.caseInsensitive !== mine.caseInsensitive || (mine.near && (!bo.near || bo.shingleSize !== mine.shingleSize))) {
        throw new Error(`feature batch extracted with ${JSON.stringify(bo)}, analysis expects ${JSON.stringify(mine)}`);
      }
    }
    const out: Finding[] = [];
    for (let i = 0, n = b.length; i < n; i++) {
      const loc = b.loc(i);
      loc.line += lineOffset;
      if (fileIndexMap) {
        const f = fileIndexMap[loc.file];
        if (f === undefined) throw new Error(`fileIndexMap has no entry for batch file ${loc.file}`);
        loc.file = f;
      }
      const found = this.addFeatures(b.features(i, true), loc);
      for (const x of found) out.push(x);
    }
    return out;
  }

  async finish(reread: Reread): Promise<DuplicateReport> {
    const files = this.opts.paths.length;
    const pairSet = new Set((this.opts.splits ?? []).flatMap((p) => [`${p.train}:${p.eval}`, `${p.eval}:${p.train}`]));
    const paired = (i: number, j: number) => pairSet.has(`${i}:${j}`);
    // The pass is over: the chunk batches' arrays go before verification allocates its own.
    FeatureBatch.recycle(null);
    const near = await this.near.finish(reread, { paired: pairSet.size ? paired : undefined, conflictOf: (id) => this.exact.conflictOf(id) });
    const pairs: NearPair[] = near.pairs;
    const leakage = computeLeakage({
      store: this.store,
      paths: this.opts.paths,
      splits: this.opts.splits ?? [],
      rootOf: (id) => this.exact.rootOf(id),
      nearPairs: pairs,
      shingleSize: this.near.shingleSize,
    });
    const crossConflicts = this.exact.crossSplitConflicts(leakage.leaked);
    const ex = this.exact.perFile(files);
    const nd = near.perFile(files);
    return {
      exact: this.exact.result(),
      near: near.result,
      leakage: leakage.results,
      perFile: ex.map((e, i) => ({ exactDuplicates: e, nearDuplicates: nd[i] })),
      findings: [...near.findings, ...crossConflicts, ...leakage.findings],
      nearPairs: pairs.map((p) => ({ a: this.store.loc(p.a), b: this.store.loc(p.b), similarity: p.similarity })),
    };
  }
}

/** Options that change the extracted features (the other DuplicateOptions only matter at replay/finish). */
export interface FeatureOptions {
  caseInsensitive?: boolean;
  /** Words per shingle, default 5. */
  shingleSize?: number;
  /** Near-duplicate detection on (default true); off: no band keys are computed. */
  near?: boolean;
}

/** Everything the duplicate analyses need of one record during the pass (no text). All numbers are uint32. */
export interface RecordFeatures extends ExactKeys {
  /** The BANDS (16) near-duplicate LSH band keys; null when the record has no words/media or near is off. */
  bands: Uint32Array | null;
}

/** Pure per-record feature extraction (safe in any thread; depends only on its arguments). `scan`: the record's
 * text scan made with the same caseInsensitive, when the caller already has it. */
export function extractFeatures(conv: Conversation, opts: FeatureOptions = {}, scan?: RecordScan): RecordFeatures {
  const s = scan ?? scanRecord(conv, !!opts.caseInsensitive);
  const bands = opts.near === false ? null : nearBandKeys(conv, opts.shingleSize ?? 5, s);
  return { ...exactKeys(conv, !!opts.caseInsensitive, s), bands };
}

/** Structured-clone-able form of a FeatureBatch (typed arrays only; see FeatureBatch.transferList). */
export interface FeatureBatchPartial {
  /** Records. */
  n: number;
  /** Per record: exact1, exact2, prompt1, prompt2, answer1, answer2 (n * 6). */
  keys: Uint32Array;
  /** Per record: bit 0 = hasAnswer, bit 1 = has band keys. */
  flags: Uint8Array;
  /** Band keys of the records that have them, in record order (16 per such record). */
  bands: Uint32Array;
  /** Per record location. */
  files: Int32Array;
  lines: Int32Array;
  offsets: Float64Array;
  lengths: Float64Array;
  /** Feature options the batch was extracted with, when the producer said (checked by addBatch). */
  options?: Required<FeatureOptions>;
}

const KEYS = 6;

/** Columnar features of many records (one chunk): ~49 bytes per record + 64 per record with band keys. */
export class FeatureBatch {
  private keys = new GrowableU32(1024 * KEYS);
  private flags = new GrowableU8(1024);
  private bands = new GrowableU32(1024 * BANDS);
  private files = new GrowableI32(1024);
  private lines = new GrowableI32(1024);
  private offsets = new GrowableF64(1024);
  private lengths = new GrowableF64(1024);
  /** Index into `bands` (in records) of each record's keys, -1 when none; built lazily for random access. */
  private bandIndex: Int32Array | null = null;
  readonly options?: Required<FeatureOptions>;

  /** `options`: the options the features are extracted with, so addBatch can check them (recommended). */
  constructor(options?: FeatureOptions) {
    if (options) this.options = { caseInsensitive: !!options.caseInsensitive, shingleSize: options.shingleSize ?? 5, near: options.near !== false };
    const s = spare;
    if (s) {
      spare = null;
      reuse(this.keys, s.keys, Uint32Array);
      reuse(this.flags, s.flags, Uint8Array);
      reuse(this.bands, s.bands, Uint32Array);
      reuse(this.files, s.files, Int32Array);
      reuse(this.lines, s.lines, Int32Array);
      reuse(this.offsets, s.offsets, Float64Array);
      reuse(this.lengths, s.lengths, Float64Array);
    }
  }

  /** Hands the arrays of a partial that has been replayed (and is not read again) to the next batch made in this
   * thread: a run on one thread then fills the same arrays chunk after chunk instead of growing new ones for each
   * (tens of MB per chunk of small records, freed only when the garbage collector gets to them). */
  static recycle(p: FeatureBatchPartial | null): void {
    spare = p;
  }

  get length(): number {
    return this.flags.length;
  }

  push(f: RecordFeatures, loc: RecordLoc): void {
    const k = this.keys;
    k.reserve(k.length + KEYS);
    const d = k.data;
    let at = k.length;
    d[at++] = f.exact1;
    d[at++] = f.exact2;
    d[at++] = f.prompt1;
    d[at++] = f.prompt2;
    d[at++] = f.answer1;
    d[at++] = f.answer2;
    k.length = at;
    let flag = f.hasAnswer ? 1 : 0;
    if (f.bands) {
      if (f.bands.length !== BANDS) throw new Error(`expected ${BANDS} band keys, got ${f.bands.length}`);
      flag |= 2;
      const b = this.bands;
      b.reserve(b.length + BANDS);
      b.data.set(f.bands, b.length);
      b.length += BANDS;
    }
    this.pushRest(flag, loc);
  }

  /** push(extractFeatures(conv, options, scan), loc) without the intermediate object (the per-record hot path):
   * the keys are written straight into the batch. `scan`: the record's scan with options.caseInsensitive. */
  pushRecord(conv: Conversation, scan: RecordScan, loc: RecordLoc, options: Required<FeatureOptions>): void {
    const k = this.keys;
    k.reserve(k.length + KEYS);
    let flag = exactKeysInto(conv, scan, k.data, k.length) ? 1 : 0;
    k.length += KEYS;
    if (options.near) {
      const b = this.bands;
      b.reserve(b.length + BANDS);
      if (nearBandKeysInto(conv, options.shingleSize, b.data, b.length, scan)) {
        b.length += BANDS;
        flag |= 2;
      }
    }
    this.pushRest(flag, loc);
  }

  /** The record's flags and location (after its keys and band keys). */
  private pushRest(flag: number, loc: RecordLoc): void {
    this.flags.push(flag);
    this.files.push(loc.file);
    this.lines.push(loc.line);
    this.offsets.push(loc.offset);
    this.lengths.push(loc.length);
    this.bandIndex = null;
  }

  /** Record i's features. `view`: band keys as a view into the batch (valid until the next push) instead of a copy. */
  features(i: number, view = false): RecordFeatures {
    this.check(i);
    const d = this.keys.data;
    const o = i * KEYS;
    const flag = this.flags.data[i];
    let bands: Uint32Array | null = null;
    if (flag & 2) {
      const at = this.index()[i] * BANDS;
      bands = view ? this.bands.data.subarray(at, at + BANDS) : this.bands.data.slice(at, at + BANDS);
    }
    return { exact1: d[o], exact2: d[o + 1], hasAnswer: (flag & 1) !== 0, prompt1: d[o + 2], prompt2: d[o + 3], answer1: d[o + 4], answer2: d[o + 5], bands };
  }

  /** Record i's location, as pushed. */
  loc(i: number): RecordLoc {
    this.check(i);
    return { file: this.files.data[i], line: this.lines.data[i], offset: this.offsets.data[i], length: this.lengths.data[i] };
  }

  /** The batch's arrays handed over, not copied (views of their used part): the batch must not be pushed to
   * afterwards. Post it with FeatureBatch.transferList(p) as the transfer list (the whole buffers move). */
  toPartial(): FeatureBatchPartial {
    const p: FeatureBatchPartial = {
      n: this.length,
      keys: this.keys.view(),
      flags: this.flags.view(),
      bands: this.bands.view(),
      files: this.files.view(),
      lines: this.lines.view(),
      offsets: this.offsets.view(),
      lengths: this.lengths.view(),
    };
    if (this.options) p.options = { ...this.options };
    return p;
  }

  /** Wraps a partial (no copy; the batch takes the arrays over). Throws when it is inconsistent. */
  static fromPartial(p: FeatureBatchPartial): FeatureBatch {
    const n = p.n;
    const bad = (what: string): never => {
      throw new Error(`invalid feature batch partial: ${what}`);
    };
    if (!(Number.isInteger(n) && n >= 0)) bad(`n = ${String(n)}`);
    if (!(p.keys instanceof Uint32Array) || p.keys.length !== n * KEYS) bad("keys");
    if (!(p.flags instanceof Uint8Array) || p.flags.length !== n) bad("flags");
    if (!(p.files instanceof Int32Array) || p.files.length !== n) bad("files");
    if (!(p.lines instanceof Int32Array) || p.lines.length !== n) bad("lines");
    if (!(p.offsets instanceof Float64Array) || p.offsets.length !== n) bad("offsets");
    if (!(p.lengths instanceof Float64Array) || p.lengths.length !== n) bad("lengths");
    let withBands = 0;
    for (let i = 0; i < n; i++) if (p.flags[i] & 2) withBands++;
    if (!(p.bands instanceof Uint32Array) || p.bands.length !== withBands * BANDS) bad("bands");
    const b = new FeatureBatch(p.options);
    adopt(b.keys, p.keys);
    adopt(b.flags, p.flags);
    adopt(b.bands, p.bands);
    adopt(b.files, p.files);
    adopt(b.lines, p.lines);
    adopt(b.offsets, p.offsets);
    adopt(b.lengths, p.lengths);
    return b;
  }

  /** The distinct ArrayBuffers of a partial, for postMessage's transfer list. */
  static transferList(p: FeatureBatchPartial): ArrayBuffer[] {
    const set = new Set<ArrayBuffer>();
    for (const a of [p.keys, p.flags, p.bands, p.files, p.lines, p.offsets, p.lengths]) set.add(a.buffer as ArrayBuffer);
    return [...set];
  }

  private index(): Int32Array {
    if (this.bandIndex) return this.bandIndex;
    const n = this.length;
    const idx = new Int32Array(n);
    const flags = this.flags.data;
    for (let i = 0, j = 0; i < n; i++) idx[i] = flags[i] & 2 ? j++ : -1;
    return (this.bandIndex = idx);
  }
  private check(i: number): void {
    if (!(Number.isInteger(i) && i >= 0 && i < this.length)) throw new RangeError(`record ${i} out of range (batch of ${this.length})`);
  }
}

/** The arrays of the last recycled partial (FeatureBatch.recycle), for the next batch. */
let spare: FeatureBatchPartial | null = null;

/** Makes an empty growable array use the whole buffer under `arr` as its storage, when that is larger. */
function reuse<T extends Uint32Array | Int32Array | Uint8Array | Float64Array>(g: { data: T; length: number }, arr: T, Ctor: { new (b: ArrayBuffer): T; BYTES_PER_ELEMENT: number }): void {
  const buf = arr.buffer as ArrayBuffer;
  if (arr.byteOffset !== 0 || buf.byteLength % Ctor.BYTES_PER_ELEMENT !== 0 || buf.byteLength <= g.data.byteLength) return;
  g.data = new Ctor(buf);
}

/** Makes a growable array use `arr` as its data (full). Empty arrays keep the growable's own storage. */
function adopt<T extends Uint32Array | Int32Array | Uint8Array | Float64Array>(g: { data: T; length: number }, arr: T): void {
  if (arr.length > 0) g.data = arr;
  g.length = arr.length;
}

// Near duplicates: Jaccard similarity of word-shingle sets, found with one-permutation MinHash + LSH, then verified.
//
//   const nd = new NearDuplicateIndex(store, paths, { threshold: 0.8, shingleSize: 5 });
//   nd.add(conv, id)                       // streaming; the caller skips exact duplicates (they are not near ones)
//                                          // = nd.addBandKeys(nearBandKeys(conv, shingleSize), id) when not null
//   const out = await nd.finish(reread)    // { result, pairs, findings, perFile }; once
//
// Text: every message except system/developer roles, as words of the record's text scan (text-scan.ts: NFKC,
// lowercase, split on whitespace), one word stream (shingles run across message boundaries). Shingle = rolling hash of `shingleSize` consecutive word hashes; a record with
// fewer words is one shingle; a record with no words, media or tool calls is never a near duplicate. Each media part and each tool call
// (model.ts Message.calls) adds `shingleSize` shingles of its key. Tool definitions are not compared (like system
// prompts).
// Sketch: K = 128 bins, one permutation (bin = top 7 bits of the shingle hash, value = min of a second hash),
// empty bins filled by optimal densification (Shrivastava 2017). LSH: 16 bands x 8 rows, one 32-bit key per band;
// the pass only stores the keys (64 bytes per record). At finish, band by band, records with the same key form a
// bucket (a key -> latest record table, and a link from each record to the one before it with its key), and each
// record is paired with at most MAX_BUCKET_WALK records just before it in its bucket: every such (earlier, later)
// pair is a candidate. The candidates' records are re-read through `reread`,
// their shingle sets rebuilt (sorted 53-bit keys: 32-bit hashes collide about once per 10^5 records of one shingle)
// and the true Jaccard computed: only pairs >= threshold are
// accepted. Memory at finish: 20 bytes per record + the candidate pairs + 8 bytes per shingle of candidate records.
// Result groups are union-find components of accepted pairs; a group's `similarity` is the LOWEST similarity
// among the accepted pairs that joined it. Each record with an accepted earlier partner gets one `near-duplicate`
// finding naming its most similar earlier partner (ties: the earliest).
// One defect, one finding (NearOptions): a pair across a train/eval split pair is a leak (leakage.ts reports it), so
// it is left out of the findings, counts and groups (`pairs` still holds it, for leakage); a record whose earlier
// partner is also the record it has a conflicting answer with is counted, and reported as that conflict only.
import type { Conversation, Finding, RecordLoc } from "../model.js";
import { fmix32, GrowableF64, GrowableI32, GrowableU32, mix32, PAGE_BITS, PagedI32, PagedU32 } from "./hash.js";
import type { RecordStore } from "./record-store.js";
import { scanRecord, type RecordScan } from "./text-scan.js";
import type { DupMember } from "./exact-duplicates.js";

export const BINS = 128;
export const BANDS = 16;
export const ROWS = 8;
export const MAX_BUCKET_WALK = 100;
export const MAX_CANDIDATE_PAIRS = 8_000_000;

/** What else the run knows about record pairs when the near duplicates are summarised. */
export interface NearOptions {
  /** Files i and j are a train/eval pair (either order). */
  paired?: (i: number, j: number) => boolean;
  /** The earlier record that record `id` has a conflicting answer with, or -1. */
  conflictOf?: (id: number) => number;
}

/** Re-reads records: calls `each(i, conv)` once for every locs[i], in any order (conv null when it no longer parses). */
export type Reread = (locs: RecordLoc[], each: (index: number, conv: Conversation | null) => void) => Promise<void>;

export interface NearGroup {
  /** Lowest Jaccard similarity among the accepted pairs joining the group (4 decimals). */
  similarity: number;
  size: number;
  /** Every record of the group, earliest first. */
  members: DupMember[];
}
export interface NearResult {
  /** Records with at least one earlier near duplicate outside a train/eval pair (= near-duplicate findings, plus
   * those reported as a conflicting answer with the same record). */
  duplicateRecords: number;
  rate: number;
  threshold: number;
  shingleSize: number;
  /** LSH candidate pairs verified, and how many passed. */
  candidatePairs: number;
  acceptedPairs: number;
  /** True when the candidate-pair cap was hit (some pairs were not examined). */
  truncated: boolean;
  /** Number of groups (= groups.length). */
  groupCount: number;
  /** Every group, largest first (ties: earliest first member); the Markdown and text reports show the first few. */
  groups: NearGroup[];
}
export interface NearPair {
  /** Record ids, a < b. */
  a: number;
  b: number;
  similarity: number;
}

const P = 0x01000193;

/** Writes the shingle hashes of a conversation's non-system text into `out` (from 0); returns their number. */
export class ShingleHasher {
  /** Last k word hashes (and their second hashes, for wide shingles). */
  private ring: Uint32Array;
  private ring2: Uint32Array;
  /** P^(k-1) mod 2^32. */
  private pk: number;
  constructor(readonly k: number) {
    if (!(k >= 1 && Number.isInteger(k))) throw new Error(`shingle size must be a positive integer, got ${k}`);
    this.ring = new Uint32Array(k);
    this.ring2 = new Uint32Array(k);
    let pk = 1;
    for (let i = 1; i < k; i++) pk = Math.imul(pk, P);
    this.pk = pk;
  }
  /** `scan`: the record's text scan (text-scan.ts), when the caller already has it (word hashes do not depend on
   * the case setting). */
  shingles(conv: Conversation, out: GrowableU32, scan?: RecordScan): number {
    return this.hash(conv, out, null, scan);
  }

  /** The same shingles as 53-bit keys (the 32-bit shingle hash, then 21 bits of a second rolling hash over the
   * words' second hashes), for verification: 32-bit hashes collide about once per 10^5 one-shingle records. */
  wideShingles(conv: Conversation, out: GrowableU32, wide: GrowableF64): number {
    return this.hash(conv, out, wide);
  }

  private hash(conv: Conversation, out: GrowableU32, wide: GrowableF64 | null, scan?: RecordScan): number {
    const s = scan ?? scanRecord(conv, false);
    const k = this.k;
    const ring = this.ring;
    const ring2 = this.ring2;
    const pk = this.pk;
    const wh = s.a;
    const wh2 = s.b;
    const msgs = conv.messages;
    // At most one shingle per word (or one for a short record), plus k per media part and per tool call: room for
    // all, up front.
    let bound = 1;
    for (let m = 0; m < msgs.length; m++) {
      const msg = msgs[m];
      bound += s.to[m] - s.from[m];
      if (msg.media) bound += msg.media.length * k;
      if (msg.calls) bound += msg.calls.length * k;
    }
    out.length = 0;
    out.reserve(bound);
    const data = out.data;
    if (wide) {
      wide.length = 0;
      wide.reserve(bound);
    }
    const wdata = wide ? wide.data : null;
    let len = 0;
    let words = 0;
    let pos = 0;
    // Rolling polynomial hash of the window: S = sum w[i] * P^(k-1-i) (mod 2^32), then avalanched.
    let roll = 0;
    let roll2 = 0;
    for (let m = 0; m < msgs.length; m++) {
      const role = msgs[m].role;
      if (role === "system" || role === "developer") continue;
      for (let i = s.from[m], e = s.to[m]; i < e; i++) {
        const w = wh[i];
        roll = (Math.imul(roll - (words >= k ? Math.imul(ring[pos], pk) : 0), P) + w) | 0;
        ring[pos] = w;
        if (wdata) {
          const w2 = wh2[i];
          roll2 = (Math.imul(roll2 - (words >= k ? Math.imul(ring2[pos], pk) : 0), P) + w2) | 0;
          ring2[pos] = w2;
        }
        pos = pos + 1 === k ? 0 : pos + 1;
        words++;
        if (words >= k) {
          const h = fmix32(roll ^ k);
          if (wdata) wdata[len] = h * 0x200000 + (fmix32(roll2 ^ 0x2545f491) >>> 11);
          data[len++] = h;
        }
      }
    }
    if (words > 0 && words < k) {
      const h = fmix32(roll ^ words);
      if (wdata) wdata[len] = h * 0x200000 + (fmix32(roll2 ^ words ^ 0x2545f491) >>> 11);
      data[len++] = h;
    }
    // Each image/media part and each tool call weighs as much as a sentence (k shingles): the same question about
    // different images, or answered by calling another function, is not a near duplicate.
    for (const m of msgs) {
      if (m.media) for (const key of m.media) len = keyShingles(key, 0x9747b28c, k, data, wdata, len);
      if (m.calls) for (const key of m.calls) len = keyShingles(key, 0x7c0ca11 ^ 0x9747b28c, k, data, wdata, len);
    }
    out.length = len;
    if (wide) wide.length = len;
    return len;
  }
}

/** Writes the k shingles that stand for the key string `key` (a media part, a tool call) at data[len..] (and their
 * wide forms at wdata[len..]); returns the new length. `seed` keeps kinds of keys apart. */
function keyShingles(key: string, seed: number, k: number, data: Uint32Array, wdata: Float64Array | null, len: number): number {
  let h = seed | 0;
  let h2 = 0x3c6ef372 | 0;
  for (let i = 0; i < key.length; i++) {
    h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
    h2 = Math.imul(h2 + key.charCodeAt(i), 0x5bd1e995);
  }
  for (let j = 0; j < k; j++) {
    const x = fmix32(h ^ Math.imul(j + 1, 0x6d656469));
    if (wdata) wdata[len] = x * 0x200000 + (fmix32(h2 ^ Math.imul(j + 1, 0x27d4eb2f)) >>> 11);
    data[len++] = x;
  }
  return len;
}

const ATTEMPTS = 4096;
/** Bin an empty bin i probes at attempt a (1 <= a < ATTEMPTS) when densifying. */
const probe = (i: number, a: number): number => fmix32(Math.imul(i + 1, 0x9e3779b1) ^ Math.imul(a, 0x85ebca6b)) & (BINS - 1);
/** Probe tables, made on first use (128 x 4,095 hashes):
 *  FIRST[i * BINS + j]: the first attempt at which empty bin i probes bin j (0: not before ATTEMPTS);
 *  ORDER[i * BINS + s]: the s-th distinct bin empty bin i probes, in order of first probe, then the bins it never
 *  probes before ATTEMPTS in index order: the first filled bin in row i is the one probing would find. */
let FIRST: Uint16Array | null = null;
let ORDER: Uint8Array | null = null;
function makeProbeTables(): void {
  const first = new Uint16Array(BINS * BINS);
  const order = new Uint8Array(BINS * BINS);
  for (let i = 0; i < BINS; i++) {
    let s = 0;
    for (let a = 1; a < ATTEMPTS; a++) {
      const c = probe(i, a);
      if (first[i * BINS + c] === 0) {
        first[i * BINS + c] = a;
        order[i * BINS + s++] = c;
      }
    }
    for (let j = 0; j < BINS; j++) if (first[i * BINS + j] === 0) order[i * BINS + s++] = j;
  }
  FIRST = first;
  ORDER = order;
}
/** Up to this many filled bins, densifySparse (k lookups per empty bin); above, densifyByOrder (about BINS / (k + 1)
 * steps per empty bin). */
const SPARSE = 8;
const filledList = new Int32Array(BINS);

/** One-permutation MinHash with optimal densification; n >= 1. Each empty bin takes the value of the first filled
 * bin in its probe sequence (probe(i, 1), probe(i, 2), ...; when none is probed before ATTEMPTS, the lowest-numbered
 * filled bin). The first filled bin is found from tables of the probe sequences instead of hashing each probe: the
 * same result at a fraction of the cost for records of a few to a hundred shingles. */
export function sketch(shingles: Uint32Array, n: number, bins: Uint32Array, filled: Uint8Array): void {
  bins.fill(0xffffffff);
  filled.fill(0);
  for (let i = 0; i < n; i++) {
    const x = shingles[i];
    const b = x >>> 25;
    const v = fmix32(x ^ 0x5bd1e995);
    filled[b] = 1;
    if (v < bins[b]) bins[b] = v;
  }
  let k = 0;
  for (let i = 0; i < BINS; i++) if (filled[i]) filledList[k++] = i;
  if (k === BINS) return;
  // One filled bin (a record of one shingle, or of one repeated shingle): every empty bin borrows from it.
  if (k === 1) bins.fill(bins[filledList[0]]);
  else if (k <= SPARSE) densifySparse(bins, filled, k);
  else densifyByOrder(bins, filled);
}

/** Walks each empty bin's probe order (ORDER) to its first filled bin. */
function densifyByOrder(bins: Uint32Array, filled: Uint8Array): void {
  if (!ORDER) makeProbeTables();
  const order = ORDER!;
  for (let i = 0; i < BINS; i++) {
    if (filled[i]) continue;
    let s = i * BINS;
    while (!filled[order[s]]) s++;
    bins[i] = bins[order[s]];
  }
}

/** The first filled bin of each empty bin from the table of first probes: `k` lookups per empty bin. */
function densifySparse(bins: Uint32Array, filled: Uint8Array, k: number): void {
  if (!FIRST) makeProbeTables();
  const first = FIRST!;
  for (let i = 0; i < BINS; i++) {
    if (filled[i]) continue;
    let j = -1;
    let best = ATTEMPTS;
    for (let f = 0; f < k; f++) {
      const a = first[i * BINS + filledList[f]];
      if (a !== 0 && a < best) {
        best = a;
        j = filledList[f];
      }
    }
    if (j < 0) for (j = 0; !filled[j]; j++);
    bins[i] = bins[j];
  }
}

/** One stable counting-sort pass of (key, rec) by the 16 bits of key at `shift`, from src into dst. */
function radixPass(srcKey: Uint32Array, srcRec: Int32Array, dstKey: Uint32Array, dstRec: Int32Array, count: Int32Array, shift: number): void {
  const n = srcKey.length;
  count.fill(0);
  for (let i = 0; i < n; i++) count[(srcKey[i] >>> shift) & 0xffff]++;
  let at = 0;
  for (let d = 0; d < 65_536; d++) {
    const c = count[d];
    count[d] = at;
    at += c;
  }
  for (let i = 0; i < n; i++) {
    const k = srcKey[i];
    const pos = count[(k >>> shift) & 0xffff]++;
    dstKey[pos] = k;
    dstRec[pos] = srcRec[i];
  }
}

export function bandKey(bins: Uint32Array, band: number): number {
  let h = Math.imul(band + 1, 0x9e3779b1);
  for (let r = 0; r < ROWS; r++) h = mix32(h, bins[band * ROWS + r]);
  return fmix32(h ^ ROWS);
}

// Scratch for nearBandKeys: module-level and overwritten on every call, so the function is pure.
const scratchHashers = new Map<number, ShingleHasher>();
const scratchBuf = new GrowableU32(4096);
const scratchBins = new Uint32Array(BINS);
const scratchFilled = new Uint8Array(BINS);

/**
 * Writes a record's BANDS LSH band keys into `out` at `at`; returns false (writing nothing) when the record has no
 * shingles (no words and no media), i.e. can never be a near duplicate. Pure: depends only on the arguments.
 */
export function nearBandKeysInto(conv: Conversation, shingleSize: number, out: Uint32Array, at: number, scan?: RecordScan): boolean {
  let hasher = scratchHashers.get(shingleSize);
  if (!hasher) {
    hasher = new ShingleHasher(shingleSize);
    scratchHashers.set(shingleSize, hasher);
  }
  const n = hasher.shingles(conv, scratchBuf, scan);
  if (n === 0) return false;
  sketch(scratchBuf.data, n, scratchBins, scratchFilled);
  for (let b = 0; b < BANDS; b++) out[at + b] = bandKey(scratchBins, b);
  return true;
}

/** A record's BANDS LSH band keys, or null when it has no shingles. Pure. */
export function nearBandKeys(conv: Conversation, shingleSize: number, scan?: RecordScan): Uint32Array | null {
  const out = new Uint32Array(BANDS);
  return nearBandKeysInto(conv, shingleSize, out, 0, scan) ? out : null;
}

export class NearDuplicateIndex {
  readonly threshold: number;
  readonly shingleSize: number;
  private readonly hasher: ShingleHasher;
  private readonly buf = new GrowableU32(4096);
  /** slot -> record id (increasing), and slot*BANDS+band -> that record's key in the band (fixed pages: what the run
   * keeps per record, with no doubling). */
  private readonly slotId = new PagedI32();
  private readonly keys = new PagedU32();
  private truncated = false;
  private finished = false;
  private candidateCount = 0;

  constructor(
    private readonly store: RecordStore,
    private readonly paths: string[],
    opts: { threshold?: number; shingleSize?: number } = {},
  ) {
    this.threshold = opts.threshold ?? 0.8;
    this.shingleSize = opts.shingleSize ?? 5;
    if (!(this.threshold > 0 && this.threshold <= 1)) throw new Error(`near-duplicate threshold must be in (0, 1], got ${this.threshold}`);
    this.hasher = new ShingleHasher(this.shingleSize);
  }

  add(conv: Conversation, id: number): void {
    const keys = nearBandKeys(conv, this.shingleSize);
    if (keys) this.addBandKeys(keys, id);
  }

  /** Replays one record's LSH band keys (BANDS uint32, see nearBandKeys); ids must come in increasing order. */
  addBandKeys(keys: ArrayLike<number>, id: number): void {
    if (keys.length !== BANDS) throw new Error(`expected ${BANDS} band keys, got ${keys.length}`);
    const n = this.slotId.length;
    if (n > 0 && id <= this.slotId.get(n - 1)) throw new Error(`record ids must increase (${id} after ${this.slotId.get(n - 1)})`);
    this.slotId.push(id);
    // BANDS divides a page: a record's keys are in one page.
    const k = this.keys;
    for (let b = 0; b < BANDS; b++) k.push(keys[b]);
  }

  /**
   * Candidate pairs, sorted by later id then earlier id, without repeats: in each band every record is paired with
   * at most MAX_BUCKET_WALK records just before it with the same key. Band by band, the records are grouped by key
   * with an open-addressing table (key -> latest record), and each record's key in the band is overwritten with a
   * link to the previous record with that key (the keys are not needed afterwards). Then record by record (in id
   * order) its partners in the 16 chains are gathered, sorted and made unique, so the pairs come out in order with
   * no global set. At most MAX_CANDIDATE_PAIRS pairs (`truncated`: later records are then not paired).
   * Memory: 68 bytes per record for the keys and ids during the pass (links at the end); 16 per record + the pairs at
   * the end.
   */
  private candidates(): { A: Int32Array; B: Int32Array } {
    const n = this.slotId.length;
    // keys[j * BANDS + band] and ids[j], read through their pages (RPP records per page).
    const keyPages = this.keys.pages;
    const idPages = this.slotId.pages;
    const RPP_BITS = PAGE_BITS - Math.log2(BANDS);
    const RPP_MASK = (1 << RPP_BITS) - 1;
    const ID_MASK = (1 << PAGE_BITS) - 1;
    const id = (j: number): number => idPages[j >>> PAGE_BITS][j & ID_MASK];
    // Each record's key in a band is overwritten with the previous record (in record order) that has the same key
    // there, -1 for none: the records of a band are sorted by key with a stable radix sort (two passes of 16 bits;
    // sequential memory traffic, where a hash table of last records missed the cache on every record).
    const srcKey = new Uint32Array(n);
    const srcRec = new Int32Array(n);
    const dstKey = new Uint32Array(n);
    const dstRec = new Int32Array(n);
    const count = new Int32Array(65_536);
    for (let band = 0; band < BANDS; band++) {
      for (let j = 0; j < n; j++) {
        srcKey[j] = keyPages[j >>> RPP_BITS][(j & RPP_MASK) * BANDS + band];
        srcRec[j] = j;
      }
      radixPass(srcKey, srcRec, dstKey, dstRec, count, 0);
      radixPass(dstKey, dstRec, srcKey, srcRec, count, 16);
      // srcKey/srcRec: sorted by key, records in increasing order within a key
      for (let i = 0; i < n; i++) {
        const r = srcRec[i];
        keyPages[r >>> RPP_BITS][(r & RPP_MASK) * BANDS + band] = i > 0 && srcKey[i - 1] === srcKey[i] ? srcRec[i - 1] : -1; // -1 is stored as 0xffffffff
      }
    }
    const pa = new GrowableI32(1024);
    const pb = new GrowableI32(1024);
    const near = new Int32Array(BANDS * MAX_BUCKET_WALK);
    records: for (let j = 0; j < n; j++) {
      let m = 0;
      for (let band = 0; band < BANDS; band++) {
        const link = (r: number): number => keyPages[r >>> RPP_BITS][(r & RPP_MASK) * BANDS + band] | 0;
        for (let i = link(j), walked = 0; i >= 0 && walked < MAX_BUCKET_WALK; i = link(i), walked++) near[m++] = i;
      }
      if (m === 0) continue;
      const list = near.subarray(0, m).sort();
      const b = id(j);
      for (let k = 0; k < m; k++) {
        if (k > 0 && list[k] === list[k - 1]) continue;
        if (pa.length >= MAX_CANDIDATE_PAIRS) {
          this.truncated = true;
          break records;
        }
        pa.push(id(list[k]));
        pb.push(b);
      }
    }
    return { A: pa.data.subarray(0, pa.length), B: pb.data.subarray(0, pb.length) };
  }

  async finish(reread: Reread, opts: NearOptions = {}): Promise<{ result: NearResult; pairs: NearPair[]; findings: Array<{ file: number; finding: Finding }>; perFile: (files: number) => number[] }> {
    if (this.finished) throw new Error("NearDuplicateIndex.finish: called twice (it overwrites the band keys)");
    this.finished = true;
    const { A, B } = this.candidates();
    const P = A.length;
    this.candidateCount = P;
    // Candidate records, sorted and unique.
    // (B is sorted: its last value is the largest id of any pair.) record id -> index in ids, 4 bytes per record.
    const where = new Int32Array(P > 0 ? B[P - 1] + 1 : 0).fill(-1);
    for (let i = 0; i < P; i++) {
      where[A[i]] = 0;
      where[B[i]] = 0;
    }
    let u = 0;
    for (let id = 0; id < where.length; id++) if (where[id] === 0) u++;
    const ids = new Int32Array(u);
    for (let id = 0, i = 0; id < where.length; id++) if (where[id] === 0) ids[(where[id] = i++)] = id;
    const idx = (id: number): number => (id < where.length ? where[id] : -1);
    // Shingle sets of the candidates only: sorted unique 53-bit keys in one pool, candidate i's at
    // [start[i], end[i]) (records are re-read in one pass, in whatever order they arrive).
    const start = new Float64Array(u);
    const end = new Float64Array(u);
    const pool = new GrowableF64(4096);
    const wide = new GrowableF64(4096);
    const locs: RecordLoc[] = new Array<RecordLoc>(u);
    for (let i = 0; i < u; i++) locs[i] = this.store.loc(ids[i]);
    await reread(locs, (i, conv) => {
      start[i] = pool.length;
      if (conv) {
        const n = this.hasher.wideShingles(conv, this.buf, wide);
        const set = wide.data.subarray(0, n).sort();
        for (let j = 0; j < n; j++) if (j === 0 || set[j] !== set[j - 1]) pool.push(set[j]);
      }
      end[i] = pool.length;
    });
    const sets = pool.data;
    // Verify. Pairs come grouped by b: b's shingles go into a small hash table (stamped with a generation, so it is
    // never cleared), and each of its partners' shingles is looked up there.
    const pairs: NearPair[] = [];
    const t = this.threshold;
    let tab = new Float64Array(256);
    let stamp = new Uint32Array(256);
    let mask = 255;
    let gen = 0;
    let curB = -1;
    for (let p = 0; p < P; p++) {
      const ia = idx(A[p]);
      const ib = idx(B[p]);
      const a0 = start[ia], a1 = end[ia], b0 = start[ib], b1 = end[ib];
      const na = a1 - a0, nb = b1 - b0;
      if (na === 0 || nb === 0 || Math.min(na, nb) < t * Math.max(na, nb)) continue;
      if (B[p] !== curB) {
        curB = B[p];
        let cap = 256;
        while (cap < nb * 2) cap *= 2;
        if (cap > tab.length) {
          tab = new Float64Array(cap);
          stamp = new Uint32Array(cap);
          gen = 0;
        }
        mask = Math.min(cap, tab.length) - 1;
        if (++gen === 0xffffffff) {
          stamp.fill(0);
          gen = 1;
        }
        for (let j = b0; j < b1; j++) {
          const x = sets[j];
          let h = Math.imul(x / 0x200000, 0x9e3779b1) >>> 0 & mask;
          while (stamp[h] === gen) h = (h + 1) & mask;
          stamp[h] = gen;
          tab[h] = x;
        }
      }
      // Jaccard >= t needs inter >= t (na + nb) / (1 + t): stop as soon as the rest cannot reach it
      const need = (t * (na + nb)) / (1 + t) - 1e-9;
      let inter = 0;
      for (let i = a0; i < a1; i++) {
        const x = sets[i];
        let h = Math.imul(x / 0x200000, 0x9e3779b1) >>> 0 & mask;
        while (stamp[h] === gen) {
          if (tab[h] === x) {
            inter++;
            break;
          }
          h = (h + 1) & mask;
        }
        if (inter + (a1 - i - 1) < need) break;
      }
      const sim = inter / (na + nb - inter);
      if (sim >= t) pairs.push({ a: A[p], b: B[p], similarity: sim });
    }
    const paired = opts.paired;
    const kept = paired ? pairs.filter((p) => !paired(this.store.file(p.a), this.store.file(p.b))) : pairs;
    return { ...this.summarise(kept, u, ids, idx, opts.conflictOf), pairs };
  }

  private summarise(pairs: NearPair[], u: number, ids: Int32Array, idx: (id: number) => number, conflictOf?: (id: number) => number) {
    // Findings: pairs come grouped by b ascending; keep the best earlier partner of each b.
    const findings: Array<{ file: number; finding: Finding }> = [];
    const laterIds: number[] = [];
    for (let i = 0; i < pairs.length; ) {
      let best = pairs[i];
      const other = conflictOf ? conflictOf(best.b) : -1;
      let conflicting = best.a === other;
      let j = i + 1;
      for (; j < pairs.length && pairs[j].b === best.b; j++) {
        if (pairs[j].similarity > best.similarity) best = pairs[j];
        if (pairs[j].a === other) conflicting = true;
      }
      i = j;
      laterIds.push(best.b);
      if (conflicting) continue; // reported as conflicting-answers with that record (one finding per pair)
      const file = this.store.file(best.b);
      findings.push({
        file,
        finding: {
          rule: "near-duplicate",
          severity: "warning",
          line: this.store.line(best.b),
          message: `Near duplicate (Jaccard ${floor2(best.similarity)} of word ${this.shingleSize}-grams) of ${this.where(best.a)}: remove one of them, or rewrite this one if both are intended.`,
          related: this.member(best.a),
        },
      });
    }
    // Union-find groups over candidate indexes.
    const parent = new Int32Array(u);
    for (let i = 0; i < u; i++) parent[i] = i;
    const find = (x: number): number => {
      while (parent[x] !== x) x = parent[x] = parent[parent[x]];
      return x;
    };
    for (const p of pairs) {
      const ra = find(idx(p.a));
      const rb = find(idx(p.b));
      if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
    const minSim = new Float64Array(u).fill(2);
    const size = new Int32Array(u);
    for (const p of pairs) {
      const r = find(idx(p.a));
      if (p.similarity < minSim[r]) minSim[r] = p.similarity;
    }
    for (let i = 0; i < u; i++) size[find(i)]++;
    const roots: number[] = [];
    for (let i = 0; i < u; i++) if (find(i) === i && size[i] > 1) roots.push(i);
    roots.sort((x, y) => size[y] - size[x] || x - y);
    const top = roots; // every group (bounded by the candidate records); reports show the first few
    const members = new Map<number, DupMember[]>(top.map((r) => [r, []]));
    for (let i = 0; i < u; i++) members.get(find(i))?.push(this.member(ids[i]));
    const n = this.store.count;
    const result: NearResult = {
      duplicateRecords: laterIds.length,
      rate: n ? laterIds.length / n : 0,
      threshold: this.threshold,
      shingleSize: this.shingleSize,
      candidatePairs: this.candidateCount,
      acceptedPairs: pairs.length,
      truncated: this.truncated,
      groupCount: roots.length,
      groups: top.map((r) => ({ similarity: Math.round(minSim[r] * 1e4) / 1e4, size: size[r], members: members.get(r) as DupMember[] })),
    };
    const perFile = (files: number): number[] => {
      const out = new Array<number>(files).fill(0);
      for (const id of laterIds) out[this.store.file(id)]++;
      return out;
    };
    return { result, findings, perFile };
  }

  private member(id: number): DupMember {
    return { path: this.paths[this.store.file(id)] ?? String(this.store.file(id)), line: this.store.line(id) };
  }
  private where(id: number): string {
    const m = this.member(id);
    return `${m.path}:${m.line}`;
  }
}

const floor2 = (x: number): string => (Math.floor(x * 100 + 1e-9) / 100).toFixed(2);

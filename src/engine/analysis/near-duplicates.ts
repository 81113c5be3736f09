// Near duplicates: Jaccard similarity of word-shingle sets, found with one-permutation MinHash + LSH, then verified.
//
//   const nd = new NearDuplicateIndex(store, paths, { threshold: 0.8, shingleSize: 5 });
//   nd.add(conv, id)                       // streaming; the caller skips exact duplicates (they are not near ones)
//                                          // = nd.addBandKeys(nearBandKeys(conv, shingleSize), id) when not null
//   const out = await nd.finish(reread)    // { result, pairs, findings, perFile }; once
//
// Text and sketch (near-sketch.ts): shingles of each record's non-system words, media and tool calls, a MinHash
// sketch of 128 bins and its 16 LSH band keys; the pass only stores the keys (64 bytes per record).
// Candidates (near-candidates.ts): at finish, band by band, records with the same key form a bucket, and each record
// is paired with at most MAX_BUCKET_WALK records just before it in its bucket: every such (earlier, later) pair is a
// candidate.
// Verification (here): the candidates' records are re-read through `reread`,
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
import { GrowableF64, GrowableU32, PagedI32, PagedU32 } from "./hash.js";
import { BANDS, nearBandKeys, ShingleHasher } from "./near-sketch.js";
import { candidatePairs } from "./near-candidates.js";
import type { RecordStore } from "./record-store.js";
import type { DupMember } from "./exact-duplicates.js";

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

  async finish(reread: Reread, opts: NearOptions = {}): Promise<{ result: NearResult; pairs: NearPair[]; findings: Array<{ file: number; finding: Finding }>; perFile: (files: number) => number[] }> {
    if (this.finished) throw new Error("NearDuplicateIndex.finish: called twice (it overwrites the band keys)");
    this.finished = true;
    const { A, B, truncated } = candidatePairs(this.slotId, this.keys);
    if (truncated) this.truncated = true;
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

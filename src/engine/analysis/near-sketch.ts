// What near-duplicate detection (near-duplicates.ts) keeps of a record: its word shingles, a one-permutation MinHash
// sketch of them and the sketch's LSH band keys (nearBandKeys: BANDS uint32 per record, all the pass stores).
// Text: every message except system/developer roles, as words of the record's text scan (text-scan.ts: NFKC,
// lowercase, split on whitespace), one word stream (shingles run across message boundaries). Shingle = rolling hash of `shingleSize` consecutive word hashes; a record with
// fewer words is one shingle; a record with no words, media or tool calls is never a near duplicate. Each media part and each tool call
// (model.ts Message.calls) adds `shingleSize` shingles of its key. Tool definitions are not compared (like system
// prompts).
// Sketch: K = 128 bins, one permutation (bin = top 7 bits of the shingle hash, value = min of a second hash),
// empty bins filled by optimal densification (Shrivastava 2017). LSH: 16 bands x 8 rows, one 32-bit key per band.
import type { Conversation } from "../model.js";
import { fmix32, GrowableF64, GrowableU32, mix32 } from "./hash.js";
import { scanRecord, type RecordScan } from "./text-scan.js";

export const BINS = 128;
export const BANDS = 16;
export const ROWS = 8;

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

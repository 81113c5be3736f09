// Per-example values of the token analysis, for its quantiles and histogram: each example's exact count (-1 when
// estimated, PENDING while its count waits for the merge), chat overhead, content bytes and stratum, kept exactly up to
// `cap` (default 100,000) examples, then a uniform reservoir sample (`quantilesExact` is false then); untokenized ones
// are estimated with their stratum's tokens per estimated byte in finish() (distribution).
// Merge: the values are concatenated in chunk order while the merged example count <= cap. Beyond the cap both sides
// are thinned to a proportional share of the cap: this side keeps round(cap x examplesThis / examplesTotal) values,
// the incoming side the rest, each picked by a systematic stride over its kept values (value j of `keep` taken at
// index floor((j + 0.5) x kept / keep)). Deterministic for a given chunk order.
import { bucketLabels } from "./stats.js";

/** Per-example token histogram bucket lower edges. */
export const TOKEN_BUCKETS: readonly number[] = [0, 128, 256, 512, 1024, 2048, 4096, 8192, 16384, 32768, 65536];

/** The per-example values as a partial carries them (parallel arrays of one length). */
export interface ExampleArrays {
  qExact: Int32Array;
  qOver: Uint32Array;
  qBytes: Float64Array;
  qStratum: Uint8Array;
}

/** Indexes of `keep` of `n` items by a systematic stride (all of them when keep >= n). */
function strideIndexes(n: number, keep: number): number[] {
  if (keep >= n) return Array.from({ length: n }, (_, i) => i);
  const out = new Array<number>(keep);
  for (let j = 0; j < keep; j++) out[j] = Math.floor(((j + 0.5) * n) / keep);
  return out;
}

export class ExampleValues implements ExampleArrays {
  qExact: Int32Array;
  qOver: Uint32Array;
  qBytes: Float64Array;
  qStratum: Uint8Array;
  /** Values kept. */
  n = 0;

  constructor(readonly cap: number) {
    const initial = Math.min(cap, 4096);
    this.qExact = new Int32Array(initial);
    this.qOver = new Uint32Array(initial);
    this.qBytes = new Float64Array(initial);
    this.qStratum = new Uint8Array(initial);
  }

  /** The slot of the next of `examples` examples (counting it): the next free one while fewer than `cap` are kept
   * (the arrays grow as needed), then a reservoir draw with `rnd`; -1 when the reservoir passes it over. */
  slot(rnd: () => number, examples: number): number {
    if (this.n < this.cap) {
      if (this.n === this.qExact.length) {
        const cap = Math.min(this.cap, this.qExact.length * 2);
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
      return this.n++;
    }
    const j = Math.floor(rnd() * examples);
    return j >= this.cap ? -1 : j;
  }

  set(j: number, exact: number, overhead: number, bytes: number, stratum: number): void {
    this.qExact[j] = exact;
    this.qOver[j] = overhead;
    this.qBytes[j] = bytes;
    this.qStratum[j] = stratum;
  }

  /** Copies of the kept values (for a partial). */
  arrays(): ExampleArrays {
    return { qExact: this.qExact.slice(0, this.n), qOver: this.qOver.slice(0, this.n), qBytes: this.qBytes.slice(0, this.n), qStratum: this.qStratum.slice(0, this.n) };
  }

  /** Folds a later chunk's values `p` in (see the file header): `examples` of this side's examples, `other` of its. */
  merge(p: ExampleArrays, examples: number, other: number): void {
    const pn = p.qExact.length;
    if (p.qOver.length !== pn || p.qBytes.length !== pn || p.qStratum.length !== pn) throw new Error("TokenAnalysis.merge: per-example arrays differ in length");
    const total = examples + other;
    // null: all of that side, in order
    let thisIdx: number[] | null = null;
    let otherIdx: number[] | null = null;
    if (!(this.n + pn <= this.cap && (total <= this.cap || examples === 0 || other === 0))) {
      const keepThis = Math.min(this.n, Math.round((this.cap * examples) / total));
      const keepOther = Math.min(pn, this.cap - keepThis);
      thisIdx = strideIndexes(this.n, keepThis);
      otherIdx = strideIndexes(pn, keepOther);
    }
    const n = (thisIdx ? thisIdx.length : this.n) + (otherIdx ? otherIdx.length : pn);
    const size = Math.max(n, Math.min(this.cap, 4096));
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
      e.set(this.qExact.subarray(0, this.n));
      o.set(this.qOver.subarray(0, this.n));
      b.set(this.qBytes.subarray(0, this.n));
      st.set(this.qStratum.subarray(0, this.n));
      k = this.n;
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
    this.n = n;
  }

  /** The kept values, sorted (untokenized ones estimated at their stratum's rate R), and the histogram scaled to all
   * `examples`. */
  distribution(R: ArrayLike<number>, examples: number): { vals: Float64Array; histogram: { label: string; min: number; count: number }[] } {
    const n = this.n;
    const vals = new Float64Array(n);
    for (let i = 0; i < n; i++) vals[i] = this.qExact[i] >= 0 ? this.qExact[i] : Math.round(this.qOver[i] + R[this.qStratum[i]] * this.qBytes[i]);
    vals.sort();
    const scale = n > 0 ? examples / n : 0;
    const labels = bucketLabels(TOKEN_BUCKETS);
    const counts = new Array<number>(TOKEN_BUCKETS.length).fill(0);
    let b = 0;
    for (let i = 0; i < n; i++) {
      while (b + 1 < TOKEN_BUCKETS.length && vals[i] >= TOKEN_BUCKETS[b + 1]) b++;
      counts[b]++;
    }
    const histogram = TOKEN_BUCKETS.map((min, i) => ({ label: labels[i], min, count: Math.round(counts[i] * scale) }));
    return { vals, histogram };
  }
}

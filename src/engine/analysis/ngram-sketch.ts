// Distinct-count sketches for the diversity pass (word and n-gram hashes come from text-scan.ts and diversity.ts).
//
//   new HashSet64(maxSize?)          open-addressing set of 64-bit (h1,h2) pairs in Uint32Arrays
//   new HyperLogLog(p = 14)          2^p one-byte registers; relative std. error 1.04/sqrt(2^p) (~0.81% for p=14)
//   new DistinctCounter(exactCap = 1_000_000, hll = false)
//       exact (HashSet64 of hash pairs) while at most `exactCap` distinct items, then HyperLogLog p=14 (from the
//       first item when `hll`). .add(h1, h2) .estimate() .method ("exact" | "hll") .registers (HLL mode only)
//
// Partials (for chunked / parallel runs; plain structured-clone-able data):
//   HashSet64.toPairs(): Uint32Array               occupied slots as [h1, h2, h1, h2, ...] in table order
//   HyperLogLog.merge(registers)                    register-wise max (the HLL of the union)
//   DistinctCounter.toPartial(): DistinctPartial    { pairs } while exact, else { registers } (copies)
//   DistinctCounter.merge(p)                         union: exact + exact = insert every pair (switching to HLL
//       once past `exactCap`); HLL + HLL = register max; exact + HLL = the exact side's pairs added to the HLL.
//       Merging one partial into a fresh counter gives the same estimate and method as the original.
//
// "Exact" means exact up to 64-bit hash collisions (expected < 1 collision below ~10^9 items).


/** Set of 64-bit values stored as (hi, lo) int32 pairs (values are taken as int32: h and h >>> 0 are the
 * same item, and int32 arguments are small integers, so hot callers do not box numbers); load factor <= 0.5. The
 * pair (0,0) is remapped. */
export class HashSet64 {
  /** Slot i is t[2i], t[2i + 1] (one cache line holds both halves). */
  private t: Int32Array;
  private mask: number;
  size = 0;
  constructor(initialCapacity = 1024) {
    let cap = 16;
    while (cap < initialCapacity * 2) cap *= 2;
    this.t = new Int32Array(cap * 2);
    this.mask = cap - 1;
  }
  /** Adds the pair; returns true when it was not present. */
  add(h1: number, h2: number): boolean {
    h1 |= 0;
    h2 |= 0;
    if (h1 === 0 && h2 === 0) h2 = 1;
    const t = this.t;
    const mask = this.mask;
    let i = (h1 ^ Math.imul(h2, 0x27d4eb2d)) & mask;
    for (;;) {
      const a = t[2 * i];
      const b = t[2 * i + 1];
      if (a === 0 && b === 0) break;
      if (a === h1 && b === h2) return false;
      i = (i + 1) & mask;
    }
    t[2 * i] = h1;
    t[2 * i + 1] = h2;
    this.size++;
    if (this.size * 2 > mask + 1) this.grow();
    return true;
  }
  private grow(): void {
    const old = this.t;
    this.t = new Int32Array(old.length * 2);
    this.mask = old.length - 1;
    this.size = 0;
    for (let j = 0; j < old.length; j += 2) if (old[j] !== 0 || old[j + 1] !== 0) this.add(old[j], old[j + 1]);
  }
  /** Empties the set, keeping its capacity. */
  clear(): void {
    if (this.size === 0) return;
    this.t.fill(0);
    this.size = 0;
  }
  forEach(fn: (h1: number, h2: number) => void): void {
    const t = this.t;
    for (let j = 0; j < t.length; j += 2) if (t[j] !== 0 || t[j + 1] !== 0) fn(t[j], t[j + 1]);
  }
  /** Occupied slots as a flat [h1, h2, h1, h2, ...] array (table order; deterministic for a given insert order). */
  toPairs(): Uint32Array {
    const out = new Uint32Array(this.size * 2);
    let k = 0;
    const t = this.t;
    for (let j = 0; j < t.length; j += 2) {
      if (t[j] !== 0 || t[j + 1] !== 0) {
        out[k++] = t[j];
        out[k++] = t[j + 1];
      }
    }
    return out;
  }
}

/** Set of 32-bit values for short-lived sets (one window of words): one int32 per slot, load factor <= 0.5,
 * cleared in place (the capacity stays). 0 is remapped. */
export class WindowSet32 {
  private t: Int32Array;
  private mask: number;
  size = 0;
  /** `expectedItems`: the usual size between clears (the table starts at 2x that, at most 64 Ki slots). */
  constructor(expectedItems: number) {
    let cap = 16;
    while (cap < expectedItems * 2 && cap < 65_536) cap *= 2;
    this.t = new Int32Array(cap);
    this.mask = cap - 1;
  }
  /** Adds h (taken as int32). */
  add(h: number): void {
    h |= 0;
    if (h === 0) h = 1;
    const t = this.t;
    const mask = this.mask;
    let i = (Math.imul(h, 0x9e3779b1) >>> 0) & mask;
    for (;;) {
      const a = t[i];
      if (a === h) return;
      if (a === 0) break;
      i = (i + 1) & mask;
    }
    t[i] = h;
    if (++this.size * 2 > mask + 1) this.grow();
  }
  private grow(): void {
    const old = this.t;
    this.t = new Int32Array(old.length * 2);
    this.mask = this.t.length - 1;
    this.size = 0;
    for (let j = 0; j < old.length; j++) if (old[j] !== 0) this.add(old[j]);
  }
  clear(): void {
    if (this.size === 0) return;
    this.t.fill(0);
    this.size = 0;
  }
}

/** HyperLogLog with 2^p registers (Flajolet et al. 2007, with small-range linear counting). Index from the top
 * p bits of h1, rank from the remaining 32 - p bits of h1 followed by h2. */
export class HyperLogLog {
  readonly registers: Uint8Array;
  constructor(readonly p = 14) {
    this.registers = new Uint8Array(1 << p);
  }
  add(h1: number, h2: number): void {
    const idx = h1 >>> (32 - this.p);
    const w = ((h1 << this.p) | (h2 >>> (32 - this.p))) >>> 0;
    const rank = w === 0 ? 33 + Math.clz32(h2 << this.p) : Math.clz32(w) + 1;
    if (rank > this.registers[idx]) this.registers[idx] = rank;
  }
  estimate(): number {
    const m = this.registers.length;
    let sum = 0;
    let zeros = 0;
    for (let i = 0; i < m; i++) {
      sum += 2 ** -this.registers[i];
      if (this.registers[i] === 0) zeros++;
    }
    const alpha = 0.7213 / (1 + 1.079 / m);
    const e = (alpha * m * m) / sum;
    if (e <= 2.5 * m && zeros > 0) return m * Math.log(m / zeros);
    return e;
  }
  /** Folds another sketch's registers in (register-wise max); both must have the same p. */
  merge(registers: Uint8Array): void {
    if (registers.length !== this.registers.length) throw new Error(`HyperLogLog.merge: ${registers.length} registers, expected ${this.registers.length}`);
    const r = this.registers;
    for (let i = 0; i < r.length; i++) if (registers[i] > r[i]) r[i] = registers[i];
  }
  /** Relative standard error of the estimate. */
  get standardError(): number {
    return 1.04 / Math.sqrt(this.registers.length);
  }
}

/** The rank HyperLogLog(14).add(h1, h2) stores at register h1 >>> 18 (for callers that update registers directly;
 * h2 is only read when the low 18 bits of h1 are 0). */
export function hllRank14(h1: number, h2: number): number {
  const w = ((h1 << 14) | (h2 >>> 18)) >>> 0;
  return w === 0 ? 33 + Math.clz32(h2 << 14) : Math.clz32(w) + 1;
}

/** Structured-clone-able state of a DistinctCounter: exactly one of `pairs` (exact) / `registers` (HLL p=14). */
export interface DistinctPartial {
  pairs?: Uint32Array;
  registers?: Uint8Array;
}

const RECENT_SLOTS = 16_384;
const RECENT_FROM = 4096;

/** Distinct count of hash pairs: exact while small, HyperLogLog (p=14, ~0.81% std. error) beyond `exactCap`.
 * While exact, a direct-mapped cache of recently added pairs (128 KiB, stays in the CPU's L2 cache) answers
 * most repeats of frequent words without touching the exact table (up to 1 MiB); adding an item again does not
 * change the set, so the cache never changes a count. */
export class DistinctCounter {
  private set: HashSet64 | null = new HashSet64();
  private hll: HyperLogLog | null = null;
  /** Slot i is recent[2i], recent[2i + 1]; (0,0) marks an empty slot (items are remapped as in HashSet64). Made
   * once the set holds RECENT_FROM items: a smaller set is in the CPU's cache anyway, and a run of thousands of
   * small files makes a counter per file. */
  private recent: Int32Array | null = null;
  /** `hll`: count in HyperLogLog from the first item (no exact phase). */
  constructor(
    private readonly exactCap = 1_000_000,
    hll = false,
  ) {
    if (hll) {
      this.set = null;
      this.hll = new HyperLogLog(14);
    }
  }
  add(h1: number, h2: number): void {
    if (this.set) {
      h1 |= 0;
      h2 |= 0;
      if (h1 === 0 && h2 === 0) h2 = 1;
      const r = this.recent;
      if (r !== null) {
        const slot = 2 * ((h1 ^ (h2 >>> 20)) & (RECENT_SLOTS - 1));
        if (r[slot] === h1 && r[slot + 1] === h2) return;
        r[slot] = h1;
        r[slot + 1] = h2;
      } else if (this.set.size >= RECENT_FROM) this.recent = new Int32Array(RECENT_SLOTS * 2);
      this.set.add(h1, h2);
      if (this.set.size > this.exactCap) {
        const hll = new HyperLogLog(14);
        this.set.forEach((a, b) => hll.add(a, b));
        this.hll = hll;
        this.set = null;
      }
    } else {
      this.hll!.add(h1, h2);
    }
  }
  /** The HyperLogLog registers (p = 14) once the counter is in HyperLogLog mode, else null: hot loops update them
   * directly (hllRank gives the value HyperLogLog.add would store). */
  get registers(): Uint8Array | null {
    return this.hll ? this.hll.registers : null;
  }
  get method(): "exact" | "hll" {
    return this.set ? "exact" : "hll";
  }
  toPartial(): DistinctPartial {
    return this.set ? { pairs: this.set.toPairs() } : { registers: this.hll!.registers.slice() };
  }
  /** Union with another counter's partial (see the file header). */
  merge(p: DistinctPartial): void {
    if (p.registers) {
      if (this.set) {
        const hll = new HyperLogLog(14);
        this.set.forEach((a, b) => hll.add(a, b));
        this.hll = hll;
        this.set = null;
      }
      this.hll!.merge(p.registers);
    } else if (p.pairs) {
      const q = p.pairs;
      for (let i = 0; i + 1 < q.length; i += 2) this.add(q[i], q[i + 1]);
    }
  }
  estimate(): number {
    return this.set ? this.set.size : Math.round(this.hll!.estimate());
  }
}

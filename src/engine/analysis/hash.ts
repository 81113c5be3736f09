// Hashing primitives and typed-array containers for the duplicate analyses.
//
//   fmix32(h)            murmur3 finaliser (32-bit avalanche)
//   mix32(h, v)          murmur3 body step: fold one 32-bit value into a running hash
//   HashTable64          open addressing (linear probing) map: (key1,key2) -> int32, typed arrays, doubles at 3/4 load
//   GrowableI32/U32/U8/F64  append-only typed arrays that double when full
//   PagedI32/U32         append-only typed arrays in fixed pages of 64 Ki elements: what a run keeps per record
//                        (no doubling: no copy, no peak of old + new array, at most one page unused)
//
// Nothing here allocates per record except the occasional doubling.

/** murmur3 fmix32. Returns an unsigned 32-bit integer. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** murmur3 body step: folds the 32-bit value `v` into the running hash `h` (int32 result). */
export function mix32(h: number, v: number): number {
  v = Math.imul(v, 0xcc9e2d51);
  v = (v << 15) | (v >>> 17);
  v = Math.imul(v, 0x1b873593);
  h ^= v;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

const EMPTY = -1;

/** Map from a 64-bit key (two uint32) to a non-negative int32 value. */
export class HashTable64 {
  private k1: Uint32Array;
  private k2: Uint32Array;
  private v: Int32Array;
  private mask: number;
  size = 0;
  constructor(capacity = 1024) {
    let cap = 16;
    while (cap < capacity) cap *= 2;
    this.k1 = new Uint32Array(cap);
    this.k2 = new Uint32Array(cap);
    this.v = new Int32Array(cap).fill(EMPTY);
    this.mask = cap - 1;
  }
  /** Value stored under the key, or -1. */
  get(a: number, b: number): number {
    const { k1, k2, v, mask } = this;
    for (let i = (a ^ Math.imul(b, 0x9e3779b1)) & mask; ; i = (i + 1) & mask) {
      const x = v[i];
      if (x === EMPTY) return EMPTY;
      if (k1[i] === a >>> 0 && k2[i] === b >>> 0) return x;
    }
  }
  /** Inserts the key with `value` unless present; returns the previous value, or -1 if it was inserted. */
  putIfAbsent(a: number, b: number, value: number): number {
    if ((this.size + 1) * 4 > this.v.length * 3) this.grow();
    const { k1, k2, v, mask } = this;
    a >>>= 0;
    b >>>= 0;
    for (let i = (a ^ Math.imul(b, 0x9e3779b1)) & mask; ; i = (i + 1) & mask) {
      const x = v[i];
      if (x === EMPTY) {
        k1[i] = a;
        k2[i] = b;
        v[i] = value;
        this.size++;
        return EMPTY;
      }
      if (k1[i] === a && k2[i] === b) return x;
    }
  }
  private grow(): void {
    const { k1, k2, v } = this;
    const cap = v.length * 2;
    this.k1 = new Uint32Array(cap);
    this.k2 = new Uint32Array(cap);
    this.v = new Int32Array(cap).fill(EMPTY);
    this.mask = cap - 1;
    this.size = 0;
    for (let i = 0; i < v.length; i++) if (v[i] !== EMPTY) this.putIfAbsent(k1[i], k2[i], v[i]);
  }
}


type TypedArrayCtor<T> = { new (n: number): T };

function growable<T extends Int32Array | Uint32Array | Float64Array | Uint8Array>(Ctor: TypedArrayCtor<T>) {
  return class {
    data: T;
    length = 0;
    constructor(capacity = 1024) {
      this.data = new Ctor(Math.max(16, capacity));
    }
    push(x: number): void {
      if (this.length === this.data.length) this.reserve(this.length + 1);
      this.data[this.length++] = x;
    }
    /** Makes room for at least `n` elements in total. */
    reserve(n: number): void {
      if (n <= this.data.length) return;
      let cap = this.data.length;
      while (cap < n) cap *= 2;
      const next = new Ctor(cap);
      next.set(this.data.subarray(0, this.length) as never);
      this.data = next;
    }
    get(i: number): number {
      return this.data[i];
    }
    /** The used part (a view, invalidated by the next push). */
    view(): T {
      return this.data.subarray(0, this.length) as T;
    }
  };
}

export const GrowableI32 = growable(Int32Array);
export type GrowableI32 = InstanceType<typeof GrowableI32>;
export const GrowableU32 = growable(Uint32Array);
export type GrowableU32 = InstanceType<typeof GrowableU32>;
export const GrowableU8 = growable(Uint8Array);
export type GrowableU8 = InstanceType<typeof GrowableU8>;
export const GrowableF64 = growable(Float64Array);
export type GrowableF64 = InstanceType<typeof GrowableF64>;

/** Elements per page of the paged arrays (64 Ki: 256 KiB of 32-bit values). */
export const PAGE_BITS = 16;
export const PAGE = 1 << PAGE_BITS;
const PAGE_MASK = PAGE - 1;

function paged<T extends Int32Array | Uint32Array>(Ctor: TypedArrayCtor<T>) {
  return class {
    /** Full pages, then the page being filled. Element i is pages[i >>> PAGE_BITS][i & (PAGE - 1)]. */
    pages: T[] = [];
    length = 0;
    push(x: number): void {
      const at = this.length & PAGE_MASK;
      if (at === 0) this.pages.push(new Ctor(PAGE));
      this.pages[this.length >>> PAGE_BITS][at] = x;
      this.length++;
    }
    /** Appends `src` (any length). */
    pushAll(src: ArrayLike<number>): void {
      for (let i = 0; i < src.length; i++) this.push(src[i]);
    }
    get(i: number): number {
      return this.pages[i >>> PAGE_BITS][i & PAGE_MASK];
    }
    set(i: number, x: number): void {
      this.pages[i >>> PAGE_BITS][i & PAGE_MASK] = x;
    }
  };
}

export const PagedI32 = paged(Int32Array);
export type PagedI32 = InstanceType<typeof PagedI32>;
export const PagedU32 = paged(Uint32Array);
export type PagedU32 = InstanceType<typeof PagedU32>;

// Byte-pair encoding token counts for one pre-tokenizer piece, with gpt-tokenizer's vocabularies packed as bytes
// (vocabularies/*.generated.js, made by scripts/vocabularies.mjs): the same counts as the library, which loads in
// ~0.3 s where this loads in ~10 ms, and merges without making a string per byte pair.
//
//   const v = Vocabulary.fromBase64(RANKS, DATA);
//   v.countPiece(" hello")   // tokens of one piece of the encoding's pre-tokenizer split
//
// The library's algorithm, reproduced exactly (tests/analysis/tokens.test.ts compares on thousands of texts):
//  - a piece that is itself a token (looked up by its text) is 1 token; a single ASCII character is 1 token;
//  - otherwise its UTF-8 bytes (a lone surrogate written as U+FFFD) start as one part per byte, and the adjacent
//    pair of parts whose joined bytes have the lowest rank is merged (the leftmost on ties) until no joined pair is a
//    token; the count is the number of parts left.
//  - a byte range is looked up as the library looks it up: when it is valid UTF-8 the library decodes it to text
//    first, which drops a leading byte-order mark (EF BB BF), so such a range is looked up without it (and an
//    empty rest is no token). Tokens made of valid UTF-8 that the library keeps as bytes (those starting with a BOM)
//    are never found by it: the generated data leaves them out.

import { isUtf8 } from "node:buffer";

/** UTF-8 scratch and merge state, grown when a piece is longer. */
let bytes = Buffer.allocUnsafe(256);
let starts = new Int32Array(257);
let ranks = new Float64Array(257);

/** True when `s` holds a surrogate without its other half. */
function hasLoneSurrogate(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c & 0xf800) !== 0xd800) continue;
    if (c < 0xdc00 && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
    else return true;
  }
  return false;
}

function hashBytes(b: Uint8Array, from: number, to: number): number {
  let h = 0x811c9dc5 ^ (to - from);
  for (let i = from; i < to; i++) h = Math.imul(h ^ b[i], 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h;
}

export class Vocabulary {
  /** Token bytes, rank after rank. */
  private readonly data: Uint8Array;
  /** Per rank: offset of its bytes in data, and their length (0: not a token). */
  private readonly offset: Int32Array;
  private readonly length: Uint8Array;
  /** Open addressing: rank + 1, or 0 for an empty slot. */
  private readonly slots: Int32Array;
  private readonly mask: number;

  private constructor(packed: Uint8Array, count: number) {
    this.offset = new Int32Array(count);
    this.length = new Uint8Array(count);
    let p = 0;
    for (let r = 0; r < count; r++) {
      const n = packed[p];
      this.offset[r] = p + 1;
      this.length[r] = n;
      p += n + 1;
    }
    if (p !== packed.length) throw new Error(`vocabulary data: ${packed.length} bytes, expected ${p}`);
    this.data = packed;
    let cap = 1;
    while (cap < count * 2) cap <<= 1;
    this.slots = new Int32Array(cap);
    this.mask = cap - 1;
    for (let r = 0; r < count; r++) {
      const n = this.length[r];
      if (n === 0) continue;
      const at = this.offset[r];
      let s = hashBytes(packed, at, at + n) & this.mask;
      while (this.slots[s] !== 0) s = (s + 1) & this.mask;
      this.slots[s] = r + 1;
    }
  }

  /** From the generated module's RANKS and DATA (base64). */
  static fromBase64(count: number, base64: string): Vocabulary {
    const b = Buffer.from(base64, "base64");
    return new Vocabulary(new Uint8Array(b.buffer, b.byteOffset, b.length), count);
  }

  /** Rank of the token whose bytes are b[from, to), or -1. */
  private find(b: Uint8Array, from: number, to: number): number {
    const n = to - from;
    if (n <= 0 || n > 255) return -1;
    const data = this.data;
    let s = hashBytes(b, from, to) & this.mask;
    for (;;) {
      const r = this.slots[s] - 1;
      if (r < 0) return -1;
      if (this.length[r] === n) {
        const at = this.offset[r];
        let i = 0;
        while (i < n && data[at + i] === b[from + i]) i++;
        if (i === n) return r;
      }
      s = (s + 1) & this.mask;
    }
  }

  /** Rank of b[from, to) as the library looks a byte range up (see the file header), or -1. */
  rankOf(b: Uint8Array, from: number, to: number): number {
    if (to - from >= 3 && b[from] === 0xef && b[from + 1] === 0xbb && b[from + 2] === 0xbf && isUtf8(b.subarray(from, to))) {
      return to - from === 3 ? -1 : this.find(b, from + 3, to);
    }
    return this.find(b, from, to);
  }

  /** Tokens of one pre-tokenizer piece. */
  countPiece(piece: string): number {
    const len = piece.length;
    if (len === 0) return 0;
    if (bytes.length < len * 3) {
      bytes = Buffer.allocUnsafe(len * 3);
      starts = new Int32Array(len * 3 + 1);
      ranks = new Float64Array(len * 3 + 1);
    }
    const b = bytes;
    let n: number;
    let ascii = true;
    for (let i = 0; i < len; i++) {
      const c = piece.charCodeAt(i);
      if (c >= 0x80) {
        ascii = false;
        break;
      }
      b[i] = c;
    }
    if (ascii) {
      if (len === 1) return 1;
      n = len;
    } else {
      n = b.write(piece, 0, "utf8");
    }
    // The piece itself, looked up by its text (so without the byte-order-mark rule; never with a lone surrogate,
    // whose text is no token's).
    if (this.find(b, 0, n) >= 0 && (ascii || !hasLoneSurrogate(piece))) return 1;
    const st = starts;
    const rk = ranks;
    let parts = n + 1; // boundaries: st[0, parts)
    for (let i = 0; i <= n; i++) {
      st[i] = i;
      const r = i < n - 1 ? this.rankOf(b, i, i + 2) : -1;
      rk[i] = r < 0 ? Infinity : r;
    }
    // rk[i]: rank of parts i and i + 1 joined (Infinity: not a token)
    while (parts > 1) {
      let low = Infinity;
      let at = -1;
      for (let i = 0; i < parts - 1; i++) {
        if (rk[i] < low) {
          low = rk[i];
          at = i;
        }
      }
      if (at < 0) break;
      for (let i = at + 1; i < parts - 1; i++) st[i] = st[i + 1];
      for (let i = at; i < parts - 1; i++) rk[i] = rk[i + 1];
      parts--;
      let r = at + 2 < parts ? this.rankOf(b, st[at], st[at + 2]) : -1;
      rk[at] = r < 0 ? Infinity : r;
      if (at > 0) {
        r = at + 1 < parts ? this.rankOf(b, st[at - 1], st[at + 1]) : -1;
        rk[at - 1] = r < 0 ? Infinity : r;
      }
    }
    return parts - 1;
  }
}

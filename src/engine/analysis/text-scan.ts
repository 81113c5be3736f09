// The one text scan of a record, shared by exact duplicates, near duplicates and diversity: each message's text is
// read once, character by character, into word hashes; nothing builds an array of strings.
//
//   const s = scanRecord(conv, caseInsensitive)   // scratch: valid until the next scanRecord call
//   s.messages                                    // conv.messages.length (rejected messages follow them)
//   s.from[m], s.to[m]                            // message m's words: indexes into s.a / s.b / s.starts / s.ends
//   s.a[w], s.b[w]                                // two independent 32-bit hashes of word w (lowercase form), int32
//   s.starts[w], s.ends[w]                        // word w's code-unit range in s.text[m]
//   s.text[m]                                     // the string the words were read from (the text itself when ASCII)
//   s.bytes[m]                                    // UTF-8 bytes of message m's original text
//   s.e1[m], s.e2[m]                              // ~64-bit key of message m's text for exact duplicates
//
// Words (near duplicates, diversity): the text in Unicode NFKC, typographic apostrophes folded to "'", lowercased,
// split on whitespace as JavaScript's /\s/ sees it. ASCII text (the common case) is scanned as it is, lowercasing
// A-Z on the fly; any other text is normalised first (String.prototype.normalize + toLowerCase).
// Word hashes: a = FNV-1a over the lowercase code units, b = a multiplicative (polynomial) hash salted with the word
// length, both finalised with murmur3's fmix32; r (case-sensitive, for exact keys) = a, mixed with the positions of
// the word's ASCII capitals when it has any (other letters are never lowercased in the scan, so they stay in a).
// Exact key of a message: the words of its NFC form (lowercased too when case-insensitive), i.e. the text with
// whitespace runs folded to one space and the ends trimmed; e1 chains a case-sensitive hash of each word (its
// lowercase hash `a` when case-insensitive), e2 chains `b`, both with the word count. For ASCII text the NFC form
// is the text itself, so one scan gives both; other text is scanned a second time in NFC form.
// Repeated system/developer texts (a dataset's system prompt, record after record) are scanned once: a small cache of
// their scans is copied from instead.
import type { Conversation, Message } from "../model.js";
import { fmix32, GrowableI32, GrowableU32, mix32 } from "./hash.js";

export interface RecordScan {
  messages: number;
  from: Int32Array;
  to: Int32Array;
  a: Int32Array;
  b: Int32Array;
  starts: Uint32Array;
  ends: Uint32Array;
  text: string[];
  bytes: Float64Array;
  e1: Uint32Array;
  e2: Uint32Array;
}

const CURLY = /[\u2018\u2019\u02bc]/g;

/** Whitespace as /\s/ sees it, for code units >= 0x80. */
function isSpaceHigh(c: number): boolean {
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Whitespace as /\s/ sees it (and the tokenizers' pre-split patterns), for one UTF-16 code unit. */
export function isSpaceCode(c: number): boolean {
  return c <= 0x20 ? c === 0x20 || (c >= 0x09 && c <= 0x0d) : c >= 0x80 && isSpaceHigh(c);
}

/** The lowercase word form of a non-ASCII text (see the file header). */
export function wordForm(text: string): string {
  return text.normalize("NFKC").replace(CURLY, "'").toLowerCase();
}

const SCAN_CACHE_ENTRIES = 64;
const SCAN_CACHE_MIN_CHARS = 32;
const SCAN_CACHE_MAX_CHARS = 64 * 1024;

interface CachedScan {
  ci: boolean;
  form: string;
  bytes: number;
  e1: number;
  e2: number;
  a: Int32Array;
  b: Int32Array;
  r: Int32Array;
  starts: Uint32Array;
  ends: Uint32Array;
}

class Scratch implements RecordScan {
  messages = 0;
  // Per message (reallocated, not copied, when a record has more messages: they are rewritten for each record).
  from = new Int32Array(16);
  to = new Int32Array(16);
  text: string[] = [];
  bytes = new Float64Array(16);
  e1 = new Uint32Array(16);
  e2 = new Uint32Array(16);
  // Per word of the record.
  private readonly wa = new GrowableI32(4096);
  private readonly wb = new GrowableI32(4096);
  /** Case-sensitive word hashes (exact keys): a, or a mixed with the positions of ASCII capitals. */
  private readonly wr = new GrowableI32(4096);
  private readonly ws = new GrowableU32(4096);
  private readonly we = new GrowableU32(4096);
  /** Words written so far. */
  n = 0;
  /** UTF-8 scratch: ASCII text is scanned as bytes (a third faster than charCodeAt). */
  buf = Buffer.allocUnsafe(1 << 16);

  get a(): Int32Array {
    return this.wa.data;
  }
  get b(): Int32Array {
    return this.wb.data;
  }
  get r(): Int32Array {
    return this.wr.data;
  }
  get starts(): Uint32Array {
    return this.ws.data;
  }
  get ends(): Uint32Array {
    return this.we.data;
  }

  reserveMessages(m: number): void {
    if (this.from.length >= m) return;
    let cap = this.from.length;
    while (cap < m) cap *= 2;
    this.from = new Int32Array(cap);
    this.to = new Int32Array(cap);
    this.bytes = new Float64Array(cap);
    this.e1 = new Uint32Array(cap);
    this.e2 = new Uint32Array(cap);
  }

  /** Room for `words` words in total, keeping the first this.n. */
  reserveWords(words: number): void {
    if (this.wa.data.length >= words) return;
    for (const g of [this.wa, this.wb, this.wr, this.ws, this.we]) {
      g.length = this.n;
      g.reserve(words);
    }
  }

  /** Appends the words of `s` (any text) from index this.n. */
  words(s: string): void {
    const len = s.length;
    this.reserveWords(this.n + (len >> 1) + 1);
    const a = this.a;
    const b = this.b;
    const r = this.r;
    const starts = this.starts;
    const ends = this.ends;
    let n = this.n;
    let i = 0;
    while (i < len) {
      let c = s.charCodeAt(i);
      while (c <= 0x20 ? c === 0x20 || (c >= 0x09 && c <= 0x0d) : c >= 0x80 && isSpaceHigh(c)) {
        if (++i >= len) {
          this.n = n;
          return;
        }
        c = s.charCodeAt(i);
      }
      const start = i;
      let h1 = 0x811c9dc5;
      let h2 = 0x3c6ef372;
      let up = 0;
      for (;;) {
        if (c - 0x41 < 26 && c >= 0x41) {
          c += 0x20;
          up = Math.imul(up ^ (i - start + 1), 0x2c1b3c6d);
        }
        h1 = Math.imul(h1 ^ c, 0x01000193);
        h2 = Math.imul(h2 + c, 0x5bd1e995);
        if (++i >= len) break;
        c = s.charCodeAt(i);
        if (c <= 0x20 ? c === 0x20 || (c >= 0x09 && c <= 0x0d) : c >= 0x80 && isSpaceHigh(c)) break;
      }
      const x = fmix32(h1);
      a[n] = x;
      b[n] = fmix32(h2 ^ Math.imul(i - start, 0x27d4eb2f));
      r[n] = up === 0 ? x : fmix32(x ^ up);
      starts[n] = start;
      ends[n] = i;
      n++;
    }
    this.n = n;
  }

  /** Exact key of the words [from, to) (see the file header), into e1/e2[m]. */
  key(m: number, from: number, to: number, ci: boolean): void {
    const first = ci ? this.a : this.r;
    const b = this.b;
    let k1 = 0x3243f6a8;
    let k2 = 0x85a308d3;
    for (let w = from; w < to; w++) {
      k1 = mix32(k1, first[w]);
      k2 = mix32(k2, b[w]);
    }
    this.e1[m] = fmix32(k1 ^ (to - from));
    this.e2[m] = fmix32(k2 ^ Math.imul(to - from, 0x9e3779b1));
  }

  /** Appends the words of the ASCII bytes buf[0, len): the same words and hashes as words() on the text. */
  asciiWords(len: number): void {
    this.reserveWords(this.n + (len >> 1) + 1);
    const s = this.buf;
    const a = this.a;
    const b = this.b;
    const r = this.r;
    const starts = this.starts;
    const ends = this.ends;
    let n = this.n;
    let i = 0;
    outer: while (i < len) {
      let c = s[i];
      while (c <= 0x20 && (c === 0x20 || (c >= 0x09 && c <= 0x0d))) {
        if (++i >= len) break outer;
        c = s[i];
      }
      const start = i;
      let h1 = 0x811c9dc5;
      let h2 = 0x3c6ef372;
      let up = 0;
      for (;;) {
        if (c - 0x41 < 26 && c >= 0x41) {
          c += 0x20;
          up = Math.imul(up ^ (i - start + 1), 0x2c1b3c6d);
        }
        h1 = Math.imul(h1 ^ c, 0x01000193);
        h2 = Math.imul(h2 + c, 0x5bd1e995);
        if (++i >= len) break;
        c = s[i];
        if (c <= 0x20 && (c === 0x20 || (c >= 0x09 && c <= 0x0d))) break;
      }
      const x = fmix32(h1);
      a[n] = x;
      b[n] = fmix32(h2 ^ Math.imul(i - start, 0x27d4eb2f));
      r[n] = up === 0 ? x : fmix32(x ^ up);
      starts[n] = start;
      ends[n] = i;
      n++;
    }
    this.n = n;
  }

  /** Recent system/developer texts and their scans: a dataset repeats its system prompt in record after record, and a
   * repeat costs a hash lookup and a copy instead of a scan. At most SCAN_CACHE_ENTRIES texts of at most
   * SCAN_CACHE_MAX_CHARS each (the cache is emptied when full). */
  private readonly cache = new Map<string, CachedScan>();

  message(m: number, msg: Message, ci: boolean): void {
    const text = msg.text;
    const cacheable = (msg.role === "system" || msg.role === "developer") && text.length >= SCAN_CACHE_MIN_CHARS && text.length <= SCAN_CACHE_MAX_CHARS;
    if (!cacheable) {
      this.scanMessage(m, text, ci);
      return;
    }
    const hit = this.cache.get(text);
    if (hit && hit.ci === ci) {
      const from = this.n;
      const words = hit.a.length;
      this.reserveWords(from + words);
      this.wa.data.set(hit.a, from);
      this.wb.data.set(hit.b, from);
      this.wr.data.set(hit.r, from);
      this.ws.data.set(hit.starts, from);
      this.we.data.set(hit.ends, from);
      this.n = from + words;
      this.from[m] = from;
      this.to[m] = this.n;
      this.text[m] = hit.form;
      this.bytes[m] = hit.bytes;
      this.e1[m] = hit.e1;
      this.e2[m] = hit.e2;
      return;
    }
    this.scanMessage(m, text, ci);
    if (this.cache.size >= SCAN_CACHE_ENTRIES) this.cache.clear();
    const from = this.from[m];
    const to = this.to[m];
    this.cache.set(text, {
      ci,
      form: this.text[m],
      bytes: this.bytes[m],
      e1: this.e1[m],
      e2: this.e2[m],
      a: this.wa.data.slice(from, to),
      b: this.wb.data.slice(from, to),
      r: this.wr.data.slice(from, to),
      starts: this.ws.data.slice(from, to),
      ends: this.we.data.slice(from, to),
    });
  }

  private scanMessage(m: number, text: string, ci: boolean): void {
    const from = this.n;
    this.from[m] = from;
    if (text.length * 3 > this.buf.length) this.buf = Buffer.allocUnsafe(Math.max(text.length * 3, this.buf.length * 2));
    // UTF-8 of ASCII text is as long as the text; anything else is longer.
    const bytes = this.buf.write(text, 0, "utf8");
    this.bytes[m] = bytes;
    if (bytes === text.length) {
      this.asciiWords(bytes);
      this.text[m] = text;
      this.to[m] = this.n;
      this.key(m, from, this.n, ci);
      return;
    }
    // Not ASCII: the exact key from the NFC form (scanned past the end, then dropped), the words from the NFKC form.
    const nfc = text.normalize("NFC");
    this.words(ci ? nfc.toLowerCase() : nfc);
    this.key(m, from, this.n, ci);
    this.n = from;
    const form = wordForm(text);
    this.words(form);
    this.text[m] = form;
    this.to[m] = this.n;
  }
}

const scratch = new Scratch();

/** Scans every message of `conv` (then its `rejected` messages). Returns module scratch: valid until the next call. */
export function scanRecord(conv: Conversation, caseInsensitive: boolean): RecordScan {
  const s = scratch;
  const msgs = conv.messages;
  const rej = conv.rejected;
  const total = msgs.length + (rej ? rej.length : 0);
  s.reserveMessages(total);
  s.messages = msgs.length;
  s.n = 0;
  s.text.length = total;
  for (let m = 0; m < msgs.length; m++) s.message(m, msgs[m], caseInsensitive);
  if (rej) for (let m = 0; m < rej.length; m++) s.message(msgs.length + m, rej[m], caseInsensitive);
  return s;
}

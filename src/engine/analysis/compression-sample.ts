// The compression sample of the diversity analysis (diversity.ts): the texts of assistant messages with text whose
// UTF-8 bytes / deflated bytes make the compression ratio, kept within a byte budget whatever the input size.
//  - compression ratio: UTF-8 bytes / zlib (deflate, level 6) bytes of the text of assistant messages with text
//    (at least one word: a tool-call-only message is not an empty text) joined by "\n". At most
//    `compressionSampleBytes` (4 MB) are compressed: every k-th such message is kept, k doubling whenever the
//    kept text exceeds the budget (a uniform systematic sample); `sampled: true` when k > 1.
// Chunked runs:
//  - compression sample: within a chunk the message with chunk-local text-message index i is a candidate when
//    i % k === 0 (k = the chunk's own sampling step). At merge K = the largest step seen; candidates are kept
//    in chunk order when their chunk-local index % K === 0, and K doubles (re-filtering every kept message by
//    its chunk-local index) while the kept text exceeds `compressionSampleBytes` and more than one message is
//    kept. `sampleEvery` reports K. Deterministic and bounded (each partial holds <= budget + one message). The
//    engine gives each chunk its share of the run's budget (chunk-analysis.ts compressionBudget): steps are powers of
//    two, so the merged sample is the same unless a chunk's own step passes the run's.
//    Many chunks (a folder of thousands of small files) can keep only their first messages (index 0, which no step
//    removes) and still exceed the budget. Then K becomes FIRST_ONLY (2^31: every later message is dropped) and
//    the first messages are thinned by the hash of their text (thinByHash: the ones with the smallest hashes,
//    identical texts together, up to the budget, at least one text). The smallest dropped hash is remembered
//    (`hashCut`, the smallest of both sides at merge) and no message at or above it is kept again: a bottom-k
//    sample, which gives the same messages whatever the order and grouping of the merges. `sampleEvery` then
//    reports messages / kept messages.
import zlib from "node:zlib";
import { round } from "./stats.js";

/** Assistant text compressed for the compression ratio, at most (a run's budget). */
export const DEFAULT_COMPRESSION_SAMPLE_BYTES = 4 * 1024 * 1024;

/** Compression sample step that keeps only each chunk's first message (see the file header). */
export const FIRST_ONLY = 2 ** 31;

/** What a chunk's partial holds of the sample (DiversityPartial.compression). */
export interface CompressionPartial {
  sampleEvery: number;
  /** Kept messages: chunk-local text-message index, text, UTF-8 bytes + 1, 32-bit hash of the text. */
  index: number[];
  texts: string[];
  bytes: number[];
  hash: number[];
  /** See the file header (2^32: none). */
  hashCut: number;
  totalBytes: number;
}

/** The report's compression figures (DiversityResult.compression). */
export interface CompressionFigures {
  /** UTF-8 bytes / deflated bytes of the (sampled) assistant text; higher = more repetitive. */
  ratio: number;
  sampleBytes: number;
  compressedBytes: number;
  /** UTF-8 bytes of all assistant text, +1 per message for the "\n" separator. */
  totalBytes: number;
  sampled: boolean;
  /** Every k-th assistant message was compressed. */
  sampleEvery: number;
}

/** Thins a chunk's compression sample to `budget` bytes the way merge() would (the step doubles, keeping the messages
 * whose chunk-local index it divides): a merge of the thinned partial gives the same sample as one of the whole. */
export function thinCompressionSample(c: CompressionPartial, budget: number): void {
  let bytes = c.bytes.reduce((sum, b) => sum + b, 0);
  if (bytes <= budget || c.index.length <= 1 || c.sampleEvery >= FIRST_ONLY) return;
  let k = c.sampleEvery;
  let keep: number[] = [];
  while (bytes > budget) {
    k *= 2;
    keep = [];
    bytes = 0;
    for (let j = 0; j < c.index.length; j++) {
      if (c.index[j] % k !== 0) continue;
      keep.push(j);
      bytes += c.bytes[j];
    }
    if (keep.length <= 1) break;
  }
  c.sampleEvery = k;
  c.index = keep.map((j) => c.index[j]);
  c.texts = keep.map((j) => c.texts[j]);
  c.bytes = keep.map((j) => c.bytes[j]);
  c.hash = keep.map((j) => c.hash[j]);
}

export class CompressionSample {
  /** Kept messages: chunk-local text-message index, text, UTF-8 bytes + 1, 32-bit hash of the text (the scan's exact key). */
  private chunks: { i: number; text: string; bytes: number; h: number }[] = [];
  private keptBytes = 0;
  private totalBytes = 0;
  private sampleEvery = 1;
  /** Messages whose text hash (uint32) is >= hashCut are not kept (2^32: none dropped by hash yet). */
  private hashCut = 2 ** 32;

  constructor(private readonly budget: number) {}

  /** Every k-th assistant message with text: `i` its chunk-local index among them, `bytes` its UTF-8 bytes + 1, `h` the
   * hash of its text. */
  add(i: number, text: string, bytes: number, h: number): void {
    this.totalBytes += bytes;
    if (i % this.sampleEvery !== 0) return;
    this.chunks.push({ i, text, bytes, h });
    this.keptBytes += bytes;
    while (this.keptBytes > this.budget && this.chunks.length > 1) {
      this.sampleEvery *= 2;
      const k = this.sampleEvery;
      this.chunks = this.chunks.filter((c) => c.i % k === 0);
      this.keptBytes = this.chunks.reduce((sum, c) => sum + c.bytes, 0);
    }
  }

  toPartial(): CompressionPartial {
    const kept = this.chunks;
    return {
      sampleEvery: this.sampleEvery,
      index: kept.map((c) => c.i),
      texts: kept.map((c) => c.text),
      bytes: kept.map((c) => c.bytes),
      hash: kept.map((c) => c.h),
      hashCut: this.hashCut,
      totalBytes: this.totalBytes,
    };
  }

  /** Folds a later chunk's sample in (see the file header). */
  merge(c: CompressionPartial): void {
    this.totalBytes += c.totalBytes;
    let k = Math.max(this.sampleEvery, c.sampleEvery);
    const cut = Math.min(this.hashCut, c.hashCut);
    if (k !== this.sampleEvery || cut !== this.hashCut) {
      this.chunks = this.chunks.filter((x) => x.i % k === 0 && x.h >>> 0 < cut);
      this.keptBytes = this.chunks.reduce((sum, x) => sum + x.bytes, 0);
      this.hashCut = cut;
    }
    for (let j = 0; j < c.index.length; j++) {
      if (c.index[j] % k !== 0 || c.hash[j] >>> 0 >= cut) continue;
      this.chunks.push({ i: c.index[j], text: c.texts[j], bytes: c.bytes[j], h: c.hash[j] });
      this.keptBytes += c.bytes[j];
    }
    while (this.keptBytes > this.budget && this.chunks.length > 1) {
      if (k >= FIRST_ONLY || this.chunks.every((x) => x.i === 0)) {
        // only chunks' first messages are left, and no step removes them (see the file header)
        k = FIRST_ONLY;
        this.thinByHash();
        break;
      }
      k *= 2;
      this.chunks = this.chunks.filter((x) => x.i % k === 0);
      this.keptBytes = this.chunks.reduce((sum, x) => sum + x.bytes, 0);
    }
    this.sampleEvery = k;
  }

  /** Keeps the kept messages with the smallest text hashes (identical hashes together) up to the budget, at least
   * the smallest hash's; chunk order is kept. */
  private thinByHash(): void {
    const byHash = this.chunks.map((x) => ({ h: x.h >>> 0, bytes: x.bytes })).sort((x, y) => x.h - y.h);
    let bytes = 0;
    let cut = -1;
    for (let j = 0; j < byHash.length; ) {
      let g = j;
      let groupBytes = 0;
      while (g < byHash.length && byHash[g].h === byHash[j].h) groupBytes += byHash[g++].bytes;
      if (j > 0 && bytes + groupBytes > this.budget) {
        cut = byHash[j].h;
        break;
      }
      bytes += groupBytes;
      j = g;
    }
    if (cut < 0) return;
    this.chunks = this.chunks.filter((x) => x.h >>> 0 < cut);
    this.keptBytes = bytes;
    this.hashCut = cut;
  }

  /** The compression sample's deflated size, computed off this thread (zlib's thread pool): a run starts it once the
   * last partial is merged and hands the result to finish(), so that it overlaps the rest of the run's end. */
  compress(): Promise<number> {
    // nothing to compress: finish() reports 0 whatever it is given
    if (this.chunks.every((c) => c.bytes === 0)) return Promise.resolve(0);
    return new Promise((resolve, reject) => zlib.deflate(this.sampleBuffer(), (e, out) => (e ? reject(e) : resolve(out.length))));
  }

  /** The kept texts as UTF-8, each followed by "\n" (written into one buffer: no joined string). */
  private sampleBuffer(): Buffer {
    let size = 0;
    for (const c of this.chunks) size += c.bytes;
    const buf = Buffer.allocUnsafe(size);
    let at = 0;
    for (const c of this.chunks) {
      at += buf.write(c.text, at, "utf8");
      buf[at++] = 0x0a;
    }
    return at === size ? buf : buf.subarray(0, at);
  }

  /** The figures: `compressed` is compress()'s result when the caller ran it (else it is computed here);
   * `textMessages`: the messages the sample was drawn from. */
  figures(textMessages: number, compressed?: number): CompressionFigures {
    const sampleBytes = this.chunks.reduce((s, c) => s + c.bytes, 0);
    if (sampleBytes === 0) compressed = 0;
    else compressed ??= zlib.deflateSync(this.sampleBuffer()).length;
    return {
      ratio: compressed > 0 ? round(sampleBytes / compressed) : 0,
      sampleBytes,
      compressedBytes: compressed,
      totalBytes: this.totalBytes,
      sampled: this.sampleEvery > 1,
      sampleEvery: this.sampleEvery >= FIRST_ONLY ? Math.round(textMessages / this.chunks.length) : this.sampleEvery,
    };
  }
}

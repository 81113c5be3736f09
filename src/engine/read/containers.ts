// Records inside a container: each top-level JSON value of a byte stream with its own source text (a byte span,
// never re-serialised), the line where it starts and its byte offset. Reads a JSON array (pretty-printed or on one
// line), records pretty-printed over several lines, and objects concatenated ({...}{...} on one line or across
// lines). The scan is structural only (strings, brackets, separators): each value is parsed by the caller, so a broken
// record is reported at its own line and the next record is read as usual. Streaming: memory is one read chunk plus
// the record being assembled (at most MAX_LINE_BYTES; a longer one is reported and skipped).
import { byteChunks, MAX_LINE_BYTES } from "./lines.js";

/** How a file that is not JSON Lines holds its records: a JSON array, or records spread over several lines. */
export type ContainerKind = "array" | "pretty";

export interface ValueSink {
  /** One top-level value: `buf[start, end)` is its source text, `line` the (1-based) line it starts on, `offset` the
   * byte offset of its first byte, `breaks` the number of line breaks inside it. */
  value(buf: Buffer, start: number, end: number, line: number, offset: number, breaks: number): void;
  /** A value longer than the limit (its bytes are dropped). */
  tooLong?(line: number, offset: number, bytes: number): void;
  /** The input ended inside a value: a bracket or a quote is missing, or the file is truncated. */
  unterminated?(line: number, offset: number, bytes: number): void;
  /** Called after the values of each read chunk; the read waits for it (see LineSink.drain). */
  drain?(): Promise<void> | void;
}

export interface SplitOptions {
  /** A "[" between values opens an array whose elements are the values (a "]" closes it). Otherwise "[" starts a
   * value like any other. */
  arrays: boolean;
  /** Longest value assembled (default MAX_LINE_BYTES). */
  maxBytes?: number;
}

const OUT = 0; // between values
const VAL = 1; // inside an object or array value, outside strings
const STR = 2; // inside a string (depth 0: the value is the string itself)
const SCALAR = 3; // a bare token at the top level (number, literal, or stray text)

/** Bytes that end a bare token: whitespace, comma, brackets, quote. */
function isDelimiter(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x2c || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d || c === 0x22;
}

function countBreaks(buf: Buffer, start: number, end: number): number {
  let n = 0;
  for (let i = buf.indexOf(0x0a, start); i !== -1 && i < end; i = buf.indexOf(0x0a, i + 1)) n++;
  return n;
}

/** Push-driven splitter: `push` each chunk of the stream in order, then `end`. */
export class ValueSplitter {
  private state = OUT;
  private depth = 0;
  private escape = false;
  private inArray = false;
  /** Line of the scan position while between values (values count their own line breaks when they end). */
  private line = 1;
  private valueLine = 0;
  private valueOffset = 0;
  private pieces: Buffer[] = [];
  private piecesLen = 0;
  private skipping = false;
  private skippedBreaks = 0;
  private readonly maxBytes: number;
  private lastByte = -1;
  private total = 0;

  constructor(
    private readonly sink: ValueSink,
    private readonly opts: SplitOptions,
  ) {
    this.maxBytes = opts.maxBytes ?? MAX_LINE_BYTES;
  }

  /** Feeds the next bytes; `offset` is the byte offset of `chunk[0]` in the file. */
  push(chunk: Buffer, offset: number): void {
    const n = chunk.length;
    if (n === 0) return;
    this.total += n;
    this.lastByte = chunk[n - 1];
    let p = 0;
    let vs = 0; // start of the current value in this chunk (0 when it began in an earlier one)
    while (p < n) {
      const state = this.state;
      if (state === OUT) {
        let c = 0;
        for (; p < n; p++) {
          c = chunk[p];
          if (c === 0x0a) this.line++;
          else if (c !== 0x20 && c !== 0x09 && c !== 0x0d && c !== 0x2c) break;
        }
        if (p >= n) break;
        if (this.opts.arrays && !this.inArray && c === 0x5b) {
          this.inArray = true;
          p++;
          continue;
        }
        if (this.inArray && c === 0x5d) {
          this.inArray = false;
          p++;
          continue;
        }
        vs = p;
        this.valueOffset = offset + p;
        this.valueLine = this.line;
        p++;
        if (c === 0x7b || c === 0x5b) {
          this.state = VAL;
          this.depth = 1;
        } else if (c === 0x22) {
          this.state = STR;
          this.depth = 0;
        } else this.state = SCALAR;
      } else if (state === VAL) {
        let depth = this.depth;
        for (; p < n; p++) {
          const c = chunk[p];
          if (c === 0x22) {
            this.state = STR;
            p++;
            break;
          }
          if (c === 0x7b || c === 0x5b) depth++;
          else if ((c === 0x7d || c === 0x5d) && --depth === 0) {
            p++;
            this.finish(chunk, vs, p);
            break;
          }
        }
        this.depth = depth;
      } else if (state === STR) {
        if (this.escape) {
          this.escape = false;
          p++;
          continue;
        }
        const q = chunk.indexOf(0x22, p);
        let k = (q === -1 ? n : q) - 1;
        while (k >= p && chunk[k] === 0x5c) k--;
        const odd = ((q === -1 ? n : q) - 1 - k) % 2 === 1;
        if (q === -1) {
          this.escape = odd; // the chunk ends in the middle of an escape
          p = n;
        } else {
          p = q + 1;
          if (odd) continue; // an escaped quote
          if (this.depth === 0) this.finish(chunk, vs, p);
          else this.state = VAL;
        }
      } else {
        while (p < n && !isDelimiter(chunk[p])) p++;
        if (p < n) this.finish(chunk, vs, p);
      }
    }
    if (this.state !== OUT) this.keep(chunk, vs, n);
  }

  /** Ends the stream; returns the number of lines read (a last line without a line break counts), and whether a
   * JSON array was left open (no closing "]": the file may be cut short). */
  end(): { lines: number; openArray: boolean } {
    if (this.state === SCALAR) this.finish(Buffer.alloc(0), 0, 0);
    else if (this.state !== OUT) {
      const breaks = this.skippedBreaks + this.pieces.reduce((s, b) => s + countBreaks(b, 0, b.length), 0);
      this.sink.unterminated?.(this.valueLine, this.valueOffset, this.piecesLen);
      this.line += breaks;
      this.reset();
    }
    return { lines: this.total === 0 ? 0 : this.line - (this.lastByte === 0x0a ? 1 : 0), openArray: this.inArray };
  }

  /** Whether the scan is between values (nothing pending). */
  get idle(): boolean {
    return this.state === OUT;
  }

  /** Whether the scan is inside a string (a line break there means the value is broken, not spread over lines). */
  get inString(): boolean {
    return this.state === STR;
  }

  private keep(chunk: Buffer, start: number, end: number): void {
    const len = end - start;
    if (this.skipping || this.piecesLen + len > this.maxBytes) {
      if (!this.skipping) {
        this.skipping = true;
        for (const b of this.pieces) this.skippedBreaks += countBreaks(b, 0, b.length);
        this.pieces = [];
      }
      this.skippedBreaks += countBreaks(chunk, start, end);
      this.piecesLen += len;
      return;
    }
    // Copy: a stream may reuse its chunk memory.
    this.pieces.push(Buffer.from(chunk.subarray(start, end)));
    this.piecesLen += len;
  }

  private finish(chunk: Buffer, start: number, end: number): void {
    const len = this.piecesLen + end - start;
    if (this.skipping || len > this.maxBytes) {
      const breaks = this.skippedBreaks + countBreaks(chunk, start, end) + (this.skipping ? 0 : this.pieces.reduce((s, b) => s + countBreaks(b, 0, b.length), 0));
      this.sink.tooLong?.(this.valueLine, this.valueOffset, len);
      this.line += breaks;
    } else if (this.piecesLen === 0) {
      const breaks = countBreaks(chunk, start, end);
      this.sink.value(chunk, start, end, this.valueLine, this.valueOffset, breaks);
      this.line += breaks;
    } else {
      this.pieces.push(chunk.subarray(start, end));
      const joined = Buffer.concat(this.pieces, len);
      const breaks = countBreaks(joined, 0, len);
      this.sink.value(joined, 0, len, this.valueLine, this.valueOffset, breaks);
      this.line += breaks;
    }
    this.reset();
  }

  private reset(): void {
    this.state = OUT;
    this.depth = 0;
    this.escape = false;
    this.pieces = [];
    this.piecesLen = 0;
    this.skipping = false;
    this.skippedBreaks = 0;
  }
}

export interface ContainerStats {
  lines: number;
  bytes: number;
  bom: boolean;
  /** A JSON array was never closed. */
  openArray: boolean;
}

/** Reads every top-level value of `path` (decompressing .gz), skipping a leading UTF-8 BOM. Rejects on I/O or gzip
 * errors. Line numbers count from 1; offsets are file offsets (of the decompressed stream for .gz). */
export async function readValues(path: string, sink: ValueSink, opts: SplitOptions): Promise<ContainerStats> {
  const splitter = new ValueSplitter(sink, opts);
  let offset = 0;
  let bom = false;
  for await (const chunk of byteChunks(path)) {
    let c = chunk;
    if (offset === 0 && c.length >= 3 && c[0] === 0xef && c[1] === 0xbb && c[2] === 0xbf) {
      bom = true;
      c = c.subarray(3);
      offset = 3;
    }
    splitter.push(c, offset);
    offset += c.length;
    if (sink.drain) await sink.drain();
  }
  const { lines, openArray } = splitter.end();
  if (sink.drain) await sink.drain();
  return { lines, bytes: offset, bom, openArray };
}

export interface Span {
  start: number;
  end: number;
  /** Line (1-based, within the buffer) where the value starts, and line breaks inside it. */
  line: number;
  breaks: number;
}

/** The top-level values of `buf[start, end)` (offsets into `buf`). `complete` is false when the bytes end inside a
 * value (its span is then not listed) or a value is longer than `maxBytes`. */
export function splitValues(buf: Buffer, start: number, end: number, opts: SplitOptions = { arrays: false }): { values: Span[]; complete: boolean } {
  const values: Span[] = [];
  let complete = true;
  const splitter = new ValueSplitter(
    {
      value: (b, s, e, line, offset, breaks) => values.push({ start: offset, end: offset + (e - s), line, breaks }),
      tooLong: () => (complete = false),
      unterminated: () => (complete = false),
    },
    opts,
  );
  splitter.push(buf.subarray(start, end), start);
  splitter.end();
  return { values, complete };
}

/** How the head of a file (the first bytes, or all of it when `whole`) holds its records, for a head that does not
 * start with "[" (sniff.ts decides arrays): "pretty" when its first line is not a record by itself, every value in the
 * head parses, and one of them spreads over several lines (records pretty-printed, or concatenated across lines);
 * null for JSON Lines (or anything else: the line pass reports it, and splits records glued on one line);
 * "undecided" when the first value does not end within the head. */
export function sniffPretty(head: Buffer, whole: boolean): "pretty" | "undecided" | null {
  let i = head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x09 || head[i] === 0x0a || head[i] === 0x0d)) i++;
  if (head[i] !== 0x7b) return null;
  const nl = head.indexOf(0x0a, i);
  if (nl === -1) return null; // one line (or a first line longer than the head): JSON Lines
  try {
    JSON.parse(head.toString("utf8", i, nl));
    return null; // the first line is a record by itself
  } catch {
    // spread over lines, glued to another record, or broken
  }
  const { values } = splitValues(head, i, head.length);
  if (values.length === 0) return whole ? null : "undecided";
  let spread = false;
  for (const v of values) {
    if (head[v.start] !== 0x7b) return null;
    try {
      JSON.parse(head.toString("utf8", v.start, v.end));
    } catch {
      return null; // a broken record: read line by line (the pretty-printed-file verdict still applies)
    }
    if (v.breaks > 0) spread = true;
  }
  return spread ? "pretty" : null;
}

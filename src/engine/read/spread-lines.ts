// A record spread over several lines in the middle of a JSON Lines file (one record pasted pretty-printed): the lines
// from the one where it starts are collected until the record closes, then it is read as one record at its first
// line. Strict, so that a broken line is never mistaken for the start of one: the first line must open an object that
// it does not close, no line may end inside a string (pretty-printed JSON has no line break in a string), the record
// must close at the end of a line and parse; and the lines are given back, to be read one by one as before, when it
// does not (or when it runs past MAX_LINES lines or MAX_BYTES bytes, or the range ends first).
import { splitValues, ValueSplitter } from "./containers.js";

export interface HeldLine {
  bytes: Buffer;
  lineNo: number;
  offset: number;
  /** The line ended with CR LF. */
  cr: boolean;
}

export type SpreadResult =
  | { record: Buffer; rec: unknown; line: number; endLine: number; offset: number; length: number; lines: HeldLine[] }
  | { giveBack: HeldLine[] };

const MAX_LINES = 10_000;
const MAX_BYTES = 8 * 1024 * 1024;
const NL = Buffer.from("\n");

export class SpreadRecord {
  private lines: HeldLine[] = [];
  private bytes = 0;
  private splitter: ValueSplitter | null = null;
  private closed = false;
  /** Stream offset where the record ends, and of the start of the line being fed. */
  private closedAt = -1;
  private pos = 0;

  get active(): boolean {
    return this.splitter !== null;
  }

  /** Starts collecting at a line that failed to parse, when it opens an object it does not close; false otherwise. */
  begin(buf: Buffer, start: number, end: number, lineNo: number, offset: number, cr: boolean): boolean {
    let p = start;
    while (p < end && (buf[p] === 0x20 || buf[p] === 0x09)) p++;
    if (buf[p] !== 0x7b) return false;
    const { values, complete } = splitValues(buf, p, end);
    if (values.length > 0 || complete) return false;
    this.splitter = new ValueSplitter(
      {
        value: (_b, s, e, _line, offset) => {
          this.closed = true;
          this.closedAt = offset + (e - s);
        },
        tooLong: () => undefined,
        unterminated: () => undefined,
      },
      { arrays: false, maxBytes: MAX_BYTES },
    );
    return this.feed(buf, start, end, lineNo, offset, cr) === null;
  }

  /** The next line: null while the record is still open; else the record, or the lines to read one by one. */
  add(buf: Buffer, start: number, end: number, lineNo: number, offset: number, cr: boolean): SpreadResult | null {
    return this.feed(buf, start, end, lineNo, offset, cr);
  }

  /** The range or the file ended while collecting: the lines, to read one by one. */
  flush(): HeldLine[] {
    const lines = this.lines;
    this.reset();
    return lines;
  }

  private feed(buf: Buffer, start: number, end: number, lineNo: number, offset: number, cr: boolean): SpreadResult | null {
    const bytes = Buffer.from(buf.subarray(start, end));
    this.lines.push({ bytes, lineNo, offset, cr });
    this.bytes += bytes.length + 1;
    const splitter = this.splitter!;
    const lineStart = this.pos;
    splitter.push(bytes, lineStart);
    this.pos += bytes.length;
    if (this.closed) {
      // the record must end this line (nothing but whitespace after it) and parse
      const rest = bytes.subarray(this.closedAt - lineStart);
      const lines = this.lines;
      this.reset();
      if (/\S/.test(rest.toString("latin1"))) return { giveBack: lines };
      const parts: Buffer[] = [];
      lines.forEach((l, i) => parts.push(i === lines.length - 1 ? l.bytes.subarray(0, l.bytes.length - rest.length) : l.bytes, ...(i < lines.length - 1 ? [NL] : [])));
      const record = Buffer.concat(parts);
      let rec: unknown;
      try {
        rec = JSON.parse(record.toString("utf8"));
      } catch {
        return { giveBack: lines };
      }
      const first = lines[0];
      const last = lines[lines.length - 1];
      return { record, rec, line: first.lineNo, endLine: last.lineNo, offset: first.offset, length: last.offset + last.bytes.length - first.offset, lines };
    }
    splitter.push(NL, this.pos);
    this.pos += 1;
    if (splitter.inString || this.lines.length >= MAX_LINES || this.bytes >= MAX_BYTES) {
      const lines = this.lines;
      this.reset();
      return { giveBack: lines };
    }
    return null;
  }

  private reset(): void {
    this.lines = [];
    this.bytes = 0;
    this.splitter = null;
    this.closed = false;
    this.closedAt = -1;
    this.pos = 0;
  }
}

// --diff: a unified diff (no context lines) of what fix changes, streamed. The pass records which input lines became
// how many output lines (a few numbers per run of changed or unchanged lines); the diff is then written by reading
// the input and the output once more, side by side, so that memory stays bounded whatever the file size.
import { byteChunks } from "../engine/read/lines.js";

interface Block {
  inFrom: number;
  inTo: number;
  outCount: number;
  changed: boolean;
}

/** Which input lines (1-based, inclusive ranges, in order) became how many output lines. Lines the pass never
 * mentions were dropped (blank lines, the "[" and "]" of an array). */
export class LineMap {
  private readonly blocks: Block[] = [];

  same(line: number): void {
    this.add(line, line, 1, false);
  }
  map(inFrom: number, inTo: number, outCount: number): void {
    this.add(inFrom, inTo, outCount, true);
  }
  /** The last line changed after all (a final line break is added to it): split it out of an unchanged block. */
  changeLast(line: number): void {
    const last = this.blocks[this.blocks.length - 1];
    if (!last || last.changed || last.inTo !== line || last.outCount !== last.inTo - last.inFrom + 1) return;
    if (last.inFrom === line) last.changed = true;
    else {
      last.inTo--;
      last.outCount--;
      this.blocks.push({ inFrom: line, inTo: line, outCount: 1, changed: true });
    }
  }
  get changed(): boolean {
    return this.blocks.some((b) => b.changed);
  }

  private add(inFrom: number, inTo: number, outCount: number, changed: boolean): void {
    const last = this.blocks[this.blocks.length - 1];
    // two records on one input line (glued, or "}, {" in an array): one block
    if (last && inFrom <= last.inTo) {
      last.inTo = Math.max(last.inTo, inTo);
      last.outCount += outCount;
      last.changed = true;
      return;
    }
    if (last && last.changed === changed && last.inTo + 1 === inFrom) {
      last.inTo = inTo;
      last.outCount += outCount;
      return;
    }
    this.blocks.push({ inFrom, inTo, outCount, changed });
  }

  /** The hunks: runs of changed lines (dropped lines between blocks count as changed), each with the unchanged
   * lines to skip before it in the input and in the output. */
  *hunks(totalIn: number): Generator<Hunk> {
    let outLine = 1;
    let skipOld = 0;
    let skipNew = 0;
    let h: Hunk | null = null;
    for (const p of this.parts(totalIn)) {
      if (p.changed) {
        if (!h) {
          h = { oldStart: p.inFrom, oldCount: 0, newStart: outLine, newCount: 0, skipOld, skipNew };
          skipOld = 0;
          skipNew = 0;
        }
        h.oldCount += p.inTo - p.inFrom + 1;
        h.newCount += p.outCount;
      } else {
        if (h) yield h;
        h = null;
        skipOld += p.inTo - p.inFrom + 1;
        skipNew += p.outCount;
      }
      outLine += p.outCount;
    }
    if (h) yield h;
  }

  /** The blocks, with the input lines between them (and after the last) as dropped blocks. */
  private *parts(totalIn: number): Generator<Block> {
    let inLine = 1;
    for (const b of this.blocks) {
      if (b.inFrom > inLine) yield { inFrom: inLine, inTo: b.inFrom - 1, outCount: 0, changed: true };
      yield b;
      inLine = b.inTo + 1;
    }
    if (totalIn >= inLine) yield { inFrom: inLine, inTo: totalIn, outCount: 0, changed: true };
  }
}

interface Hunk {
  oldStart: number;
  oldCount: number;
  newStart: number;
  newCount: number;
  /** Unchanged lines before the hunk (since the previous one) in the input and in the output. */
  skipOld: number;
  skipNew: number;
}

/** Lines of a file (decompressed for .gz) one at a time, with a final CR kept (a diff shows it). */
class Lines {
  private readonly it: AsyncIterator<Buffer>;
  private buf = Buffer.alloc(0);
  private done = false;
  /** The last line read had no line break after it. */
  unterminated = false;
  constructor(path: string) {
    const src = byteChunks(path);
    this.it = (Symbol.asyncIterator in src ? src[Symbol.asyncIterator]() : (src as Buffer[])[Symbol.iterator]()) as AsyncIterator<Buffer>;
  }
  async next(): Promise<Buffer | null> {
    for (;;) {
      const nl = this.buf.indexOf(0x0a);
      if (nl !== -1) {
        const line = this.buf.subarray(0, nl);
        this.buf = this.buf.subarray(nl + 1);
        return line;
      }
      if (this.done) {
        if (this.buf.length === 0) return null;
        const line = this.buf;
        this.buf = Buffer.alloc(0);
        this.unterminated = true;
        return line;
      }
      const r = await this.it.next();
      if (r.done) this.done = true;
      else this.buf = this.buf.length ? Buffer.concat([this.buf, r.value]) : Buffer.from(r.value);
    }
  }
  async skip(n: number): Promise<void> {
    for (let i = 0; i < n; i++) await this.next();
  }
}

const range = (start: number, count: number) => (count === 1 ? `${start}` : `${count === 0 ? start - 1 : start},${count}`);

/** Writes the unified diff of `oldPath` → `newPath` (plain) described by `map`, under the names `label`. */
export async function writeDiff(map: LineMap, totalIn: number, oldPath: string, newPath: string, label: string, write: (s: string | Buffer) => void): Promise<void> {
  const a = new Lines(oldPath);
  const b = new Lines(newPath);
  let header = false;
  for (const h of map.hunks(totalIn)) {
    if (!header) {
      write(`--- a/${label}\n+++ b/${label}\n`);
      header = true;
    }
    await a.skip(h.skipOld);
    await b.skip(h.skipNew);
    write(`@@ -${range(h.oldStart, h.oldCount)} +${range(h.newStart, h.newCount)} @@\n`);
    for (let i = 0; i < h.oldCount; i++) {
      const line = await a.next();
      write(Buffer.concat([Buffer.from("-"), line ?? Buffer.alloc(0), Buffer.from("\n")]));
      if (a.unterminated) write("\\ No newline at end of file\n");
    }
    for (let i = 0; i < h.newCount; i++) {
      const line = await b.next();
      write(Buffer.concat([Buffer.from("+"), line ?? Buffer.alloc(0), Buffer.from("\n")]));
    }
  }
}

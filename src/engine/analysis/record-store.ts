// Compact per-record location store shared by the duplicate analyses: record id (0-based, run order) -> RecordLoc.
// 12 bytes per record: line, byte offset and byte length as uint32 in fixed pages (hash.ts PagedU32: no doubling),
// the file as runs of ids (records come file by file), and the high bits of offsets and lengths only once a file
// passes 4 GiB.
import type { RecordLoc } from "../model.js";
import { GrowableI32, PagedU32 } from "./hash.js";

const TWO32 = 2 ** 32;

/** Non-negative integers below 2^53 as uint32 pages; the high parts in a second paged array made at the first value
 * that needs one. */
class PagedU53 {
  private readonly lo = new PagedU32();
  private hi: PagedU32 | null = null;
  push(x: number): void {
    const high = x >= TWO32 ? Math.floor(x / TWO32) : 0;
    if (high !== 0 && !this.hi) {
      this.hi = new PagedU32();
      for (let i = 0; i < this.lo.length; i++) this.hi.push(0);
    }
    this.lo.push(x >>> 0);
    this.hi?.push(high);
  }
  get(i: number): number {
    const lo = this.lo.get(i);
    return this.hi ? this.hi.get(i) * TWO32 + lo : lo;
  }
}

export class RecordStore {
  /** The first id of each run of records of one file, and that file. */
  private runStart = new GrowableI32(16);
  private runFile = new GrowableI32(16);
  private lines = new PagedU32();
  private offsets = new PagedU53();
  private lengths = new PagedU53();

  get count(): number {
    return this.lines.length;
  }
  /** Appends a record and returns its id. */
  push(loc: RecordLoc): number {
    const id = this.lines.length;
    const runs = this.runFile.length;
    if (runs === 0 || this.runFile.data[runs - 1] !== loc.file) {
      this.runStart.push(id);
      this.runFile.push(loc.file);
    }
    this.lines.push(loc.line);
    this.offsets.push(loc.offset);
    this.lengths.push(loc.length);
    return id;
  }
  file(id: number): number {
    const start = this.runStart.data;
    // The last run starting at or before id.
    let lo = 0;
    let hi = this.runStart.length - 1;
    if (start[hi] <= id) return this.runFile.data[hi];
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (start[mid] <= id) lo = mid;
      else hi = mid - 1;
    }
    return this.runFile.data[lo];
  }
  line(id: number): number {
    return this.lines.get(id);
  }
  loc(id: number): RecordLoc {
    return { file: this.file(id), line: this.lines.get(id), offset: this.offsets.get(id), length: this.lengths.get(id) };
  }
}

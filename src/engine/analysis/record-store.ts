// Compact per-record location store shared by the duplicate analyses: record id (0-based, run order) ->
// RecordLoc, in four typed arrays that double when full (~20 bytes per record).
import type { RecordLoc } from "../model.js";
import { GrowableF64, GrowableI32 } from "./hash.js";

export class RecordStore {
  private files = new GrowableI32();
  private lines = new GrowableI32();
  private offsets = new GrowableF64();
  private lengths = new GrowableF64();

  get count(): number {
    return this.files.length;
  }
  /** Appends a record and returns its id. */
  push(loc: RecordLoc): number {
    this.files.push(loc.file);
    this.lines.push(loc.line);
    this.offsets.push(loc.offset);
    this.lengths.push(loc.length);
    return this.files.length - 1;
  }
  file(id: number): number {
    return this.files.data[id];
  }
  line(id: number): number {
    return this.lines.data[id];
  }
  loc(id: number): RecordLoc {
    return { file: this.files.data[id], line: this.lines.data[id], offset: this.offsets.data[id], length: this.lengths.data[id] };
  }
}

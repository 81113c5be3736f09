// Stable identity of a finding across versions of a file, so that a pull request's findings can be compared with the
// base version's ("new in this PR", fail-on-new) and code scanning can track them (SARIF partialFingerprints).
//
//   fingerprint = hash(rule, file path, record key, JSON pointer)
//
// The record key is a hash of the record's source line (trailing whitespace, CR and a leading byte-order mark
// ignored): the same record keeps its key when lines are added or removed above it, when the file switches from CRLF
// to LF, or when it moves to another line; any edit of the record gives it another key. Findings about the whole file
// (lfs-pointer, not-jsonl, empty-file, ...) have an empty record key. The line number and the message are not part
// of it: both change when unrelated lines move ("duplicate of line 12"). Several findings can share a fingerprint (two
// identical records with the same problem); comparisons count them as a multiset.
import { createHash } from "node:crypto";
import type { Finding } from "./model.js";
import type { FileReport } from "./report.js";
import type { RecordStore } from "./analysis/record-store.js";
import { readLinesAt } from "./read/lines.js";
import { RULE_BY_ID } from "./rules/registry.js";

const hex16 = (h: ReturnType<typeof createHash>) => h.digest("hex").slice(0, 16);

/** The key of the record on bytes [start, end) of `buf` (one line, without its newline). */
export function recordKey(buf: Buffer, start = 0, end = buf.length): string {
  if (end - start >= 3 && buf[start] === 0xef && buf[start + 1] === 0xbb && buf[start + 2] === 0xbf) start += 3;
  while (end > start && (buf[end - 1] === 0x20 || buf[end - 1] === 0x09 || buf[end - 1] === 0x0d)) end--;
  return hex16(createHash("sha1").update(buf.subarray(start, end)));
}

/** A finding's fingerprint: 16 hex digits. */
export function fingerprint(rule: string, path: string, record = "", pointer = ""): string {
  return hex16(createHash("sha1").update(`chatml-gate/1\0${rule}\0${path}\0${record}\0${pointer}`));
}

/** Findings that carry the record key of their line until the report is assembled (then `fingerprint`). */
type Keyed = Finding & { record?: string; pointer?: string };

/** Analysis findings (duplicates, leakage, too-long) are made after the pass, from a record's location: their record
 * key comes from re-reading the listed ones by byte offset (at most max-findings lines per file, like near-duplicate
 * verification). */
export async function keyAnalysisFindings(files: FileReport[], store: RecordStore, absPaths: string[]): Promise<void> {
  for (let file = 0; file < files.length; file++) {
    const wanted = (files[file].findings as Keyed[]).filter((f) => f.record === undefined && f.line > 0 && RULE_BY_ID.get(f.rule)?.group === "analysis");
    if (wanted.length === 0) continue;
    const locs: { line: number; offset: number; length: number; findings: Keyed[] }[] = [];
    const byLine = new Map<number, Keyed[]>();
    for (const f of wanted) byLine.set(f.line, [...(byLine.get(f.line) ?? []), f]);
    for (const [line, fs] of byLine) {
      const id = findRecord(store, file, line);
      if (id >= 0) locs.push({ ...store.loc(id), findings: fs });
    }
    await readLinesAt(absPaths[file], locs, (i, bytes) => {
      const key = recordKey(bytes);
      for (const f of locs[i].findings) f.record = key;
    });
  }
}

/** The id of the record at (file, line) in the store, or -1. Ids follow (file, line) order: files in run order,
 * lines ascending within a file. */
function findRecord(store: RecordStore, file: number, line: number): number {
  let lo = 0;
  let hi = store.count - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const f = store.file(mid);
    const l = store.line(mid);
    if (f === file && l === line) return mid;
    if (f < file || (f === file && l < line)) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Replaces each listed finding's record key by its fingerprint (the report's `fingerprint` field). */
export function addFingerprints(files: FileReport[]): void {
  for (const file of files) {
    for (const f of file.findings as Keyed[]) {
      f.fingerprint = fingerprint(f.rule, file.path, f.record, f.pointer);
      delete f.record;
    }
  }
}

// What a fix run did, per file: each change with its fix, line and action, the records it refused, and counts in and
// out. Printed as text, or emitted as JSON with --format json.
import type { FixId } from "./fixes.js";

/** A file is written ("fixed"), would be with --dry-run or --diff ("would-fix"), needed nothing ("unchanged"), or
 * could not be fixed and was left byte for byte as it was ("not-fixed", with the reason). */
export type FileStatus = "fixed" | "would-fix" | "unchanged" | "not-fixed";

export interface Change {
  fix: FixId | "refused";
  /** Line of the input where the change applies (where the record starts). */
  line: number;
  action: string;
}

export interface FileManifest {
  path: string;
  /** Where the result went (the path itself when in place); absent when nothing was written. */
  output?: string;
  status: FileStatus;
  reason?: string;
  recordsIn: number;
  recordsOut: number;
  linesIn: number;
  linesOut: number;
  /** Changes per fix (complete), and records refused (kept as they were, or written to --rejects). */
  counts: Partial<Record<FixId, number>>;
  refused: number;
  /** The first changes (capped: see changesTruncated). */
  changes: Change[];
  changesTruncated: boolean;
}

export interface FixManifest {
  tool: { name: string; version: string };
  dryRun: boolean;
  unsafe: boolean;
  files: FileManifest[];
  rejects?: { path: string; records: number };
  summary: { files: number; fixed: number; unchanged: number; notFixed: number; recordsIn: number; recordsOut: number; refused: number };
}

/** Changes listed per file; counts are always complete. */
export const MAX_CHANGES = 1000;
/** Changes of one fix shown per file in the text manifest. */
const TEXT_CHANGES_PER_FIX = 10;

export class ChangeLog {
  readonly changes: Change[] = [];
  readonly counts: Partial<Record<FixId, number>> = {};
  refused = 0;
  truncated = false;
  add(fix: FixId | "refused", line: number, action: string, n = 1): void {
    if (fix === "refused") this.refused += n;
    else this.counts[fix] = (this.counts[fix] ?? 0) + n;
    if (this.changes.length < MAX_CHANGES) this.changes.push({ fix, line, action });
    else this.truncated = true;
  }
  /** Counts `n` changes without listing them (one listed note sums them up: see note). */
  count(fix: FixId, n: number): void {
    this.counts[fix] = (this.counts[fix] ?? 0) + n;
  }
  /** Lists a change without counting it. */
  note(fix: FixId, line: number, action: string): void {
    if (this.changes.length < MAX_CHANGES) this.changes.push({ fix, line, action });
    else this.truncated = true;
  }
  /** Orders the listed changes by line (stable). */
  sort(): void {
    this.changes.sort((a, b) => a.line - b.line);
  }
  /** Whether any fix changed something (refusals alone change nothing). */
  get changed(): boolean {
    return Object.keys(this.counts).length > 0;
  }
}

export function summarise(files: FileManifest[]): FixManifest["summary"] {
  return {
    files: files.length,
    fixed: files.filter((f) => f.status === "fixed" || f.status === "would-fix").length,
    unchanged: files.filter((f) => f.status === "unchanged").length,
    notFixed: files.filter((f) => f.status === "not-fixed").length,
    recordsIn: files.reduce((s, f) => s + f.recordsIn, 0),
    recordsOut: files.reduce((s, f) => s + f.recordsOut, 0),
    refused: files.reduce((s, f) => s + f.refused, 0),
  };
}

const STATUS_TEXT: Record<FileStatus, string> = { fixed: "fixed", "would-fix": "would fix", unchanged: "unchanged", "not-fixed": "NOT FIXED" };

/** The manifest as text: per file a status line, then one line per change, like a compiler's output. */
export function renderManifestText(m: FixManifest): string {
  const out: string[] = [];
  for (const f of m.files) {
    const counts = `${f.recordsIn} record${f.recordsIn === 1 ? "" : "s"} in, ${f.recordsOut} out`;
    const where = f.output && f.output !== f.path ? ` → ${f.output}` : "";
    out.push(`${f.path}: ${STATUS_TEXT[f.status]}${where}${f.status === "not-fixed" ? `: ${f.reason}` : ` (${counts}${f.refused ? `, ${f.refused} refused` : ""})`}`);
    // the first few changes of each fix, in line order; the rest as a count (--format json lists up to MAX_CHANGES)
    const shown = new Map<string, number>();
    for (const c of f.changes) {
      const n = (shown.get(c.fix) ?? 0) + 1;
      shown.set(c.fix, n);
      if (n <= TEXT_CHANGES_PER_FIX) out.push(`  ${f.path}:${c.line}: ${c.fix}: ${c.action}`);
    }
    const more = [...shown].filter(([, n]) => n > TEXT_CHANGES_PER_FIX).map(([fix]) => `${(fix === "refused" ? f.refused : (f.counts[fix as FixId] ?? 0)) - TEXT_CHANGES_PER_FIX} more ${fix}`);
    if (more.length) out.push(`  … ${more.join(", ")} (--format json lists ${f.changesTruncated ? `the first ${MAX_CHANGES}` : "them all"})`);
  }
  const s = m.summary;
  const verb = m.dryRun ? "would fix" : "fixed";
  const parts = [`${s.fixed} ${verb}`, `${s.unchanged} unchanged`];
  if (s.notFixed) parts.push(`${s.notFixed} not fixed`);
  out.push(`${m.dryRun ? "dry run: " : ""}${s.files} file${s.files === 1 ? "" : "s"}: ${parts.join(", ")}; ${s.recordsIn} records in, ${s.recordsOut} out${s.refused ? `, ${s.refused} refused` : ""}`);
  if (m.rejects) out.push(`${m.rejects.records} refused record${m.rejects.records === 1 ? "" : "s"} written to ${m.rejects.path}`);
  return out.join("\n") + "\n";
}

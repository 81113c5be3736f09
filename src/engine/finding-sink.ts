// Where a file's findings go while it is checked: complete counts per rule and severity, and a bounded pool to pick
// the listed findings from once the file is complete (findings-select.ts).
//
// The pool keeps, per rule, the first `max` findings by line. That is always enough: the findings a cap of `max` picks
// are, for every rule, that rule's first ones. A chunk pools its own findings the same way and the merge pools again,
// so the pool, and the pick, are the same whatever the chunks.
import type { DatasetFormat, Finding, Severity, SeveritySetting } from "./model.js";
import type { FileReport } from "./report.js";
import { RULE_BY_ID } from "./rules/registry.js";
import { selectFindings } from "./findings-select.js";
import { collapse, type OncePart } from "./rules/repeats.js";

/** A finding with the record key of its line, until the report's fingerprints are made (fingerprint.ts). */
type Keyed = Finding & { record?: string };

/** What a finding holds besides its rule, line and message. */
export type FindingDetail = Pick<Finding, "pointer" | "related" | "count" | "kind">;

export interface SinkState {
  /** The pool: per rule, the first `max` findings, by line. */
  findings: Finding[];
  counts: Record<string, number>;
  errors: number;
  warnings: number;
  /** Findings reported once per file: the keys they stand for (one, or several collapsed in one record: then their
   * parts, to rebuild the finding from the keys the file had not had before), with their index in `findings` (-1
   * when not pooled). */
  once: { keys: string[]; parts?: OncePart[]; rule: string; severity: Severity; index: number }[];
}

export class FindingSink {
  readonly findings: Finding[] = [];
  readonly counts: Record<string, number> = {};
  errors = 0;
  warnings = 0;
  /** Findings of each rule in the pool. */
  private pooled: Record<string, number> = {};
  private readonly once = new Set<string>();
  private readonly onceHits: SinkState["once"] = [];
  /** During a pass: the record key of the line being read (fingerprint.ts), kept on the pooled findings. */
  recordKey: (() => string) | undefined;
  constructor(
    private readonly severities: Record<string, SeveritySetting>,
    private readonly max: number,
  ) {}
  severityOf(rule: string): SeveritySetting {
    return this.severities[rule] ?? RULE_BY_ID.get(rule)?.severity ?? "error";
  }
  /** Takes a once-per-file key for a finding about to be made; false when the file had it already. */
  claimOnce(key: string): boolean {
    if (this.once.has(key)) return false;
    this.once.add(key);
    return true;
  }
  /** Records a finding; returns its effective severity (or "off"). `once`: a key reported once per file (taken here),
   * or the parts a finding collapsed in one record stands for (keys already taken with claimOnce). */
  add(rule: string, line: number, message: string, once?: string | OncePart[], detail?: FindingDetail): SeveritySetting {
    const severity = this.severityOf(rule);
    if (severity === "off") return "off";
    if (once !== undefined) {
      if (typeof once === "string" && !this.claimOnce(once)) return "off";
      const index = (this.pooled[rule] ?? 0) < this.max ? this.findings.length : -1;
      if (typeof once === "string") this.onceHits.push({ keys: [once], rule, severity, index });
      else this.onceHits.push({ keys: once.map((p) => p.key), parts: once.length > 1 ? once : undefined, rule, severity, index });
    }
    const f: Finding = { rule, severity, line, message };
    if (detail) {
      if (detail.pointer !== undefined) f.pointer = detail.pointer;
      if (detail.related !== undefined) f.related = detail.related;
      if (detail.count !== undefined && detail.count > 1) f.count = detail.count;
      if (detail.kind !== undefined) f.kind = detail.kind;
    }
    this.count(rule, severity);
    this.pool(f);
    return severity;
  }
  state(): SinkState {
    return { findings: this.findings, counts: this.counts, errors: this.errors, warnings: this.warnings, once: this.onceHits };
  }
  /** Adds a later chunk's findings: lines shifted by `lineOffset`, once-per-file findings seen before dropped, the
   * pool still bounded. `later` (the chunk's analysis findings, at lines of the same chunk) are merged in by line, so
   * the pool holds each rule's first findings by line, whatever the chunk boundaries. */
  absorb(st: SinkState, lineOffset: number, later: Finding[] = []): void {
    const dropped = new Set<number>();
    for (const o of st.once) {
      // kept when it stands for a key the file has not had yet; a finding that collapsed several keys of one record
      // is rebuilt from the keys that are new to the file
      const fresh = o.keys.filter((k) => this.claimOnce(k));
      if (fresh.length > 0) {
        if (fresh.length < o.keys.length && o.parts && o.index >= 0) {
          const left = new Set(fresh);
          const c = collapse(o.rule, o.parts.filter((p) => left.has(p.key)));
          const was = st.findings[o.index] as Keyed;
          const f: Keyed = { rule: o.rule, severity: o.severity, line: was.line, message: c.message };
          if (c.pointer !== undefined) f.pointer = c.pointer;
          if (c.count > 1) f.count = c.count;
          if (was.record !== undefined) f.record = was.record;
          st.findings[o.index] = f;
        }
        continue;
      }
      if (o.index >= 0) dropped.add(o.index);
      st.counts[o.rule]--;
      if (o.severity === "error") st.errors--;
      else st.warnings--;
    }
    for (const [rule, n] of Object.entries(st.counts)) if (n > 0) this.counts[rule] = (this.counts[rule] ?? 0) + n;
    this.errors += st.errors;
    this.warnings += st.warnings;
    const extra = byLine(later);
    let k = 0;
    st.findings.forEach((f, i) => {
      if (dropped.has(i)) return;
      const line = f.line + lineOffset;
      while (k < extra.length && extra[k].line < line) this.addFinding(extra[k++]);
      this.pool({ ...f, line });
    });
    while (k < extra.length) this.addFinding(extra[k++]);
  }
  /** Adds a finding made elsewhere (analysis), applying the configured severity. */
  addFinding(f: Finding): void {
    this.add(f.rule, f.line, f.message, undefined, f);
  }
  private count(rule: string, severity: Severity): void {
    this.counts[rule] = (this.counts[rule] ?? 0) + 1;
    if (severity === "error") this.errors++;
    else this.warnings++;
  }
  private pool(f: Keyed): void {
    const n = this.pooled[f.rule] ?? 0;
    if (n >= this.max) return;
    this.pooled[f.rule] = n + 1;
    if (this.recordKey && f.record === undefined) f.record = this.recordKey();
    this.findings.push(f);
  }
  /** Removes every finding of the given rules (used when a file turns out not to be JSON Lines at all). */
  drop(rules: string[]): void {
    for (const r of rules) {
      const n = this.counts[r] ?? 0;
      if (!n) continue;
      if (this.severityOf(r) === "error") this.errors -= n;
      else this.warnings -= n;
      delete this.counts[r];
      delete this.pooled[r];
    }
    const keep = this.findings.filter((f) => !rules.includes(f.rule));
    this.findings.length = 0;
    this.findings.push(...keep);
  }
}

/** Adds findings made after the file's pass (near duplicates, leakage) to its report: counts stay complete, the
 * pool keeps each rule's first `max` findings by line. */
export function appendFindings(file: FileReport, found: Finding[], severities: Record<string, SeveritySetting>, max: number): void {
  if (!found.length) return;
  const added: Finding[] = [];
  for (const f of found) {
    const sev = severities[f.rule] ?? RULE_BY_ID.get(f.rule)?.severity ?? f.severity;
    if (sev === "off") continue;
    file.findingCounts[f.rule] = (file.findingCounts[f.rule] ?? 0) + 1;
    if (sev === "error") file.errors++;
    else file.warnings++;
    added.push({ ...f, severity: sev });
  }
  const listed = file.findings;
  const extra = byLine(added);
  const merged: Finding[] = [];
  const pooled: Record<string, number> = {};
  const take = (f: Finding) => {
    const n = pooled[f.rule] ?? 0;
    if (n >= max) return;
    pooled[f.rule] = n + 1;
    merged.push(f);
  };
  let i = 0;
  let k = 0;
  while (i < listed.length || k < extra.length) take(k >= extra.length || (i < listed.length && listed[i].line <= extra[k].line) ? listed[i++] : extra[k++]);
  file.findings = merged;
  file.findingsTruncated = file.findings.length < file.errors + file.warnings;
}

/** Once the file is complete (analysis included): the findings its report lists, picked from the pool. */
export function finishFindings(file: FileReport, max: number): void {
  file.findings = selectFindings(file.findings, max);
  file.findingsTruncated = file.findings.length < file.errors + file.warnings;
}

/** The findings ordered by line; findings at the same line keep their order. */
export function byLine(found: Finding[]): Finding[] {
  return found.length < 2 ? found : found.slice().sort((a, b) => a.line - b.line);
}

export function fileReport(display: string, format: DatasetFormat | "unknown", records: number, validRecords: number, bytes: number, st: SinkState): FileReport {
  return {
    path: display,
    format,
    records,
    validRecords,
    bytes,
    errors: st.errors,
    warnings: st.warnings,
    findings: st.findings,
    findingCounts: st.counts,
    findingsTruncated: st.findings.length < st.errors + st.warnings,
  };
}

// Where a file's findings go: the configured severity applied, capped per file (maxFindings) with complete counts,
// once-per-file findings reported once, and later chunks' findings merged in by line.
import type { DatasetFormat, Finding, Severity, SeveritySetting } from "./model.js";
import type { FileReport } from "./report.js";
import { RULE_BY_ID } from "./rules/registry.js";

export interface SinkState {
  findings: Finding[];
  counts: Record<string, number>;
  errors: number;
  warnings: number;
  /** Findings reported once per file (key), with their index in `findings` (-1 when past the cap). */
  once: { key: string; rule: string; severity: Severity; index: number }[];
}

export class FindingSink {
  readonly findings: Finding[] = [];
  readonly counts: Record<string, number> = {};
  errors = 0;
  warnings = 0;
  private readonly once = new Set<string>();
  private readonly onceHits: SinkState["once"] = [];
  /** During a pass: the record key of the record being read (fingerprint.ts), for the findings that get listed. */
  recordKey: (() => string) | undefined;
  constructor(
    private readonly severities: Record<string, SeveritySetting>,
    private readonly max: number,
  ) {}
  severityOf(rule: string): SeveritySetting {
    return this.severities[rule] ?? RULE_BY_ID.get(rule)?.severity ?? "error";
  }
  /** Records a finding; returns its effective severity (or "off"). */
  add(rule: string, line: number, message: string, onceKey?: string): SeveritySetting {
    const severity = this.severityOf(rule);
    if (severity === "off") return "off";
    if (onceKey !== undefined) {
      if (this.once.has(onceKey)) return "off";
      this.once.add(onceKey);
      this.onceHits.push({ key: onceKey, rule, severity, index: this.findings.length < this.max ? this.findings.length : -1 });
    }
    this.push({ rule, severity, line, message });
    return severity;
  }
  state(): SinkState {
    return { findings: this.findings, counts: this.counts, errors: this.errors, warnings: this.warnings, once: this.onceHits };
  }
  /** Adds a later chunk's findings: lines shifted by `lineOffset`, once-per-file findings seen before dropped, the
   * list still capped. `later` (the chunk's analysis findings, at lines of the same chunk) are merged in by line, so
   * the capped list holds the file's first findings by line, whatever the chunk boundaries. */
  absorb(st: SinkState, lineOffset: number, later: Finding[] = []): void {
    const dropped = new Set<number>();
    for (const o of st.once) {
      if (!this.once.has(o.key)) {
        this.once.add(o.key);
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
      if (this.findings.length < this.max) this.findings.push({ ...f, line });
    });
    while (k < extra.length) this.addFinding(extra[k++]);
  }
  /** Adds a finding made elsewhere (analysis), applying the configured severity. */
  addFinding(f: Finding): void {
    this.add(f.rule, f.line, f.message);
  }
  private push(f: Finding & { severity: Severity; record?: string }): void {
    this.counts[f.rule] = (this.counts[f.rule] ?? 0) + 1;
    if (f.severity === "error") this.errors++;
    else this.warnings++;
    if (this.findings.length < this.max) this.findings.push(this.recordKey ? { ...f, record: this.recordKey() } : f);
  }
  /** Removes every finding of the given rules (used when a file turns out not to be JSON Lines at all). */
  drop(rules: string[]): void {
    for (const r of rules) {
      const n = this.counts[r] ?? 0;
      if (!n) continue;
      if (this.severityOf(r) === "error") this.errors -= n;
      else this.warnings -= n;
      delete this.counts[r];
    }
    const keep = this.findings.filter((f) => !rules.includes(f.rule));
    this.findings.length = 0;
    this.findings.push(...keep);
  }
}

/** Adds a finding made after the file's pass (near duplicates, leakage) to its report, keeping counts complete,
 * the list capped and ordered by line. */
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
  // The list keeps the first findings by line (a later finding at an earlier line takes the place of the last one).
  const listed = file.findings;
  const merged: Finding[] = [];
  let i = 0;
  let k = 0;
  const extra = byLine(added);
  while (merged.length < max && (i < listed.length || k < extra.length)) {
    merged.push(k >= extra.length || (i < listed.length && listed[i].line <= extra[k].line) ? listed[i++] : extra[k++]);
  }
  file.findings = merged;
  file.findingsTruncated = file.findings.length < file.errors + file.warnings;
}

/** The findings ordered by line; findings at the same line keep their order. */
function byLine(found: Finding[]): Finding[] {
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

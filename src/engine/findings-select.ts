// Which findings a capped list shows. Every cap uses this one choice: `--max-findings` per file in the Report, the
// text report, the PR comment and the annotations. The order of preference:
//
//   1. the first finding of every rule that fired (errors first): no rule is hidden behind another one's repeats;
//   2. the first finding of every rule in every file (errors first): a file's own problems show up even when the
//      same rule fired in an earlier file;
//   3. the rest, errors before warnings, taking the rules in turn (each rule's 2nd finding, then each one's 3rd, ...)
//      so that one rule's hundred thousand rows do not crowd out another's.
//
// Ties go to the earlier finding (file order, then line). What is picked comes back in its input order (by file and
// line), so a capped list reads like the full one with rows left out. The choice depends only on the list, never on
// how the run was cut into chunks: the engine keeps, per rule, the first `max` findings of each file by line (always
// enough, since a rule's picked findings are its first ones), and picks once the file is complete.
import type { Finding, Severity } from "./model.js";
import type { Report } from "./report.js";

export interface Selectable {
  rule: string;
  severity: Severity;
  line: number;
}

/** Picks at most `max` of `items`, which come in run order (file by file, by line); `fileOf` names an item's file
 * (default: all in one file). Returns the picked items in input order. */
export function selectFindings<T extends Selectable>(items: readonly T[], max: number, fileOf?: (item: T) => string | number): T[] {
  const n = items.length;
  if (n <= max) return items.slice();
  if (max <= 0) return [];
  const level = new Uint8Array(n);
  const turn = new Int32Array(n);
  const seenRule = new Set<string>();
  const inFile = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const x = items[i];
    const key = fileOf ? `${fileOf(x)}\u0000${x.rule}` : x.rule;
    const k = inFile.get(key) ?? 0;
    inFile.set(key, k + 1);
    turn[i] = k;
    if (!seenRule.has(x.rule)) {
      seenRule.add(x.rule);
      level[i] = 0;
    } else level[i] = k === 0 ? 1 : 2;
  }
  const order = Array.from({ length: n }, (_, i) => i);
  const sev = (i: number) => (items[i].severity === "error" ? 0 : 1);
  order.sort((a, b) => level[a] - level[b] || sev(a) - sev(b) || turn[a] - turn[b] || a - b);
  const picked = order.slice(0, max).sort((a, b) => a - b);
  return picked.map((i) => items[i]);
}

/** A finding with the file it is in. */
export interface LocatedFinding extends Finding {
  path: string;
}

/** The findings of a whole report to show under a cap of `max` rows (the PR comment, annotations): picked from
 * each file's listed findings with selectFindings, in file and line order. */
export function selectReportFindings(report: Report, max: number): LocatedFinding[] {
  const all: LocatedFinding[] = [];
  for (const f of report.files) for (const x of f.findings) all.push({ ...x, path: f.path });
  return selectFindings(all, max, (x) => x.path);
}

/** Per rule, how many of a file's findings its listed ones leave out (rules with none left out are absent). */
export function omittedByRule(file: { findings: readonly Finding[]; findingCounts: Record<string, number> }): Record<string, number> {
  const shown: Record<string, number> = {};
  for (const x of file.findings) shown[x.rule] = (shown[x.rule] ?? 0) + 1;
  const out: Record<string, number> = {};
  for (const [rule, n] of Object.entries(file.findingCounts)) if (n > (shown[rule] ?? 0)) out[rule] = n - (shown[rule] ?? 0);
  return out;
}

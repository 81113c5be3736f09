// Findings grouped by rule, for the reports people read (PR comment, job summary, audit issue): one entry per rule
// that fired, errors first, with its complete count, the files it fired in, its first locations and one message.
// Every rule that fired gets its entry, however many findings another rule has: a cap trims locations, never rules.
// This is the one place the Markdown reports select findings from the report.
import type { Finding, Severity } from "../engine/model.js";
import type { Report } from "../engine/report.js";
import { RULE_BY_ID } from "../engine/rules/registry.js";

export interface Located extends Finding {
  path: string;
}

export interface RuleGroup {
  rule: string;
  severity: Severity;
  /** Complete count over the run (findingCounts), even when fewer are listed. */
  count: number;
  /** New findings of the rule (a base was compared), else undefined. */
  newCount?: number;
  /** Files where the rule fired, most findings first. */
  files: { path: string; count: number }[];
  /** First listed locations: new ones first (when a base was compared), then in file and line order. */
  first: Located[];
  /** The message of the first location shown (what is wrong and how to fix it), else the rule's summary. */
  message: string;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1 };

export function ruleGroups(report: Report, maxLocations: number): RuleGroup[] {
  const groups = new Map<string, RuleGroup>();
  const fresh = report.comparison?.newFindings.rules;
  const get = (rule: string): RuleGroup => {
    let g = groups.get(rule);
    if (!g) {
      g = { rule, severity: RULE_BY_ID.get(rule)?.severity ?? "error", count: 0, files: [], first: [], message: RULE_BY_ID.get(rule)?.summary ?? rule };
      if (fresh) g.newCount = fresh[rule] ?? 0;
      groups.set(rule, g);
    }
    return g;
  };
  const listed = new Map<string, Located[]>();
  for (const f of report.files) {
    const counts: Record<string, number> = { ...f.findingCounts };
    for (const x of f.findings) {
      if (!(x.rule in f.findingCounts)) counts[x.rule] = (counts[x.rule] ?? 0) + 1; // a hand-made report without counts
      const l = listed.get(x.rule) ?? [];
      l.push({ ...x, path: f.path });
      listed.set(x.rule, l);
    }
    for (const [rule, n] of Object.entries(counts)) {
      if (!(n > 0)) continue;
      const g = get(rule);
      g.count += n;
      g.files.push({ path: f.path, count: n });
    }
  }
  for (const [rule, all] of listed) {
    const g = get(rule);
    // The severity the findings were given (overrides can change it), errors winning.
    if (all.some((x) => x.severity === "error")) g.severity = "error";
    else g.severity = "warning";
    const ordered = fresh ? [...all.filter((x) => x.new), ...all.filter((x) => !x.new)] : all;
    g.first = ordered.slice(0, Math.max(0, maxLocations));
    g.message = (g.first[0] ?? all[0]).message || g.message;
  }
  for (const g of groups.values()) g.files.sort((a, b) => b.count - a.count || a.path.localeCompare(b.path));
  return [...groups.values()].sort((a, b) => RANK[a.severity] - RANK[b.severity] || b.count - a.count || a.rule.localeCompare(b.rule));
}

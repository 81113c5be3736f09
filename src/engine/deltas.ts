// Base → head: the same run on the base version of the files (a pull request's base, the commit before a push, or a
// JSON report given with --base) against this one. Three results, all in the head report:
//   - deltas: run totals side by side (records, errors, duplicate rates, diversity, tokens);
//   - comparison.files: per file, base → head figures, "added" for a file the base did not have;
//   - new findings: head findings whose fingerprint (fingerprint.ts) the base does not have, marked `new: true` and
//     counted; with fail-on-new the gate then fails on those only (gate.ts).
import type { Config } from "./settings.js";
import type { Delta, FileDelta, FileFigures, FileReport, NewFindings, Report } from "./report.js";
import { evaluateGate } from "./gate.js";
import { UsageError } from "./files.js";

/* eslint-disable @typescript-eslint/no-explicit-any */
const at = (r: Report, path: string): number | null => {
  let v: any = r;
  for (const k of path.split(".")) v = v?.[k];
  return typeof v === "number" && Number.isFinite(v) ? v : null;
};
/* eslint-enable @typescript-eslint/no-explicit-any */

/** Figures compared, in display order: [label, path in the report]. */
export const DELTA_METRICS: [string, string][] = [
  ["records", "summary.records"],
  ["errors", "summary.errors"],
  ["warnings", "summary.warnings"],
  ["exact-duplicate rate", "duplicates.exact.rate"],
  ["near-duplicate rate", "duplicates.near.rate"],
  ["distinct-2", "diversity.distinct2.ratio"],
  ["windowed distinct-2", "diversity.windowedDistinct2.mean"],
  ["compression ratio", "diversity.compression.ratio"],
  ["top opening share", "diversity.openings.topShare"],
  ["boilerplate share", "diversity.boilerplate.share"],
  ["single-turn share", "diversity.turnBalance.singleTurnShare"],
  ["tokens (total)", "tokens.total"],
  ["tokens (p95)", "tokens.p95"],
];

export function compareReports(base: Report, head: Report): Delta[] {
  return DELTA_METRICS.map(([metric, path]) => ({ metric, base: at(base, path), head: at(head, path) })).filter((d) => d.base !== null || d.head !== null);
}

export function figures(f: FileReport): FileFigures {
  const out: FileFigures = { records: f.records, validRecords: f.validRecords, errors: f.errors, warnings: f.warnings };
  if (f.stats) {
    out.exactDuplicates = f.stats.exactDuplicates;
    out.nearDuplicates = f.stats.nearDuplicates;
    if (typeof f.stats.tokens === "number") out.tokens = f.stats.tokens;
  }
  return out;
}

/** Same figures. Estimated token counts (`estimated`: either run sampled its token count) do not count: the estimate
 * of a file moves with every other file of the run (the sample and the rates per script are the run's), and an
 * unchanged file must not be listed as changed for it. */
const sameFigures = (a: FileFigures, b: FileFigures, estimated: boolean) =>
  (Object.keys({ ...a, ...b }) as (keyof FileFigures)[]).every((k) => (k === "tokens" && estimated) || a[k] === b[k]);

/** Whether the report's token counts are estimates (a sample), not counts. */
const estimatedTokens = (r: Report) => (r.tokens as { exact?: boolean } | undefined)?.exact === false;

function severityOfRule(f: FileReport, rule: string): "error" | "warning" {
  return f.findings.find((x) => x.rule === rule)?.severity ?? "warning";
}

/** Marks the head findings the base does not have (`new: true`) and counts them. Matching is by fingerprint, as a
 * multiset per file (two identical records with the same problem are two findings). */
export function markNewFindings(head: Report, base: Report): NewFindings {
  const out: NewFindings = { errors: 0, warnings: 0, rules: {}, approximate: false };
  const baseFiles = new Map(base.files.map((f) => [f.path, f]));
  const count = (rule: string, severity: "error" | "warning", n: number) => {
    if (n <= 0) return;
    out.rules[rule] = (out.rules[rule] ?? 0) + n;
    if (severity === "error") out.errors += n;
    else out.warnings += n;
  };
  for (const f of head.files) {
    for (const x of f.findings) delete x.new;
    const b = baseFiles.get(f.path);
    if (!b) {
      for (const x of f.findings) x.new = true;
      for (const [rule, n] of Object.entries(f.findingCounts)) count(rule, severityOfRule(f, rule), n);
      continue;
    }
    const bag = new Map<string, number>();
    for (const x of b.findings) if (x.fingerprint) bag.set(x.fingerprint, (bag.get(x.fingerprint) ?? 0) + 1);
    const marked: Record<string, number> = {};
    for (const x of f.findings) {
      const left = x.fingerprint ? (bag.get(x.fingerprint) ?? 0) : 0;
      if (left > 0) bag.set(x.fingerprint!, left - 1);
      else {
        x.new = true;
        marked[x.rule] = (marked[x.rule] ?? 0) + 1;
      }
    }
    if (!f.findingsTruncated && !b.findingsTruncated) {
      for (const [rule, n] of Object.entries(marked)) count(rule, severityOfRule(f, rule), n);
      continue;
    }
    // Some findings of the file are not listed: a rule's new findings are at least the growth of its count, and when
    // the base listed all of its findings, at least the listed head findings it does not have.
    out.approximate = true;
    if (b.findingsTruncated) for (const x of f.findings) delete x.new;
    for (const [rule, n] of Object.entries(f.findingCounts)) {
      const grown = n - (b.findingCounts[rule] ?? 0);
      count(rule, severityOfRule(f, rule), Math.max(grown, b.findingsTruncated ? 0 : (marked[rule] ?? 0)));
    }
  }
  return out;
}

/** Per-file base → head figures: files the base lacks, and files whose figures changed. */
export function compareFiles(head: Report, base: Report): { files: FileDelta[]; unchangedFiles: number } {
  const baseFiles = new Map(base.files.map((f) => [f.path, f]));
  const files: FileDelta[] = [];
  let unchangedFiles = 0;
  const estimated = estimatedTokens(head) || estimatedTokens(base);
  for (const f of head.files) {
    const b = baseFiles.get(f.path);
    const h = figures(f);
    if (!b) files.push({ path: f.path, status: "added", head: h });
    else if (sameFigures(figures(b), h, estimated)) unchangedFiles++;
    else files.push({ path: f.path, status: "changed", base: figures(b), head: h });
  }
  return { files, unchangedFiles };
}

/** Compares `head` with `base` (made with the same config, or read from a JSON report) and evaluates the gate again:
 * max-diversity-drop and fail-on-new need the base. `label` says what the base is. */
export function compareWithBase(head: Report, base: Report, config: Config, label: string): Report {
  head.deltas = compareReports(base, head);
  const newFindings = markNewFindings(head, base);
  head.comparison = { base: label, ...compareFiles(head, base), newFindings };
  head.gate = evaluateGate(head, config, base);
  head.passed = head.gate.passed;
  return head;
}

/** A JSON report given as the base (--base, base-report): the run's report format, with finding fingerprints. */
export function parseBaseReport(text: string, source: string): Report {
  let r: Report;
  try {
    r = JSON.parse(text) as Report;
  } catch (e) {
    throw new UsageError(`cannot read the base report ${source}: ${(e as Error).message}`);
  }
  if (!r || r.schemaVersion !== 1 || !Array.isArray(r.files) || !r.summary || !r.gate) {
    throw new UsageError(`${source} is not a chatml-gate JSON report (chatml-gate check --format json writes one)`);
  }
  const bare = r.files.some((f) => Array.isArray(f?.findings) && f.findings.some((x) => typeof x?.fingerprint !== "string"));
  if (bare) throw new UsageError(`${source} has findings without fingerprints (it was written by an older chatml-gate): write it again with this version to compare findings`);
  return r;
}

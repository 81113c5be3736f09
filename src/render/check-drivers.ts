// The gate's checks as people read them: one entry per threshold (its warn and fail levels together), the actual
// value against the limit in the threshold's own unit (rates as percentages), and for a check that did not pass the
// few files or records that drive it, each with the line to link to.
import type { GateCheck, Report } from "../engine/report.js";
import { overrideMatcher } from "../engine/files.js";
import { fmt, pct } from "./report-view.js";

export interface Driver {
  /** File (and line) to link to, when the driver is a place. */
  path?: string;
  line?: number;
  /** What it contributes, e.g. "20 errors" (plain text, escaped by the renderer); the renderer adds ", first at line
   * N" (linked) when `line` is set. */
  text: string;
}

export type CheckStatus = "fail" | "warn" | "known" | "pass";

export interface CheckView {
  name: string;
  status: CheckStatus;
  actual: string;
  /** "0", "5%", or "warn 20% · fail 50%". */
  limit: string;
  /** The level that was crossed ("fail 0", "warn 4"), for failing and warning checks. */
  crossed?: string;
  drivers: Driver[];
  /** The gate's own words (fail-on-new: "as on the base", "N new errors (M in all)"). */
  message?: string;
}

/** Thresholds whose values are fractions of 1 (shown as percentages). */
const PERCENT = new Set(["max-duplicate-rate", "max-near-duplicate-rate", "max-opening-share", "max-boilerplate-share", "min-length-uniqueness", "single-turn-share"]);

/** "max-errors (data/legacy/**)" → ["max-errors", ["data/legacy/**"]]. */
function splitName(name: string): [string, string[] | undefined] {
  const m = /^([a-z0-9-]+) \((.+)\)$/.exec(name);
  return m ? [m[1], m[2].split(", ")] : [name, undefined];
}

export function formatValue(name: string, v: unknown): string {
  const [base] = splitName(name);
  if (typeof v === "string" && base === "single-turn-share") {
    const [lo, hi] = v.split("–").map(Number);
    if (Number.isFinite(lo) || Number.isFinite(hi)) return `${Number.isFinite(lo) ? pct(lo) : "-∞"}–${Number.isFinite(hi) ? pct(hi) : "∞"}`;
  }
  return PERCENT.has(base) && typeof v === "number" ? pct(v) : fmt(v);
}

const plural = (n: number, one: string, many = one + "s") => `${fmt(n)} ${n === 1 ? one : many}`;

/** First listed finding of `rules` in the file (optionally only new ones). */
function firstLine(report: Report, path: string, rules: (r: string) => boolean, onlyNew = false): number | undefined {
  const f = report.files.find((x) => x.path === path);
  return f?.findings.find((x) => rules(x.rule) && (!onlyNew || x.new))?.line;
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | undefined => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Json) : undefined);

function topFiles<T>(items: T[], n: number, key: (t: T) => number): T[] {
  return items
    .filter((t) => key(t) > 0)
    .sort((a, b) => key(b) - key(a))
    .slice(0, n);
}

function openingDrivers(report: Report, n: number): Driver[] {
  const o = obj(obj(report.diversity)?.openings);
  const answers = typeof o?.answers === "number" ? o.answers : undefined;
  const top = Array.isArray(o?.top) ? (o.top as Json[]) : [];
  return top
    .filter((t) => typeof t.opening === "string" && typeof t.count === "number" && t.count > 1)
    .slice(0, n)
    .map((t) => ({ text: `“${t.opening as string}…” opens ${fmt(t.count)}${answers ? ` of ${fmt(answers)}` : ""} answers` }));
}

/** The records behind a per-file diversity check (its file's figure), or behind the check of the files too small to
 * be judged alone (the pooled figure). */
function figureDrivers(report: Report, c: GateCheck, n: number): Driver[] | undefined {
  type Figure = { detail?: string; records?: { path: string; line: number }[] };
  let fig: Figure | undefined;
  if (c.scope === "small-files") fig = (obj(obj(obj(report.diversity)?.smallFiles)?.[c.name])?.figure as Figure | undefined) ?? undefined;
  else if (c.file !== undefined) fig = report.files.find((f) => f.path === c.file)?.stats?.quality?.figures[c.name as "max-opening-share"];
  if (!fig) return undefined;
  const what = c.name === "max-opening-share" ? "opens with" : c.name === "max-boilerplate-share" ? "holds" : undefined;
  return (fig.records ?? []).slice(0, n).map((r) => ({ path: r.path, line: r.line, text: what && fig.detail ? `${what} “${fig.detail}”` : "repeats the most" }));
}

/** The files or records behind a check that did not pass (at most `n`). `check`: the check itself, when it is about
 * one file (its own figures) or the files too small to be judged alone. */
export function driversOf(report: Report, name: string, n = 3, check?: GateCheck): Driver[] {
  const [base, globs] = splitName(name);
  const own = check ? figureDrivers(report, check, n) : undefined;
  if (own) return own;
  const only = check?.file;
  const inScope = only !== undefined ? (p: string) => p === only : globs ? overrideMatcher(globs) : () => true;
  const files = report.files.filter((f) => inScope(f.path));
  const onlyNew = !!report.gate.failOnNew;
  switch (base) {
    case "max-errors":
    case "max-warnings": {
      const sev = base === "max-errors" ? "error" : "warning";
      const count = (f: (typeof files)[number]) => (onlyNew ? f.findings.filter((x) => x.new && x.severity === sev).length : sev === "error" ? f.errors : f.warnings);
      return topFiles(files, n, count).map((f) => {
        const line = f.findings.find((x) => x.severity === sev && (!onlyNew || x.new))?.line;
        return { path: f.path, line, text: plural(count(f), onlyNew ? `new ${sev}` : sev) };
      });
    }
    case "max-duplicate-rate":
    case "max-near-duplicate-rate": {
      const near = base === "max-near-duplicate-rate";
      const rule = near ? "near-duplicate" : "exact-duplicate";
      return topFiles(files, n, (f) => (near ? f.stats?.nearDuplicates : f.stats?.exactDuplicates) ?? 0).map((f) => {
        const k = (near ? f.stats?.nearDuplicates : f.stats?.exactDuplicates) ?? 0;
        const line = firstLine(report, f.path, (r) => r === rule);
        return { path: f.path, line, text: `${fmt(k)} of ${plural(f.records, "record")} ${near ? "near-duplicate" : "repeat"} earlier ones` };
      });
    }
    case "max-leakage": {
      const pairs = (Array.isArray(report.leakage) ? report.leakage : []).map(obj).filter((l): l is Json => !!l);
      return pairs
        .filter((l) => Number(l.exact ?? 0) + Number(l.near ?? 0) > 0)
        .sort((a, b) => Number(b.exact ?? 0) + Number(b.near ?? 0) - (Number(a.exact ?? 0) + Number(a.near ?? 0)))
        .slice(0, n)
        .map((l) => {
          const k = Number(l.exact ?? 0) + Number(l.near ?? 0);
          const ev = String(l.eval);
          const line = firstLine(report, ev, (r) => r === "leakage");
          const of = typeof l.evalRecords === "number" ? ` of ${fmt(l.evalRecords)}` : "";
          return { path: ev, line, text: `${fmt(k)}${of} evaluation records also in ${String(l.train)}` };
        });
    }
    case "max-secrets":
    case "max-pii-share": {
      // the files holding them, with the first finding's line (the values themselves are never shown)
      const secrets = base === "max-secrets";
      const count = (f: (typeof files)[number]) => (secrets ? f.privacy?.secrets : f.privacy?.piiRecords) ?? 0;
      return topFiles(files, n, count).map((f) => ({
        path: f.path,
        line: firstLine(report, f.path, (r) => r === (secrets ? "secret" : "pii")),
        text: secrets ? plural(count(f), "secret") : `${fmt(count(f))} of ${plural(f.records, "record")} hold personal data`,
      }));
    }
    case "min-examples": {
      const invalid = topFiles(files, n, (f) => f.records - f.validRecords);
      if (invalid.length === 0) return [{ text: `${plural(report.summary.validRecords, "valid record")} in all: add examples` }];
      return invalid.map((f) => ({ path: f.path, line: f.findings.find((x) => x.severity === "error")?.line, text: `${fmt(f.validRecords)} of ${plural(f.records, "record")} valid` }));
    }
    case "max-too-long": {
      const limit = obj(report.tokens)?.limit;
      return topFiles(files, n, (f) => f.findingCounts["too-long"] ?? 0).map((f) => {
        const line = firstLine(report, f.path, (r) => r === "too-long");
        return { path: f.path, line, text: `${plural(f.findingCounts["too-long"] ?? 0, "example")} over ${fmt(limit)} tokens` };
      });
    }
    case "max-opening-share":
    case "max-compression-ratio":
    case "min-windowed-distinct-2":
    case "min-length-uniqueness":
      return openingDrivers(report, n);
    case "max-boilerplate-share": {
      const b = obj(obj(report.diversity)?.boilerplate);
      const by = Array.isArray(b?.byPhrase) ? (b.byPhrase as Json[]) : [];
      return by.slice(0, n).map((p) => ({ text: `“${String(p.phrase)}” in ${plural(Number(p.count), "answer")}` }));
    }
    case "max-diversity-drop": {
      const d = report.deltas?.find((x) => x.metric === "windowed distinct-2");
      return d ? [{ text: `windowed distinct-2 ${fmt(d.base)} on the base → ${fmt(d.head)} here` }] : [];
    }
    case "single-turn-share": {
      const c = obj(report.composition);
      return typeof c?.singleTurn === "number" && typeof c?.records === "number" ? [{ text: `${fmt(c.singleTurn)} single-turn of ${plural(c.records, "conversation")}` }] : [];
    }
    default:
      return [];
  }
}

/** One view per threshold name, in the gate's order; a per-file check that did not pass gets its own, named with its
 * file ("max-compression-ratio (data/a.jsonl)"), as does the check of the files too small to be judged alone. Checks
 * that do not apply (notApplicable) are left out. */
export function checkViews(report: Report, drivers = 3): CheckView[] {
  const byName = new Map<string, GateCheck[]>();
  for (const c of report.gate.checks) {
    if (c.notApplicable !== undefined) continue;
    const key = c.file !== undefined ? `${c.name} (${c.file})` : c.scope === "small-files" ? `${c.name} (${c.files} small files together)` : c.name;
    byName.set(key, [...(byName.get(key) ?? []), c]);
  }
  return [...byName].map(([name, cs]) => {
    const fail = cs.find((c) => c.level === "fail");
    const warn = cs.find((c) => c.level === "warn");
    const limit = [warn ? `warn ${formatValue(name, warn.limit)}` : "", fail ? `${warn ? "fail " : ""}${formatValue(name, fail.limit)}` : ""].filter(Boolean).join(" · ");
    const failed = cs.find((c) => !c.passed && c.level === "fail");
    const warned = cs.find((c) => !c.passed && c.level === "warn");
    const known = cs.find((c) => c.known);
    const status: CheckStatus = failed ? "fail" : warned ? "warn" : known ? "known" : "pass";
    const crossedCheck = failed ?? warned ?? known;
    return {
      name,
      status,
      actual: formatValue(name, cs[0].actual),
      limit,
      crossed: crossedCheck ? `${crossedCheck.level === "warn" ? "warn at " : ""}${formatValue(name, crossedCheck.limit)}` : undefined,
      drivers: status === "pass" ? [] : driversOf(report, cs[0].file !== undefined || cs[0].scope === "small-files" ? cs[0].name : name, drivers, cs[0]),
      message: (failed ?? warned ?? known)?.message,
    };
  });
}

// The gate: thresholds → checks (name, limit, actual, passed) → verdict. `fail-on` alone turns the verdict into
// pass/fail: error = fail-level checks decide; warning = warn-level checks and warning findings too; never = always pass.
//
// Each threshold judges either each file on its own or the run (THRESHOLD_SCOPE; docs/configuration.md):
//  - per file: errors, warnings, too-long examples and the diversity figures (analysis/quality.ts). A file's checks do
//    not change when another file joins the run. A file that fails gets its own check (`file`); the files within the
//    limit share one passing check per level (`files`, `actual` = the worst of them); files where the figure does not
//    apply share one check that says why (`notApplicable`, never failing).
//  - the run: duplicate and near-duplicate rates (duplicates across files), leakage (between splits), valid
//    examples, the diversity drop against the base branch.
// `overrides` apply to every threshold: a per-file threshold set in an override replaces the run's for the files it
// matches; a run threshold is evaluated once more over the matching files (its check is named "NAME (GLOBS)").
import { overrideMatcher } from "./files.js";
import type { Config, FailOn } from "./settings.js";
import { THRESHOLD_SCOPE, type Limit, type Range, type Thresholds } from "./thresholds.js";
import type { Delta, FileReport, GateCheck, Report } from "./report.js";
import { severitiesFor } from "./severities.js";
import { RULES } from "./rules/registry.js";
import type { QualityFigure, QualityMetric } from "./analysis/quality.js";
import type { PooledFigure } from "./analysis/small-files.js";

/** How much windowed distinct-2 fell from base to head (positive = less diverse); null when not comparable. */
function diversityDrop(deltas: Delta[]): number | null {
  const d = deltas.find((x) => x.metric === "windowed distinct-2");
  return d && d.base !== null && d.head !== null ? Math.round((d.base - d.head) * 10000) / 10000 : null;
}

type Num = number | null | undefined;
type Name = keyof Thresholds;

/* eslint-disable @typescript-eslint/no-explicit-any */
const get = (o: unknown, path: string): Num => {
  let v: any = o;
  for (const k of path.split(".")) v = v?.[k];
  return typeof v === "number" ? v : undefined;
};
/* eslint-enable @typescript-eslint/no-explicit-any */

const ANALYSIS_RULES = RULES.filter((r) => r.group === "analysis");

/** A file's validation errors: its errors minus those of the analysis rules (leakage, too-long, duplicates set to
 * error), which have thresholds of their own (one defect, one gate). */
export function validationErrors(f: FileReport, config: Config): number {
  const sev = severitiesFor(f.path, config);
  return f.errors - ANALYSIS_RULES.reduce((n, r) => n + ((sev[r.id] ?? r.severity) === "error" ? (f.findingCounts[r.id] ?? 0) : 0), 0);
}

interface Figure {
  /** undefined: not computed (e.g. no token limit, validation only); null: not applicable. */
  value: Num;
  over?: string;
  notApplicable?: string;
  detail?: string;
  lines?: number[];
}

const LABEL: Record<Name, string> = {
  "max-errors": "validation errors",
  "max-warnings": "warnings",
  "max-duplicate-rate": "exact-duplicate rate",
  "max-near-duplicate-rate": "near-duplicate rate",
  "max-leakage": "leaked evaluation records",
  "min-examples": "valid examples",
  "max-too-long": "examples over the token limit",
  "min-windowed-distinct-2": "windowed distinct-2",
  "max-compression-ratio": "compression ratio",
  "max-opening-share": "top opening share",
  "max-boilerplate-share": "boilerplate share",
  "min-length-uniqueness": "length uniqueness",
  "max-diversity-drop": "windowed distinct-2 drop",
  "single-turn-share": "single-turn share",
  "max-secrets": "secrets",
  "max-pii-share": "share of records with personal data",
};

/** A value as the messages show it. */
export function showValue(name: string, v: number): string {
  if (/share|rate|uniqueness/.test(name)) return `${Number((v * 100).toPrecision(3))}%`;
  if (name === "max-compression-ratio") return `${v.toFixed(2)}×`;
  if (Number.isInteger(v)) return v.toLocaleString("en-US");
  return String(Math.round(v * 1000) / 1000);
}

/** A file's figure for a per-file threshold. */
function fileFigure(name: Name, f: FileReport, report: Report, config: Config): Figure {
  switch (name) {
    case "max-errors":
      return { value: validationErrors(f, config) };
    case "max-warnings":
      return { value: f.warnings };
    case "max-too-long":
      return { value: get(report, "tokens.limit") === undefined ? undefined : (f.findingCounts["too-long"] ?? 0) };
    default: {
      const q: QualityFigure | undefined = f.stats?.quality?.figures[name as QualityMetric];
      // nothing to measure (no figure, or null without a reason) is no check
      if (!q || (q.value === null && q.notApplicable === undefined)) return { value: undefined };
      return { value: q.value, over: q.over, notApplicable: q.notApplicable, detail: q.detail, lines: q.records?.map((r) => r.line) };
    }
  }
}

/** The run's figure for a run threshold. */
const RUN_METRICS: Partial<Record<Name, (r: Report) => Num>> = {
  "max-duplicate-rate": (r) => get(r, "duplicates.exact.rate"),
  "max-near-duplicate-rate": (r) => get(r, "duplicates.near.rate"),
  "max-leakage": (r) => (Array.isArray(r.leakage) ? (r.leakage as { exact: number; near: number }[]).reduce((s, l) => s + l.exact + l.near, 0) : undefined),
  "min-examples": (r) => r.summary.validRecords,
  "max-diversity-drop": (r) => (r.deltas ? diversityDrop(r.deltas) : undefined),
  // not computed when the rule is off everywhere (no scan, no privacy figures)
  "max-secrets": (r) => r.privacy?.secrets,
  "max-pii-share": (r) => r.privacy?.piiShare,
};

/** The same figures over some files (run thresholds set in `overrides`). */
const GROUP_METRICS: Partial<Record<Name, (files: FileReport[]) => Num>> = {
  "min-examples": (fs) => fs.reduce((s, f) => s + f.validRecords, 0),
  "max-duplicate-rate": (fs) => rate(fs, (f) => f.stats?.exactDuplicates),
  "max-near-duplicate-rate": (fs) => rate(fs, (f) => f.stats?.nearDuplicates),
  "max-leakage": (fs) => (fs.some((f) => !f.stats) ? undefined : fs.reduce((s, f) => s + (f.findingCounts.leakage ?? 0), 0)),
  "max-secrets": (fs) => (fs.some((f) => f.privacy) ? fs.reduce((s, f) => s + (f.privacy?.secrets ?? 0), 0) : undefined),
  "max-pii-share": (fs) => {
    const records = fs.reduce((s, f) => s + f.records, 0);
    return fs.some((f) => f.privacy) && records > 0 ? fs.reduce((s, f) => s + (f.privacy?.piiRecords ?? 0), 0) / records : undefined;
  },
};

function rate(fs: FileReport[], n: (f: FileReport) => number | undefined): Num {
  const records = fs.reduce((s, f) => s + f.records, 0);
  if (!records || fs.some((f) => n(f) === undefined)) return undefined;
  return fs.reduce((s, f) => s + (n(f) ?? 0), 0) / records;
}

const round = (x: number) => Math.round(x * 10000) / 10000;
const isMin = (name: string) => name.startsWith("min-");

/** The checks of one value against one limit: the fail level, and the warn level when the fail level passes. */
function limitChecks(name: string, limit: Limit, actual: number): GateCheck[] {
  const out: GateCheck[] = [];
  const ok = (l: number) => (isMin(name) ? actual >= l : actual <= l);
  const a = round(actual);
  if (limit.fail !== undefined) out.push({ name, limit: limit.fail, actual: a, passed: ok(limit.fail), level: "fail" });
  if (limit.warn !== undefined && (limit.fail === undefined || ok(limit.fail))) out.push({ name, limit: limit.warn, actual: a, passed: ok(limit.warn), level: "warn" });
  return out;
}

function rangeChecks(name: string, range: Range, actual: number): GateCheck[] {
  const passed = (range.min === undefined || actual >= range.min) && (range.max === undefined || actual <= range.max);
  return [{ name, limit: rangeText(range), actual: round(actual), passed, level: range.level }];
}

const rangeText = (r: Range) => `${r.min ?? "-∞"}–${r.max ?? "∞"}`;

function checksOf(name: Name, limit: Limit | Range, actual: number): GateCheck[] {
  return name === "single-turn-share" ? rangeChecks(name, limit as Range, actual) : limitChecks(name, limit as Limit, actual);
}

function limitText(name: Name, c: GateCheck): string {
  if (typeof c.limit !== "number") return `${c.level === "warn" ? "warns" : "range"} ${c.limit}`;
  return `${c.level === "warn" ? "warns at" : "limit"} ${showValue(name, c.limit)}`;
}

/** Where a failing per-file figure comes from, in words: value, what it is over, the file, the limit, the records. */
function fileMessage(name: Name, c: GateCheck, fig: Figure, path: string): string {
  const v = showValue(name, fig.value as number);
  const over = fig.over ? ` of ${fig.over}` : "";
  const detail = fig.detail ? ` ("${fig.detail.length > 60 ? `${fig.detail.slice(0, 60)}…` : fig.detail}")` : "";
  const lines = fig.lines?.length ? `; see line${fig.lines.length === 1 ? "" : "s"} ${fig.lines.join(", ")}` : "";
  const what = name === "max-compression-ratio" || name === "min-windowed-distinct-2" ? `${LABEL[name]} ${v} over ${fig.over ?? "its text"}` : `${LABEL[name]} ${v}${over}`;
  return `${path}: ${what}${detail} (${limitText(name, c)})${lines}`;
}

/** The limit of a threshold for one file: the last override matching the file that sets it, else the run's. */
function limitFor(name: Name, path: string, config: Config, matchers: ((p: string) => boolean)[]): Limit | Range | null {
  let limit = config.thresholds[name] as Limit | Range | null;
  config.overrides.forEach((o, i) => {
    if (name in o.thresholds && matchers[i](path)) limit = (o.thresholds[name] ?? null) as Limit | Range | null;
  });
  return limit;
}

function perFileChecks(name: Name, report: Report, config: Config, matchers: ((p: string) => boolean)[]): GateCheck[] {
  const out: GateCheck[] = [];
  const passing = new Map<string, { limit: Limit | Range; worst: number; file: string; files: number }>();
  const na: { path: string; reason: string; limit: Limit | Range }[] = [];
  for (const f of report.files) {
    const limit = limitFor(name, f.path, config, matchers);
    if (!limit) continue;
    const fig = fileFigure(name, f, report, config);
    if (fig.value === undefined) continue;
    if (fig.value === null) {
      na.push({ path: f.path, reason: fig.notApplicable ?? "not applicable", limit });
      continue;
    }
    const value = fig.value;
    const cs = checksOf(name, limit, value);
    if (cs.every((c) => c.passed)) {
      const key = JSON.stringify(limit);
      const p = passing.get(key);
      const worse = (x: number, y: number) => (isMin(name) ? x < y : x > y);
      if (!p) passing.set(key, { limit, worst: value, file: f.path, files: 1 });
      else {
        p.files++;
        if (worse(value, p.worst)) Object.assign(p, { worst: value, file: f.path });
      }
      continue;
    }
    for (const c of cs) out.push({ ...c, scope: "file", file: f.path, message: c.passed ? undefined : fileMessage(name, c, fig, f.path) });
  }
  for (const p of passing.values()) {
    const all = p.files === 1 ? `${p.file}: ${LABEL[name]} ${showValue(name, p.worst)}` : `${p.files} files within the limit (worst: ${showValue(name, p.worst)} in ${p.file})`;
    for (const c of checksOf(name, p.limit, p.worst)) out.push({ ...c, scope: "file", files: p.files, message: all });
  }
  out.push(...pooledChecks(name, report, config, matchers));
  if (na.length) {
    const l = na[0].limit;
    const level = "level" in l ? l.level : l.fail !== undefined ? "fail" : "warn";
    const limit = "level" in l ? rangeText(l) : ((l.fail ?? l.warn) as number);
    const listed = na.slice(0, 3).map((x) => `${x.path}: ${x.reason}`);
    const more = na.length > 3 ? `; and ${na.length - 3} more files` : "";
    out.push({
      name,
      limit,
      actual: null,
      passed: true,
      level,
      scope: "file",
      files: na.length,
      ...(na.length === 1 ? { file: na[0].path } : {}),
      notApplicable: na.length === 1 ? na[0].reason : `${na.length} files`,
      message: `not applicable: ${listed.join("; ")}${more}`,
    });
  }
  return out;
}

/** The files too small to be judged alone on a figure, judged together (analysis/small-files.ts), against the run's
 * limit; not when one of them has a limit of its own for it in `overrides`. */
function pooledChecks(name: Name, report: Report, config: Config, matchers: ((p: string) => boolean)[]): GateCheck[] {
  const pooled = (report.diversity as { smallFiles?: Partial<Record<string, PooledFigure>> } | undefined)?.smallFiles?.[name];
  const limit = config.thresholds[name] as Limit | Range | null;
  if (!pooled || pooled.figure.value === null || !limit) return [];
  if (config.overrides.some((o, i) => name in o.thresholds && pooled.files.some((f) => matchers[i](f)))) return [];
  const n = pooled.files.length;
  const which = `${pooled.files.slice(0, 3).join(", ")}${n > 3 ? ", …" : ""}`;
  const fig = pooled.figure;
  const value = fig.value as number;
  return checksOf(name, limit, value).map((c) => {
    const where = fig.records?.length ? `; see ${fig.records.map((r) => `${r.path}:${r.line}`).join(", ")}` : "";
    const over = name === "max-compression-ratio" || name === "min-windowed-distinct-2" ? ` over ${fig.over}` : ` of ${fig.over}`;
    const detail = fig.detail && !c.passed ? ` ("${fig.detail.length > 60 ? `${fig.detail.slice(0, 60)}…` : fig.detail}")` : "";
    const message = `${n} files too small to judge alone (${which}), together: ${LABEL[name]} ${showValue(name, value)}${over}${detail}${c.passed ? "" : ` (${limitText(name, c)})${where}`}`;
    return { ...c, scope: "small-files" as const, files: n, message };
  });
}

function runMessage(name: Name, report: Report, actual: number, c: GateCheck): string | undefined {
  if (c.passed) return undefined;
  const limit = limitText(name, c);
  if (name === "max-leakage") {
    const leaks = ((report.leakage ?? []) as { train: string; eval: string; exact: number; near: number }[]).filter((l) => l.exact + l.near > 0);
    return `${actual} evaluation record${actual === 1 ? "" : "s"} also in training (${limit}): ${leaks.map((l) => `${l.eval} ← ${l.train} (${l.exact} exact, ${l.near} near)`).join("; ")}`;
  }
  if (name === "max-duplicate-rate" || name === "max-near-duplicate-rate") {
    const key = name === "max-duplicate-rate" ? "exactDuplicates" : "nearDuplicates";
    const worst = [...report.files].sort((a, b) => (b.stats?.[key] ?? 0) - (a.stats?.[key] ?? 0))[0];
    const most = worst?.stats?.[key] ? `; most in ${worst.path} (${worst.stats[key]})` : "";
    const d = (report.duplicates as Record<string, { duplicateRecords?: number } | undefined> | undefined)?.[name === "max-duplicate-rate" ? "exact" : "near"];
    const n = d?.duplicateRecords;
    const of = n !== undefined && actual > 0 ? ` (${n.toLocaleString("en-US")} of ${Math.round(n / actual).toLocaleString("en-US")} records compared)` : "";
    return `${LABEL[name]} ${showValue(name, actual)}${of} (${limit})${most}; the duplicate groups list them`;
  }
  return `${LABEL[name]} ${showValue(name, actual)} (${limit})`;
}

/** `base`: the base version's report, when one was compared (deltas.ts); with `fail-on-new` the gate then fails only
 * on what the change brought (onlyNew). */
export function evaluateGate(report: Report, config: Config, base?: Report): Report["gate"] {
  const checks: GateCheck[] = [];
  const t = config.thresholds;
  const matchers = config.overrides.map((o) => overrideMatcher(o.files));
  for (const name of Object.keys(THRESHOLD_SCOPE) as Name[]) {
    if (THRESHOLD_SCOPE[name] === "file") {
      checks.push(...perFileChecks(name, report, config, matchers));
      continue;
    }
    const limit = t[name] as Limit | null;
    const actual = RUN_METRICS[name]?.(report);
    if (!limit || actual === undefined || actual === null) continue;
    for (const c of limitChecks(name, limit, actual)) checks.push({ ...c, scope: "run", message: runMessage(name, report, actual, c) });
  }
  // run thresholds set in overrides: once more over the matching files
  config.overrides.forEach((o, i) => {
    const files = report.files.filter((f) => matchers[i](f.path));
    if (!files.length) return;
    for (const [name, limit] of Object.entries(o.thresholds) as [Name, Limit | Range | null][]) {
      if (THRESHOLD_SCOPE[name] !== "run" || !limit) continue;
      const actual = GROUP_METRICS[name]?.(files);
      if (actual === undefined || actual === null) continue;
      for (const c of limitChecks(name, limit as Limit, actual)) checks.push({ ...c, name: `${name} (${o.files.join(", ")})`, scope: "run" });
    }
  });
  const fresh = config.failOnNew && base && report.comparison ? report.comparison.newFindings : undefined;
  if (!fresh) return { passed: verdict(checks, report.summary.warnings, config.failOn), failOn: config.failOn, checks };
  const only = onlyNew(checks, fresh, base!, config, report);
  return { passed: verdict(only, fresh.warnings, config.failOn), failOn: config.failOn, checks: only, failOnNew: true };
}

/** fail-on-new: max-errors and max-warnings count the new findings of the run (one check each, against the run's
 * limit, instead of one per file; max-errors counts the new errors of the validation rules); any other check that
 * fails passes when the base failed it as badly (known debt; a per-file check against the same file's), and still
 * fails when the change made it worse. */
function onlyNew(checks: GateCheck[], fresh: { errors: number; warnings: number; rules: Record<string, number> }, base: Report, config: Config, report: Report): GateCheck[] {
  const key = (c: GateCheck) => `${c.level}\0${c.name}\0${c.file ?? ""}\0${c.scope ?? ""}`;
  const baseCheck = new Map(base.gate.checks.map((c) => [key(c), c]));
  const out: GateCheck[] = [];
  for (const name of ["max-errors", "max-warnings"] as const) {
    const limit = config.thresholds[name];
    if (!limit || !checks.some((c) => c.name === name)) continue;
    const all = name === "max-errors" ? report.files.reduce((n, f) => n + validationErrors(f, config), 0) : report.summary.warnings;
    const analysisErrors = ANALYSIS_RULES.reduce((n, r) => n + ((config.rules[r.id] ?? r.severity) === "error" ? (fresh.rules[r.id] ?? 0) : 0), 0);
    const actual = name === "max-errors" ? Math.max(0, fresh.errors - analysisErrors) : fresh.warnings;
    const what = name === "max-errors" ? "validation error" : "warning";
    for (const c of limitChecks(name, limit, actual)) out.push({ ...c, scope: "run", message: `${actual} new ${what}(s) (${all} in all; fail-on-new counts the new ones)` });
  }
  return out.concat(checks.filter((c) => c.name !== "max-errors" && c.name !== "max-warnings").map((c) => {
    if (c.passed || base.summary.files === 0) return c; // an empty base (every file new) has no known debt
    const b = baseCheck.get(key(c));
    if (!b || b.passed || typeof b.actual !== "number" || typeof c.actual !== "number") return c;
    const worse = c.name.startsWith("min-") ? c.actual < b.actual : c.name === "single-turn-share" ? outside(c) > outside(b) : c.actual > b.actual;
    if (worse) return { ...c, message: `${c.name}: ${c.actual}, worse than the base's ${b.actual} (limit ${String(c.limit)})` };
    return { ...c, passed: true, known: true, message: `${c.name}: ${c.actual} (limit ${String(c.limit)}), as on the base (${b.actual}): known, not new` };
  }));
}

/** How far a range check's actual value lies outside its range "min–max". */
function outside(c: GateCheck): number {
  const [min, max] = String(c.limit).split("–").map(Number);
  const a = Number(c.actual);
  return Number.isFinite(min) && a < min ? min - a : Number.isFinite(max) && a > max ? a - max : 0;
}

export function verdict(checks: GateCheck[], warnings: number, failOn: FailOn): boolean {
  if (failOn === "never") return true;
  if (checks.some((c) => !c.passed && c.level === "fail")) return false;
  if (failOn === "warning" && (warnings > 0 || checks.some((c) => !c.passed))) return false;
  return true;
}

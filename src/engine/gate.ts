// The gate: thresholds → checks (name, limit, actual, passed) → verdict. `fail-on` alone turns the verdict into
// pass/fail: error = fail-level checks decide; warning = warn-level checks and warning findings too; never = always pass.
import { overrideMatcher } from "./files.js";
import type { Config, FailOn } from "../config/config.js";
import type { Limit, Range, Thresholds } from "../config/thresholds.js";
import type { FileReport, GateCheck, Report } from "./report.js";
import { diversityDrop } from "./deltas.js";

type Num = number | null | undefined;
type Getter = (r: Report) => Num;

/* eslint-disable @typescript-eslint/no-explicit-any */
const get = (o: unknown, path: string): Num => {
  let v: any = o;
  for (const k of path.split(".")) v = v?.[k];
  return typeof v === "number" ? v : undefined;
};
/* eslint-enable @typescript-eslint/no-explicit-any */

/** Where each threshold's actual value comes from in the report. */
/** Below this many answers, the share-of-answers checks (openings, boilerplate) are not evaluated: a handful of
 * records cannot show a pattern, and a gate must not raise false alarms on tiny sets. */
export const MIN_ANSWERS_FOR_SHARES = 20;

const answers = (r: Report): number => get(r, "diversity.openings.answers") ?? 0;
const ifEnough = (r: Report, v: Num): Num => (answers(r) >= MIN_ANSWERS_FOR_SHARES ? v : undefined);

/** Where each threshold's actual value comes from in the report. */
export const METRICS: Record<Exclude<keyof Thresholds, "single-turn-share">, Getter> = {
  "max-errors": (r) => r.summary.errors,
  "max-warnings": (r) => r.summary.warnings,
  "max-duplicate-rate": (r) => get(r, "duplicates.exact.rate"),
  "max-near-duplicate-rate": (r) => get(r, "duplicates.near.rate"),
  "max-leakage": (r) => (Array.isArray(r.leakage) ? (r.leakage as { exact: number; near: number }[]).reduce((s, l) => s + l.exact + l.near, 0) : undefined),
  "min-examples": (r) => r.summary.validRecords,
  "max-too-long": (r) => (get(r, "tokens.limit") === undefined ? undefined : get(r, "tokens.tooLong")),
  "min-windowed-distinct-2": (r) => (get(r, "diversity.windowedDistinct2.windows") ? get(r, "diversity.windowedDistinct2.mean") : undefined),
  // no assistant text: nothing was compressed, so no ratio (the reports show "–"), not a passing 0
  "max-compression-ratio": (r) => (get(r, "diversity.compression.totalBytes") ? get(r, "diversity.compression.ratio") : undefined),
  "max-opening-share": (r) => ifEnough(r, get(r, "diversity.openings.topShare")),
  "max-boilerplate-share": (r) => ifEnough(r, get(r, "diversity.boilerplate.share")),
  "min-length-uniqueness": (r) => (get(r, "diversity.lengthUniqueness.assistantMessages") ? get(r, "diversity.lengthUniqueness.share") : undefined),
  "max-diversity-drop": (r) => (r.deltas ? diversityDrop(r.deltas) : undefined),
  // not computed when the rule is off everywhere (no scan, no privacy figures)
  "max-secrets": (r) => r.privacy?.secrets,
  "max-pii-share": (r) => r.privacy?.piiShare,
};
const singleTurnShare: Getter = (r) => get(r, "diversity.turnBalance.singleTurnShare");

/** Per-file figures, for thresholds set in `overrides` for some files. */
const FILE_METRICS: Partial<Record<keyof Thresholds, (files: FileReport[]) => Num>> = {
  "max-errors": (fs) => fs.reduce((s, f) => s + f.errors, 0),
  "max-warnings": (fs) => fs.reduce((s, f) => s + f.warnings, 0),
  "min-examples": (fs) => fs.reduce((s, f) => s + f.validRecords, 0),
  "max-duplicate-rate": (fs) => rate(fs, (f) => f.stats?.exactDuplicates),
  "max-near-duplicate-rate": (fs) => rate(fs, (f) => f.stats?.nearDuplicates),
  "max-too-long": (fs) => fs.reduce((s, f) => s + (f.findingCounts["too-long"] ?? 0), 0),
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

function limitChecks(name: string, limit: Limit, actual: Num, out: GateCheck[]): void {
  if (actual === undefined || actual === null) return; // the metric was not computed (e.g. no token limit set)
  const isMin = name.startsWith("min-");
  const ok = (l: number) => (isMin ? actual >= l : actual <= l);
  const a = round(actual);
  if (limit.fail !== undefined) out.push({ name, limit: limit.fail, actual: a, passed: ok(limit.fail), level: "fail" });
  if (limit.warn !== undefined && (limit.fail === undefined || ok(limit.fail))) {
    out.push({ name, limit: limit.warn, actual: a, passed: ok(limit.warn), level: "warn" });
  }
}

function rangeCheck(name: string, range: Range, actual: Num, out: GateCheck[]): void {
  if (actual === undefined || actual === null) return;
  const passed = (range.min === undefined || actual >= range.min) && (range.max === undefined || actual <= range.max);
  out.push({ name, limit: `${range.min ?? "-∞"}–${range.max ?? "∞"}`, actual: round(actual), passed, level: range.level });
}

/** `base`: the base version's report, when one was compared (deltas.ts); with `fail-on-new` the gate then fails only
 * on what the change brought (onlyNew). */
export function evaluateGate(report: Report, config: Config, base?: Report): Report["gate"] {
  const checks: GateCheck[] = [];
  const t = config.thresholds;
  for (const [name, getter] of Object.entries(METRICS)) {
    const limit = t[name as keyof typeof METRICS];
    if (limit) limitChecks(name, limit, getter(report), checks);
  }
  if (t["single-turn-share"]) rangeCheck("single-turn-share", t["single-turn-share"], singleTurnShare(report), checks);
  for (const o of config.overrides) {
    const isMatch = overrideMatcher(o.files);
    const files = report.files.filter((f) => isMatch(f.path));
    if (!files.length) continue;
    for (const [name, limit] of Object.entries(o.thresholds)) {
      const metric = FILE_METRICS[name as keyof Thresholds];
      if (!metric || !limit || name === "single-turn-share") continue;
      const sub: GateCheck[] = [];
      limitChecks(name, limit as Limit, metric(files), sub);
      for (const c of sub) checks.push({ ...c, name: `${name} (${o.files.join(", ")})` });
    }
  }
  const fresh = config.failOnNew && base && report.comparison ? report.comparison.newFindings : undefined;
  if (!fresh) return { passed: verdict(checks, report.summary.warnings, config.failOn), failOn: config.failOn, checks };
  const only = onlyNew(checks, fresh, base!);
  return { passed: verdict(only, fresh.warnings, config.failOn), failOn: config.failOn, checks: only, failOnNew: true };
}

/** fail-on-new: max-errors and max-warnings count the new findings; any other check that fails passes when the base
 * failed it as badly (known debt), and still fails when the change made it worse. */
function onlyNew(checks: GateCheck[], fresh: { errors: number; warnings: number }, base: Report): GateCheck[] {
  const baseCheck = new Map(base.gate.checks.map((c) => [`${c.level}\0${c.name}`, c]));
  return checks.map((c) => {
    if ((c.name === "max-errors" || c.name === "max-warnings") && typeof c.limit === "number") {
      const all = c.actual;
      const actual = c.name === "max-errors" ? fresh.errors : fresh.warnings;
      const what = c.name === "max-errors" ? "error" : "warning";
      return { ...c, actual, passed: actual <= c.limit, message: `${actual} new ${what}(s) (${String(all)} in all; fail-on-new counts the new ones)` };
    }
    if (c.passed || base.summary.files === 0) return c; // an empty base (every file new) has no known debt
    const b = baseCheck.get(`${c.level}\0${c.name}`);
    if (!b || b.passed || typeof b.actual !== "number" || typeof c.actual !== "number") return c;
    const worse = c.name.startsWith("min-") ? c.actual < b.actual : c.name === "single-turn-share" ? outside(c) > outside(b) : c.actual > b.actual;
    if (worse) return { ...c, message: `${c.name}: ${c.actual}, worse than the base's ${b.actual} (limit ${String(c.limit)})` };
    return { ...c, passed: true, known: true, message: `${c.name}: ${c.actual} (limit ${String(c.limit)}), as on the base (${b.actual}): known, not new` };
  });
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

// Compiler-style text output: `path:line: severity rule: message`, then a summary per file and the gate.
import type { Report } from "../engine/report.js";
import type { Quality, QualityFigure } from "../engine/analysis/quality.js";
import { imagesLine, measured, measuredApart, targetLine } from "./report-view.js";
import { privacyLine, privacyView } from "./privacy-view.js";
import { omittedByRule } from "../engine/findings-select.js";
import { docUrl } from "../engine/rules/registry.js";

export interface TextOptions {
  color: boolean;
}

const paint = (on: boolean, code: string, s: string) => (on ? `\x1b[${code}m${s}\x1b[0m` : s);

/** Keeps a terminal line on one line: control characters from datasets are shown escaped. */
const clean = (s: string) => s.replace(/[\x00-\x1f\x7f]/g, (c) => (c === "\n" ? "\\n" : c === "\t" ? " " : `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`));

const pct = (x: unknown) => (typeof x === "number" ? `${(x * 100).toFixed(x < 0.1 ? 2 : 1)}%` : "–");
const num = (x: unknown, d = 3) => (typeof x === "number" ? String(Math.round(x * 10 ** d) / 10 ** d) : "–");

/** " (4 valid)" when some records are not valid ("valid" = no error: what min-examples counts), else "". */
const validNote = (all: number, valid: number | undefined) => (valid === undefined || valid === all ? "" : ` (${valid} valid)`);

/** A small bar chart of tokens per example (non-empty buckets only). */
function histogram(buckets: { label: string; count: number }[] | undefined): string[] {
  const rows = (buckets ?? []).filter((b) => b.count > 0);
  if (rows.length < 2) return [];
  const max = Math.max(...rows.map((b) => b.count));
  const w = Math.max(...rows.map((b) => b.label.length));
  return ["tokens per example:", ...rows.map((b) => `  ${b.label.padStart(w)} ${"█".repeat(Math.max(1, Math.round((b.count / max) * 30)))} ${b.count}`)];
}

/** The gated diversity figures, each with what it is measured over ("n/a" where it does not apply). */
function qualityLine(q: Quality): string {
  const f = q.figures;
  const show = (x: QualityFigure | undefined, value: (v: number) => string, over = true): string => {
    if (!x || (x.value === null && x.notApplicable === undefined)) return "–";
    if (x.value === null) return "n/a";
    return `${value(x.value)}${over ? ` (${x.over})` : ""}`;
  };
  const top = f["max-opening-share"];
  const opening = typeof top?.value === "number" && top.detail ? ` ("${clean(top.detail)}")` : "";
  return [
    `windowed distinct-2 ${show(f["min-windowed-distinct-2"], (v) => num(v))}`,
    `compression ${show(f["max-compression-ratio"], (v) => `${num(v, 2)}×`)}`,
    `top opening ${show(top, pct, false)}${typeof top?.value === "number" ? ` of ${top.over}` : ""}${opening}`,
    `boilerplate ${show(f["max-boilerplate-share"], pct, false)}${typeof f["max-boilerplate-share"]?.value === "number" ? ` of ${f["max-boilerplate-share"].over}` : ""}`,
  ].join(", ");
}

/** One "– not applicable in FILE: NAME, NAME (why); NAME (why)" line per file (the first 10 files): the gated figures
 * that do not apply there. */
function notApplicable(report: Report, c: boolean): string[] {
  const names = new Set(report.gate.checks.filter((ch) => ch.notApplicable !== undefined).map((ch) => ch.name));
  const out: string[] = [];
  let more = 0;
  for (const f of report.files) {
    const q = f.stats?.quality;
    if (!q) continue;
    const byReason = new Map<string, string[]>();
    for (const [name, x] of Object.entries(q.figures)) {
      if (names.has(name) && x.value === null && x.notApplicable) byReason.set(x.notApplicable, [...(byReason.get(x.notApplicable) ?? []), name]);
    }
    if (!byReason.size) continue;
    if (out.length >= 10) {
      more++;
      continue;
    }
    const why = [...byReason].map(([reason, which]) => `${which.join(", ")} (${clean(reason)})`).join("; ");
    out.push(`${paint(c, "2", "–")} not applicable in ${f.path}: ${why}`);
  }
  if (more) out.push(`${paint(c, "2", "–")} not applicable in ${more} more file${more === 1 ? "" : "s"} (files[].stats.quality in --format json)`);
  return out;
}

const fmt = (n: number) => n.toLocaleString("en-US");

/** The line under a file's listed findings that says what the cap left out, by rule (most first). */
function omittedLine(f: Report["files"][number]): string {
  const left = Object.entries(omittedByRule(f)).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const n = left.reduce((s, [, k]) => s + k, 0);
  const rules = left.slice(0, 4).map(([r, k]) => `${r} ×${fmt(k)}`).join(", ") + (left.length > 4 ? `, ${left.length - 4} more rule(s)` : "");
  return `${f.path}: … ${fmt(n)} more findings not shown: ${rules} (raise --max-findings; the counts below are complete)`;
}

/** Where the rules of the listed findings are explained: one section per rule ID. */
function docsLine(report: Report): string | null {
  if (!report.files.some((f) => f.findings.length > 0)) return null;
  return `each rule is explained, with its fix, at ${docUrl("<rule>")}`;
}

export function renderText(report: Report, opts: TextOptions): string {
  const c = opts.color;
  const out: string[] = [];
  for (const f of report.files) {
    for (const x of f.findings) {
      const sev = x.severity === "error" ? paint(c, "31", "error") : paint(c, "33", "warning");
      out.push(`${f.path}:${x.line}: ${sev} ${paint(c, "2", x.rule)}: ${clean(x.message)}`);
    }
    if (f.findingsTruncated && f.errors + f.warnings > f.findings.length) out.push(omittedLine(f));
  }
  const docs = docsLine(report);
  if (docs) out.push(paint(c, "2", docs));
  if (out.length) out.push("");
  const w = Math.max(4, ...report.files.map((f) => f.path.length));
  const recs = report.files.map((f) => `${f.records}${validNote(f.records, f.validRecords)}`);
  const rw = Math.max(8, ...recs.map((r) => r.length));
  out.push(`${"file".padEnd(w)}  ${"format".padEnd(17)} ${"records".padStart(rw)} ${"errors".padStart(7)} ${"warnings".padStart(8)}`);
  for (const [i, f] of report.files.entries()) {
    out.push(`${f.path.padEnd(w)}  ${f.format.padEnd(17)} ${recs[i].padStart(rw)} ${String(f.errors).padStart(7)} ${String(f.warnings).padStart(8)}`);
    const top = Object.entries(f.findingCounts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    if (top.length) out.push(`${"".padEnd(w)}  ${paint(c, "2", top.map(([r, n]) => `${r} ×${n}`).join(", "))}`);
  }
  const privacy = privacyView(report);
  if (privacy) out.push("", privacyLine(privacy));
  const a = report as unknown as Record<string, Record<string, unknown> | undefined>;
  const dup = a.duplicates as { exact?: { duplicateRecords: number; rate: number }; near?: { duplicateRecords: number; rate: number } } | undefined;
  const div = a.diversity as Record<string, unknown> | undefined;
  const tok = a.tokens as Record<string, unknown> | undefined;
  const target = targetLine(report.target);
  if (dup || div || tok || target) {
    out.push("");
    if (target) out.push(clean(target));
    if (dup?.exact) out.push(`duplicates: ${dup.exact.duplicateRecords} exact (${pct(dup.exact.rate)}), ${dup.near?.duplicateRecords ?? 0} near (${pct(dup.near?.rate)})`);
    const leaks = (report.leakage ?? []) as { train: string; eval: string; exact: number; near: number; rate: number }[];
    for (const l of leaks) if (l.exact + l.near > 0) out.push(`leakage: ${l.eval} ← ${l.train}: ${l.exact} exact, ${l.near} near (${pct(l.rate)} of eval)`);
    if (leaks.length && leaks.every((l) => l.exact + l.near === 0)) out.push(`leakage: none (${leaks.length} train/eval pair${leaks.length === 1 ? "" : "s"} checked)`);
    if (div) {
      const g = (path: string) => path.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], div);
      const top = (g("openings.top") as { opening: string; count: number }[] | undefined)?.[0];
      const compression = num(measured(div, "compression.ratio"), 2);
      const q = div.quality as Quality | undefined;
      const multi = report.files.length > 1;
      if (q && !multi) {
        out.push(`diversity: distinct-2 ${num(measured(div, "distinct2.ratio"))}, ${qualityLine(q)}`);
      } else {
        out.push(
          `diversity${multi ? " (all files)" : ""}: distinct-2 ${num(measured(div, "distinct2.ratio"))}, windowed distinct-2 ${num(g("windowedDistinct2.mean"))}, compression ${compression === "–" ? compression : `${compression}×`}, ` +
            `top opening ${pct(measured(div, "openings.topShare"))}${typeof top?.opening === "string" ? ` ("${clean(top.opening)}")` : ""}, boilerplate ${pct(measured(div, "boilerplate.share"))}`,
        );
      }
      const judged = multi ? report.files.filter((f) => f.stats?.quality) : [];
      if (judged.length) {
        out.push("diversity per file (each file is judged on its own):");
        const pw = Math.max(...judged.map((f) => f.path.length));
        for (const f of judged) {
          const fq = f.stats!.quality!;
          out.push(`  ${f.path.padEnd(pw)}  ${fq.shape.kind.padEnd(17)} ${qualityLine(fq)}`);
        }
      }
      out.push(`composition: single-turn ${pct(measured(div, "turnBalance.singleTurnShare"))}, length uniqueness ${pct(measured(div, "lengthUniqueness.share"))}, distinct system prompts ${g("systemPrompts.distinct") ?? "–"}`);
    }
    if (tok && typeof tok.total === "number") {
      const n = measuredApart(tok);
      const apart = n > 0 ? `, ${n} of the largest measured apart` : "";
      const est = tok.exact ? "" : ` (estimate ±${pct(tok.relativeError)}, ${tok.sampledRecords} examples sampled${apart})`;
      const cost = typeof tok.estimatedCost === "number" ? `, est. training cost ${tok.estimatedCost.toFixed(2)} (${tok.epochs} epochs)` : "";
      const limit = typeof tok.limit === "number" ? `, ${tok.tooLong} over the ${tok.limit}-token limit` : "";
      const by = typeof tok.tokenizer === "string" ? `${tok.tokenizer}, rendered with the chat template` : tok.encoding;
      out.push(`tokens (${clean(String(by))}): ${tok.total} total${est}, mean ${num(tok.mean, 1)}, p50 ${num(tok.p50, 0)}, p95 ${num(tok.p95, 0)}, max ${num(tok.max, 0)}${limit}${cost}`);
      const images = imagesLine(tok.images);
      if (images) out.push(images);
      out.push(...histogram(tok.histogram as { label: string; count: number }[] | undefined));
    }
  }
  out.push("");
  for (const n of report.notices ?? []) out.push(`${paint(c, "33", "warning")}: ${clean(n)}`);
  // One line per check that did not pass (naming its file); the passing ones on one line; then those that do not apply.
  const passedNames: string[] = [];
  for (const ch of report.gate.checks) {
    if (ch.notApplicable !== undefined) continue;
    if (ch.passed) {
      if (!passedNames.includes(ch.name)) passedNames.push(ch.name);
      continue;
    }
    const mark = ch.level === "fail" ? paint(c, "31", "✗") : paint(c, "33", "!");
    out.push(`${mark} ${ch.name}: ${ch.message ? clean(ch.message) : `${ch.actual} (${ch.level === "warn" ? "warn at" : "limit"} ${ch.limit})`}`);
  }
  const shown = new Set(report.gate.checks.filter((ch) => !ch.passed).map((ch) => ch.name));
  const ok = passedNames.filter((n) => !shown.has(n));
  if (ok.length) out.push(`${paint(c, "32", "✓")} ${ok.length} check${ok.length === 1 ? "" : "s"} passed: ${ok.join(", ")}`);
  out.push(...notApplicable(report, c));
  const s = report.summary;
  const verdict = report.passed ? paint(c, "32", "PASSED") : paint(c, "31", "FAILED");
  out.push(`${verdict}: ${s.files} file${s.files === 1 ? "" : "s"}, ${s.records} records${validNote(s.records, s.validRecords)}, ${s.errors} error${s.errors === 1 ? "" : "s"}, ${s.warnings} warning${s.warnings === 1 ? "" : "s"} (fail-on: ${report.gate.failOn})`);
  return out.join("\n") + "\n";
}

// Markdown for the sticky PR comment (≈60,000-byte budget; GitHub's hard cap is 65,536 characters) and the job summary
// (1 MiB budget, fuller). When over budget, detail is dropped by priority: dataset_info, then duplicate/leakage
// groups, then findings rows, then per-file rows, then the chart; the text says where the rest is.
import type { FileReport, GateCheck, Report } from "../engine/report.js";
import type { Finding } from "../engine/model.js";
import { encodePath, escapeInline, fenced, link } from "./escape.js";
import { fmt, pct, viewOf, type Group, type Member, type ReportView } from "./report-view.js";

export const COMMENT_BUDGET_BYTES = 60_000;
export const SUMMARY_BUDGET_BYTES = 1024 * 1024 - 4096;

export interface MarkdownContext {
  owner: string;
  repo: string;
  /** Commit for blob links (PR head). */
  sha: string;
  serverUrl: string;
  runUrl?: string;
  /** Hidden marker placed on the first line (sticky comments / audit issues). */
  marker?: string;
  kind: "comment" | "summary";
  budgetBytes?: number;
  /** Extra lines (file selection notes, annotation caps); rendered escaped. */
  notes?: string[];
  /** Name of the JSON report file, for "where the rest is". */
  reportName?: string;
}

interface Detail {
  datasetInfo: boolean;
  groups: number;
  members: number;
  leakage: number;
  findings: number;
  files: number;
  chart: boolean;
  openings: number;
}

const FULL: Record<MarkdownContext["kind"], Detail> = {
  comment: { datasetInfo: true, groups: 5, members: 4, leakage: 20, findings: 30, files: 100, chart: true, openings: 3 },
  summary: { datasetInfo: true, groups: 25, members: 8, leakage: 200, findings: 500, files: 2000, chart: true, openings: 10 },
};

const bytes = (s: string) => Buffer.byteLength(s, "utf8");

export function blobUrl(ctx: MarkdownContext, path: string, line?: number): string {
  const base = `${ctx.serverUrl}/${encodeURIComponent(ctx.owner)}/${encodeURIComponent(ctx.repo)}/blob/${encodeURIComponent(ctx.sha)}/${encodePath(path)}`;
  return line && line > 0 ? `${base}#L${line}` : base;
}

/** A link to the file (and line) at the commit; plain text when there is no repository (CLI --format markdown). */
function fileLink(ctx: MarkdownContext, path: string, line?: number): string {
  const label = line && line > 0 ? `${path}:${line}` : path;
  return ctx.owner && ctx.repo && ctx.sha ? link(label, blobUrl(ctx, path, line)) : escapeInline(label, 200);
}

function place(ctx: MarkdownContext, m: Member): string {
  return fileLink(ctx, m.path, m.line);
}

function table(head: string[], rows: string[][], align?: string[]): string[] {
  return [`| ${head.join(" | ")} |`, `| ${(align ?? head.map(() => "---")).join(" | ")} |`, ...rows.map((r) => `| ${r.join(" | ")} |`)];
}

/** " (4 valid)" when some records are not valid (valid = no error: what min-examples counts), else "". */
function validNote(all: number, valid: number | undefined): string {
  return typeof valid !== "number" || valid === all ? "" : ` (${fmt(valid)} valid)`;
}

function verdict(report: Report): string[] {
  const s = report.summary;
  const icon = report.passed ? "✅" : "❌";
  const word = report.passed ? "passed" : "failed";
  return [
    `### ${icon} ChatML Quality Gate ${word}`,
    "",
    `**${fmt(s.files)}** file(s) · **${fmt(s.records)}** record(s)${validNote(s.records, s.validRecords)} · **${fmt(s.errors)}** error(s) · **${fmt(s.warnings)}** warning(s) · fail-on: \`${escapeInline(report.gate.failOn, 20)}\``,
  ];
}

function gateTable(report: Report): string[] {
  if (report.gate.checks.length === 0) return [];
  // One row per threshold: its warn and fail levels side by side, the worst status.
  const byName = new Map<string, GateCheck[]>();
  // per-file checks: one row per file a check is about (or per group of files)
  for (const c of report.gate.checks) {
    const key = `${c.name}\0${c.file ?? ""}\0${c.files ?? ""}\0${c.scope ?? ""}\0${c.notApplicable !== undefined}`;
    byName.set(key, [...(byName.get(key) ?? []), c]);
  }
  const rows = [...byName.values()].map((cs) => {
    const c0 = cs[0];
    const name = `${c0.name}${c0.file !== undefined ? ` (${c0.file})` : c0.scope === "small-files" ? ` (${c0.files} small files together)` : c0.files !== undefined && c0.files > 1 ? ` (${c0.files} files)` : ""}`;
    const fail = cs.find((c) => c.level === "fail");
    const warn = cs.find((c) => c.level === "warn");
    const limit = [warn ? `warn ${fmt(warn.limit)}` : "", fail ? `fail ${fmt(fail.limit)}` : ""].filter(Boolean).join(" · ");
    const status = cs[0].notApplicable !== undefined ? "➖ n/a" : fail && !fail.passed ? "❌ fail" : warn && !warn.passed ? "⚠️ warn" : "✅ pass";
    return [escapeInline(name, 80), escapeInline(limit, 60), escapeInline(fmt(cs[0].actual), 40), status];
  });
  return ["", "#### Gate", "", ...table(["Check", "Limit", "Actual", "Status"], rows, ["---", "---:", "---:", "---"])];
}

function fileTable(ctx: MarkdownContext, report: Report, d: Detail): string[] {
  if (report.files.length === 0) return [];
  const shown = report.files.slice(0, d.files);
  const rows = shown.map((f: FileReport) => [
    fileLink(ctx, f.path),
    escapeInline(f.format, 30),
    fmt(f.records) + validNote(f.records, f.validRecords),
    fmt(f.errors),
    fmt(f.warnings),
    fmt(f.stats?.exactDuplicates),
    fmt(f.stats?.nearDuplicates),
    fmt(f.stats?.tokens),
  ]);
  const out = ["", "#### Files", "", ...table(["File", "Format", "Records", "Errors", "Warnings", "Duplicates", "Near-duplicates", "Tokens"], rows, ["---", "---", "---:", "---:", "---:", "---:", "---:", "---:"])];
  if (shown.length < report.files.length) out.push("", `_…and ${report.files.length - shown.length} more file(s)._`);
  return out;
}

interface Located extends Finding {
  path: string;
}

export function allFindings(report: Report): Located[] {
  const out: Located[] = [];
  for (const f of report.files) for (const x of f.findings) out.push({ ...x, path: f.path });
  const rank = (s: string) => (s === "error" ? 0 : 1);
  return out.sort((a, b) => rank(a.severity) - rank(b.severity));
}

function totalFindings(report: Report): number {
  let n = 0;
  for (const f of report.files) n += Math.max(f.findings.length, Object.values(f.findingCounts ?? {}).reduce((a, b) => a + b, 0));
  return n;
}

function findingsTable(ctx: MarkdownContext, report: Report, d: Detail): string[] {
  const all = allFindings(report);
  const total = totalFindings(report);
  if (total === 0) return [];
  const shown = all.slice(0, d.findings);
  const out = ["", `#### Top findings (${fmt(shown.length)} of ${fmt(total)})`];
  if (shown.length > 0) {
    const rows = shown.map((x) => [
      x.severity === "error" ? "❌ error" : "⚠️ warning",
      escapeInline(x.rule, 60),
      place(ctx, { path: x.path, line: x.line }),
      escapeInline(x.message, 160),
    ]);
    out.push("", ...table(["Severity", "Rule", "Location", "Message"], rows));
  }
  return out;
}

function groupLines(ctx: MarkdownContext, groups: Group[], d: Detail, near: boolean): string[] {
  return groups.slice(0, d.groups).map((g, i) => {
    const ms = g.members.slice(0, d.members).map((m) => place(ctx, m));
    const more = g.members.length > d.members ? ` +${g.members.length - d.members} more` : "";
    const sim = near && g.similarity !== undefined ? ` (similarity ${fmt(g.similarity)})` : "";
    return `${i + 1}. ${g.members.length} records${sim}: ${ms.join(", ")}${more}`;
  });
}

function duplicates(ctx: MarkdownContext, v: ReportView, d: Detail): string[] {
  const out: string[] = [];
  const sec = (title: string, dv: ReportView["exact"], near: boolean) => {
    if (!dv) return;
    const thr = near && dv.threshold !== undefined ? `, threshold ${fmt(dv.threshold)}` : "";
    out.push("", `#### ${title}: ${fmt(dv.duplicateRecords)} record(s) (${pct(dv.rate)}${thr})`);
    if (d.groups > 0 && dv.groups.length > 0) {
      out.push("", ...groupLines(ctx, dv.groups, d, near));
      if (dv.groups.length > d.groups) out.push("", `_…and ${dv.groups.length - d.groups} more group(s)._`);
    }
  };
  sec("Exact duplicates", v.exact, false);
  sec("Near-duplicates", v.near, true);
  return out;
}

function leakage(ctx: MarkdownContext, v: ReportView, d: Detail): string[] {
  if (v.leakage.length === 0) return [];
  const leaked = v.leakage.filter((l) => (l.exact ?? 0) + (l.near ?? 0) > 0);
  if (leaked.length === 0) return ["", `#### Train/eval leakage`, "", `✅ None in ${v.leakage.length} train/eval pair(s).`];
  const rows = leaked
    .slice(0, d.leakage)
    .map((l) => [fileLink(ctx, l.train), fileLink(ctx, l.eval), fmt(l.exact), fmt(l.near), pct(l.rate)]);
  const out = ["", "#### Train/eval leakage", "", ...table(["Train", "Eval", "Exact", "Near", "Rate"], rows, ["---", "---", "---:", "---:", "---:"])];
  if (leaked.length > d.leakage) out.push("", `_…and ${leaked.length - d.leakage} more pair(s)._`);
  return out;
}

function brief(v: ReportView, d: Detail): string[] {
  const out: string[] = [];
  if (v.diversity.length > 0 || v.openings.length > 0) {
    out.push("", "#### Diversity", "", v.diversity.map(([k, val]) => `${escapeInline(k, 40)} **${escapeInline(val, 30)}**`).join(" · "));
    const ops = v.openings.slice(0, d.openings);
    if (ops.length > 0) out.push("", "Most common openings:", "", ...ops.map((o) => `- ${fmt(o.count)}× “${escapeInline(o.text, 100)}”`));
  }
  if (v.composition.length > 0) {
    out.push("", "#### Composition", "", v.composition.map(([k, val]) => `${escapeInline(k, 40)} **${escapeInline(val, 30)}**`).join(" · "));
  }
  if (v.tokens.length > 0) {
    out.push("", "#### Tokens", "", v.tokens.map(([k, val]) => `${escapeInline(k, 30)} **${escapeInline(val, 40)}**`).join(" · "));
  }
  return out;
}

function chartLabel(s: string): string {
  return s.replace(/[^0-9A-Za-z.+<>=≤≥ -]/g, "").slice(0, 20) || "?";
}

function chart(v: ReportView, d: Detail): string[] {
  // Leading and trailing empty buckets only stretch the axis.
  const first = v.histogram.findIndex((b) => b.count > 0);
  let last = v.histogram.length - 1;
  while (last >= 0 && v.histogram[last].count <= 0) last--;
  const h = first < 0 ? [] : v.histogram.slice(first, last + 1).slice(0, 40);
  if (!d.chart || h.length < 2) return [];
  return [
    "",
    "```mermaid",
    "xychart-beta",
    '  title "Tokens per example"',
    `  x-axis [${h.map((b) => `"${chartLabel(b.label)}"`).join(", ")}]`,
    '  y-axis "Examples"',
    `  bar [${h.map((b) => Math.max(0, Math.round(b.count))).join(", ")}]`,
    "```",
  ];
}

function deltas(v: ReportView): string[] {
  if (v.deltas.length === 0) return [];
  const rows = v.deltas.slice(0, 50).map((x) => {
    const diff = typeof x.base === "number" && typeof x.head === "number" ? x.head - x.base : undefined;
    const sign = diff === undefined ? "–" : diff > 0 ? `+${fmt(diff)}` : fmt(diff);
    return [escapeInline(x.metric, 60), escapeInline(fmt(x.base), 30), escapeInline(fmt(x.head), 30), escapeInline(sign, 30)];
  });
  return ["", "#### Quality deltas (base → head)", "", ...table(["Metric", "Base", "Head", "Change"], rows, ["---", "---:", "---:", "---:"])];
}

function datasetInfo(v: ReportView, d: Detail): string[] {
  if (!d.datasetInfo || v.datasetInfo === undefined) return [];
  return ["", "<details><summary>dataset_info</summary>", "", fenced(v.datasetInfo, "text"), "", "</details>"];
}

function notes(ctx: MarkdownContext): string[] {
  return (ctx.notes ?? []).length > 0 ? ["", ...(ctx.notes ?? []).map((n) => `> ${escapeInline(n, 400)}`)] : [];
}

function elsewhere(ctx: MarkdownContext): string {
  const report = `the JSON report (\`${escapeInline(ctx.reportName ?? "chatml-gate-report.json", 80)}\`; upload it as an artifact)`;
  if (ctx.kind === "comment") {
    const summary = ctx.runUrl ? `the [job summary](${ctx.runUrl})` : "the job summary";
    return `_Some details were left out to fit GitHub's comment size limit; see ${summary} and ${report}._`;
  }
  return `_Some details were left out to fit the job summary size limit; see ${report}._`;
}

function render(ctx: MarkdownContext, report: Report, v: ReportView, d: Detail, trimmed: boolean): string {
  const lines = [
    ...(ctx.marker ? [ctx.marker] : []),
    ...verdict(report),
    ...notes(ctx),
    ...gateTable(report),
    ...deltas(v),
    ...fileTable(ctx, report, d),
    ...findingsTable(ctx, report, d),
    ...duplicates(ctx, v, d),
    ...leakage(ctx, v, d),
    ...brief(v, d),
    ...chart(v, d),
    ...datasetInfo(v, d),
    ...(trimmed ? ["", elsewhere(ctx)] : []),
  ];
  return lines.join("\n") + "\n";
}

/** Ordered degradations; each returns a smaller detail level or null when exhausted. */
const STEPS: ((d: Detail) => Detail | null)[] = [
  (d) => (d.datasetInfo ? { ...d, datasetInfo: false } : null),
  (d) => (d.members > 2 ? { ...d, members: 2 } : null),
  (d) => (d.groups > 0 ? { ...d, groups: 0, openings: Math.min(d.openings, 1) } : null),
  (d) => (d.leakage > 10 ? { ...d, leakage: 10 } : null),
  (d) => (d.findings > 0 ? { ...d, findings: Math.floor(d.findings / 2) } : null),
  (d) => (d.files > 10 ? { ...d, files: Math.floor(d.files / 2) } : null),
  (d) => (d.chart ? { ...d, chart: false } : null),
  (d) => (d.leakage > 0 ? { ...d, leakage: 0 } : null),
  (d) => (d.files > 0 ? { ...d, files: 0 } : null),
];

/** Cut at a line boundary so the result fits `budget` bytes. Last resort. */
function hardCut(text: string, budget: number, tail: string): string {
  const room = budget - bytes(tail) - 2;
  let out = "";
  for (const line of text.split("\n")) {
    if (bytes(out) + bytes(line) + 1 > room) break;
    out += line + "\n";
  }
  return out + "\n" + tail + "\n";
}

export function renderMarkdown(report: Report, ctx: MarkdownContext): string {
  const budget = ctx.budgetBytes ?? (ctx.kind === "comment" ? COMMENT_BUDGET_BYTES : SUMMARY_BUDGET_BYTES);
  const v = viewOf(report);
  let d: Detail = { ...FULL[ctx.kind] };
  let out = render(ctx, report, v, d, false);
  if (bytes(out) <= budget) return out;
  for (let guard = 0; guard < 200; guard++) {
    const next = STEPS.map((s) => s(d)).find((x) => x !== null);
    if (!next) break;
    d = next;
    out = render(ctx, report, v, d, true);
    if (bytes(out) <= budget) return out;
  }
  return hardCut(out, budget, elsewhere(ctx));
}

/** Pull request without dataset changes. */
export function renderNothingToCheck(ctx: MarkdownContext): string {
  return [
    ...(ctx.marker ? [ctx.marker] : []),
    "### ✅ ChatML Quality Gate: nothing to check",
    "",
    "This pull request does not add or modify any dataset file matching the `paths` globs.",
    ...notes(ctx),
  ].join("\n") + "\n";
}

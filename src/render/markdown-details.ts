// The Markdown report below its first screen: what changed against the base (per file, then the run's figures), and
// the collapsed details (gate table, per-file table, duplicate and leakage groups, dataset figures with the token
// chart, dataset_info, and in the job summary every listed finding). Empty sections are left out.
import type { FileReport, Report } from "../engine/report.js";
import type { FileFigures } from "../engine/report.js";
import { escapeInline, fenced } from "./escape.js";
import { fmt, pct, type Group, type ReportView } from "./report-view.js";
import type { CheckView } from "./check-drivers.js";
import { escapeHtml, fileLink, ruleLink, table, validNote, type MarkdownContext } from "./markdown-context.js";

/** How much of each part to show (the budget lowers these step by step). */
export interface Detail {
  /** Locations per rule in the findings list. */
  locations: number;
  /** Characters of a finding's message (shortened by whole clauses). */
  message: number;
  datasetInfo: boolean;
  groups: number;
  members: number;
  leakage: number;
  files: number;
  /** Rows of the per-file comparison. */
  deltaFiles: number;
  chart: boolean;
  openings: number;
  /** Rows of the full findings listing (job summary). */
  listing: number;
}

const plural = (n: number, one: string, many = one + "s") => `${fmt(n)} ${n === 1 ? one : many}`;

function details(summary: string, body: string[]): string[] {
  return body.length === 0 ? [] : ["", `<details><summary>${escapeHtml(summary)}</summary>`, "", ...body, "", "</details>"];
}

/** "30 → 42 (+12)", or "42" when the same. */
function change(base: number | undefined, head: number | undefined, asPct = false): string {
  const f = (x: number | undefined) => (x === undefined ? "–" : asPct ? pct(x) : fmt(x));
  if (base === head || base === undefined) return f(head);
  if (head === undefined) return `${f(base)} → –`;
  const diff = head - base;
  const sign = asPct ? `${diff > 0 ? "+" : ""}${Number((diff * 100).toPrecision(3))} pts` : `${diff > 0 ? "+" : ""}${fmt(diff)}`;
  return `${f(base)} → ${f(head)} (${sign})`;
}

const COLUMNS: [keyof FileFigures, string][] = [
  ["records", "Records"],
  ["errors", "Errors"],
  ["warnings", "Warnings"],
  ["exactDuplicates", "Duplicates"],
  ["nearDuplicates", "Near-duplicates"],
  ["tokens", "Tokens"],
];

/** Run figures compared as totals in the per-file table (the rest are "dataset-wide" changes). */
const TOTALS: Record<string, keyof FileFigures> = { records: "records", errors: "errors", warnings: "warnings", "tokens (total)": "tokens" };
const RATES = new Set(["exact-duplicate rate", "near-duplicate rate", "top opening share", "boilerplate share", "single-turn share"]);

/** What changed against the base: a row per added or changed file, the run totals, then the dataset-wide figures that
 * moved. Without a base: the one-line reason (ctx.baseNote). */
export function comparisonSection(ctx: MarkdownContext, report: Report, d: Detail): string[] {
  const c = report.comparison;
  if (!c) return ctx.baseNote ? ["", `_No comparison with a base version: ${escapeInline(ctx.baseNote, 300)}_`] : [];
  const title = `**Against ${escapeInline(c.base, 200)}:**`;
  if (c.files.length === 0) return ["", `${title} no dataset figure changed${c.unchangedFiles ? ` in ${plural(c.unchangedFiles, "file")}` : ""}.`];
  const cols = COLUMNS.filter(([k]) => k === "records" || k === "errors" || k === "warnings" || c.files.some((f) => (f.head[k] ?? 0) !== 0 || (f.base?.[k] ?? 0) !== 0));
  const rows = c.files.slice(0, d.deltaFiles).map((f) => [
    fileLink(ctx, f.path) + (f.status === "added" ? " 🆕 new file" : ""),
    ...cols.map(([k]) => (f.status === "added" ? fmt(f.head[k]) : change(f.base?.[k], f.head[k]))),
  ]);
  const totals = new Map((report.deltas ?? []).map((x) => [x.metric, x]));
  const totalRow = [`**All ${plural(report.files.length, "checked file")}**`, ...cols.map(([k]) => {
    const metric = Object.keys(TOTALS).find((m) => TOTALS[m] === k);
    const t = metric ? totals.get(metric) : undefined;
    return t ? change(t.base ?? undefined, t.head ?? undefined) : "";
  })];
  const out = ["", title, "", ...table(["File", ...cols.map(([, h]) => h)], [...rows, totalRow], ["---", ...cols.map(() => "---:")])];
  const hidden = [c.files.length > d.deltaFiles ? `${plural(c.files.length - d.deltaFiles, "more changed file")} not listed` : "", c.unchangedFiles ? `${plural(c.unchangedFiles, "file")} with the same figures not listed` : ""].filter(Boolean);
  if (hidden.length) out.push("", `_${hidden.join("; ")}._`);
  const moved = (report.deltas ?? []).filter((x) => !(x.metric in TOTALS) && x.base !== null && x.head !== null && (RATES.has(x.metric) ? pct(x.base) !== pct(x.head) : fmt(x.base) !== fmt(x.head)));
  const f = (x: number, rate: boolean) => (rate ? pct(x) : fmt(x));
  if (moved.length > 0) out.push("", `Dataset-wide: ${moved.map((x) => `${escapeInline(x.metric, 40)} ${escapeInline(`${f(x.base!, RATES.has(x.metric))} → ${f(x.head!, RATES.has(x.metric))}`, 60)}`).join(" · ")}`);
  return out;
}

export function gateTable(views: CheckView[]): string[] {
  if (views.length === 0) return [];
  const icon = { fail: "❌ fail", warn: "⚠️ warn", known: "☑️ known", pass: "✅ pass" };
  const rows = views.map((v) => [escapeInline(v.name, 80), escapeInline(v.limit, 60), escapeInline(v.actual, 40), icon[v.status]]);
  const failed = views.filter((v) => v.status === "fail").length;
  const warned = views.filter((v) => v.status === "warn").length;
  const summary = `Gate: ${plural(views.length, "check")}${failed ? `, ${fmt(failed)} failed` : ""}${warned ? `, ${fmt(warned)} warned` : ""}`;
  return details(summary, table(["Check", "Limit", "Actual", "Status"], rows, ["---", "---:", "---:", "---"]));
}

export function fileTable(ctx: MarkdownContext, report: Report, d: Detail): string[] {
  if (report.files.length === 0 || d.files === 0) return [];
  const shown = report.files.slice(0, d.files);
  const hasStats = report.files.some((f) => f.stats);
  const rows = shown.map((f: FileReport) => [
    fileLink(ctx, f.path),
    escapeInline(f.format, 30),
    fmt(f.records) + validNote(f.records, f.validRecords),
    fmt(f.errors),
    fmt(f.warnings),
    ...(hasStats ? [fmt(f.stats?.exactDuplicates), fmt(f.stats?.nearDuplicates), fmt(f.stats?.tokens)] : []),
  ]);
  const head = ["File", "Format", "Records", "Errors", "Warnings", ...(hasStats ? ["Duplicates", "Near-duplicates", "Tokens"] : [])];
  const body = table(head, rows, ["---", "---", ...head.slice(2).map(() => "---:")]);
  if (shown.length < report.files.length) body.push("", `_…and ${plural(report.files.length - shown.length, "more file")}._`);
  return details(`Files: ${plural(report.files.length, "file")}`, body);
}

function groupLines(ctx: MarkdownContext, groups: Group[], d: Detail, near: boolean): string[] {
  return groups.slice(0, d.groups).map((g, i) => {
    const ms = g.members.slice(0, d.members).map((m) => fileLink(ctx, m.path, m.line));
    const more = g.members.length > d.members ? ` and ${fmt(g.members.length - d.members)} more` : "";
    const sim = near && g.similarity !== undefined ? ` (similarity ${fmt(g.similarity)})` : "";
    return `${i + 1}. ${fmt(g.members.length)} records${sim}: ${ms.join(", ")}${more}`;
  });
}

function duplicates(ctx: MarkdownContext, v: ReportView, d: Detail): string[] {
  const out: string[] = [];
  const sec = (title: string, dv: ReportView["exact"], near: boolean) => {
    if (!dv || !dv.duplicateRecords) return;
    const thr = near && dv.threshold !== undefined ? `, similarity ≥ ${fmt(dv.threshold)}` : "";
    const body = d.groups > 0 && dv.groups.length > 0 ? groupLines(ctx, dv.groups, d, near) : [];
    if (dv.groups.length > d.groups && body.length) body.push("", `_…and ${plural(dv.groups.length - d.groups, "more group")}._`);
    const head = `${title}: ${plural(dv.duplicateRecords, "record")} (${pct(dv.rate)}${thr})`;
    if (body.length) out.push(...details(head, body));
    else out.push("", escapeInline(head, 200));
  };
  sec("Exact duplicates", v.exact, false);
  sec("Near-duplicates", v.near, true);
  return out;
}

function leakage(ctx: MarkdownContext, v: ReportView, d: Detail): string[] {
  const leaked = v.leakage.filter((l) => (l.exact ?? 0) + (l.near ?? 0) > 0);
  if (leaked.length === 0 || d.leakage === 0) return [];
  const rows = leaked.slice(0, d.leakage).map((l) => [fileLink(ctx, l.train), fileLink(ctx, l.eval), fmt(l.exact), fmt(l.near), pct(l.rate)]);
  const body = table(["Train", "Eval", "Exact", "Near", "Rate"], rows, ["---", "---", "---:", "---:", "---:"]);
  if (leaked.length > d.leakage) body.push("", `_…and ${plural(leaked.length - d.leakage, "more pair")}._`);
  const total = leaked.reduce((n, l) => n + (l.exact ?? 0) + (l.near ?? 0), 0);
  return details(`Train/eval leakage: ${plural(total, "evaluation record")} in ${plural(leaked.length, "pair")}`, body);
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

function figures(v: ReportView, d: Detail): string[] {
  const out: string[] = [];
  const line = (label: string, pairs: [string, string][]) => (pairs.length ? ["", `**${label}:** ${pairs.map(([k, val]) => `${escapeInline(k, 40)} **${escapeInline(val, 60)}**`).join(" · ")}`] : []);
  out.push(...line("Diversity", v.diversity));
  const ops = v.openings.slice(0, d.openings);
  if (ops.length > 0) out.push("", "Most common openings:", "", ...ops.map((o) => `- ${fmt(o.count)}× “${escapeInline(o.text, 100)}”`));
  out.push(...line("Composition", v.composition));
  out.push(...line("Tokens", v.tokens));
  if (v.target) out.push("", escapeInline(v.target, 300));
  out.push(...chart(v, d));
  const parts = [v.diversity.length || ops.length ? "diversity" : "", v.composition.length ? "composition" : "", v.tokens.length ? "tokens" : ""].filter(Boolean);
  return details(`Dataset figures: ${parts.join(", ")}`, out);
}

function datasetInfo(v: ReportView, d: Detail): string[] {
  if (!d.datasetInfo || v.datasetInfo === undefined) return [];
  return details("dataset_info", [fenced(v.datasetInfo, "text")]);
}

/** Job summary: every listed finding, a row each (the comment groups them by rule instead). */
function listing(ctx: MarkdownContext, report: Report, d: Detail): string[] {
  if (d.listing === 0) return [];
  const all: { path: string; x: FileReport["findings"][number] }[] = [];
  for (const f of report.files) for (const x of f.findings) all.push({ path: f.path, x });
  if (all.length === 0) return [];
  all.sort((a, b) => (a.x.severity === b.x.severity ? 0 : a.x.severity === "error" ? -1 : 1));
  const shown = all.slice(0, d.listing);
  const compared = !!report.comparison;
  const rows = shown.map(({ path, x }) => [
    x.severity === "error" ? "❌" : "⚠️",
    ruleLink(x.rule),
    fileLink(ctx, path, x.line) + (compared && x.new ? " 🆕" : ""),
    escapeInline(x.message, 1000),
  ]);
  const total = report.files.reduce((n, f) => n + f.errors + f.warnings, 0);
  const body = table(["", "Rule", "Location", "Message"], rows);
  return details(`Every listed finding: ${fmt(shown.length)} of ${fmt(total)}`, body);
}

export function detailSections(ctx: MarkdownContext, report: Report, v: ReportView, views: CheckView[], d: Detail): string[] {
  return [
    ...gateTable(views),
    ...fileTable(ctx, report, d),
    ...duplicates(ctx, v, d),
    ...leakage(ctx, v, d),
    ...figures(v, d),
    ...datasetInfo(v, d),
    ...listing(ctx, report, d),
  ];
}

// Markdown for the sticky PR comment (≈60,000-byte budget; GitHub's hard cap is 65,536 characters), the job summary
// (1 MiB budget, fuller) and `chatml-gate check --format markdown|comment`.
//
// The first screen says why: the verdict; each check that did not pass with its actual value, its limit and the few
// files or records behind it (linked to the line at the commit); then the findings grouped by rule, errors first
// (rule-groups.ts); then what changed against the base. Everything else (gate table, per-file table, duplicate and
// leakage groups, diversity, composition, tokens, dataset_info) sits below in collapsed blocks (markdown-details.ts).
// A passing report is a few lines. When over budget, detail is dropped by priority (STEPS) and the text says where
// the rest is.
import type { Report } from "../engine/report.js";
import { escapeInline } from "./escape.js";
import { fmt, pct, viewOf, type ReportView } from "./report-view.js";
import { ruleGroups, type RuleGroup } from "./rule-groups.js";
import { checkViews, type CheckView, type Driver } from "./check-drivers.js";
import { shorten } from "./shorten.js";
import { comparisonSection, detailSections, type Detail } from "./markdown-details.js";
import { blobUrl, escapeHtml, fileLink, hasRepo, ruleLink, table, validNote, type MarkdownContext } from "./markdown-context.js";
import { kindList, privacyView } from "./privacy-view.js";

export { blobUrl, type MarkdownContext } from "./markdown-context.js";

export const COMMENT_BUDGET_BYTES = 60_000;
export const SUMMARY_BUDGET_BYTES = 1024 * 1024 - 4096;

export const FULL: Record<MarkdownContext["kind"], Detail> = {
  comment: { locations: 3, message: 400, datasetInfo: true, groups: 5, members: 4, leakage: 20, files: 100, deltaFiles: 20, chart: true, openings: 3, listing: 0 },
  summary: { locations: 10, message: 1000, datasetInfo: true, groups: 25, members: 8, leakage: 200, files: 2000, deltaFiles: 500, chart: true, openings: 10, listing: 2000 },
};

const bytes = (s: string) => Buffer.byteLength(s, "utf8");
const plural = (n: number, one: string, many = one + "s") => `${fmt(n)} ${n === 1 ? one : many}`;

function failedChecks(views: CheckView[]): CheckView[] {
  return views.filter((v) => v.status === "fail");
}

/** Heading, counts, and (`more`, passing reports) the key figures on a second line. */
function verdict(report: Report, views: CheckView[], more: string): string[] {
  const s = report.summary;
  const failed = failedChecks(views);
  let why = "";
  if (!report.passed) {
    if (failed.length > 0) why = `: ${failed.length <= 3 ? failed.map((c) => c.name).join(", ") : `${failed.length} checks`}`;
    else if (report.gate.failOn === "warning") why = `: ${plural(report.gate.failOnNew ? (report.comparison?.newFindings.warnings ?? 0) : s.warnings, report.gate.failOnNew ? "new warning" : "warning")} (fail-on: warning)`;
  }
  const head = `### ${report.passed ? "✅" : "❌"} ChatML Quality Gate ${report.passed ? "passed" : "failed"}${escapeInline(why, 200)}`;
  const figures = [
    `**${fmt(s.files)}** ${s.files === 1 ? "file" : "files"}`,
    `**${fmt(s.records)}** ${s.records === 1 ? "record" : "records"}${validNote(s.records, s.validRecords)}`,
    `**${fmt(s.errors)}** ${s.errors === 1 ? "error" : "errors"}`,
    `**${fmt(s.warnings)}** ${s.warnings === 1 ? "warning" : "warnings"}`,
  ];
  const n = report.comparison?.newFindings;
  if (n) figures.push(n.errors + n.warnings === 0 && !n.approximate ? "**nothing new**" : `**${fmt(n.errors + n.warnings)}${n.approximate ? "+" : ""} new** (${plural(n.errors, "error")}, ${plural(n.warnings, "warning")})`);
  const nudge = !report.passed && n && n.errors + n.warnings === 0 && !n.approximate && !report.gate.failOnNew ? "\\\n_Everything found was already on the base: `fail-on-new: true` fails only on what a change brings._" : "";
  if (report.gate.failOn !== "error" || report.gate.failOnNew) figures.push(`fail-on: \`${report.gate.failOn}\`${report.gate.failOnNew ? ", new findings only" : ""}`);
  return [head, "", figures.join(" · ") + (more ? `\\\n${more}` : "") + nudge];
}

/** Commit checked, workflow run, report artifact: the line that says what this report is about. */
export function provenance(ctx: MarkdownContext, report: Report): string[] {
  if (!hasRepo(ctx)) return [];
  const repo = `${ctx.serverUrl}/${encodeURIComponent(ctx.owner)}/${encodeURIComponent(ctx.repo)}`;
  const short = escapeInline(ctx.sha.slice(0, 7), 12);
  const parts = [`Checked [\`${short}\`](${repo}/commit/${encodeURIComponent(ctx.sha)})${ctx.commitNote ? ` (${escapeInline(ctx.commitNote, 80)})` : ""}`];
  if (ctx.runUrl) parts.push(`[workflow run](${ctx.runUrl})`, `[report artifact](${ctx.runUrl}#artifacts)`);
  parts.push(`chatml-quality-gate ${escapeInline(report.tool.version, 20)}`);
  return ["", `<sub>${parts.join(" · ")}</sub>`];
}

function driverText(ctx: MarkdownContext, d: Driver): string {
  if (!d.path) return escapeInline(d.text, 300);
  const at = d.line && d.line > 0 ? `, first at ${hasRepo(ctx) ? `[line ${fmt(d.line)}](${blobUrl(ctx, d.path, d.line)})` : `line ${fmt(d.line)}`}` : "";
  return `${escapeInline(d.path, 300)}: ${escapeInline(d.text, 300)}${at}`;
}

const STATUS: Record<CheckView["status"], string> = { fail: "❌", warn: "⚠️", known: "☑️", pass: "✅" };

/** The checks that did not pass (and, with fail-on-new, the ones let through as known), with what drives them. */
export function checksSection(ctx: MarkdownContext, views: CheckView[]): string[] {
  const shown = views.filter((v) => v.status !== "pass");
  if (shown.length === 0) return [];
  const rank = { fail: 0, warn: 1, known: 2, pass: 3 };
  const rows = shown
    .sort((a, b) => rank[a.status] - rank[b.status])
    .map((v) => {
      const drivers = v.drivers.map((d) => driverText(ctx, d));
      const known = v.status === "known" && v.message ? [escapeInline(v.message, 300)] : [];
      return [`${STATUS[v.status]} ${escapeInline(v.name, 80)}`, escapeInline(v.actual, 40), escapeInline(v.crossed ?? v.limit, 60), [...known, ...drivers].join("<br>") || "–"];
    });
  return ["", ...table(["Check", "Actual", "Limit", "Where"], rows, ["---", "---:", "---:", "---"])];
}

/** "data/a.jsonl:4, lines 9 and 12; data/b.jsonl:1": each file named once, its lines linked; 🆕 after new ones. */
function locations(ctx: MarkdownContext, all: RuleGroup["first"], markNew: boolean): string[] {
  const seen = new Set<string>();
  const xs = all.filter((x) => !seen.has(`${x.path}\0${x.line}`) && !!seen.add(`${x.path}\0${x.line}`));
  const out: string[] = [];
  for (let i = 0; i < xs.length; ) {
    let j = i + 1;
    while (j < xs.length && xs[j].path === xs[i].path && xs[j].line > 0) j++;
    const mark = (x: RuleGroup["first"][number]) => (markNew && x.new ? " 🆕" : "");
    const rest = xs.slice(i + 1, j).map((x) => (hasRepo(ctx) ? `[${fmt(x.line)}](${blobUrl(ctx, x.path, x.line)})` : fmt(x.line)) + mark(x));
    const lines = rest.length === 0 ? "" : `, line${rest.length > 1 ? "s" : ""} ${rest.join(", ")}`;
    out.push(`${fileLink(ctx, xs[i].path, xs[i].line)}${mark(xs[i])}${lines}`);
    i = j;
  }
  return out;
}

function groupLine(ctx: MarkdownContext, g: RuleGroup, d: Detail): string[] {
  const icon = g.severity === "error" ? "❌" : "⚠️";
  const where = g.files.length > 1 ? ` in ${fmt(g.files.length)} files` : "";
  const fresh = g.newCount === undefined ? "" : g.newCount === 0 ? " · already on the base" : g.newCount >= g.count ? " · **new**" : ` · **${fmt(g.newCount)} new**`;
  const shown = g.first.slice(0, d.locations);
  const locs = locations(ctx, shown, g.newCount !== undefined && g.newCount < g.count);
  const more = locs.length === 0 ? " (not listed: over max-findings; the counts are complete)" : g.count > shown.length ? ` and ${fmt(g.count - shown.length)} more` : "";
  const files = locs.length === 0 && g.files.length > 0 ? ` in ${g.files.slice(0, 3).map((f) => fileLink(ctx, f.path)).join(", ")}` : "";
  const head = `- ${icon} **${ruleLink(g.rule)}** ×${fmt(g.count)}${files ? "" : where}${fresh}${locs.length ? ": " + locs.join("; ") : files}${more}`;
  return [`${head}\\`, `  ${escapeInline(shorten(g.message, d.message), d.message + 10)}`];
}

export function findingsSection(ctx: MarkdownContext, report: Report, d: Detail, collapseOver: number): string[] {
  const groups = ruleGroups(report, d.locations);
  if (groups.length === 0) return [];
  const errors = groups.filter((g) => g.severity === "error").reduce((n, g) => n + g.count, 0);
  const warnings = groups.reduce((n, g) => n + g.count, 0) - errors;
  const title = `Findings by rule: ${[errors ? plural(errors, "error") : "", warnings ? plural(warnings, "warning") : ""].filter(Boolean).join(", ")} from ${plural(groups.length, "rule")}`;
  const body = groups.flatMap((g) => groupLine(ctx, g, d));
  if (groups.length > collapseOver) return ["", `<details><summary>${escapeHtml(title)}</summary>`, "", ...body, "", "</details>"];
  return ["", `**${escapeInline(title, 200)}**`, "", ...body];
}

/** Passing report: the figures a reader checks at a glance, after the counts. */
function keyFigures(v: ReportView): string {
  const parts: string[] = [];
  if (v.exact?.rate !== undefined) parts.push(`duplicates **${pct(v.exact.rate)}** exact${v.near?.rate !== undefined ? `, **${pct(v.near.rate)}** near` : ""}`);
  const leaks = v.leakage;
  if (leaks.length > 0) {
    const leaked = leaks.reduce((n, l) => n + (l.exact ?? 0) + (l.near ?? 0), 0);
    parts.push(leaked ? `**${fmt(leaked)}** leaked eval records` : `no leakage in ${plural(leaks.length, "train/eval pair")}`);
  }
  const wd = v.diversity.find(([k]) => k === "windowed distinct-2");
  if (wd) parts.push(`windowed distinct-2 **${escapeInline(wd[1], 20)}**`);
  const total = v.tokens.find(([k]) => k === "total");
  if (total) parts.push(`**${escapeInline(total[1], 30)}** tokens`);
  return parts.join(" · ");
}

function notes(ctx: MarkdownContext): string[] {
  return (ctx.notes ?? []).length > 0 ? ["", ...(ctx.notes ?? []).map((n) => `> ${escapeInline(n, 400)}`)] : [];
}

function elsewhere(ctx: MarkdownContext): string {
  const report = `the JSON report (\`${escapeInline(ctx.reportName ?? "chatml-gate-report.json", 80)}\`${ctx.runUrl ? `, in the [run's artifacts](${ctx.runUrl}#artifacts) when uploaded` : "; upload it as an artifact"})`;
  if (ctx.kind === "comment") {
    const summary = ctx.runUrl ? `the [job summary](${ctx.runUrl})` : "the job summary";
    return `_Some details were left out to fit GitHub's comment size limit; see ${summary} and ${report}._`;
  }
  return `_Some details were left out to fit the job summary size limit; see ${report}._`;
}

/** Secrets and personal data, when any were found (or accepted): one line by kind (the findings and checks above
 * say where and the verdict). */
function privacySection(report: Report): string[] {
  const v = privacyView(report);
  if (!v || v.secrets + v.possibleSecrets + v.pii + v.ignored === 0) return [];
  const parts: string[] = [];
  if (v.secrets > 0) parts.push(`❌ **${fmt(v.secrets)}** secret(s): ${escapeInline(kindList(v.secretKinds), 300)}`);
  if (v.possibleSecrets > 0) parts.push(`⚠️ **${fmt(v.possibleSecrets)}** possible secret(s): ${escapeInline(kindList(v.possibleKinds), 200)}`);
  if (v.pii > 0) parts.push(`⚠️ personal data in **${fmt(v.piiRecords)}** record(s) (${pct(v.piiShare)}): ${escapeInline(kindList(v.piiKinds), 300)}`);
  if (v.ignored > 0) parts.push(`${fmt(v.ignored)} accepted in ${escapeInline(v.ignoreFile ?? "the ignore file", 100)}`);
  return ["", "#### Secrets and personal data", "", parts.join(" · "), "", "_Values are never shown: each finding gives the kind, a public prefix, the length and the field._"];
}

function render(ctx: MarkdownContext, report: Report, v: ReportView, d: Detail, trimmed: boolean): string {
  const views = checkViews(report);
  const lines = [
    ...(ctx.marker ? [ctx.marker] : []),
    ...verdict(report, views, report.passed ? keyFigures(v) : ""),
    ...provenance(ctx, report),
    ...checksSection(ctx, views),
    ...findingsSection(ctx, report, d, report.passed ? 5 : Infinity),
    ...privacySection(report),
    ...comparisonSection(ctx, report, d),
    ...notes(ctx),
    ...detailSections(ctx, report, v, views, d),
    ...(trimmed ? ["", elsewhere(ctx)] : []),
  ];
  return lines.join("\n") + "\n";
}

/** Ordered degradations; each returns a smaller detail level or null when exhausted. */
const STEPS: ((d: Detail) => Detail | null)[] = [
  (d) => (d.datasetInfo ? { ...d, datasetInfo: false } : null),
  (d) => (d.listing > 0 ? { ...d, listing: Math.floor(d.listing / 4) } : null),
  (d) => (d.members > 2 ? { ...d, members: 2 } : null),
  (d) => (d.groups > 0 ? { ...d, groups: 0, openings: Math.min(d.openings, 1) } : null),
  (d) => (d.leakage > 10 ? { ...d, leakage: 10 } : null),
  (d) => (d.files > 10 ? { ...d, files: Math.floor(d.files / 2) } : null),
  (d) => (d.deltaFiles > 10 ? { ...d, deltaFiles: Math.floor(d.deltaFiles / 2) } : null),
  (d) => (d.chart ? { ...d, chart: false } : null),
  (d) => (d.locations > 1 ? { ...d, locations: 1 } : null),
  (d) => (d.message > 160 ? { ...d, message: 160 } : null),
  (d) => (d.leakage > 0 ? { ...d, leakage: 0 } : null),
  (d) => (d.files > 0 ? { ...d, files: 0 } : null),
  (d) => (d.deltaFiles > 0 ? { ...d, deltaFiles: 0 } : null),
];

/** Cut at a line boundary so the result fits `budget` bytes. Last resort. */
function hardCut(text: string, budget: number, tail: string): string {
  const room = budget - bytes(tail) - 2;
  let out = "";
  for (const line of text.split("\n")) {
    if (bytes(out) + bytes(line) + 1 > room) break;
    out += line + "\n";
  }
  // A cut inside a collapsed block would leave it open: close it.
  const open = (out.match(/<details>/g) ?? []).length - (out.match(/<\/details>/g) ?? []).length;
  return out + "\n" + "</details>\n".repeat(Math.max(0, open)) + tail + "\n";
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
    ...(hasRepo(ctx) ? provenanceLine(ctx) : []),
    ...notes(ctx),
  ].join("\n") + "\n";
}

function provenanceLine(ctx: MarkdownContext): string[] {
  const repo = `${ctx.serverUrl}/${encodeURIComponent(ctx.owner)}/${encodeURIComponent(ctx.repo)}`;
  const parts = [`Checked [\`${escapeInline(ctx.sha.slice(0, 7), 12)}\`](${repo}/commit/${encodeURIComponent(ctx.sha)})`];
  if (ctx.runUrl) parts.push(`[workflow run](${ctx.runUrl})`);
  return ["", `<sub>${parts.join(" · ")}</sub>`];
}

/** The context for Markdown written outside the action (CLI): links when the GitHub Actions environment names the
 * repository and commit (GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_SHA, GITHUB_RUN_ID), plain text otherwise. */
export function contextFromEnv(env: NodeJS.ProcessEnv, kind: MarkdownContext["kind"]): MarkdownContext {
  const [owner = "", repo = ""] = (env.GITHUB_REPOSITORY ?? "").split("/");
  const serverUrl = (env.GITHUB_SERVER_URL || (owner ? "https://github.com" : "")).replace(/\/+$/, "");
  const sha = env.GITHUB_SHA ?? "";
  const runUrl = env.GITHUB_RUN_ID && owner && repo && serverUrl ? `${serverUrl}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}` : undefined;
  return { owner, repo, sha, serverUrl, runUrl, kind };
}

// The audit issue's own body (schedule / workflow_dispatch with audit-issue: true): status, since when, the commit and
// run last checked, what changed since the last audit, then the failing checks and the findings by rule. Every audit
// rewrites it ("last checked" moves on), so a dataset that stays broken never shows a stale issue. The figures of the
// last audit travel in the body itself, in a hidden comment (base64url JSON: nothing in it can end the comment).
import type { Report } from "../engine/report.js";
import { escapeInline } from "./escape.js";
import { fmt } from "./report-view.js";
import { checkViews } from "./check-drivers.js";
import { ruleGroups } from "./rule-groups.js";
import { gateTable, fileTable, type Detail } from "./markdown-details.js";
import { checksSection, findingsSection, FULL, provenance } from "./markdown.js";
import { hasRepo, type MarkdownContext } from "./markdown-context.js";

export interface AuditState {
  v: 1;
  /** When the audit started failing (ISO time) and at which commit. */
  since: string;
  sinceSha: string;
  /** The last audit: when, which commit, what it found. */
  checked: string;
  sha: string;
  errors: number;
  warnings: number;
  failed: string[];
  rules: Record<string, number>;
}

const STATE = "<!-- chatml-quality-gate:audit-state:";

export function readAuditState(body: string | null | undefined): AuditState | undefined {
  const at = (body ?? "").lastIndexOf(STATE);
  if (at < 0) return undefined;
  const end = body!.indexOf(" -->", at);
  try {
    const s = JSON.parse(Buffer.from(body!.slice(at + STATE.length, end), "base64url").toString("utf8")) as AuditState;
    return s && s.v === 1 && typeof s.since === "string" && typeof s.sha === "string" && s.rules && typeof s.rules === "object" ? s : undefined;
  } catch {
    return undefined;
  }
}

function writeState(s: AuditState): string {
  return `${STATE}${Buffer.from(JSON.stringify(s), "utf8").toString("base64url")} -->`;
}

/** "2026-05-03 03:12 UTC" */
export function when(iso: string): string {
  return iso.slice(0, 16).replace("T", " ") + " UTC";
}

function stateOf(report: Report, sha: string, now: Date, prev: AuditState | undefined): AuditState {
  const rules: Record<string, number> = {};
  for (const g of ruleGroups(report, 0)) rules[g.rule] = g.count;
  const failed = checkViews(report, 0)
    .filter((c) => c.status === "fail")
    .map((c) => c.name);
  const iso = now.toISOString();
  return { v: 1, since: prev?.since ?? iso, sinceSha: prev?.sinceSha ?? sha, checked: iso, sha, errors: report.summary.errors, warnings: report.summary.warnings, failed, rules };
}

/** One line: what moved since the last audit. */
export function changesSince(prev: AuditState, now: AuditState): string {
  const parts: string[] = [];
  const move = (label: string, a: number, b: number) => {
    if (a !== b) parts.push(`${label} ${fmt(a)} → ${fmt(b)}`);
  };
  move("errors", prev.errors, now.errors);
  move("warnings", prev.warnings, now.warnings);
  const newly = now.failed.filter((c) => !prev.failed.includes(c));
  const fixed = prev.failed.filter((c) => !now.failed.includes(c));
  if (newly.length) parts.push(`now failing: ${newly.join(", ")}`);
  if (fixed.length) parts.push(`now passing: ${fixed.join(", ")}`);
  const appeared = Object.keys(now.rules).filter((r) => !(r in prev.rules));
  const gone = Object.keys(prev.rules).filter((r) => !(r in now.rules));
  if (appeared.length) parts.push(`new rules firing: ${appeared.map((r) => `${r} ×${fmt(now.rules[r])}`).join(", ")}`);
  if (gone.length) parts.push(`no longer firing: ${gone.join(", ")}`);
  const same = parts.length === 0;
  const commit = prev.sha === now.sha ? "same commit" : `commit ${prev.sha.slice(0, 7)} → ${now.sha.slice(0, 7)}`;
  return same ? `no change in the findings; ${commit}` : `${parts.join(" · ")}; ${commit}`;
}

export interface AuditBody {
  body: string;
  state: AuditState;
}

const LIMIT = 60_000;

/** The body of a failing audit's issue. `prev`: the state found in the issue's current body, if any. */
export function renderAuditBody(report: Report, ctx: MarkdownContext, prev: AuditState | undefined, now: Date): AuditBody {
  const state = stateOf(report, ctx.sha, now, prev);
  const views = checkViews(report);
  const failed = views.filter((v) => v.status === "fail");
  const s = report.summary;
  const title = `### ❌ Dataset audit failing${failed.length ? `: ${escapeInline(failed.slice(0, 3).map((v) => v.name).join(", ") + (failed.length > 3 ? ", …" : ""), 200)}` : ""}`;
  const sinceCommit = hasRepo(ctx) ? ` at \`${escapeInline(state.sinceSha.slice(0, 7), 12)}\`` : "";
  const status = `Failing since **${when(state.since)}**${sinceCommit} · last checked **${when(state.checked)}**`;
  const counts = `**${fmt(s.files)}** files · **${fmt(s.records)}** records · **${fmt(s.errors)}** errors · **${fmt(s.warnings)}** warnings`;
  const since = prev ? `**Since the last audit** (${when(prev.checked)}): ${escapeInline(changesSince(prev, state), 1000)}.` : "**First failing audit** of this issue.";
  const build = (d: Detail) =>
    [
      ...(ctx.marker ? [ctx.marker] : []),
      title,
      "",
      `${status}\\`,
      counts,
      ...provenance(ctx, report),
      "",
      since,
      ...checksSection(ctx, views),
      ...findingsSection(ctx, report, d, Infinity),
      ...gateTable(views),
      ...fileTable(ctx, report, d),
      "",
      writeState(state),
    ].join("\n") + "\n";
  let body = build(FULL.comment);
  if (body.length > LIMIT) body = build({ ...FULL.comment, locations: 1, message: 160, files: 20 });
  if (body.length > LIMIT) body = build({ ...FULL.comment, locations: 0, message: 80, files: 0 });
  return { body, state };
}

/** The comment that closes the issue when an audit passes again. */
export function renderAuditClose(ctx: MarkdownContext, prev: AuditState | undefined, now: Date): string {
  const repo = `${ctx.serverUrl}/${encodeURIComponent(ctx.owner)}/${encodeURIComponent(ctx.repo)}`;
  const commit = hasRepo(ctx) ? `[\`${escapeInline(ctx.sha.slice(0, 7), 12)}\`](${repo}/commit/${encodeURIComponent(ctx.sha)})` : `\`${escapeInline(ctx.sha.slice(0, 7), 12)}\``;
  const run = ctx.runUrl ? ` in [this run](${ctx.runUrl})` : "";
  const since = prev ? ` It had been failing since ${when(prev.since)}.` : "";
  return `✅ The dataset audit passed at ${commit}${run} on ${when(now.toISOString())}.${since} Closing.`;
}

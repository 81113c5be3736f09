// What the Markdown reports link to (the repository at a commit, rule docs) and the small pieces every section uses.
import { docUrl } from "../engine/rules/registry.js";
import { encodePath, escapeInline, link } from "./escape.js";
import { fmt } from "./report-view.js";

export interface MarkdownContext {
  owner: string;
  repo: string;
  /** Commit for blob links and the "checked" line (PR head). */
  sha: string;
  serverUrl: string;
  runUrl?: string;
  /** Hidden marker placed on the first line (sticky comments / audit issues). */
  marker?: string;
  kind: "comment" | "summary";
  budgetBytes?: number;
  /** Extra lines (file selection notes, annotation caps); rendered escaped, after the comparison. */
  notes?: string[];
  /** Name of the JSON report file, for "where the rest is". */
  reportName?: string;
  /** Why there is no comparison with a base version, in one line (shown where the comparison would be). */
  baseNote?: string;
  /** Words after the commit, e.g. "head of this pull request". */
  commitNote?: string;
}

export function hasRepo(ctx: MarkdownContext): boolean {
  return !!(ctx.owner && ctx.repo && ctx.sha && ctx.serverUrl);
}

export function blobUrl(ctx: MarkdownContext, path: string, line?: number): string {
  const base = `${ctx.serverUrl}/${encodeURIComponent(ctx.owner)}/${encodeURIComponent(ctx.repo)}/blob/${encodeURIComponent(ctx.sha)}/${encodePath(path)}`;
  return line && line > 0 ? `${base}#L${line}` : base;
}

/** A link to the file (and line) at the commit; plain text when there is no repository (CLI outside Actions). */
export function fileLink(ctx: MarkdownContext, path: string, line?: number): string {
  const label = line && line > 0 ? `${path}:${line}` : path;
  return hasRepo(ctx) ? link(label, blobUrl(ctx, path, line), 300) : escapeInline(label, 300);
}

/** Rule ID linked to its entry in docs/rules.md. */
export function ruleLink(rule: string): string {
  return /^[a-z0-9-]+$/.test(rule) ? `[${escapeInline(rule, 60)}](${docUrl(rule)})` : escapeInline(rule, 60);
}

/** "(4 valid)" when some records are not valid (valid = no error: what min-examples counts), else "". */
export function validNote(all: number, valid: number | undefined): string {
  return typeof valid !== "number" || valid === all ? "" : ` (${fmt(valid)} valid)`;
}

export function table(head: string[], rows: string[][], align?: string[]): string[] {
  return [`| ${head.join(" | ")} |`, `| ${(align ?? head.map(() => "---")).join(" | ")} |`, ...rows.map((r) => `| ${r.join(" | ")} |`)];
}

/** Text inside our own HTML (a <summary>): escaped, with mentions and issue references defused as in escapeInline. */
export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/@(?=[A-Za-z0-9])/g, "@\u200b")
    .replace(/#(?=[0-9])/g, "#\u200b");
}


// Audit issue (schedule / workflow_dispatch with audit-issue: true): a failing audit opens or updates one labelled
// issue (its body: render/audit.ts, written from the issue's current body so it can say what changed); a passing
// audit closes it with a comment.
import type { Octokit } from "./github.js";

export function auditMarker(key: string): string {
  return `<!-- chatml-quality-gate:audit:${key} -->`;
}

interface Issue {
  number: number;
  body?: string | null;
  html_url: string;
  pull_request?: unknown;
}

export interface AuditResult {
  action: "opened" | "updated" | "unchanged" | "closed" | "none";
  url?: string;
  number?: number;
}

export async function findAuditIssue(octokit: Octokit, owner: string, repo: string, label: string, marker: string): Promise<Issue | undefined> {
  const issues = (await octokit.paginate("GET /repos/{owner}/{repo}/issues", {
    owner,
    repo,
    state: "open",
    labels: label,
    per_page: 100,
  })) as Issue[];
  return issues
    .filter((i) => !i.pull_request && (i.body ?? "").trimStart().startsWith(marker))
    .sort((a, b) => a.number - b.number)[0];
}

export async function syncAuditIssue(
  octokit: Octokit,
  a: {
    owner: string;
    repo: string;
    label: string;
    marker: string;
    passed: boolean;
    title: string;
    /** The body, from the open issue's current body (undefined when there is none). */
    body: (current: string | undefined) => string;
    closeNote: (current: string | undefined) => string;
  },
): Promise<AuditResult> {
  const existing = await findAuditIssue(octokit, a.owner, a.repo, a.label, a.marker);
  const base = { owner: a.owner, repo: a.repo };
  if (a.passed) {
    if (!existing) return { action: "none" };
    await octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", { ...base, issue_number: existing.number, body: a.closeNote(existing.body ?? undefined) });
    await octokit.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", {
      ...base,
      issue_number: existing.number,
      state: "closed",
      state_reason: "completed",
    });
    return { action: "closed", url: existing.html_url, number: existing.number };
  }
  if (existing) {
    const body = a.body(existing.body ?? undefined);
    if ((existing.body ?? "") === body) return { action: "unchanged", url: existing.html_url, number: existing.number };
    await octokit.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", { ...base, issue_number: existing.number, body });
    return { action: "updated", url: existing.html_url, number: existing.number };
  }
  const res = await octokit.request("POST /repos/{owner}/{repo}/issues", { ...base, title: a.title, body: a.body(undefined), labels: [a.label] });
  const created = res.data as Issue;
  return { action: "opened", url: created.html_url, number: created.number };
}

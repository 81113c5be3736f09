// Audit issue (schedule / workflow_dispatch with audit-issue: true): a failing audit opens or updates one labelled
// issue carrying the report; a passing audit closes it with a comment.
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
  a: { owner: string; repo: string; label: string; marker: string; passed: boolean; body: string; title: string; closeNote: string },
): Promise<AuditResult> {
  const existing = await findAuditIssue(octokit, a.owner, a.repo, a.label, a.marker);
  const base = { owner: a.owner, repo: a.repo };
  if (a.passed) {
    if (!existing) return { action: "none" };
    await octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", { ...base, issue_number: existing.number, body: a.closeNote });
    await octokit.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", {
      ...base,
      issue_number: existing.number,
      state: "closed",
      state_reason: "completed",
    });
    return { action: "closed", url: existing.html_url, number: existing.number };
  }
  if (existing) {
    if ((existing.body ?? "") === a.body) return { action: "unchanged", url: existing.html_url, number: existing.number };
    await octokit.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", { ...base, issue_number: existing.number, body: a.body });
    return { action: "updated", url: existing.html_url, number: existing.number };
  }
  const res = await octokit.request("POST /repos/{owner}/{repo}/issues", { ...base, title: a.title, body: a.body, labels: [a.label] });
  const created = res.data as Issue;
  return { action: "opened", url: created.html_url, number: created.number };
}

// Sticky PR comment: one per pull request and comment-key, found by the hidden marker on its first line.
// Updated in place, extra copies deleted (heal), left alone when the body is unchanged.
import type { Octokit } from "./github.js";

export type CommentMode = "always" | "on-failure" | "never";

export function commentMarker(key: string): string {
  return `<!-- chatml-quality-gate:${key} -->`;
}

export interface IssueComment {
  id: number;
  body?: string | null;
  html_url: string;
  user?: { login: string; type?: string } | null;
}

export interface CommentResult {
  action: "created" | "updated" | "unchanged" | "skipped";
  url?: string;
  deleted: number;
}

/**
 * Our comments among `comments`: body starts with the marker and, of those, only one author's — a bot's if any
 * (the default token writes as github-actions[bot]), else the author of the oldest. Others' copies are never touched.
 */
export function ownComments(comments: IssueComment[], marker: string, author?: string): IssueComment[] {
  const marked = comments.filter((c) => (c.body ?? "").trimStart().startsWith(marker));
  if (marked.length === 0) return [];
  const who = author ?? (marked.find((c) => c.user?.type === "Bot") ?? marked[0]).user?.login;
  return marked.filter((c) => c.user?.login === who).sort((a, b) => a.id - b.id);
}

export interface UpsertArgs {
  owner: string;
  repo: string;
  issueNumber: number;
  marker: string;
  body: string;
  mode: CommentMode;
  passed: boolean;
  /** Only update an existing comment, never create one (e.g. "nothing to check"). */
  updateOnly?: boolean;
  author?: string;
}

export async function upsertComment(octokit: Octokit, a: UpsertArgs): Promise<CommentResult> {
  if (a.mode === "never") return { action: "skipped", deleted: 0 };
  const comments = (await octokit.paginate("GET /repos/{owner}/{repo}/issues/{issue_number}/comments", {
    owner: a.owner,
    repo: a.repo,
    issue_number: a.issueNumber,
    per_page: 100,
  })) as IssueComment[];
  const mine = ownComments(comments, a.marker, a.author);
  const [keep, ...extra] = mine;
  const heal = async (): Promise<number> => {
    let n = 0;
    for (const c of extra) {
      await octokit.request("DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}", { owner: a.owner, repo: a.repo, comment_id: c.id });
      n++;
    }
    return n;
  };
  if (keep) {
    if ((keep.body ?? "") === a.body) return { action: "unchanged", url: keep.html_url, deleted: await heal() };
    const res = await octokit.request("PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}", {
      owner: a.owner,
      repo: a.repo,
      comment_id: keep.id,
      body: a.body,
    });
    return { action: "updated", url: (res.data as IssueComment).html_url ?? keep.html_url, deleted: await heal() };
  }
  // on-failure: a passing run only updates an existing comment.
  if (a.updateOnly || (a.mode === "on-failure" && a.passed)) return { action: "skipped", deleted: 0 };
  const res = await octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
    owner: a.owner,
    repo: a.repo,
    issue_number: a.issueNumber,
    body: a.body,
  });
  return { action: "created", url: (res.data as IssueComment).html_url, deleted: 0 };
}

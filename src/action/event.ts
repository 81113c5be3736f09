// What the triggering event tells us: repository, pull request (if any), the commit to link to.
import { readFileSync } from "node:fs";

export interface PullRequestInfo {
  number: number;
  headSha?: string;
  baseSha?: string;
  /** The head repository differs from the base (fork): the default token is read-only. */
  fromFork: boolean;
}

export interface EventInfo {
  name: string;
  owner: string;
  repo: string;
  /** Commit the links in the report point at (PR head, else GITHUB_SHA). */
  sha: string;
  serverUrl: string;
  runUrl?: string;
  pr?: PullRequestInfo;
  isPullRequest: boolean;
}

export const PR_EVENTS = new Set(["pull_request", "pull_request_target"]);
export const AUDIT_EVENTS = new Set(["schedule", "workflow_dispatch"]);

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | undefined => (v !== null && typeof v === "object" ? (v as Json) : undefined);
const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);

export function readPayload(env: NodeJS.ProcessEnv = process.env): Json {
  const p = env.GITHUB_EVENT_PATH;
  if (!p) return {};
  try {
    return obj(JSON.parse(readFileSync(p, "utf8"))) ?? {};
  } catch {
    return {};
  }
}

export function readEvent(env: NodeJS.ProcessEnv = process.env, payload: Json = readPayload(env)): EventInfo {
  const name = env.GITHUB_EVENT_NAME ?? "";
  const repoFull = str(env.GITHUB_REPOSITORY) ?? str(obj(payload.repository)?.full_name) ?? "/";
  const [owner = "", repo = ""] = repoFull.split("/");
  const serverUrl = (env.GITHUB_SERVER_URL || "https://github.com").replace(/\/+$/, "");
  const isPullRequest = PR_EVENTS.has(name);
  const pull = obj(payload.pull_request);
  let pr: PullRequestInfo | undefined;
  const number = Number(pull?.number ?? payload.number);
  if (isPullRequest && Number.isInteger(number) && number > 0) {
    const head = obj(pull?.head);
    const base = obj(pull?.base);
    const headRepo = str(obj(head?.repo)?.full_name);
    const baseRepo = str(obj(base?.repo)?.full_name);
    pr = { number, headSha: str(head?.sha), baseSha: str(base?.sha), fromFork: !!headRepo && !!baseRepo && headRepo !== baseRepo };
  }
  const runId = str(env.GITHUB_RUN_ID);
  return {
    name,
    owner,
    repo,
    sha: pr?.headSha ?? str(env.GITHUB_SHA) ?? "HEAD",
    serverUrl,
    runUrl: runId && owner ? `${serverUrl}/${owner}/${repo}/actions/runs/${runId}` : undefined,
    pr,
    isPullRequest,
  };
}

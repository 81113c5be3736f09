// What the triggering event tells us: repository, pull request (if any), the commit to link to.
import { readFileSync } from "node:fs";

export interface PullRequestInfo {
  number: number;
  headSha?: string;
  baseSha?: string;
  /** The head repository differs from the base (fork): the default token is read-only. */
  fromFork: boolean;
}

/** A `workflow_run` event: the run that finished, for posting its comment from a privileged workflow. */
export interface WorkflowRunInfo {
  /** The event that triggered the finished run (pull_request for the fork recipe). */
  event?: string;
  headSha?: string;
  headBranch?: string;
  /** owner/name of the repository the head commit is in (the fork). */
  headRepository?: string;
  /** Pull requests the payload names with their head commit (empty for pull requests from forks). */
  pullRequests: { number: number; headSha?: string }[];
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
  /** push: the commit the branch pointed at before the push (undefined when the push created the branch). */
  before?: string;
  /** push: the push created the branch (its `before` is all zeros). */
  created?: boolean;
  workflowRun?: WorkflowRunInfo;
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
  const rawBefore = name === "push" ? str(payload.before) : undefined;
  const created = rawBefore !== undefined && /^0+$/.test(rawBefore);
  const wr = name === "workflow_run" ? obj(payload.workflow_run) : undefined;
  const workflowRun: WorkflowRunInfo | undefined = wr
    ? {
        event: str(wr.event),
        headSha: str(wr.head_sha),
        headBranch: str(wr.head_branch),
        headRepository: str(obj(wr.head_repository)?.full_name),
        pullRequests: (Array.isArray(wr.pull_requests) ? wr.pull_requests : [])
          .map(obj)
          .filter((p): p is Json => !!p && Number.isInteger(p.number))
          .map((p) => ({ number: p.number as number, headSha: str(obj(p.head)?.sha) })),
      }
    : undefined;
  return {
    name,
    owner,
    repo,
    sha: pr?.headSha ?? str(env.GITHUB_SHA) ?? "HEAD",
    serverUrl,
    runUrl: runId && owner ? `${serverUrl}/${owner}/${repo}/actions/runs/${runId}` : undefined,
    pr,
    isPullRequest,
    before: created ? undefined : rawBefore,
    created: name === "push" ? created : undefined,
    workflowRun,
  };
}

// Octokit with retry + throttling. Base URL from GITHUB_API_URL (GHES: https://host/api/v3).
// CHATML_GATE_RETRY_DELAY_MS shrinks the retry/back-off base (default 1000 ms); tests set it to a few ms.
import * as core from "@actions/core";
import { getOctokit } from "@actions/github";
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";

export type Octokit = ReturnType<typeof getOctokit>;

export function retryDelayMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.CHATML_GATE_RETRY_DELAY_MS;
  const n = raw === undefined || raw === "" ? NaN : Number(raw);
  return Number.isFinite(n) && n >= 0 ? n : 1000;
}

export function apiBaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return (env.GITHUB_API_URL || "https://api.github.com").replace(/\/+$/, "");
}

export function createOctokit(token: string, env: NodeJS.ProcessEnv = process.env): Octokit {
  const base = retryDelayMs(env);
  return getOctokit(
    token,
    {
      baseUrl: apiBaseUrl(env),
      retry: { retries: 3, retryAfterBaseValue: base },
      throttle: {
        retryAfterBaseValue: base,
        fallbackSecondaryRateRetryAfter: 60,
        onRateLimit: (retryAfter: number, options: { method: string; url: string }, _o: unknown, retryCount: number) => {
          core.info(`GitHub API rate limit on ${options.method} ${options.url}; retry after ${retryAfter}s.`);
          return retryCount < 2 && retryAfter <= 120;
        },
        onSecondaryRateLimit: (retryAfter: number, options: { method: string; url: string }, _o: unknown, retryCount: number) => {
          core.info(`GitHub API secondary rate limit on ${options.method} ${options.url}; retry after ${retryAfter}s.`);
          return retryCount < 2 && retryAfter <= 120;
        },
      },
      log: { debug: () => {}, info: () => {}, warn: (m: string) => core.debug(m), error: (m: string) => core.debug(m) },
    },
    retry,
    throttling,
  );
}

/** A one-line description of an API failure for a warning. */
export function describeApiError(err: unknown): string {
  const e = err as { status?: number; message?: string; response?: unknown };
  // Octokit gives a request that got no response at all (connection refused, DNS, TLS) status 500 and no response:
  // it is not an HTTP 500 from GitHub.
  const network = e?.status === 500 && e.response === undefined;
  const status = network ? `network error (no response from ${apiBaseUrl()}): ` : typeof e?.status === "number" ? `HTTP ${e.status}: ` : "";
  const msg = String(e?.message ?? err).split("\n")[0].slice(0, 300);
  const hint =
    e?.status === 403 || e?.status === 404
      ? " (the token may be read-only, e.g. on a pull request from a fork; grant `pull-requests: write` / `issues: write` or use pull_request_target carefully)"
      : "";
  return `${status}${msg}${hint}`;
}

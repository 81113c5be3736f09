// Runs the BUNDLED action (dist/index.js) the way the runner does: a node child process with INPUT_* and GITHUB_*
// environment, event payload file, GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files, and a real HTTP server as the API.
// A test file calls useHarness() once at its top level; each file gets its own fake API and scratch folder.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { FakeGitHub } from "./fake-github.js";

export const DIST = resolve(process.env.CHATML_GATE_DIST ?? "dist/index.js");
// .ci/run runs this file a second time with Node 24 (the action's runtime) in CHATML_GATE_NODE.
export const NODE = process.env.CHATML_GATE_NODE ?? process.execPath;
export const MARKER = "<!-- chatml-quality-gate:default -->";
// Keep the verdict about validation and example count (analysis thresholds off), so small fixtures are stable.
export const RELAXED = {
  "max-opening-share": "off",
  "max-compression-ratio": "off",
  "min-windowed-distinct-2": "off",
  "max-boilerplate-share": "off",
  "max-near-duplicate-rate": "off",
};

export interface RunResult {
  code: number | null;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
}

export const gh = new FakeGitHub();
let root: string;
export const scratch = () => root;

export function goodLines(n = 12, salt = ""): string {
  const topics = ["rivers", "volcanoes", "prime numbers", "sourdough", "glaciers", "chess openings", "tides", "bees", "comets", "origami", "jazz", "compilers", "lichens", "kites", "eclipses"];
  return Array.from({ length: n }, (_, i) => {
    const t = topics[i % topics.length];
    return JSON.stringify({
      messages: [
        { role: "user", content: `Question ${i}${salt}: tell me one surprising fact about ${t}, in ${i + 2} words or so.` },
        { role: "assistant", content: `Fact number ${i} on ${t}: it varies ${i * 7 + 3} ways depending on season ${salt}.` },
      ],
    });
  }).join("\n") + "\n";
}

export function workspace(files: Record<string, string>): string {
  const ws = mkdtempSync(join(root, "ws-"));
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(join(ws, p, ".."), { recursive: true });
    writeFileSync(join(ws, p), text);
  }
  return ws;
}

export function prPayload(number = 7, fork = false) {
  return {
    action: "synchronize",
    number,
    pull_request: {
      number,
      head: { sha: "1111111111111111111111111111111111111111", ref: "feature", repo: { full_name: fork ? "someone/r" : "o/r" } },
      base: { sha: "2222222222222222222222222222222222222222", ref: "main", repo: { full_name: "o/r" } },
    },
    repository: { full_name: "o/r", name: "r", owner: { login: "o" } },
  };
}

export function runAction(ws: string, event: string, payload: unknown, inputs: Record<string, string> = {}, apiUrl = gh.url, extraEnv: Record<string, string> = {}): Promise<RunResult> {
  const dir = mkdtempSync(join(root, "run-"));
  const files = { event: join(dir, "event.json"), output: join(dir, "output"), summary: join(dir, "summary.md") };
  writeFileSync(files.event, JSON.stringify(payload));
  writeFileSync(files.output, "");
  writeFileSync(files.summary, "");
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: "true",
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_WORKSPACE: ws,
    GITHUB_REPOSITORY: "o/r",
    GITHUB_SHA: "3333333333333333333333333333333333333333",
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_API_URL: apiUrl,
    GITHUB_RUN_ID: "99",
    RUNNER_TEMP: dir,
    CHATML_GATE_RETRY_DELAY_MS: "5",
    ...extraEnv,
  };
  const all = { "github-token": "test-token", ...RELAXED, ...inputs };
  for (const [k, v] of Object.entries(all)) env[`INPUT_${k.toUpperCase()}`] = v;
  return new Promise((done) => {
    execFile(NODE, [DIST], { env, cwd: ws, timeout: 60_000 }, (err, stdout) => {
      const outputs: Record<string, string> = {};
      const text = readFileSync(files.output, "utf8");
      for (const m of text.matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n?\2$/gm)) outputs[m[1]] = m[3];
      done({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, outputs, summary: readFileSync(files.summary, "utf8") });
    });
  });
}

export const prComments = (n = 7) => gh.comments.get(n) ?? [];

/** Starts the fake API and the scratch folder for the calling test file, and resets the API between tests. */
export function useHarness(): void {
  beforeAll(async () => {
    if (!existsSync(DIST)) throw new Error(`${DIST} is missing: run \`npm run bundle\` first (the e2e tests run the bundled action).`);
    root = mkdtempSync(join(tmpdir(), "chatml-gate-e2e-"));
    await gh.start();
  });
  afterAll(async () => {
    await gh.stop();
    rmSync(root, { recursive: true, force: true });
  });
  beforeEach(() => gh.reset());
}

// The example workflows are what users copy: they must parse, use this action with inputs it has, and follow the
// documented habits (a concurrency group per PR, least-privilege permissions).
import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import YAML from "yaml";
import { ROOT } from "./helpers/paths.js";

const action = YAML.parse(readFileSync(join(ROOT, "action.yml"), "utf8"));
const inputs = new Set(Object.keys(action.inputs));
const dir = join(ROOT, "examples", "workflows");

describe("example workflows", () => {
  const files = readdirSync(dir).filter((f) => f.endsWith(".yml"));
  it("are the documented ones", () => expect(files.sort()).toEqual(["fix-pr.yml", "fork-pr-check.yml", "fork-pr-comment.yml", "nightly-audit.yml", "pr-check.yml", "release-gate.yml", "sharded-check.yml"]));
  it("docs/scaling.md shows the sharded workflow as it is", () => {
    expect(readFileSync(join(ROOT, "docs", "scaling.md"), "utf8")).toContain(readFileSync(join(dir, "sharded-check.yml"), "utf8"));
  });
  for (const f of files) {
    it(`${f} uses only inputs the action has`, () => {
      const wf = YAML.parse(readFileSync(join(dir, f), "utf8"));
      expect(wf.permissions?.contents).toBe("read");
      const steps = Object.values(wf.jobs as Record<string, { steps: { uses?: string; with?: Record<string, unknown> }[] }>).flatMap((j) => j.steps);
      const ours = steps.filter((s) => s.uses?.startsWith("chatml-quality-gate/chatml-quality-gate@"));
      expect(ours.length).toBeGreaterThan(0);
      for (const s of ours) for (const k of Object.keys(s.with ?? {})) expect(inputs, `${f}: input ${k}`).toContain(k);
    });
  }
  it("docs/action.md shows the fork recipe as it is, and its two halves fit together", () => {
    const doc = readFileSync(join(ROOT, "docs", "action.md"), "utf8");
    for (const f of ["fork-pr-check.yml", "fork-pr-comment.yml"]) expect(doc).toContain(readFileSync(join(dir, f), "utf8"));
    const check = YAML.parse(readFileSync(join(dir, "fork-pr-check.yml"), "utf8"));
    const post = YAML.parse(readFileSync(join(dir, "fork-pr-comment.yml"), "utf8"));
    // part 1 cannot write; part 2 listens to part 1 by name, downloads its artifact and posts the file part 1 uploaded
    expect(Object.keys(check.permissions)).toEqual(["contents"]);
    expect(check.on).toHaveProperty("pull_request");
    expect(post.on.workflow_run.workflows).toEqual([check.name]);
    expect(post.permissions["pull-requests"]).toBe("write");
    const upload = check.jobs.gate.steps.find((s: { uses?: string }) => s.uses?.startsWith("actions/upload-artifact@"));
    const download = post.jobs.comment.steps.find((s: { uses?: string }) => s.uses?.startsWith("actions/download-artifact@"));
    expect(download.with.name).toBe(upload.with.name);
    expect(download.with["run-id"]).toBe("${{ github.event.workflow_run.id }}");
    const ours = post.jobs.comment.steps.find((s: { uses?: string }) => s.uses?.startsWith("chatml-quality-gate/"));
    expect(ours.with["post-comment"]).toBe(`${download.with.path}/chatml-gate-comment.md`); // the default comment-path's name
    expect(post.jobs.comment.steps.some((s: { uses?: string }) => s.uses?.startsWith("actions/checkout@"))).toBe(false);
  });
  it("the PR check has a concurrency group per PR", () => {
    const wf = YAML.parse(readFileSync(join(dir, "pr-check.yml"), "utf8"));
    expect(wf.concurrency.group).toContain("github.event.pull_request.number");
  });
});

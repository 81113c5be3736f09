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
  it("are the five documented ones", () => expect(files.sort()).toEqual(["fix-pr.yml", "nightly-audit.yml", "pr-check.yml", "release-gate.yml", "sharded-check.yml"]));
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
  it("the PR check has a concurrency group per PR", () => {
    const wf = YAML.parse(readFileSync(join(dir, "pr-check.yml"), "utf8"));
    expect(wf.concurrency.group).toContain("github.event.pull_request.number");
  });
});

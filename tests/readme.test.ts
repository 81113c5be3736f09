// The README must stay true: its quick start runs, and its rules table lists every rule.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { ROOT } from "./helpers/paths.js";
import { RULES } from "../src/engine/rules/registry.js";

const readme = readFileSync(join(ROOT, "README.md"), "utf8");

describe("README", () => {
  it("lists every rule in its rules table", () => {
    for (const r of RULES) expect(readme, r.id).toContain(`| [\`${r.id}\`](docs/rules.md#${r.id}) | ${r.severity} |`);
  });

  it("has a two-command quick start whose first command runs the gate on examples/", () => {
    const block = /## Quick start[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)![1];
    const commands = block.trim().split("\n").map((l) => l.replace(/#.*$/, "").trim());
    expect(commands).toHaveLength(2);
    expect(commands[0]).toBe("node dist/cli.js check examples/");
    expect(commands[1]).toBe("npm cit");
    const r = spawnSync("sh", ["-c", commands[0]], { cwd: ROOT, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(1); // examples/broken is broken on purpose
    expect(r.stdout).toMatch(/examples\/clean\/train\.jsonl/);
    expect(r.stdout).toMatch(/examples\/broken\/train\.jsonl:\d+: error /);
  });

  it("its example output is the CLI's real output (scripts/readme-example.mjs: npm run readme)", () => {
    const r = spawnSync(process.execPath, ["scripts/readme-example.mjs", "--check"], { cwd: ROOT, encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const block = /<!-- readme-example:start[^>]*-->\n`node dist\/cli\.js (check [^`]+)` \(shortened\):\n\n```\n([\s\S]*?)\n```\n<!-- readme-example:end -->/.exec(readme);
    expect(block).not.toBeNull();
    const run = spawnSync(process.execPath, ["dist/cli.js", ...block![1].split(" ")], { cwd: ROOT, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    expect(run.status).toBe(1);
    const shown = block![2].split("\n").filter((l) => l !== "...");
    for (const line of shown) expect(run.stdout.split("\n"), line).toContain(line);
    expect(block![2]).toMatch(/^FAILED: 2 files, \d+ records/m);
  });

  it("docs/action.md's inputs table is generated from action.yml and up to date", () => {
    const r = spawnSync(process.execPath, ["scripts/action-docs.mjs", "--check"], { cwd: ROOT, encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  it("documents every action input", () => {
    const action = readFileSync(join(ROOT, "action.yml"), "utf8");
    const inputs = [...action.matchAll(/^ {2}([a-z0-9-]+):\n {4}description:/gm)].map((m) => m[1]);
    expect(inputs.length).toBeGreaterThan(15);
    const doc = readFileSync(join(ROOT, "docs", "action.md"), "utf8");
    for (const i of inputs) expect(doc, i).toContain(`\`${i}\``);
  });
});

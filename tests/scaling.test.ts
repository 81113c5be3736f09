// Workers and shards must not change the report: the same input gives the same report, byte for byte, whatever the
// number of worker threads, and the merged shards equal the single run (line numbers included).
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { GEN } from "./helpers/paths.js";
import { runCli, tempDir } from "./helpers/run.js";

const SMALL_CHUNKS = { CHATML_GATE_CHUNK_BYTES: String(512 * 1024) };

function dataset(): string {
  const dir = tempDir({ "data/.keep": "" });
  execFileSync(process.execPath, [GEN, "--examples", "2500", "--out", join(dir, "data", "train.jsonl"), "--seed", "9"], { stdio: "ignore" });
  execFileSync(process.execPath, [GEN, "--examples", "600", "--out", join(dir, "data", "validation.jsonl"), "--seed", "10"], { stdio: "ignore" });
  return dir;
}

describe("workers and shards", () => {
  const dir = dataset();
  const single = runCli(["check", "data", "--format", "json", "--workers", "1"], dir, SMALL_CHUNKS);

  it("the single-thread run over many chunks reports the planted defects at their lines", () => {
    expect([0, 1]).toContain(single.code);
    const report = JSON.parse(single.stdout);
    expect(report.summary.records).toBeGreaterThan(3000);
    const f = report.files.find((x: { path: string }) => x.path === "data/train.jsonl");
    // Lines run on across chunk boundaries: the last finding is near the end of the file, not within the first chunk.
    const lines = f.findings.map((x: { line: number }) => x.line);
    expect(Math.max(...lines)).toBeGreaterThan(2000);
    expect([...lines].sort((a, b) => a - b)).toEqual(lines);
  });

  it("gives the same report byte for byte with 2 and 3 worker threads", () => {
    for (const n of ["2", "3"]) {
      const r = runCli(["check", "data", "--format", "json", "--workers", n], dir, SMALL_CHUNKS);
      expect(r.stderr).toBe("");
      expect(r.stdout).toBe(single.stdout);
    }
  });

  it("with a token limit (long examples tokenized in their chunks, in worker threads too) the report is the same", () => {
    // 200 tokens: most examples are over the byte bound, so each chunk's pending text passes a 64 KiB threshold
    const args = ["check", "data", "--format", "json", "--max-tokens", "200"];
    const one = runCli([...args, "--workers", "1"], dir, SMALL_CHUNKS);
    const three = runCli([...args, "--workers", "3"], dir, SMALL_CHUNKS);
    expect(three.stderr).toBe("");
    expect(three.stdout).toBe(one.stdout);
    const report = JSON.parse(one.stdout);
    expect(report.tokens.tooLong).toBeGreaterThan(100);
    const counted = report.files.reduce((n: number, f: { findingCounts: Record<string, number> }) => n + (f.findingCounts["too-long"] ?? 0), 0);
    expect(counted).toBe(report.tokens.tooLong);
  });

  it("merges 3 shards into the same report as the single run", () => {
    for (const i of [1, 2, 3]) {
      const r = runCli(["check", "data", "--shard", `${i}/3`, "--output", `part-${i}.json`], dir, SMALL_CHUNKS);
      expect(r.code, r.stderr).toBe(0);
    }
    const merged = runCli(["merge", "part-3.json", "part-1.json", "part-2.json", "--format", "json"], dir, SMALL_CHUNKS);
    expect(merged.stderr).toBe("");
    expect(merged.code).toBe(single.code);
    expect(merged.stdout).toBe(single.stdout);
  });

  it("refuses an incomplete set of shards with a clear message", () => {
    const r = runCli(["merge", "part-1.json", "part-2.json"], dir, SMALL_CHUNKS);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/missing shard\(s\) 3\/3/);
    expect(readFileSync(join(dir, "part-1.json"), "utf8").startsWith('{"kind":"chatml-quality-gate/partial"')).toBe(true);
  });

  it("refuses to merge when a dataset file changed or is missing since the shards ran (re-reads would land at stale offsets)", () => {
    const file = join(dir, "data", "validation.jsonl");
    const body = readFileSync(file);
    try {
      writeFileSync(file, Buffer.concat([Buffer.from('{"messages":[{"role":"user","content":"hi"},{"role":"assistant","content":"ok"}]}\n'), body]));
      const changed = runCli(["merge", "part-1.json", "part-2.json", "part-3.json"], dir, SMALL_CHUNKS);
      expect(changed.code).toBe(2);
      expect(changed.stderr).toMatch(/^chatml-gate: data\/validation\.jsonl is not the file the shards read/);
      rmSync(file);
      const missing = runCli(["merge", "part-1.json", "part-2.json", "part-3.json"], dir, SMALL_CHUNKS);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toMatch(/^chatml-gate: merge needs the dataset files the shards read: data\/validation\.jsonl is missing here/);
    } finally {
      writeFileSync(file, body);
    }
  });
});

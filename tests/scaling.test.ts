// Workers and shards must not change the report: the same input gives the same report, byte for byte, whatever the
// number of worker threads, and the merged shards equal the single run (line numbers included).
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { GEN } from "./helpers/paths.js";
import { runCli, tempDir } from "./helpers/run.js";
import { selectFindings } from "../src/engine/findings-select.js";

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

  it("merge refuses options that only the shards can apply, instead of ignoring them", () => {
    const r = runCli(["merge", "part-1.json", "part-2.json", "part-3.json", "--max-findings", "3", "--threshold", "max-errors=5"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/merge uses the options the shards ran with; --max-findings, --threshold belong on 'chatml-gate check --shard'/);
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

describe("a file's format is the same in every chunk", () => {
  it("a first line longer than the 64 KiB head: chunks still flag the later ShareGPT records as mixed-format", () => {
    const lines = [JSON.stringify({ messages: [{ role: "user", content: "long ".repeat(20_000) }, { role: "assistant", content: "ok" }] })];
    for (let i = 0; i < 3_000; i++) lines.push(JSON.stringify({ messages: [{ role: "user", content: `question ${i}` }, { role: "assistant", content: `answer ${i}` }] }));
    for (let i = 0; i < 3_000; i++) lines.push(JSON.stringify({ conversations: [{ from: "human", value: `ask ${i}` }, { from: "gpt", value: `reply ${i}` }] }));
    const dir = tempDir({ "mixed.jsonl": lines.join("\n") + "\n" });
    const args = ["check", "mixed.jsonl", "--format", "json", "--workers", "1"];
    const one = JSON.parse(runCli(args, dir, { CHATML_GATE_CHUNK_BYTES: String(1 << 30) }).stdout);
    const many = runCli(args, dir, { CHATML_GATE_CHUNK_BYTES: String(64 * 1024) });
    expect(one.files[0].format).toBe("chatml");
    expect(one.files[0].findingCounts["mixed-format"]).toBe(1); // reported once per file
    expect(one.files[0].validRecords).toBe(3_001);
    expect(many.stdout).toBe(JSON.stringify(one, null, 2) + "\n");
  });
});

describe("shard partials keep numbers JSON has no form for", () => {
  it("a shard whose chunks hold no full diversity window (its smallest window is Infinity) merges into the single run", () => {
    const words = (i: number) => Array.from({ length: 300 }, (_, w) => `w${(i * 31 + w * 7) % 5000}`).join(" ");
    const big = Array.from({ length: 120 }, (_, i) => JSON.stringify({ messages: [{ role: "user", content: `q${i}` }, { role: "assistant", content: words(i) }] }));
    const small = Array.from({ length: 12 }, (_, i) => JSON.stringify({ messages: [{ role: "user", content: `x${i}` }, { role: "assistant", content: `short answer ${i}` }] }));
    const dir = tempDir({ "a.jsonl": big.join("\n") + "\n", "b.jsonl": small.join("\n") + "\n" });
    const single = runCli(["check", "a.jsonl", "b.jsonl", "--format", "json", "--workers", "1"], dir);
    const w = JSON.parse(single.stdout).diversity.windowedDistinct2;
    expect(w.windows).toBeGreaterThan(2);
    expect(w.min).toBeGreaterThan(0);
    for (const i of [1, 2]) expect(runCli(["check", "a.jsonl", "b.jsonl", "--shard", `${i}/2`, "--output", `p${i}.json`], dir).code).toBe(0);
    const merged = runCli(["merge", "p1.json", "p2.json", "--format", "json"], dir);
    expect(merged.stdout).toBe(single.stdout);
  });
});

describe("findings reported once per file, collapsed per record, whatever the chunks", () => {
  it("unknown keys: a record's new keys are one finding, keys seen in an earlier chunk are not reported again", () => {
    const rec = (i: number, extra: Record<string, number>) => JSON.stringify({ messages: [{ role: "user", content: `question ${i}`, ...extra }, { role: "assistant", content: `answer ${i}` }] });
    const lines: string[] = [rec(0, { a: 1, b: 2 })];
    for (let i = 1; i < 400; i++) lines.push(rec(i, i % 100 === 0 ? { a: 1, [`n${i}`]: 1 } : i % 150 === 0 ? { b: 1, a: 2 } : {}));
    const dir = tempDir({ "data.jsonl": lines.join("\n") + "\n" });
    const run = (chunk: number) => JSON.parse(runCli(["check", "data.jsonl", "--format", "json", "--workers", "1", "--validate-only"], dir, { CHATML_GATE_CHUNK_BYTES: String(chunk) }).stdout).files[0];
    const whole = run(1 << 30);
    expect(whole.findings.map((f: { line: number; count?: number }) => [f.line, f.count ?? 1])).toEqual([[1, 2], [101, 1], [201, 1], [301, 1]]);
    expect(whole.findingCounts).toEqual({ "unknown-key": 4 });
    for (const chunk of [2048, 4096, 10_000]) expect(run(chunk), `chunks of ${chunk} bytes`).toEqual(whole);
  });
});

describe("--max-findings picks the same findings whatever the chunks", () => {
  it("every rule once, errors first, then each rule in turn: broken lines at the end are not crowded out by early duplicates", () => {
    const qa = (q: string, a: string) => JSON.stringify({ messages: [{ role: "user", content: q }, { role: "assistant", content: a }] });
    const words = (i: number, last: string) => [...Array.from({ length: 39 }, (_, w) => `w${(i * 7919 + w * 104729) % 100003}`), last].join(" ");
    const lines: string[] = [];
    for (let i = 0; i < 300; i++) lines.push(qa(`question ${i}`, words(i, "end")), qa(`question ${i}`, words(i, "end"))); // each record twice: an exact duplicate
    // a near duplicate (found when the run ends); other prompts, or it would be one conflicting-answers finding
    lines.push(qa("near one", words(1000, "one")), qa("near two", words(1000, "two")));
    for (let i = 0; i < 40; i++) lines.push(`{"messages": [broken ${i}`);
    const dir = tempDir({ "data.jsonl": lines.join("\n") + "\n" });
    const run = (chunk: number, max: number) => {
      const r = runCli(["check", "data.jsonl", "--format", "json", "--workers", "1", "--max-findings", String(max)], dir, { CHATML_GATE_CHUNK_BYTES: String(chunk) });
      return JSON.parse(r.stdout).files[0];
    };
    const all = run(1 << 30, 100_000).findings;
    expect(all.length).toBe(300 + 1 + 40);
    for (const max of [10, 301, 320]) {
      const picked = selectFindings(all, max);
      expect(run(1 << 30, max).findings).toEqual(picked);
      expect(run(16 * 1024, max).findings).toEqual(picked);
    }
    // 10 rows: every rule once (the 40 broken lines are errors: all of them before more duplicates)
    const ten = run(16 * 1024, 10).findings.map((f: { rule: string; line: number }) => `${f.rule}@${f.line}`);
    expect(ten.filter((r: string) => r.startsWith("invalid-json"))).toHaveLength(8);
    expect(new Set(ten.map((r: string) => r.split("@")[0]))).toEqual(new Set(["exact-duplicate", "near-duplicate", "invalid-json"]));
  });
});

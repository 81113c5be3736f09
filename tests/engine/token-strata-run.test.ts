// The stratified token estimate through the engine, at source level (tests/scaling.test.ts runs the bundled CLI):
// a dataset mixing scripts, cut into many small chunks, gives the same report whether the chunks run in this thread,
// out of order with their results cloned (as worker threads hand them over), or in shards whose results go through
// the partial file's JSON; and the estimate is within its bound of the exact count.
import { describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GEN, ROOT } from "../helpers/paths.js";
import { execFileSync } from "node:child_process";
import { mulberry32 } from "../../src/engine/analysis/stats.js";
import type { ChunkResult } from "../../src/engine/chunk-check.js";

// small chunks (read when chunks.ts loads: the engine is imported after this line, and not by a static import here
// or in an imported helper)
process.env.CHATML_GATE_CHUNK_BYTES = String(128 * 1024);
const { check, planRun, assemble } = await import("../../src/engine/check.js");
const { runChunk } = await import("../../src/engine/chunk-check.js");
const { shardJobs, toJson, fromJson } = await import("../../src/engine/shards.js");
const { configFromObject, defaultConfig } = await import("../../src/config/config.js");

const PARAGRAPHS = JSON.parse(readFileSync(join(ROOT, "tests", "fixtures", "scripts", "paragraphs.json"), "utf8")) as Record<string, string>;

/** ChatML lines: generated English-like prose, Chinese, Russian, Greek and French sentences, in seeded order,
 * and one 200 KB record of combining marks. */
function dataset(n: number, seed: number, outlier: boolean): string {
  const rnd = mulberry32(seed);
  // long answers: generated ASCII prose and Chinese paragraphs' sentences, 200-3000 characters each
  const texts: string[] = [];
  const generated = join(mkdtempSync(join(tmpdir(), "cqg-strata-")), "g.jsonl");
  execFileSync(process.execPath, [GEN, "--examples", "150", "--out", generated, "--seed", String(seed), "--invalid-rate", "0", "--warn-rate", "0"], { stdio: "ignore" });
  for (const line of readFileSync(generated, "utf8").split("\n")) {
    const m = /"content":"((?:[^"\\]|\\.){200,3000})"/.exec(line);
    if (m) texts.push(JSON.parse(`"${m[1]}"`) as string);
  }
  const zh = PARAGRAPHS.zh.split(/(?<=。)/);
  for (let i = 0; i < 60; i++) texts.push(Array.from({ length: 4 + (i % 9) }, (_, j) => zh[(i * 7 + j * 3) % zh.length]).join(""));
  const sentences = ["ru", "el", "fr"].flatMap((k) => PARAGRAPHS[k].split(/(?<=[.!?])\s+/));
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const answer = rnd() < 0.6 ? texts[Math.floor(rnd() * texts.length)] : Array.from({ length: 3 + Math.floor(rnd() * 8) }, () => sentences[Math.floor(rnd() * sentences.length)]).join(" ");
    const messages = [
      { role: "user", content: rnd() < 0.5 ? `Question ${i}?` : `Question ${i}: ${sentences[Math.floor(rnd() * sentences.length)]}` },
      { role: "assistant", content: outlier && i === Math.floor(n / 2) ? "a\u0301".repeat(70_000) : answer },
    ];
    lines.push(JSON.stringify({ messages }));
  }
  return lines.join("\n") + "\n";
}

describe("stratified token estimate through chunks, worker hand-over and shards", () => {
  const dir = mkdtempSync(join(tmpdir(), "cqg-"));
  mkdirSync(join(dir, "data"));
  writeFileSync(join(dir, "data", "train.jsonl"), dataset(1500, 3, true));
  writeFileSync(join(dir, "data", "validation.jsonl"), dataset(300, 4, false));
  const files = ["data/train.jsonl", "data/validation.jsonl"];
  const config = defaultConfig();
  const opts = { files, config, cwd: dir, date: "2026-01-01" };

  it("the same report in this thread, from out-of-order cloned results, and from 3 shards' JSON; within the bound of the exact count", async () => {
    const single = await check(opts);
    const t = single.tokens as { total: number; exact: boolean; relativeError: number; strata: { name: string; bytes: number; sampledRecords: number }[] };
    expect(t.exact).toBe(false);
    expect(t.strata.filter((s) => s.bytes > 0).map((s) => s.name)).toEqual(["ascii", "latin", "mixed", "two-byte", "three-byte"]);

    const plan = await planRun(opts);
    expect(plan.jobs.length).toBeGreaterThan(10);
    // worker threads: chunks computed in another order, results structured-cloned, merged in job order
    const computed = new Map<number, ChunkResult>();
    for (const job of [...plan.jobs].reverse()) computed.set(job.chunk.index, structuredClone(await runChunk(job)));
    const workers = await assemble(plan, plan.jobs.map((j) => computed.get(j.chunk.index)!), config, { date: opts.date });
    expect(workers).toEqual(single);
    // shards: each runs its jobs, its results travel as JSON
    const byIndex = new Map<number, ChunkResult>();
    for (const index of [1, 2, 3]) {
      const results: ChunkResult[] = [];
      for (const job of shardJobs(plan, { index, count: 3 })) results.push(await runChunk(job));
      for (const r of fromJson<ChunkResult[]>(toJson(results))) byIndex.set(r.index, r);
    }
    const shards = await assemble(plan, plan.jobs.map((j) => byIndex.get(j.chunk.index)!), config, { date: opts.date });
    expect(JSON.stringify(shards)).toBe(JSON.stringify(single));

    // per-file figures add up to the total (each rounded)
    const perFile = single.files.reduce((s, f) => s + (f.stats?.tokens ?? 0), 0);
    expect(Math.abs(perFile - t.total)).toBeLessThanOrEqual(files.length);

    const exact = (await check({ ...opts, config: configFromObject({ tokens: { exact: true } }) })).tokens as { total: number; exact: boolean };
    expect(exact.exact).toBe(true);
    expect(Math.abs(t.total - exact.total), `${t.total} ±${t.relativeError} vs exact ${exact.total}`).toBeLessThanOrEqual(t.relativeError * t.total);
  }, 120_000);
});

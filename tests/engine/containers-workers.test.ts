// Container files (a JSON array, records spread over lines) are one chunk; JSON Lines with records glued on some lines
// is cut into chunks as usual. Either way the report is the same, byte for byte, whatever the number of worker
// threads or shards.
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { GEN } from "../helpers/paths.js";
import { runCli, tempDir } from "../helpers/run.js";

const SMALL_CHUNKS = { CHATML_GATE_CHUNK_BYTES: String(64 * 1024) };

describe("containers with workers and shards", () => {
  const dir = tempDir({ "data/.keep": "" });
  execFileSync(process.execPath, [GEN, "--examples", "1200", "--out", join(dir, "gen.jsonl"), "--seed", "4", "--invalid-rate", "0"], { stdio: "ignore" });
  const lines = readFileSync(join(dir, "gen.jsonl"), "utf8").split("\n").filter(Boolean);
  writeFileSync(join(dir, "data", "glued.jsonl"), lines.map((l, i) => l + (i % 7 === 3 ? "" : "\n")).join(""));
  writeFileSync(join(dir, "data", "array.jsonl"), "[\n" + lines.slice(0, 600).join(",\n") + "\n]\n");
  writeFileSync(join(dir, "data", "pretty.jsonl"), lines.slice(600).map((l) => l.replace(/\{"role"/g, '\n  {"role"')).join("\n") + "\n");
  const args = ["check", "data", "--format", "json"];
  const single = runCli([...args, "--workers", "1"], dir, SMALL_CHUNKS);

  it("every record is counted, and glued lines are reported once per file", () => {
    const r = JSON.parse(single.stdout);
    const byPath = Object.fromEntries(r.files.map((f: { path: string }) => [f.path, f]));
    expect(byPath["data/glued.jsonl"].records).toBe(1200);
    expect(byPath["data/glued.jsonl"].findingCounts["not-jsonl"]).toBe(1);
    expect(byPath["data/array.jsonl"].records).toBe(600);
    expect(byPath["data/pretty.jsonl"].records).toBe(600);
  });

  it("gives the same report with 3 worker threads, and with 3 shards merged", () => {
    const three = runCli([...args, "--workers", "3"], dir, SMALL_CHUNKS);
    expect(three.stderr).toBe("");
    expect(three.stdout).toBe(single.stdout);
    for (const i of [1, 2, 3]) expect(runCli(["check", "data", "--shard", `${i}/3`, "--output", `part-${i}.json`], dir, SMALL_CHUNKS).code).toBe(0);
    const merged = runCli(["merge", "part-1.json", "part-2.json", "part-3.json", "--format", "json"], dir, SMALL_CHUNKS);
    expect(merged.stderr).toBe("");
    expect(JSON.parse(merged.stdout).files).toEqual(JSON.parse(single.stdout).files);
  });
});

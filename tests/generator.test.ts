// The project's synthetic data generator (scripts/gen-chatml.mjs): deterministic, sized as asked, and its truth
// file says exactly what it planted — checked here against the bytes it wrote, then against the gate.
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { GEN } from "./helpers/paths.js";
import { tempDir } from "./helpers/run.js";
import { check } from "../src/engine/check.js";
import { defaultConfig } from "../src/config/config.js";

interface Truth {
  examples: number;
  bytes: number;
  exactDuplicates: [number, number, string][];
  nearDuplicates: [number, number, number][];
  invalid: { line: number; rule: string }[];
  warnings: { line: number; rule: string }[];
  eval?: { examples: number; bytes: number; leakage: [number, number, "exact" | "near"][] };
}

function gen(dir: string, args: string[]) {
  const r = spawnSync(process.execPath, [GEN, ...args], { cwd: dir, encoding: "utf8" });
  return { code: r.status, stderr: r.stderr };
}

const words = (rec: { messages: { role: string; content: unknown }[] }) =>
  rec.messages.filter((m) => m.role !== "system" && typeof m.content === "string").flatMap((m) => (m.content as string).split(" "));

describe("gen-chatml", () => {
  const dir = tempDir();
  const base = ["--examples", "3000", "--seed", "4", "--invalid-rate", "0.02", "--warn-rate", "0.02", "--tool-rate", "0.1"];
  gen(dir, [...base, "--out", "train.jsonl", "--truth", "a.json", "--eval-out", "validation.jsonl", "--eval-examples", "500", "--leak-rate", "0.1"]);
  const text = readFileSync(join(dir, "train.jsonl"), "utf8");
  const lines = text.split("\n");
  const truth = JSON.parse(readFileSync(join(dir, "a.json"), "utf8")) as Truth;
  const parse = (l: number) => JSON.parse(lines[l - 1]);

  it("writes the asked number of lines and bytes, the same for the same seed, other data for another seed", () => {
    expect(lines.length).toBe(3001);
    expect(lines[3000]).toBe("");
    expect(Buffer.byteLength(text)).toBe(truth.bytes);
    expect(truth.bytes / 3000).toBeGreaterThan(1500); // ~2.3 KB per example with the defaults (the bench relies on it)
    expect(truth.bytes / 3000).toBeLessThan(3500);
    gen(dir, [...base, "--out", "b.jsonl"]);
    expect(readFileSync(join(dir, "b.jsonl"), "utf8")).toBe(text);
    gen(dir, [...base.slice(0, 3), "5", ...base.slice(4), "--out", "c.jsonl"]);
    expect(readFileSync(join(dir, "c.jsonl"), "utf8")).not.toBe(text);
  });

  it("plants every kind of defect, and the truth file names each at its line", () => {
    expect(truth.exactDuplicates.length).toBeGreaterThan(30);
    expect(truth.nearDuplicates.length).toBeGreaterThan(30);
    expect(new Set(truth.invalid.map((i) => i.rule)).size).toBeGreaterThanOrEqual(9);
    expect(new Set(truth.warnings.map((i) => i.rule)).size).toBe(4);
    for (const [first, dup, how] of truth.exactDuplicates) {
      expect(first).toBeLessThan(dup);
      expect(parse(dup)).toEqual(parse(first));
      expect(lines[dup - 1] === lines[first - 1]).toBe(how === "bytes");
    }
    for (const [first, dup, fraction] of truth.nearDuplicates) {
      const a = words(parse(first));
      const b = words(parse(dup));
      expect(b.length).toBe(a.length);
      const changed = a.filter((w, i) => w !== b[i]).length;
      expect(changed).toBeGreaterThan(0);
      expect(changed / a.length).toBeLessThanOrEqual(fraction + 0.2); // short messages: at least one word each
    }
    for (const { line, rule } of truth.invalid) {
      if (rule === "invalid-json") expect(() => parse(line)).toThrow();
      else expect(() => parse(line), `line ${line} (${rule})`).not.toThrow();
    }
    const tools = lines.filter((l) => l.includes('"tool_calls"')).length;
    expect(tools).toBeGreaterThan(200);
  });

  it("the gate finds every planted duplicate, invalid record, warning and leak, and nothing else is an error", async () => {
    const config = defaultConfig();
    config.maxFindings = 1e6;
    const report = await check({ files: ["train.jsonl", "validation.jsonl"], config, cwd: dir });
    const at = (file: number) => {
      const m = new Map<number, string[]>();
      for (const f of report.files[file].findings) m.set(f.line, [...(m.get(f.line) ?? []), f.rule]);
      return m;
    };
    const train = at(0);
    for (const { line, rule } of truth.invalid) expect(train.get(line) ?? [], `line ${line}`).toContain(rule);
    for (const { line, rule } of truth.warnings) expect(train.get(line) ?? [], `line ${line}`).toContain(rule);
    for (const [, dup] of truth.exactDuplicates) expect(train.get(dup) ?? [], `line ${dup}`).toContain("exact-duplicate");
    const invalid = new Set(truth.invalid.map((i) => i.line));
    expect(report.files[0].findings.filter((f) => f.severity === "error" && !invalid.has(f.line))).toEqual([]);
    const leaks = report.files[1].findings.filter((f) => f.rule === "leakage").map((f) => f.line);
    expect(leaks).toEqual(truth.eval!.leakage.map(([, l]) => l));
    expect(truth.eval!.leakage.some(([, , k]) => k === "near")).toBe(true);
    expect(report.files[1].findings.filter((f) => f.severity === "error" && f.rule !== "leakage")).toEqual([]);
  });

  it("--gzip writes the same bytes gzipped", () => {
    gen(dir, [...base, "--out", "z.jsonl", "--gzip"]);
    expect(gunzipSync(readFileSync(join(dir, "z.jsonl.gz"))).toString("utf8")).toBe(text);
  });

  it("rates of 0 give clean data; bad arguments exit 2 with the usage", () => {
    gen(dir, ["--examples", "200", "--out", "clean.jsonl", "--truth", "clean.json", "--dup-rate", "0", "--near-dup-rate", "0", "--invalid-rate", "0", "--warn-rate", "0"]);
    const t = JSON.parse(readFileSync(join(dir, "clean.json"), "utf8")) as Truth;
    expect([t.exactDuplicates, t.nearDuplicates, t.invalid, t.warnings]).toEqual([[], [], [], []]);
    for (const args of [["--examples", "10"], ["--examples", "x", "--out", "o"], ["--out", "o", "--dup-rate", "2"], ["--out", "o", "--nope"], ["--out", "o", "--eval-out", "e"]]) {
      const r = gen(dir, args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr).toMatch(/^gen-chatml: .+\nusage: /);
    }
  });
});

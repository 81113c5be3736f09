// Every format and file-level shape the gate reads, on small files of our own (tests/fixtures/formats), modelled on
// what real public datasets hold (the optional real-data suite, tests/real-data/, checks the real ones): CRLF line
// ends, tool calls without content, the OpenAI DPO and TRL preference shapes, ShareGPT, image parts, LLaMA-Factory
// v1 parts, a JSON array saved as .jsonl, a Git LFS pointer, no final newline.
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { check } from "../../src/engine/check.js";
import { defaultConfig } from "../../src/config/config.js";
import { FORMATS } from "../helpers/paths.js";

const EXPECT: Record<string, { format: string; records: number; rules: Record<string, number> }> = {
  "crlf-duplicates.jsonl": { format: "chatml", records: 12, rules: {} },
  "llamafactory-v1.jsonl": { format: "chatml", records: 3, rules: { "template-placeholder": 3 } },
  "lfs-pointer.jsonl": { format: "unknown", records: 0, rules: { "lfs-pointer": 1 } },
  "multimodal.jsonl": { format: "chatml", records: 3, rules: {} },
  "no-user-and-repetition.jsonl": { format: "chatml", records: 3, rules: { "missing-user": 1 } },
  "openai-dpo.jsonl": { format: "preference-openai", records: 3, rules: {} },
  "sharegpt-array.jsonl": { format: "sharegpt", records: 2, rules: { "not-jsonl": 1 } }, // each record inside the array is checked
  "sharegpt.jsonl": { format: "sharegpt", records: 3, rules: {} },
  "toolcalls-no-content.jsonl": { format: "chatml", records: 5, rules: {} },
  "trl-preference.jsonl": { format: "preference-trl", records: 3, rules: { "empty-line": 2 } },
  "turkish-no-final-newline.jsonl": { format: "chatml", records: 3, rules: {} },
};

describe("format fixtures (validation)", () => {
  const files = readdirSync(FORMATS).filter((f) => f.endsWith(".jsonl")).sort();
  it("has an expectation for every fixture, and a fixture for every expectation", () => expect(files).toEqual(Object.keys(EXPECT).sort()));
  for (const name of files) {
    it(name, async () => {
      const report = await check({ files: [name], config: defaultConfig(), cwd: FORMATS, validateOnly: true });
      const f = report.files[0];
      const want = EXPECT[name];
      expect({ format: f.format, records: f.records, rules: f.findingCounts }).toEqual(want);
    });
  }
  it("the fixtures have the byte-level shapes they stand for", () => {
    const raw = (n: string) => readFileSync(join(FORMATS, n), "utf8");
    expect(raw("crlf-duplicates.jsonl").split("\r\n").length).toBe(13);
    expect(raw("turkish-no-final-newline.jsonl").endsWith("\n")).toBe(false);
    expect(raw("openai-dpo.jsonl").endsWith("\n")).toBe(false);
    expect(raw("sharegpt-array.jsonl").startsWith("[\n")).toBe(true);
    expect(raw("lfs-pointer.jsonl")).toMatch(/^version https:\/\/git-lfs\.github\.com\/spec\/v1\noid sha256:[0-9a-f]{64}\nsize \d+\n$/);
  });
});

describe("format fixtures (full check)", () => {
  it("CRLF file: 10 copies of one record are 9 exact duplicates; no CR reaches the text", async () => {
    const report = await check({ files: ["crlf-duplicates.jsonl"], config: defaultConfig(), cwd: FORMATS });
    const f = report.files[0];
    expect(f.stats?.exactDuplicates).toBe(9);
    expect(f.findings.filter((x) => x.rule === "exact-duplicate").map((x) => x.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(JSON.stringify(report)).not.toContain("\\r");
  });
  it("the answer that is one phrase repeated 300 times is named at its line (repeated-phrase)", async () => {
    const report = await check({ files: ["no-user-and-repetition.jsonl"], config: defaultConfig(), cwd: FORMATS });
    const found = report.files[0].findings.filter((x) => x.rule === "repeated-phrase");
    expect(found.map((x) => x.line)).toEqual([3]);
    expect(found[0].message).toMatch(/^message 1 \(assistant\) repeats one phrase 300 times in a row \("Eat a banana!", 3 words; 100% of the message\)/);
  });
  it("every fixture together: one report, no crash, each file in its format", async () => {
    const files = readdirSync(FORMATS).filter((f) => f.endsWith(".jsonl")).sort();
    const report = await check({ files, config: defaultConfig(), cwd: FORMATS });
    expect(report.files.map((f) => f.format)).toEqual(files.map((n) => EXPECT[n].format));
    expect(report.summary.records).toBe(Object.values(EXPECT).reduce((s, e) => s + e.records, 0));
  });
});

// Real-data suite (CHATML_GATE_REAL_DATA; skipped when not set): tokens count everything the trainer sees on real
// tool-calling files, and the target profiles refuse the real files their target refuses while OpenAI's and
// Microsoft's own samples pass profile: openai. The default suite teaches the same on fixtures of our own
// (tests/analysis/tool-tokens.test.ts, tests/engine/profiles.test.ts).
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkDir } from "../helpers/run.js";
import { REAL } from "../helpers/paths.js";
import { refRecord } from "../helpers/cookbook-tokens.js";

const file = (name: string) => readFileSync(join(REAL as string, name), "utf8");
const records = (text: string) =>
  text
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe.skipIf(!REAL)("real tool-calling files: the cookbook's count of every record", () => {
  for (const name of ["cheatsheet-weather-toolcalls.jsonl", "foundry-stock-toolcall-train.jsonl"]) {
    it(name, async () => {
      const text = file(name);
      const expected = records(text).reduce((n, r) => n + refRecord(r), 0);
      const report = await checkDir({ "f.jsonl": text }, { config: { tokens: { exact: true } } });
      expect((report.tokens as { total: number }).total).toBe(expected);
    });
  }
});

describe.skipIf(!REAL)("real public files under the target profiles", () => {
  it("ShareGPT, TRL preference and LLaMA-Factory v1 files fail profile: openai (they passed with 0 errors)", async () => {
    for (const name of ["sharegpt-zh-tw-dolly-sample-train.jsonl", "trl-dpo-prompt-chosen-rejected.jsonl", "llamafactory-v1-sft-demo.jsonl"]) {
      const report = await checkDir({ "f.jsonl": file(name) }, { config: { profile: "openai" }, validateOnly: true });
      expect(report.files[0].errors, name).toBeGreaterThan(0);
      expect(report.files[0].validRecords, name).toBe(0);
    }
  });
  it("OpenAI's and Microsoft's own samples pass profile: openai", async () => {
    for (const name of ["openai-cookbook-toy-chat.jsonl", "cheatsheet-weather-toolcalls.jsonl", "foundry-stock-toolcall-train.jsonl", "foundry-chartqa-multimodal-train.jsonl", "foundry-orca-dpo-validation.jsonl"]) {
      const report = await checkDir({ "f.jsonl": file(name) }, { config: { profile: "openai" }, validateOnly: true });
      expect(report.files[0].errors, name).toBe(0);
    }
  });
  it("profile: together refuses the chart images given by URL; profile: mistral the 'call_…' tool-call ids", async () => {
    const chart = await checkDir({ "f.jsonl": file("foundry-chartqa-multimodal-train.jsonl") }, { config: { profile: "together" }, validateOnly: true });
    expect(chart.files[0].findingCounts).toEqual({ "invalid-content-part": 1 });
    expect(chart.files[0].validRecords).toBe(0);
    const weather = await checkDir({ "f.jsonl": file("cheatsheet-weather-toolcalls.jsonl") }, { config: { profile: "mistral" }, validateOnly: true });
    expect(weather.files[0].findingCounts).toEqual({ "invalid-tool-call": 1 });
  });
});

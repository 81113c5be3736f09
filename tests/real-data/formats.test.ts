// Real-data suite (CHATML_GATE_REAL_DATA: a folder of real public files; skipped when not set): the right format,
// the findings a careful reviewer expects, and no crash. tests/engine/formats.test.ts checks the same shapes on
// small files of our own.
import { describe, expect, it } from "vitest";
import { readdirSync } from "node:fs";
import { check } from "../../src/engine/check.js";
import { defaultConfig } from "../../src/config/config.js";
import { REAL } from "../helpers/paths.js";

const EXPECT: Record<string, { format: string; rules: Record<string, number> }> = {
  "autograding-crlf-dupes.jsonl": { format: "chatml", rules: {} },
  "azure-clippy-turkish-train.jsonl": { format: "chatml", rules: {} },
  "cheatsheet-weather-toolcalls.jsonl": { format: "chatml", rules: {} },
  "foundry-chartqa-multimodal-train.jsonl": { format: "chatml", rules: {} },
  "foundry-orca-dpo-validation.jsonl": { format: "preference-openai", rules: {} },
  "foundry-stock-toolcall-train.jsonl": { format: "chatml", rules: {} },
  "hh-rlhf-helpful-base-train-lfs-pointer.jsonl": { format: "unknown", rules: { "lfs-pointer": 1 } },
  // a JSON array (every record inside is checked); a password tool's answers hold fixed "random" passwords
  // ("aB3#…", 12 characters) that a model trained on them hands every user: generic-secret warnings, one per record
  "llamafactory-glaive-toolcall-sharegpt-array.jsonl": { format: "sharegpt", rules: { "not-jsonl": 1, "generic-secret": 7 } },
  "llamafactory-v1-sft-demo.jsonl": { format: "chatml", rules: { "template-placeholder": 50 } },
  "openai-cookbook-toy-chat.jsonl": { format: "chatml", rules: { "missing-user": 1 } },
  "sharegpt-zh-tw-dolly-sample-train.jsonl": { format: "sharegpt", rules: {} },
  // a JSON-extraction task over made-up user data: "lucy, lucy@mail.com" is an e-mail address the gate cannot tell from a real one
  "trl-dpo-prompt-chosen-rejected.jsonl": { format: "preference-trl", rules: { "empty-line": 2, pii: 1 } },
};

describe.skipIf(!REAL)("real public datasets", () => {
  const dir = REAL as string;
  const files = REAL ? readdirSync(dir).filter((f) => f.endsWith(".jsonl")).sort() : [];
  it("are all there", () => expect(files.length).toBeGreaterThanOrEqual(12));
  for (const name of files) {
    it(name, async () => {
      const report = await check({ files: [name], config: defaultConfig(), cwd: dir, validateOnly: true });
      const f = report.files[0];
      const want = EXPECT[name];
      expect(want, `no expectation for ${name}`).toBeDefined();
      expect(f.format).toBe(want.format);
      const validation = Object.fromEntries(Object.entries(f.findingCounts));
      expect(validation).toEqual(want.rules);
    });
  }
});

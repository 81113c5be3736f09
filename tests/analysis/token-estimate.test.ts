// Sampled token totals are covered by their stated bound (the cases: token-estimate-cases.ts), on pools of our own:
// generated ASCII prose and sentences of paragraphs in Chinese and Japanese. The real-data suite runs the same cases
// on real English and Chinese records.
import { describe, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GEN } from "../helpers/paths.js";
import { filePool, mixedScriptsCase, outlierCase, sentencePool } from "./token-estimate-cases.js";

function generatedPool(examples: number, seed: number) {
  const file = join(mkdtempSync(join(tmpdir(), "cqg-est-")), "g.jsonl");
  execFileSync(process.execPath, [GEN, "--examples", String(examples), "--out", file, "--seed", String(seed), "--invalid-rate", "0", "--warn-rate", "0", "--avg-words", "60"], { stdio: "ignore" });
  return filePool(file);
}

describe("sampled token totals are covered by relativeError", () => {
  it("an outlier example unlike every sampled one (1 MB of combining marks among 12 short English-like examples)", async () => {
    await outlierCase(generatedPool(40, 21));
  });
  it("mixed scripts: at least 72 of 80 seeded runs are within the bound (ASCII, Chinese/Japanese, Cyrillic and Greek in varying proportions)", async () => {
    await mixedScriptsCase(generatedPool(600, 22), sentencePool(["zh", "ja"], 300, 9));
  }, 60_000);
});

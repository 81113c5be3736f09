// Real-data suite (CHATML_GATE_REAL_DATA; skipped when not set): the token-estimate cases on real English and
// Chinese records.
import { describe, it } from "vitest";
import { join } from "node:path";
import { REAL } from "../helpers/paths.js";
import { filePool, mixedScriptsCase, outlierCase } from "../analysis/token-estimate-cases.js";

describe.skipIf(!REAL)("sampled token totals on real records are covered by relativeError", () => {
  const pool = (...files: string[]) => files.flatMap((f) => filePool(join(REAL as string, f)));
  it("an outlier example unlike every sampled one (1 MB of combining marks among 12 short English examples)", async () => {
    await outlierCase(pool("foundry-orca-dpo-validation.jsonl"));
  });
  it("mixed scripts: at least 72 of 80 seeded runs are within the bound (English, Chinese, Cyrillic and Greek)", async () => {
    await mixedScriptsCase(pool("foundry-orca-dpo-validation.jsonl", "llamafactory-v1-sft-demo.jsonl"), pool("sharegpt-zh-tw-dolly-sample-train.jsonl", "trl-dpo-prompt-chosen-rejected.jsonl"));
  }, 60_000);
});

// Real-data suite (CHATML_GATE_REAL_DATA; skipped when not set): the default verdict on each real public file, checked
// alone: the one we defend to the file's author (docs/metrics.md "When a diversity metric does not apply" gives the
// reasons). Every shape here also has a small fixture of our own in tests/fixtures/shapes (gate-per-file.test.ts).
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { checkDir } from "../helpers/run.js";
import { REAL } from "../helpers/paths.js";

/** file → [verdict, shape, the fail-level checks that fail] */
const VERDICTS: Record<string, [boolean, string | undefined, string[]]> = {
  // 213 of 240 lines repeat: the duplicates fail it; its answers are grades ("Score: 0/10"), a label set
  "autograding-crlf-dupes.jsonl": [false, "short-label", ["max-duplicate-rate"]],
  "azure-clippy-turkish-train.jsonl": [true, "chat", []],
  // 9 of 10 lines identical: the duplicates, and the wording of the copies
  "cheatsheet-weather-toolcalls.jsonl": [false, "tool-calling", ["max-duplicate-rate", "min-windowed-distinct-2", "max-compression-ratio"]],
  // chart answers are numbers and single words
  "foundry-chartqa-multimodal-train.jsonl": [true, "short-answer-math", []],
  // DPO pairs: a few chosen answers say "As an AI" (1.4%): not a defect of preference data
  "foundry-orca-dpo-validation.jsonl": [true, "preference", []],
  // its text answers ask for the ticker or decline, as its system prompt asks: 32% boilerplate by design
  "foundry-stock-toolcall-train.jsonl": [true, "tool-calling", []],
  // not the data: a Git LFS pointer
  "hh-rlhf-helpful-base-train-lfs-pointer.jsonl": [false, undefined, ["max-errors", "min-examples"]],
  // a JSON array saved as .jsonl (not-jsonl: `chatml-gate fix` rewrites it); its 300 records are checked all the
  // same: 35 repeat earlier ones (11.7%)
  "llamafactory-glaive-toolcall-sharegpt-array.jsonl": [false, "tool-calling", ["max-errors", "max-duplicate-rate"]],
  // passes with warnings: 50 unfilled {{name}} placeholders, 2.2% "As an AI," (warn level)
  "llamafactory-v1-sft-demo.jsonl": [true, "chat", []],
  // 5 examples, one of them "Eat a banana!" 2,000 times (repeated-phrase names line 5)
  "openai-cookbook-toy-chat.jsonl": [false, "chat", ["min-examples", "min-windowed-distinct-2", "max-compression-ratio"]],
  // Traditional Chinese sentences (few spaces): read by characters, not as one-word labels
  "sharegpt-zh-tw-dolly-sample-train.jsonl": [true, "chat", []],
  "trl-dpo-prompt-chosen-rejected.jsonl": [true, "preference", []],
};

describe.skipIf(!REAL)("the default verdict on each real public file", () => {
  for (const [name, [passed, shape, failing]] of Object.entries(VERDICTS)) {
    it(`${name}: ${passed ? "passes" : `fails (${failing.join(", ")})`}`, async () => {
      const r = await checkDir({ [name]: readFileSync(join(REAL as string, name)) });
      expect(r.files[0].stats?.quality?.shape.kind).toBe(shape);
      expect(r.gate.checks.filter((c) => !c.passed && c.level === "fail").map((c) => c.name)).toEqual(failing);
      expect(r.passed).toBe(passed);
    });
  }

  it("repeated-phrase names only the cookbook's looping answer (line 5)", async () => {
    const found: string[] = [];
    for (const name of readdirSync(REAL as string).filter((n) => n.endsWith(".jsonl"))) {
      const r = await checkDir({ [name]: readFileSync(join(REAL as string, name)) });
      for (const f of r.files[0].findings) if (f.rule === "repeated-phrase") found.push(`${name}:${f.line}`);
    }
    expect(found).toEqual(["openai-cookbook-toy-chat.jsonl:5"]);
  });
});

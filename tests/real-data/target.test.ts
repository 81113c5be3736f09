// Real-data suite (CHATML_GATE_REAL_DATA; skipped when not set): every chat record of the real public files rendered
// with two of the fixture templates (tests/fixtures/target/) fails exactly where Python's Jinja2 fails. The expected
// counts were made by rendering the same records with Python's Jinja2, configured as transformers configures it
// (tests/fixtures/target/make-goldens.py's environment), bos_token <s> and eos_token </s>. tests/target/ checks the
// same on records of our own.
import { describe, expect, it } from "vitest";
import { readdirSync } from "node:fs";
import { check } from "../../src/engine/check.js";
import { configFromObject } from "../../src/config/config.js";
import { REAL } from "../helpers/paths.js";
import { FIX } from "../target/helpers.js";
import { relative } from "node:path";

/** Records with a messages array, those Python renders, those it raises on. */
const PYTHON: Record<string, Record<string, [number, number, number]>> = {
  "qwen-style": {
    "autograding-crlf-dupes.jsonl": [240, 240, 0],
    "azure-clippy-turkish-train.jsonl": [10, 10, 0],
    "cheatsheet-weather-toolcalls.jsonl": [10, 10, 0],
    "foundry-chartqa-multimodal-train.jsonl": [100, 0, 100], // str + list content
    "foundry-stock-toolcall-train.jsonl": [86, 86, 0],
    "llamafactory-v1-sft-demo.jsonl": [500, 0, 500],
    "openai-cookbook-toy-chat.jsonl": [5, 5, 0],
  },
  "mistral-style": {
    "autograding-crlf-dupes.jsonl": [240, 0, 240], // a system prompt
    "azure-clippy-turkish-train.jsonl": [10, 0, 10],
    "cheatsheet-weather-toolcalls.jsonl": [10, 0, 10],
    "foundry-chartqa-multimodal-train.jsonl": [100, 100, 0], // list content through |trim: its repr
    "foundry-stock-toolcall-train.jsonl": [86, 0, 86],
    "llamafactory-v1-sft-demo.jsonl": [500, 500, 0],
    "openai-cookbook-toy-chat.jsonl": [5, 1, 4],
  },
};

describe.skipIf(!REAL)("real public datasets rendered with a chat template", () => {
  const dir = REAL as string;
  const files = REAL ? readdirSync(dir).filter((f) => f.endsWith(".jsonl")).sort() : [];
  for (const [template, want] of Object.entries(PYTHON)) {
    it(`${template}.jinja: template errors exactly where Python's Jinja2 raises, no engine gap`, async () => {
      const chatTemplate = relative(dir, `${FIX}/${template}.jinja`);
      const config = configFromObject({ target: { "chat-template": chatTemplate, "bos-token": "<s>", "eos-token": "</s>" } });
      for (const name of files) {
        const r = await check({ files: [name], config, cwd: dir, validateOnly: true });
        const t = r.target!;
        const [records, rendered, errors] = want[name] ?? [0, 0, 0];
        expect([t.records, t.rendered, t.templateErrors, t.engineGaps], name).toEqual([records, rendered, errors, 0]);
        expect(r.files[0].findingCounts["template-error"] ?? 0, name).toBe(errors);
      }
    });
  }
});

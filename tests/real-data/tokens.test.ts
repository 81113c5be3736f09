// Real-data suite (CHATML_GATE_REAL_DATA; skipped when not set): token counts equal gpt-tokenizer's for every string
// of every real public file (the default suite does the same on our own files and hostile strings).
import { describe, expect, it } from "vitest";
import { countTokens as o200kCount } from "gpt-tokenizer/encoding/o200k_base";
import { countTokens as cl100kCount } from "gpt-tokenizer/encoding/cl100k_base";
import { loadCounter } from "../../src/engine/analysis/token-count.js";
import { REAL } from "../helpers/paths.js";
import { jsonlTexts } from "../helpers/texts.js";

describe.skipIf(!REAL)("token counts on real public files", () => {
  it("o200k_base and cl100k_base: the same count as gpt-tokenizer for every string", async () => {
    const none = { disallowedSpecial: new Set<string>() };
    const texts = jsonlTexts(REAL as string).filter((t) => !/\S{513}|\s{513}/.test(t)); // longer runs are counted in slices by design
    expect(texts.length).toBeGreaterThan(1000);
    const o = await loadCounter("o200k_base");
    const c = await loadCounter("cl100k_base");
    let tokens = 0;
    for (const t of texts) {
      const want = o200kCount(t, none);
      tokens += want;
      if (o(t) !== want) expect({ text: t, count: o(t) }).toEqual({ text: t, count: want });
      if (c(t) !== cl100kCount(t, none)) expect({ text: t, count: c(t) }).toEqual({ text: t, count: cl100kCount(t, none) });
    }
    expect(tokens).toBeGreaterThan(100_000);
  });
});

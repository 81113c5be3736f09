// With the target model's tokenizer.json, token figures are those of each record as its chat template renders it,
// encoded with add_special_tokens=False: the golden counts of Python's `tokenizers` on Python's renders.
import { describe, expect, it } from "vitest";
import { check } from "../../src/engine/check.js";
import { configFromObject } from "../../src/config/config.js";
import { loadModelTokenizer } from "../../src/engine/target/tokenizer.js";
import { ConfigError } from "../../src/config/config.js";
import { join } from "node:path";
import { Tokenizer } from "@huggingface/tokenizers";
import { tempDir } from "../helpers/run.js";
import { FIX, fixture, GOLDENS, RECORD_LINES } from "./helpers.js";

/** Records every engine renders as Python does with qwen-style.jinja (not list content, not an empty conversation). */
const SAME = [0, 1, 2, 3, 4, 5, 7, 8, 9, 11];

async function tokens(template: string, maxTokens?: number) {
  const dir = tempDir({ "data.jsonl": SAME.map((i) => RECORD_LINES[i]).join("\n") + "\n", [template]: fixture(template), "tiny-bpe.tokenizer.json": fixture("tiny-bpe.tokenizer.json") });
  const target: Record<string, unknown> = { "chat-template": template, tokenizer: "tiny-bpe.tokenizer.json" };
  if (maxTokens !== undefined) target["max-tokens"] = maxTokens;
  return check({ files: ["data.jsonl"], config: configFromObject({ target, tokens: { "price-per-million": 2 } }), cwd: dir, date: "2026-01-01" });
}

describe("token counts of the rendered text", () => {
  it("equal Python's counts of Python's renders, every example counted (exact)", async () => {
    const r = await tokens("qwen-style.jinja");
    const golden = SAME.map((i) => GOLDENS.tokens.counts["qwen-style"][i]!);
    const t = r.tokens as Record<string, unknown>;
    expect(t.total).toBe(golden.reduce((a, b) => a + b, 0));
    expect(t.max).toBe(Math.max(...golden));
    expect(t.exact).toBe(true);
    expect(t.tokenizer).toBe("tiny-bpe.tokenizer.json");
    expect(r.files[0].stats!.tokens).toBe(t.total);
    expect(t.estimatedCost).toBeGreaterThan(0);
  });

  it("too-long with the target's max-tokens: the records whose render is longer, at their lines", async () => {
    const r = await tokens("qwen-style.jinja", 100);
    const golden = SAME.map((i) => GOLDENS.tokens.counts["qwen-style"][i]!);
    const over = SAME.map((_, k) => k + 1).filter((_, k) => golden[k] > 100);
    expect(over.length).toBeGreaterThan(0);
    expect(r.files[0].findings.filter((x) => x.rule === "too-long").map((x) => x.line)).toEqual(over);
    const msg = r.files[0].findings.find((x) => x.rule === "too-long")!.message;
    expect(msg).toContain(`${golden[over[0] - 1]} tokens`);
    expect((r.tokens as { tooLong: number }).tooLong).toBe(over.length);
  });

  it("the tokenizer: add_special_tokens=false counts, and the BOS its post-processor adds", () => {
    const tok = loadModelTokenizer(join(FIX, "tiny-bpe.tokenizer.json"), "tiny");
    for (const [text, n] of Object.entries(GOLDENS.tokens.pieces)) expect(tok.count(text), text).toBe(n);
    expect(tok.prepends).toBe("<s>");
    expect(GOLDENS.tokens.withSpecial["Hello world"]).toBe(GOLDENS.tokens.pieces["Hello world"] + 1);
    expect(GOLDENS.tokens.merges).toBeGreaterThanOrEqual(200);
    for (const [text, n] of Object.entries(GOLDENS.tokens.hostile)) expect(tok.count(text), JSON.stringify(text)).toBe(n);
  });

  it("the fast count (cached pieces, own BPE merges) equals the library's encode() on hostile texts", () => {
    const file = join(FIX, "tiny-bpe.tokenizer.json");
    const tok = loadModelTokenizer(file, "tiny");
    expect(tok.fast).toBe(true);
    const lib = new Tokenizer(JSON.parse(fixture("tiny-bpe.tokenizer.json")), {});
    const pool = ["<s>", "</s>", "<|im_start|>", "<|im_end|>", "<|im_end", "|>", " ", "  ", "\n", "\r\n", "\t", "a", "the", " The", "weather", "Paris", "18", "1234567", "'s", "'ll", "don't", "é", "中文", "🎉", "👍🏽", "\u0000", "\u200b", "x".repeat(70), " y".repeat(40), "ab".repeat(50), ".,;!?", "—", "ﬁ"];
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let i = 0; i < 400; i++) {
      let text = "";
      const n = 1 + Math.floor(rnd() * 40);
      for (let k = 0; k < n; k++) text += pool[Math.floor(rnd() * pool.length)];
      expect(tok.count(text), JSON.stringify(text)).toBe(lib.encode(text, { add_special_tokens: false }).ids.length);
    }
  });

  it("a SentencePiece-layout tokenizer (Llama 2's: '▁' normalizer, byte fallback) counts as Python's, through encode()", async () => {
    const sp = GOLDENS.tokens.sentencepiece;
    const tok = loadModelTokenizer(join(FIX, sp.tokenizer), "sp");
    expect(tok.fast).toBe(false);
    expect(tok.prepends).toBe("<s>");
    for (const [text, n] of Object.entries(sp.hostile)) expect(tok.count(text), JSON.stringify(text)).toBe(n);
    // the records mistral-style.jinja renders, counted through the whole run
    const rendered = sp["mistral-style"].map((n, i) => [n, i] as const).filter(([n]) => n !== null);
    const dir = tempDir({ "data.jsonl": rendered.map(([, i]) => RECORD_LINES[i]).join("\n") + "\n", "t.jinja": fixture("mistral-style.jinja"), "sp.json": fixture(sp.tokenizer) });
    const r = await check({ files: ["data.jsonl"], config: configFromObject({ target: { "chat-template": "t.jinja", tokenizer: "sp.json", "bos-token": "<s>", "eos-token": "</s>" } }), cwd: dir, date: "2026-01-01" });
    expect((r.tokens as { total: number }).total).toBe(rendered.reduce((a, [n]) => a + n!, 0));
  });

  it("a tokenizer file that is not one: a config error naming it", () => {
    const dir = tempDir({ "tokenizer_config.json": fixture("tokenizer_config.json"), "broken.json": "{\"model\": ", "lfs.json": "version https://git-lfs.github.com/spec/v1\noid sha256:4d7a\nsize 17210000\n" });
    expect(() => loadModelTokenizer(join(dir, "broken.json"), "broken.json")).toThrow(/tokenizer broken.json is not valid JSON/);
    expect(() => loadModelTokenizer(join(dir, "lfs.json"), "lfs.json")).toThrow(/tokenizer lfs.json is a Git LFS pointer, not the file: check out with `lfs: true`/);
    expect(() => loadModelTokenizer(join(dir, "tokenizer_config.json"), "tokenizer_config.json")).toThrow(/this is a tokenizer_config.json: give it as the chat template/);
    expect(() => loadModelTokenizer(join(dir, "missing.json"), "missing.json")).toThrow(ConfigError);
  });
});

// Tokens count everything the trainer sees: tool definitions, tool calls, tool results, names, a top-level system
// prompt, and images (OpenAI's formula, or "not counted"). Reference figures: the OpenAI cookbook's published counts
// (which it checked against the API), and a port of the cookbook's functions written here, apart from the engine.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { countTokens as o200k } from "gpt-tokenizer/encoding/o200k_base";
import { TokenAnalysis } from "../../src/engine/analysis/tokens.js";
import { imageTokens } from "../../src/engine/analysis/image-tokens.js";
import { imageSize } from "../../src/engine/formats/image-size.js";
import { parseChatml } from "../../src/engine/formats/chatml.js";
import type { ParseContext } from "../../src/engine/formats/context.js";
import { renderText } from "../../src/render/text.js";
import { checkDir, runCli, tempDir } from "../helpers/run.js";
import { ROOT } from "../helpers/paths.js";
import { COSTS, refMessages, refRecord, refTools } from "../helpers/cookbook-tokens.js";

const FIXTURES = join(ROOT, "tests", "fixtures", "tokens");
const fixture = (name: string) => readFileSync(join(FIXTURES, name), "utf8");
const records = (text: string) =>
  text
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as Record<string, unknown>);
const quiet: ParseContext = { profile: "generic", emit: () => {} };

/** Total tokens of one record by the engine (every example tokenized). */
async function engineTokens(rec: Record<string, unknown>, encoding: "o200k_base" | "cl100k_base" = "o200k_base"): Promise<number> {
  const t = await TokenAnalysis.create({ encoding, exact: true });
  t.add(parseChatml(rec, quiet)!, { file: 0, line: 1, offset: 0, length: 0 });
  return t.finish().total;
}

describe("the cookbook's own examples, whose counts OpenAI's API confirmed", () => {
  const weatherTool = {
    type: "function",
    function: {
      name: "get_current_weather",
      description: "Get the current weather in a given location",
      parameters: {
        type: "object",
        properties: {
          location: { type: "string", description: "The city and state, e.g. San Francisco, CA" },
          unit: { type: "string", description: "The unit of temperature to return", enum: ["celsius", "fahrenheit"] },
        },
        required: ["location"],
      },
    },
  };
  const withTools = {
    messages: [
      { role: "system", content: "You are a helpful assistant that can answer to questions about the weather." },
      { role: "user", content: "What's the weather like in San Francisco?" },
    ],
    tools: [weatherTool],
  };
  const withNames = {
    messages: [
      { role: "system", content: "You are a helpful, pattern-following assistant that translates corporate jargon into plain English." },
      { role: "system", name: "example_user", content: "New synergies will help drive top-line growth." },
      { role: "system", name: "example_assistant", content: "Things working well together will increase revenue." },
      { role: "system", name: "example_user", content: "Let's circle back when we have more bandwidth to touch base on opportunities for increased leverage." },
      { role: "system", name: "example_assistant", content: "Let's talk later when we're less busy about how to do better." },
      { role: "user", content: "This late pivot means we don't have time to boil the ocean for the client deliverable." },
    ],
  };

  it("messages with names: 124 tokens (gpt-4o, o200k_base) and 129 (gpt-4 / gpt-3.5-turbo, cl100k_base)", async () => {
    expect(await engineTokens(withNames)).toBe(124);
    expect(await engineTokens(withNames, "cl100k_base")).toBe(129);
  });

  it("a tool definition with an enum: 101 tokens (o200k_base) and 105 (cl100k_base)", async () => {
    expect(await engineTokens(withTools)).toBe(101);
    expect(await engineTokens(withTools, "cl100k_base")).toBe(105);
    // without the tool the example is much smaller: the definition is counted
    expect(await engineTokens({ messages: withTools.messages })).toBeLessThan(50);
  });
});

describe("tool-calling records (tests/fixtures/tokens/tool-calls.jsonl)", () => {
  const recs = records(fixture("tool-calls.jsonl"));

  it("each record counts its tool definitions, calls, results, names and top-level system as the cookbook does", async () => {
    for (const [i, rec] of recs.entries()) {
      expect(await engineTokens(rec), `line ${i + 1}`).toBe(refRecord(rec));
      expect(await engineTokens(rec, "cl100k_base"), `line ${i + 1}`).toBe(refRecord(rec, "cl100k"));
    }
  });

  it("the report's total, max and too-long are right on the file", async () => {
    const expected = recs.map((r) => refRecord(r));
    const report = await checkDir({ "train.jsonl": fixture("tool-calls.jsonl") }, { config: { tokens: { exact: true } } });
    expect(report.files[0].errors).toBe(0);
    const t = report.tokens as { total: number; max: number; exact: boolean };
    expect(t.exact).toBe(true);
    expect(t.total).toBe(expected.reduce((a, b) => a + b, 0));
    expect(t.max).toBe(Math.max(...expected));
    // a limit between the stock record's content alone and its real size: too-long at line 2 only
    const line2 = expected[1];
    const limit = line2 - 40;
    const limited = await checkDir({ "train.jsonl": fixture("tool-calls.jsonl") }, { config: { tokens: { "max-tokens": limit } } });
    const long = limited.files[0].findings.filter((f) => f.rule === "too-long").map((f) => f.line);
    expect(long).toEqual(expected.map((n, i) => (n > limit ? i + 1 : 0)).filter(Boolean));
    expect(long).toContain(2);
    expect(limited.files[0].findings.find((f) => f.line === 2 && f.rule === "too-long")!.message).toBe(`example has ${line2} tokens (o200k_base), over the limit of ${limit}`);
  });

  it("ShareGPT with tools as a JSON string: the definitions, the function_call and observation turns count", async () => {
    const sg = records(fixture("sharegpt-tools.jsonl"));
    const report = await checkDir({ "sg.jsonl": fixture("sharegpt-tools.jsonl") }, { config: { tokens: { exact: true } } });
    expect(report.files[0].format).toBe("sharegpt");
    const roles: Record<string, string> = { human: "user", gpt: "assistant", function_call: "assistant", observation: "tool" };
    const expected = sg.map((r) => {
      const msgs = [...(typeof r.system === "string" ? [{ role: "system", content: r.system }] : []), ...(r.conversations as { from: string; value: string }[]).map((t) => ({ role: roles[t.from], content: t.value }))];
      return refMessages(msgs, o200k) + refTools(JSON.parse(r.tools as string), o200k, COSTS.o200k);
    });
    expect((report.tokens as { total: number }).total).toBe(expected[0] + expected[1]);
  });
});

describe("images (tests/fixtures/tokens/images.jsonl)", () => {
  const recs = records(fixture("images.jsonl"));
  const urlOf = (rec: Record<string, unknown>) => ((rec.messages as { content: { image_url?: { url: string } }[] }[])[0].content[1].image_url!.url);

  it("reads the size of PNG, JPEG (baseline after a 3 KB comment, progressive), WebP (VP8, VP8L) and GIF data URIs", () => {
    expect(recs.slice(0, 6).map((r) => imageSize(urlOf(r)))).toEqual([
      { width: 1024, height: 1024 },
      { width: 1100, height: 300 },
      { width: 1300, height: 520 },
      { width: 640, height: 480 },
      { width: 1024, height: 1024 },
      { width: 300, height: 200 },
    ]);
    expect(imageSize(urlOf(recs[6]))).toBeUndefined(); // a URL
    expect(imageSize(urlOf(recs[7]))).toBeUndefined(); // base64 of text, not an image
    expect(imageSize("data:image/png;base64,")).toBeUndefined();
    expect(imageSize("data:image/jpeg;base64,/9j/////")).toBeUndefined(); // fill bytes to the end
  });

  it("OpenAI's formula: the guide's worked examples", () => {
    expect(imageTokens({ width: 1024, height: 1024 })).toBe(765);
    expect(imageTokens({ width: 2048, height: 4096 })).toBe(1105);
    expect(imageTokens({ width: 4096, height: 8192, detail: "low" })).toBe(85);
    expect(imageTokens({ detail: "high" })).toBeUndefined();
  });

  it("counts images of known size into the total and says how many were not counted, in every output", async () => {
    const report = await checkDir({ "vision.jsonl": fixture("images.jsonl") }, { config: { tokens: { exact: true } } });
    expect(report.files[0].errors).toBe(0);
    const images = [765, 595, 85, 425, 765, 255, 0, 0, 85];
    const t = report.tokens as { total: number; images: { parts: number; counted: number; tokens: number } };
    expect(t.images).toEqual({ parts: 9, counted: 7, tokens: images.reduce((a, b) => a + b, 0) });
    const text = recs.map((r) => refRecord(r));
    expect(t.total).toBe(text.reduce((a, b) => a + b, 0) + t.images.tokens);
    const out = renderText(report, { color: false });
    expect(out).toContain("images: 7 counted (2,975 tokens, OpenAI's image formula), 2 not counted: size unknown (a URL or a path; data URIs are measured)");
    expect((report.datasetInfo as { text: string }).text).toContain("Images: 7 counted (2,975 tokens), 2 not counted (size unknown)");
  });
});

describe("the same token figures for any number of worker threads", () => {
  it("tool-calling data over many small chunks: 1 and 2 threads give the same report", () => {
    const base = records(fixture("tool-calls.jsonl"));
    const lines: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const rec = structuredClone(base[i % base.length]) as { messages: { role: string; content?: unknown }[] };
      const user = rec.messages.find((m) => m.role === "user")!;
      user.content = `${String(user.content)} (request ${i}, ${"detail ".repeat(i % 7)})`;
      lines.push(JSON.stringify(rec));
    }
    const dir = tempDir({ "data/train.jsonl": lines.join("\n") + "\n" });
    const env = { CHATML_GATE_CHUNK_BYTES: String(128 * 1024) };
    const one = runCli(["check", "data", "--format", "json", "--workers", "1", "--max-tokens", "150"], dir, env);
    const two = runCli(["check", "data", "--format", "json", "--workers", "2", "--max-tokens", "150"], dir, env);
    expect(two.stderr).toBe("");
    expect(two.stdout).toBe(one.stdout);
    const t = JSON.parse(one.stdout).tokens;
    // the weather and stock-price records (lines 1 and 2 of every 5: 250 and 166 tokens) are over the limit; the stock
    // one only with its two tool definitions counted
    expect(t.tooLong).toBeGreaterThanOrEqual(1200);
    expect(t.exact).toBe(false); // sampled: the figures that must agree are estimates, not only exact counts
  });
});

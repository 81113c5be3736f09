import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CompositionAnalysis } from "../../src/engine/analysis/composition.js";
import { DiversityAnalysis } from "../../src/engine/analysis/diversity.js";
import { TokenAnalysis } from "../../src/engine/analysis/tokens.js";
import { buildDatasetInfo, fmtInt, renderDatasetInfo } from "../../src/engine/dataset-info.js";
import type { Conversation, Message } from "../../src/engine/model.js";

const GOLDEN = path.join(import.meta.dirname, "../fixtures/dataset-info/summary.golden.txt");
const msg = (role: string, text: string): Message => ({ role, text, images: 0, toolCalls: 0 });

function convs(): Conversation[] {
  const sys = ["You are a helpful assistant.", "You are a precise math tutor who always shows the steps of the calculation. ".repeat(3)];
  const out: Conversation[] = [];
  for (let i = 0; i < 12; i++) {
    const answer =
      i % 4 === 0 ? "```python\nprint(" + i + ")\n```" : i % 4 === 1 ? "- one\n- two " + "z".repeat(300) : i % 4 === 2 ? "# Title\n" + "w ".repeat(450) : `Answer ${i}.`;
    const messages = [msg("system", sys[i % 3 === 0 ? 1 : 0]), msg("user", `What is ${i} + ${i}?`), msg("assistant", answer)];
    if (i % 5 === 0) messages.push(msg("user", "Thanks, and again?"), msg("assistant", `Again ${i}.`));
    out.push({ messages, hasTools: false, category: i % 3 === 0 ? "math" : "general" });
  }
  return out;
}

async function info(price = true) {
  const d = new DiversityAnalysis();
  const c = new CompositionAnalysis();
  const t = await TokenAnalysis.create(price ? { pricePerMillion: 3 } : {});
  convs().forEach((v, i) => {
    d.add(v);
    c.add(v);
    t.add(v, { file: 0, line: i + 1, offset: 0, length: 0 });
  });
  return buildDatasetInfo({
    name: "demo-set",
    purpose: "Unit-test fixture for the dataset_info renderer",
    generatedAt: "2025-01-01",
    files: [
      { path: "data/train.jsonl", records: 10, format: "chatml" },
      { path: "data/valid.jsonl", records: 2, format: "chatml" },
    ],
    validationPassed: true,
    errors: 0,
    duplicates: { exact: 1, near: 0 },
    requiredFieldsPresent: true,
    validRecords: 12,
    records: 12,
    diversity: d.finish(),
    composition: c.finish(),
    tokens: t.finish(),
  });
}

describe("dataset_info", () => {
  it("renders the golden summary", async () => {
    const text = renderDatasetInfo(await info());
    if (process.env.UPDATE_GOLDEN) fs.writeFileSync(GOLDEN, text);
    expect(text).toBe(fs.readFileSync(GOLDEN, "utf8"));
  });
  it("category shares are of all examples with a category, not of the 20 shown", async () => {
    const c = new CompositionAnalysis();
    for (let i = 0; i < 1000; i++) c.add({ messages: [msg("user", `q ${i}`), msg("assistant", `a ${i}`)], hasTools: false, category: "c" + String(i % 100).padStart(3, "0") });
    const i = buildDatasetInfo({ name: "x", generatedAt: "2025-01-01", files: [{ path: "a.jsonl", records: 1000, format: "chatml" }], validationPassed: true, errors: 0, duplicates: { exact: 0, near: 0 }, requiredFieldsPresent: true, validRecords: 1000, records: 1000, composition: c.finish() });
    const text = renderDatasetInfo(i);
    expect(text).toContain("1,000 examples with a category, 100 categories, top 20 shown");
    expect(text).toMatch(/c000 +10 \(1\.0%\)/);
  });

  it("JSON validation counts validation errors only: leakage (an error) left it FAILED on valid JSON", async () => {
    const { checkDir } = await import("../helpers/run.js");
    const rec = (i: number) => JSON.stringify({ messages: [{ role: "user", content: `question number ${i} about things` }, { role: "assistant", content: `answer number ${i} in a few words` }] });
    const train = Array.from({ length: 12 }, (_, i) => rec(i)).join("\n") + "\n";
    const clean = await checkDir({ "train.jsonl": train, "validation.jsonl": rec(3) + "\n" + rec(99) + "\n" });
    expect(clean.files[1].findingCounts.leakage).toBe(1);
    const info = clean.datasetInfo as { qa: { errors: number }; text: string };
    expect(info.qa.errors).toBe(0);
    expect(info.text).toContain("✓ JSON validation: PASSED (0 errors)");
    const broken = await checkDir({ "train.jsonl": train + "not json\n", "validation.jsonl": rec(3) + "\n" });
    expect((broken.datasetInfo as { text: string }).text).toContain("✗ JSON validation: FAILED (1 error)");
  });

  it("category-field: an object value is named by its JSON, not merged as [object Object]", async () => {
    const { checkDir } = await import("../helpers/run.js");
    const rec = (topic: unknown, i: number) => JSON.stringify({ messages: [{ role: "user", content: `q ${i}` }, { role: "assistant", content: `a ${i}` }], meta: { cat: topic } });
    const body = [rec({ topic: "math" }, 1), rec({ topic: "code" }, 2), rec({ topic: "code" }, 3), rec(7, 4)].join("\n") + "\n";
    const report = await checkDir({ "d.jsonl": body }, { config: { "category-field": "meta.cat" } });
    const top = (report.composition as { categories: { top: { category: string; count: number }[] } }).categories.top;
    expect(top).toHaveLength(3);
    expect(top[0]).toEqual({ category: '{"topic":"code"}', count: 2 });
    expect(top.slice(1)).toEqual(expect.arrayContaining([{ category: '{"topic":"math"}', count: 1 }, { category: "7", count: 1 }]));
  });

  it("is at most 100 columns wide and deterministic", async () => {
    const a = renderDatasetInfo(await info());
    for (const line of a.split("\n")) expect([...line].length).toBeLessThanOrEqual(100);
    expect(renderDatasetInfo(await info())).toBe(a);
  });
  it("holds the figures as JSON", async () => {
    const i = await info();
    expect(JSON.parse(JSON.stringify(i))).toEqual(i);
    expect(i.totalExamples).toBe(12);
    expect(i.usage.dataFiles).toEqual({ train: ["data/train.jsonl"], validation: ["data/valid.jsonl"] });
    expect(i.qa).toMatchObject({ exactDuplicates: 1, formatCompliance: 100, validationPassed: true });
    expect(i.systemPrompts!.distinct).toBe(2);
  });
  it("omits cost without a price and wraps long data_files", async () => {
    const i = await info(false);
    expect(renderDatasetInfo(i)).not.toContain("cost");
    i.files = Array.from({ length: 4 }, (_, k) => ({ path: `some/very/long/directory/name/part-${k}.jsonl`, records: 3, validRecords: 3, format: "sharegpt" as const, split: "train" }));
    i.usage = { dataFiles: { train: i.files.map((f) => f.path) }, format: "sharegpt" };
    const text = renderDatasetInfo(i);
    expect(text).toContain("formatting: sharegpt");
    for (const line of text.split("\n")) expect([...line].length).toBeLessThanOrEqual(100);
  });
  it("the file table keeps its columns aligned across formats, splits and invalid counts", () => {
    const i = buildDatasetInfo({
      name: "x",
      generatedAt: "2025-01-01",
      files: [
        { path: "data/train.jsonl", records: 240, format: "chatml", validRecords: 240 },
        { path: "data/validation.jsonl", records: 284, format: "preference-openai", validRecords: 200 },
        { path: "data/dpo-train.jsonl", records: 5, format: "preference-trl", validRecords: 5 },
      ],
      validationPassed: false,
      errors: 84,
      duplicates: { exact: 0, near: 0 },
      requiredFieldsPresent: true,
      validRecords: 445,
      records: 529,
    });
    const rows = renderDatasetInfo(i)
      .split("\n")
      .filter((l) => l.startsWith("  data/"));
    expect(rows).toHaveLength(3);
    // the count column ends at the same place, and so does the split column
    const ends = rows.map((r) => /^ {2}\S+ +\d+/.exec(r)![0].length);
    expect(new Set(ends).size).toBe(1);
    const formats = rows.map((r) => r.indexOf(" chatml") >= 0 ? r.indexOf(" chatml") : r.indexOf(" preference"));
    expect(new Set(formats).size).toBe(1);
    expect(rows[1]).toMatch(/preference-openai +\(84 invalid\)$/);
    for (const r of rows) expect(r).toBe(r.trimEnd());
  });

  it("formats integers without locale", () => {
    expect(fmtInt(1234567)).toBe("1,234,567");
    expect(fmtInt(12)).toBe("12");
  });
});

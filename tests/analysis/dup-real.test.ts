// Sanity run over real public files (read in place from ../shared/real-data, never copied). Skipped when absent.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { runDuplicates } from "./helpers.js";

const DIR = new URL("../../../shared/real-data/", import.meta.url);
const read = (name: string) => fs.readFileSync(new URL(name, DIR), "utf8");
const has = fs.existsSync(new URL("autograding-crlf-dupes.jsonl", DIR));

describe.skipIf(!has)("real data", () => {
  it("CRLF file with 213 of 240 lines repeated", async () => {
    const { report } = await runDuplicates([read("autograding-crlf-dupes.jsonl")]);
    console.log(`autograding: exact=${report.exact.duplicateRecords} groups=${report.exact.groupCount} conflicts=${report.exact.conflictingAnswers} near=${report.near.duplicateRecords}`);
    expect(report.exact.duplicateRecords).toBeGreaterThanOrEqual(200);
  });
  it("Turkish and toy files run clean and deterministic", async () => {
    const texts = [read("azure-clippy-turkish-train.jsonl"), read("openai-cookbook-toy-chat.jsonl")];
    const a = await runDuplicates(texts);
    const b = await runDuplicates(texts);
    expect(JSON.stringify(a.report)).toBe(JSON.stringify(b.report));
    console.log(`turkish+toy: exact=${a.report.exact.duplicateRecords} near=${a.report.near.duplicateRecords} conflicts=${a.report.exact.conflictingAnswers}`);
  });
});

// Real-data suite (CHATML_GATE_REAL_DATA; skipped when not set): duplicates on real public files, read in place.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runDuplicates } from "../analysis/helpers.js";
import { REAL } from "../helpers/paths.js";

const read = (name: string) => fs.readFileSync(path.join(REAL as string, name), "utf8");

describe.skipIf(!REAL)("real data", () => {
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
  it("glaive tool-call data: the same question with another tools list is not a conflicting answer", async () => {
    const { checkDir, jsonl } = await import("../helpers/run.js");
    const records = JSON.parse(read("llamafactory-glaive-toolcall-sharegpt-array.jsonl")) as unknown[];
    const report = await checkDir({ "glaive.jsonl": jsonl(...records) });
    const count = (rule: string) => report.files[0].findings.filter((f) => f.rule === rule).length;
    console.log(`glaive: exact=${count("exact-duplicate")} conflicts=${count("conflicting-answers")} near=${count("near-duplicate")}`);
    // Before tools were part of the prompt: 25 conflicts (24 of them the same question with other tools), and 38
    // exact duplicates (3 with other tool descriptions, now near duplicates).
    expect(count("conflicting-answers")).toBe(1);
    expect(count("exact-duplicate")).toBe(35);
    expect(count("near-duplicate")).toBe(4);
  });
});

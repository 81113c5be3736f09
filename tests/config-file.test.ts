// The config file as a user writes it, loaded by loadConfig (the CLI and the action both read it this way).
import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config/config.js";
import { checkDir, jsonl, tempDir } from "./helpers/run.js";

const load = (text: string) => loadConfig("c.yml", tempDir({ "c.yml": text }));

describe("config file: YAML documents", () => {
  it("a second document (after --- or ...) is refused: it was silently ignored, its settings never applied", async () => {
    await expect(load("fail-on: never\n---\nfail-on: error\n")).rejects.toThrow("cannot parse config c.yml: it holds 2 YAML documents (separated by '---' or '...') and only one is read");
    await expect(load("fail-on: never\n...\nthresholds:\n  max-leakage: 0\n")).rejects.toThrow(/holds 2 YAML documents/);
    // a syntax error in a later document is one too
    await expect(load("fail-on: never\n---\nthresholds: [\n")).rejects.toThrow(/cannot parse config c\.yml/);
  });

  it("one document, with or without the --- markers around it, or none at all", async () => {
    for (const text of ["fail-on: never\n", "---\nfail-on: never\n", "fail-on: never\n---\n", "---\nfail-on: never\n...\n"]) expect((await load(text)).failOn, text).toBe("never");
    for (const text of ["", "# nothing yet\n", "---\n", "---\n---\n"]) expect((await load(text)).failOn, text).toBe("error");
  });
});

describe("config file: splits", () => {
  const rec = (i: number) => ({ messages: [{ role: "user", content: `question number ${i} about things` }, { role: "assistant", content: `answer number ${i} with details` }] });
  const files = { "data/sft.jsonl": jsonl(...Array.from({ length: 20 }, (_, i) => rec(i))), "data/holdout.jsonl": jsonl(rec(1), rec(2)) };

  it("an entry one side of which matches no checked file is refused: the leaked records passed max-leakage as mere duplicates", async () => {
    await expect(checkDir(files, { config: { splits: [{ train: "data/sft.jsonl", eval: "data/hold-out.jsonl" }] } })).rejects.toThrow(
      "splits[0].eval 'data/hold-out.jsonl' matches none of the 2 file(s) being checked, while its train matches data/sft.jsonl: that pair would get no leakage check; fix the glob",
    );
    await expect(checkDir(files, { config: { splits: [{ train: ["*.train.jsonl"], eval: "data/holdout.jsonl" }] } })).rejects.toThrow(/splits\[0\]\.train '\*\.train\.jsonl' matches none .* while its eval matches data\/holdout\.jsonl/);
  });

  it("the right globs find the leakage; an entry matching nothing at all (a pull request that changes other files) is fine; validation alone needs no splits", async () => {
    const ok = await checkDir(files, { config: { splits: [{ train: "data/sft.jsonl", eval: "data/holdout.jsonl" }, { train: "other/train.jsonl", eval: "other/val.jsonl" }] } });
    expect(ok.files.find((f) => f.path === "data/holdout.jsonl")?.findingCounts.leakage).toBe(2);
    const v = await checkDir(files, { config: { splits: [{ train: "data/sft.jsonl", eval: "data/hold-out.jsonl" }] }, validateOnly: true });
    expect(v.files).toHaveLength(2);
  });
});

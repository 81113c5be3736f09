// Issue 17 §1: an error is never hidden behind warnings; a rule repeated inside one record is one finding that says
// how many times and where; findings say which field they are about (JSON pointer) and which other record they name.
import { describe, expect, it } from "vitest";
import { check } from "../../src/engine/check.js";
import { defaultConfig } from "../../src/config/config.js";
import { renderText } from "../../src/render/text.js";
import { checkContent, checkDir, jsonl, tempDir } from "../helpers/run.js";

const u = (content: string) => ({ role: "user", content });
const a = (content: string) => ({ role: "assistant", content });

describe("an error is never hidden by the cap", () => {
  it("100,000 warnings, then one error: the error is listed (and named in the text report)", async () => {
    // 100,000 records that each warn (consecutive-same-role), then one invalid-role error on the last line
    const lines: string[] = [];
    for (let i = 0; i < 100_000; i++) lines.push(JSON.stringify({ messages: [u(`q${i}`), u("again"), a(`a${i}`)] }));
    lines.push(JSON.stringify({ messages: [{ role: "bot", content: "hi" }, a("ok")] }));
    const dir = tempDir({ "data.jsonl": lines.join("\n") + "\n" });
    const report = await check({ files: ["data.jsonl"], config: defaultConfig(), cwd: dir, validateOnly: true });
    const f = report.files[0];
    expect(f.findingCounts).toEqual({ "consecutive-same-role": 100_000, "invalid-role": 1 });
    expect(f.findings).toHaveLength(1000);
    expect(f.findingsTruncated).toBe(true);
    expect(f.findings.at(-1)).toMatchObject({ rule: "invalid-role", severity: "error", line: 100_001, pointer: "/messages/0/role" });
    expect(f.findings.slice(0, 999).every((x) => x.rule === "consecutive-same-role")).toBe(true);
    expect(f.findings.map((x) => x.line)).toEqual([...f.findings.map((x) => x.line)].sort((x, y) => x - y)); // listed by line
    const text = renderText(report, { color: false });
    expect(text).toContain("data.jsonl:100001: error invalid-role: messages[0]: 'bot' is not a role");
    expect(text).toMatch(/data\.jsonl: … 99,001 more findings not shown: consecutive-same-role ×99,001/);
  }, 60_000);

  it("a cap of one keeps the error; of two, the first warning too", async () => {
    const content = jsonl(...Array.from({ length: 50 }, (_, i) => ({ messages: [u(`q${i}`), u("more"), a("x")] })), "{broken");
    const config = { "max-findings": 1 };
    expect((await checkContent(content, { config })).findings.map((x) => `${x.rule}@${x.line}`)).toEqual(["invalid-json@51"]);
    expect((await checkContent(content, { config: { "max-findings": 2 } })).findings.map((x) => `${x.rule}@${x.line}`)).toEqual(["consecutive-same-role@1", "invalid-json@51"]);
  });
});

describe("a rule repeated inside one record is one finding", () => {
  it("100,000 user messages in a row: one warning that says how many and where", async () => {
    const messages = [...Array.from({ length: 100_000 }, (_, i) => u(`q${i}`)), a("done")];
    const f = await checkContent(jsonl({ messages: [u("hi"), a("ok")] }, { messages }, { messages: [{ role: "bot", content: "x" }, a("y")] }));
    expect(f.findingCounts).toEqual({ "consecutive-same-role": 1, "invalid-role": 1 });
    expect(f.warnings).toBe(1);
    const w = f.findings.find((x) => x.rule === "consecutive-same-role")!;
    expect(w).toMatchObject({ line: 2, count: 99_999, pointer: "/messages/1" });
    expect(w.message).toBe("messages 0–99,999: 99,999 consecutive same-role pairs; the first: messages 0 and 1 are both 'user': merge them into one message, or add the missing turn between them");
    expect(f.findings.find((x) => x.rule === "invalid-role")).toMatchObject({ line: 3, severity: "error" });
  });

  it("many unknown keys in one message: one finding; a key the file already had is not reported again", async () => {
    const many = { role: "user", content: "q", ...Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, i])) };
    const f = await checkContent(jsonl({ messages: [many, a("x")] }, { messages: [{ role: "user", content: "q", k5: 1, fresh: 2 }, a("y")] }, { messages: [{ role: "user", content: "q", k7: 1 }, a("z")] }));
    expect(f.findingCounts).toEqual({ "unknown-key": 2 });
    expect(f.findings.map((x) => [x.line, x.count ?? 1, x.pointer])).toEqual([
      [1, 20_000, "/messages/0/k0"],
      [2, 1, "/messages/0/fresh"],
    ]);
    expect(f.findings[0].message).toMatch(/^messages\[0\]: 20,000 keys the format does not define; the first: messages\[0\] has the key 'k0'/);
  });

  it("a few scattered repeats are named one by one; different rules stay apart", async () => {
    const messages = [u("a"), a(""), u("b"), a("ok"), u("c"), a(" "), u("d"), a("<|im_end|>"), u("e"), a("")];
    const f = await checkContent(jsonl({ messages }));
    expect(f.findings.map((x) => [x.rule, x.count ?? 1, x.pointer])).toEqual([
      ["empty-content", 3, "/messages/1/content"],
      ["special-token", 1, "/messages/7/content"],
    ]);
    expect(f.findings[0].message).toMatch(/^messages 1, 5 and 9: 3 messages without visible content; the first: message 1 \(assistant\) has empty content/);
  });
});

describe("findings point at the field and at the other record", () => {
  it("JSON pointers in every format", async () => {
    const chatml = await checkContent(jsonl({ messages: [u("q"), { role: "assistant", content: [{ type: "image_url", image_url: { url: "" } }] }] }));
    expect(chatml.findings.map((x) => [x.rule, x.pointer])).toContainEqual(["invalid-content-part", "/messages/1/content/0"]);
    const sharegpt = await checkContent(jsonl({ conversations: [{ from: "human", value: "q" }, { from: "gpt", value: "" }] }));
    expect(sharegpt.findings.map((x) => [x.rule, x.pointer])).toEqual([["empty-content", "/conversations/1/value"]]);
    const alpaca = await checkContent(jsonl({ instruction: "Say hi {{name}}", input: "", output: "hi" }));
    expect(alpaca.findings.map((x) => [x.rule, x.pointer])).toEqual([["template-placeholder", "/instruction"]]);
    const trl = await checkContent(jsonl({ prompt: [u("q")], chosen: [a("same")], rejected: [a("same")] }));
    expect(trl.findings.map((x) => [x.rule, x.pointer])).toEqual([["identical-preference", "/rejected"]]);
    const shape = await checkContent(jsonl({ messages: [u("q"), { role: "assistant", content: "a", weight: 2 }] }));
    expect(shape.findings.map((x) => [x.rule, x.pointer])).toEqual([["invalid-weight", "/messages/1/weight"]]);
  });

  it("duplicates, conflicting answers and leakage name the other record as a place", async () => {
    const rec = (q: string, ans: string) => ({ messages: [u(q), a(ans)] });
    const train = jsonl(...Array.from({ length: 12 }, (_, i) => rec(`question ${i}`, `answer ${i}`)), rec("question 3", "answer 3"), rec("question 5", "another answer"));
    const val = jsonl(rec("question 1", "answer 1"), rec("fresh", "new"));
    const report = await checkDir({ "data/train.jsonl": train, "data/validation.jsonl": val });
    const [t, v] = report.files;
    expect(t.findings.map((x) => [x.rule, x.line, x.related])).toEqual([
      ["exact-duplicate", 13, { path: "data/train.jsonl", line: 4 }],
      ["conflicting-answers", 14, { path: "data/train.jsonl", line: 6 }],
    ]);
    expect(v.findings.filter((x) => x.rule === "leakage").map((x) => [x.line, x.related])).toEqual([[1, { path: "data/train.jsonl", line: 2 }]]);
    const leak = (report.leakage as { records: unknown[] }[])[0];
    expect(leak.records).toEqual([{ line: 1, related: { path: "data/train.jsonl", line: 2 }, kind: "exact" }]);
  });
});

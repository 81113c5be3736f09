// The repeated-phrase rule: a looping answer is named at its line; ordinary repetitive text (tables, code, refrains,
// separators) is not.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkDir } from "../helpers/run.js";
import { ROOT } from "../helpers/paths.js";
import { repeatedPhrase } from "../../src/engine/analysis/repetition.js";
import { scanRecord } from "../../src/engine/analysis/text-scan.js";
import type { Conversation } from "../../src/engine/model.js";

const answer = (text: string, role = "assistant"): Conversation => ({
  messages: [
    { role: "user", text: "Tell me something.", images: 0, toolCalls: 0 },
    { role, text, images: 0, toolCalls: 0 },
  ],
  hasTools: false,
});
const loop = (text: string, role?: string) => repeatedPhrase(answer(text, role), scanRecord(answer(text, role), false))?.message ?? null;

const prose =
  "Training a model on its own looping output is a known failure mode. Distilled datasets collect answers from a " +
  "teacher model, and when sampling goes wrong the teacher repeats itself until it reaches its token limit. ";

describe("repeated-phrase", () => {
  it("names the line, the message, the phrase and how often it repeats: the cookbook's 'Eat a banana!' x 2,000", async () => {
    const r = await checkDir({ "toy.jsonl": readFileSync(join(ROOT, "tests", "fixtures", "shapes", "degenerate-answer.jsonl"), "utf8") });
    const found = r.files[0].findings.filter((f) => f.rule === "repeated-phrase");
    expect(found.map((f) => [f.line, f.severity])).toEqual([[3, "warning"]]);
    expect(found[0].message).toBe(
      'message 2 (assistant) repeats one phrase 2,000 times in a row ("Eat a banana!", 3 words; 100% of the message): a model trained on a looping answer learns to loop; cut the repetition or drop the example',
    );
  });

  it("finds loops separated by spaces, loops at the end of an answer, and text without spaces (by character)", () => {
    expect(loop(Array(40).fill("I am sorry.").join(" "))).toMatch(/repeats one phrase 40 times in a row \("I am sorry\.", 3 words; 100% of the message\)/);
    expect(loop(prose + Array(120).fill("and then").join(" "))).toMatch(/120 times in a row \("and then", 2 words; \d+%/);
    expect(loop("吃香蕉".repeat(300))).toMatch(/300 times in a row \("吃香蕉", 3 characters; 100%/);
    expect(loop("no ".repeat(300))).toMatch(/300 times in a row \("no", 1 word;/);
    // a long phrase is quoted by its first 40 characters
    expect(loop(Array(12).fill("the quick brown fox jumps over the lazy dog while the cat sleeps").join(". "))).toMatch(/12 times in a row \("the quick brown fox jumps over the lazy…", 13 words;/);
  });

  it("is silent on ordinary text that repeats a little: tables, code, refrains, separators, short laughter, user messages", () => {
    const table = ["| a | b | c | d | e | f | g | h |", "|---|---|---|---|---|---|---|---|", ...Array.from({ length: 20 }, (_, i) => `| ${i} | ${i + 1} | x | y | z | 0 | 0 | 0 |`)].join("\n");
    const code = "```python\nbuf = [0, 0, 0, 0, 0, 0, 0, 0]\nfor i in range(8):\n    buf[i] = i * i\nprint(buf)\n```\n" + prose;
    const refrain = Array.from({ length: 6 }, (_, i) => `Verse ${i}: the river runs to the sea.\nRow, row, row your boat, gently down the stream.`).join("\n");
    const cases = [prose.repeat(3), table, code, refrain, `${"=".repeat(300)}\n${prose}`, `Ha ha ha ha ha! ${prose}`, `${"-=".repeat(40)}\n${prose}`];
    for (const c of cases) expect(loop(c), c.slice(0, 40)).toBeNull();
    expect(loop("Eat a banana!".repeat(200), "user")).toBeNull();
  });
});

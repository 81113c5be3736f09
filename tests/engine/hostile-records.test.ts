// Records a user could write that once broke the engine, run through the real engine (tests/hostile.test.ts runs the
// bundled CLI on inputs that hung it).
import { describe, expect, it } from "vitest";
import { checkContent, checkDir, ruleLines } from "../helpers/run.js";

const deepObject = (n: number) => '{"a":'.repeat(n) + "1" + "}".repeat(n);

describe("values nested thousands of levels deep (JSON.parse takes them; a recursive walk overflows the stack)", () => {
  const call = (args: string) =>
    `{"messages":[{"role":"user","content":"hi"},{"role":"assistant","content":null,"tool_calls":[{"id":"c1","type":"function","function":{"name":"f","arguments":${args}}}]},{"role":"tool","tool_call_id":"c1","content":"r"},{"role":"assistant","content":"done"}]}`;
  const ok = (i: number) => JSON.stringify({ messages: [{ role: "user", content: `question ${i}` }, { role: "assistant", content: `answer ${i}` }] });

  it("tool-call arguments, tool definitions and image parts: checked, and the lines after them too (read-error 'cannot read past line 1' before)", async () => {
    const lines = [
      call(deepObject(20_000)),
      call(JSON.stringify(deepObject(20_000))), // the same arguments as a JSON string
      `{"messages":[{"role":"user","content":"hi"},{"role":"assistant","content":"ok"}],"tools":[{"type":"function","function":{"name":"f","parameters":${deepObject(20_000)}}}]}`,
      `{"messages":[{"role":"user","content":[{"type":"text","text":"q"},{"type":"image","image":${deepObject(20_000)}}]},{"role":"assistant","content":"ok"}]}`,
      ok(1),
    ];
    const report = await checkDir({ "d.jsonl": lines.join("\n") + "\n" });
    const f = report.files[0];
    expect(f.records).toBe(5);
    expect(ruleLines(f)).toEqual(["exact-duplicate@2"]); // arguments as an object and as a JSON string are the same call
  });

  it("a category-field value", async () => {
    const rec = `{"messages":[{"role":"user","content":"hi"},{"role":"assistant","content":"ok"}],"meta":{"cat":${deepObject(20_000)}}}`;
    const f = await checkContent(rec + "\n" + ok(2) + "\n", { config: { "category-field": "meta.cat" }, validateOnly: false });
    expect(f.records).toBe(2);
    expect(f.findings).toEqual([]);
  });
});

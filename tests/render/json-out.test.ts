// The JSON report is written in pieces (every duplicate group of a big dataset is hundreds of MB of JSON): the text
// must be JSON.stringify(value, null, 2), byte for byte, whatever the piece size.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Writable } from "node:stream";
import { streamJson, writeJson, writeJsonFile } from "../../src/render/json-out.js";
import { checkDir, jsonl, tempDir } from "../helpers/run.js";

const pieces = (v: unknown, chunk?: number) => {
  const out: string[] = [];
  writeJson(v, (s) => out.push(s), chunk);
  return out;
};

describe("writeJson", () => {
  it("writes what JSON.stringify(value, null, 2) writes, for every kind of value", () => {
    const odd = {
      a: [],
      b: {},
      c: [1, "x", null, true, undefined, () => 1, NaN, -0, Infinity],
      d: { skip: undefined, f: () => 2, nested: { deep: [{ x: 1 }, [], [[]], { y: [1, { z: "\u2028\"\\" }] }] } },
      e: new Date(0),
      f: { toJSON: () => undefined },
      g: [{ toJSON: () => ({ t: 1 }) }],
      "key with \"quotes\"\n": "v",
    };
    for (const v of [odd, [odd, odd], 1, "s", null, [], {}, [[1, [2, [3]]]]]) {
      for (const chunk of [1, 7, 1 << 20]) expect(pieces(v, chunk).join(""), JSON.stringify(v)).toBe(JSON.stringify(v, null, 2));
    }
    expect(() => writeJson(undefined, () => undefined)).toThrow(/no JSON form/);
  });

  it("a real report, in pieces of about the asked size, and to a file", async () => {
    const rec = (i: number) => ({ messages: [{ role: "user", content: `q${i % 40}` }, { role: "assistant", content: `a${i % 40}` }] });
    const report = await checkDir({ "data/train.jsonl": jsonl(...Array.from({ length: 400 }, (_, i) => rec(i))), "data/test.jsonl": jsonl(rec(1), rec(999)) });
    expect((report.duplicates as { exact: { groups: unknown[] } }).exact.groups).toHaveLength(40); // every group
    const out = pieces(report, 4096);
    expect(out.join("")).toBe(JSON.stringify(report, null, 2));
    expect(out.length).toBeGreaterThan(5);
    expect(Math.max(...out.slice(0, -1).map((s) => s.length))).toBeLessThan(4096 + 4096);
    const dir = tempDir();
    writeJsonFile(join(dir, "sub", "report.json"), report);
    expect(readFileSync(join(dir, "sub", "report.json"), "utf8")).toBe(JSON.stringify(report, null, 2) + "\n");
    // a slow reader: the writer waits for it between pieces (it never holds more than a few pieces)
    const got: string[] = [];
    let waiting = 0;
    const slow = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _enc, done) {
        got.push(chunk.toString());
        waiting = Math.max(waiting, slow.writableLength);
        setImmediate(done);
      },
    });
    await streamJson(report, slow);
    expect(got.join("")).toBe(JSON.stringify(report, null, 2) + "\n");
    expect(waiting).toBeLessThan(3 * (1 << 14));
  });
});

import { describe, expect, it } from "vitest";
import { gzipSync } from "node:zlib";
import { checkContent, good, jsonl, ruleLines } from "../helpers/run.js";
import { readLines } from "../../src/engine/read/lines.js";
import { tempDir } from "../helpers/run.js";
import { join } from "node:path";
import { writeFileSync } from "node:fs";

describe("reader", () => {
  it("small files (read at once) and large ones (streamed) give the same lines, offsets and BOM, whole or by range", async () => {
    const dir = tempDir();
    const collect = async (path: string, range?: { start: number; end: number }) => {
      const got: string[] = [];
      const stats = await readLines(path, { line: (buf, start, end, lineNo, offset) => got.push(`${lineNo}@${offset}:${buf.toString("utf8", start, end).slice(0, 20)}`) }, range);
      return { got, stats };
    };
    const lines = ["\uFEFF" + "a".repeat(50), "", "b\r", "c".repeat(300_000), "d"];
    const text = lines.join("\n"); // no final newline
    const small = join(dir, "small.jsonl");
    writeFileSync(small, text);
    // the same text padded past the one-read limit (1 MiB) by a long first line
    const pad = "x".repeat(1_200_000);
    const big = join(dir, "big.jsonl");
    writeFileSync(big, text + "\n" + pad);
    const a = await collect(small);
    const b = await collect(big);
    expect(a.stats.bom).toBe(true);
    expect(b.stats.bom).toBe(true);
    expect(b.got.slice(0, -1)).toEqual(a.got);
    expect(a.got[0]).toBe("1@3:" + "a".repeat(20));
    expect(a.got[2]).toBe("3@55:b"); // CR stripped
    expect(a.stats.bytes).toBe(Buffer.byteLength(text));
    // a range in the middle: numbered from 1 within it, file offsets kept
    const start = Buffer.byteLength(lines.slice(0, 3).join("\n")) + 1;
    const end = start + 300_001;
    expect((await collect(small, { start, end })).got).toEqual(["1@" + start + ":" + "c".repeat(20)]);
    expect((await collect(big, { start, end })).got).toEqual(["1@" + start + ":" + "c".repeat(20)]);
  });

  it("accepts a UTF-8 BOM (a warning) and CRLF endings without shifting line numbers", async () => {
    const body = "\uFEFF" + [JSON.stringify(good(1)), JSON.stringify(good(2)), '{"messages": 5}', JSON.stringify(good(3))].join("\r\n") + "\r\n";
    const f = await checkContent(body);
    expect(f.records).toBe(4);
    expect(ruleLines(f)).toEqual(["byte-order-mark@1", "messages-not-array@3"]);
    expect(f.errors).toBe(1);
  });

  it("treats a final line without newline as a normal line", async () => {
    const f = await checkContent(JSON.stringify(good(1)) + "\n" + '{"messages": []}');
    expect(f.records).toBe(2);
    expect(ruleLines(f)).toEqual(["empty-messages@2"]);
  });

  it("reports invalid UTF-8 at its line and goes on", async () => {
    const bad = Buffer.concat([Buffer.from(JSON.stringify(good(1)) + "\n"), Buffer.from('{"messages":[{"role":"user","content":"caf'), Buffer.from([0xe9]), Buffer.from('"}]}\n'), Buffer.from('{"messages": {}}\n')]);
    const f = await checkContent(bad);
    expect(ruleLines(f)).toEqual(["invalid-utf8@2", "messages-not-array@3"]);
    expect(f.findings[0].message).toMatch(/first at byte 43/);
  });

  it("does not mistake a real U+FFFD character for invalid UTF-8", async () => {
    const rec = { messages: [{ role: "user", content: "replacement \uFFFD char" }, { role: "assistant", content: "ok" }] };
    const f = await checkContent(jsonl(rec));
    expect(f.findings).toEqual([]);
  });

  it("reads .jsonl.gz with the same line numbers", async () => {
    const body = jsonl(good(1), good(2), { messages: [{ role: "user", content: "no answer" }] });
    const f = await checkContent(gzipSync(body), { name: "data.jsonl.gz" });
    expect(f.records).toBe(3);
    expect(ruleLines(f)).toEqual(["missing-assistant@3", "last-not-assistant@3"].filter((r) => r !== "last-not-assistant@3"));
  });

  it("reports a corrupt gzip file without crashing", async () => {
    const gz = gzipSync(jsonl(good(1), good(2), good(3)));
    const f = await checkContent(gz.subarray(0, gz.length - 12), { name: "cut.jsonl.gz" });
    expect(f.findings.map((x) => x.rule)).toContain("read-error");
  });

  it("flags blank and whitespace-only lines as warnings, not errors", async () => {
    const f = await checkContent(JSON.stringify(good(1)) + "\n\n   \n" + JSON.stringify(good(2)) + "\n");
    expect(ruleLines(f)).toEqual(["empty-line@2", "empty-line@3"]);
    expect(f.errors).toBe(0);
    expect(f.records).toBe(2);
  });

  it("reports an empty file and a blank-only file as empty-file", async () => {
    expect(ruleLines(await checkContent(""))).toEqual(["empty-file@1"]);
    expect(ruleLines(await checkContent("\n \n\n"))).toEqual(["empty-file@1"]);
  });

  it("recognises a Git LFS pointer", async () => {
    const f = await checkContent("version https://git-lfs.github.com/spec/v1\noid sha256:518a5bf288456fc9f3b7c980c54116fba0c52f274d3f4d344675d83e4058f6f4\nsize 16200131\n");
    expect(ruleLines(f)).toEqual(["lfs-pointer@1"]);
    expect(f.findings[0].message).toMatch(/git lfs pull/);
  });

  it("reports a JSON array once, with the jq fix, not invalid-json per line", async () => {
    const body = JSON.stringify([good(1), good(2)], null, 2);
    const f = await checkContent(body);
    expect(ruleLines(f)).toEqual(["not-jsonl@1"]);
    expect(f.findings[0].message).toMatch(/JSON array of 2 ChatML/);
    expect(f.findings[0].message).toMatch(/jq -c '\.\[\]'/);
    expect(f.format).toBe("chatml");
  });

  it("reports pretty-printed records once as not-jsonl", async () => {
    const body = JSON.stringify(good(1), null, 2) + "\n" + JSON.stringify(good(2), null, 2) + "\n";
    const f = await checkContent(body);
    expect(ruleLines(f)).toEqual(["not-jsonl@1"]);
  });

  it("still reports invalid-json per line in a JSONL file with a few broken lines", async () => {
    const f = await checkContent(jsonl(good(1), "{\"messages\": [", good(2), "{'messages': []}"));
    expect(ruleLines(f)).toEqual(["invalid-json@2", "invalid-json@4"]);
    expect(f.findings[1].message).toMatch(/double quotes/);
    expect(f.findings[0].message).toMatch(/column/);
  });

  it("reports JSON that is not an object", async () => {
    const f = await checkContent(jsonl(good(1), "[1,2]", "42", "null", '"text"'));
    expect(ruleLines(f)).toEqual(["not-an-object@2", "not-an-object@3", "not-an-object@4", "not-an-object@5"]);
  });

  it("handles a 50 MB line", async () => {
    const big = { messages: [{ role: "user", content: "x" }, { role: "assistant", content: "y".repeat(50 * 1024 * 1024) }] };
    const f = await checkContent(jsonl(good(1), big, good(2)));
    expect(f.records).toBe(3);
    expect(f.errors).toBe(0);
  });

  it("gives exact byte offsets for every line (used to re-read candidates)", async () => {
    const lines = [JSON.stringify(good(1)), "", JSON.stringify(good(22)), "é"];
    const dir = tempDir({ "a.jsonl": "\uFEFF" + lines.join("\r\n") });
    const seen: [number, number, string][] = [];
    await readLines(join(dir, "a.jsonl"), { line: (b, s, e, n, off) => seen.push([n, off, b.toString("utf8", s, e)]) });
    expect(seen.map((x) => x[2])).toEqual(lines);
    const raw = Buffer.from("\uFEFF" + lines.join("\r\n"));
    for (const [, off, text] of seen) expect(raw.toString("utf8", off, off + Buffer.byteLength(text))).toBe(text);
  });
});

describe("reader: files that start with '['", () => {
  it("checks each line when the first line is a complete array and more lines follow", async () => {
    const f = await checkContent(jsonl(["What is 2+2?", "4"], good(1), { messages: [{ role: "user", content: "no answer" }] }));
    expect(ruleLines(f)).toEqual(["not-an-object@1", "missing-assistant@3"]);
  });
  it("reports a one-line JSON array as not-jsonl", async () => {
    expect(ruleLines(await checkContent(JSON.stringify([good(1), good(2)])))).toEqual(["not-jsonl@1"]);
  });
});

describe("reader: encodings", () => {
  it("reports a UTF-16 file once, with the conversion command", async () => {
    const body = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(jsonl(good(1), good(2)), "utf16le")]);
    const f = await checkContent(body);
    expect(ruleLines(f)).toEqual(["invalid-utf8@1"]);
    expect(f.findings[0].message).toMatch(/UTF-16.*iconv -f UTF-16 -t UTF-8/);
  });
  it("does not let prototype names pass as roles", async () => {
    const f = await checkContent(jsonl({ conversations: [{ from: "constructor", value: "x" }, { from: "gpt", value: "y" }] }, { conversations: [{ from: "human", value: "x" }, { from: "toString", value: "y" }] }));
    expect(ruleLines(f)).toEqual(["invalid-role@1", "invalid-role@2"]);
    const g = await checkContent(jsonl({ messages: [{ role: "constructor", content: "x" }, { role: "assistant", content: "y" }] }));
    expect(g.findings[0].message).not.toMatch(/native code|Object\(\)/);
  });
});

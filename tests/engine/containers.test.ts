// Records inside the wrong container (a JSON array, records spread over lines, records glued on one line) are each
// checked at the line where they start; a double-encoded file, a list of bare messages and a BOM are named.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { ValueSplitter, splitValues, sniffPretty, type Span } from "../../src/engine/read/containers.js";
import { checkContent, checkDir, good, ruleLines } from "../helpers/run.js";
import { ROOT } from "../helpers/paths.js";

const fixture = (name: string) => readFileSync(join(ROOT, "tests", "fixtures", "containers", name));

/** Every value the splitter finds when fed `chunks` one after another. */
function split(chunks: Buffer[], arrays = true, maxBytes?: number) {
  const got: string[] = [];
  let offset = 0;
  const s = new ValueSplitter(
    {
      value: (b, st, e, line, off, breaks) => got.push(`${line}@${off}+${breaks}:${b.toString("utf8", st, e)}`),
      tooLong: (line, off, n) => got.push(`too-long ${line}@${off}:${n}`),
      unterminated: (line, off, n) => got.push(`unterminated ${line}@${off}:${n}`),
    },
    { arrays, maxBytes },
  );
  for (const c of chunks) {
    s.push(c, offset);
    offset += c.length;
  }
  return { got, lines: s.end().lines };
}

const bytewise = (text: string) => [...Buffer.from(text)].map((b) => Buffer.from([b]));

describe("value splitter", () => {
  const text = '[\n  {"a": "x]}\\"{["},\n  {"b": [1, {"c": "\\\\"}]}, 42 ,"s\\"q", null\n,{"d":\n1}]\n';

  it("finds each element of an array with its own text, line and byte offset, whatever the chunking", () => {
    const whole = split([Buffer.from(text)]);
    expect(whole.got).toEqual([
      '2@4+0:{"a": "x]}\\"{["}',
      `3@${text.indexOf('{"b"')}+0:{"b": [1, {"c": "\\\\"}]}`,
      `3@${text.indexOf("42")}+0:42`,
      `3@${text.indexOf('"s')}+0:"s\\"q"`,
      `3@${text.indexOf("null")}+0:null`,
      `4@${text.indexOf('{"d"')}+1:{"d":\n1}`,
    ]);
    expect(whole.lines).toBe(5);
    // one byte at a time: escapes, strings and values cut at every possible place
    expect(split(bytewise(text))).toEqual(whole);
  });

  it("reads concatenated objects on one line and across lines", () => {
    expect(split([Buffer.from('{"a":1}{"b":2}\n{\n"c":3\n}{"d":4}')], false).got).toEqual(["1@0+0:{\"a\":1}", "1@7+0:{\"b\":2}", "2@15+2:{\n\"c\":3\n}", "4@24+0:{\"d\":4}"]);
  });

  it("without arrays, a '[' starts a value like any other", () => {
    expect(split([Buffer.from("[1, 2]\n[3]")], false).got).toEqual(["1@0+0:[1, 2]", "2@7+0:[3]"]);
  });

  it("reports a value that never ends, and one over the size limit, with the lines still counted", () => {
    expect(split([Buffer.from('[{"a": 1},\n{"b": [1,\n2}\n')]).got).toEqual(["1@1+0:{\"a\": 1}", "unterminated 2@11:13"]);
    const r = split(bytewise('{"a":\n"xxxxxxxxxx"}\n{"b":1}'), false, 8);
    expect(r.got).toEqual(["too-long 1@0:19", "3@20+0:{\"b\":1}"]);
  });

  it("splitValues: spans of a line, complete or not", () => {
    const buf = Buffer.from('xx{"a":1} {"b":2}yy');
    const { values, complete } = splitValues(buf, 2, 17);
    expect(values.map((v: Span) => buf.toString("utf8", v.start, v.end))).toEqual(['{"a":1}', '{"b":2}']);
    expect(complete).toBe(true);
    expect(splitValues(Buffer.from('{"a":1}{"b":'), 0, 12).complete).toBe(false);
  });

  it("sniffPretty tells records spread over lines from JSON Lines", () => {
    const pretty = Buffer.from(JSON.stringify(good(1), null, 2) + "\n" + JSON.stringify(good(2), null, 2) + "\n");
    expect(sniffPretty(pretty, true)).toBe("pretty");
    expect(sniffPretty(pretty.subarray(0, 40), false)).toBe("undecided");
    expect(sniffPretty(Buffer.from(JSON.stringify(good(1)) + "\n" + JSON.stringify(good(2)) + "\n"), true)).toBeNull();
    // a truncated first line of a JSONL file is not a container
    expect(sniffPretty(Buffer.from('{"messages": [\n' + JSON.stringify(good(2)) + "\n"), true)).toBeNull();
    // glued records on the first line: the line pass splits them
    expect(sniffPretty(Buffer.from(JSON.stringify(good(1)) + JSON.stringify(good(2)) + "\n"), true)).toBeNull();
  });
});

describe("check: every record is checked, whatever the container", () => {
  it("a JSON array of Alpaca records: one not-jsonl, then each record's own findings at its line", async () => {
    const f = await checkContent(fixture("alpaca-array.jsonl"), { validateOnly: false });
    expect(ruleLines(f)).toEqual(["not-jsonl@1", "invalid-content-type@12", "exact-duplicate@17"]);
    expect(f.records).toBe(5);
    expect(f.validRecords).toBe(4);
    expect(f.format).toBe("alpaca");
    expect(f.findings[0].message).toMatch(/JSON array of 5 Alpaca .*records.*each record is checked at the line where it starts.*chatml-gate fix/);
    expect(f.findings[2].message).toMatch(/Exact duplicate of data\.jsonl:2 /);
  });

  it("records pretty-printed over lines: the record is checked, not the message lines that parse alone", async () => {
    const f = await checkContent(fixture("pretty-messages.jsonl"));
    expect(ruleLines(f)).toEqual(["not-jsonl@1", "missing-assistant@7"]);
    expect(f.records).toBe(3);
    expect(f.findings[0].message).toMatch(/3 ChatML .* records spread over several lines/);
  });

  it("records glued on one line are split and each is checked there", async () => {
    const f = await checkContent(fixture("glued.jsonl"), { validateOnly: false });
    expect(ruleLines(f)).toEqual(["not-jsonl@1", "missing-assistant@2", "exact-duplicate@3", "exact-duplicate@3"]);
    expect(f.records).toBe(5);
    expect(f.findings[0].message).toMatch(/line 1 holds 2 records one after another/);
  });

  it("records separated by bare CRs (classic Mac line ends) are each checked, and the message names the CRs", async () => {
    const f = await checkContent([JSON.stringify(good(1)), JSON.stringify({ messages: [] }), JSON.stringify(good(2))].join("\r") + "\r");
    expect(ruleLines(f)).toEqual(["not-jsonl@1", "empty-messages@1"]);
    expect(f.records).toBe(3);
    expect(f.findings[0].message).toMatch(/line 1 holds 3 records separated by bare CRs/);
  });

  it("a double-encoded file says so and how to decode it, once", async () => {
    const f = await checkContent(fixture("double-encoded.jsonl"));
    expect(ruleLines(f)).toEqual(["not-an-object@1"]);
    expect(f.records).toBe(2);
    expect(f.validRecords).toBe(0);
    expect(f.findings[0].message).toMatch(/JSON string that holds a JSON object \(double-encoded.*jq -c 'fromjson'/);
    const whole = await checkContent(JSON.stringify(JSON.stringify([good(1), good(2)])));
    expect(whole.findings[0].message).toMatch(/holds a JSON array of 2 item\(s\).*jq -r \. FILE \| jq -c '\.\[\]'/);
  });

  it("a list of bare messages is named as one list of messages, not conversations", async () => {
    const f = await checkContent(fixture("bare-messages.jsonl"));
    expect(ruleLines(f)).toEqual(["not-jsonl@1"]);
    expect(f.findings[0].message).toMatch(/one JSON list of 4 chat messages .*not a list of conversations.*jq -c '\{messages: \.\}'/);
    expect(f.validRecords).toBe(0);
  });

  it("a UTF-8 BOM is a warning, never an error; CRLF line ends are read as usual", async () => {
    const f = await checkContent(fixture("bom-crlf.jsonl"));
    expect(ruleLines(f)).toEqual(["byte-order-mark@1", "messages-not-array@3"]);
    expect(f.findings[0].severity).toBe("warning");
    expect(f.findings[0].message).toMatch(/json\.loads/);
    const pretty = await checkContent("\uFEFF" + JSON.stringify([good(1)], null, 2));
    expect(ruleLines(pretty)).toEqual(["byte-order-mark@1", "not-jsonl@1"]);
  });

  it("a broken record inside an array is reported at its line with the line and column inside it; the rest is checked", async () => {
    const body = "[\n" + JSON.stringify(good(1), null, 2) + ",\n{\n  \"messages\": [\n    {\"role\": \"user\", \"content\": \"hi\"},\n  ]\n},\n" + JSON.stringify({ messages: [] }) + "\n]\n";
    const f = await checkContent(body);
    const start = body.split("\n").lastIndexOf("{") + 1;
    expect(ruleLines(f)).toEqual(["not-jsonl@1", `invalid-json@${start}`, `empty-messages@${start + 5}`]);
    expect(f.findings[1].message).toMatch(/at line 4 of the record, column 3/);
  });

  it("an array cut short: the records before the cut are checked, the cut one is named", async () => {
    const body = JSON.stringify([good(1), good(2), { messages: [] }], null, 2);
    const f = await checkContent(body.slice(0, body.lastIndexOf("[]")));
    expect(f.records).toBe(3);
    expect(ruleLines(f)).toEqual(["not-jsonl@1", `invalid-json@${body.split("\n").length - 3}`]);
    expect(f.findings[1].message).toMatch(/never ends/);
  });

  it("an array that never closes: its complete records are checked, and the missing ']' is named", async () => {
    const body = "[\n" + JSON.stringify(good(1)) + ",\n" + JSON.stringify(good(2)) + ",\n";
    const f = await checkContent(body);
    expect(ruleLines(f)).toEqual(["not-jsonl@1", "invalid-json@3"]);
    expect(f.records).toBe(2);
    expect(f.findings[1].message).toMatch(/the JSON array never closes \(no final '\]'\): the file was probably cut short/);
    expect(ruleLines(await checkContent("["))).toEqual(["invalid-json@1", "not-jsonl@1"]);
  });

  it("a gzipped array: duplicates and near duplicates found as in the plain file (records re-read by byte span)", async () => {
    // the near duplicate answers the same prompt differently: one conflicting-answers finding (the most specific)
    const long = (i: number, w: string) => ({ messages: [{ role: "user", content: `Explain topic ${i} in detail.` }, { role: "assistant", content: `${"Lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor ".repeat(6)}${w}` }] });
    const body = JSON.stringify([long(1, "one"), good(1), long(1, "two"), good(1)], null, 2);
    const plain = await checkDir({ "a.jsonl": body });
    const gz = await checkDir({ "a.jsonl.gz": gzipSync(body) });
    expect(ruleLines(plain.files[0])).toEqual(ruleLines(gz.files[0]));
    const at = (rule: string) => plain.files[0].findings.find((x) => x.rule === rule)?.line;
    const starts = body.split("\n").flatMap((l, i) => (l === "  {" ? [i + 1] : []));
    expect([at("conflicting-answers"), at("exact-duplicate")]).toEqual([starts[2], starts[3]]);
  });
});

describe("check: a record spread over lines in the middle of a JSON Lines file", () => {
  const pretty = JSON.stringify({ messages: [{ role: "user", content: "Hi" }, { role: "assistant", content: "Hello" }] }, null, 2);
  it("is read as one record at its first line; its message lines that parse alone are not records", async () => {
    const body = [JSON.stringify(good(1)), pretty, JSON.stringify({ messages: [] }), JSON.stringify(good(2))].join("\n") + "\n";
    const f = await checkContent(body);
    expect(ruleLines(f)).toEqual(["not-jsonl@2", "empty-messages@14"]);
    expect(f.records).toBe(4);
    expect(f.validRecords).toBe(3);
    expect(f.findings[0].message).toMatch(/lines 2–13 hold one record spread over several lines/);
  });

  it("a truncated line is not taken for one: the lines after it are read one by one, as before", async () => {
    const body = [JSON.stringify(good(1)), '{"messages": [{"role": "user", "content": "cut"}', JSON.stringify(good(2)), JSON.stringify({ messages: 5 })].join("\n") + "\n";
    expect(ruleLines(await checkContent(body))).toEqual(["invalid-json@2", "messages-not-array@4"]);
    const unterminatedString = [JSON.stringify(good(1)), '{"messages": [{"role": "user", "content": "cut', JSON.stringify(good(2))].join("\n") + "\n";
    expect(ruleLines(await checkContent(unterminatedString))).toEqual(["invalid-json@2"]);
    // the file ends while the record is open
    expect(ruleLines(await checkContent(JSON.stringify(good(1)) + "\n" + pretty.split("\n").slice(0, 4).join("\n")))).toEqual(["invalid-json@2", "invalid-json@3", "invalid-json@4", "invalid-json@5"]);
  });
});

describe("check: JSON Lines of bare messages", () => {
  it("is one finding that says the file holds messages, not conversations", async () => {
    const f = await checkContent('{"role": "user", "content": "Hi"}\n{"role": "assistant", "content": "Hello!"}\n{"from": "human", "value": "Bye"}\n');
    expect(ruleLines(f)).toEqual(["missing-messages@1"]);
    expect(f.findings[0].message).toMatch(/a list of bare chat messages \(one \{"role", "content"\} per line\), not of conversations.*jq -s -c '\{messages: \.\}'/);
    expect(f.validRecords).toBe(0);
  });
});

describe("check: records inside a container are rendered with the target chat template", () => {
  const template = readFileSync(join(ROOT, "tests", "fixtures", "target", "mistral-style.jinja"), "utf8");
  const noSystem = (i: number) => ({ messages: good(i).messages.filter((m) => m.role !== "system") });
  const sys = JSON.stringify(good(1));
  const twoUsers = JSON.stringify({ messages: [{ role: "user", content: "Hi" }, { role: "user", content: "Hello?" }, { role: "assistant", content: "Yes." }] });
  const ok = JSON.stringify(noSystem(2));
  const target = { target: { "chat-template": "mistral-style.jinja", "bos-token": "<s>", "eos-token": "</s>" } };
  const templateErrors = (f: { findings: { rule: string; line: number; message: string }[] }) =>
    f.findings.filter((x) => x.rule === "template-error").map((x) => `${x.line}:${/System role/.test(x.message) ? "system" : "alternate"}`);

  it("in a JSON array, glued on one line and spread over lines: each template error at the line where its record starts", async () => {
    const spread = (s: string) => s.replace(/\{"role"/g, '\n  {"role"');
    const r = await checkDir(
      {
        "array.jsonl": `[\n${ok},\n${sys},\n${twoUsers}\n]\n`,
        "glued.jsonl": `${ok}\n${sys}${twoUsers}\n${ok}\n`,
        "spread.jsonl": `${ok}\n${spread(sys)}\n${ok}\n`,
        "mistral-style.jinja": template,
      },
      { config: target, validateOnly: true },
    );
    const byPath = Object.fromEntries(r.files.map((f) => [f.path, f]));
    expect(templateErrors(byPath["array.jsonl"])).toEqual(["3:system", "4:alternate"]);
    expect(templateErrors(byPath["glued.jsonl"])).toEqual(["2:system", "2:alternate"]);
    expect(templateErrors(byPath["spread.jsonl"])).toEqual(["2:system"]);
    expect(r.target).toMatchObject({ chatTemplate: "mistral-style.jinja", records: 10 });
  });
});

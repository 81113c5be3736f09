// The safe fixes on real bad inputs: each record written from its own source text, nothing else changed, a clean
// file left byte for byte, files it cannot fix left as they were (exit 1), and a second run changes nothing.
import { describe, expect, it } from "vitest";
import { gunzipSync, gzipSync } from "node:zlib";
import { chmodSync, lstatSync, readFileSync, statSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { fix, sameRecords } from "./helpers.js";
import { good, jsonl, tempDir } from "../helpers/run.js";
import { ROOT } from "../helpers/paths.js";

const fixture = (name: string) => readFileSync(join(ROOT, "tests", "fixtures", "containers", name));
const rec = (i: number) => JSON.stringify(good(i));

describe("fix: safe fixes", () => {
  it("leaves a clean file byte for byte (not even rewritten), and says so", async () => {
    const body = jsonl(good(1), good(2));
    const r = await fix({ "a.jsonl": body });
    const before = statSync(join(r.dir, "a.jsonl"));
    expect(r.code).toBe(0);
    expect(r.text("a.jsonl")).toBe(body);
    expect(r.stdout).toMatch(/^a\.jsonl: unchanged \(2 records in, 2 out\)\n1 file: 0 fixed, 1 unchanged; 2 records in, 2 out\n$/);
    const again = await fix({}, {}, ["a.jsonl"], r.dir);
    expect(statSync(join(r.dir, "a.jsonl")).ino).toBe(before.ino); // not replaced
    expect(again.code).toBe(0);
    // a file without a final newline is clean too
    const last = await fix({ "b.jsonl": rec(1) + "\n" + rec(2) });
    expect(last.text("b.jsonl")).toBe(rec(1) + "\n" + rec(2));
  });

  it("strips a BOM, turns CRLF into LF and drops blank lines, leaving each record's bytes as they were", async () => {
    const body = "\uFEFF" + rec(1) + "\r\n\r\n   \r\n" + rec(2) + "\r\n" + '{"messages": 5}' + "\r\n";
    const r = await fix({ "a.jsonl": body });
    expect(r.code).toBe(0);
    expect(r.text("a.jsonl")).toBe(rec(1) + "\n" + rec(2) + "\n" + '{"messages": 5}' + "\n");
    expect(r.stdout).toContain("a.jsonl:1: byte-order-mark: removed the UTF-8 byte-order mark (EF BB BF)");
    expect(r.stdout).toContain("a.jsonl:1: line-endings: CRLF → LF on 5 lines");
    expect(r.stdout).toContain("a.jsonl:2: blank-lines: dropped a blank line");
    expect(r.stdout).toContain("a.jsonl:3: blank-lines: dropped a whitespace-only line");
    expect(r.stdout).toMatch(/a\.jsonl: fixed \(3 records in, 3 out\)/);
  });

  it("writes a JSON array one record per line from each record's own text: big integers, 1.0, -0, duplicate keys and escapes survive", async () => {
    const records = [
      '{"messages": [{"role": "user", "content": "caf\\u00e9 \\/ \\ud83d\\ude00"}, {"role": "assistant", "content": "ok"}], "id": 12345678901234567890, "score": 1.0, "delta": -0, "k": 1, "k": 2}',
      '{"messages":[{"role":"user","content":"x"},{"role":"assistant","content":"1E+2"}],"n":1e400}',
    ];
    const body = "[\n  " + records[0].replace(/, "/g, ',\n    "') + ",\n  " + records[1] + "\n]\n";
    const r = await fix({ "a.jsonl": body });
    expect(r.code).toBe(0);
    const out = r.text("a.jsonl");
    expect(sameRecords(out, records)).toBe(true);
    expect(out).toContain('"id":12345678901234567890,"score":1.0,"delta":-0,"k":1,"k":2');
    expect(out).toContain('"caf\\u00e9 \\/ \\ud83d\\ude00"');
    expect(out.split("\n")[1]).toBe(records[1]); // a record already on one line is copied as it is
    expect(r.stdout).toContain("a.jsonl:1: one-record-per-line: the JSON array of 2 records written one record per line (1 joined onto one line each, whitespace between tokens removed)");
  });

  it("joins records pretty-printed over lines and splits records glued on one line", async () => {
    const p = await fix({ "p.jsonl": fixture("pretty-messages.jsonl") });
    expect(p.text("p.jsonl").split("\n")).toHaveLength(4);
    expect(p.text("p.jsonl").split("\n")[1]).toBe('{"messages":[{"role":"user","content":"Who wrote Hamlet?"}]}');
    const g = await fix({ "g.jsonl": fixture("glued.jsonl") });
    expect(g.text("g.jsonl").split("\n").filter(Boolean).map((l) => JSON.parse(l).messages[0].content)).toEqual(["Square root of 81?", "Square root of 64?", "Square root of 49?", "Square root of 81?", "Square root of 64?"]);
    expect(g.stdout).toContain("g.jsonl:1: one-record-per-line: split 2 records glued on one line");
    expect(g.stdout).toContain("g.jsonl:3: one-record-per-line: split 2 records glued on one line");
  });

  it("joins a record pretty-printed in the middle of a JSON Lines file; a truncated line stays as it is", async () => {
    const pretty = JSON.stringify(good(7), null, 2);
    const cut = '{"messages": [{"role": "user", "content": "cut"}';
    const r = await fix({ "a.jsonl": [rec(1), pretty, cut, rec(2)].join("\n") + "\n" });
    expect(r.text("a.jsonl")).toBe([rec(1), rec(7), cut, rec(2)].join("\n") + "\n");
    expect(r.stdout).toContain(`a.jsonl:2: one-record-per-line: joined the record spread over lines 2–${1 + pretty.split("\n").length} onto one line`);
    expect(r.stdout).toMatch(/a\.jsonl:\d+: refused: invalid JSON/);
  });

  it("classic Mac line ends (bare CRs: the file reads as one line) and a BOM at the start of a line (files joined with cat)", async () => {
    const r = await fix({ "mac.jsonl": [rec(1), rec(2), rec(3)].join("\r") + "\r", "cat.jsonl": rec(1) + "\n\uFEFF" + rec(2) + "\n" });
    expect(r.text("mac.jsonl")).toBe([rec(1), rec(2), rec(3)].join("\n") + "\n");
    expect(r.stdout).toContain("mac.jsonl:1: line-endings: split 3 records separated by bare CRs (classic Mac line ends)");
    expect(r.text("cat.jsonl")).toBe(rec(1) + "\n" + rec(2) + "\n");
    expect(r.stdout).toContain("cat.jsonl:2: byte-order-mark: removed a byte-order mark at the start of the line (files joined with cat?)");
  });

  it("keeps an invalid line verbatim, or writes it to --rejects with path, line, reason and text", async () => {
    const bad = '{"messages": [{"role": "user", "content": "cut';
    const latin1 = Buffer.concat([Buffer.from('{"messages": [{"role": "user", "content": "caf'), Buffer.from([0xe9]), Buffer.from('"}]}')]);
    const body = Buffer.concat([Buffer.from(rec(1) + "\r\n" + bad + "\r\n"), latin1, Buffer.from("\r\n" + rec(2) + "\r\n")]);
    const kept = await fix({ "a.jsonl": body });
    expect(kept.code).toBe(0);
    expect(kept.read("a.jsonl")).toEqual(Buffer.concat([Buffer.from(rec(1) + "\n" + bad + "\n"), latin1, Buffer.from("\n" + rec(2) + "\n")]));
    expect(kept.stdout).toMatch(/a\.jsonl:2: refused: invalid JSON \(.*\): kept as it is/);
    expect(kept.stdout).toMatch(/a\.jsonl:3: refused: not valid UTF-8 \(--unsafe --from-encoding cp1252 or latin1 re-reads it\): kept as it is/);
    const moved = await fix({ "a.jsonl": body }, { rejects: "rejects.jsonl" });
    expect(moved.text("a.jsonl")).toBe(rec(1) + "\n" + rec(2) + "\n");
    const rejects = moved.text("rejects.jsonl").trim().split("\n").map((l) => JSON.parse(l));
    expect(rejects).toEqual([
      { path: "a.jsonl", line: 2, reason: expect.stringMatching(/^invalid JSON/), text: bad },
      { path: "a.jsonl", line: 3, reason: expect.stringMatching(/^not valid UTF-8/), text: latin1.toString("utf8"), base64: latin1.toString("base64") },
    ]);
    expect(moved.stdout).toContain("2 refused records written to rejects.jsonl");
  });

  it("reads and writes .jsonl.gz (gzip stays gzip), in place and with -o", async () => {
    const body = "\uFEFF" + JSON.stringify([good(1), good(2)], null, 2);
    const r = await fix({ "a.jsonl.gz": gzipSync(body) });
    expect(r.code).toBe(0);
    expect(sameRecords(gunzipSync(r.read("a.jsonl.gz")).toString(), [rec(1), rec(2)])).toBe(true);
    const o = await fix({ "b.jsonl.gz": gzipSync(body) }, { output: "out/b.jsonl" }, ["b.jsonl.gz"]);
    expect(o.code).toBe(0);
    expect(sameRecords(o.text("out/b.jsonl"), [rec(1), rec(2)])).toBe(true);
    expect(gunzipSync(o.read("b.jsonl.gz")).toString()).toBe(body); // the input is untouched
    // a clean .gz is left byte for byte (not recompressed)
    const gz = gzipSync(jsonl(good(1)));
    const c = await fix({ "c.jsonl.gz": gz });
    expect(c.read("c.jsonl.gz")).toEqual(gz);
  });

  it("--dry-run changes nothing and tells what it would do; --diff prints a unified diff", async () => {
    const body = rec(1) + "\r\n\r\n" + rec(2) + "\r\n";
    const d = await fix({ "a.jsonl": body }, { "dry-run": true });
    expect(d.code).toBe(0);
    expect(d.text("a.jsonl")).toBe(body);
    expect(d.stdout).toMatch(/^a\.jsonl: would fix \(2 records in, 2 out\)/);
    expect(d.stdout).toMatch(/dry run: 1 file: 1 would fix, 0 unchanged/);
    const diff = await fix({ "a.jsonl": body }, { diff: true });
    expect(diff.text("a.jsonl")).toBe(body);
    expect(diff.stdout).toBe(`--- a/a.jsonl\n+++ b/a.jsonl\n@@ -1,3 +1,2 @@\n-${rec(1)}\r\n-\r\n-${rec(2)}\r\n+${rec(1)}\n+${rec(2)}\n`);
    expect(diff.stderr).toMatch(/a\.jsonl: would fix/);
    // hunks per change: a dropped blank line between unchanged lines
    const two = await fix({ "b.jsonl": rec(1) + "\n\n" + rec(2) + "\n" + rec(3) + "\n\n" }, { diff: true });
    expect(two.stdout).toBe("--- a/b.jsonl\n+++ b/b.jsonl\n@@ -2 +1,0 @@\n-\n@@ -5 +3,0 @@\n-\n");
    // a last line without a line break gets one: the diff shows it, so that patch gives the fixed file
    const last = await fix({ "c.jsonl": rec(1) + "\n\n" + rec(2) }, { diff: true });
    expect(last.stdout).toBe(`--- a/c.jsonl\n+++ b/c.jsonl\n@@ -2,2 +2 @@\n-\n-${rec(2)}\n\\ No newline at end of file\n+${rec(2)}\n`);
  });

  it.skipIf(spawnSync("patch", ["--version"]).status !== 0)("--diff applied with patch gives exactly what fix writes", async () => {
    const files = {
      "array.jsonl": fixture("alpaca-array.jsonl"),
      "glued.jsonl": fixture("glued.jsonl"),
      "pretty.jsonl": fixture("pretty-messages.jsonl"),
      "crlf.jsonl": "\uFEFF" + rec(1) + "\r\n\r\n" + rec(2) + "\r\n" + rec(3),
      "mid.jsonl": rec(1) + "\n" + JSON.stringify(good(4), null, 2) + "\n" + rec(2) + "\n\n",
    };
    const names = Object.keys(files);
    const d = await fix(files, { diff: true, unsafe: true });
    const f = await fix(files, { unsafe: true });
    const p = spawnSync("patch", ["-p1", "--quiet"], { cwd: d.dir, input: d.stdout, encoding: "utf8" });
    expect(p.stderr).toBe("");
    expect(p.status).toBe(0);
    for (const n of names) expect(d.read(n).toString(), n).toBe(f.read(n).toString());
  });

  it("--format json: the manifest per file, with each change and the counts", async () => {
    const r = await fix({ "a.jsonl": "\uFEFF" + rec(1) + "\n\n" + rec(2) + "\n", "b.jsonl": rec(3) + "\n" }, { format: "json" });
    const m = JSON.parse(r.stdout);
    expect(m.tool.name).toBe("chatml-quality-gate");
    expect(m.files[0]).toMatchObject({ path: "a.jsonl", output: "a.jsonl", status: "fixed", recordsIn: 2, recordsOut: 2, linesIn: 3, linesOut: 2, counts: { "byte-order-mark": 1, "blank-lines": 1 }, refused: 0 });
    expect(m.files[0].changes).toEqual([
      { fix: "byte-order-mark", line: 1, action: "removed the UTF-8 byte-order mark (EF BB BF)" },
      { fix: "blank-lines", line: 2, action: "dropped a blank line" },
    ]);
    expect(m.files[1]).toMatchObject({ path: "b.jsonl", status: "unchanged", changes: [] });
    expect(m.summary).toEqual({ files: 2, fixed: 1, unchanged: 1, notFixed: 0, recordsIn: 3, recordsOut: 3, refused: 0 });
  });

  it("leaves a file it cannot fix byte for byte and exits 1: LFS pointer, bare messages, double-encoded, an array cut short", async () => {
    const files = {
      "lfs.jsonl": "version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 48213907\n",
      "bare.jsonl": fixture("bare-messages.jsonl"),
      "double.jsonl": fixture("double-encoded.jsonl"),
      "whole-double.jsonl": JSON.stringify(JSON.stringify([good(1), good(2)])) + "\n",
      "cut.jsonl": JSON.stringify([good(1), good(2)], null, 2).slice(0, -40),
      "empty-array.jsonl": "[\n]\n",
      "open.jsonl": "[",
      "cut.jsonl.gz": gzipSync("\uFEFF" + jsonl(good(1), good(2), good(3))).subarray(0, 60),
      "ok.jsonl": "\uFEFF" + rec(1) + "\n",
    };
    const r = await fix(files);
    expect(r.code).toBe(1);
    for (const [name, body] of Object.entries(files)) if (name !== "ok.jsonl") expect(r.read(name), name).toEqual(Buffer.from(body));
    expect(r.text("ok.jsonl")).toBe(rec(1) + "\n"); // the others are still fixed
    expect(r.stdout).toMatch(/lfs\.jsonl: NOT FIXED: a Git LFS pointer, not the data/);
    expect(r.stdout).toMatch(/bare\.jsonl: NOT FIXED: the file is one JSON list of 4 chat messages, not of conversations/);
    expect(r.stdout).toMatch(/double\.jsonl: NOT FIXED: the records are JSON strings holding JSON \(double-encoded\)/);
    expect(r.stdout).toMatch(/whole-double\.jsonl: NOT FIXED: the records are JSON strings holding JSON/);
    expect(r.stdout).toMatch(/cut\.jsonl: NOT FIXED: the record starting at line \d+ never ends/);
    expect(r.stdout).toMatch(/empty-array\.jsonl: NOT FIXED: the JSON array is empty/);
    expect(r.stdout).toMatch(/cut\.jsonl\.gz: NOT FIXED: cannot read the file: unexpected end of file/);
    expect(r.stdout).toMatch(/open\.jsonl: NOT FIXED: the JSON array holds no record and never closes/);
    expect(r.stdout).toMatch(/9 files: 1 fixed, 0 unchanged, 8 not fixed/);
  });

  it("is idempotent: a second run changes nothing", async () => {
    const body = "\uFEFF" + JSON.stringify([good(1), good(2)], null, 2) + "\n" ;
    // d.jsonl: an array with a broken record spread over lines, kept verbatim (its lines) by the first run
    const broken = "[\n" + JSON.stringify(good(1), null, 2) + ",\n{\n  \"messages\": [\n    {\"role\": \"user\", \"content\": \"hi\"},\n  ]\n},\n" + rec(2) + "\n]\n";
    const names = ["a.jsonl", "b.jsonl", "c.jsonl", "d.jsonl"];
    const first = await fix({ "a.jsonl": body, "b.jsonl": fixture("glued.jsonl"), "c.jsonl": fixture("bom-crlf.jsonl"), "d.jsonl": broken });
    expect(first.text("d.jsonl")).toBe(rec(1) + '\n{\n  "messages": [\n    {"role": "user", "content": "hi"},\n  ]\n}\n' + rec(2) + "\n");
    const after = names.map((n) => first.read(n));
    const second = await fix({}, {}, names, first.dir);
    expect(second.stdout).toMatch(/4 files: 0 fixed, 4 unchanged/);
    expect(names.map((n) => second.read(n))).toEqual(after);
  });

  it("keeps the file's mode and writes through a symlink to its target", async () => {
    const dir = tempDir({ "real.jsonl": rec(1) + "\r\n" });
    chmodSync(join(dir, "real.jsonl"), 0o640);
    symlinkSync("real.jsonl", join(dir, "link.jsonl"));
    const r = await fix({}, {}, ["link.jsonl"], dir);
    expect(r.code).toBe(0);
    expect(lstatSync(join(dir, "link.jsonl")).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, "real.jsonl"), "utf8")).toBe(rec(1) + "\n");
    expect(statSync(join(dir, "real.jsonl")).mode & 0o777).toBe(0o640);
  });
});

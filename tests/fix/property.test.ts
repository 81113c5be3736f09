// Property: whatever wrong container the generator's records are put in (a pretty-printed array, records spread over
// lines, glued on one line, BOM + CRLF + blank lines, gzip), `fix` then `check` reports no file- or line-level format
// finding, and the file holds the same records, value for value at the source level, as a careful reader of the input
// sees; a second `fix` changes nothing.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { gunzipSync, gzipSync } from "node:zlib";
import { fix, sameRecords } from "./helpers.js";
import { checkContent, tempDir } from "../helpers/run.js";
import { GEN } from "../helpers/paths.js";

const FORMAT_RULES = ["not-jsonl", "empty-line", "byte-order-mark", "invalid-json", "invalid-utf8", "not-an-object", "line-too-long", "empty-file", "read-error"];

/** The generator's records (one per line, as it wrote them). */
function generate(examples: number, seed: number, invalid = 0): string[] {
  const dir = tempDir();
  const out = join(dir, "gen.jsonl");
  const r = spawnSync(process.execPath, [GEN, "--examples", String(examples), "--seed", String(seed), "--out", out, "--invalid-rate", String(invalid), "--dup-rate", "0.03"], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(r.stderr);
  return readFileSync(out, "utf8").split("\n").filter((l) => l !== "");
}

/** The record spread over lines: a line break and indentation after every "{", "[" and "," outside strings. */
function spread(rec: string, indent = "  "): string {
  let out = "";
  let inString = false;
  for (let i = 0; i < rec.length; i++) {
    const c = rec[i];
    out += c;
    if (inString) {
      if (c === "\\") out += rec[++i];
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "{" || c === "[" || c === ",") out += "\n" + indent;
  }
  return out;
}

describe("fix then check: the property, on the project's generator", () => {
  const records = generate(400, 11);
  const variants: Record<string, string | Buffer> = {
    "array.jsonl": "[\n" + records.map((r) => "  " + spread(r, "    ")).join(",\n") + "\n]\n",
    "array-one-line.jsonl": "[" + records.join(",") + "]",
    "pretty.jsonl": records.map((r) => spread(r)).join("\n") + "\n",
    "glued.jsonl": records.map((r, i) => r + (i % 3 === 2 ? "\n" : i % 3 === 1 ? " " : "")).join("") + "\n",
    "bom-crlf-blank.jsonl": "\uFEFF" + records.map((r, i) => r + (i % 50 === 0 ? "\r\n\r\n" : "\r\n")).join(""),
    "array.jsonl.gz": gzipSync("\uFEFF[" + records.map((r) => spread(r)).join(",") + "]"),
  };

  it("no format finding after the fix, the same records as values, and a second fix changes nothing", async () => {
    expect(records.length).toBe(400);
    const r = await fix(variants);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/6 files: 6 fixed, 0 unchanged; 2400 records in, 2400 out/);
    for (const name of Object.keys(variants)) {
      const out = name.endsWith(".gz") ? gunzipSync(r.read(name)) : r.read(name);
      expect(sameRecords(out.toString("utf8"), records), name).toBe(true);
      const f = await checkContent(out, { name: name.replace(/\.gz$/, "") });
      expect(f.findings.filter((x) => FORMAT_RULES.includes(x.rule)), name).toEqual([]);
      expect(f.records, name).toBe(400);
    }
    const again = await fix({}, {}, Object.keys(variants), r.dir);
    expect(again.stdout).toMatch(/6 files: 0 fixed, 6 unchanged/);
  });

  it("with --unsafe the gate then finds no exact duplicate, and the records kept are the input's first occurrences", async () => {
    const r = await fix({ "array.jsonl": variants["array.jsonl"] }, { unsafe: true, only: "one-record-per-line,exact-duplicates", format: "json" });
    const m = JSON.parse(r.stdout).files[0];
    expect(m.recordsIn).toBe(400);
    expect(m.counts["exact-duplicates"]).toBeGreaterThan(0);
    expect(m.recordsOut).toBe(400 - m.counts["exact-duplicates"]);
    const dropped = new Set(m.changes.filter((c: { fix: string }) => c.fix === "exact-duplicates").map((c: { line: number }) => c.line));
    const starts = variants["array.jsonl"].toString().split("\n").flatMap((l, i) => (l.startsWith("  {") ? [i + 1] : []));
    expect(sameRecords(r.text("array.jsonl"), records.filter((_, k) => !dropped.has(starts[k])))).toBe(true);
    const f = await checkContent(r.read("array.jsonl"), { validateOnly: false });
    expect(f.findingCounts["exact-duplicate"]).toBeUndefined();
  });

  it("a file with broken records: --rejects takes them, and the rest checks clean of format findings", async () => {
    const mixed = generate(300, 5, 0.03);
    const r = await fix({ "a.jsonl": mixed.join("\r\n") + "\r\n" }, { rejects: "rejects.jsonl" });
    expect(r.code).toBe(0);
    const rejects = r.text("rejects.jsonl").trim().split("\n").map((l) => JSON.parse(l) as { line: number; text: string });
    expect(rejects.length).toBeGreaterThan(0);
    for (const x of rejects) expect(x.text).toBe(mixed[x.line - 1]);
    const kept = mixed.filter((_, i) => !rejects.some((x) => x.line === i + 1));
    expect(sameRecords(r.text("a.jsonl"), kept)).toBe(true);
    const f = await checkContent(r.read("a.jsonl"));
    expect(f.findings.filter((x) => FORMAT_RULES.includes(x.rule))).toEqual([]);
  });
});

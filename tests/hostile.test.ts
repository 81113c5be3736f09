// Inputs that once hung the bundled CLI, run as a user runs it, each with a time limit so that a hang fails the test
// instead of stalling the suite.
import { spawnSync } from "node:child_process";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { CLI, jsonl, tempDir } from "./helpers/run.js";

function check(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, "check", ...args, "--format", "json"], { cwd, encoding: "utf8", timeout: 60_000, maxBuffer: 64 << 20 });
  expect(r.signal, "the CLI was stopped after 60 s").toBeNull();
  return { code: r.status, report: JSON.parse(r.stdout), stderr: r.stderr };
}

const qa = (q: string, a: string) => ({ messages: [{ role: "user", content: q }, { role: "assistant", content: a }] });

describe("hostile inputs finish, with sane figures", () => {
  it("a folder of 400 small files whose first answers alone pass the 4 MiB compression budget (looped forever)", () => {
    const files: Record<string, string> = {};
    for (let f = 0; f < 400; f++) files[`data/part-${String(f).padStart(3, "0")}.jsonl`] = jsonl(qa(`question ${f}`, `reply ${f} says `.repeat(800)), qa(`second ${f}`, "short"));
    const dir = tempDir(files);
    const one = check(["data/", "--workers", "1"], dir);
    expect(one.report.summary.files).toBe(400);
    const c = one.report.diversity.compression;
    expect(c.sampled).toBe(true);
    expect(c.sampleBytes).toBeGreaterThan(3 * 1024 * 1024);
    expect(c.sampleBytes).toBeLessThanOrEqual(4 * 1024 * 1024);
    const two = check(["data/", "--workers", "2"], dir);
    expect(two.report).toEqual(one.report);
  });

  it("an answer of 3 MB without a space (took the tokenizer about an hour)", () => {
    const dir = tempDir({ "big.jsonl": jsonl(qa("q", "x".repeat(3_000_000)), ...Array.from({ length: 11 }, (_, i) => qa(`question ${i}`, `answer number ${i}`))) });
    // a limit within 8x of its bytes: tokenized in full (exactly, in 512-character slices: "x" x 8 is one o200k token)
    const r = check(["big.jsonl", "--max-tokens", "400000"], dir);
    expect(r.report.tokens.tooLong).toBe(0);
    expect(r.report.tokens.max).toBe(3_000_000 / 8 + 3 + 2 * 4 + 1);
    // far under its bytes: counted only until it passes the limit
    const low = check(["big.jsonl", "--max-tokens", "1000"], dir);
    expect(low.code).toBe(1);
    expect(low.report.files[0].findings.map((f: { rule: string; line: number }) => [f.rule, f.line])).toContainEqual(["too-long", 1]);
  });

  it("records of 20,000 messages: 20,000 bad contents, or 20,000 system messages mid-conversation (minutes before: quadratic error lists)", () => {
    const bad = [{ role: "user", content: "hi" }, ...Array.from({ length: 20_000 }, () => ({ role: "assistant", content: 5 })), { role: "assistant", content: "ok" }];
    const sys = [{ role: "user", content: "hi" }, ...Array.from({ length: 20_000 }, (_, i) => ({ role: "system", content: `s${i}` })), { role: "assistant", content: "ok" }];
    const dir = tempDir({ "big.jsonl": jsonl({ messages: bad }, { messages: bad }, { messages: sys }) });
    const r = check(["big.jsonl", "--workers", "1", "--max-findings", "5"], dir);
    expect(r.code).toBe(1);
    const f = r.report.files[0];
    expect(f.records).toBe(3);
    // one finding per rule and record, saying how many and where
    expect(f.findingCounts).toEqual({ "invalid-content-type": 2, "system-not-first": 1 });
    expect(f.findings.map((x: { rule: string; line: number; count: number }) => `${x.rule}@${x.line}×${x.count}`)).toEqual(["invalid-content-type@1×20000", "invalid-content-type@2×20000", "system-not-first@3×20000"]);
    expect(f.findings[0].message).toMatch(/^messages 1–20,000: 20,000 values of the wrong type; the first: messages\[1\]\.content is number 5;/);
    expect(f.findings[2].message).toMatch(/^messages 1–20,000: 20,000 system messages after the conversation started; the first: message 1 is a system message/);
  });

  it("100,000 short records: no near duplicate from 32-bit hash collisions (3 false 'Jaccard 1.00' findings before)", () => {
    const lines = Array.from({ length: 100_000 }, (_, i) => JSON.stringify(qa(`q${i}`, `a${i}`)));
    const dir = tempDir({ "short.jsonl": lines.join("\n") + "\n" });
    const r = check(["short.jsonl", "--workers", "1"], dir);
    expect(r.report.duplicates.near.duplicateRecords).toBe(0);
    expect(r.report.duplicates.exact.duplicateRecords).toBe(0);
  });

  it("a 12 MB base64 answer under a token limit: counted until it passes the limit (a minute before)", () => {
    let x = 2463534242; // xorshift32: random-looking bytes, which BPE merges slowly (the old build took 57 s on such a line)
    const b64 = Buffer.from(Uint8Array.from({ length: 9_000_000 }, () => ((x ^= x << 13), (x ^= x >>> 17), (x ^= x << 5), x >>> 24))).toString("base64");
    const dir = tempDir({ "img.jsonl": jsonl(qa("describe", `data:image/png;base64,${b64}`), ...Array.from({ length: 11 }, (_, i) => qa(`question ${i}`, `answer ${i}`))) });
    const r = check(["img.jsonl", "--max-tokens", "1000"], dir);
    expect(r.code).toBe(1);
    const f = r.report.files[0].findings.find((x: { rule: string }) => x.rule === "too-long");
    expect(f).toMatchObject({ line: 1, message: expect.stringMatching(/^example has more than 1000 tokens \(o200k_base\)/) });
    expect(r.report.tokens.tooLong).toBe(1);
  });

  it("a truncated .gz with near-duplicate candidates: a read-error finding and a report (the second read crashed the run)", () => {
    const recs = [];
    for (let i = 0; i < 400; i++) {
      const words = Array.from({ length: 40 }, (_, w) => `w${(i * 7919 + w * 104729) % 100003}`);
      recs.push(qa(`question ${i}`, words.join(" ")));
      if (i % 50 === 0) recs.push(qa(`question ${i} again`, [...words.slice(0, 39), "changed"].join(" "))); // a near duplicate
    }
    const gz = gzipSync(Buffer.from(jsonl(...recs)));
    const dir = tempDir({ "cut.jsonl.gz": gz.subarray(0, Math.floor(gz.length * 0.6)) });
    const r = check(["cut.jsonl.gz", "--threshold", "max-near-duplicate-rate=1"], dir);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(1);
    const f = r.report.files[0];
    expect(f.findingCounts["read-error"]).toBe(1);
    expect(r.report.duplicates.near.duplicateRecords).toBeGreaterThan(0);
  });

  it("three files of one huge example each: a token estimate even when no example is sampled", () => {
    const dir = tempDir({
      "a.jsonl": jsonl(qa("hi", "hi")),
      "b.jsonl": jsonl(qa("q", "lorem ipsum dolor sit amet ".repeat(200_000))),
      "c.jsonl": jsonl(qa("q", "consectetur adipiscing elit ".repeat(200_000))),
    });
    const r = check([".", "--workers", "1"], dir);
    const t = r.report.tokens;
    // about one token per word: 1,000,000 + 600,000 words
    expect(t.total).toBeGreaterThan(1_300_000);
    expect(t.total).toBeLessThan(2_000_000);
  });
});

// Gates per file and per run, on small fixtures modelled on real data shapes (tests/fixtures/shapes): a file's own
// checks do not change when an unrelated file joins the run; diversity figures state their denominators, do not apply
// where the data's shape makes them meaningless, and point at their records; overrides apply to every threshold.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkDir, jsonl, runCli, tempDir } from "../helpers/run.js";
import { ROOT } from "../helpers/paths.js";
import { configFromObject, ConfigError } from "../../src/config/config.js";
import type { GateCheck, Report } from "../../src/engine/report.js";

const fixture = (name: string) => readFileSync(join(ROOT, "tests", "fixtures", "shapes", name), "utf8");
/** The checks that fail the run (fail level); `warned`: those that only warn. */
const failing = (r: Report) => r.gate.checks.filter((c) => !c.passed && c.level === "fail").map((c) => `${c.name}${c.file ? ` @${c.file}` : ""}`);
const warned = (r: Report) => r.gate.checks.filter((c) => !c.passed && c.level === "warn").map((c) => `${c.name}${c.file ? ` @${c.file}` : ""}`);
const aboutFile = (r: Report, path: string) => r.gate.checks.filter((c) => c.file === path);
const fig = (r: Report, path: string, name: string) => r.files.find((f) => f.path === path)!.stats!.quality!.figures[name as "max-opening-share"];

/** 300 chat records of varied wording (seeded): an unrelated, healthy file. */
const SYL = "ba ko ri ne tu sa lo mi de fa gu po ve zi ra no te ka lu mo".split(" ");
let seed = 7;
const rand = (n: number) => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n;
const word = () => SYL[rand(20)] + SYL[rand(20)] + SYL[rand(20)];
const sentence = () => Array.from({ length: 8 + rand(8) }, word).join(" ") + ".";
const diverse = jsonl(...Array.from({ length: 300 }, (_, i) => ({ messages: [{ role: "user", content: `Question ${i}: ${sentence()}` }, { role: "assistant", content: `${sentence()} ${sentence()} ${sentence()}` }] })));

describe("per-file gates", () => {
  it("a file's own checks are the same alone and next to an unrelated file (which no longer hides its problem)", async () => {
    const alone = await checkDir({ "refusals.jsonl": fixture("chat-refusals.jsonl") });
    const both = await checkDir({ "refusals.jsonl": fixture("chat-refusals.jsonl"), "zz-diverse.jsonl": diverse });
    expect(failing(alone)).toEqual(["max-boilerplate-share @refusals.jsonl"]);
    expect(failing(both)).toEqual(["max-boilerplate-share @refusals.jsonl"]);
    expect(warned(both)).toEqual(warned(alone));
    expect(warned(alone)).toEqual(["min-windowed-distinct-2 @refusals.jsonl", "max-compression-ratio @refusals.jsonl", "max-opening-share @refusals.jsonl"]);
    expect(aboutFile(both, "refusals.jsonl")).toEqual(aboutFile(alone, "refusals.jsonl"));
    expect(both.files[0].stats!.quality).toEqual(alone.files[0].stats!.quality);
    // the run's own figure is diluted by the other file: that is why it no longer decides
    const runShare = (r: Report) => (r.diversity as { boilerplate: { share: number } }).boilerplate.share;
    expect(runShare(both)).toBeLessThan(0.1);
    expect(runShare(alone)).toBe(0.4);
    // the failing check names its file, what the share is of, the phrase and the records
    const c = aboutFile(alone, "refusals.jsonl").find((x) => x.name === "max-boilerplate-share")!;
    expect(c).toMatchObject({ scope: "file", level: "fail", actual: 0.4, limit: 0.1 });
    expect(c.message).toBe('refusals.jsonl: boilerplate share 40% of 25 assistant texts ("as an ai language model") (limit 10%); see lines 1, 3, 6, 8, 11');
    // the healthy file passes on its own, in one check standing for it
    const ok = both.gate.checks.find((x) => x.name === "max-boilerplate-share" && x.passed && x.notApplicable === undefined);
    expect(ok).toMatchObject({ files: 1, scope: "file", level: "fail", actual: 0 });
    expect(ok!.message).toBe("zz-diverse.jsonl: boilerplate share 0%");
  });

  it("a file of many chunks: the same own figures and checks alone, next to another file, in 1 or 2 threads (the real CLI)", () => {
    const a = jsonl(...Array.from({ length: 400 }, (_, i) => ({ messages: [{ role: "user", content: `Tell me about ${i}.` }, { role: "assistant", content: `${sentence()} ${i % 7 === 0 ? "As an AI language model, I cannot be sure. " : ""}${sentence()}` }] })));
    const dir = tempDir({ "a.jsonl": a, "b.jsonl": diverse });
    const env = { CHATML_GATE_CHUNK_BYTES: String(16 * 1024) }; // a.jsonl is about 40 chunks
    const own = (args: string[]) => {
      const r = JSON.parse(runCli(["check", ...args, "--format", "json", "--fail-on", "never"], dir, env).stdout) as Report;
      const f = r.files.find((x) => x.path === "a.jsonl")!;
      return { quality: f.stats!.quality, checks: r.gate.checks.filter((c) => c.file === "a.jsonl") };
    };
    const alone = own(["a.jsonl", "--workers", "1"]);
    expect(alone.quality!.figures["max-boilerplate-share"]).toMatchObject({ value: 0.145, over: "400 assistant texts" }) // 58 of 400;
    expect(alone.checks.filter((c) => !c.passed).map((c) => `${c.name} ${c.level}`)).toContain("max-boilerplate-share fail");
    for (const args of [["a.jsonl", "b.jsonl", "--workers", "1"], ["b.jsonl", "a.jsonl", "--workers", "2"], ["a.jsonl", "--workers", "2"]]) expect(own(args), args.join(" ")).toEqual(alone);
  });

  it("tool-call-only answers are not empty text: compression, openings and boilerplate do not apply, and nothing fails", async () => {
    const r = await checkDir({ "calls.jsonl": fixture("tool-call-only.jsonl") });
    expect(failing(r)).toEqual([]);
    const d = r.diversity as { textMessages: number; compression: { totalBytes: number; ratio: number } };
    expect([d.textMessages, d.compression.totalBytes, d.compression.ratio]).toEqual([0, 0, 0]);
    // no text at all: nothing to measure, no check (once a ratio over 24 empty strings)
    expect(fig(r, "calls.jsonl", "max-compression-ratio")).toEqual({ value: null, over: "0 assistant texts, 0 bytes", records: [] });
    expect(fig(r, "calls.jsonl", "max-boilerplate-share")).toMatchObject({ value: null, notApplicable: "tool-calling set: 24 of 24 records declare or call tools; 24 of 24 answers are tool calls" });
    const na = r.gate.checks.filter((c) => c.notApplicable !== undefined).map((c) => c.name);
    expect(na).toEqual(["max-opening-share", "max-boilerplate-share"]);
    expect(r.gate.checks.map((c) => c.name)).not.toContain("max-compression-ratio");
    expect(r.gate.checks.filter((c) => c.notApplicable !== undefined).every((c) => c.passed && c.actual === null && c.file === "calls.jsonl")).toBe(true);
  });

  it("a tool-calling set whose text answers clarify or decline: boilerplate and openings do not apply; compression still does", async () => {
    const r = await checkDir({ "stock.jsonl": fixture("tool-calls-and-clarifications.jsonl") });
    expect(failing(r)).toEqual([]);
    expect(r.files[0].stats!.quality!.shape.kind).toBe("tool-calling");
    const b = fig(r, "stock.jsonl", "max-boilerplate-share");
    // 8 of the 16 text answers hold a boilerplate phrase: by design here (the system prompt asks to clarify)
    expect((r.diversity as { boilerplate: { messages: number } }).boilerplate.messages).toBe(8);
    expect(b).toMatchObject({ value: null, over: "16 assistant texts", detail: "i am unable to" });
    expect(fig(r, "stock.jsonl", "max-opening-share")).toMatchObject({ value: null, detail: "i'm sorry, but i" });
    expect(fig(r, "stock.jsonl", "max-compression-ratio")).toMatchObject({ over: "16 assistant texts, 1.4 KiB" });
    expect(fig(r, "stock.jsonl", "max-compression-ratio").value).toBeGreaterThan(1);
  });

  it("a True/False classification set: openings, compression and word-pair diversity do not apply (the median answer is one word)", async () => {
    const r = await checkDir({ "labels.jsonl": fixture("true-false-labels.jsonl") });
    expect(failing(r)).toEqual([]);
    const q = r.files[0].stats!.quality!;
    expect(q.shape).toEqual({ kind: "short-label", reason: "short-label set: the median answer is 1 word (of 60 text answers)" });
    expect(q.figures["max-opening-share"]).toMatchObject({ value: null, detail: "false", over: "60 text answers" });
    expect(q.figures["max-compression-ratio"].value).toBeNull();
    expect(q.figures["min-windowed-distinct-2"].value).toBeNull();
  });

  it("still fails what is broken: 90% duplicates, and a looping answer (compression, named at its line)", async () => {
    const dup = await checkDir({ "weather.jsonl": fixture("ninety-percent-duplicates.jsonl") });
    // the copies also make the file's own wording repetitive: its diversity checks fail with it
    expect(failing(dup)).toEqual(["max-duplicate-rate", "min-windowed-distinct-2 @weather.jsonl", "max-compression-ratio @weather.jsonl", "max-opening-share @weather.jsonl"]);
    const loop = await checkDir({ "toy.jsonl": fixture("degenerate-answer.jsonl") });
    expect(failing(loop)).toEqual(["min-examples", "min-windowed-distinct-2 @toy.jsonl", "max-compression-ratio @toy.jsonl"]);
    const c = loop.gate.checks.find((x) => x.name === "max-compression-ratio" && !x.passed)!;
    expect(c.message).toMatch(/^toy\.jsonl: compression ratio \d+\.\d\d× over 5 assistant texts, 25\.\d KiB \(limit 8\.00×\); see line 3$/);
    expect(loop.files[0].findings.map((f) => `${f.line}:${f.rule}`)).toEqual(["3:repeated-phrase"]);
  });

  it("a loop without spaces (好的 × 400) is the first record behind the compression ratio, though it repeats no word pair", async () => {
    const rows = Array.from({ length: 30 }, (_, i) => ({ messages: [{ role: "user", content: `What is ${i} plus ${i * 3}?` }, { role: "assistant", content: `The sum of ${i} and ${i * 3} is ${i * 4}, because adding them gives ${i * 4} exactly.` }] }));
    rows.push({ messages: [{ role: "user", content: "好吗?" }, { role: "assistant", content: "好的".repeat(400) }] });
    const r = await checkDir({ "sums.jsonl": jsonl(...rows) });
    expect(r.files[0].findings.filter((f) => f.rule === "repeated-phrase").map((f) => f.line)).toEqual([31]);
    expect(fig(r, "sums.jsonl", "max-compression-ratio").records?.[0]).toEqual({ path: "sums.jsonl", line: 31 });
  });

  it("answers in text without spaces (Chinese) are sentences, not one-word labels: every figure applies", async () => {
    const zh = ["今天天氣很好，我們去公園散步吧，順便買點水果回家。", "這本書講述了一個小鎮居民如何度過漫長冬天的故事。", "學習新語言最好的方法是每天練習，並且多和母語者交談。", "這道菜需要先把雞肉醃製三十分鐘，再用大火快炒。", "地球繞太陽一圈大約需要三百六十五天又六小時。"];
    const records = Array.from({ length: 30 }, (_, i) => ({ messages: [{ role: "user", content: `問題 ${i}：請說明。` }, { role: "assistant", content: `${zh[i % 5]}第${i}個例子：${zh[(i + 2) % 5]}` }] }));
    const r = await checkDir({ "zh.jsonl": jsonl(...records) });
    const q = r.files[0].stats!.quality!;
    expect(q.shape.kind).toBe("chat");
    expect(q.figures["max-opening-share"].notApplicable).toBeUndefined();
    expect(q.figures["max-compression-ratio"].notApplicable).toBeUndefined();
  });

  it("KTO data is preference data: boilerplate does not apply, and the undesirable completions are left out of the figures", async () => {
    const r = await checkDir({ "kto.jsonl": fixture("kto-messages.jsonl") });
    const q = r.files[0].stats!.quality!;
    expect(q.shape.kind).toBe("preference");
    expect(q.figures["max-boilerplate-share"]).toMatchObject({ value: null, notApplicable: "preference data: 24 of 24 records are preference pairs or KTO-labelled completions" });
    // 12 desirable answers, all different openings ("the capital of france", …): the 12 undesirable ones are not counted
    expect(q.figures["max-opening-share"]).toMatchObject({ value: null, over: "12 text answers", notApplicable: "too little: 12 text answers (needs 20)" });
    expect((r.diversity as { openings: { topShare: number } }).openings.topShare).toBeCloseTo(1 / 12, 4);
  });
});

describe("files too small to judge alone", () => {
  it("are judged together: six files of 4 answers full of disclaimers fail as a group, named with their records", async () => {
    const lines = fixture("chat-refusals.jsonl").trim().split("\n");
    const files: Record<string, string> = {};
    for (let i = 0; i < 6; i++) files[`part-${i}.jsonl`] = lines.slice(i * 4, i * 4 + 4).join("\n") + "\n";
    const r = await checkDir({ ...files, "zz-diverse.jsonl": diverse }, { config: { thresholds: { "min-examples": 1 } } });
    // alone, each is too small for the share
    expect(r.files[0].stats!.quality!.figures["max-boilerplate-share"]).toMatchObject({ value: null, notApplicable: "too little: 4 assistant texts (needs 20)" });
    const pooled = r.gate.checks.find((c) => c.name === "max-boilerplate-share" && c.scope === "small-files" && c.level === "fail")!;
    expect(pooled).toMatchObject({ passed: false, files: 6, actual: 0.4167 });
    expect(pooled.message).toBe(
      '6 files too small to judge alone (part-0.jsonl, part-1.jsonl, part-2.jsonl, …), together: boilerplate share 41.7% of 24 assistant texts ("as an ai language model") (limit 10%); see part-0.jsonl:1, part-0.jsonl:3, part-1.jsonl:2, part-1.jsonl:4, part-2.jsonl:3',
    );
    // the healthy file is judged alone, and passes
    expect(r.gate.checks.filter((c) => c.file === "zz-diverse.jsonl" && !c.passed)).toEqual([]);
    expect(r.passed).toBe(false);
  });
});

describe("overrides apply to every threshold", () => {
  it("a per-file threshold in overrides is that file's limit (once silently ignored for the diversity thresholds)", async () => {
    const files = { "refusals.jsonl": fixture("chat-refusals.jsonl"), "toy.jsonl": fixture("degenerate-answer.jsonl") };
    const config = {
      thresholds: { "min-examples": 1 },
      overrides: [
        { files: "refusals.jsonl", thresholds: { "max-boilerplate-share": 0.5 } },
        { files: "toy.jsonl", thresholds: { "max-compression-ratio": 200, "min-windowed-distinct-2": null } },
      ],
    };
    const r = await checkDir(files, { config });
    expect(failing(r)).toEqual([]);
    const passedFor = (name: string): GateCheck[] => r.gate.checks.filter((c) => c.name === name && c.level === "fail" && c.notApplicable === undefined);
    expect(passedFor("max-compression-ratio").map((c) => c.limit).sort()).toEqual([200, 8]);
    expect(passedFor("max-boilerplate-share").map((c) => c.limit)).toEqual([0.5]);
    // and without them both files fail on their own
    const strict = await checkDir(files, { config: { thresholds: { "min-examples": 1 } } });
    expect(failing(strict)).toEqual(["min-windowed-distinct-2 @toy.jsonl", "max-compression-ratio @toy.jsonl", "max-boilerplate-share @refusals.jsonl"]);
  });

  it("a run threshold in overrides is evaluated over the matching files; one that cannot be (max-diversity-drop) is a config error naming it", async () => {
    const r = await checkDir({ "weather.jsonl": fixture("ninety-percent-duplicates.jsonl"), "zz-diverse.jsonl": diverse }, { config: { overrides: [{ files: "weather.jsonl", thresholds: { "max-duplicate-rate": 0.5 } }] } });
    expect(r.gate.checks.find((c) => c.name === "max-duplicate-rate (weather.jsonl)")).toMatchObject({ actual: 0.9, passed: false, scope: "run" });
    expect(() => configFromObject({ overrides: [{ files: "a.jsonl", thresholds: { "max-diversity-drop": 0.1 } }] }, ".chatml-gate.yml")).toThrow(ConfigError);
    expect(() => configFromObject({ overrides: [{ files: "a.jsonl", thresholds: { "max-diversity-drop": 0.1 } }] }, ".chatml-gate.yml")).toThrow(/'overrides\[0\]\.thresholds\.max-diversity-drop' cannot be evaluated for some files only/);
  });
});

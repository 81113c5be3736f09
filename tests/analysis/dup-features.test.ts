// Pure feature extraction + in-order replay (workers/shards) must give exactly the single-thread report.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import type { Conversation, Finding, RecordLoc } from "../../src/engine/model.js";
import {
  DuplicateAnalysis,
  extractFeatures,
  FeatureBatch,
  type DuplicateOptions,
  type FeatureBatchPartial,
} from "../../src/engine/analysis/duplicates.js";
import { scanRecord } from "../../src/engine/analysis/text-scan.js";
import { conv, generate, parseLine, runDuplicates } from "./helpers.js";
import { FORMATS, ROOT } from "../helpers/paths.js";

type Opts = Omit<DuplicateOptions, "paths">;

/** Cuts each file into `chunks` line ranges; every chunk extracts features with lines counted from 0 (its first line
 * is line 1 of the chunk) and absolute byte offsets, like a worker would. */
function chunkPartials(texts: string[], chunks: number, opts: Opts): Array<{ file: number; lineOffset: number; partial: FeatureBatchPartial }> {
  const fo = { caseInsensitive: opts.caseInsensitive, shingleSize: opts.shingleSize, near: opts.near };
  const out: Array<{ file: number; lineOffset: number; partial: FeatureBatchPartial }> = [];
  texts.forEach((text, file) => {
    const lines = text.split("\n");
    const per = Math.ceil(lines.length / chunks);
    let offset = 0;
    for (let c = 0; c < chunks; c++) {
      const lineOffset = c * per;
      const batch = new FeatureBatch(fo);
      for (let i = lineOffset; i < Math.min(lines.length, lineOffset + per); i++) {
        const raw = lines[i];
        const length = Buffer.byteLength(raw);
        const cv = raw.trim() ? parseLine(raw) : null;
        if (cv) batch.push(extractFeatures(cv, fo), { file, line: i + 1 - lineOffset, offset, length });
        offset += length + 1;
      }
      const p = batch.toPartial();
      // Across a thread boundary: structured clone, transferring the buffers.
      out.push({ file, lineOffset, partial: structuredClone(p, { transfer: FeatureBatch.transferList(p) }) });
    }
  });
  return out;
}

function rereadOf(texts: string[]) {
  const bufs = texts.map((t) => Buffer.from(t));
  return async (locs: RecordLoc[], each: (i: number, c: Conversation | null) => void) => {
    locs.forEach((l, i) => each(i, parseLine(bufs[l.file].subarray(l.offset, l.offset + l.length).toString())));
  };
}

async function runBatched(texts: string[], chunks: number, opts: Opts) {
  const paths = texts.map((_, i) => `data/f${i}.jsonl`);
  const dup = new DuplicateAnalysis({ ...opts, paths });
  const addFindings: Array<{ file: number } & Finding> = [];
  for (const { file, lineOffset, partial } of chunkPartials(texts, chunks, opts)) {
    for (const f of dup.addBatch(FeatureBatch.fromPartial(partial), lineOffset)) addFindings.push({ file, ...f });
  }
  const report = await dup.finish(rereadOf(texts));
  return { report, addFindings };
}

describe("duplicate features: extract in chunks, replay in order", () => {
  const { file, truth } = generate(3000, 6);
  const text = fs.readFileSync(file, "utf8");

  it("gives the single-thread report (findings included) for 1, 2 and 7 chunks", async () => {
    const ref = await runDuplicates([text]);
    // The data exercises every path.
    expect(truth.exactDuplicates.length).toBeGreaterThan(20);
    expect(ref.report.exact.duplicateRecords).toBeGreaterThan(20);
    expect(ref.report.near.duplicateRecords).toBeGreaterThan(10);
    expect(ref.report.exact.conflictingAnswers).toBeGreaterThan(0);
    expect(ref.addFindings.length).toBe(ref.report.exact.duplicateRecords + ref.report.exact.conflictingAnswers);
    for (const chunks of [1, 2, 7]) {
      const got = await runBatched([text], chunks, {});
      expect(got.report, `${chunks} chunks`).toEqual(ref.report);
      expect(got.addFindings, `${chunks} chunks`).toEqual(ref.addFindings);
    }
  });

  it("holds with other feature options and several files (leakage included)", async () => {
    const lines = text.split("\n");
    const texts = [lines.slice(0, 2000).join("\n"), lines.slice(2000).join("\n")];
    const opts: Opts = { caseInsensitive: true, shingleSize: 3, nearThreshold: 0.7, splits: [{ train: 0, eval: 1 }] };
    const ref = await runDuplicates(texts, opts);
    expect(ref.report.leakage[0].exact + ref.report.leakage[0].near).toBeGreaterThan(0);
    for (const chunks of [1, 7]) {
      const got = await runBatched(texts, chunks, opts);
      expect(got.report).toEqual(ref.report);
      expect(got.addFindings).toEqual(ref.addFindings);
    }
    const off = await runDuplicates(texts, { near: false });
    expect((await runBatched(texts, 2, { near: false })).report).toEqual(off.report);
  });

  it("maps batch file indexes and shifts lines", async () => {
    const r = JSON.stringify({ messages: [{ role: "user", content: "hi there" }, { role: "assistant", content: "hello" }] });
    const d = new DuplicateAnalysis({ paths: ["a.jsonl", "b.jsonl"], near: false });
    const b = new FeatureBatch(d.featureOptions);
    const f = extractFeatures(parseLine(r) as Conversation, d.featureOptions);
    b.push(f, { file: 0, line: 1, offset: 0, length: 1 });
    b.push(f, { file: 0, line: 3, offset: 5, length: 1 });
    const found = d.addBatch(FeatureBatch.fromPartial(structuredClone(b.toPartial())), 10, [1]);
    expect(found.map((x) => [x.rule, x.line])).toEqual([["exact-duplicate", 13]]);
    expect(found[0].message).toContain("b.jsonl:11");
    const rep = await d.finish(async () => {});
    expect(rep.exact.groups[0].members).toEqual([{ path: "b.jsonl", line: 11 }, { path: "b.jsonl", line: 13 }]);
    expect(() => d.addBatch(b, 0, [])).toThrow(/fileIndexMap/);
  });

  it("extractFeatures is pure and a batch round-trips its records", () => {
    const a = conv(["system", "S"], ["user", "What is the capital of France?"], ["assistant", "Paris."]);
    const b = conv(["user", "   "]);
    const c = { messages: [{ role: "user", text: "same words", images: 1, toolCalls: 0, media: ["https://x/1.png"] }], hasTools: false };
    const fa = extractFeatures(a, {});
    expect(extractFeatures(b, { caseInsensitive: true, shingleSize: 2 })).toMatchObject({ hasAnswer: false, bands: null });
    expect(extractFeatures(c, {}).bands).toHaveLength(16);
    expect(extractFeatures(a, {})).toEqual(fa);
    expect(fa.hasAnswer).toBe(true);
    expect(extractFeatures(a, { near: false }).bands).toBeNull();
    expect(extractFeatures(a, { caseInsensitive: true }).exact1).not.toBe(fa.exact1);
    expect(extractFeatures(a, { shingleSize: 2 }).bands).not.toEqual(fa.bands);

    const batch = new FeatureBatch();
    const recs = [a, b, c, a];
    recs.forEach((r, i) => batch.push(extractFeatures(r, {}), { file: i % 2, line: i + 1, offset: i * 1e10, length: 7 }));
    const back = FeatureBatch.fromPartial(structuredClone(batch.toPartial()));
    expect(back.length).toBe(4);
    recs.forEach((r, i) => {
      expect(back.features(i)).toEqual(extractFeatures(r, {}));
      expect(back.loc(i)).toEqual({ file: i % 2, line: i + 1, offset: i * 1e10, length: 7 });
    });
    // Still growable after fromPartial, also from an empty partial.
    back.push(extractFeatures(b, {}), { file: 0, line: 9, offset: 0, length: 1 });
    expect(back.features(4).bands).toBeNull();
    const empty = FeatureBatch.fromPartial(new FeatureBatch().toPartial());
    expect(empty.length).toBe(0);
    empty.push(fa, { file: 0, line: 1, offset: 0, length: 1 });
    expect(empty.features(0)).toEqual(fa);
    expect(() => empty.features(1)).toThrow(RangeError);
  });

  it("pushRecord (the chunks' direct path) gives the batch push(extractFeatures) gives, for generated, example and fixture records", () => {
    const { file } = generate(1500, 13, ["--tool-rate", "0.1"]);
    const lines = [file, ...[FORMATS, `${ROOT}/examples/clean`, `${ROOT}/examples/broken`].flatMap((d) => fs.readdirSync(d).filter((f) => f.endsWith(".jsonl")).map((f) => `${d}/${f}`))]
      .flatMap((f) => fs.readFileSync(f, "utf8").split("\n"))
      .slice(0, 3_000);
    const records = lines.map((l) => (l.trim() ? parseLine(l) : null)).filter((c): c is Conversation => c !== null);
    expect(records.length).toBeGreaterThan(100);
    for (const opts of [
      { caseInsensitive: false, shingleSize: 5, near: true },
      { caseInsensitive: true, shingleSize: 2, near: true },
      { caseInsensitive: false, shingleSize: 5, near: false },
    ]) {
      const viaObjects = new FeatureBatch(opts);
      const direct = new FeatureBatch(opts);
      records.forEach((r, i) => {
        const loc = { file: 0, line: i + 1, offset: i * 100, length: 99 };
        viaObjects.push(extractFeatures(r, opts), loc);
        direct.pushRecord(r, scanRecord(r, opts.caseInsensitive), loc, opts);
      });
      expect(direct.toPartial()).toEqual(viaObjects.toPartial());
    }
  });

  it("rejects inconsistent partials and batches extracted with other options", () => {
    const batch = new FeatureBatch({ caseInsensitive: true });
    batch.push(extractFeatures(conv(["user", "hello world"]), { caseInsensitive: true }), { file: 0, line: 1, offset: 0, length: 1 });
    const p = batch.toPartial();
    expect(() => FeatureBatch.fromPartial({ ...p, bands: new Uint32Array(0) })).toThrow(/bands/);
    expect(() => FeatureBatch.fromPartial({ ...p, n: 2 })).toThrow(/invalid/);
    expect(() => new DuplicateAnalysis({ paths: ["x"] }).addBatch(FeatureBatch.fromPartial(p), 0)).toThrow(/feature batch/);
    expect(new DuplicateAnalysis({ paths: ["x"], caseInsensitive: true }).addBatch(FeatureBatch.fromPartial(p), 0)).toEqual([]);
  });
});

// Test helpers for the duplicate analyses: a tiny ChatML parser, the synthetic generator, and a run harness.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Conversation, RecordLoc } from "../../src/engine/model.js";
import { DuplicateAnalysis, type DuplicateOptions } from "../../src/engine/analysis/duplicates.js";

import { GEN } from "../helpers/paths.js";
export { GEN };

/** JSON.parse a ChatML line into a Conversation; null when it does not parse or has no usable messages. */
export function parseLine(line: string): Conversation | null {
  let rec: unknown;
  try {
    rec = JSON.parse(line);
  } catch {
    return null;
  }
  const msgs = (rec as { messages?: unknown })?.messages;
  if (!Array.isArray(msgs) || msgs.length === 0) return null;
  const messages = [];
  for (const m of msgs as Array<{ role?: unknown; content?: unknown }>) {
    if (typeof m?.role !== "string" || typeof m.content !== "string") return null;
    messages.push({ role: m.role, text: m.content, images: 0, toolCalls: 0 });
  }
  return { messages, hasTools: false };
}

export const conv = (...pairs: Array<[string, string]>): Conversation => ({
  messages: pairs.map(([role, text]) => ({ role, text, images: 0, toolCalls: 0 })),
  hasTools: false,
});

export interface Truth {
  exactDuplicates: Array<[number, number, string]>;
  nearDuplicates: Array<[number, number, number]>;
}

/** Generates a dataset into a temp dir (cached per arguments). */
export function generate(examples: number, seed: number, extra: string[] = []): { file: string; truth: Truth } {
  const dir = path.join(os.tmpdir(), "cqg-dup-tests");
  fs.mkdirSync(dir, { recursive: true });
  const tag = `${examples}-${seed}-${extra.join("_").replace(/[^a-z0-9.]/gi, "")}`;
  const file = path.join(dir, `gen-${tag}.jsonl`);
  const truthFile = path.join(dir, `gen-${tag}.truth.json`);
  if (!fs.existsSync(truthFile)) {
    execFileSync("node", [GEN, "--examples", String(examples), "--seed", String(seed), "--out", file, "--truth", truthFile, ...extra], { stdio: "ignore" });
  }
  return { file, truth: JSON.parse(fs.readFileSync(truthFile, "utf8")) as Truth };
}

export interface Parsed {
  conv: Conversation;
  loc: RecordLoc;
}

/** Splits file texts into parsed records with byte offsets (lines that do not parse are skipped). */
export function parseFiles(texts: string[]): Parsed[] {
  const out: Parsed[] = [];
  texts.forEach((text, file) => {
    let offset = 0;
    const lines = text.split("\n");
    lines.forEach((raw, i) => {
      const length = Buffer.byteLength(raw);
      const c = raw.trim() ? parseLine(raw) : null;
      if (c) out.push({ conv: c, loc: { file, line: i + 1, offset, length } });
      offset += length + 1;
    });
  });
  return out;
}

/** Runs DuplicateAnalysis over in-memory files, rereading by byte offset like the orchestrator does. */
export async function runDuplicates(texts: string[], opts: Omit<DuplicateOptions, "paths"> & { paths?: string[] } = {}) {
  const paths = opts.paths ?? texts.map((_, i) => `data/f${i}.jsonl`);
  const dup = new DuplicateAnalysis({ ...opts, paths });
  const addFindings: Array<{ file: number; rule: string; line: number; message: string }> = [];
  for (const r of parseFiles(texts)) for (const f of dup.add(r.conv, r.loc)) addFindings.push({ file: r.loc.file, ...f });
  const bufs = texts.map((t) => Buffer.from(t));
  let rereads = 0;
  const report = await dup.finish(async (locs, each) => {
    rereads += locs.length;
    // in reverse: the callback may come in any order
    for (let i = locs.length - 1; i >= 0; i--) each(i, parseLine(bufs[locs[i].file].subarray(locs[i].offset, locs[i].offset + locs[i].length).toString()));
  });
  return { report, addFindings, rereads };
}

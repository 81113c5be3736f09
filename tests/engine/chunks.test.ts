import { describe, expect, it } from "vitest";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { chunkBytesAt, CHUNK_BYTES, MIN_CHUNK_BYTES, planChunks } from "../../src/engine/chunks.js";
import { tempDir } from "../helpers/run.js";

const MiB = 1024 * 1024;

describe("the chunk plan", () => {
  it("tapers: a chunk is 1/8 of its file left, between 2 and 32 MiB, so that threads end within a small chunk", () => {
    expect(CHUNK_BYTES).toBe(32 * MiB);
    expect(MIN_CHUNK_BYTES).toBe(2 * MiB);
    expect(chunkBytesAt(5 * MiB)).toBe(2 * MiB);
    expect(chunkBytesAt(54 * MiB)).toBe(Math.ceil((54 * MiB) / 8));
    expect(chunkBytesAt(1024 * MiB)).toBe(32 * MiB);
  });

  it("a 24 MiB file: chunks shrink toward its end, cut at line starts, covering every byte once", async () => {
    const dir = tempDir();
    const path = join(dir, "big.jsonl");
    const line = JSON.stringify({ messages: [{ role: "user", content: "q".repeat(900) }, { role: "assistant", content: "a".repeat(100) }] }) + "\n";
    const text = line.repeat(Math.ceil((24 * MiB) / line.length));
    writeFileSync(path, text);
    const chunks = await planChunks([path]);
    const sizes = chunks.map((c) => c.range!.end - c.range!.start);
    expect(sizes[0]).toBeGreaterThanOrEqual(3 * MiB);
    expect(sizes[0]).toBeLessThan(3 * MiB + line.length);
    for (let i = 1; i < sizes.length - 1; i++) expect(sizes[i]).toBeLessThanOrEqual(sizes[i - 1]);
    expect(Math.min(...sizes.slice(0, -1))).toBeGreaterThanOrEqual(2 * MiB);
    let at = 0;
    for (const c of chunks) {
      expect(c.range!.start).toBe(at);
      expect(c.range!.start === 0 || text[c.range!.start - 1] === "\n").toBe(true);
      at = c.range!.end;
    }
    expect(at).toBe(text.length);
  });

  it("cuts a real file at line starts into chunks of the given size, covering every byte once", async () => {
    const dir = tempDir();
    const path = join(dir, "a.jsonl");
    const lines: string[] = [];
    for (let i = 0; i < 5_000; i++) lines.push(JSON.stringify({ messages: [{ role: "user", content: "q".repeat(i % 97) }, { role: "assistant", content: String(i) }] }));
    const text = lines.join("\n") + "\n";
    writeFileSync(path, text);
    const chunks = await planChunks([path], 64 * 1024);
    expect(chunks.length).toBeGreaterThan(5);
    let at = 0;
    for (const c of chunks) {
      expect(c.range!.start).toBe(at);
      expect(c.range!.start === 0 || text[c.range!.start - 1] === "\n").toBe(true);
      at = c.range!.end;
    }
    expect(at).toBe(Buffer.byteLength(text));
    // without a size: the run's own (a small file is one chunk)
    expect(await planChunks([path])).toEqual([{ index: 0, file: 0, range: null, bytes: Buffer.byteLength(text), fileBytes: Buffer.byteLength(text) }]);
  });

  it("a file's chunks depend on that file alone: another file before or after it changes none of them", async () => {
    const dir = tempDir();
    const line = JSON.stringify({ messages: [{ role: "user", content: "q".repeat(900) }, { role: "assistant", content: "a".repeat(100) }] }) + "\n";
    const a = join(dir, "a.jsonl");
    const b = join(dir, "b.jsonl");
    writeFileSync(a, line.repeat(Math.ceil((9 * MiB) / line.length)));
    writeFileSync(b, line.repeat(Math.ceil((30 * MiB) / line.length)));
    const ranges = (cs: { file: number; range: unknown; fileBytes: number }[], file: number) => cs.filter((c) => c.file === file).map((c) => [c.range, c.fileBytes]);
    const alone = ranges(await planChunks([a]), 0);
    expect(alone.length).toBeGreaterThan(1);
    expect(ranges(await planChunks([a, b]), 0)).toEqual(alone);
    expect(ranges(await planChunks([b, a]), 1)).toEqual(alone);
  });
});

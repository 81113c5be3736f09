import { describe, expect, it } from "vitest";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { chunkBytesFor, CHUNK_BYTES, MIN_CHUNK_BYTES, planChunks } from "../../src/engine/chunks.js";
import { tempDir } from "../helpers/run.js";

const MiB = 1024 * 1024;

describe("the chunk plan", () => {
  it("cuts mid-sized runs finer than 32 MiB so that threads end together, never below 8 MiB", () => {
    expect(CHUNK_BYTES).toBe(32 * MiB);
    expect(MIN_CHUNK_BYTES).toBe(8 * MiB);
    expect(chunkBytesFor(5 * MiB)).toBe(8 * MiB);
    expect(chunkBytesFor(54 * MiB)).toBe(8 * MiB); // 7 chunks instead of 2
    expect(chunkBytesFor(260 * MiB)).toBe(Math.ceil((260 * MiB) / 12)); // 12 chunks instead of 9
    expect(chunkBytesFor(1024 * MiB)).toBe(32 * MiB);
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
    expect(await planChunks([path])).toEqual([{ index: 0, file: 0, range: null, bytes: Buffer.byteLength(text) }]);
  });
});

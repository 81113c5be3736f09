// The worker side: take chunk jobs from the parent, run them, send the results back.
import { parentPort } from "node:worker_threads";
import { runChunk, type ChunkJob } from "./chunk-check.js";

export function serveChunks(): void {
  const port = parentPort;
  if (!port) return;
  port.on("message", (job: ChunkJob) => {
    runChunk(job).then(
      (result) => port.postMessage({ ok: true, result }),
      (e: unknown) => port.postMessage({ ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
    );
  });
}

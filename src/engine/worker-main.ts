// The worker side: take chunk jobs from the parent, run them, send the results back.
import { parentPort } from "node:worker_threads";
import { runChunk, type ChunkJob } from "./chunk-check.js";
import { FeatureBatch } from "./analysis/duplicates.js";

export function serveChunks(): void {
  const port = parentPort;
  if (!port) return;
  // Jobs run one after another, in the order they came (the pool sends the next before this one ends).
  let queue: Promise<void> = Promise.resolve();
  port.on("message", (job: ChunkJob) => {
    queue = queue.then(() =>
      runChunk(job).then(
        // the feature arrays move to the parent instead of being copied (toPartial made them for this)
        (result) => port.postMessage({ ok: true, result }, result.analysis ? FeatureBatch.transferList(result.analysis.features) : []),
        (e: unknown) => port.postMessage({ ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
      ),
    );
  });
}

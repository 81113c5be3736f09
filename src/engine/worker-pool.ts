// Runs chunk jobs on worker threads and yields the results in job order. The worker is this same script (the
// bundled CLI) started with a marker in workerData; each worker takes the next job when it is done with one.
import { Worker } from "node:worker_threads";
import type { ChunkJob, ChunkResult } from "./chunk-check.js";
import type { ChunkRunner } from "./check.js";

export const WORKER_MARK = "chatml-gate-chunk-worker";

export function workerRunner(workers: number, entry: string): ChunkRunner {
  return async function* (jobs: ChunkJob[]) {
    const n = Math.min(workers, jobs.length);
    const results = new Map<number, ChunkResult>();
    const waiting = new Map<number, (r: ChunkResult) => void>();
    let failure: Error | undefined;
    let nextJob = 0;
    const pool: Worker[] = [];
    const deliver = (pos: number, r: ChunkResult) => {
      const w = waiting.get(pos);
      if (w) {
        waiting.delete(pos);
        w(r);
      } else results.set(pos, r);
    };
    const fail = (e: Error) => {
      failure ??= e;
      for (const w of waiting.values()) w(undefined as unknown as ChunkResult);
      waiting.clear();
    };
    const feed = (w: Worker) => {
      if (nextJob >= jobs.length || failure) return;
      const pos = nextJob++;
      w.once("message", (msg: { ok: true; result: ChunkResult } | { ok: false; error: string }) => {
        if (msg.ok) {
          deliver(pos, msg.result);
          feed(w);
        } else fail(new Error(msg.error));
      });
      w.postMessage(jobs[pos]);
    };
    try {
      for (let i = 0; i < n; i++) {
        const w = new Worker(entry, { workerData: { mark: WORKER_MARK } });
        w.unref(); // never keeps the process alive, even if the consumer stops early
        w.on("error", fail);
        w.on("exit", (code) => {
          if (code !== 0) fail(new Error(`a worker thread exited with code ${code}`));
        });
        pool.push(w);
        feed(w);
      }
      for (let pos = 0; pos < jobs.length; pos++) {
        if (failure) throw failure;
        const ready = results.get(pos);
        if (ready) {
          results.delete(pos);
          yield ready;
          continue;
        }
        const r = await new Promise<ChunkResult>((resolve) => waiting.set(pos, resolve));
        if (failure) throw failure;
        yield r;
      }
    } finally {
      await Promise.all(pool.map((w) => w.terminate()));
    }
  };
}

// Runs chunk jobs on `workers` threads in all — this thread plus workers − 1 worker threads — and yields the
// results in job order. The worker is this same script (the bundled CLI or action) started with a marker in
// workerData; every thread takes the next job when it is done with one. This thread also merges the results as they
// come (the consumer of the generator), between its own chunks' reads.
//
// Why this thread computes too: a worker thread costs a V8 heap and the compiled bundle (its start-up and tens of
// MB); with N cores, N − 1 of them plus this thread use every core without that cost once more. Worker threads load
// no tokenizer vocabulary: chunks leave token counting to the merge (tokens.ts, `defer`).
import { stat } from "node:fs/promises";
import { Worker } from "node:worker_threads";
import { CHUNK_BYTES } from "./chunks.js";
import { runChunk, type ChunkJob, type ChunkResult } from "./chunk-check.js";
import { runInThisThread, type ChunkRunner } from "./check.js";

export const WORKER_MARK = "chatml-gate-chunk-worker";
/** Jobs a worker thread holds at a time (the one it runs and the next). */
const IN_FLIGHT = 2;

/** `workers`: threads in all (>= 2; 1 means no pool at all). `entry`: the script a worker thread runs. */
export function workerRunner(workers: number, entry: string): ChunkRunner {
  return async function* (jobs: ChunkJob[]) {
    const threads = Math.max(0, Math.min(workers, jobs.length) - 1);
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
    // Each worker holds up to IN_FLIGHT jobs (it runs them one after another): it starts the next one as soon as it
    // posts a result, instead of waiting for this thread, which may be busy with a chunk or a merge of its own.
    const queues = new Map<Worker, number[]>();
    const feed = (w: Worker) => {
      if (nextJob >= jobs.length || failure) return;
      const pos = nextJob++;
      queues.get(w)!.push(pos);
      w.postMessage(jobs[pos]);
    };
    const listen = (w: Worker) => {
      queues.set(w, []);
      w.on("message", (msg: { ok: true; result: ChunkResult } | { ok: false; error: string }) => {
        const pos = queues.get(w)!.shift()!;
        if (msg.ok) {
          deliver(pos, msg.result);
          feed(w);
        } else fail(new Error(msg.error));
      });
    };
    // This thread's share: the next free job, one after another, until none is left.
    const local = async () => {
      while (nextJob < jobs.length && !failure) {
        const pos = nextJob++;
        try {
          deliver(pos, await runChunk(jobs[pos]));
        } catch (e) {
          fail(e instanceof Error ? e : new Error(String(e)));
        }
      }
    };
    let localRun: Promise<void> | undefined;
    try {
      for (let i = 0; i < threads; i++) {
        const w = new Worker(entry, { workerData: { mark: WORKER_MARK } });
        w.unref(); // never keeps the process alive, even if the consumer stops early
        w.on("error", fail);
        w.on("exit", (code) => {
          if (code !== 0) fail(new Error(`a worker thread exited with code ${code}`));
        });
        pool.push(w);
        listen(w);
        for (let k = 0; k < IN_FLIGHT; k++) feed(w);
      }
      localRun = local();
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
      failure ??= new Error("stopped"); // the consumer stopped early: this thread takes no further job
      await Promise.all(pool.map((w) => w.terminate()));
      await localRun;
    }
  };
}

/** The runner for `workers` threads in all over `files`: undefined (this thread only) for one thread or less than
 * one chunk's worth of data (CHUNK_BYTES), where a worker thread would cost more than it gives; a run with a single
 * chunk (one gzip file) also stays on this thread. */
export async function poolRunner(workers: number, files: string[], entry: string): Promise<ChunkRunner | undefined> {
  if (workers <= 1) return undefined;
  let bytes = 0;
  for (const f of files) bytes += await stat(f).then((st) => st.size, () => 0);
  if (bytes < CHUNK_BYTES) return undefined;
  const pool = workerRunner(workers, entry);
  return (jobs: ChunkJob[]) => (jobs.length > 1 ? pool(jobs) : runInThisThread(jobs));
}

import { isMainThread, workerData } from "node:worker_threads";
import { run } from "./action/main.js";
import { serveChunks, WORKER_MARK } from "./action/engine.js";

// The bundle is also the entry of its own worker threads (big inputs): they only run chunks.
if (!isMainThread && (workerData as { mark?: string } | null)?.mark === WORKER_MARK) serveChunks();
else void run();

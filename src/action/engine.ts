// The engine entry points the action uses (the only place that names engine modules).
export { check, splitPartners } from "../engine/check.js";
export { findDatasetFiles, findFiles, outputOverDataset, writeErrorReason } from "../engine/files.js";
export { mergePartials, MergeError, type BaseProvider } from "../engine/shards.js";
export { loadConfig, applyThresholdInputs, applyRuleInputs, ConfigError } from "../config/config.js";
export type { Config } from "../config/config.js";
export { poolRunner, WORKER_MARK } from "../engine/worker-pool.js";
export { serveChunks } from "../engine/worker-main.js";
export { maskLines } from "../engine/privacy/mask.js";
export { compareWithBase, parseBaseReport } from "../engine/deltas.js";
export { UsageError } from "../engine/files.js";
export type { ChunkRunner } from "../engine/check.js";

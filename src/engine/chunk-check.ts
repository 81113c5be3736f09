// One chunk of one file, start to end: the scan (rules) and the chunk's analysis. Everything in and out is plain
// data, so a chunk runs the same in the main thread, in a worker thread, or in another job (shards).
import type { Chunk } from "./chunks.js";
import type { DatasetFormat, SeveritySetting } from "./model.js";
import type { Profile } from "./formats/context.js";
import type { ContainerKind } from "./read/containers.js";
import { scanFile, type ScanResult } from "./file-check.js";
import { ChunkAnalysis, type AnalysisSettings, type ChunkAnalysisPartial } from "./analysis/chunk-analysis.js";
import type { PrivacySettings } from "./privacy/record-check.js";
import type { TargetSpec } from "./target/spec.js";
import { targetRuntime } from "./target/runtime.js";
import { TargetChecker } from "./target/check-record.js";

export interface ChunkJob {
  chunk: Chunk;
  path: string;
  display: string;
  format: DatasetFormat | null;
  forced: boolean;
  /** How the file holds its records when it is not JSON Lines (file-check.ts FileHead). */
  container?: ContainerKind | null;
  profile: Profile;
  categoryField?: string;
  severities: Record<string, SeveritySetting>;
  maxFindings: number;
  /** Secrets and personal data: the ignore file (null: not scanned, e.g. a partial from an older plan). */
  privacy?: PrivacySettings | null;
  /** null: validation only. */
  analysis: AnalysisSettings | null;
  /** The target model (chat template, tokenizer), when the run checks against one; compiled once per thread. */
  target?: TargetSpec | null;
}

export interface ChunkResult {
  index: number;
  scan: ScanResult;
  analysis: ChunkAnalysisPartial | null;
}

export async function runChunk(job: ChunkJob): Promise<ChunkResult> {
  const analysis = job.analysis ? ChunkAnalysis.create(job.analysis, job.chunk) : null;
  const scan = await scanFile({
    path: job.path,
    display: job.display,
    fileIndex: job.chunk.file,
    range: job.chunk.range,
    format: job.format,
    forced: job.forced,
    container: job.container,
    profile: job.profile,
    categoryField: job.categoryField,
    severities: job.severities,
    maxFindings: job.maxFindings,
    privacy: job.privacy,
    onRecord: analysis ? (conv, loc, rendered, shown) => analysis.add(conv, loc, rendered, shown) : undefined,
    target: job.target ? new TargetChecker(targetRuntime(job.target)) : null,
  });
  return { index: job.chunk.index, scan, analysis: analysis ? await analysis.toPartial() : null };
}

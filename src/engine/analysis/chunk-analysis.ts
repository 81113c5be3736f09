// The analysis of one chunk (runs in a worker, or in the main thread one chunk after another): per record it
// extracts the duplicate features and feeds the mergeable sketches; at the end of the chunk it hands over a
// structured-clone-able partial. The run-level side (run-analysis.ts) merges the partials in chunk order.
import type { Conversation, Finding, RecordLoc, ShownRecord } from "../model.js";
import { FeatureBatch, type FeatureBatchPartial, type FeatureOptions } from "./duplicates.js";
import { DiversityAnalysis } from "./diversity.js";
import type { DiversityPartial, DiversityResult } from "./diversity-result.js";
import { DEFAULT_COMPRESSION_SAMPLE_BYTES, thinCompressionSample } from "./compression-sample.js";
import { place } from "./answer-shape.js";
import { repeatedRun } from "./repetition.js";
import { CompositionAnalysis, type CompositionPartial } from "./composition.js";
import { scanRecord } from "./text-scan.js";
import type { Chunk } from "../chunks.js";
import { TokenAnalysis } from "./tokens.js";
import type { RenderedExample } from "./token-options.js";
import { PENDING, type TokenPartial } from "./token-partial.js";
import { STRATA } from "./token-strata.js";
import { loadCounter, type EncodingName } from "./token-count.js";
import { modelTokenizer } from "../target/tokenizer.js";

/** Everything a chunk's analysis needs from the config (plain data: it crosses to worker threads). */
export interface AnalysisSettings {
  caseInsensitive: boolean;
  near: boolean;
  shingleSize: number;
  boilerplatePhrases?: string[];
  /** The run checks more than one file: each file's own diversity figures are computed too (a single file's are the
   * run's). */
  perFile?: boolean;
  tokens: { encoding: EncodingName; maxTokens?: number; model?: string; epochs?: number; pricePerMillion?: number; exact?: boolean; expectedBytes: number; tokenizer?: ModelTokenizerRef };
}

/** The target model's tokenizer.json (target/): examples are counted as their chat template renders them, every one
 * exactly, in the chunk's thread (which loads the tokenizer once). */
export interface ModelTokenizerRef {
  /** Absolute path, and the name the user gave it. */
  path: string;
  name: string;
}

/** A file's (or chunk's) token figures: exact tokens, and the overhead and content bytes per stratum of the examples
 * left estimated (TokenAnalysis.estimateOf turns them into tokens). */
export interface FileTokens {
  exact: number;
  overhead: number;
  bytes: number[];
}

export function emptyFileTokens(): FileTokens {
  return { exact: 0, overhead: 0, bytes: new Array<number>(STRATA).fill(0) };
}

/** Adds `b` into `a`. */
export function addFileTokens(a: FileTokens, b: FileTokens): void {
  a.exact += b.exact;
  a.overhead += b.overhead;
  for (let h = 0; h < STRATA; h++) a.bytes[h] += b.bytes[h];
}

export interface ChunkAnalysisPartial {
  features: FeatureBatchPartial;
  diversity: DiversityPartial;
  composition: CompositionPartial;
  tokens: TokenPartial;
  /** `too-long` findings of the examples this chunk tokenized itself (lines within the chunk). */
  findings: Finding[];
  /** Exact tokens of tokenized examples, and overhead + content bytes per stratum of the others (per-file token
   * figures; the pending examples' share is added where they are tokenized). */
  fileTokens: FileTokens;
  /** A chunk that is a whole file of a run of several files: the file's own diversity (computed here, in the chunk's
   * thread; `diversity` then holds the compression sample thinned to the chunk's share of the run). */
  fileDiversity?: DiversityResult;
}

/** A chunk's share of a compression-sample budget (diversity.ts, 4 MiB) over `runBytes` (its file's bytes for the
 * file's own sample, the run's for the run's): in proportion to its expected bytes, at least 64 KiB. The merge thins
 * the chunks' samples to the budget; sampling steps are powers of two, so a chunk that keeps less than its old 4 MiB
 * gives the same merged sample unless its own step passes the run's. */
export function compressionBudget(chunkBytes: number, runBytes: number): number {
  const budget = DEFAULT_COMPRESSION_SAMPLE_BYTES;
  if (!(runBytes > chunkBytes)) return budget;
  return Math.max(64 * 1024, Math.round((budget * chunkBytes) / runBytes));
}

/** Runs of more input than this (gzip counted as 4× its size) count distinct n-grams in HyperLogLog from the first
 * word: their counts pass the exact cap (65,536) anyway, and each chunk would otherwise fill an exact table first.
 * Depends only on the input, so the report is the same for any number of workers or shards. */
export const LARGE_RUN_BYTES = 32 * 1024 * 1024;

const counters = new Map<EncodingName, ReturnType<typeof loadCounter>>();
/** One vocabulary load per thread and encoding. */
export function counterFor(encoding: EncodingName): ReturnType<typeof loadCounter> {
  let c = counters.get(encoding);
  if (!c) counters.set(encoding, (c = loadCounter(encoding)));
  return c;
}

export class ChunkAnalysis {
  private readonly batch: FeatureBatch;
  private readonly features: Required<FeatureOptions>;
  private readonly div: DiversityAnalysis;
  private readonly comp = new CompositionAnalysis();
  private readonly fileTokens = emptyFileTokens();

  /** Examples that need tokens wait (TokenOptions.defer) until the end of the chunk, which counts them all at once
   * (toPartial), in the thread that ran the chunk. The compression sample keeps the chunk's share of its file's budget
   * (the file's own figure must not depend on the other files of the run). */
  static create(s: AnalysisSettings, chunk: Chunk): ChunkAnalysis {
    const fileBytes = chunk.fileBytes ?? chunk.bytes;
    const fileBudget = compressionBudget(chunk.bytes, fileBytes);
    const runBudget = compressionBudget(chunk.bytes, s.tokens.expectedBytes);
    const wholeFile = s.perFile === true && chunk.range === null;
    const model = s.tokens.tokenizer;
    if (model) {
      const tok = modelTokenizer(model.path, model.name);
      return new ChunkAnalysis(s, new TokenAnalysis({ ...s.tokens, seed: chunk.index, exact: true, countTokens: tok.count, tokenizer: model.name }), fileBudget, runBudget, wholeFile);
    }
    return new ChunkAnalysis(s, new TokenAnalysis({ ...s.tokens, tokenizer: undefined, seed: chunk.index, defer: true }), fileBudget, runBudget, wholeFile);
  }

  private constructor(
    private readonly s: AnalysisSettings,
    private readonly tok: TokenAnalysis,
    compressionSampleBytes: number,
    private readonly runSampleBytes: number,
    private readonly wholeFile: boolean,
  ) {
    this.div = new DiversityAnalysis({ boilerplatePhrases: s.boilerplatePhrases, compressionSampleBytes, hllFromStart: s.tokens.expectedBytes > LARGE_RUN_BYTES });
    this.features = { caseInsensitive: s.caseInsensitive, shingleSize: s.shingleSize, near: s.near };
    this.batch = new FeatureBatch(this.features);
  }

  /** `rendered`: the record's render by the target chat template (null: none could be made; undefined: no target).
   * `shown`: the record with found secrets and personal data masked (privacy/), when any were found: every text kept
   * to be quoted or to travel in the partial comes from it, every figure from `conv` and `rendered`. */
  add(conv: Conversation, loc: RecordLoc, rendered?: string | null, shown?: ShownRecord): Finding[] {
    // One text scan of the record feeds exact and near duplicates and diversity.
    const scan = scanRecord(conv, this.features.caseInsensitive === true);
    this.batch.pushRecord(conv, scan, loc, this.features);
    const loop = repeatedRun(conv, scan);
    this.div.add(conv, scan, place(loc.file, loc.line), loop?.chars, shown?.conv);
    this.comp.add(shown && shown.conv.category !== conv.category ? { ...conv, category: shown.conv.category } : conv);
    const long = this.tok.add(conv, loc, this.s.tokens.tokenizer ? renderedExample(conv, rendered, shown) : undefined, shown?.conv);
    const last = this.tok.last;
    if (last.exact >= 0) this.fileTokens.exact += last.exact;
    else if (last.exact !== PENDING) {
      this.fileTokens.overhead += last.overhead;
      this.fileTokens.bytes[last.stratum] += last.bytes;
    }
    if (!loop) return long;
    loop.finding.line = loc.line;
    return [...long, loop.finding];
  }

  /** The chunk's partial. The chunk's pending token examples (its part of the sample, long examples) are tokenized
   * here, so that tokenizing runs in parallel like the rest (the figures are the ones the merge would give: counts
   * are exact per text; the vocabulary loads in ~10 ms per thread). */
  async toPartial(): Promise<ChunkAnalysisPartial> {
    const findings: Finding[] = [];
    if (this.tok.pendingBytes > 0) {
      const own = this.tok.resolveOwnPending(await counterFor(this.s.tokens.encoding));
      findings.push(...own.findings);
      addFileTokens(this.fileTokens, own);
    }
    // A whole file of a run of several: its own figures here, in this thread (compressing its sample is the costly
    // part; finish() compresses it synchronously: this thread has nothing else to do meanwhile).
    const fileDiversity = this.wholeFile ? this.div.finish(undefined, true) : undefined;
    const diversity = this.div.toPartial();
    thinCompressionSample(diversity.compression, this.runSampleBytes);
    return {
      findings,
      ...(fileDiversity ? { fileDiversity } : {}),
      features: this.batch.toPartial(),
      diversity,
      composition: this.comp.toPartial(),
      tokens: this.tok.toPartial(),
      fileTokens: { ...this.fileTokens, bytes: [...this.fileTokens.bytes] },
    };
  }
}

/** A record as the target tokenizer counts it: its render, or (when the template could not render it) its messages'
 * texts alone. */
function renderedExample(conv: Conversation, rendered: string | null | undefined, shown: ShownRecord | undefined): RenderedExample {
  let assistantBytes = 0;
  for (const m of conv.messages) if (m.role === "assistant" && m.text) assistantBytes += Buffer.byteLength(m.text, "utf8");
  const texts = (c: Conversation) => [...c.messages, ...(c.rejected ?? [])].map((m) => m.text).join("\n");
  const text = rendered ?? texts(conv);
  if (!shown) return { text, assistantBytes };
  return { text, assistantBytes, shown: rendered != null ? (shown.rendered ?? "") : texts(shown.conv) };
}

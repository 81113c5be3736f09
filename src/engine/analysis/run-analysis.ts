// Wires the analysis sketches into one run: add() per valid record during the single pass over each file,
// finish() once at the end to fill the report (duplicates, leakage, diversity, composition, tokens, dataset_info).
import type { Config } from "../settings.js";
import type { Conversation, DatasetFormat, Finding } from "../model.js";
import type { Report } from "../report.js";
import { DuplicateAnalysis, FeatureBatch, type Reread } from "./duplicates.js";
import { addFileTokens, counterFor, emptyFileTokens, type AnalysisSettings, type ChunkAnalysisPartial, type FileTokens } from "./chunk-analysis.js";
import { DiversityAnalysis } from "./diversity.js";
import { shiftDiversityPlaces, type DiversityResult } from "./diversity-result.js";
import { qualityOf, type Quality } from "./quality.js";
import { SmallFilePools } from "./small-files.js";
import { CompositionAnalysis } from "./composition.js";
import { TokenAnalysis } from "./tokens.js";
import { modelTokenizer } from "../target/tokenizer.js";
import { pairSplits } from "./splits.js";
import { buildDatasetInfo, renderDatasetInfo } from "../dataset-info.js";
import { stat } from "node:fs/promises";
import { isGzipPath, readLinesAt } from "../read/lines.js";
import { detectFormat } from "../formats/detect.js";
import { parseRecord } from "../formats/parse.js";
import { appendFindings } from "../file-check.js";
import { finishFindings } from "../finding-sink.js";
import { severitiesFor } from "../severities.js";
import { RULES } from "../rules/registry.js";
import { keyAnalysisFindings } from "../fingerprint.js";

const REQUIRED_FIELD_RULES = ["missing-messages", "missing-role", "missing-content", "messages-not-array", "empty-messages"];

/** Derived from the config once per run; `expectedBytes` (the input size) fixes the token sampling budget. */
export async function analysisSettings(config: Config, absPaths: string[]): Promise<AnalysisSettings> {
  const t = config.tokens;
  // Input size up front (gzip: about 4× its compressed size), so token sampling spends a fixed budget.
  let expectedBytes = 0;
  for (const p of absPaths) expectedBytes += await stat(p).then((s) => (isGzipPath(p) ? 4 * s.size : s.size), () => 0);
  return {
    caseInsensitive: config.duplicates.caseInsensitive,
    near: config.duplicates.near,
    shingleSize: config.duplicates.shingleSize,
    boilerplatePhrases: config.diversity.boilerplatePhrases,
    perFile: absPaths.length > 1,
    tokens: { encoding: t.encoding, maxTokens: t.maxTokens, model: t.model, epochs: t.epochs, pricePerMillion: t.pricePerMillion, exact: t.exact, expectedBytes },
  };
}

/** The run-level analysis: chunk partials are merged into it in chunk order, then finish() fills the report. */
export class Analysis {
  private readonly dup: DuplicateAnalysis;
  private readonly div: DiversityAnalysis;
  private readonly comp = new CompositionAnalysis();
  private tok: TokenAnalysis | undefined;
  /** Per file: exact tokens of tokenized examples, and overhead + content bytes per stratum of the others. */
  private fileTokens: FileTokens[] = [];
  /** Runs of several files: each file's own gated diversity figures (a few hundred bytes per file), and the diversity of
   * the file being merged when it has several chunks (a whole-file chunk brings its own). */
  private readonly fileQuality: (Quality | undefined)[] = [];
  private fileDiv: { file: number; div: DiversityAnalysis } | undefined;
  /** Files too small to be judged alone on a figure, judged together (small-files.ts). */
  private readonly pools: SmallFilePools;

  constructor(
    readonly paths: string[],
    readonly config: Config,
    private readonly settings: AnalysisSettings,
  ) {
    const d = config.duplicates;
    this.dup = new DuplicateAnalysis({
      paths,
      caseInsensitive: d.caseInsensitive,
      near: d.near,
      nearThreshold: d.nearThreshold,
      shingleSize: d.shingleSize,
      splits: pairSplits(paths, config.splits),
    });
    this.div = new DiversityAnalysis({ boilerplatePhrases: settings.boilerplatePhrases });
    this.pools = new SmallFilePools(settings.boilerplatePhrases);
  }

  private loading: Promise<void> | undefined;
  /** Loads the vocabulary (once; later calls return the same promise): the run-level token analysis tokenizes the
   * chunks' pending examples as they are merged. Started before the first chunk result is in: with worker threads
   * this thread loads it while they run their first chunks, instead of holding up the merges later. */
  ready(): Promise<void> {
    const model = this.settings.tokens.tokenizer;
    // The target model's tokenizer counts every example in its chunk (exact): nothing is left to count here, and a
    // merge of shards needs no tokenizer file. Loaded here only if something were.
    if (model) this.loading ??= Promise.resolve().then(() => {
      this.tok = new TokenAnalysis({ ...this.settings.tokens, exact: true, tokenizer: model.name, countTokens: (text) => modelTokenizer(model.path, model.name).count(text) });
    });
    this.loading ??= counterFor(this.settings.tokens.encoding).then((countTokens) => {
      this.tok = new TokenAnalysis({ ...this.settings.tokens, tokenizer: undefined, countTokens });
    });
    return this.loading;
  }

  /** Folds one chunk of file `file` in; returns the duplicate findings of its records (absolute lines). */
  mergeChunk(file: number, p: ChunkAnalysisPartial, lineOffset: number): Finding[] {
    const found = this.dup.addBatch(FeatureBatch.fromPartial(p.features), lineOffset);
    shiftDiversityPlaces(p.diversity, lineOffset);
    FeatureBatch.recycle(p.features); // replayed: its arrays serve the next chunk run in this thread
    this.div.merge(p.diversity);
    if (p.fileDiversity) {
      const q = (this.fileQuality[file] = this.qualityOf(p.fileDiversity));
      this.pools.add(file, q, p.diversity);
    } else if (this.settings.perFile) {
      if (this.fileDiv?.file !== file) this.fileDiv = { file, div: new DiversityAnalysis({ boilerplatePhrases: this.settings.boilerplatePhrases, figuresOnly: true }) };
      this.fileDiv.div.merge(p.diversity, true); // the run's instance holds the partial's own payloads
    }
    this.comp.merge(p.composition);
    if (!this.tok) throw new Error("Analysis.mergeChunk before ready()");
    const tokens = this.tok.merge(p.tokens);
    const ft = (this.fileTokens[file] ??= emptyFileTokens());
    addFileTokens(ft, p.fileTokens);
    addFileTokens(ft, tokens);
    for (const f of [...p.findings, ...tokens.findings]) found.push({ ...f, line: f.line + lineOffset });
    return found;
  }

  /** The end of file `file`'s chunks: its own figures, from the chunks merged for it (runs of several files). */
  async fileDone(file: number): Promise<void> {
    const f = this.fileDiv;
    if (!f || f.file !== file) return;
    this.fileDiv = undefined;
    this.fileQuality[file] = this.qualityOf(f.div.finish(await f.div.compressSample()));
  }

  private qualityOf(d: DiversityResult): Quality {
    return qualityOf(d, (i) => this.paths[i] ?? String(i));
  }

  async finish(report: Report, absPaths: string[], date?: string): Promise<void> {
    const compressing = this.div.compressSample(); // on zlib's thread pool, while duplicates are verified here
    compressing.catch(() => undefined); // awaited below; never an unhandled rejection if verification throws first
    const formats = report.files.map((f) => (f.format === "unknown" ? undefined : f.format));
    const reread: Reread = async (locs, each) => {
      const byFile = new Map<number, number[]>();
      locs.forEach((l, i) => {
        const list = byFile.get(l.file);
        if (list) list.push(i);
        else byFile.set(l.file, [i]);
      });
      for (const [file, indexes] of byFile) {
        await readLinesAt(
          absPaths[file],
          indexes.map((i) => locs[i]),
          (k, buf) => each(indexes[k], reparse(buf, formats[file], this.config)),
        );
      }
    };
    const d = await this.dup.finish(reread);
    const byFile = new Map<number, Finding[]>();
    for (const { file, finding } of d.findings) {
      const list = byFile.get(file);
      if (list) list.push(finding);
      else byFile.set(file, [finding]);
    }
    for (const [file, found] of byFile) {
      const fr = report.files[file];
      appendFindings(fr, found, severitiesFor(fr.path, this.config), this.config.maxFindings);
    }
    // Every finding is in: pick the listed ones (check.ts does it again, a no-op then), and only those are re-read
    // for their record keys.
    for (const f of report.files) finishFindings(f, this.config.maxFindings);
    await keyAnalysisFindings(report.files, this.dup.records, absPaths);
    await this.ready(); // a run without chunks merged none
    const tokens = this.tok!.finish();
    const diversity = this.div.finish(await compressing);
    const runQuality = this.qualityOf(diversity);
    report.files.forEach((f, i) => {
      const ft = this.fileTokens[i];
      f.stats = {
        exactDuplicates: d.perFile[i]?.exactDuplicates ?? 0,
        nearDuplicates: d.perFile[i]?.nearDuplicates ?? 0,
        tokens: ft ? Math.round(ft.exact + this.tok!.estimateOf(ft.overhead, ft.bytes)) : 0,
      };
      // one file: its figures are the run's
      const quality = this.settings.perFile ? this.fileQuality[i] : ft ? runQuality : undefined;
      if (quality) f.stats.quality = quality;
    });
    report.duplicates = { exact: d.exact, near: d.near };
    report.leakage = d.leakage;
    const composition = this.comp.finish();
    const place = (p: { file: number; line: number }) => ({ path: this.paths[p.file] ?? String(p.file), line: p.line });
    const ex = diversity.examples;
    const smallFiles = await this.pools.finish((i) => this.paths[i] ?? String(i));
    report.diversity = {
      ...diversity,
      examples: { opening: ex.opening.map(place), boilerplate: ex.boilerplate.map(place), repetitive: ex.repetitive.map(place) },
      quality: runQuality,
      ...(Object.keys(smallFiles).length ? { smallFiles } : {}),
    };
    report.composition = composition;
    report.tokens = tokens;
    // Validation errors: the errors of the record and file rules, not those of the analysis (leakage, too-long, or a
    // duplicate rule set to error) or of the privacy rules (a secret), which say nothing about whether the JSON is valid.
    const errors = report.files.reduce((s, f) => {
      const sev = severitiesFor(f.path, this.config);
      const analysisErrors = RULES.filter((r) => (r.group === "analysis" || r.group === "privacy") && (sev[r.id] ?? r.severity) === "error").reduce((n, r) => n + (f.findingCounts[r.id] ?? 0), 0);
      return s + f.errors - analysisErrors;
    }, 0);
    const info = buildDatasetInfo({
      name: this.config.datasetInfo.name,
      purpose: this.config.datasetInfo.purpose,
      generatedAt: date ?? new Date().toISOString().slice(0, 10),
      files: report.files.map((f) => ({ path: f.path, records: f.records, validRecords: f.validRecords, format: f.format })),
      validationPassed: errors === 0,
      errors,
      duplicates: { exact: d.exact.duplicateRecords, near: d.near.duplicateRecords },
      requiredFieldsPresent: report.files.every((f) => REQUIRED_FIELD_RULES.every((r) => !f.findingCounts[r])),
      validRecords: report.summary.validRecords,
      records: report.files.reduce((s, f) => s + f.records, 0),
      diversity,
      composition,
      tokens,
      diversityThreshold: this.config.thresholds["min-windowed-distinct-2"]?.warn ?? this.config.thresholds["min-windowed-distinct-2"]?.fail,
      privacy: report.privacy,
    });
    report.datasetInfo = { ...info, text: renderDatasetInfo(info) };
  }
}

function reparse(buf: Buffer, format: DatasetFormat | undefined, config: Config): Conversation | null {
  let rec: unknown;
  try {
    let text = buf.toString("utf8");
    if (text.endsWith("\r")) text = text.slice(0, -1);
    rec = JSON.parse(text);
  } catch {
    return null;
  }
  if (!rec || typeof rec !== "object" || Array.isArray(rec)) return null;
  const obj = rec as Record<string, unknown>;
  return parseRecord(obj, config.format ?? detectFormat(obj) ?? format ?? "chatml", { profile: config.profile, categoryField: config.categoryField, emit: () => {} });
}

/** The dataset_info text of a report (undefined when the analysis did not run). */
export function renderDatasetInfoFromReport(report: Report): string | undefined {
  const info = report.datasetInfo as { text?: string } | undefined;
  return info?.text;
}

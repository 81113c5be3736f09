// Files too small to be judged alone on a diversity figure are judged together (a folder of small files must not slip
// through because each is too small). Per figure: the files whose own figure is "too little" (not applicable for
// lack of data, not for their shape) are merged into one pool, in run order, and the pool's figure is computed like a
// file's (quality.ts). Only whole-file chunks are pooled (a file of several chunks is never small: at least 2 MiB).
// The pool's verdict depends on which small files the run holds; no file's own figures do.
import type { DiversityPartial } from "./diversity-result.js";
import { DiversityAnalysis } from "./diversity.js";
import { QUALITY_METRICS, qualityOf, type Quality, type QualityFigure, type QualityMetric } from "./quality.js";

/** A pooled figure: the files in the pool (paths, in run order) and the figure over all of them. */
export interface PooledFigure {
  files: string[];
  figure: QualityFigure;
}

export class SmallFilePools {
  private readonly pools = new Map<QualityMetric, { div: DiversityAnalysis; files: number[] }>();

  constructor(private readonly boilerplatePhrases: string[] | undefined) {}

  /** File `file`'s own figures and its (only) chunk's partial: pools it for each figure it is too small for. */
  add(file: number, quality: Quality, partial: DiversityPartial): void {
    for (const m of QUALITY_METRICS) {
      const f = quality.figures[m];
      if (f.value !== null || f.notApplicable === undefined || f.notApplicable === quality.shape.reason) continue;
      let pool = this.pools.get(m);
      if (!pool) {
        // only the compression pool needs a compression sample
        const div = new DiversityAnalysis({ boilerplatePhrases: this.boilerplatePhrases, figuresOnly: true, compressionSampleBytes: m === "max-compression-ratio" ? undefined : 1 });
        this.pools.set(m, (pool = { div, files: [] }));
      }
      pool.div.merge(partial, true);
      pool.files.push(file);
    }
  }

  /** The pooled figures of the pools of two files or more. */
  async finish(pathOf: (file: number) => string): Promise<Partial<Record<QualityMetric, PooledFigure>>> {
    const out: Partial<Record<QualityMetric, PooledFigure>> = {};
    for (const [m, pool] of this.pools) {
      if (pool.files.length < 2) continue;
      const d = pool.div.finish(m === "max-compression-ratio" ? await pool.div.compressSample() : 0);
      out[m] = { files: pool.files.map(pathOf), figure: qualityOf(d, pathOf).figures[m] };
    }
    this.pools.clear();
    return out;
  }
}

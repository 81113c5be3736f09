// One run: a list of files → one Report. Pure engine: no @actions/*, no network.
import { resolve } from "node:path";
import picomatch from "picomatch";
import type { Config } from "../config/config.js";
import type { SeveritySetting } from "./model.js";
import type { FileReport, Report } from "./report.js";
import { checkFile } from "./file-check.js";
import { evaluateGate } from "./gate.js";
import { Analysis } from "./analysis/run-analysis.js";
import { VERSION } from "./version.js";
import { pairSplits } from "./analysis/splits.js";
import { compareReports } from "./deltas.js";

export interface CheckOptions {
  /** Files to check, relative to cwd (or absolute). */
  files: string[];
  config: Config;
  cwd: string;
  /** Skip duplicate/diversity/token analysis (validation only). */
  validateOnly?: boolean;
  /** Date for dataset_info (ISO date); defaults to today. */
  date?: string;
  /** Report of the base version of the same files (PRs): adds quality deltas, and the max-diversity-drop check. */
  base?: Report;
}

export function severitiesFor(path: string, config: Config): Record<string, SeveritySetting> {
  let sev = config.rules;
  for (const o of config.overrides) {
    if (Object.keys(o.rules).length && picomatch(o.files)(path)) sev = { ...sev, ...o.rules };
  }
  return sev;
}

export async function check(opts: CheckOptions): Promise<Report> {
  const { config } = opts;
  const paths = opts.files;
  const analysis = opts.validateOnly ? undefined : await Analysis.create(paths, config, paths.map((p) => resolve(opts.cwd, p)));
  const files: FileReport[] = [];
  for (let i = 0; i < paths.length; i++) {
    files.push(
      await checkFile({
        path: resolve(opts.cwd, paths[i]),
        display: paths[i],
        fileIndex: i,
        format: config.format,
        profile: config.profile,
        categoryField: config.categoryField,
        severities: severitiesFor(paths[i], config),
        maxFindings: config.maxFindings,
        onRecord: analysis ? (conv, loc) => analysis.add(conv, loc) : undefined,
      }),
    );
  }
  const report: Report = {
    schemaVersion: 1,
    tool: { name: "chatml-quality-gate", version: VERSION },
    passed: true,
    summary: {
      files: files.length,
      records: files.reduce((s, f) => s + f.records, 0),
      errors: 0,
      warnings: 0,
      bytes: files.reduce((s, f) => s + f.bytes, 0),
    },
    files,
    gate: { passed: true, failOn: config.failOn, checks: [] },
  };
  if (analysis) await analysis.finish(report, paths.map((p) => resolve(opts.cwd, p)), opts.date);
  report.summary.errors = files.reduce((s, f) => s + f.errors, 0);
  report.summary.warnings = files.reduce((s, f) => s + f.warnings, 0);
  if (opts.base) report.deltas = compareReports(opts.base, report);
  report.gate = evaluateGate(report, config);
  report.passed = report.gate.passed;
  return report;
}

/** Files outside `files` that leakage detection needs: the train/eval partners of the files being checked. */
export function splitPartners(files: string[], allFiles: string[], config?: Config): string[] {
  const set = new Set(files);
  const union = [...new Set([...files, ...allFiles])].sort();
  const extra = new Set<string>();
  for (const p of pairSplits(union, config?.splits)) {
    const a = union[p.train];
    const b = union[p.eval];
    if (set.has(a) && !set.has(b)) extra.add(b);
    if (set.has(b) && !set.has(a)) extra.add(a);
  }
  return [...extra].sort();
}

// Step outputs and the files the action writes (JSON report, dataset_info.txt, SARIF).
import * as core from "@actions/core";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, isAbsolute, join, resolve } from "node:path";
import type { Report } from "../engine/report.js";
import { viewOf } from "../render/report-view.js";


export const DEFAULT_REPORT_NAME = "chatml-gate-report.json";
export const DEFAULT_COMMENT_NAME = "chatml-gate-comment.md";

/** Output location: absolute as given, relative to the workspace; the default report goes to RUNNER_TEMP. */
export function outputPath(given: string | undefined, fallbackName: string, workspace: string, env: NodeJS.ProcessEnv = process.env): string {
  if (given) return isAbsolute(given) ? given : resolve(workspace, given);
  return join(env.RUNNER_TEMP || workspace, fallbackName);
}

export async function writeText(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text, "utf8");
}

export interface Outputs {
  passed: boolean;
  errors: number;
  warnings: number;
  duplicateRate?: number;
  nearDuplicateRate?: number;
  reportPath?: string;
  datasetInfoPath?: string;
  sarifPath?: string;
  commentUrl?: string;
  /** The rendered PR comment (every run writes it; the fork recipe uploads it). */
  commentPath?: string;
  filesChecked: number;
  /** New findings against the base version (undefined: no comparison). */
  newErrors?: number;
  newWarnings?: number;
}

export function outputsFromReport(report: Report): Pick<Outputs, "passed" | "errors" | "warnings" | "duplicateRate" | "nearDuplicateRate" | "filesChecked" | "newErrors" | "newWarnings"> {
  const v = viewOf(report);
  return {
    newErrors: report.comparison?.newFindings.errors,
    newWarnings: report.comparison?.newFindings.warnings,
    passed: report.passed,
    errors: report.summary.errors,
    warnings: report.summary.warnings,
    duplicateRate: v.exact?.rate,
    nearDuplicateRate: v.near?.rate,
    filesChecked: report.files.length,
  };
}

export function setOutputs(o: Outputs, set: (name: string, value: string) => void = (n, v) => core.setOutput(n, v)): void {
  set("passed", String(o.passed));
  set("errors", String(o.errors));
  set("warnings", String(o.warnings));
  set("duplicate-rate", o.duplicateRate === undefined ? "" : String(o.duplicateRate));
  set("near-duplicate-rate", o.nearDuplicateRate === undefined ? "" : String(o.nearDuplicateRate));
  set("report-path", o.reportPath ?? "");
  set("dataset-info-path", o.datasetInfoPath ?? "");
  set("sarif-path", o.sarifPath ?? "");
  set("comment-url", o.commentUrl ?? "");
  set("comment-path", o.commentPath ?? "");
  set("files-checked", String(o.filesChecked));
  set("new-errors", o.newErrors === undefined ? "" : String(o.newErrors));
  set("new-warnings", o.newWarnings === undefined ? "" : String(o.newWarnings));
}

// The Report: the single result of one run. Mirrors schemas/report.schema.json (schemaVersion 1; fields are only added).
import type { DatasetFormat, Finding, Place } from "./model.js";
import type { PrivacyCounts } from "./privacy/counts.js";
import type { Quality } from "./analysis/quality.js";

export type { Place };

export interface FileReport {
  path: string;
  format: DatasetFormat | "unknown";
  /** Non-blank lines: each one a record or an attempt at one. */
  records: number;
  /** Records that passed validation: parsed, and no error-level finding from the record checks (what a trainer
   * accepts; `min-examples` counts these). Analysis findings (duplicates, leakage, too-long) do not count here. */
  validRecords: number;
  /** Bytes read (decompressed for .gz). */
  bytes: number;
  errors: number;
  warnings: number;
  findings: Finding[];
  /** Complete counts per rule, even when `findings` was capped (a rule repeated inside one record is one finding). */
  findingCounts: Record<string, number>;
  /** True when `findings` holds fewer entries than the counts add up to. */
  findingsTruncated: boolean;
  /** Per-file figures (filled by the analysis stage). */
  stats?: FileStats;
  /** Secrets and personal data found in the file (absent when the secret, generic-secret and pii rules are off). */
  privacy?: PrivacyCounts;
}

export interface FileStats {
  exactDuplicates: number;
  nearDuplicates: number;
  tokens?: number;
  /** The file's own gated diversity figures (analysis/quality.ts): its shape, each figure with what it is measured
   * over, or why it does not apply, and the records behind it. */
  quality?: Quality;
}

export interface GateCheck {
  name: string;
  limit: number | string | null;
  actual: number | string | null;
  passed: boolean;
  /** "fail" checks decide the verdict; "warn" checks only warn. */
  level: "fail" | "warn";
  /** What did not pass, in words (the figure, what it is measured over, the file, the records behind it). */
  message?: string;
  /** What the check judges: each file on its own, the run (gate.ts THRESHOLD_SCOPE), or the files too small to be
   * judged alone on a figure, together (`files`: how many). */
  scope?: "file" | "run" | "small-files";
  /** A per-file check about one file: the file. */
  file?: string;
  /** A per-file check that stands for several files (those within the limit, or those where it does not apply). */
  files?: number;
  /** The figure does not apply (too little data, or a dataset shape it does not fit): why. Never fails. */
  notApplicable?: string;
  /** fail-on-new: the check fails as badly on the base version, so it passes as known debt. */
  known?: boolean;
}

export interface Report {
  schemaVersion: 1;
  tool: { name: string; version: string };
  passed: boolean;
  summary: { files: number; records: number; validRecords: number; errors: number; warnings: number; bytes: number };
  files: FileReport[];
  gate: {
    passed: boolean;
    failOn: "error" | "warning" | "never";
    checks: GateCheck[];
    /** fail-on-new was set and a base was compared: only new findings, and checks worse than the base's, fail. */
    failOnNew?: boolean;
  };
  /** Filled by the analysis stage (issue 3); absent when analysis is switched off. */
  duplicates?: unknown;
  leakage?: unknown[];
  diversity?: unknown;
  composition?: unknown;
  tokens?: unknown;
  datasetInfo?: unknown;
  /** What the reader should know about the run's settings that is not a finding (e.g. a tokens.model the gate does
   * not know, so no model limit applies). Absent when there is nothing to say. */
  notices?: string[];
  /** The target model check (--chat-template / `target:`): what was rendered with which template and tokenizer. */
  target?: TargetReport;
  /** PRs: the same figures for the base version of the checked files (base → head). */
  deltas?: Delta[];
  /** Set when a base version was compared (deltas.ts): per-file base → head figures and the new findings. */
  comparison?: Comparison;
  /** Secrets and personal data over every file (absent when not scanned): counts never include the values. */
  privacy?: PrivacySummary;
}

export interface PrivacySummary extends PrivacyCounts {
  /** Records with personal data / all records (what max-pii-share checks). */
  piiShare: number;
  /** The ignore file that was read, if any. */
  ignoreFile?: string;
}

/** report.target: the chat template (and tokenizer) records were rendered with, and how that went over the run. */
export interface TargetReport {
  /** The chat-template file as given, and the entry used when it is a tokenizer_config.json list. */
  chatTemplate: string;
  templateName?: string;
  /** The tokenizer.json token counts come from (report.tokens is then of the rendered text). */
  tokenizer?: string;
  /** Records with a messages array, those rendered, those the template raised on, those the engine could not render. */
  records: number;
  rendered: number;
  templateErrors: number;
  engineGaps: number;
  bosToken?: string;
  eosToken?: string;
  loss: "all" | "assistant-only";
  /** The message keys the template reads (null: it passes messages on where their reads cannot be followed). */
  messageKeys?: string[] | null;
  generationMarkers?: boolean;
}

// The comparison with a base version (deltas.ts compares; the types are the report's).

/** One run figure, base → head (DELTA_METRICS in deltas.ts). */
export interface Delta {
  metric: string;
  base: number | null;
  head: number | null;
}

/** One file's figures (what the per-file table of the reports shows). */
export interface FileFigures {
  records: number;
  validRecords: number;
  errors: number;
  warnings: number;
  exactDuplicates?: number;
  nearDuplicates?: number;
  tokens?: number;
}

export interface FileDelta {
  path: string;
  /** added: the base has no such file; changed: its figures differ. Files with the same figures are not listed. */
  status: "added" | "changed";
  base?: FileFigures;
  head: FileFigures;
}

export interface NewFindings {
  errors: number;
  warnings: number;
  /** New findings per rule ID. */
  rules: Record<string, number>;
  /** A file of either side listed fewer findings than it had (max-findings): its new findings were counted as the
   * growth of each rule's count, and only findings compared one by one carry `new`. */
  approximate: boolean;
}

export interface Comparison {
  /** What the base is, in words (e.g. "2222222 (base of pull request #7)"). */
  base: string;
  files: FileDelta[];
  /** Files in both with the same figures. */
  unchangedFiles: number;
  newFindings: NewFindings;
}

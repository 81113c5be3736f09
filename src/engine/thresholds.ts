// Gate thresholds: names, defaults and why. A limit has a warn level, a fail level, or both; null = not checked.
export interface Limit {
  warn?: number;
  fail?: number;
}
export interface Range {
  min?: number;
  max?: number;
  level: "warn" | "fail";
}

export interface Thresholds {
  "max-errors": Limit | null;
  "max-warnings": Limit | null;
  "max-duplicate-rate": Limit | null;
  "max-near-duplicate-rate": Limit | null;
  "max-leakage": Limit | null;
  "min-examples": Limit | null;
  "max-too-long": Limit | null;
  "min-windowed-distinct-2": Limit | null;
  "max-compression-ratio": Limit | null;
  "max-opening-share": Limit | null;
  "max-boilerplate-share": Limit | null;
  "min-length-uniqueness": Limit | null;
  "max-diversity-drop": Limit | null;
  "single-turn-share": Range | null;
  "max-secrets": Limit | null;
  "max-pii-share": Limit | null;
}

/** Defaults a careful team starts from (docs/configuration.md gives the reason for each). */
export const DEFAULT_THRESHOLDS: Thresholds = {
  "max-errors": { fail: 0 }, // any broken record fails: it crashes or silently corrupts a training run
  "max-warnings": null, // warnings are advice; teams opt in
  "max-duplicate-rate": { warn: 0.01, fail: 0.05 }, // repeated examples are memorised and skew the loss
  "max-near-duplicate-rate": { warn: 0.02, fail: 0.1 },
  "max-leakage": { fail: 0 }, // an eval example in train makes the eval lie
  "min-examples": { fail: 10 }, // fine-tuning APIs reject fewer than 10 examples
  "max-too-long": { fail: 0 }, // truncated examples train on cut-off answers (checked only when a token limit is set)
  "min-windowed-distinct-2": { warn: 0.45, fail: 0.2 },
  "max-compression-ratio": { warn: 4, fail: 8 },
  "max-opening-share": { warn: 0.2, fail: 0.5 },
  "max-boilerplate-share": { warn: 0.01, fail: 0.1 },
  "min-length-uniqueness": null,
  "max-diversity-drop": null,
  "single-turn-share": null,
  "max-secrets": { fail: 0 }, // a credential in training data is leaked twice: in the repository, and to the model
  "max-pii-share": null, // personal data is often part of the task (support chats); teams set their own bar
};

export const THRESHOLD_NAMES = Object.keys(DEFAULT_THRESHOLDS) as (keyof Thresholds)[];

export type Scope = "file" | "run";

/** What each threshold judges: each file on its own (a file's checks do not change when another file joins the run),
 * or the run (duplicates across files, leakage between splits, examples, the drop against the base branch). */
export const THRESHOLD_SCOPE: Record<keyof Thresholds, Scope> = {
  "max-errors": "file",
  "max-warnings": "file",
  "max-duplicate-rate": "run",
  "max-near-duplicate-rate": "run",
  "max-leakage": "run",
  "min-examples": "run",
  "max-too-long": "file",
  "min-windowed-distinct-2": "file",
  "max-compression-ratio": "file",
  "max-opening-share": "file",
  "max-boilerplate-share": "file",
  "min-length-uniqueness": "file",
  "max-diversity-drop": "run",
  "single-turn-share": "file",
  "max-secrets": "run",
  "max-pii-share": "run",
};

/** Run thresholds that cannot be evaluated over some files only (a config error in `overrides`). */
export const RUN_ONLY: ReadonlySet<keyof Thresholds> = new Set<keyof Thresholds>(["max-diversity-drop"]);


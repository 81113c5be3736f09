// The settings of a run: one typed object (Config) the engine reads. The config loader (src/config/) fills it from
// the config file, action inputs and CLI flags; a setting the engine cannot use (a template file that is not there)
// is a ConfigError too (exit code 2).
import type { DatasetFormat, SeveritySetting } from "./model.js";
import type { Profile } from "./formats/context.js";
import { unknownModelNotice } from "./analysis/token-limits.js";
import type { Thresholds } from "./thresholds.js";

export class ConfigError extends Error {}

export type FailOn = "error" | "warning" | "never";

export interface Override {
  files: string[];
  rules: Record<string, SeveritySetting>;
  thresholds: Partial<Thresholds>;
}

export interface Config {
  format?: DatasetFormat;
  profile: Profile;
  categoryField?: string;
  failOn: FailOn;
  /** Compared with a base version, fail only on what is new (deltas.ts, gate.ts). */
  failOnNew?: boolean;
  maxFindings: number;
  paths?: string[];
  rules: Record<string, SeveritySetting>;
  duplicates: { caseInsensitive: boolean; near: boolean; nearThreshold: number; shingleSize: number };
  splits?: { train: string[]; eval: string[] }[];
  /** `exact`: tokenize every example (exact totals, slower) instead of a sample. */
  tokens: { encoding: "o200k_base" | "cl100k_base"; maxTokens?: number; model?: string; epochs?: number; pricePerMillion?: number; exact?: boolean; /** maxTokens is the profile's default, not a setting. */ maxTokensFromProfile?: boolean };
  diversity: { boilerplatePhrases?: string[] };
  /** The model you will train (docs/target-model.md): its chat template, tokenizer and special tokens. */
  target?: TargetConfig;
  datasetInfo: { name?: string; purpose?: string };
  /** The ignore file of accepted secret / personal-data findings (default .chatml-gate-ignore, when present). */
  ignoreFile?: string;
  thresholds: Thresholds;
  overrides: Override[];
  /** Where the config came from, for messages. */
  source?: string;
}

/** The `target:` block (and --chat-template, --tokenizer, --bos-token, --eos-token). Paths as the user wrote them,
 * relative to the working directory (the workspace in the action). */
export interface TargetConfig {
  chatTemplate: string;
  tokenizer?: string;
  templateName?: string;
  templateKwargs?: Record<string, unknown>;
  bosToken?: string;
  eosToken?: string;
  /** assistant-only: the trainer masks all but the assistant's turns (the template needs {% generation %} markers). */
  loss?: "all" | "assistant-only";
}

/** What the reader of a run's report should know about its settings (a tokens.model the gate does not know). */
export function configNotices(config: Config): string[] {
  const t = config.tokens;
  const model = unknownModelNotice(t.model, t.maxTokens, t.maxTokensFromProfile);
  return model ? [model] : [];
}

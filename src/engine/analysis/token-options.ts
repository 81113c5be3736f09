// The options of a token analysis (TokenOptions: encoding, limit, epochs, price, sampling budget, chunk mode) and an
// example as the target model's chat template renders it (RenderedExample).
import type { Conversation } from "../model.js";
import type { EncodingName } from "./token-count.js";

/** Content bytes tokenized in full before sampling starts (and the sampling budget). Tokenizing runs at 1–16 MB/s,
 * so on big inputs only a sample is tokenized; the report says so (`exact`, `relativeError`). */
export const DEFAULT_SAMPLE_BYTES = 1024 * 1024;

export interface TokenOptions {
  encoding?: EncodingName;
  maxTokens?: number;
  model?: string;
  epochs?: number;
  pricePerMillion?: number;
  /** The sampling budget in content bytes (default 1 MiB). */
  sampleBytes?: number;
  /** Expected content bytes of the whole run (e.g. from file sizes). When known, every example is sampled with the
   * same probability sampleBytes / expectedBytes, so about `sampleBytes` are tokenized whatever the input size, and
   * runs of at most 1 MiB are exact. */
  expectedBytes?: number;
  /** Tokenize every example (all figures exact). */
  exact?: boolean;
  /** Per-example values kept for quantiles before reservoir sampling (default 100,000). */
  quantileCap?: number;
  /** PRNG seed of the sampling and reservoir draws (the orchestrator passes the chunk index); default 0. */
  seed?: number;
  /** Replace the tokenizer (tests, and the target model's tokenizer: target/). */
  countTokens?: (text: string) => number;
  /** The target model's tokenizer.json counting the examples (as the user named it), for the result. */
  tokenizer?: string;
  /** Chunk mode: examples that need tokens (sampled, over the byte bound of the limit, or with a role outside
   * KNOWN_ROLE_TOKENS) wait as `pending`, to be tokenized all at once by resolveOwnPending() (the engine's chunks do
   * that at their end) or, when left in the partial, by the merging instance (merge() returns their `too-long`
   * findings). */
  defer?: boolean;
}

/** An example as the target model's chat template renders it (TokenAnalysis.add). */
export interface RenderedExample {
  text: string;
  /** UTF-8 bytes of the assistant's text in it. */
  assistantBytes: number;
  /** `text` with found secrets and personal data masked, when it differs (privacy/). */
  shown?: string;
}

/** The role of a rendered example's one text. */
const RENDERED = "\u0000rendered";

/** A rendered text as an example of one message (no chat overhead is counted for its role). */
export const renderedConv = (text: string): Conversation => ({ messages: [{ role: RENDERED, text, images: 0, toolCalls: 0 }], hasTools: false });

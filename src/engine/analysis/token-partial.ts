// What a chunk's token analysis hands to the merge (TokenPartial: plain structured-clone-able data, numbers and typed
// arrays), and the examples whose tokens wait for it (PendingExample, TokenOptions.defer). Every chunk gets a fresh
// TokenAnalysis (option `seed` = the chunk index), toPartial() after the chunk; one fresh "total" instance merge()s the
// partials in chunk order (token-sums.ts: the sums; token-values.ts: the per-example values; token-largest.ts: the
// largest examples), then finish().
import type { Finding } from "../model.js";
import type { EncodingName } from "./token-count.js";
import type { LargeExample } from "./token-largest.js";
import type { TokenSums } from "./token-sums.js";

/** The exact-count value of an example whose tokens wait for the merge (TokenAnalysis.last, per-example arrays). */
export const PENDING = -2;

/** What counting pending examples gives: their `too-long` findings (lines as in their chunk), the exact tokens of
 * those tokenized, and the overhead + content bytes per stratum of those left estimated (per-file token figures:
 * TokenAnalysis.estimateOf). */
export interface Resolved {
  findings: Finding[];
  exact: number;
  overhead: number;
  bytes: number[];
}

/** An example whose tokens the merging instance counts (see TokenOptions.defer). */
export interface PendingExample {
  /** Record line within its chunk (as given to add()). */
  line: number;
  /** Roles of the messages then rejected messages (one chat overhead each), the example's fixed tokens (names,
   * images, tool-definition costs: example-text.ts), and its texts (example-text.ts forEachText) with whether each
   * is an assistant's. */
  roles: string[];
  fixed: number;
  texts: string[];
  assistant: boolean[];
  bytes: number;
  aBytes: number;
  /** Its stratum (stratumOf). */
  stratum: number;
  /** Sampling probability and whether it was drawn. */
  p: number;
  selected: boolean;
  /** Its slot in the per-example arrays, or -1. */
  slot: number;
  /** One text, rendered by the target's chat template: no chat overhead; assistant tokens are the assistant's share
   * (aBytes / bytes) of its tokens. */
  rendered?: boolean;
}

/** A chunk's state for merging (plain structured-clone-able data; see the file header). */
export interface TokenPartial extends TokenSums {
  encoding: EncodingName;
  limit: number | null;
  quantileCap: number;
  /** Kept per-example values (parallel arrays): exact token count or -1, chat overhead, content bytes, stratum. */
  qExact: Int32Array;
  qOver: Uint32Array;
  qBytes: Float64Array;
  qStratum: Uint8Array;
  /** Chunk mode: examples still to tokenize, in example order (slot values of theirs still hold PENDING). */
  pending: PendingExample[];
  /** The largest unsampled examples (see the file header): at most LARGEST_KEPT per stratum, by stratum, largest
   * first. */
  largest: LargeExample[];
}

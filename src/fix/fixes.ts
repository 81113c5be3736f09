// The fixes `chatml-gate fix` knows: stable ids (in the manifest and for --only), safe ones on by default, unsafe
// ones with --unsafe. docs/fix.md has one entry per id, with before and after.
import type { Profile } from "../engine/formats/context.js";

export const SAFE_FIXES = ["byte-order-mark", "line-endings", "blank-lines", "one-record-per-line"] as const;
export const UNSAFE_FIXES = ["exact-duplicates", "trim-content", "encoding", "sharegpt-to-messages", "functions-to-tools"] as const;
export type FixId = (typeof SAFE_FIXES)[number] | (typeof UNSAFE_FIXES)[number];
export const FIX_IDS: readonly FixId[] = [...SAFE_FIXES, ...UNSAFE_FIXES];

export const FIX_SUMMARY: Record<FixId, string> = {
  "byte-order-mark": "strip a leading UTF-8 byte-order mark",
  "line-endings": "CRLF and CR line ends to LF",
  "blank-lines": "drop blank and whitespace-only lines",
  "one-record-per-line": "a JSON array, records spread over lines, or records glued on one line become one record per line",
  "exact-duplicates": "drop records that repeat an earlier record of the file (the gate's exact-duplicate normalisation; the first is kept)",
  "trim-content": "trim whitespace around message content",
  encoding: "re-read bytes that are not UTF-8 as --from-encoding (cp1252 or latin1)",
  "sharegpt-to-messages": "ShareGPT conversations to ChatML messages, with a strict role map",
  "functions-to-tools": "legacy functions to tools, where no tool-call id must be invented",
};

export type SourceEncoding = "cp1252" | "latin1";

export interface FixOptions {
  /** Fixes to apply. */
  enabled: ReadonlySet<FixId>;
  fromEncoding?: SourceEncoding;
  /** The gate's exact-duplicate setting (duplicates.case-insensitive in the config). */
  caseInsensitive: boolean;
  profile: Profile;
}

// What the diversity analysis (diversity.ts) reports (DiversityResult, plain JSON, numbers rounded to 4 decimals) and
// what a chunk hands to the merge (DiversityPartial, structured-clone-able; see diversity.ts's header).
import type { DistinctPartial } from "./ngram-sketch.js";
import type { DistinctN, NgramsPartial } from "./word-ngrams.js";
import type { CompressionFigures, CompressionPartial } from "./compression-sample.js";
import type { TopKPartial } from "./stats.js";
import { shiftShapePlaces, type ShapePartial, type ShapeResult } from "./answer-shape.js";

export type { DistinctN };

/** An opening's payload: its text (lowercase words) and the first records that open with it (places). */
export interface OpeningPayload {
  text: string;
  at: number[];
}
/** A record of the run: file index and line. */
export interface RecordPlace {
  file: number;
  line: number;
}
export interface DiversityResult {
  records: number;
  assistantMessages: number;
  /** Assistant messages with at least one word (not tool-call-only): the base of the boilerplate and length shares. */
  textMessages: number;
  assistantWords: number;
  distinct1: DistinctN;
  distinct2: DistinctN;
  distinct3: DistinctN;
  compression: CompressionFigures;
  windowedDistinct2: {
    /** Mean distinct-2 over windows; null when there is no bigram at all. */
    mean: number | null;
    min: number | null;
    max: number | null;
    windowSize: number;
    windows: number;
  };
  openings: {
    scope: "final-assistant";
    answers: number;
    /** Share of answers opening with the most common first-4-words. */
    topShare: number;
    top: { opening: string; count: number }[];
    exact: boolean;
  };
  boilerplate: {
    phrases: number;
    messages: number;
    share: number;
    byPhrase: { phrase: string; count: number }[];
  };
  /** What the figures are measured over (answer-shape.ts). */
  shape: ShapeResult;
  /** Records behind the figures: those opening with the top opening, the first with a boilerplate phrase, and those
   * with the most repeated word pairs (what compresses best). */
  examples: { opening: RecordPlace[]; boilerplate: RecordPlace[]; repetitive: RecordPlace[] };
  systemPrompts: {
    recordsWithSystem: number;
    distinct: number;
    method: "exact" | "hll";
    /** Top 5; text truncated to 300 characters. */
    top: { text: string; count: number }[];
    exact: boolean;
  };
  userPrompts: {
    recordsWithUser: number;
    distinct: number;
    uniqueShare: number;
    method: "exact" | "hll";
  };
  lengthUniqueness: { distinctLengths: number; assistantMessages: number; share: number };
  turnBalance: {
    records: number;
    singleTurn: number;
    multiTurn: number;
    other: number;
    singleTurnShare: number;
    multiTurnShare: number;
  };
}

/** Structured-clone-able state of one chunk's (or a merged) DiversityAnalysis; see the file header. */
export interface DiversityPartial extends NgramsPartial {
  records: number;
  assistantMessages: number;
  textMessages: number;
  assistantWords: number;
  compression: CompressionPartial;
  openings: TopKPartial<OpeningPayload, number>;
  answers: number;
  shape: ShapePartial;
  boilerMessages: number;
  boilerCounts: number[];
  systemTop: TopKPartial<string>;
  systemDistinct: DistinctPartial;
  recordsWithSystem: number;
  userDistinct: DistinctPartial;
  recordsWithUser: number;
  lengths: number[];
  single: number;
  multi: number;
  other: number;
}

/** Adds `lineOffset` to the record places of a chunk's partial (chunks count lines from their start): call once, before
 * merging it anywhere. */
export function shiftDiversityPlaces(p: DiversityPartial, lineOffset: number): void {
  if (!lineOffset) return;
  for (const payload of p.openings.payloads) if (payload) for (let i = 0; i < payload.at.length; i++) payload.at[i] += lineOffset;
  shiftShapePlaces(p.shape, lineOffset);
}

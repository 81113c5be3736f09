// The gated diversity figures of a file (or a run): what each measures over, whether it applies, and the records
// behind it. Pure: DiversityResult in, Quality out. docs/metrics.md "When a metric does not apply" is the definition.
//
// Shape of the data (the first that holds):
//   preference     at least half of the records are preference pairs (a rejected side) or KTO-labelled completions
//   tool-calling   at least half of the records declare tools or call one
//   short-answer-math / short-label   the median text answer (final assistant message with text) is at most 3 words:
//                  math when at least half of the text answers are numbers, labels otherwise
//   chat           anything else
// Not applicable (shown, never failing; `notApplicable` says the shape, or how little there is):
//   windowed distinct-2   short answers; fewer than 100 words of assistant text
//   compression ratio     short answers; less than 1 KiB of assistant text
//   opening share         tool-calling, short answers; fewer than 20 text answers
//   boilerplate share     tool-calling, preference; fewer than 20 assistant texts
//   length uniqueness     tool-calling, short answers; fewer than 20 assistant texts
//   single-turn share     preference; fewer than 20 records
import type { Place } from "../model.js";
import type { DiversityResult, RecordPlace } from "./diversity-result.js";

export type DatasetShape = "chat" | "tool-calling" | "short-label" | "short-answer-math" | "preference";

export const QUALITY_METRICS = ["min-windowed-distinct-2", "max-compression-ratio", "max-opening-share", "max-boilerplate-share", "min-length-uniqueness", "single-turn-share"] as const;
export type QualityMetric = (typeof QUALITY_METRICS)[number];

export interface QualityFigure {
  /** What the gate compares with the threshold; null when the metric does not apply. */
  value: number | null;
  /** What the value is measured over, e.g. "50 text answers". */
  over: string;
  /** Why the metric does not apply here (value null). */
  notApplicable?: string;
  /** The top opening, or the most frequent boilerplate phrase. */
  detail?: string;
  /** Records behind the figure: those sharing the top opening, the first holding a boilerplate phrase, or those
   * with the most repeated word pairs (what compresses best). */
  records?: Place[];
}

export interface Quality {
  shape: { kind: DatasetShape; reason: string };
  figures: Record<QualityMetric, QualityFigure>;
}

/** Below these, a figure is not applicable: too little to mean anything. */
export const MIN_ANSWERS = 20;
export const MIN_WORDS = 100;
export const MIN_TEXT_BYTES = 1024;
export const MIN_RECORDS = 20;
/** A median text answer of at most this many words makes a short-answer set. */
export const SHORT_ANSWER_WORDS = 3;

const n = (x: number) => x.toLocaleString("en-US");
const plural = (x: number, one: string, many = `${one}s`) => `${n(x)} ${x === 1 ? one : many}`;
const kib = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1048576).toFixed(1)} MiB` : bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${bytes} bytes`);

function shapeOf(d: DiversityResult): Quality["shape"] {
  const s = d.shape;
  if (s.records > 0 && s.preferenceRecords * 2 >= s.records) {
    return { kind: "preference", reason: `preference data: ${n(s.preferenceRecords)} of ${plural(s.records, "record")} are preference pairs or KTO-labelled completions` };
  }
  if (s.records > 0 && s.toolRecords * 2 >= s.records) {
    return { kind: "tool-calling", reason: `tool-calling set: ${n(s.toolRecords)} of ${plural(s.records, "record")} declare or call tools; ${n(s.toolAnswers)} of ${plural(s.finalAnswers, "answer")} are tool calls` };
  }
  const median = s.medianAnswerWords;
  if (median !== null && median <= SHORT_ANSWER_WORDS) {
    const words = plural(median, "word");
    if (s.numericAnswers * 2 >= s.textAnswers) return { kind: "short-answer-math", reason: `short numeric answers: the median answer is ${words}; ${n(s.numericAnswers)} of ${plural(s.textAnswers, "text answer")} are numbers` };
    return { kind: "short-label", reason: `short-label set: the median answer is ${words} (of ${plural(s.textAnswers, "text answer")})` };
  }
  return { kind: "chat", reason: "chat: free-text answers" };
}

export function qualityOf(d: DiversityResult, pathOf: (file: number) => string): Quality {
  const shape = shapeOf(d);
  const short = shape.kind === "short-label" || shape.kind === "short-answer-math";
  const tools = shape.kind === "tool-calling";
  const places = (list: RecordPlace[]): Place[] => list.map((p) => ({ path: pathOf(p.file), line: p.line }));
  const texts = plural(d.textMessages, "assistant text");
  const answers = plural(d.openings.answers, "text answer");
  /** `base`: how much there is to measure; none at all (and no shape that rules the metric out) is no figure ("–"). */
  const figure = (value: number | null, over: string, na: string | false, base: number, extra: Partial<QualityFigure> = {}): QualityFigure => {
    if (na === byShape) return { value: null, over, notApplicable: na, ...extra };
    if (base === 0) return { value: null, over, ...extra };
    return na ? { value: null, over, notApplicable: na, ...extra } : { value, over, ...extra };
  };
  const byShape = shape.reason;
  const textBytes = Math.max(0, d.compression.totalBytes - d.textMessages);
  const c = d.compression;
  const w = d.windowedDistinct2;
  const topPhrase = d.boilerplate.byPhrase[0]?.phrase;
  const figures: Record<QualityMetric, QualityFigure> = {
    "min-windowed-distinct-2": figure(
      w.mean,
      `${plural(d.assistantWords, "assistant word")}${w.windows > 1 ? ` in ${n(w.windows)} windows` : ""}`,
      short ? byShape : d.assistantWords < MIN_WORDS || w.mean === null ? `too little text: ${plural(d.assistantWords, "word")} (needs ${MIN_WORDS})` : false,
      d.assistantWords,
      { records: places(d.examples.repetitive) },
    ),
    "max-compression-ratio": figure(
      c.ratio,
      `${texts}, ${kib(textBytes)}${c.sampled ? `, 1 in ${n(c.sampleEvery)} compressed` : ""}`,
      short ? byShape : textBytes < MIN_TEXT_BYTES || c.compressedBytes === 0 ? `too little text: ${kib(textBytes)} (needs ${kib(MIN_TEXT_BYTES)})` : false,
      textBytes,
      { records: places(d.examples.repetitive) },
    ),
    "max-opening-share": figure(
      d.openings.topShare,
      answers,
      tools || short ? byShape : d.openings.answers < MIN_ANSWERS ? `too little: ${answers} (needs ${MIN_ANSWERS})` : false,
      d.openings.answers,
      { detail: d.openings.top[0]?.opening, records: places(d.examples.opening) },
    ),
    "max-boilerplate-share": figure(
      d.boilerplate.share,
      texts,
      tools || shape.kind === "preference"
        ? byShape
        : d.textMessages < MIN_ANSWERS
          ? `too little: ${texts} (needs ${MIN_ANSWERS})`
          : false,
      d.textMessages,
      { detail: topPhrase, records: places(d.examples.boilerplate) },
    ),
    "min-length-uniqueness": figure(
      d.lengthUniqueness.share,
      texts,
      tools || short ? byShape : d.textMessages < MIN_ANSWERS ? `too little: ${texts} (needs ${MIN_ANSWERS})` : false,
      d.textMessages,
    ),
    "single-turn-share": figure(
      d.turnBalance.singleTurnShare,
      plural(d.turnBalance.records, "record"),
      shape.kind === "preference" ? byShape : d.turnBalance.records < MIN_RECORDS ? `too little: ${plural(d.turnBalance.records, "record")} (needs ${MIN_RECORDS})` : false,
      d.turnBalance.records,
    ),
  };
  return { shape, figures };
}

// What the diversity figures are measured over, and the records behind them (part of DiversityAnalysis).
//
// Shape counters (quality.ts decides from them whether a diversity metric applies to a file): records, records that
// declare or call tools, preference records (a rejected side, or a KTO label), records with a final assistant message,
// those whose final assistant message calls a tool, those whose final assistant message has text, how many of those
// are numbers (no letter, at least one digit), and a histogram of their lengths in words (0..32, the last bucket "32 or
// more": the median is exact while it is under 32). Text without spaces (Chinese, Japanese) counts a word per 8
// characters: an answer's length is max(words, ceil(characters / 8)), so a 30-character Chinese sentence is not a
// one-word label.
// Pointers (places: file index and line, packed in one number, see place()): the first 5 records holding a
// boilerplate phrase, and the 3 records with the most repeated word pairs (bigrams already seen in the current
// diversity window: a record's repeats of itself and of the records just before it, what a compressor finds; ties:
// the earlier record). Records sharing the top opening are kept with the openings (diversity.ts).
// Merge (chunks in order): counters add; pointers: the first 5 / the 3 highest of both, in order. Lines are shifted
// by the chunk's line offset before the merge (shiftPlaces).

/** Places: file index and line of a record in one number (lines < 2^32). Adding a line offset adds to it. */
const FILE_UNIT = 2 ** 32;
export const place = (file: number, line: number): number => file * FILE_UNIT + line;
export const placeFile = (p: number): number => Math.floor(p / FILE_UNIT);
export const placeLine = (p: number): number => p % FILE_UNIT;

export const ANSWER_WORD_BUCKETS = 33;
export const MAX_BOILERPLATE_PLACES = 5;
export const MAX_REPETITIVE_PLACES = 3;
/** Records sharing an opening remembered per opening. */
export const MAX_OPENING_PLACES = 5;

const HAS_LETTER = /\p{L}/u;
/** Characters that count as a word in an answer's length (text without spaces). */
const CHARS_PER_WORD = 8;
const HAS_DIGIT = /\d/;

export interface ShapePartial {
  records: number;
  toolRecords: number;
  preferenceRecords: number;
  finalAnswers: number;
  toolAnswers: number;
  textAnswers: number;
  numericAnswers: number;
  answerWords: number[];
  boilerplate: number[];
  /** place, score, place, score, … (highest score first). */
  repetitive: number[];
}

export interface ShapeResult {
  records: number;
  /** Records that declare tools or call one. */
  toolRecords: number;
  /** Records with a rejected side (preference pairs) or a KTO label. */
  preferenceRecords: number;
  /** Records with a final assistant message; those whose final assistant message calls a tool; those with text. */
  finalAnswers: number;
  toolAnswers: number;
  textAnswers: number;
  /** Text answers that are a number (no letter, at least one digit). */
  numericAnswers: number;
  /** Median length of a text answer in words, a word per 8 characters in text without spaces (32 = 32 or more); null
   * without text answers. */
  medianAnswerWords: number | null;
}

export class AnswerShape {
  private s: ShapePartial = {
    records: 0,
    toolRecords: 0,
    preferenceRecords: 0,
    finalAnswers: 0,
    toolAnswers: 0,
    textAnswers: 0,
    numericAnswers: 0,
    answerWords: new Array<number>(ANSWER_WORD_BUCKETS).fill(0),
    boilerplate: [],
    repetitive: [],
  };

  /** One record: `final` = its final assistant message's text and tool calls (null when it has none), `finalWords` its
   * words; `boilerplate`: it holds a boilerplate phrase; `repeats`: its repeated word pairs; `at`: its place. */
  add(hasTools: boolean, preference: boolean, final: { text: string; toolCalls: number } | null, finalWords: number, boilerplate: boolean, repeats: number, at: number): void {
    const s = this.s;
    s.records++;
    if (hasTools) s.toolRecords++;
    if (preference) s.preferenceRecords++;
    if (final) {
      s.finalAnswers++;
      if (final.toolCalls > 0) s.toolAnswers++;
      if (finalWords > 0) {
        s.textAnswers++;
        const length = Math.max(finalWords, Math.ceil(final.text.length / CHARS_PER_WORD));
        s.answerWords[Math.min(length, ANSWER_WORD_BUCKETS - 1)]++;
        if (finalWords <= 3 && final.text.length <= 64 && HAS_DIGIT.test(final.text) && !HAS_LETTER.test(final.text)) s.numericAnswers++;
      }
    }
    if (boilerplate && s.boilerplate.length < MAX_BOILERPLATE_PLACES) s.boilerplate.push(at);
    if (repeats > 0) keepTop(s.repetitive, at, repeats);
  }

  toPartial(): ShapePartial {
    const s = this.s;
    return { ...s, answerWords: [...s.answerWords], boilerplate: [...s.boilerplate], repetitive: [...s.repetitive] };
  }

  merge(p: ShapePartial): void {
    const s = this.s;
    s.records += p.records;
    s.toolRecords += p.toolRecords;
    s.preferenceRecords += p.preferenceRecords;
    s.finalAnswers += p.finalAnswers;
    s.toolAnswers += p.toolAnswers;
    s.textAnswers += p.textAnswers;
    s.numericAnswers += p.numericAnswers;
    for (let i = 0; i < ANSWER_WORD_BUCKETS; i++) s.answerWords[i] += p.answerWords[i] ?? 0;
    for (const at of p.boilerplate) if (s.boilerplate.length < MAX_BOILERPLATE_PLACES) s.boilerplate.push(at);
    for (let i = 0; i < p.repetitive.length; i += 2) keepTop(s.repetitive, p.repetitive[i], p.repetitive[i + 1]);
  }

  finish(): { shape: ShapeResult; boilerplate: number[]; repetitive: number[] } {
    const s = this.s;
    let median: number | null = null;
    if (s.textAnswers > 0) {
      let seen = 0;
      for (let i = 0; i < ANSWER_WORD_BUCKETS; i++) {
        seen += s.answerWords[i];
        if (seen * 2 >= s.textAnswers) {
          median = i;
          break;
        }
      }
    }
    const repetitive: number[] = [];
    for (let i = 0; i < s.repetitive.length; i += 2) repetitive.push(s.repetitive[i]);
    return {
      shape: {
        records: s.records,
        toolRecords: s.toolRecords,
        preferenceRecords: s.preferenceRecords,
        finalAnswers: s.finalAnswers,
        toolAnswers: s.toolAnswers,
        textAnswers: s.textAnswers,
        numericAnswers: s.numericAnswers,
        medianAnswerWords: median,
      },
      boilerplate: [...s.boilerplate],
      repetitive,
    };
  }
}

/** Inserts (at, score) into the top list [place, score, …] (highest first, ties: the one already there first). */
function keepTop(list: number[], at: number, score: number): void {
  let i = list.length;
  while (i > 0 && list[i - 1] < score) i -= 2;
  if (i >= MAX_REPETITIVE_PLACES * 2) return;
  list.splice(i, 0, at, score);
  if (list.length > MAX_REPETITIVE_PLACES * 2) list.length = MAX_REPETITIVE_PLACES * 2;
}

/** Adds `lineOffset` to every place of a chunk's partial (chunks count lines from their start). */
export function shiftShapePlaces(p: ShapePartial, lineOffset: number): void {
  if (!lineOffset) return;
  for (let i = 0; i < p.boilerplate.length; i++) p.boilerplate[i] += lineOffset;
  for (let i = 0; i < p.repetitive.length; i += 2) p.repetitive[i] += lineOffset;
}

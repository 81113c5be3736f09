// The `repeated-phrase` rule: an assistant message that is mostly one short phrase repeated over and over ("Eat a
// banana!" 2,000 times), the degenerate loop of a generation that ran away. A model trained on it learns to loop.
//
//   repeatedPhrase(conv, scan): Finding | null      // scan = the record's text scan (text-scan.ts)
//
// Definition (docs/rules.md#repeated-phrase): in the words of an assistant message (the text scan's lowercase NFKC
// words, whitespace-separated), a run of consecutive words that repeats a phrase of 1 to MAX_PHRASE_WORDS words at
// least MIN_REPEATS times in a row, the run being at least MIN_RUN_WORDS words long and covering at least half of the
// message's words or at least LONG_RUN_WORDS words. Text without spaces (Chinese, Japanese, a phrase repeated with no
// space between its copies) is also searched by character inside every word of at least MIN_RUN_CHARS characters: a
// phrase of 2 to MAX_PHRASE_CHARS characters repeated MIN_REPEATS times, over at least MIN_RUN_CHARS characters and
// half of the message's characters (or LONG_RUN_CHARS). One finding per record (its first such message).
//
// Cost: a run of L >= `need` words with a period P <= MAX_PHRASE_WORDS holds a word i of every (need - MAX_PHRASE_WORDS)-th
// (at least every 16th) whose copy P words back is equal, so only those words are tried against each period (a
// 300-word answer: 2 words x 16 periods); a match is then extended both ways. The words' hashes come from the scan
// the other analyses share. The same by character, every (need - MAX_PHRASE_CHARS)-th character of a long word.
import type { Conversation, Finding } from "../model.js";
import type { RecordScan } from "./text-scan.js";

export const MAX_PHRASE_WORDS = 16;
export const MIN_REPEATS = 10;
export const MIN_RUN_WORDS = 32;
export const LONG_RUN_WORDS = 200;
export const MAX_PHRASE_CHARS = 64;
export const MIN_RUN_CHARS = 200;
export const LONG_RUN_CHARS = 1000;
const STRIDE = 16;
const CHAR_STRIDE = 64;
/** Characters of the phrase quoted in the message, at most. */
const QUOTE = 40;

interface Run {
  /** First and last unit (word or character) of the periodic run, inclusive. */
  lo: number;
  hi: number;
  period: number;
}

/** A periodic run in a[from, to) with a period of 1..MAX_PHRASE_WORDS, MIN_REPEATS repeats and `need` words (see
 * the file header), or null. */
function wordRun(a: Int32Array, from: number, to: number, need: number): Run | null {
  const stride = Math.max(STRIDE, need - MAX_PHRASE_WORDS);
  for (let i = from + stride; i < to; i += stride) {
    for (let p = 1; p <= MAX_PHRASE_WORDS && i - p >= from; p++) {
      if (a[i] !== a[i - p]) continue;
      let lo = i - p;
      while (lo > from && a[lo - 1] === a[lo - 1 + p]) lo--;
      let hi = i;
      while (hi + 1 < to && a[hi + 1] === a[hi + 1 - p]) hi++;
      const len = hi - lo + 1;
      if (len >= need && len >= MIN_REPEATS * p) return { lo, hi, period: p };
      if (len >= MIN_REPEATS * p) {
        i = Math.max(i, hi); // a loop too short to report: look past it
        break;
      }
    }
  }
  return null;
}

/** The same search by character over t[from, to) (periods 2..MAX_PHRASE_CHARS, `need` characters). */
function charRun(t: string, from: number, to: number, need: number): Run | null {
  const stride = Math.max(CHAR_STRIDE, need - MAX_PHRASE_CHARS);
  for (let i = from + stride; i < to; i += stride) {
    const c = t.charCodeAt(i);
    for (let p = 2; p <= MAX_PHRASE_CHARS && i - p >= from; p++) {
      if (t.charCodeAt(i - p) !== c) continue;
      let lo = i - p;
      while (lo > from && t.charCodeAt(lo - 1) === t.charCodeAt(lo - 1 + p)) lo--;
      let hi = i;
      while (hi + 1 < to && t.charCodeAt(hi + 1) === t.charCodeAt(hi + 1 - p)) hi++;
      const len = hi - lo + 1;
      if (len >= MIN_REPEATS * p) {
        if (len < need) {
          i = Math.max(i, hi);
          break;
        }
        // the smallest period of the run ("abab" repeated is "ab" repeated); one character over and over is a
        // separator line ("=====", "─────"), not a phrase
        let q = 1;
        while (q < p && !periodic(t, lo, hi, q)) q++;
        if (q > 1) return { lo, hi, period: q };
        i = Math.max(i, hi);
        break;
      }
    }
  }
  return null;
}

function periodic(t: string, lo: number, hi: number, q: number): boolean {
  for (let j = lo + q; j <= hi; j++) if (t.charCodeAt(j) !== t.charCodeAt(j - q)) return false;
  return true;
}

/** The run's text [start, end) in `t` widened by character while it keeps repeating with `period` characters: a phrase
 * whose copies are not separated by spaces ("Eat a banana!Eat a banana!") is read from where it starts. */
function widen(t: string, start: number, end: number, period: number): { start: number; end: number } {
  while (start > 0 && t.charCodeAt(start - 1) === t.charCodeAt(start - 1 + period)) start--;
  while (end < t.length && t.charCodeAt(end) === t.charCodeAt(end - period)) end++;
  return { start, end };
}

function quote(phrase: string): string {
  const p = phrase.replace(/\s+/g, " ").trim();
  return p.length > QUOTE ? `${p.slice(0, QUOTE).trimEnd()}…` : p;
}

const count = (n: number) => n.toLocaleString("en-US");

/** The `repeated-phrase` finding of a record (line 0: the caller sets it), or null. */
export function repeatedPhrase(conv: Conversation, s: RecordScan): Finding | null {
  return repeatedRun(conv, s)?.finding ?? null;
}

/** The `repeated-phrase` finding of a record and how many characters its loop covers (the diversity figures rank the
 * records behind a failing compression ratio by it: a loop without spaces repeats no word pair), or null. */
export function repeatedRun(conv: Conversation, s: RecordScan): { finding: Finding; chars: number } | null {
  const msgs = conv.messages;
  for (let m = 0; m < msgs.length; m++) {
    if (msgs[m].role !== "assistant") continue;
    const from = s.from[m];
    const to = s.to[m];
    const n = to - from;
    if (n === 0) continue;
    const text = s.text[m];
    if (n >= MIN_RUN_WORDS) {
      const r = wordRun(s.a, from, to, Math.max(MIN_RUN_WORDS, Math.min(Math.ceil(n / 2), LONG_RUN_WORDS)));
      if (r) {
        const period = s.starts[r.lo + r.period] - s.starts[r.lo];
        const x = widen(text, s.starts[r.lo], s.ends[r.hi], period);
        const phrase = text.slice(x.start, x.start + period);
        // (rounded: the last copy has no separator after it)
        const repeats = Math.round((x.end - x.start) / period);
        const words = phrase.trim().split(/\s+/).length;
        return { finding: finding(m, phrase, repeats, `${words} word${words === 1 ? "" : "s"}`, Math.min(1, (x.end - x.start) / (s.ends[to - 1] - s.starts[from]))), chars: x.end - x.start };
      }
    }
    // text without spaces: by character, inside long words
    const chars = s.ends[to - 1] - s.starts[from];
    const need = Math.max(MIN_RUN_CHARS, Math.min(Math.ceil(chars / 2), LONG_RUN_CHARS));
    if (chars < need) continue;
    for (let w = from; w < to; w++) {
      const a = s.starts[w];
      const b = s.ends[w];
      if (b - a < need) continue;
      const r = charRun(text, a, b, need);
      if (!r) continue;
      const x = widen(text, r.lo, r.hi + 1, r.period);
      return { finding: finding(m, text.slice(x.start, x.start + r.period), Math.floor((x.end - x.start) / r.period), `${r.period} characters`, (x.end - x.start) / chars), chars: x.end - x.start };
    }
  }
  return null;
}

function finding(m: number, phrase: string, repeats: number, size: string, share: number): Finding {
  const pct = Math.min(100, Math.round(share * 100));
  return {
    rule: "repeated-phrase",
    severity: "warning",
    line: 0,
    message: `message ${m} (assistant) repeats one phrase ${count(repeats)} times in a row ("${quote(phrase)}", ${size}; ${pct}% of the message): a model trained on a looping answer learns to loop; cut the repetition or drop the example`,
  };
}

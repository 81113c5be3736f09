// Boilerplate phrases: which of a list of phrases a message contains, as case-insensitive substrings of its word
// form (text-scan.ts), found from the record's word hashes instead of a regular expression over every character.
//
//   const pm = new PhraseMatcher(["as an ai language model", ...])   // phrases already lowercase (diversity.ts)
//   pm.match(scan, m, (k) => counts[k]++)                            // each phrase found in message m, once
//
// Why it is exact: a phrase of three or more words separated by single spaces that occurs in a text has its inner
// words surrounded by spaces there, so each inner word is a whole word of the text's whitespace split. The matcher
// picks one inner word per phrase (the longest: the rarest, as a rule), looks for words with that word's hash, and
// compares the text at the phrase's would-be start with the phrase. A hash hit is only a candidate; the comparison
// decides, so the result is the same as a substring search. Phrases of one or two words, or with other whitespace,
// have no inner word: they are searched for with one case-insensitive regular expression, as before.
import { scanRecord, type RecordScan } from "./text-scan.js";

/** Default AI-disclaimer / refusal phrases (lowercase; matched as substrings, case-insensitive). */
export const DEFAULT_BOILERPLATE_PHRASES: readonly string[] = [
  "as an ai language model",
  "as an ai assistant",
  "as an ai,",
  "as a large language model",
  "as a language model",
  "i cannot assist with",
  "i can't assist with",
  "i'm sorry, but i cannot",
  "i'm sorry, but i can't",
  "i am unable to",
  "i'm unable to",
  "i don't have personal opinions",
  "i do not have personal opinions",
  "i don't have personal experiences",
  "i don't have the ability to",
  "my knowledge cutoff",
  "i cannot fulfill that request",
  "i can't help with that",
];

interface Anchor {
  phrase: string;
  index: number;
  /** Code units from the phrase's start to its anchor word. */
  offset: number;
}

const MASK_BITS = 12;

export class PhraseMatcher {
  private readonly anchors = new Map<number, Anchor[]>();
  /** Bit (hash & 4095) set when some anchor word has that low part: most words are rejected with one load. */
  private readonly mask = new Uint8Array(1 << MASK_BITS);
  private readonly rest: { phrase: string; index: number }[] = [];
  private readonly restRe: RegExp | null;
  /** Message serial number of each phrase's last hit (a phrase counts once per message). */
  private readonly lastHit: Float64Array;
  private serial = 0;

  constructor(phrases: readonly string[]) {
    this.lastHit = new Float64Array(phrases.length).fill(-1);
    const anchored: { phrase: string; index: number; word: string; offset: number }[] = [];
    phrases.forEach((phrase, index) => {
      const words = phrase.split(" ");
      if (words.length >= 3 && !/\s/.test(words.join("")) && words.every((w) => w.length > 0)) {
        let j = 1;
        for (let i = 2; i < words.length - 1; i++) if (words[i].length > words[j].length) j = i;
        let offset = 0;
        for (let i = 0; i < j; i++) offset += words[i].length + 1;
        anchored.push({ phrase, index, word: words[j], offset });
      } else this.rest.push({ phrase, index });
    });
    // Anchor hashes come from the same scan as the text's words (scanRecord's scratch is free here).
    for (const x of anchored) {
      const s = scanRecord({ messages: [{ role: "assistant", text: x.word, images: 0, toolCalls: 0 }], hasTools: false }, false);
      const h = s.a[0];
      let list = this.anchors.get(h);
      if (!list) this.anchors.set(h, (list = []));
      list.push({ phrase: x.phrase, index: x.index, offset: x.offset });
      this.mask[h & ((1 << MASK_BITS) - 1)] = 1;
    }
    this.restRe = this.rest.length ? new RegExp(this.rest.map((r) => r.phrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "i") : null;
  }

  /** Calls `hit(k)` once for each phrase k found in message m of the scan `s`; returns whether any was found. */
  match(s: RecordScan, m: number, hit: (k: number) => void): boolean {
    const serial = this.serial++;
    const form = s.text[m];
    const a = s.a;
    const mask = this.mask;
    const bits = (1 << MASK_BITS) - 1;
    let any = false;
    for (let w = s.from[m], end = s.to[m]; w < end; w++) {
      const h = a[w];
      if (mask[h & bits] === 0) continue;
      const list = this.anchors.get(h);
      if (!list) continue;
      for (const x of list) {
        if (this.lastHit[x.index] === serial) continue;
        const start = s.starts[w] - x.offset;
        const len = x.phrase.length;
        if (start < 0 || start + len > form.length) continue;
        // The word form of non-ASCII text is lowercase already; ASCII text is lowercased here (same length).
        if (form.slice(start, start + len).toLowerCase() !== x.phrase) continue;
        this.lastHit[x.index] = serial;
        any = true;
        hit(x.index);
      }
    }
    if (this.restRe?.test(form)) {
      const lower = form.toLowerCase();
      for (const r of this.rest) {
        if (lower.includes(r.phrase)) {
          any = true;
          hit(r.index);
        }
      }
    }
    return any;
  }
}

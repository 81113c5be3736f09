// Text normalisation for the duplicate analyses, done while hashing so no normalised copy of a record is kept.
//
//   isSpace(c)                 the code units JavaScript's /\s/ matches (space, tabs, line breaks, NBSP, U+2000..200A,
//                              U+2028/9, U+202F, U+205F, U+3000, U+FEFF)
//   exactForm(text, ci)        Unicode NFC (+ lowercase when case-insensitive)
//   nearForm(text)             Unicode NFKC + lowercase
//   hashFolded(h, text)        feeds `text` into `h` with whitespace runs folded to one space and the ends trimmed

import type { Hash64 } from "./hash.js";

export function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** True when every code unit is < 0x80 (normalisation is then a no-op, and lowercase is cheap). */
function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) return false;
  return true;
}

export function exactForm(text: string, caseInsensitive: boolean): string {
  const t = isAscii(text) ? text : text.normalize("NFC");
  return caseInsensitive ? t.toLowerCase() : t;
}

export function nearForm(text: string): string {
  return (isAscii(text) ? text : text.normalize("NFKC")).toLowerCase();
}

/** Feeds the whitespace-folded, trimmed form of `text` into `h`. Returns the number of code units fed. */
export function hashFolded(h: Hash64, text: string): number {
  let fed = 0;
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      pendingSpace = fed > 0;
      continue;
    }
    if (pendingSpace) {
      h.code(0x20);
      fed++;
      pendingSpace = false;
    }
    h.code(c);
    fed++;
  }
  return fed;
}

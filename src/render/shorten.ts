// Shortening a message for a report without cutting inside a path, a location, a number or a command: whole clauses
// are kept from the start ("…: …; …, …") and the rest is replaced by "…". Code spans, quotes and brackets are never
// split. A first clause longer than the room is cut at a space outside them, or kept whole when there is none.

/** Calls `at(i)` for each index of `text` outside `code`, quotes and brackets. `apostrophes`: a ' after a space,
 * bracket or colon opens a quote too (clauses), or not (spaces: "don't" is a word). */
function outside(text: string, apostrophes: boolean, at: (i: number, c: string) => void): void {
  let code = false;
  let quote: string | null = null;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "`") code = !code;
    if (code) continue;
    if (quote) {
      if (c === quote || (quote === "“" && c === "”")) quote = null;
      continue;
    }
    if (c === '"' || c === "“") quote = c;
    else if (apostrophes && c === "'" && (i === 0 || /[\s([{:]/.test(text[i - 1]))) quote = c;
    else if (c === "(" || c === "[" || c === "{") depth++;
    else if ((c === ")" || c === "]" || c === "}") && depth > 0) depth--;
    else if (depth === 0) at(i, c);
  }
}

/** Clause boundaries: the index just after each "; ", ": ", ". " or ", " outside `code`, quotes and brackets. */
function boundaries(text: string): number[] {
  const out: number[] = [];
  outside(text, true, (i, c) => {
    if ((c === ";" || c === ":" || c === "," || c === ".") && text[i + 1] === " ") out.push(i + 1);
  });
  return out;
}

/** Spaces outside `code`, quotes and brackets (word boundaries that cut nothing). */
function spaces(text: string): number[] {
  const out: number[] = [];
  outside(text, false, (i, c) => {
    if (c === " ") out.push(i);
  });
  return out;
}

/** `text` when it fits in `max` characters, else its longest run of whole clauses that does, followed by " …". */
export function shorten(text: string, max: number): string {
  const t = text.trim();
  if (t.length <= max) return t;
  const room = Math.max(1, max - 2);
  const cuts = boundaries(t).filter((i) => i <= room);
  if (cuts.length > 0) return t.slice(0, cuts[cuts.length - 1]).replace(/[\s;:,.]+$/, "") + " …";
  const words = spaces(t).filter((i) => i <= room);
  if (words.length > 0) return t.slice(0, words[words.length - 1]).replace(/[\s;:,.]+$/, "") + " …";
  return t;
}

// What a file is before it is read line by line: a Git LFS pointer, a JSON array, or (the normal case) JSON Lines.

export type Sniffed = { kind: "lfs-pointer"; size?: number } | { kind: "json-array" } | { kind: "utf16" } | { kind: "lines" };

const LFS = "version https://git-lfs.github.com/spec/";

export function sniff(head: Buffer): Sniffed {
  if (head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))) return { kind: "utf16" };
  let i = 0;
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) i = 3;
  const text = head.toString("utf8", i, Math.min(head.length, i + 1024));
  if (text.startsWith(LFS)) {
    const m = /\nsize (\d+)/.exec(text);
    return { kind: "lfs-pointer", size: m ? Number(m[1]) : undefined };
  }
  const first = /\S/.exec(head.toString("utf8", i));
  if (!first) return { kind: "lines" }; // blank or empty: the line pass reports empty-file
  if (first[0] === "[") return firstLineIsARecordLine(head, i + first.index) ? { kind: "lines" } : { kind: "json-array" };
  return { kind: "lines" };
}

/** A line that is a piece of pretty-printed JSON rather than a record. */
export function looksLikeJsonFragment(text: string): boolean {
  const t = text.trim();
  return t === "{" || t === "}" || t === "}," || t === "[" || t === "]" || t === "]," || /^"[^"]*"\s*:/.test(t) || /^[}\]]+,?$/.test(t);
}

/** A file that starts with "[" is JSON Lines after all when its first line is a complete JSON value and more lines
 * follow (e.g. a JSONL file whose first record is, wrongly, an array): then each line is checked on its own. */
function firstLineIsARecordLine(head: Buffer, start: number): boolean {
  const nl = head.indexOf(0x0a, start);
  if (nl < 0) return false; // one line (or longer than the head): a whole-file array
  try {
    JSON.parse(head.toString("utf8", start, nl));
  } catch {
    return false; // "[" alone, or an array spread over lines
  }
  return /\S/.test(head.toString("utf8", nl + 1));
}

// What a file is before it is read line by line: a Git LFS pointer, a JSON array, or (the normal case) JSON Lines.

export type Sniffed = { kind: "lfs-pointer"; size?: number } | { kind: "json-array" } | { kind: "utf16"; bom: boolean; endian?: "le" | "be" } | { kind: "lines" };

const LFS = "version https://git-lfs.github.com/spec/";

export function sniff(head: Buffer): Sniffed {
  if (head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))) return { kind: "utf16", bom: true, endian: head[0] === 0xff ? "le" : "be" };
  const endian = utf16WithoutBom(head);
  if (endian) return { kind: "utf16", bom: false, endian };
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

/** UTF-16 without a byte-order mark: in the first KiB, NUL bytes at every other position (the high bytes of ASCII
 * characters; UTF-8 text has no NUL bytes at all, JSON writes them as \u0000) and hardly any at the others, and the
 * text, read as UTF-16, starts like JSON. */
function utf16WithoutBom(head: Buffer): "le" | "be" | null {
  const n = Math.min(head.length, 1024) & ~1;
  if (n < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) even++;
    if (head[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  const endian = odd >= pairs / 4 && even * 4 <= odd ? "le" : even >= pairs / 4 && odd * 4 <= even ? "be" : null;
  if (!endian) return null;
  const units = Buffer.from(head.subarray(0, n));
  if (endian === "be") units.swap16();
  return /^\s*[{[]/.test(units.toString("utf16le")) ? endian : null;
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

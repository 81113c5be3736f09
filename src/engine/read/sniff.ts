// What a file is before it is read line by line: a Git LFS pointer, a JSON array, or (the normal case) JSON Lines.

export type WideEncoding = "UTF-16LE" | "UTF-16BE" | "UTF-32LE" | "UTF-32BE";
export type Sniffed =
  | { kind: "lfs-pointer"; size?: number }
  | { kind: "json-array" }
  | { kind: "utf16"; bom: boolean; encoding: WideEncoding }
  | { kind: "gzip" }
  | { kind: "lines" };

const LFS = "version https://git-lfs.github.com/spec/";

export function sniff(head: Buffer): Sniffed {
  if (head.length >= 4 && head[0] === 0xff && head[1] === 0xfe && head[2] === 0 && head[3] === 0) return { kind: "utf16", bom: true, encoding: "UTF-32LE" };
  if (head.length >= 4 && head[0] === 0 && head[1] === 0 && head[2] === 0xfe && head[3] === 0xff) return { kind: "utf16", bom: true, encoding: "UTF-32BE" };
  if (head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))) return { kind: "utf16", bom: true, encoding: head[0] === 0xff ? "UTF-16LE" : "UTF-16BE" };
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return { kind: "gzip" }; // the gzip magic number
  const endian = utf16WithoutBom(head);
  if (endian) return { kind: "utf16", bom: false, encoding: endian === "le" ? "UTF-16LE" : "UTF-16BE" };
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
  // mostly ASCII text: NUL bytes in the high half of a quarter of the units or more; any text (CJK, emoji):
  // the first unit that is not whitespace is "{" or "[" with a NUL high byte (UTF-8 JSON Lines never holds a NUL byte)
  const endian = odd >= pairs / 4 && even * 4 <= odd ? "le" : even >= pairs / 4 && odd * 4 <= even ? "be" : startsLikeWideJson(head, n);
  if (!endian) return null;
  const units = Buffer.from(head.subarray(0, n));
  if (endian === "be") units.swap16();
  return /^\s*[{[]/.test(units.toString("utf16le")) ? endian : null;
}

/** The first UTF-16 unit of the head that is not ASCII whitespace is "{" or "[", in LE or BE order. */
function startsLikeWideJson(head: Buffer, n: number): "le" | "be" | null {
  for (const e of ["le", "be"] as const) {
    for (let i = 0; i + 1 < n; i += 2) {
      const lo = e === "le" ? head[i] : head[i + 1];
      const hi = e === "le" ? head[i + 1] : head[i];
      if (hi !== 0) break;
      if (lo === 0x20 || lo === 0x09 || lo === 0x0a || lo === 0x0d) continue;
      if (lo === 0x7b || lo === 0x5b) return e;
      break;
    }
  }
  return null;
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

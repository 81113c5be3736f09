// What a file is before it is read line by line: a Git LFS pointer, a JSON array, or (the normal case) JSON Lines.

export type Sniffed = { kind: "lfs-pointer"; size?: number } | { kind: "json-array" } | { kind: "empty" } | { kind: "lines" };

const LFS = "version https://git-lfs.github.com/spec/";

export function sniff(head: Buffer): Sniffed {
  let i = 0;
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) i = 3;
  const text = head.toString("utf8", i, Math.min(head.length, i + 1024));
  if (text.startsWith(LFS)) {
    const m = /\nsize (\d+)/.exec(text);
    return { kind: "lfs-pointer", size: m ? Number(m[1]) : undefined };
  }
  const first = /\S/.exec(head.toString("utf8", i));
  if (!first) return head.length === 0 || head.length < 65536 ? { kind: "empty" } : { kind: "lines" };
  if (first[0] === "[") return { kind: "json-array" };
  return { kind: "lines" };
}

/** A line that is a piece of pretty-printed JSON rather than a record. */
export function looksLikeJsonFragment(text: string): boolean {
  const t = text.trim();
  return t === "{" || t === "}" || t === "}," || t === "[" || t === "]" || t === "]," || /^"[^"]*"\s*:/.test(t) || /^[}\]]+,?$/.test(t);
}

// Parse Markdown the way GitHub does (CommonMark + GFM tables etc.) for structural assertions.
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";
import { expect } from "vitest";

export interface Node {
  type: string;
  value?: string;
  url?: string;
  lang?: string | null;
  children?: Node[];
}

export function parse(md: string): Node {
  return fromMarkdown(md, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }) as unknown as Node;
}

export function all(node: Node, type?: string, out: Node[] = []): Node[] {
  if (!type || node.type === type) out.push(node);
  for (const c of node.children ?? []) all(c, type, out);
  return out;
}

export function text(node: Node): string {
  if (node.type === "text" || node.type === "inlineCode") return node.value ?? "";
  return (node.children ?? []).map(text).join("");
}

export const MARKER = "<!-- chatml-quality-gate:default -->";

/** Our own HTML: the marker, collapsed blocks with a plain-text summary, small print, line breaks in table cells. */
const allowedHtml = (h: string) => h === MARKER || /^<details><summary>[^<>]*<\/summary>$/.test(h) || ["</details>", "<sub>", "</sub>", "<br>"].includes(h);
export const LINK = /^https:\/\/github\.com\/(o\/r\/(blob\/abc123\/|actions\/runs\/1(#artifacts)?$|commit\/abc123$)|chatml-quality-gate\/chatml-quality-gate\/blob\/main\/docs\/rules\.md#[a-z0-9-]+$)/;

/** What our Markdown may hold whatever the data: tables that keep their shape, only our own HTML and links, no
 * mentions, issue references, images, math or strike-through. */
export function assertSafe(md: string, links: RegExp = LINK): void {
  const tree = parse(md);
  for (const t of all(tree, "table")) {
    const rows = t.children ?? [];
    const width = rows[0].children?.length;
    for (const r of rows) expect(r.children?.length).toBe(width);
  }
  for (const h of all(tree, "html")) expect(allowedHtml((h.value ?? "").trim()), h.value).toBe(true);
  expect(md.split(MARKER).length - 1).toBeLessThanOrEqual(1);
  for (const l of all(tree, "link")) expect(l.url).toMatch(links);
  expect(all(tree, "image")).toHaveLength(0);
  expect(all(tree, "inlineMath")).toHaveLength(0);
  for (const t of all(tree, "text")) {
    expect(t.value).not.toMatch(/@[A-Za-z0-9]/); // mentions
    expect(t.value).not.toMatch(/#[0-9]/); // issue refs
    expect(t.value).not.toMatch(/[\u202a-\u202e]/);
  }
  for (const c of all(tree, "inlineCode")) expect(c.value).toMatch(/^[a-z-]+$|\.json$|^[0-9a-f]{1,7}$|^fail-on-new: true$/);
  expect(all(tree, "delete")).toHaveLength(0);
  for (const e of all(tree, "emphasis")) expect(text(e)).toMatch(/^(…and \d+ more|Some details were left out|\d+ (files?|more changed files?) |No comparison|Everything found was already on the base)/);
}


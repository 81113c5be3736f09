// Parse Markdown the way GitHub does (CommonMark + GFM tables etc.) for structural assertions.
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";

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

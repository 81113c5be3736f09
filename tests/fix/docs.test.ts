// docs/fix.md is executable: one section per fix id (in the order of src/fix/fixes.ts), and every ```jsonl before /
// ```jsonl after pair is run through `fix` with that fix alone: the output must be the "after" block, byte for byte.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fromMarkdown } from "mdast-util-from-markdown";
import type { Code, Heading, RootContent } from "mdast";
import { FIX_IDS, SAFE_FIXES } from "../../src/fix/fixes.js";
import { ROOT } from "../helpers/paths.js";
import { fix } from "./helpers.js";

const DOC = readFileSync(join(ROOT, "docs", "fix.md"), "utf8");
const tree = fromMarkdown(DOC);

const sections: { id: string; text: string; pairs: { before: string; after: string; line: number }[] }[] = [];
for (const node of tree.children as RootContent[]) {
  if (node.type === "heading" && (node as Heading).depth <= 3) {
    const h = node as Heading;
    if (h.depth === 3) sections.push({ id: h.children.map((c) => ("value" in c ? c.value : "")).join(""), text: "", pairs: [] });
    else if (sections.length && !sections[sections.length - 1].id.startsWith("#")) sections.push({ id: "#", text: "", pairs: [] });
    continue;
  }
  const cur = sections[sections.length - 1];
  if (!cur) continue;
  cur.text += DOC.slice(node.position!.start.offset!, node.position!.end.offset!) + "\n";
  if (node.type === "code" && (node as Code).lang === "jsonl") {
    const c = node as Code;
    if (c.meta === "before") cur.pairs.push({ before: c.value, after: "", line: c.position!.start.line });
    else if (c.meta === "after") cur.pairs[cur.pairs.length - 1].after = c.value;
  }
}
const FIXES = sections.filter((s) => s.id !== "#" && (FIX_IDS as readonly string[]).includes(s.id));

describe("docs/fix.md", () => {
  it("has one section per fix, in order, each with a before and an after", () => {
    expect(FIXES.map((s) => s.id)).toEqual([...FIX_IDS]);
    for (const s of FIXES) expect(s.pairs.length > 0 || (/\*\*Before:?\*\*/.test(s.text) && /\*\*After/.test(s.text)), s.id).toBe(true);
  });

  for (const s of FIXES) {
    for (const p of s.pairs) {
      it(`${s.id}: the example at docs/fix.md:${p.line} gives its "after"`, async () => {
        const safe = (SAFE_FIXES as readonly string[]).includes(s.id);
        const r = await fix({ "data.jsonl": p.before + "\n" }, safe ? { only: s.id } : { unsafe: true, only: s.id });
        expect(r.code).toBe(0);
        expect(r.text("data.jsonl")).toBe(p.after + "\n");
      });
    }
  }

  it("shows the fix workflow as it is in examples/workflows/fix-pr.yml", () => {
    expect(DOC).toContain(readFileSync(join(ROOT, "examples", "workflows", "fix-pr.yml"), "utf8"));
  });
});

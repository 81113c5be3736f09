// docs/rules.md is executable documentation: one `## rule-id` section per registry rule (same order, nothing else at
// that level), the table lists every rule with its default severity, and every ```jsonl example is run through the
// engine: a **Bad** example must trigger the section's rule, a **Fix** example must produce no finding at all. A section
// on a chat-template rule shows its template in a ```jinja block (and, when it needs more, its config in a ```yaml
// block): each example runs with the nearest ones before it, the template as template.jinja.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";
import type { Nodes, RootContent } from "mdast";
import { check } from "../src/engine/check.js";
import { configFromObject, defaultConfig } from "../src/config/config.js";
import YAML from "yaml";
import { RULES, RULE_BY_ID } from "../src/engine/rules/registry.js";
import type { FileReport } from "../src/engine/report.js";
import { ROOT } from "./helpers/paths.js";
import { tempDir } from "./helpers/run.js";

const DOC = readFileSync(join(ROOT, "docs", "rules.md"), "utf8");
const tree = fromMarkdown(DOC, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });

function text(node: Nodes): string {
  if ("value" in node && typeof node.value === "string") return node.value;
  return "children" in node ? (node.children as Nodes[]).map(text).join("") : "";
}

type Label = "bad" | "fix" | null;
interface Section {
  id: string;
  /** Text of the leading bold label of each paragraph ("Default severity:", "Why it matters:", "Bad", ...). */
  labels: string[];
  paragraphs: string[];
  /** `profile`: from the block's info string (```jsonl profile=openai): the example runs under that profile. `template`,
   * `config`: the nearest ```jinja (and ```yaml target config) blocks before it in its section. */
  examples: { label: "bad" | "fix"; code: string; line: number; profile?: string; template?: string; config?: string }[];
}

/** Level-2 sections, with their ```jsonl blocks labelled by the nearest preceding **Bad** / **Fix** paragraph. */
function sections(): Section[] {
  const out: Section[] = [];
  let cur: Section | undefined;
  let label: Label = null;
  let template: string | undefined;
  let config: string | undefined;
  for (const node of tree.children as RootContent[]) {
    if (node.type === "heading" && node.depth <= 2) {
      cur = node.depth === 2 ? { id: text(node), labels: [], paragraphs: [], examples: [] } : undefined;
      if (cur) out.push(cur);
      label = null;
      template = config = undefined;
      continue;
    }
    if (!cur) continue;
    if (node.type === "paragraph") {
      cur.paragraphs.push(text(node));
      const first = node.children[0];
      const lead = first?.type === "strong" ? text(first).trim() : "";
      if (lead) cur.labels.push(lead);
      const word = lead.replace(/:$/, "").toLowerCase();
      label = word === "bad" ? "bad" : word === "fix" ? "fix" : lead ? null : label;
    } else if (node.type === "code" && node.lang === "jinja") {
      template = node.value;
    } else if (node.type === "code" && node.lang === "yaml" && template === undefined && cur.examples.length === 0 && /^target:/m.test(node.value)) {
      config = node.value;
    } else if (node.type === "code" && node.lang === "jsonl") {
      if (!label) throw new Error(`docs/rules.md:${node.position?.start.line}: a jsonl block in ${cur.id} is not under a **Bad** or **Fix** paragraph`);
      const profile = /(?:^|\s)profile=([a-z]+)/.exec(node.meta ?? "")?.[1];
      cur.examples.push({ label, code: node.value, line: node.position?.start.line ?? 0, ...(profile ? { profile } : {}), template, config });
    }
  }
  return out;
}

const SECTIONS = sections();
const ANALYSIS = new Set(RULES.filter((r) => r.group === "analysis").map((r) => r.id));

async function runExample(code: string, analysis: boolean, ex: { profile?: string; template?: string; config?: string } = {}): Promise<FileReport> {
  const dir = tempDir({ "data.jsonl": code + "\n", ...(ex.template !== undefined ? { "template.jinja": ex.template + "\n" } : {}) });
  const doc: Record<string, unknown> = ex.template === undefined ? {} : ex.config ? (YAML.parse(ex.config) as Record<string, unknown>) : { target: { "chat-template": "template.jinja" } };
  if (ex.profile) doc.profile = ex.profile;
  const config = Object.keys(doc).length ? configFromObject(doc) : defaultConfig();
  const report = await check({ files: ["data.jsonl"], config, cwd: dir, validateOnly: !analysis, date: "2026-01-01" });
  return report.files[0];
}

describe("docs/rules.md structure", () => {
  it("has one level-2 section per registry rule, in registry order, and no other level-2 section", () => {
    expect(SECTIONS.map((s) => s.id)).toEqual(RULES.map((r) => r.id));
  });

  it("every section states the default severity, why it matters, a bad example and the fix", () => {
    for (const s of SECTIONS) {
      const sev = s.paragraphs.find((p) => p.startsWith("Default severity:"));
      expect(sev, s.id).toBeDefined();
      expect(sev!, s.id).toMatch(new RegExp(`^Default severity: ${RULE_BY_ID.get(s.id)!.severity}\\b`));
      expect(s.labels, s.id).toContain("Why it matters:");
      expect(s.labels.some((l) => /^Bad:?$/.test(l)), `${s.id}: Bad`).toBe(true);
      expect(s.labels.some((l) => /^Fix:?$/.test(l)), `${s.id}: Fix`).toBe(true);
    }
  });

  it("the summary table lists every rule once with its default severity and a working anchor", () => {
    const table = (tree.children as RootContent[]).find((n) => n.type === "table");
    expect(table).toBeDefined();
    const rows = table!.type === "table" ? table!.children.slice(1) : [];
    const listed = rows.map((r) => [text(r.children[0]).trim(), text(r.children[1]).trim()]);
    expect(listed).toEqual(RULES.map((r) => [r.id, r.severity]));
    const links = rows.map((r) => r.children[0].children.find((c) => c.type === "link"));
    expect(links.map((l) => (l && l.type === "link" ? l.url : null))).toEqual(RULES.map((r) => `#${r.id}`));
  });

  it("every rule with a line-level problem has a runnable bad example", () => {
    // Rules that a JSONL block in a UTF-8 Markdown file cannot show; their sections describe the input instead.
    const described = ["empty-file", "read-error", "byte-order-mark", "invalid-utf8", "line-too-long", "template-engine-gap", "template-double-bos", "template-eot-split", "near-duplicate", "leakage", "too-long"];
    const withoutBad = SECTIONS.filter((s) => !s.examples.some((e) => e.label === "bad")).map((s) => s.id);
    expect(withoutBad).toEqual(described);
  });
});

describe("SARIF's full rule descriptions", () => {
  it("src/render/rule-docs.generated.ts holds each rule's 'Why it matters' from docs/rules.md (node scripts/rule-docs.mjs)", async () => {
    // @ts-expect-error: a build script without type declarations
    const { generate, OUT } = (await import("../scripts/rule-docs.mjs")) as { generate: () => string; OUT: string };
    expect(readFileSync(join(ROOT, OUT), "utf8")).toBe(generate());
    const { RULE_WHY } = await import("../src/render/rule-docs.generated.js");
    expect(Object.keys(RULE_WHY)).toEqual(RULES.map((r) => r.id));
  });
});

describe("docs/rules.md examples run through the engine", () => {
  for (const s of SECTIONS) {
    for (const ex of s.examples) {
      const analysis = ANALYSIS.has(s.id);
      if (ex.label === "bad") {
        it(`${s.id}: the bad example (docs/rules.md:${ex.line}) triggers ${s.id}`, async () => {
          const f = await runExample(ex.code, analysis, ex);
          expect(f.findings.map((x) => x.rule)).toContain(s.id);
        });
      } else {
        it(`${s.id}: the fix example (docs/rules.md:${ex.line}) has no finding`, async () => {
          const f = await runExample(ex.code, analysis, ex);
          expect(f.findings.map((x) => `${x.rule}@${x.line}: ${x.message}`)).toEqual([]);
        });
      }
    }
  }
});

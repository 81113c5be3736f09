// Our Jinja engine against Python's Jinja2 (configured as transformers configures it): every case in
// tests/fixtures/jinja/goldens.json was rendered by Python (scripts/jinja_python.py goldens); we must render the same text,
// raise the same message, refuse the same templates, or, for the declared gaps, say engine-gap.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { TemplateSyntaxError, compileTemplate, parsePythonJson, renderTemplate } from "../../../src/engine/target/jinja/index.js";

interface Golden {
  name: string;
  template: string;
  context?: Record<string, unknown>;
  /** The context as JSON text, read like Python's json.loads (floats such as 1.0, key order). */
  contextJson?: string;
  python: { ok: true; text: string } | { ok: false; message: string } | { syntaxError: true; line: number | null };
}

const file = JSON.parse(readFileSync(join(import.meta.dirname, "../../fixtures/jinja/goldens.json"), "utf8")) as { now: string; cases: Golden[] };
const now = (): Date => new Date(file.now);

describe("renders as Python's Jinja2 does", () => {
  for (const c of file.cases) {
    it(c.name, () => {
      const p = c.python;
      if ("syntaxError" in p) {
        let thrown: unknown = null;
        try {
          compileTemplate(c.template);
        } catch (e) {
          thrown = e;
        }
        expect(thrown).toBeInstanceOf(TemplateSyntaxError);
        if (p.line !== null && !c.name.includes("break-outside")) expect((thrown as TemplateSyntaxError).line).toBe(p.line);
        return;
      }
      const context = c.contextJson !== undefined ? (parsePythonJson(c.contextJson) as Record<string, unknown>) : c.context!;
      const r = renderTemplate(compileTemplate(c.template), context, { now });
      if (c.name.startsWith("gap-")) {
        expect(r.ok).toBe(false);
        expect(r.ok === false && r.kind).toBe("engine-gap");
        return;
      }
      if (p.ok) expect(r).toEqual({ ok: true, text: p.text });
      else expect(r).toEqual({ ok: false, kind: "template-error", message: p.message });
    });
  }
});

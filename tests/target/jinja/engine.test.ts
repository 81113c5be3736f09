// The engine's contract beyond single renders: what compileTemplate refuses (with the line), what only our engine
// cannot do (engine gaps, never a false template-error), budgets that stop runaway templates, and the facts read
// from the syntax tree (message keys, generation markers).
import { describe, expect, it } from "vitest";
import { TemplateSyntaxError, compileTemplate, needsPythonJson, parsePythonJson, renderTemplate, templateFacts } from "../../../src/engine/target/jinja/index.js";

const CHAT = [
  { role: "system", content: "Be brief." },
  { role: "user", content: "Hi" },
  { role: "assistant", content: "Hello!" },
];

function syntaxError(source: string): TemplateSyntaxError {
  try {
    compileTemplate(source);
  } catch (e) {
    if (e instanceof TemplateSyntaxError) return e;
    throw e;
  }
  throw new Error("compiled");
}

describe("compileTemplate", () => {
  it("names the line of an unclosed block, as Python does", () => {
    const e = syntaxError("{% for m in messages %}\n{{ m.content }}\n{% if m.role == 'user' %}\nx\n");
    expect(e.message).toMatch(/Unexpected end of template/);
    expect(e.line).toBe(4);
  });

  it("refuses a tag Python does not know (do is not enabled by transformers)", () => {
    const e = syntaxError("ok\n{% do messages.append(1) %}");
    expect(e.message).toContain("Encountered unknown tag 'do'");
    expect(e.line).toBe(2);
  });

  it("refuses an unknown filter outside an if, accepts it inside one (Python fails only when it runs)", () => {
    expect(syntaxError("{{ messages|to_json }}").message).toContain("No filter named 'to_json'");
    const t = compileTemplate("{% if false %}{{ messages|to_json }}{% endif %}ok");
    expect(renderTemplate(t, { messages: [] })).toEqual({ ok: true, text: "ok" });
  });

  it("compiles a template only our engine cannot parse; every render is then an engine gap naming it", () => {
    const t = compileTemplate("{% for x in xs recursive %}{{ x }}{% endfor %}");
    const r = renderTemplate(t, { xs: [1] });
    expect(r.ok).toBe(false);
    expect(r.ok === false && r.kind).toBe("engine-gap");
    expect(r.ok === false && r.message).toMatch(/cannot parse/);
  });

  it("keeps the source", () => {
    expect(compileTemplate("{{ 1 }}").source).toBe("{{ 1 }}");
  });
});

describe("renderTemplate", () => {
  it("quotes the template's own raise_exception message", () => {
    const t = compileTemplate("{% if messages[0].role == 'system' %}{{ raise_exception('System role not supported') }}{% endif %}");
    expect(renderTemplate(t, { messages: CHAT })).toEqual({ ok: false, kind: "template-error", message: "System role not supported" });
    expect(renderTemplate(t, { messages: CHAT.slice(1) })).toEqual({ ok: true, text: "" });
  });

  it("treats a context key set to undefined as absent (Jinja2's Undefined)", () => {
    const t = compileTemplate("[{{ bos_token }}]{{ bos_token is defined }}");
    expect(renderTemplate(t, { bos_token: undefined })).toEqual({ ok: true, text: "[]False" });
  });

  it("reads the clock strftime_now uses from the options", () => {
    const t = compileTemplate("{{ strftime_now('%d %b %Y') }}");
    expect(renderTemplate(t, {}, { now: () => new Date(2025, 0, 5) })).toEqual({ ok: true, text: "05 Jan 2025" });
  });

  it("stops a template that loops without end at the step budget (engine gap, not a hang)", () => {
    const t = compileTemplate("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}");
    const r = renderTemplate(t, {}, { limits: { maxSteps: 50_000 } });
    expect(r).toEqual({ ok: false, kind: "engine-gap", message: "the template runs past 50000 steps (step budget)" });
  });

  it("stops a render whose text passes the output budget", () => {
    const t = compileTemplate("{% for i in range(1000) %}{{ text }}{% endfor %}");
    const r = renderTemplate(t, { text: "x".repeat(1000) }, { limits: { maxOutput: 100_000 } });
    expect(r.ok === false && r.kind).toBe("engine-gap");
    expect(r.ok === false && r.message).toMatch(/output budget/);
  });

  it("stops a string that doubles itself and a macro that calls itself forever", () => {
    const doubling = compileTemplate("{% set ns = namespace(s='ab') %}{% for i in range(40) %}{% set ns.s = ns.s + ns.s %}{% endfor %}{{ ns.s|length }}");
    expect(renderTemplate(doubling, {}).ok === false && (renderTemplate(doubling, {}) as { kind: string }).kind).toBe("engine-gap");
    const recursion = compileTemplate("{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}");
    const r = renderTemplate(recursion, {});
    expect(r.ok === false && r.kind).toBe("engine-gap");
  });

  it("renders the same record the same way every time (no state kept between renders)", () => {
    const t = compileTemplate("{% set j = joiner(', ') %}{% for m in messages %}{{ j() }}{{ m.role }}{% endfor %}");
    const first = renderTemplate(t, { messages: CHAT });
    expect(first).toEqual({ ok: true, text: "system, user, assistant" });
    expect(renderTemplate(t, { messages: CHAT })).toEqual(first);
  });
});

describe("templateFacts", () => {
  const keys = (source: string): string[] | null => templateFacts(compileTemplate(source)).messageKeys;

  it("collects the keys read from messages through loops, indexes, slices, aliases and get()", () => {
    const source = [
      "{% if messages[0]['role'] == 'system' %}{% set loop_messages = messages[1:] %}{% else %}{% set loop_messages = messages %}{% endif %}",
      "{% for message in loop_messages %}{{ message.content }}{% if message.get('name') %}({{ message['name'] }}){% endif %}",
      "{% if 'reasoning_content' in message %}{{ message.reasoning_content }}{% endif %}{% if message.tool_calls %}{{ message.tool_calls|tojson }}{% endif %}{% endfor %}",
      "{{ messages|map(attribute='weight')|list|length }}{{ messages|selectattr('tool_call_id', 'defined')|list|length }}",
    ].join("");
    expect(keys(source)).toEqual(["content", "name", "reasoning_content", "role", "tool_call_id", "tool_calls", "weight"]);
  });

  it("follows a message into a macro", () => {
    expect(keys("{% macro turn(m) %}<{{ m.role }}>{{ m.content }}{% endmacro %}{% for message in messages %}{{ turn(message) }}{% endfor %}")).toEqual(["content", "role"]);
  });

  it("cannot tell when a message is printed whole, serialised, iterated over its keys or read with a computed key", () => {
    expect(keys("{% for m in messages %}{{ m }}{% endfor %}")).toBeNull();
    expect(keys("{% for m in messages %}{{ m|tojson }}{% endfor %}")).toBeNull();
    expect(keys("{% for m in messages %}{% for k, v in m.items() %}{{ v }}{% endfor %}{% endfor %}")).toBeNull();
    expect(keys("{% for m in messages %}{{ m[field] }}{% endfor %}")).toBeNull();
  });

  it("tells whether the template marks assistant text with {% generation %}", () => {
    expect(templateFacts(compileTemplate("{% for m in messages %}{% generation %}{{ m.content }}{% endgeneration %}{% endfor %}")).hasGenerationMarkers).toBe(true);
    expect(templateFacts(compileTemplate("{% for m in messages %}{{ m.content }}{% endfor %}")).hasGenerationMarkers).toBe(false);
  });
});

describe("parsePythonJson", () => {
  it("reads like JSON.parse where Python's json.loads agrees", () => {
    for (const text of ['{"a": [1, 2.5, "x\\u00e9\\ud83d\\ude00", null, true, {"b": {}}], "__proto__": 1}', "[]", '"s"', "-3", '{"k": "v\\n\\"q\\""}']) {
      expect(parsePythonJson(text)).toEqual(JSON.parse(text));
    }
    expect(needsPythonJson('{"role": "user", "content": "no floats here"}')).toBe(false);
  });

  it("keeps a float written 1.0 a float and the order of index-like keys", () => {
    const text = '{"x": 1.0, "1": "one", "b": 2}';
    expect(needsPythonJson(text)).toBe(true);
    const t = compileTemplate("{{ v|tojson }} {{ v }}");
    expect(renderTemplate(t, { v: parsePythonJson(text) })).toEqual({ ok: true, text: `{"x": 1.0, "1": "one", "b": 2} {'x': 1.0, '1': 'one', 'b': 2}` });
  });

  it("refuses text that is not JSON", () => {
    expect(() => parsePythonJson('{"a": }')).toThrow(SyntaxError);
    expect(() => parsePythonJson("[1, 2")).toThrow(SyntaxError);
  });
});

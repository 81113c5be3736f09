#!/usr/bin/env node
// Micro-benchmark of the Jinja engine (src/engine/target/jinja/): microseconds to render one record with a typical
// chat template, the per-record cost the target-model check adds in each chunk thread. Templates and records are
// written here (no model's template is shipped): a ChatML template with tools, <think> splitting and tojson (the
// Qwen 3 family's constructs) and a header-style template with trim and raise_exception (the Llama 3 / Gemma ones).
//
//   node bench/jinja-render.mjs [--records 2000] [--passes 5]
//
// Prints the best pass per template (the machine is shared) for short chats, long chats and tool-call chats.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i < 0 ? dflt : Number(process.argv[i + 1]);
};
const N = arg("--records", 2000);
const PASSES = arg("--passes", 5);

const out = mkdtempSync(path.join(tmpdir(), "jinja-bench-"));
execFileSync(path.join(ROOT, "node_modules/.bin/ncc"), ["build", path.join(ROOT, "src/engine/target/jinja/index.ts"), "-o", out, "-q"], { stdio: "inherit" });
const { compileTemplate, renderTemplate } = await import(pathToFileURL(path.join(out, "index.js")).href);
rmSync(out, { recursive: true, force: true });

const CHATML_TOOLS = `{%- if tools %}
    {{- '<|im_start|>system\\n' }}
    {%- if messages[0].role == 'system' %}{{- messages[0].content + '\\n\\n' }}{%- endif %}
    {{- "# Tools\\n<tools>" }}
    {%- for tool in tools %}{{- "\\n" }}{{- tool | tojson }}{%- endfor %}
    {{- "\\n</tools><|im_end|>\\n" }}
{%- elif messages[0].role == 'system' %}
    {{- '<|im_start|>system\\n' + messages[0].content + '<|im_end|>\\n' }}
{%- endif %}
{%- set ns = namespace(last_query_index=messages|length - 1) %}
{%- for message in messages[::-1] %}
    {%- if message.role == "user" %}{%- set ns.last_query_index = (messages|length - 1) - loop.index0 %}{%- break %}{%- endif %}
{%- endfor %}
{%- for message in messages %}
    {%- if message.role == "user" or (message.role == "system" and not loop.first) %}
        {{- '<|im_start|>' + message.role + '\\n' + message.content + '<|im_end|>\\n' }}
    {%- elif message.role == "assistant" %}
        {%- set content = message.content if message.content is string else '' %}
        {%- set reasoning = '' %}
        {%- if '</think>' in content %}
            {%- set reasoning = content.split('</think>')[0].rstrip('\\n').split('<think>')[-1].lstrip('\\n') %}
            {%- set content = content.split('</think>')[-1].lstrip('\\n') %}
        {%- endif %}
        {%- if loop.index0 > ns.last_query_index and reasoning %}
            {{- '<|im_start|>assistant\\n<think>\\n' + reasoning.strip('\\n') + '\\n</think>\\n\\n' + content }}
        {%- else %}
            {{- '<|im_start|>assistant\\n' + content }}
        {%- endif %}
        {%- for call in message.tool_calls | default([]) %}
            {%- set f = call.function if call.function is defined else call %}
            {{- '\\n<tool_call>\\n{"name": "' + f.name + '", "arguments": ' }}
            {{- f.arguments if f.arguments is string else f.arguments | tojson }}
            {{- '}\\n</tool_call>' }}
        {%- endfor %}
        {{- '<|im_end|>\\n' }}
    {%- elif message.role == "tool" %}
        {{- '<|im_start|>user\\n<tool_response>\\n' + message.content + '\\n</tool_response><|im_end|>\\n' }}
    {%- endif %}
{%- endfor %}`;

const HEADERS = `{{- bos_token }}
{%- if messages[0]['role'] == 'system' %}{%- set system = messages[0]['content'] | trim %}{%- set loop_messages = messages[1:] %}
{%- else %}{%- set system = '' %}{%- set loop_messages = messages %}{%- endif %}
{%- if system %}{{- '<|start_header_id|>system<|end_header_id|>\\n\\n' + system + '<|eot_id|>' }}{%- endif %}
{%- for message in loop_messages %}
    {%- if (message['role'] == 'user') != (loop.index0 % 2 == 0) %}
        {{- raise_exception('Conversation roles must alternate user/assistant/user/assistant/...') }}
    {%- endif %}
    {%- if message['content'] is string %}{%- set text = message['content'] | trim %}
    {%- else %}{%- set text = message['content'] | selectattr('type', 'equalto', 'text') | map(attribute='text') | join('') | trim %}{%- endif %}
    {{- '<|start_header_id|>' + message['role'] + '<|end_header_id|>\\n\\n' + text + '<|eot_id|>' }}
{%- endfor %}`;

// Deterministic records (a small LCG), shaped like fine-tuning data.
let seed = 7;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const WORDS = "the model answers each question with care and cites the source when it can a user asks about weather code travel food history".split(" ");
const text = (words) => Array.from({ length: words }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(" ");
const TOOL = { type: "function", function: { name: "get_weather", description: "Weather for a city", parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] } } };
function record(kind) {
  const turns = kind === "long" ? 8 : 1;
  const messages = [{ role: "system", content: text(20) }];
  for (let t = 0; t < turns; t++) {
    messages.push({ role: "user", content: text(kind === "long" ? 120 : 40) });
    const answer = kind === "long" && t === turns - 1 ? `<think>\n${text(60)}\n</think>\n\n${text(150)}` : text(kind === "long" ? 150 : 60);
    messages.push({ role: "assistant", content: answer });
  }
  if (kind === "tools") {
    messages.splice(2, 0, { role: "assistant", content: null, tool_calls: [{ type: "function", function: { name: "get_weather", arguments: { city: "Paris" } } }] }, { role: "tool", content: '{"temp": 21}' });
  }
  return { messages, tools: kind === "tools" ? [TOOL] : null, documents: null, add_generation_prompt: false, bos_token: "<s>", eos_token: "</s>" };
}

for (const [name, source] of [["chatml+tools (Qwen-style)", CHATML_TOOLS], ["headers+alternation (Llama-style)", HEADERS]]) {
  const t = compileTemplate(source);
  for (const kind of ["short", "long", "tools"]) {
    const records = Array.from({ length: N }, () => record(kind));
    const chars = records.reduce((s, r) => s + JSON.stringify(r.messages).length, 0) / N;
    let best = Infinity;
    let failed = 0;
    for (let p = 0; p < PASSES; p++) {
      const t0 = process.hrtime.bigint();
      for (const r of records) if (!renderTemplate(t, r).ok) failed++;
      best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1000 / N);
    }
    console.log(`${name.padEnd(36)} ${kind.padEnd(6)} ${String(Math.round(chars)).padStart(6)} chars/record  ${best.toFixed(1).padStart(7)} µs/record${failed ? `  (${failed / PASSES} renders raised)` : ""}`);
  }
}

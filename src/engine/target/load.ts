// Reads the target model's files once per run (main thread): the chat template (a .jinja file, or a Hugging Face
// tokenizer_config.json with its template(s) and special tokens) and checks the tokenizer.json loads. Every problem is
// a ConfigError naming the file (and the template line): the run stops with exit 2 before any record is read.
import { open, readFile } from "node:fs/promises";
import { createHash } from "node:crypto";
import { resolve } from "node:path";
import { ConfigError, type TargetConfig } from "../settings.js";
import { sniff } from "../read/sniff.js";
import { compileTemplate, TemplateSyntaxError } from "./jinja/index.js";
import type { TargetSpec } from "./spec.js";
import { targetRuntime } from "./runtime.js";

/** Special tokens transformers passes to a template (PreTrainedTokenizerBase.SPECIAL_TOKENS_ATTRIBUTES): each one the
 * tokenizer_config.json sets to a non-empty string or {content: ...}; `additional_special_tokens` as a list. */
const SPECIAL_TOKENS = ["bos_token", "eos_token", "unk_token", "sep_token", "pad_token", "cls_token", "mask_token"];

/** Files read whole: a template or tokenizer_config.json is kilobytes; anything this large is the wrong file. */
const MAX_TEMPLATE_BYTES = 16 * 1024 * 1024;

export async function loadTargetSpec(t: TargetConfig, cwd: string): Promise<TargetSpec> {
  const text = await readText(t.chatTemplate, cwd, "chat template", MAX_TEMPLATE_BYTES);
  const spec: TargetSpec = { key: "", template: t.chatTemplate, source: "", sourceIn: "file", variables: {}, loss: t.loss ?? "all" };
  // a tokenizer_config.json (by name, or a JSON object by its start: a template may start with {# or {%)
  const json = /\.json$/i.test(t.chatTemplate) || /^\s*\{\s*("|\})/.test(text);
  if (json) fromTokenizerConfig(spec, text, t);
  else {
    if (t.templateName) throw new ConfigError(`target.template-name is '${t.templateName}', but ${t.chatTemplate} is a single template (names select one of a tokenizer_config.json's list)`);
    spec.source = text;
  }
  // explicit tokens win over tokenizer_config.json's, template-kwargs over both (transformers: kwargs win)
  if (t.bosToken !== undefined) spec.variables.bos_token = t.bosToken;
  if (t.eosToken !== undefined) spec.variables.eos_token = t.eosToken;
  Object.assign(spec.variables, t.templateKwargs ?? {});
  if (typeof spec.variables.bos_token === "string") spec.bosToken = spec.variables.bos_token;
  if (typeof spec.variables.eos_token === "string") spec.eosToken = spec.variables.eos_token;
  for (const [which, source] of [["", spec.source], ["tool_use ", spec.toolUseSource]] as const) {
    if (source === undefined) continue;
    try {
      compileTemplate(source);
    } catch (e) {
      if (!(e instanceof TemplateSyntaxError)) throw e;
      const where = e.line === null ? "" : spec.sourceIn === "file" ? `:${e.line}` : ` (line ${e.line} of its ${which}chat_template)`;
      throw new ConfigError(`chat template ${t.chatTemplate}${where}: ${e.message} (Python's Jinja2 cannot parse it either: transformers would fail on every record)`);
    }
  }
  if (t.tokenizer) {
    spec.tokenizer = t.tokenizer;
    spec.tokenizerPath = resolve(cwd, t.tokenizer);
  }
  spec.key = createHash("sha1").update(JSON.stringify([spec.source, spec.toolUseSource, spec.variables, spec.tokenizerPath, spec.loss, spec.addBosToken])).digest("hex");
  // the tokenizer (and the templates) load here once, so that a broken file is a config error before the run
  if (spec.tokenizerPath) {
    const head = await readHeadOf(spec.tokenizerPath, t.tokenizer!, "tokenizer");
    if (sniff(head).kind === "lfs-pointer") throw new ConfigError(lfsMessage(t.tokenizer!, "tokenizer"));
  }
  targetRuntime(spec);
  return spec;
}

function fromTokenizerConfig(spec: TargetSpec, text: string, t: TargetConfig): void {
  const file = t.chatTemplate;
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`chat template ${file}: not valid JSON (${(e as Error).message}${jsonLine(e as Error, text)}); give a tokenizer_config.json or a .jinja template`);
  }
  if (!doc || typeof doc !== "object" || Array.isArray(doc)) throw new ConfigError(`chat template ${file}: a JSON file must be a tokenizer_config.json object with a "chat_template"`);
  const cfg = doc as Record<string, unknown>;
  spec.sourceIn = "tokenizer_config";
  const ct = cfg.chat_template;
  if (typeof ct === "string") {
    if (t.templateName) throw new ConfigError(`target.template-name is '${t.templateName}', but ${file} has one chat_template, not a list of named ones`);
    spec.source = ct;
  } else if (Array.isArray(ct) || (ct && typeof ct === "object")) {
    // on disk a list of {name, template}; a {name: template} object is read too
    const named = new Map<string, string>();
    const entries = Array.isArray(ct) ? ct : Object.entries(ct).map(([name, template]) => ({ name, template }));
    for (const e of entries) {
      const o = e as { name?: unknown; template?: unknown };
      if (typeof o?.name !== "string" || typeof o.template !== "string") throw new ConfigError(`chat template ${file}: chat_template lists an entry that is not {"name": ..., "template": ...}`);
      named.set(o.name, o.template);
    }
    const names = [...named.keys()].sort();
    if (t.templateName) {
      const chosen = named.get(t.templateName);
      if (chosen === undefined) throw new ConfigError(`target.template-name '${t.templateName}' is not in ${file}; its templates are ${names.map((n) => `'${n}'`).join(", ")}`);
      spec.source = chosen;
      spec.templateName = t.templateName;
    } else {
      // transformers' get_chat_template: 'tool_use' for a call with tools, else 'default'
      const def = named.get("default");
      if (def === undefined) throw new ConfigError(`chat template ${file} holds several templates and none is named 'default' (transformers would refuse too): set target.template-name to one of ${names.map((n) => `'${n}'`).join(", ")}`);
      spec.source = def;
      spec.templateName = "default";
      const tool = named.get("tool_use");
      if (tool !== undefined) spec.toolUseSource = tool;
    }
  } else {
    const hint = ct === undefined ? ": newer models keep it in chat_template.jinja next to it; point the chat template at that file" : "";
    throw new ConfigError(`chat template ${file} has no "chat_template"${hint}`);
  }
  for (const k of SPECIAL_TOKENS) {
    const v = tokenText(cfg[k]);
    if (v) spec.variables[k] = v;
  }
  const extra = Array.isArray(cfg.additional_special_tokens) ? cfg.additional_special_tokens.map(tokenText).filter((x): x is string => typeof x === "string") : [];
  if (extra.length) spec.variables.additional_special_tokens = extra;
  if (typeof cfg.add_bos_token === "boolean") spec.addBosToken = cfg.add_bos_token;
}

/** A special token as transformers reads it: a string, or an AddedToken object {content: ...}. */
function tokenText(v: unknown): string | undefined {
  if (typeof v === "string") return v;
  if (v && typeof v === "object" && typeof (v as { content?: unknown }).content === "string") return (v as { content: string }).content;
  return undefined;
}

function lfsMessage(file: string, what: string): string {
  return `${what} ${file} is a Git LFS pointer, not the file: check out with \`lfs: true\` (actions/checkout) or run \`git lfs pull\``;
}

async function readHeadOf(path: string, shown: string, what: string): Promise<Buffer> {
  try {
    const fh = await open(path, "r");
    try {
      const buf = Buffer.alloc(1024);
      const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
      return buf.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
  } catch (e) {
    throw new ConfigError(`cannot read ${what} ${shown}: ${reason(e)}`);
  }
}

async function readText(file: string, cwd: string, what: string, max: number): Promise<string> {
  let buf: Buffer;
  try {
    buf = await readFile(resolve(cwd, file));
  } catch (e) {
    throw new ConfigError(`cannot read ${what} ${file}: ${reason(e)}`);
  }
  if (sniff(buf.subarray(0, 1024)).kind === "lfs-pointer") throw new ConfigError(lfsMessage(file, what));
  if (buf.length > max) throw new ConfigError(`${what} ${file} is ${(buf.length / 1048576).toFixed(0)} MiB: not a chat template (give the .jinja file or tokenizer_config.json)`);
  return buf.toString("utf8"); // a byte-order mark stays, as when transformers reads the file
}

function reason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return err.code === "ENOENT" ? "no such file" : err.code === "EISDIR" ? "it is a directory" : err.message;
}

/** " at line L" for a JSON.parse error that names a position. */
function jsonLine(e: Error, text: string): string {
  const m = /position (\d+)/.exec(e.message);
  return m ? `, line ${text.slice(0, Number(m[1])).split("\n").length}` : "";
}

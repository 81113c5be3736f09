// The target model of a run, as plain data: the chat template(s) to render with, the variables transformers passes
// to them, and where the tokenizer is. Made once per run from the config (load.ts); travels in every chunk job (worker
// threads, shards), where runtime.ts compiles it once per thread.

export interface TargetSpec {
  /** Cache key of the compiled runtime (same spec, same key, in any thread). */
  key: string;
  /** The chat-template file as the user named it. */
  template: string;
  /** The entry chosen from a tokenizer_config.json list of named templates. */
  templateName?: string;
  /** The template source that renders every record (or every record without tools, when `toolUseSource` is set). */
  source: string;
  /** tokenizer_config.json's `tool_use` template: transformers renders records with tools with it when no
   * template-name is set. */
  toolUseSource?: string;
  /** Where `source` starts in the file the user named (line 1 of a .jinja file; tokenizer_config.json: the template is
   * one JSON string, its lines are counted within it). */
  sourceIn: "file" | "tokenizer_config";
  /** Variables besides messages, tools, documents and add_generation_prompt: the special tokens, then template-kwargs
   * (kwargs win, as in transformers' `{**self.special_tokens_map, **kwargs}`). */
  variables: Record<string, unknown>;
  bosToken?: string;
  eosToken?: string;
  /** tokenizer_config.json's add_bos_token, when it sets one (Llama-style tokenizers add a BOS to every tokenize). */
  addBosToken?: boolean;
  /** The tokenizer.json as the user named it, and its absolute path. */
  tokenizer?: string;
  tokenizerPath?: string;
  loss: "all" | "assistant-only";
}

// The one conversation model every format is normalised into, and the finding type every rule emits.
// Duplicate, diversity, composition and token analysis only ever see these shapes.

export type Severity = "error" | "warning";
export type SeveritySetting = Severity | "off";

/** One problem at one place. `line` is 1-based; 0 means the whole file. */
export interface Finding {
  rule: string;
  severity: Severity;
  line: number;
  message: string;
  /** What was found, for rules that find several kinds of thing (secret: "github-token", pii: "email"). */
  kind?: string;
  /** JSON pointer (RFC 6901) to the field of the record the finding is about, e.g. "/messages/3/content", when the
   * rule knows it. */
  pointer?: string;
  /** The other record of a finding about two records (exact and near duplicates, leakage, conflicting answers). */
  related?: Place;
  /** How many times the rule fired in this record, when more than once (the repeats are this one finding; the
   * message says where). */
  count?: number;
  /** Stable identity across versions of the file: rule, path, record key, pointer (fingerprint.ts). Set when the
   * report is assembled, on every listed finding. */
  fingerprint?: string;
  /** Not among the base version's findings (a pull request's base, the commit before a push, or --base). */
  new?: boolean;
}

/** A record in the run: its file (as shown in reports) and 1-based line. */
export interface Place {
  path: string;
  line: number;
}

export type DatasetFormat = "chatml" | "sharegpt" | "alpaca" | "preference-trl" | "preference-openai";

export interface Message {
  /** Canonical role: system, developer, user, assistant, tool, function (or what the record said, if unknown). */
  role: string;
  /** All text of the message: string content, text parts joined with "\n", tool-call names and arguments excluded. */
  text: string;
  /** Number of image parts. */
  images: number;
  /** Identity of each image/media part (its URL or data URI), so that records with the same text but different
   * images are neither duplicates nor conflicting answers. */
  media?: string[];
  /** Number of tool/function calls the message makes. */
  toolCalls: number;
  /** Identity of each tool call the message makes ("name(arguments)", arguments as canonical JSON; formats/tool-keys.ts),
   * and for a tool result the function it answers ("->name"), so that records that call another function or pass
   * other arguments are neither duplicates nor the same answer. Absent when there are none. */
  calls?: string[];
  /** Per-message training weight when the record set one (0 or 1). */
  weight?: number;
  /** The author name the trainer sees (`name` of a chat message, e.g. a tool result's function name). */
  name?: string;
  /** Text of the tool calls the message makes, as the trainer sees it: each call's function name, then its arguments
   * as written (a JSON string as it is, an object as canonical JSON; formats/tool-text.ts). Counted as tokens of the
   * message; for any check that must read everything the trainer reads (e.g. secrets). Absent when there are none. */
  callText?: string[];
  /** Each image part's detail and, when the data says it (a data URI whose header gives the size), its size in
   * pixels: what the image token estimate needs (formats/image-size.ts, analysis/image-tokens.ts). */
  imageParts?: ImagePart[];
  /** Where the message sits in the record, for the JSON pointer of a finding: `src` is the pointer of the list that
   * holds it ("/messages", with `srcIndex`) or of the value itself ("/output"); `textKey` is the key of its text in
   * it ("content", "value"), absent when `src` points at the text. Shared strings: nothing is built per message. */
  src?: string;
  srcIndex?: number;
  textKey?: string;
}

/** JSON pointer of a message ("/messages/3"), or undefined when the parser did not say where it is. */
export function messagePointer(m: Message): string | undefined {
  if (m.src === undefined) return undefined;
  return m.srcIndex === undefined ? m.src : `${m.src}/${m.srcIndex}`;
}

/** JSON pointer of a message's text ("/messages/3/content"). */
export function textPointer(m: Message): string | undefined {
  const at = messagePointer(m);
  return at !== undefined && m.textKey !== undefined ? `${at}/${m.textKey}` : at;
}

/** An image part of a message (`detail` as the record set it: "low", "high", "auto"; size when known). */
export interface ImagePart {
  detail?: string;
  width?: number;
  height?: number;
}

/** A record's tool definitions as OpenAI's token accounting reads them (formats/tool-text.ts): the texts it tokenizes
 * — per function "name:description", per parameter "key:type:description", each enum value; the JSON of a
 * definition it cannot read — and the counts its fixed costs apply to. */
export interface ToolDefinitions {
  texts: string[];
  functions: number;
  /** Parameter lists that hold at least one parameter (the top level of a function, and nested objects). */
  propertyLists: number;
  properties: number;
  /** Parameters with an enum, and their values. */
  enums: number;
  enumItems: number;
}

/** A record as the reports may quote it, with found secrets and personal data masked (privacy/): its conversation and
 * its render by the target chat template (when there is one). */
export interface ShownRecord {
  conv: Conversation;
  rendered?: string | null;
}

export interface Conversation {
  messages: Message[];
  /** Preference data: the rejected completion (the chosen one is the last assistant message(s) of `messages`). */
  rejected?: Message[];
  /** The record declares tools (top-level `tools`/`functions`) or makes tool calls. */
  hasTools: boolean;
  /** Canonical key of the record's tool definitions (formats/tool-keys.ts), when it declares any: the same
   * conversation with other tools available is another example (and another prompt). */
  tools?: string;
  /** The record's tool definitions as the token count reads them (absent when it declares none). The text of every
   * definition, for checks that read everything, is `tools` (canonical JSON). */
  toolDefs?: ToolDefinitions;
  /** Value of the configured category field, if any. */
  category?: string;
  /** Preference text whose prompt is part of the answer text (no prompt field, no roles): no user turn expected. */
  implicitPrompt?: boolean;
  /** KTO: the record is one completion labelled desirable (true) or undesirable (false) by a boolean `label` (TRL) or
   * `kto_tag` (LLaMA-Factory). Such records share their prompt by design: they are never conflicting answers. */
  label?: boolean;
}

/** Where a record sits: file index in the run, 1-based line, byte offset of the line start and its byte length
 * (offsets are in the decompressed stream for .gz files). */
export interface RecordLoc {
  file: number;
  line: number;
  offset: number;
  length: number;
}

// The per-record fixes (all unsafe), in order: ShareGPT → messages, functions → tools, trim content, then exact
// duplicates (on the record as it will be written). A record that a conversion refuses is kept as it was. Every
// record that changed is written from its source tree and read back: it must parse (JSON.parse) and equal, value for
// value at the source level, the tree the fixes meant to write — or it is refused, never written wrong.
import type { DatasetFormat } from "../engine/model.js";
import { detectFormat } from "../engine/formats/detect.js";
import { PARSERS } from "../engine/formats/parse.js";
import type { ParseContext } from "../engine/formats/context.js";
import { exactKeys } from "../engine/analysis/exact-duplicates.js";
import { HashTable64 } from "../engine/analysis/hash.js";
import { parseJsonSource, sameJsonValue, stringifySource, type JsonObject } from "../engine/read/json-source.js";
import type { FixOptions } from "./fixes.js";
import type { ChangeLog } from "./manifest.js";
import { sharegptToMessages } from "./convert-sharegpt.js";
import { functionsToTools } from "./convert-functions.js";
import { mayNeedTrim, trimContent } from "./trim-content.js";

export type RecordResult = { out: string | null } | { drop: true } | { refuse: string };

const QUIET: Omit<ParseContext, "profile"> = { emit() {} };

export class RecordFixer {
  private readonly seen = new HashTable64(1024);
  private readonly ctx: ParseContext;

  constructor(
    private readonly opts: FixOptions,
    /** The file's format (its first record's), for records that do not say. */
    private fileFormat: DatasetFormat | null = null,
  ) {
    this.ctx = { ...QUIET, profile: opts.profile };
  }

  /** Whether this fixer does anything per record. */
  get active(): boolean {
    const e = this.opts.enabled;
    return e.has("sharegpt-to-messages") || e.has("functions-to-tools") || e.has("trim-content") || e.has("exact-duplicates");
  }

  /** `text`: the record's source (valid JSON, on one line), `rec`: its parsed value. `out` null: write it as it is. */
  fix(text: string, rec: unknown, line: number, log: ChangeLog): RecordResult {
    if (rec === null || typeof rec !== "object" || Array.isArray(rec)) return { out: null };
    const e = this.opts.enabled;
    let obj = rec as Record<string, unknown>;
    let format = detectFormat(obj);
    this.fileFormat ??= format;
    let tree: JsonObject | null = null;
    const source = () => (tree ??= parseJsonSource(text) as JsonObject);
    const notes: [Parameters<ChangeLog["add"]>[0], string][] = [];
    if (e.has("sharegpt-to-messages") && format === "sharegpt") {
      const c = sharegptToMessages(source());
      if ("refuse" in c) return { refuse: `sharegpt-to-messages: ${c.refuse}` };
      tree = c.node;
      format = "chatml";
      notes.push(["sharegpt-to-messages", c.note]);
    }
    if (e.has("functions-to-tools") && Object.hasOwn(obj, "functions")) {
      const c = functionsToTools(source());
      if (c && "refuse" in c) return { refuse: `functions-to-tools: ${c.refuse}` };
      if (c) {
        tree = c.node;
        notes.push(["functions-to-tools", c.note]);
      }
    }
    if (e.has("trim-content") && (format ?? this.fileFormat) && (tree !== null || mayNeedTrim(obj))) {
      const n = trimContent(source(), (format ?? this.fileFormat)!);
      if (n) notes.push(["trim-content", `trimmed whitespace around ${n} message content string${n === 1 ? "" : "s"}`]);
    }
    let out: string | null = null;
    if (notes.length) {
      out = stringifySource(tree!);
      try {
        obj = JSON.parse(out) as Record<string, unknown>;
        if (!sameJsonValue(parseJsonSource(out), tree!)) throw new Error("differs");
      } catch {
        return { refuse: "the rewritten record did not read back as the value meant (an internal error: please report it)" };
      }
    }
    if (e.has("exact-duplicates")) {
      const f = detectFormat(obj) ?? this.fileFormat;
      const conv = f ? PARSERS[f](obj, this.ctx) : null;
      if (conv) {
        const k = exactKeys(conv, this.opts.caseInsensitive);
        const first = this.seen.putIfAbsent(k.exact1, k.exact2, line);
        if (first >= 0) {
          log.add("exact-duplicates", line, `dropped: exact duplicate of line ${first} (same roles and contents after whitespace/Unicode normalisation)`);
          return { drop: true };
        }
      }
    }
    for (const [fix, note] of notes) log.add(fix, line, note);
    return { out };
  }
}

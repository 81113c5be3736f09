// Text material for tests that need many real-looking strings: every string value of the JSONL files in a folder.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** Every string value in a JSON value (contents, prompts, tool arguments, ...). */
export function stringsOf(v: unknown, out: string[]): void {
  if (typeof v === "string") out.push(v);
  else if (Array.isArray(v)) for (const x of v) stringsOf(x, out);
  else if (v && typeof v === "object") for (const x of Object.values(v)) stringsOf(x, out);
}

/** The strings of every line of every *.jsonl file in `dir`; a line that is not JSON (an LFS pointer, a line of a
 * pretty-printed array) is one text itself. */
export function jsonlTexts(dir: string): string[] {
  const texts: string[] = [];
  for (const f of readdirSync(dir).filter((f) => f.endsWith(".jsonl")).sort()) {
    for (const line of readFileSync(join(dir, f), "utf8").split("\n")) {
      try {
        stringsOf(JSON.parse(line), texts);
      } catch {
        texts.push(line);
      }
    }
  }
  return texts;
}

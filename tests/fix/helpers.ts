// Runs `chatml-gate fix` in-process on files written to a temp dir (the CLI-as-a-process tests are in cli-fix.test.ts).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runFix, type FixArgs } from "../../src/fix/command.js";
import { tempDir } from "../helpers/run.js";
import { parseJsonSource, sameJsonValue } from "../../src/engine/read/json-source.js";

export async function fix(files: Record<string, string | Buffer>, args: FixArgs = {}, paths?: string[], dir = tempDir(files)) {
  let stdout = "";
  let stderr = "";
  const code = await runFix(args, paths ?? Object.keys(files), dir, { stdout: (s) => (stdout += s.toString()), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr, dir, read: (name: string) => readFileSync(join(dir, name)), text: (name: string) => readFileSync(join(dir, name), "utf8") };
}

/** Each line of `out` is, value for value at the source level, the matching JSON text of `want`. */
export function sameRecords(out: string, want: string[]): boolean {
  const lines = out.split("\n");
  if (lines.pop() !== "") return false;
  return lines.length === want.length && lines.every((l, i) => sameJsonValue(parseJsonSource(l), parseJsonSource(want[i])));
}

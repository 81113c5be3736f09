// The ignore file: accepted secret and personal-data findings, one fingerprint (fingerprint.ts: rule, file, record,
// pointer) per line, like .gitleaksignore.
//
//   # data/train.jsonl:12, fake keys in the tutorial records
//   3f9a1c2b7d4e5f60
//   0a1b2c3d4e5f6071   # data/support.jsonl:4, the support address is public
//
// Blank lines and lines starting with # are skipped; a # after whitespace starts a comment.
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";

export const DEFAULT_IGNORE_FILE = ".chatml-gate-ignore";

export class IgnoreFileError extends Error {}

export function parseIgnoreFile(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\s+#.*$/, "").trim();
    if (line && !line.startsWith("#")) out.push(line);
  }
  return out;
}

/** The fingerprints of the ignore file: `file` as configured (it must exist), else .chatml-gate-ignore in `cwd` when
 * there is one. */
export async function loadIgnoreFile(file: string | undefined, cwd: string): Promise<{ fingerprints: string[]; name: string }> {
  const name = file ?? DEFAULT_IGNORE_FILE;
  let text: string;
  try {
    text = await readFile(resolve(cwd, name), "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (file === undefined && (code === "ENOENT" || code === "EISDIR")) return { fingerprints: [], name };
    throw new IgnoreFileError(`cannot read the ignore file ${name}: ${code === "ENOENT" ? "no such file" : (e as Error).message}`);
  }
  return { fingerprints: parseIgnoreFile(text), name };
}

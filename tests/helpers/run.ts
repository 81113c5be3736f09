// Test helpers: write real files into a temp dir and run the real engine (or the real bundled CLI) on them.
import { mkdtempSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { spawnSync } from "node:child_process";
import { check } from "../../src/engine/check.js";
import { configFromObject, defaultConfig } from "../../src/config/config.js";
import type { Report } from "../../src/engine/report.js";

export function tempDir(files: Record<string, string | Buffer> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "cqg-"));
  for (const [name, body] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), body);
  }
  return dir;
}

export const jsonl = (...records: unknown[]): string => records.map((r) => (typeof r === "string" ? r : JSON.stringify(r))).join("\n") + "\n";

/** Runs the engine on one file's content; returns that file's report. */
export async function checkContent(content: string | Buffer, opts: { name?: string; config?: object; validateOnly?: boolean } = {}) {
  const name = opts.name ?? "data.jsonl";
  const dir = tempDir({ [name]: content });
  const config = opts.config ? configFromObject(opts.config) : defaultConfig();
  const report = await check({ files: [name], config, cwd: dir, validateOnly: opts.validateOnly ?? true });
  return report.files[0];
}

export async function checkDir(files: Record<string, string | Buffer>, opts: { config?: object; validateOnly?: boolean } = {}): Promise<Report> {
  const dir = tempDir(files);
  const config = opts.config ? configFromObject(opts.config) : defaultConfig();
  return check({ files: Object.keys(files).sort(), config, cwd: dir, validateOnly: opts.validateOnly ?? false, date: "2026-01-01" });
}

/** rule@line pairs, sorted, for compact assertions. */
export const ruleLines = (f: { findings: { rule: string; line: number }[] }): string[] => f.findings.map((x) => `${x.rule}@${x.line}`);

export const CLI = join(dirname(new URL(import.meta.url).pathname), "..", "..", "dist", "cli.js");

export function runCli(args: string[], cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", ...env }, maxBuffer: 64 << 20 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export const good = (i = 0) => ({
  messages: [
    { role: "system", content: "You are a concise assistant." },
    { role: "user", content: `What is ${i} plus ${i}?` },
    { role: "assistant", content: `${i} plus ${i} is ${2 * i}.` },
  ],
});

// Regenerates the inputs/outputs tables of docs/action.md from action.yml (between the markers), so they cannot drift.
// `node scripts/action-docs.mjs --check` exits 1 when docs/action.md is stale.
import { readFileSync, writeFileSync } from "node:fs";
import YAML from "yaml";

const action = YAML.parse(readFileSync("action.yml", "utf8"));
const cell = (s) => String(s ?? "").trim().replace(/\|/g, "\\|").replace(/\n+/g, " ");
const rows = [
  "| Input | Default | Description |",
  "| --- | --- | --- |",
  ...Object.entries(action.inputs).map(([k, v]) => `| \`${k}\` | ${v.default ? "`" + cell(v.default) + "`" : ""} | ${cell(v.description)} |`),
  "",
  "| Output | Description |",
  "| --- | --- |",
  ...Object.entries(action.outputs ?? {}).map(([k, v]) => `| \`${k}\` | ${cell(v.description)} |`),
];
const START = "<!-- inputs:start (generated from action.yml by scripts/action-docs.mjs) -->";
const END = "<!-- inputs:end -->";
const doc = readFileSync("docs/action.md", "utf8");
const block = `${START}\n${rows.join("\n")}\n${END}`;
const next = doc.includes(START) ? doc.replace(new RegExp(`${START.replace(/[()]/g, "\\$&")}[\\s\\S]*?${END}`), block) : doc.replace("## Inputs\n", `## Inputs\n\n${block}\n`);
if (process.argv.includes("--check")) {
  if (next !== doc) {
    console.error("docs/action.md is stale: run node scripts/action-docs.mjs");
    process.exit(1);
  }
} else writeFileSync("docs/action.md", next);

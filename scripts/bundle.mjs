// Builds dist/ from an empty folder: dist/index.js (the action) and dist/cli.js (the CLI), both ncc bundles.
// ncc always names its output index.js, so the CLI is built into a scratch folder and copied.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { generate as generateValidator, VALIDATORS } from "./validators.mjs";
import { generate as generateVocabulary, VOCABULARIES } from "./vocabularies.mjs";
import { generate as generateRuleDocs, OUT as RULE_DOCS } from "./rule-docs.mjs";

const ncc = join("node_modules", ".bin", "ncc");
const pkg = JSON.parse(readFileSync("package.json", "utf8"));
// Keep the version constant in step with package.json.
const versionFile = "src/engine/version.ts";
const want = `// Kept in step with package.json by scripts/bundle.mjs.\nexport const VERSION = "${pkg.version}";\n`;
if (readFileSync(versionFile, "utf8") !== want) writeFileSync(versionFile, want);
// The JSON Schema validators are generated from schemas/ (ajv standalone code).
for (const v of VALIDATORS) {
  const code = generateValidator(v);
  if (readFileSync(v.out, "utf8") !== code) writeFileSync(v.out, code);
}
// SARIF's full rule descriptions come from docs/rules.md.
const ruleDocs = generateRuleDocs();
if (!existsSync(RULE_DOCS) || readFileSync(RULE_DOCS, "utf8") !== ruleDocs) writeFileSync(RULE_DOCS, ruleDocs);
// The token vocabularies are packed from gpt-tokenizer's ranks (a module that loads in milliseconds).
for (const v of VOCABULARIES) {
  const code = await generateVocabulary(v);
  if (!existsSync(v.out) || readFileSync(v.out, "utf8") !== code) writeFileSync(v.out, code);
}

rmSync("dist", { recursive: true, force: true });
const build = (entry, out) => execFileSync(ncc, ["build", entry, "-o", out, "-q", "--target", "es2022", "--no-source-map-register"], { stdio: "inherit" });
build("src/index.ts", "dist");
const tmp = mkdtempSync(join(tmpdir(), "ncc-cli-"));
try {
  build("src/cli.ts", tmp);
  let code = readFileSync(join(tmp, "index.js"), "utf8");
  if (!code.startsWith("#!")) code = "#!/usr/bin/env node\n" + code;
  writeFileSync("dist/cli.js", code);
  chmodSync("dist/cli.js", 0o755);
  // Lazy chunks (the packed vocabularies) are shared by both bundles: same module, same file.
  for (const f of readdirSync(tmp)) {
    if (f === "index.js" || f === "package.json") continue;
    const to = join("dist", f);
    if (existsSync(to) && readFileSync(to, "utf8") !== readFileSync(join(tmp, f), "utf8")) throw new Error(`chunk ${f} differs between the action and CLI bundles`);
    cpSync(join(tmp, f), to, { recursive: true });
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
console.log(`dist/: ${readdirSync("dist").join(", ")}`);

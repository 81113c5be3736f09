// Shows the PR comment (or the job summary) as GitHub renders it: runs the bundled CLI on the given files, turns its
// Markdown into HTML with GitHub's Markdown stylesheet (github-markdown-css), and optionally screenshots it in headless
// Chromium, so that a change to the report can be looked at before it ships.
//
//   npm run preview-comment -- [options] [--] PATH... [chatml-gate check options]
//
//   --summary          the job summary instead of the PR comment
//   --base FILE        compare with the base version's JSON report (chatml-gate check --format json on the base)
//   --cwd DIR          run the check in DIR (paths and --base are relative to it; default: here)
//   --out FILE         the HTML file to write (default preview/comment.html; a .md and, with --png, a .png beside it)
//   --png              also screenshot it (Chromium: apt-get install -y chromium), 1000×1400 unless --size W,H
//   --size W,H         window size of the screenshot
//
// Links point at https://github.com/$GITHUB_REPOSITORY/blob/$GITHUB_SHA (defaults: example/datasets, 1111111…), as the
// action writes them. Needs dist/ (npm run bundle). Exit 0 when the preview was written, whatever the verdict.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { micromark } from "micromark";
import { gfm, gfmHtml } from "micromark-extension-gfm";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const opt = { summary: false, png: false, base: undefined, cwd: process.cwd(), out: join(ROOT, "preview", "comment.html"), size: "1000,1400" };
const rest = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === "--summary") opt.summary = true;
  else if (a === "--png") opt.png = true;
  else if (a === "--base" || a === "--cwd" || a === "--out" || a === "--size") opt[a.slice(2)] = args[++i];
  else if (a === "--") {
    rest.push(...args.slice(i + 1));
    break;
  } else rest.push(a);
}
if (rest.length === 0) {
  console.error("usage: npm run preview-comment -- [--summary] [--base FILE] [--cwd DIR] [--out FILE.html] [--png] PATH... [check options]");
  process.exit(2);
}
const cli = process.env.CHATML_GATE_CLI ?? join(ROOT, "dist", "cli.js"); // CHATML_GATE_CLI: another build of the CLI
if (!existsSync(cli)) {
  console.error("dist/cli.js is missing: run npm run bundle first");
  process.exit(2);
}

const env = {
  ...process.env,
  GITHUB_SERVER_URL: process.env.GITHUB_SERVER_URL ?? "https://github.com",
  GITHUB_REPOSITORY: process.env.GITHUB_REPOSITORY ?? "example/datasets",
  GITHUB_SHA: process.env.GITHUB_SHA ?? "1111111111111111111111111111111111111111",
  GITHUB_RUN_ID: process.env.GITHUB_RUN_ID ?? "1",
};
const check = ["check", ...rest, "--format", opt.summary ? "markdown" : "comment", ...(opt.base ? ["--base", opt.base] : [])];
const run = spawnSync(process.execPath, [cli, ...check], { cwd: resolve(opt.cwd), env, encoding: "utf8", maxBuffer: 64 << 20 });
if (run.status !== 0 && run.status !== 1) {
  process.stderr.write(run.stderr);
  process.exit(2);
}
const markdown = run.stdout;

// GitHub renders ```mermaid blocks as charts; stand in a box of about the same size so the page length is right.
const html = micromark(markdown, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] }).replace(
  /<pre><code class="language-mermaid">([\s\S]*?)<\/code><\/pre>/g,
  (_m, body) => `<div style="height:380px;border:1px dashed #d0d7de;border-radius:6px;display:flex;align-items:center;justify-content:center;color:#59636e">Mermaid chart (GitHub draws it here): ${/title &quot;([^&]*)&quot;/.exec(body)?.[1] ?? "chart"}</div>`,
);
const css = readFileSync(join(ROOT, "node_modules", "github-markdown-css", "github-markdown-light.css"), "utf8");
const page = `<!doctype html>
<html><head><meta charset="utf-8"><title>chatml-gate ${opt.summary ? "job summary" : "PR comment"} preview</title>
<style>${css}
body { margin: 0; background: #fff; }
/* A PR comment box on github.com: about 780 px of text, 16 px padding, a 1 px border. */
.frame { max-width: 812px; margin: 24px auto; border: 1px solid #d0d7de; border-radius: 6px; }
.frame header { background: #f6f8fa; border-bottom: 1px solid #d0d7de; padding: 8px 16px; font: 14px -apple-system, "Segoe UI", sans-serif; color: #59636e; border-radius: 6px 6px 0 0; }
.markdown-body { padding: 16px; font-size: 14px; }
</style></head>
<body><div class="frame"><header><b>github-actions</b> bot commented</header><article class="markdown-body">
${html}
</article></div></body></html>
`;
const out = resolve(opt.out);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, page);
writeFileSync(out.replace(/\.html?$/i, "") + ".md", markdown);
console.log(`wrote ${out} (${Buffer.byteLength(markdown)} bytes of Markdown, exit ${run.status} from the check)`);

if (opt.png) {
  const png = out.replace(/\.html?$/i, "") + ".png";
  const profile = mkdtempSync(join(tmpdir(), "chatml-gate-chromium-"));
  const browser = ["chromium", "chromium-browser", "google-chrome"].find((b) => spawnSync("which", [b]).status === 0);
  if (!browser) {
    console.error("no Chromium found: apt-get install -y chromium");
    process.exit(2);
  }
  try {
    execFileSync(
      browser,
      ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", `--user-data-dir=${profile}`, "--hide-scrollbars", `--screenshot=${png}`, `--window-size=${opt.size}`, `file://${out}`],
      { stdio: "ignore", timeout: 120_000 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  console.log(`wrote ${png}`);
}

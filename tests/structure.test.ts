// The layout stays one a newcomer can read (docs/architecture.md): no two files of src/ import each other, directly
// or round a longer loop; the top-level parts of src/ (engine, config, render, action, fix, and the entry points
// cli.ts and index.ts) depend on one another in one direction only; and no hand-written source file grows past
// 400 lines (generated files, named *.generated.*, are exempt). Imports are read from the source: `import … from`,
// `export … from`, side-effect `import "…"` and dynamic `import("…")` of relative paths, type-only ones included
// (a type import is still a dependency a reader has to follow).
import { describe, expect, it } from "vitest";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { ROOT } from "./helpers/paths.js";

const SRC = join(ROOT, "src");
const MAX_LINES = 400;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p));
    else if (/\.(ts|js|mjs)$/.test(name)) out.push(p);
  }
  return out;
}

// Relative specifiers a module imports. Comment lines (starting with //, /* or *) are left out, so a commented-out
// import does not count; block comments are not matched as a whole (a glob like src/**/x in one would end it early).
function importSpecifiers(code: string): string[] {
  const text = code.replace(/^\s*(?:\/\/|\/\*|\*).*$/gm, "");
  const specs: string[] = [];
  const patterns = [
    /^\s*(?:import|export)\b[^;]*?\bfrom\s*["'](\.{1,2}\/[^"']*)["']/gm, // import/export … from "./x"
    /^\s*import\s*["'](\.{1,2}\/[^"']*)["']/gm, // import "./x"
    /\bimport\s*\(\s*["'](\.{1,2}\/[^"']*)["']\s*\)/g, // import("./x")
  ];
  for (const re of patterns) for (const m of text.matchAll(re)) specs.push(m[1]);
  return specs;
}

/** The file a relative specifier names: TypeScript's NodeNext resolution of `./x.js` to `./x.ts` (or `./x.js` +
 * `./x.d.ts` for generated code), and of a folder to its index. */
function resolveSpecifier(from: string, spec: string): string | undefined {
  const base = join(dirname(from), spec);
  const stem = base.replace(/\.(js|mjs|ts)$/, "");
  for (const c of [`${stem}.ts`, `${stem}.js`, `${stem}.mjs`, join(base, "index.ts")]) if (existsSync(c) && statSync(c).isFile()) return c;
  return undefined;
}

/** Strongly connected components of more than one node (or a node importing itself): every import circle. */
function circles(graph: Map<string, Set<string>>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || graph.get(v)?.has(v)) out.push(scc.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!idx.has(v)) visit(v);
  return out.sort((a, b) => a[0].localeCompare(b[0]));
}

/** One import path that closes the circle, e.g. a.ts → b.ts → a.ts, for the failure message (and the other files
 * of the same knot, when there are more). */
function describeCircle(graph: Map<string, Set<string>>, scc: string[]): string {
  const loop = loopThrough(graph, scc);
  const others = scc.filter((f) => !loop.split(" → ").includes(f));
  return others.length ? `${loop} (tied in the same circle: ${others.join(", ")})` : loop;
}

function loopThrough(graph: Map<string, Set<string>>, scc: string[]): string {
  const inScc = new Set(scc);
  const start = scc[0];
  const prev = new Map<string, string>();
  const queue = [start];
  const seen = new Set([start]);
  while (queue.length) {
    const v = queue.shift()!;
    for (const w of graph.get(v) ?? []) {
      if (!inScc.has(w)) continue;
      if (w === start) {
        const path = [start];
        for (let u: string | undefined = v; u && u !== start; u = prev.get(u)) path.splice(1, 0, u);
        return [...path, start].join(" → ");
      }
      if (!seen.has(w)) {
        seen.add(w);
        prev.set(w, v);
        queue.push(w);
      }
    }
  }
  return scc.join(", ");
}

/** The top-level part of src/ a file belongs to: its first folder, or the entry point's name (src/cli.ts → cli). */
function part(file: string): string {
  const rel = relative(SRC, file).split(sep);
  return rel.length > 1 ? rel[0] : rel[0].replace(/\.(ts|js)$/, "");
}

const files = sourceFiles(SRC);
const fileGraph = new Map<string, Set<string>>();
const partGraph = new Map<string, Set<string>>();
const unresolved: string[] = [];
for (const f of files) {
  const from = relative(ROOT, f);
  const deps = new Set<string>();
  if (!f.endsWith(".d.ts")) {
    for (const spec of importSpecifiers(readFileSync(f, "utf8"))) {
      const to = resolveSpecifier(f, spec);
      if (!to) {
        unresolved.push(`${from}: ${spec}`);
        continue;
      }
      deps.add(relative(ROOT, to));
      const [a, b] = [part(f), part(to)];
      if (!partGraph.has(a)) partGraph.set(a, new Set());
      if (a !== b) partGraph.get(a)!.add(b);
    }
  }
  fileGraph.set(from, deps);
}

describe("structure of src/", () => {
  it("finds the import circles it is meant to find (the checker itself)", () => {
    const g = new Map<string, Set<string>>([
      ["a", new Set(["b"])],
      ["b", new Set(["c"])],
      ["c", new Set(["a", "d"])],
      ["d", new Set()],
      ["e", new Set(["e"])],
    ]);
    expect(circles(g)).toEqual([["a", "b", "c"], ["e"]]);
    expect(loopThrough(g, ["a", "b", "c"])).toBe("a → b → c → a");
    expect(importSpecifiers(`import type { A } from "./a.js";\nexport { b } from "../b.js";\nimport "./c.js";\nconst d = await import("./d.js");\n// import { e } from "./e.js";\nimport x from "yaml";`)).toEqual(["./a.js", "../b.js", "./c.js", "./d.js"]);
    // a glob in a line comment opens no block comment that would hide the imports after it
    expect(importSpecifiers(`// reads src/**/*.jsonl\nimport { a } from "./a.js";\n/** see x/** */\nimport { b } from "./b.js";\n/*\n * import { c } from "./c.js";\n */`)).toEqual(["./a.js", "./b.js"]);
  });

  it("reads every relative import of src/ (a specifier it cannot resolve would hide a dependency)", () => {
    expect(files.length).toBeGreaterThan(50);
    expect(unresolved).toEqual([]);
  });

  it("has no import circle between files", () => {
    const found = circles(fileGraph).map((scc) => describeCircle(fileGraph, scc));
    expect(found).toEqual([]);
  });

  it("has no import circle between the top-level parts of src/ (engine, config, render, action, fix, cli)", () => {
    const found = circles(partGraph).map((scc) => describeCircle(partGraph, scc));
    expect(found).toEqual([]);
  });

  it("keeps the engine free of the adapters: it imports neither src/render/, src/action/ nor the CLI", () => {
    expect([...(partGraph.get("engine") ?? [])].filter((p) => ["render", "action", "cli", "index"].includes(p))).toEqual([]);
  });

  it(`has no hand-written source file over ${MAX_LINES} lines (split it by responsibility; *.generated.* exempt)`, () => {
    const long = files
      .filter((f) => f.endsWith(".ts") && !/\.generated\./.test(f))
      .map((f) => ({ file: relative(ROOT, f), lines: readFileSync(f, "utf8").split("\n").length - (readFileSync(f, "utf8").endsWith("\n") ? 1 : 0) }))
      .filter((x) => x.lines > MAX_LINES)
      .map((x) => `${x.file}: ${x.lines} lines`);
    expect(long).toEqual([]);
  });
});

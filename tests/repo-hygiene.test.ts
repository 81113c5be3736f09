// A fresh clone must pass its own tests with nothing beside it: no file of the repository names an absolute path of
// some machine, and no source, test, benchmark or script reads the folder that sits beside the clone on the
// authors' machines (optional data comes through an environment variable: docs/testing.md).
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { ROOT } from "./helpers/paths.js";

/** The repository's files: git's list when this is a clone, else every file but node_modules and dot folders. */
function repoFiles(): string[] {
  try {
    return execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: ROOT, encoding: "utf8" }).split("\0").filter(Boolean);
  } catch {
    const out: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        if (name === "node_modules" || name.startsWith(".")) continue;
        const p = join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else out.push(relative(ROOT, p));
      }
    };
    walk(ROOT);
    return out;
  }
}

// built from parts, so that this file does not match itself
const HOMES = ["work", "home", "root", "Users", "mnt/data"].join("|");
const ABSOLUTE = new RegExp(`(^|[^A-Za-z0-9_.~\\-/])/(${HOMES})/|\\b[A-Za-z]:\\\\(Users|work)\\\\`);
const BESIDE = new RegExp(["\\.\\.", "shared"].join("/"));

describe("repository hygiene", () => {
  const files = repoFiles().filter((f) => !/\.(gz|png|jpg|ico|woff2?)$/.test(f) && f !== "package-lock.json");
  const text = (f: string) => {
    try {
      return readFileSync(join(ROOT, f), "utf8");
    } catch {
      return ""; // deleted in the work tree but still in git's index
    }
  };

  it("lists the repository's files", () => {
    expect(files).toContain("src/cli.ts");
    expect(files.length).toBeGreaterThan(100);
  });

  it("no file names an absolute path of a machine (a home or work folder, a Windows user folder)", () => {
    const hits: string[] = [];
    for (const f of files) {
      text(f).split("\n").forEach((line, i) => {
        if (ABSOLUTE.test(line)) hits.push(`${f}:${i + 1}: ${line.trim().slice(0, 120)}`);
      });
    }
    expect(hits).toEqual([]);
  });

  it("no source, test, benchmark or script reads the folder beside the clone (use CHATML_GATE_REAL_DATA)", () => {
    const hits: string[] = [];
    for (const f of files.filter((f) => /^(src|tests|bench|scripts|dist)\//.test(f))) {
      text(f).split("\n").forEach((line, i) => {
        if (BESIDE.test(line)) hits.push(`${f}:${i + 1}: ${line.trim().slice(0, 120)}`);
      });
    }
    expect(hits).toEqual([]);
  });

  it("the patterns catch what they are for", () => {
    const abs = (...parts: string[]) => "/" + parts.join("/");
    for (const bad of [`const GEN = "${abs("work", "x", "gen.mjs")}";`, `see ${abs("home", "alice", "data")}`, ["C:", "Users", "bob", "x"].join("\\"), `path ${abs("Users", "carol", "y")}`]) expect(ABSOLUTE.test(bad), bad).toBe(true);
    // relative look-alikes, built from parts like the absolute ones above
    const rel = (...parts: string[]) => parts.join("/");
    for (const ok of [rel("https:", "", "example.com", "home", "x"), rel("docs", "work", "x"), rel("~", "work", "x"), rel(".", "root", "x"), rel("node_modules", "x", "home", "y")]) expect(ABSOLUTE.test(ok), ok).toBe(false);
    expect(BESIDE.test(["..", "shared", "real-data"].join("/"))).toBe(true);
  });
});

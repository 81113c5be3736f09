// `chatml-gate fix` as users run it (the bundled CLI in a child process): exit codes, one-line usage errors, and
// atomicity: a write that fails part-way (a file size limit, like a full disk) or a signal leaves the original intact
// and no temporary file beside it.
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { spawn, spawnSync } from "node:child_process";
import { CLI, good, runCli, tempDir } from "../helpers/run.js";
import { REAL } from "../helpers/paths.js";

const rec = (i: number) => JSON.stringify(good(i));
const arrayOf = (n: number) => JSON.stringify(Array.from({ length: n }, (_, i) => good(i)), null, 2) + "\n";

describe("chatml-gate fix (the bundled CLI)", () => {
  it("fixes in place and exits 0; a second run reports the file unchanged", () => {
    const dir = tempDir({ "a.jsonl": arrayOf(3) });
    const r = runCli(["fix", "a.jsonl"], dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^a\.jsonl: fixed \(3 records in, 3 out\)\n/);
    expect(readFileSync(join(dir, "a.jsonl"), "utf8").split("\n")).toHaveLength(4);
    expect(runCli(["fix", "a.jsonl"], dir).stdout).toMatch(/^a\.jsonl: unchanged/);
    expect(readdirSync(dir)).toEqual(["a.jsonl"]);
  });

  it("exits 1 for a file it cannot fix, and prints a JSON manifest with --format json", () => {
    const lfs = "version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 48213907\n";
    const dir = tempDir({ "lfs.jsonl": lfs, "ok.jsonl": rec(1) + "\n" });
    const r = runCli(["fix", ".", "--format", "json"], dir);
    expect(r.code).toBe(1);
    const m = JSON.parse(r.stdout);
    expect(m.files.map((f: { path: string; status: string }) => [f.path, f.status])).toEqual([
      ["lfs.jsonl", "not-fixed"],
      ["ok.jsonl", "unchanged"],
    ]);
    expect(readFileSync(join(dir, "lfs.jsonl"), "utf8")).toBe(lfs);
  });

  it("usage errors: one line on stderr, exit 2, no stack trace", () => {
    const dir = tempDir({ "a.jsonl": rec(1) + "\n", "b.jsonl": rec(2) + "\n" });
    const cases: [string[], RegExp][] = [
      [["fix"], /fix needs the files to fix/],
      [["fix", ".", "-o", "out.jsonl"], /-o writes one file, and \. holds 2/],
      [["fix", "a.jsonl", "--only", "dedupe"], /unknown fix 'dedupe'/],
      [["fix", "a.jsonl", "--format", "sarif"], /fix --format must be text or json/],
      [["fix", "a.jsonl", "--max-tokens", "10"], /--max-tokens is an option of check, not of fix/],
      [["fix", "a.jsonl", "--chat-template", "t.jinja"], /--chat-template is an option of check, not of fix/],
      [["check", "a.jsonl", "--unsafe"], /--unsafe is an option of fix/],
      [["fix", "a.jsonl", "--rejects", "./a.jsonl", "--dry-run"], /--rejects \.\/a\.jsonl is one of the files being fixed/],
      [["fix", "a.jsonl", "--diff", "--format", "json"], /--diff prints a diff; --format json prints the manifest: choose one/],
    ];
    for (const [args, msg] of cases) {
      const r = runCli(args, dir);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr, args.join(" ")).toMatch(msg);
      expect(r.stderr.trim().split("\n"), args.join(" ")).toHaveLength(1);
    }
  });

  it("a write that fails part-way (file size limit: EFBIG, like a full disk) leaves the original intact and no temp file", () => {
    const body = arrayOf(400);
    for (const name of ["big.jsonl", "big.jsonl.gz"]) {
      const dir = tempDir();
      const data = name.endsWith(".gz") ? spawnSync("gzip", ["-c"], { input: body }).stdout : Buffer.from(body);
      writeFileSync(join(dir, name), data);
      // ulimit -f counts 1024-byte blocks in bash: far less than the output (gzip: a few KiB)
      const r = spawnSync("bash", ["-c", `ulimit -f ${name.endsWith(".gz") ? 1 : 16}; exec "${process.execPath}" "${CLI}" fix ${name}`], { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
      expect(r.status, name).toBe(1);
      expect(r.stdout, name).toMatch(new RegExp(`${name.replace(/\./g, "\\.")}: NOT FIXED: cannot write .*(File too large|EFBIG).*\\(the file is unchanged\\)`));
      expect(r.stderr, name).toBe("");
      expect(readFileSync(join(dir, name)), name).toEqual(data);
      expect(readdirSync(dir), name).toEqual([name]);
    }
  });

  it("a signal part-way (SIGTERM, SIGINT) removes the temporary file and leaves the original intact", async () => {
    for (const sig of ["SIGTERM", "SIGINT"] as const) {
      const dir = tempDir();
      const body = arrayOf(60_000); // ~12 MB: the pass takes a while
      writeFileSync(join(dir, "big.jsonl"), body);
      const child = spawn(process.execPath, [CLI, "fix", "big.jsonl"], { cwd: dir, stdio: "ignore" });
      const exited = new Promise<NodeJS.Signals | null>((res) => child.on("exit", (_code, s) => res(s)));
      // wait for the temporary file to appear, then stop the process
      for (let i = 0; i < 400 && readdirSync(dir).length < 2; i++) await new Promise((r) => setTimeout(r, 25));
      expect(readdirSync(dir).some((f) => f.includes(".chatml-gate-fix.")), sig).toBe(true);
      child.kill(sig);
      expect(await exited, sig).toBe(sig);
      expect(readdirSync(dir), sig).toEqual(["big.jsonl"]);
      expect(readFileSync(join(dir, "big.jsonl"), "utf8") === body, sig).toBe(true);
    }
  }, 60_000);

  it.skipIf(spawnSync("mkfifo", ["--version"]).status !== 0)("-o a FIFO (like /dev/stdout or a device) writes into it and never replaces it with a regular file", async () => {
    const dir = tempDir({ "a.jsonl": arrayOf(2) });
    expect(spawnSync("mkfifo", [join(dir, "out.fifo")]).status).toBe(0);
    const child = spawn(process.execPath, [CLI, "fix", "a.jsonl", "-o", "out.fifo"], { cwd: dir, stdio: "ignore" });
    const exited = new Promise<number | null>((res) => child.on("exit", res));
    // read by cat until the fix closes the FIFO (a fix that renamed over it would never open it: cat times out)
    const written = spawnSync("cat", ["out.fifo"], { cwd: dir, encoding: "utf8", timeout: 30_000 }).stdout;
    expect(await exited).toBe(0);
    expect(written).toBe(rec(0) + "\n" + rec(1) + "\n");
    expect(statSync(join(dir, "out.fifo")).isFIFO()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(["a.jsonl", "out.fifo"]);
    expect(readFileSync(join(dir, "a.jsonl"), "utf8")).toBe(arrayOf(2));
  });

  it("-o /dev/stdout: the records on stdout, the manifest on stderr", () => {
    const dir = tempDir({ "a.jsonl": arrayOf(2) });
    const r = runCli(["fix", "a.jsonl", "-o", "/dev/stdout"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(rec(0) + "\n" + rec(1) + "\n");
    expect(r.stderr).toMatch(/^a\.jsonl: fixed → \/dev\/stdout \(2 records in, 2 out\)/);
    expect(readdirSync(dir)).toEqual(["a.jsonl"]);
    // through a pipe whose reader is slow (Node's stdout pipe is non-blocking: a full pipe is waited for, not an error)
    writeFileSync(join(dir, "big.jsonl"), arrayOf(3000));
    const piped = spawnSync("sh", ["-c", `"${process.execPath}" "${CLI}" fix big.jsonl -o /dev/stdout | (sleep 1; wc -l)`], { cwd: dir, encoding: "utf8" });
    expect(piped.stderr).toMatch(/^big\.jsonl: fixed → \/dev\/stdout \(3000 records in, 3000 out\)/);
    expect(piped.stdout.trim()).toBe("3000");
  });

  it.skipIf(!REAL)("fixes the real LLaMA-Factory array, and check then reads it as JSON Lines with the same findings", () => {
    const src = join(REAL!, "llamafactory-glaive-toolcall-sharegpt-array.jsonl");
    const dir = tempDir({ "glaive.jsonl": readFileSync(src) });
    const before = JSON.parse(runCli(["check", "glaive.jsonl", "--format", "json"], dir).stdout);
    const r = runCli(["fix", "glaive.jsonl"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/glaive\.jsonl: fixed \(300 records in, 300 out\)/);
    const after = JSON.parse(runCli(["check", "glaive.jsonl", "--format", "json"], dir).stdout);
    const { "not-jsonl": notJsonl, ...rest } = before.files[0].findingCounts;
    expect(notJsonl).toBe(1);
    expect(after.files[0].findingCounts).toEqual(rest);
    expect(after.files[0].records).toBe(300);
  });
});

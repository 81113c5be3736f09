// Values to mask in a CI log (GitHub's ::add-mask:: / core.setSecret): each line of each value found, as a runner
// masks line by line (a private key is many lines). Lines shorter than 6 characters (a PEM body's last "=="),
// and the public header lines of key files, are left out: masking them would hide ordinary log text.
export function maskLines(values: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const v of values) {
    for (const line of v.split(/\r?\n|\\n/)) {
      const t = line.trim();
      if (t.length >= 6 && !/^-----(?:BEGIN|END) /.test(t)) out.add(t);
    }
  }
  return [...out];
}

/** A GitHub Actions workflow command that masks `value` (escaped as @actions/core escapes command data). */
export function addMaskCommand(value: string): string {
  return `::add-mask::${value.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A")}`;
}

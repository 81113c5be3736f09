// The rule severities that apply to one file: a target profile's (what it refuses), the config's rules over them,
// then each override whose globs match the file.
import { overrideMatcher } from "./files.js";
import type { Config } from "./settings.js";
import type { SeveritySetting } from "./model.js";
import { profileSeverities } from "./rules/profiles.js";

/** Each override's compiled globs (made once per config object). */
const matchers = new WeakMap<object, (path: string) => boolean>();

export function severitiesFor(path: string, config: Config): Record<string, SeveritySetting> {
  // A profile's target may refuse what the generic rules only warn about; the config's own settings win.
  const target = profileSeverities(config.profile);
  let sev = Object.keys(target).length ? { ...target, ...config.rules } : config.rules;
  for (const o of config.overrides) {
    if (!Object.keys(o.rules).length) continue;
    let match = matchers.get(o);
    if (!match) matchers.set(o, (match = overrideMatcher(o.files)));
    if (match(path)) sev = { ...sev, ...o.rules };
  }
  return sev;
}

// Only files inside GITHUB_WORKSPACE are read. A path or symlink that resolves outside is refused.
import { realpathSync } from "node:fs";
import { isAbsolute, relative, resolve } from "node:path";

export class WorkspaceError extends Error {
  override name = "WorkspaceError";
}

function inside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

/** Throws WorkspaceError when `path` (relative to the workspace, or absolute) resolves outside it. Missing files pass. */
export function assertInsideWorkspace(workspace: string, path: string, what = "file"): void {
  const root = realpathSync(workspace);
  const abs = resolve(workspace, path);
  if (!inside(resolve(workspace), abs) && !inside(root, abs)) {
    throw new WorkspaceError(`Refusing to read ${what} '${path}': it is outside GITHUB_WORKSPACE (${root}).`);
  }
  let real: string;
  try {
    real = realpathSync(abs);
  } catch {
    return;
  }
  if (!inside(root, real)) {
    throw new WorkspaceError(`Refusing to read ${what} '${path}': it resolves (through a symlink) to '${real}', outside GITHUB_WORKSPACE.`);
  }
}

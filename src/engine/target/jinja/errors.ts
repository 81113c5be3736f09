/** The ways a render stops early, each mapped to one RenderResult kind by index.ts. */

/** Python's Jinja2 would refuse to parse this template (transformers fails when it compiles the template). */
export class TemplateSyntaxError extends Error {
  readonly line: number | null;
  constructor(message: string, line: number | null) {
    super(line === null ? message : `${message} (line ${line})`);
    this.name = "TemplateSyntaxError";
    this.line = line;
  }
}

/**
 * An exception Python would raise while rendering: `pyType` is the Python class name (TypeError,
 * UndefinedError, SecurityError, TemplateError for raise_exception ...), `message` is str(exception).
 * Not an Error subclass: records raise these often, and a stack trace per throw would cost more than the render.
 */
export class PyError {
  readonly name = "PyError";
  constructor(
    readonly pyType: string,
    readonly message: string,
  ) {}
}

export const typeError = (message: string): PyError => new PyError("TypeError", message);

/** We cannot be sure to do what Python does here: the message names the construct. (No stack trace, as PyError.) */
export class EngineGap {
  readonly name = "EngineGap";
  constructor(readonly message: string) {}
}

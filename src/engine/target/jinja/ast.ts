/**
 * The syntax tree as @huggingface/jinja's exported `parse()` builds it. The package exports the parser but not its
 * node classes, so nodes are told apart by their `type` string; these interfaces name the fields we read.
 */
import { parse } from "@huggingface/jinja";

export type HfToken = Parameters<typeof parse>[0][number];
export const hfParse = parse;

export interface Node {
  type: string;
}
export interface Program extends Node {
  body: Node[];
}
export interface IfNode extends Node {
  test: Node;
  body: Node[];
  alternate: Node[];
}
export interface ForNode extends Node {
  loopvar: Node;
  iterable: Node;
  body: Node[];
  defaultBlock: Node[];
}
export interface SetNode extends Node {
  assignee: Node;
  value: Node | null;
  body: Node[];
}
export interface MacroNode extends Node {
  name: Identifier;
  args: Node[];
  body: Node[];
}
export interface MemberExpression extends Node {
  object: Node;
  property: Node;
  computed: boolean;
}
export interface CallExpression extends Node {
  callee: Node;
  args: Node[];
}
export interface Identifier extends Node {
  value: string;
}
export interface Literal<T> extends Node {
  value: T;
}
export interface BinaryExpression extends Node {
  operator: { value: string; type: string };
  left: Node;
  right: Node;
}
export interface FilterExpression extends Node {
  operand: Node;
  filter: Identifier | CallExpression;
}
export interface FilterStatement extends Node {
  filter: Identifier | CallExpression;
  body: Node[];
}
export interface SelectExpression extends Node {
  lhs: Node;
  test: Node;
}
export interface TestExpression extends Node {
  operand: Node;
  negate: boolean;
  test: Identifier;
}
export interface UnaryExpression extends Node {
  operator: { value: string };
  argument: Node;
}
export interface SliceExpression extends Node {
  start: Node | undefined;
  stop: Node | undefined;
  step: Node | undefined;
}
export interface KeywordArgumentExpression extends Node {
  key: Identifier;
  value: Node;
}
export interface SpreadExpression extends Node {
  argument: Node;
}
export interface CallStatement extends Node {
  call: CallExpression;
  callerArgs: Node[] | null;
  body: Node[];
}
export interface Ternary extends Node {
  condition: Node;
  trueExpr: Node;
  falseExpr: Node;
}

/** The callee our lexer gives `{% generation %}` blocks (a name no template can spell). */
export const GENERATION_CALLEE = "\u0000generation";

/** Every child node of a node, for walks over the tree (operator tokens are not nodes). */
export function children(n: Node): Node[] {
  const out: Node[] = [];
  for (const [key, value] of Object.entries(n)) {
    if (key === "operator") continue;
    if (Array.isArray(value)) {
      for (const v of value) if (isNode(v)) out.push(v);
    } else if (value instanceof Map) {
      for (const [k, v] of value) {
        if (isNode(k)) out.push(k);
        if (isNode(v)) out.push(v);
      }
    } else if (isNode(value)) out.push(value);
  }
  return out;
}

function isNode(v: unknown): v is Node {
  return typeof v === "object" && v !== null && typeof (v as Node).type === "string";
}

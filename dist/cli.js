#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 6214:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
// https://mathiasbynens.be/notes/javascript-encoding
// https://github.com/bestiejs/punycode.js - punycode.ucs2.decode
function ucs2length(str) {
    const len = str.length;
    let length = 0;
    let pos = 0;
    let value;
    while (pos < len) {
        length++;
        value = str.charCodeAt(pos++);
        if (value >= 0xd800 && value <= 0xdbff && pos < len) {
            // high surrogate, and there is a next character
            value = str.charCodeAt(pos);
            if ((value & 0xfc00) === 0xdc00)
                pos++; // low surrogate
        }
    }
    return length;
}
exports["default"] = ucs2length;
ucs2length.code = 'require("ajv/dist/runtime/ucs2length").default';
//# sourceMappingURL=ucs2length.js.map

/***/ }),

/***/ 4006:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const pico = __nccwpck_require__(8016);
const utils = __nccwpck_require__(4059);

function picomatch(glob, options, returnState = false) {
  // default to os.platform()
  if (options && (options.windows === null || options.windows === undefined)) {
    // don't mutate the original options object
    options = { ...options, windows: utils.isWindows() };
  }

  return pico(glob, options, returnState);
}

Object.assign(picomatch, pico);
module.exports = picomatch;


/***/ }),

/***/ 5595:
/***/ ((module) => {



const WIN_SLASH = '\\\\/';
const WIN_NO_SLASH = `[^${WIN_SLASH}]`;

const DEFAULT_MAX_EXTGLOB_RECURSION = 0;

/**
 * Posix glob regex
 */

const DOT_LITERAL = '\\.';
const PLUS_LITERAL = '\\+';
const QMARK_LITERAL = '\\?';
const SLASH_LITERAL = '\\/';
const ONE_CHAR = '(?=.)';
const QMARK = '[^/]';
const END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
const START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
const DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
const NO_DOT = `(?!${DOT_LITERAL})`;
const NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
const NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
const NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
const QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
const STAR = `${QMARK}*?`;
const SEP = '/';

const POSIX_CHARS = {
  DOT_LITERAL,
  PLUS_LITERAL,
  QMARK_LITERAL,
  SLASH_LITERAL,
  ONE_CHAR,
  QMARK,
  END_ANCHOR,
  DOTS_SLASH,
  NO_DOT,
  NO_DOTS,
  NO_DOT_SLASH,
  NO_DOTS_SLASH,
  QMARK_NO_DOT,
  STAR,
  START_ANCHOR,
  SEP
};

/**
 * Windows glob regex
 */

const WINDOWS_CHARS = {
  ...POSIX_CHARS,

  SLASH_LITERAL: `[${WIN_SLASH}]`,
  QMARK: WIN_NO_SLASH,
  STAR: `${WIN_NO_SLASH}*?`,
  DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
  NO_DOT: `(?!${DOT_LITERAL})`,
  NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
  NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
  NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
  QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
  START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
  END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
  SEP: '\\'
};

/**
 * POSIX Bracket Regex
 */

const POSIX_REGEX_SOURCE = {
  __proto__: null,
  alnum: 'a-zA-Z0-9',
  alpha: 'a-zA-Z',
  ascii: '\\x00-\\x7F',
  blank: ' \\t',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '\\x21-\\x7E',
  lower: 'a-z',
  print: '\\x20-\\x7E ',
  punct: '\\-!"#$%&\'()\\*+,./:;<=>?@[\\]^_`{|}~',
  space: ' \\t\\r\\n\\v\\f',
  upper: 'A-Z',
  word: 'A-Za-z0-9_',
  xdigit: 'A-Fa-f0-9'
};

module.exports = {
  DEFAULT_MAX_EXTGLOB_RECURSION,
  MAX_LENGTH: 1024 * 64,
  POSIX_REGEX_SOURCE,

  // regular expressions
  REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
  REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
  REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
  REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
  REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
  REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,

  // Replace globs with equivalent patterns to reduce parsing time.
  REPLACEMENTS: {
    __proto__: null,
    '***': '*',
    '**/**': '**',
    '**/**/**': '**'
  },

  // Digits
  CHAR_0: 48, /* 0 */
  CHAR_9: 57, /* 9 */

  // Alphabet chars.
  CHAR_UPPERCASE_A: 65, /* A */
  CHAR_LOWERCASE_A: 97, /* a */
  CHAR_UPPERCASE_Z: 90, /* Z */
  CHAR_LOWERCASE_Z: 122, /* z */

  CHAR_LEFT_PARENTHESES: 40, /* ( */
  CHAR_RIGHT_PARENTHESES: 41, /* ) */

  CHAR_ASTERISK: 42, /* * */

  // Non-alphabetic chars.
  CHAR_AMPERSAND: 38, /* & */
  CHAR_AT: 64, /* @ */
  CHAR_BACKWARD_SLASH: 92, /* \ */
  CHAR_CARRIAGE_RETURN: 13, /* \r */
  CHAR_CIRCUMFLEX_ACCENT: 94, /* ^ */
  CHAR_COLON: 58, /* : */
  CHAR_COMMA: 44, /* , */
  CHAR_DOT: 46, /* . */
  CHAR_DOUBLE_QUOTE: 34, /* " */
  CHAR_EQUAL: 61, /* = */
  CHAR_EXCLAMATION_MARK: 33, /* ! */
  CHAR_FORM_FEED: 12, /* \f */
  CHAR_FORWARD_SLASH: 47, /* / */
  CHAR_GRAVE_ACCENT: 96, /* ` */
  CHAR_HASH: 35, /* # */
  CHAR_HYPHEN_MINUS: 45, /* - */
  CHAR_LEFT_ANGLE_BRACKET: 60, /* < */
  CHAR_LEFT_CURLY_BRACE: 123, /* { */
  CHAR_LEFT_SQUARE_BRACKET: 91, /* [ */
  CHAR_LINE_FEED: 10, /* \n */
  CHAR_NO_BREAK_SPACE: 160, /* \u00A0 */
  CHAR_PERCENT: 37, /* % */
  CHAR_PLUS: 43, /* + */
  CHAR_QUESTION_MARK: 63, /* ? */
  CHAR_RIGHT_ANGLE_BRACKET: 62, /* > */
  CHAR_RIGHT_CURLY_BRACE: 125, /* } */
  CHAR_RIGHT_SQUARE_BRACKET: 93, /* ] */
  CHAR_SEMICOLON: 59, /* ; */
  CHAR_SINGLE_QUOTE: 39, /* ' */
  CHAR_SPACE: 32, /*   */
  CHAR_TAB: 9, /* \t */
  CHAR_UNDERSCORE: 95, /* _ */
  CHAR_VERTICAL_LINE: 124, /* | */
  CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279, /* \uFEFF */

  /**
   * Create EXTGLOB_CHARS
   */

  extglobChars(chars) {
    return {
      '!': { type: 'negate', open: '(?:(?!(?:', close: `))${chars.STAR})` },
      '?': { type: 'qmark', open: '(?:', close: ')?' },
      '+': { type: 'plus', open: '(?:', close: ')+' },
      '*': { type: 'star', open: '(?:', close: ')*' },
      '@': { type: 'at', open: '(?:', close: ')' }
    };
  },

  /**
   * Create GLOB_CHARS
   */

  globChars(win32) {
    return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
  }
};


/***/ }),

/***/ 8265:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const constants = __nccwpck_require__(5595);
const utils = __nccwpck_require__(4059);

/**
 * Constants
 */

const {
  MAX_LENGTH,
  POSIX_REGEX_SOURCE,
  REGEX_NON_SPECIAL_CHARS,
  REGEX_SPECIAL_CHARS_BACKREF,
  REPLACEMENTS
} = constants;

/**
 * Helpers
 */

const expandRange = (args, options) => {
  if (typeof options.expandRange === 'function') {
    return options.expandRange(...args, options);
  }

  args.sort();
  const value = `[${args.join('-')}]`;

  try {
    /* eslint-disable-next-line no-new */
    new RegExp(value);
  } catch (ex) {
    return args.map(v => utils.escapeRegex(v)).join('..');
  }

  return value;
};

/**
 * Create the message for a syntax error
 */

const syntaxError = (type, char) => {
  return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
};

const splitTopLevel = input => {
  const parts = [];
  let bracket = 0;
  let paren = 0;
  let quote = 0;
  let value = '';
  let escaped = false;

  for (const ch of input) {
    if (escaped === true) {
      value += ch;
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      value += ch;
      escaped = true;
      continue;
    }

    if (ch === '"') {
      quote = quote === 1 ? 0 : 1;
      value += ch;
      continue;
    }

    if (quote === 0) {
      if (ch === '[') {
        bracket++;
      } else if (ch === ']' && bracket > 0) {
        bracket--;
      } else if (bracket === 0) {
        if (ch === '(') {
          paren++;
        } else if (ch === ')' && paren > 0) {
          paren--;
        } else if (ch === '|' && paren === 0) {
          parts.push(value);
          value = '';
          continue;
        }
      }
    }

    value += ch;
  }

  parts.push(value);
  return parts;
};

const isPlainBranch = branch => {
  let escaped = false;

  for (const ch of branch) {
    if (escaped === true) {
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      escaped = true;
      continue;
    }

    if (/[?*+@!()[\]{}]/.test(ch)) {
      return false;
    }
  }

  return true;
};

const normalizeSimpleBranch = branch => {
  let value = branch.trim();
  let changed = true;

  while (changed === true) {
    changed = false;

    if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
      value = value.slice(2, -1);
      changed = true;
    }
  }

  if (!isPlainBranch(value)) {
    return;
  }

  return value.replace(/\\(.)/g, '$1');
};

const hasRepeatedCharPrefixOverlap = branches => {
  const values = branches.map(normalizeSimpleBranch).filter(Boolean);

  for (let i = 0; i < values.length; i++) {
    for (let j = i + 1; j < values.length; j++) {
      const a = values[i];
      const b = values[j];
      const char = a[0];

      if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
        continue;
      }

      if (a === b || a.startsWith(b) || b.startsWith(a)) {
        return true;
      }
    }
  }

  return false;
};

const parseRepeatedExtglob = (pattern, requireEnd = true) => {
  if ((pattern[0] !== '+' && pattern[0] !== '*') || pattern[1] !== '(') {
    return;
  }

  let bracket = 0;
  let paren = 0;
  let quote = 0;
  let escaped = false;

  for (let i = 1; i < pattern.length; i++) {
    const ch = pattern[i];

    if (escaped === true) {
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      escaped = true;
      continue;
    }

    if (ch === '"') {
      quote = quote === 1 ? 0 : 1;
      continue;
    }

    if (quote === 1) {
      continue;
    }

    if (ch === '[') {
      bracket++;
      continue;
    }

    if (ch === ']' && bracket > 0) {
      bracket--;
      continue;
    }

    if (bracket > 0) {
      continue;
    }

    if (ch === '(') {
      paren++;
      continue;
    }

    if (ch === ')') {
      paren--;

      if (paren === 0) {
        if (requireEnd === true && i !== pattern.length - 1) {
          return;
        }

        return {
          type: pattern[0],
          body: pattern.slice(2, i),
          end: i
        };
      }
    }
  }
};

const buildCharClassStar = chars => {
  const source = chars.length === 1
    ? utils.escapeRegex(chars[0])
    : `[${chars.map(ch => utils.escapeRegex(ch)).join('')}]`;

  return `${source}*`;
};

const getStarExtglobSequenceChars = pattern => {
  let index = 0;
  const chars = [];

  while (index < pattern.length) {
    const match = parseRepeatedExtglob(pattern.slice(index), false);

    if (!match || match.type !== '*') {
      return;
    }

    const branches = splitTopLevel(match.body).map(branch => branch.trim());
    if (branches.length !== 1) {
      return;
    }

    const branch = normalizeSimpleBranch(branches[0]);
    if (!branch || branch.length !== 1) {
      return;
    }

    chars.push(branch);
    index += match.end + 1;
  }

  if (chars.length < 1) {
    return;
  }

  return chars;
};

const repeatedExtglobRecursion = pattern => {
  let depth = 0;
  let value = pattern.trim();
  let match = parseRepeatedExtglob(value);

  while (match) {
    depth++;
    value = match.body.trim();
    match = parseRepeatedExtglob(value);
  }

  return depth;
};

const analyzeRepeatedExtglob = (body, options) => {
  if (options.maxExtglobRecursion === false) {
    return { risky: false };
  }

  const max =
    typeof options.maxExtglobRecursion === 'number'
      ? options.maxExtglobRecursion
      : constants.DEFAULT_MAX_EXTGLOB_RECURSION;

  const branches = splitTopLevel(body).map(branch => branch.trim());

  if (branches.length > 1) {
    if (
      branches.some(branch => branch === '') ||
      branches.some(branch => /^[*?]+$/.test(branch)) ||
      hasRepeatedCharPrefixOverlap(branches)
    ) {
      return { risky: true };
    }
  }

  // A repeated extglob is "risky" (prone to catastrophic backtracking) when a
  // branch is itself a `*(...)` sequence, since that nests an unbounded quantifier
  // inside the outer `+(...)`/`*(...)`. When *every* branch reduces to single
  // characters we can emit one flat, ReDoS-safe character class that preserves the
  // meaning of ALL branches (e.g. `+(*(a)|*(b))` -> `[ab]*`), rather than dropping
  // every branch but the first.
  const safeChars = [];
  let sawStarSequence = false;
  let combinable = true;

  for (const branch of branches) {
    const chars = getStarExtglobSequenceChars(branch);
    if (chars) {
      sawStarSequence = true;
      safeChars.push(...chars);
      continue;
    }

    const literal = normalizeSimpleBranch(branch);
    if (literal && literal.length === 1) {
      safeChars.push(literal);
      continue;
    }

    combinable = false;

    if (repeatedExtglobRecursion(branch) > max) {
      return { risky: true };
    }
  }

  if (sawStarSequence) {
    return combinable
      ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) }
      : { risky: true };
  }

  return { risky: false };
};

/**
 * Parse the given input string.
 * @param {String} input
 * @param {Object} options
 * @return {Object}
 */

const parse = (input, options) => {
  if (typeof input !== 'string') {
    throw new TypeError('Expected a string');
  }

  input = REPLACEMENTS[input] || input;

  const opts = { ...options };
  const max = typeof opts.maxLength === 'number' ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;

  let len = input.length;
  if (len > max) {
    throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
  }

  const bos = { type: 'bos', value: '', output: opts.prepend || '' };
  const tokens = [bos];

  const capture = opts.capture ? '' : '?:';

  // create constants based on platform, for windows or posix
  const PLATFORM_CHARS = constants.globChars(opts.windows);
  const EXTGLOB_CHARS = constants.extglobChars(PLATFORM_CHARS);

  const {
    DOT_LITERAL,
    PLUS_LITERAL,
    SLASH_LITERAL,
    ONE_CHAR,
    DOTS_SLASH,
    NO_DOT,
    NO_DOT_SLASH,
    NO_DOTS_SLASH,
    QMARK,
    QMARK_NO_DOT,
    STAR,
    START_ANCHOR
  } = PLATFORM_CHARS;

  const globstar = opts => {
    return `(${capture}(?:(?!${START_ANCHOR}${opts.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
  };

  const nodot = opts.dot ? '' : NO_DOT;
  const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
  let star = opts.bash === true ? globstar(opts) : STAR;

  if (opts.capture) {
    star = `(${star})`;
  }

  // minimatch options support
  if (typeof opts.noext === 'boolean') {
    opts.noextglob = opts.noext;
  }

  const state = {
    input,
    index: -1,
    start: 0,
    dot: opts.dot === true,
    consumed: '',
    output: '',
    prefix: '',
    backtrack: false,
    negated: false,
    brackets: 0,
    braces: 0,
    parens: 0,
    quotes: 0,
    globstar: false,
    tokens
  };

  input = utils.removePrefix(input, state);
  len = input.length;

  const extglobs = [];
  const braces = [];
  const stack = [];
  let prev = bos;
  let value;

  /**
   * Tokenizing helpers
   */

  const eos = () => state.index === len - 1;
  const peek = state.peek = (n = 1) => input[state.index + n];
  const advance = state.advance = () => input[++state.index] || '';
  const remaining = () => input.slice(state.index + 1);
  const consume = (value = '', num = 0) => {
    state.consumed += value;
    state.index += num;
  };

  const append = token => {
    state.output += token.output != null ? token.output : token.value;
    consume(token.value);
  };

  const negate = () => {
    let count = 1;

    while (peek() === '!' && (peek(2) !== '(' || peek(3) === '?')) {
      advance();
      state.start++;
      count++;
    }

    if (count % 2 === 0) {
      return false;
    }

    state.negated = true;
    state.start++;
    return true;
  };

  const increment = type => {
    state[type]++;
    stack.push(type);
  };

  const decrement = type => {
    state[type]--;
    stack.pop();
  };

  /**
   * Push tokens onto the tokens array. This helper speeds up
   * tokenizing by 1) helping us avoid backtracking as much as possible,
   * and 2) helping us avoid creating extra tokens when consecutive
   * characters are plain text. This improves performance and simplifies
   * lookbehinds.
   */

  const push = tok => {
    if (prev.type === 'globstar') {
      const isBrace = state.braces > 0 && (tok.type === 'comma' || tok.type === 'brace');
      const isExtglob = tok.extglob === true || (extglobs.length && (tok.type === 'pipe' || tok.type === 'paren'));

      if (tok.type !== 'slash' && tok.type !== 'paren' && !isBrace && !isExtglob) {
        state.output = state.output.slice(0, -prev.output.length);
        prev.type = 'star';
        prev.value = '*';
        prev.output = star;
        state.output += prev.output;
      }
    }

    if (extglobs.length && tok.type !== 'paren') {
      extglobs[extglobs.length - 1].inner += tok.value;
    }

    if (tok.value || tok.output) append(tok);
    if (prev && prev.type === 'text' && tok.type === 'text') {
      prev.output = (prev.output || prev.value) + tok.value;
      prev.value += tok.value;
      return;
    }

    tok.prev = prev;
    tokens.push(tok);
    prev = tok;
  };

  const extglobOpen = (type, value) => {
    const token = { ...EXTGLOB_CHARS[value], conditions: 1, inner: '' };

    token.prev = prev;
    token.parens = state.parens;
    token.output = state.output;
    token.startIndex = state.index;
    token.tokensIndex = tokens.length;
    const output = (opts.capture ? '(' : '') + token.open;

    increment('parens');
    push({ type, value, output: state.output ? '' : ONE_CHAR });
    push({ type: 'paren', extglob: true, value: advance(), output });
    extglobs.push(token);
  };

  const extglobClose = token => {
    const literal = input.slice(token.startIndex, state.index + 1);
    const body = input.slice(token.startIndex + 2, state.index);
    const analysis = analyzeRepeatedExtglob(body, opts);

    if ((token.type === 'plus' || token.type === 'star') && analysis.risky) {
      const safeOutput = analysis.safeOutput
        ? (token.output ? '' : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput)
        : undefined;
      const open = tokens[token.tokensIndex];

      open.type = 'text';
      open.value = literal;
      open.output = safeOutput || utils.escapeRegex(literal);

      for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
        tokens[i].value = '';
        tokens[i].output = '';
        delete tokens[i].suffix;
      }

      state.output = token.output + open.output;
      state.backtrack = true;

      push({ type: 'paren', extglob: true, value, output: '' });
      decrement('parens');
      return;
    }

    let output = token.close + (opts.capture ? ')' : '');
    let rest;

    if (token.type === 'negate') {
      let extglobStar = star;

      if (token.inner && token.inner.length > 1 && token.inner.includes('/')) {
        extglobStar = globstar(opts);
      }

      if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
        output = token.close = `)$))${extglobStar}`;
      }

      if (token.inner.includes('*') && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
        // Any non-magical string (`.ts`) or even nested expression (`.{ts,tsx}`) can follow after the closing parenthesis.
        // In this case, we need to parse the string and use it in the output of the original pattern.
        // Suitable patterns: `/!(*.d).ts`, `/!(*.d).{ts,tsx}`, `**/!(*-dbg).@(js)`.
        //
        // Disabling the `fastpaths` option due to a problem with parsing strings as `.ts` in the pattern like `**/!(*.d).ts`.
        const expression = parse(rest, { ...options, fastpaths: false }).output;

        output = token.close = `)${expression})${extglobStar})`;
      }

      if (token.prev.type === 'bos') {
        state.negatedExtglob = true;
      }
    }

    push({ type: 'paren', extglob: true, value, output });
    decrement('parens');
  };

  /**
   * Fast paths
   */

  if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
    let backslashes = false;

    let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => {
      if (first === '\\') {
        backslashes = true;
        return m;
      }

      if (first === '?') {
        if (esc) {
          return esc + first + (rest ? QMARK.repeat(rest.length) : '');
        }
        if (index === 0) {
          return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : '');
        }
        return QMARK.repeat(chars.length);
      }

      if (first === '.') {
        return DOT_LITERAL.repeat(chars.length);
      }

      if (first === '*') {
        if (esc) {
          return esc + first + (rest ? star : '');
        }
        return star;
      }
      return esc ? m : `\\${m}`;
    });

    if (backslashes === true) {
      if (opts.unescape === true) {
        output = output.replace(/\\/g, '');
      } else {
        output = output.replace(/\\+/g, m => {
          return m.length % 2 === 0 ? '\\\\' : (m ? '\\' : '');
        });
      }
    }

    if (output === input && opts.contains === true) {
      state.output = input;
      return state;
    }

    state.output = utils.wrapOutput(output, state, options);
    return state;
  }

  /**
   * Tokenize input until we reach end-of-string
   */

  while (!eos()) {
    value = advance();

    if (value === '\u0000') {
      continue;
    }

    /**
     * Escaped characters
     */

    if (value === '\\') {
      const next = peek();

      if (next === '/' && opts.bash !== true) {
        continue;
      }

      if (next === '.' || next === ';') {
        continue;
      }

      if (!next) {
        value += '\\';
        push({ type: 'text', value });
        continue;
      }

      // collapse slashes to reduce potential for exploits
      const match = /^\\+/.exec(remaining());
      let slashes = 0;

      if (match && match[0].length > 2) {
        slashes = match[0].length;
        state.index += slashes;
        if (slashes % 2 !== 0) {
          value += '\\';
        }
      }

      if (opts.unescape === true) {
        value = advance();
      } else {
        value += advance();
      }

      if (state.brackets === 0) {
        push({ type: 'text', value });
        continue;
      }
    }

    /**
     * If we're inside a regex character class, continue
     * until we reach the closing bracket.
     */

    if (state.brackets > 0 && (value !== ']' || prev.value === '[' || prev.value === '[^')) {
      if (opts.posix !== false && value === ':') {
        const inner = prev.value.slice(1);
        if (inner.includes('[')) {
          prev.posix = true;

          if (inner.includes(':')) {
            const idx = prev.value.lastIndexOf('[');
            const pre = prev.value.slice(0, idx);
            const rest = prev.value.slice(idx + 2);
            const posix = POSIX_REGEX_SOURCE[rest];
            if (posix) {
              prev.value = pre + posix;
              state.backtrack = true;
              advance();

              if (!bos.output && tokens.indexOf(prev) === 1) {
                bos.output = ONE_CHAR;
              }
              continue;
            }
          }
        }
      }

      if ((value === '[' && peek() !== ':') || (value === '-' && peek() === ']')) {
        value = `\\${value}`;
      }

      if (value === ']' && (prev.value === '[' || prev.value === '[^')) {
        value = `\\${value}`;
      }

      if (opts.posix === true && value === '!' && prev.value === '[') {
        value = '^';
      }

      prev.value += value;
      append({ value });
      continue;
    }

    /**
     * If we're inside a quoted string, continue
     * until we reach the closing double quote.
     */

    if (state.quotes === 1 && value !== '"') {
      value = utils.escapeRegex(value);
      prev.value += value;
      append({ value });
      continue;
    }

    /**
     * Double quotes
     */

    if (value === '"') {
      state.quotes = state.quotes === 1 ? 0 : 1;
      if (opts.keepQuotes === true) {
        push({ type: 'text', value });
      }
      continue;
    }

    /**
     * Parentheses
     */

    if (value === '(') {
      increment('parens');
      push({ type: 'paren', value });
      continue;
    }

    if (value === ')') {
      if (state.parens === 0 && opts.strictBrackets === true) {
        throw new SyntaxError(syntaxError('opening', '('));
      }

      const extglob = extglobs[extglobs.length - 1];
      if (extglob && state.parens === extglob.parens + 1) {
        extglobClose(extglobs.pop());
        continue;
      }

      push({ type: 'paren', value, output: state.parens ? ')' : '\\)' });
      decrement('parens');
      continue;
    }

    /**
     * Square brackets
     */

    if (value === '[') {
      if (opts.nobracket === true || !remaining().includes(']')) {
        if (opts.nobracket !== true && opts.strictBrackets === true) {
          throw new SyntaxError(syntaxError('closing', ']'));
        }

        value = `\\${value}`;
      } else {
        increment('brackets');
      }

      push({ type: 'bracket', value });
      continue;
    }

    if (value === ']') {
      if (opts.nobracket === true || (prev && prev.type === 'bracket' && prev.value.length === 1)) {
        push({ type: 'text', value, output: `\\${value}` });
        continue;
      }

      if (state.brackets === 0) {
        if (opts.strictBrackets === true) {
          throw new SyntaxError(syntaxError('opening', '['));
        }

        push({ type: 'text', value, output: `\\${value}` });
        continue;
      }

      decrement('brackets');

      const prevValue = prev.value.slice(1);
      if (prev.posix !== true && prevValue[0] === '^' && !prevValue.includes('/')) {
        value = `/${value}`;
      }

      prev.value += value;
      append({ value });

      // when literal brackets are explicitly disabled
      // assume we should match with a regex character class
      if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
        continue;
      }

      const escaped = utils.escapeRegex(prev.value);
      state.output = state.output.slice(0, -prev.value.length);

      // when literal brackets are explicitly enabled
      // assume we should escape the brackets to match literal characters
      if (opts.literalBrackets === true) {
        state.output += escaped;
        prev.value = escaped;
        continue;
      }

      // when the user specifies nothing, try to match both
      prev.value = `(${capture}${escaped}|${prev.value})`;
      state.output += prev.value;
      continue;
    }

    /**
     * Braces
     */

    if (value === '{' && opts.nobrace !== true) {
      increment('braces');

      const open = {
        type: 'brace',
        value,
        output: '(',
        outputIndex: state.output.length,
        tokensIndex: state.tokens.length
      };

      braces.push(open);
      push(open);
      continue;
    }

    if (value === '}') {
      const brace = braces[braces.length - 1];

      if (opts.nobrace === true || !brace) {
        push({ type: 'text', value, output: value });
        continue;
      }

      let output = ')';

      if (brace.dots === true) {
        const arr = tokens.slice();
        const range = [];

        for (let i = arr.length - 1; i >= 0; i--) {
          tokens.pop();
          if (arr[i].type === 'brace') {
            break;
          }
          if (arr[i].type !== 'dots') {
            range.unshift(arr[i].value);
          }
        }

        output = expandRange(range, opts);
        state.backtrack = true;
      }

      if (brace.comma !== true && brace.dots !== true) {
        const out = state.output.slice(0, brace.outputIndex);
        const toks = state.tokens.slice(brace.tokensIndex);
        brace.value = brace.output = '\\{';
        value = output = '\\}';
        state.output = out;
        for (const t of toks) {
          state.output += (t.output || t.value);
        }
      }

      push({ type: 'brace', value, output });
      decrement('braces');
      braces.pop();
      continue;
    }

    /**
     * Pipes
     */

    if (value === '|') {
      if (extglobs.length > 0) {
        extglobs[extglobs.length - 1].conditions++;
      }
      push({ type: 'text', value });
      continue;
    }

    /**
     * Commas
     */

    if (value === ',') {
      let output = value;

      const brace = braces[braces.length - 1];
      if (brace && stack[stack.length - 1] === 'braces') {
        brace.comma = true;
        output = '|';
      }

      push({ type: 'comma', value, output });
      continue;
    }

    /**
     * Slashes
     */

    if (value === '/') {
      // if the beginning of the glob is "./", advance the start
      // to the current index, and don't add the "./" characters
      // to the state. This greatly simplifies lookbehinds when
      // checking for BOS characters like "!" and "." (not "./")
      if (prev.type === 'dot' && state.index === state.start + 1) {
        state.start = state.index + 1;
        state.consumed = '';
        state.output = '';
        tokens.pop();
        prev = bos; // reset "prev" to the first token
        continue;
      }

      push({ type: 'slash', value, output: SLASH_LITERAL });
      continue;
    }

    /**
     * Dots
     */

    if (value === '.') {
      if (state.braces > 0 && prev.type === 'dot') {
        if (prev.value === '.') prev.output = DOT_LITERAL;
        const brace = braces[braces.length - 1];
        prev.type = 'dots';
        prev.output += value;
        prev.value += value;
        brace.dots = true;
        continue;
      }

      if ((state.braces + state.parens) === 0 && prev.type !== 'bos' && prev.type !== 'slash') {
        push({ type: 'text', value, output: DOT_LITERAL });
        continue;
      }

      push({ type: 'dot', value, output: DOT_LITERAL });
      continue;
    }

    /**
     * Question marks
     */

    if (value === '?') {
      const isGroup = prev && prev.value === '(';
      if (!isGroup && opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        extglobOpen('qmark', value);
        continue;
      }

      if (prev && prev.type === 'paren') {
        const next = peek();
        let output = value;

        if ((prev.value === '(' && !/[!=<:]/.test(next)) || (next === '<' && !/<([!=]|\w+>)/.test(remaining()))) {
          output = `\\${value}`;
        }

        push({ type: 'text', value, output });
        continue;
      }

      if (opts.dot !== true && (prev.type === 'slash' || prev.type === 'bos')) {
        push({ type: 'qmark', value, output: QMARK_NO_DOT });
        continue;
      }

      push({ type: 'qmark', value, output: QMARK });
      continue;
    }

    /**
     * Exclamation
     */

    if (value === '!') {
      if (opts.noextglob !== true && peek() === '(') {
        if (peek(2) !== '?' || !/[!=<:]/.test(peek(3))) {
          extglobOpen('negate', value);
          continue;
        }
      }

      if (opts.nonegate !== true && state.index === 0) {
        negate();
        continue;
      }
    }

    /**
     * Plus
     */

    if (value === '+') {
      if (opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        extglobOpen('plus', value);
        continue;
      }

      if ((prev && prev.value === '(') || opts.regex === false) {
        push({ type: 'plus', value, output: PLUS_LITERAL });
        continue;
      }

      if ((prev && (prev.type === 'bracket' || prev.type === 'paren' || prev.type === 'brace')) || state.parens > 0) {
        push({ type: 'plus', value });
        continue;
      }

      push({ type: 'plus', value: PLUS_LITERAL });
      continue;
    }

    /**
     * Plain text
     */

    if (value === '@') {
      if (opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        push({ type: 'at', extglob: true, value, output: '' });
        continue;
      }

      push({ type: 'text', value });
      continue;
    }

    /**
     * Plain text
     */

    if (value !== '*') {
      if (value === '$' || value === '^') {
        value = `\\${value}`;
      }

      const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
      if (match) {
        value += match[0];
        state.index += match[0].length;
      }

      push({ type: 'text', value });
      continue;
    }

    /**
     * Stars
     */

    if (prev && (prev.type === 'globstar' || prev.star === true)) {
      prev.type = 'star';
      prev.star = true;
      prev.value += value;
      prev.output = star;
      state.backtrack = true;
      state.globstar = true;
      consume(value);
      continue;
    }

    let rest = remaining();
    if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
      extglobOpen('star', value);
      continue;
    }

    if (prev.type === 'star') {
      if (opts.noglobstar === true) {
        consume(value);
        continue;
      }

      const prior = prev.prev;
      const before = prior.prev;
      const isStart = prior.type === 'slash' || prior.type === 'bos';
      const afterStar = before && (before.type === 'star' || before.type === 'globstar');

      if (opts.bash === true && (!isStart || (rest[0] && rest[0] !== '/'))) {
        push({ type: 'star', value, output: '' });
        continue;
      }

      const isBrace = state.braces > 0 && (prior.type === 'comma' || prior.type === 'brace');
      const isExtglob = extglobs.length && (prior.type === 'pipe' || prior.type === 'paren');
      if (!isStart && prior.type !== 'paren' && !isBrace && !isExtglob) {
        push({ type: 'star', value, output: '' });
        continue;
      }

      // strip consecutive `/**/`
      while (rest.slice(0, 3) === '/**') {
        const after = input[state.index + 4];
        if (after && after !== '/') {
          break;
        }
        rest = rest.slice(3);
        consume('/**', 3);
      }

      // A globstar followed only by balanced closing parens is at the logical end of patterns like
      // `test(/utils/**)` and `test?(/utils/**)`. Treat it as EOS so the trailing `/**` can match its
      // parent path, except in negated extglobs where that would change the exclusion semantics.
      const isEnd = eos() || (
        state.parens > 0
        && rest === ')'.repeat(state.parens)
        && !extglobs.some(extglob => extglob.type === 'negate')
      );

      if (prior.type === 'bos' && eos()) {
        prev.type = 'globstar';
        prev.value += value;
        prev.output = globstar(opts);
        state.output = prev.output;
        state.globstar = true;
        consume(value);
        continue;
      }

      if (prior.type === 'slash' && prior.prev.type !== 'bos' && !afterStar && isEnd) {
        state.output = state.output.slice(0, -(prior.output + prev.output).length);
        prior.output = `(?:${prior.output}`;

        prev.type = 'globstar';
        prev.output = globstar(opts) + (opts.strictSlashes ? ')' : '|$)');
        prev.value += value;
        state.globstar = true;
        state.output += prior.output + prev.output;
        consume(value);
        continue;
      }

      if (prior.type === 'slash' && prior.prev.type !== 'bos' && rest[0] === '/') {
        const end = rest[1] !== void 0 ? '|$' : '';

        state.output = state.output.slice(0, -(prior.output + prev.output).length);
        prior.output = `(?:${prior.output}`;

        prev.type = 'globstar';
        prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
        prev.value += value;

        state.output += prior.output + prev.output;
        state.globstar = true;

        consume(value + advance());

        push({ type: 'slash', value: '/', output: '' });
        continue;
      }

      if (prior.type === 'bos' && rest[0] === '/') {
        prev.type = 'globstar';
        prev.value += value;
        prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
        state.output = prev.output;
        state.globstar = true;
        consume(value + advance());
        push({ type: 'slash', value: '/', output: '' });
        continue;
      }

      // remove single star from output
      state.output = state.output.slice(0, -prev.output.length);

      // reset previous token to globstar
      prev.type = 'globstar';
      prev.output = globstar(opts);
      prev.value += value;

      // reset output with globstar
      state.output += prev.output;
      state.globstar = true;
      consume(value);
      continue;
    }

    const token = { type: 'star', value, output: star };

    if (opts.bash === true) {
      token.output = '.*?';
      if (prev.type === 'bos' || prev.type === 'slash') {
        token.output = nodot + token.output;
      }
      push(token);
      continue;
    }

    if (prev && (prev.type === 'bracket' || prev.type === 'paren') && opts.regex === true) {
      token.output = value;
      push(token);
      continue;
    }

    if (state.index === state.start || prev.type === 'slash' || prev.type === 'dot') {
      if (prev.type === 'dot') {
        state.output += NO_DOT_SLASH;
        prev.output += NO_DOT_SLASH;

      } else if (opts.dot === true) {
        state.output += NO_DOTS_SLASH;
        prev.output += NO_DOTS_SLASH;

      } else {
        state.output += nodot;
        prev.output += nodot;
      }

      if (peek() !== '*') {
        state.output += ONE_CHAR;
        prev.output += ONE_CHAR;
      }
    }

    push(token);
  }

  while (state.brackets > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', ']'));
    state.output = utils.escapeLast(state.output, '[');
    decrement('brackets');
  }

  while (state.parens > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', ')'));
    state.output = utils.escapeLast(state.output, '(');
    decrement('parens');
  }

  while (state.braces > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', '}'));
    state.output = utils.escapeLast(state.output, '{');
    decrement('braces');
  }

  if (opts.strictSlashes !== true && (prev.type === 'star' || prev.type === 'bracket')) {
    push({ type: 'maybe_slash', value: '', output: `${SLASH_LITERAL}?` });
  }

  // rebuild the output if we had to backtrack at any point
  if (state.backtrack === true) {
    state.output = '';

    for (const token of state.tokens) {
      state.output += token.output != null ? token.output : token.value;

      if (token.suffix) {
        state.output += token.suffix;
      }
    }
  }

  return state;
};

/**
 * Fast paths for creating regular expressions for common glob patterns.
 * This can significantly speed up processing and has very little downside
 * impact when none of the fast paths match.
 */

parse.fastpaths = (input, options) => {
  const opts = { ...options };
  const max = typeof opts.maxLength === 'number' ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
  const len = input.length;
  if (len > max) {
    throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
  }

  input = REPLACEMENTS[input] || input;

  // create constants based on platform, for windows or posix
  const {
    DOT_LITERAL,
    SLASH_LITERAL,
    ONE_CHAR,
    DOTS_SLASH,
    NO_DOT,
    NO_DOTS,
    NO_DOTS_SLASH,
    STAR,
    START_ANCHOR
  } = constants.globChars(opts.windows);

  const nodot = opts.dot ? NO_DOTS : NO_DOT;
  const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
  const capture = opts.capture ? '' : '?:';
  const state = { negated: false, prefix: '' };
  let star = opts.bash === true ? '.*?' : STAR;

  if (opts.capture) {
    star = `(${star})`;
  }

  const globstar = opts => {
    if (opts.noglobstar === true) return star;
    return `(${capture}(?:(?!${START_ANCHOR}${opts.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
  };

  const create = str => {
    switch (str) {
      case '*':
        return `${nodot}${ONE_CHAR}${star}`;

      case '.*':
        return `${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '*.*':
        return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '*/*':
        return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;

      case '**':
        return nodot + globstar(opts);

      case '**/*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;

      case '**/*.*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '**/.*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;

      default: {
        const match = /^(.*?)\.(\w+)$/.exec(str);
        if (!match) return;

        const source = create(match[1]);
        if (!source) return;

        return source + DOT_LITERAL + match[2];
      }
    }
  };

  const output = utils.removePrefix(input, state);
  let source = create(output);

  if (source && opts.strictSlashes !== true) {
    source += `${SLASH_LITERAL}?`;
  }

  return source;
};

module.exports = parse;


/***/ }),

/***/ 8016:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const scan = __nccwpck_require__(1781);
const parse = __nccwpck_require__(8265);
const utils = __nccwpck_require__(4059);
const constants = __nccwpck_require__(5595);
const isObject = val => val && typeof val === 'object' && !Array.isArray(val);

/**
 * Creates a matcher function from one or more glob patterns. The
 * returned function takes a string to match as its first argument,
 * and returns true if the string is a match. The returned matcher
 * function also takes a boolean as the second argument that, when true,
 * returns an object with additional information.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch(glob[, options]);
 *
 * const isMatch = picomatch('*.!(*a)');
 * console.log(isMatch('a.a')); //=> false
 * console.log(isMatch('a.b')); //=> true
 *
 * // For environments without `node.js`, `picomatch/posix` provides you a dependency-free matcher, without automatic OS detection.
 * const picomatch = require('picomatch/posix');
 * // the same API, defaulting to posix paths
 * const isMatch = picomatch('a/*');
 * console.log(isMatch('a\\b')); //=> false
 * console.log(isMatch('a/b')); //=> true
 *
 * // you can still configure the matcher function to accept windows paths
 * const isMatch = picomatch('a/*', { options: windows });
 * console.log(isMatch('a\\b')); //=> true
 * console.log(isMatch('a/b')); //=> true
 * ```
 * @name picomatch
 * @param {String|Array} `globs` One or more glob patterns.
 * @param {Object=} `options`
 * @return {Function=} Returns a matcher function.
 * @api public
 */

const picomatch = (glob, options, returnState = false) => {
  if (Array.isArray(glob)) {
    const fns = glob.map(input => picomatch(input, options, returnState));
    const arrayMatcher = str => {
      for (const isMatch of fns) {
        const state = isMatch(str);
        if (state) return state;
      }
      return false;
    };
    return arrayMatcher;
  }

  const isState = isObject(glob) && glob.tokens && glob.input;

  if (glob === '' || (typeof glob !== 'string' && !isState)) {
    throw new TypeError('Expected pattern to be a non-empty string');
  }

  const opts = options || {};
  const posix = opts.windows;
  const regex = isState
    ? picomatch.compileRe(glob, options)
    : picomatch.makeRe(glob, options, false, true);

  const state = regex.state;
  delete regex.state;

  let isIgnored = () => false;
  if (opts.ignore) {
    const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
    isIgnored = picomatch(opts.ignore, ignoreOpts, returnState);
  }

  const matcher = (input, returnObject = false) => {
    const { isMatch, match, output } = picomatch.test(input, regex, options, { glob, posix });
    const result = { glob, state, regex, posix, input, output, match, isMatch };

    if (typeof opts.onResult === 'function') {
      opts.onResult(result);
    }

    if (isMatch === false) {
      result.isMatch = false;
      return returnObject ? result : false;
    }

    if (isIgnored(input)) {
      if (typeof opts.onIgnore === 'function') {
        opts.onIgnore(result);
      }
      result.isMatch = false;
      return returnObject ? result : false;
    }

    if (typeof opts.onMatch === 'function') {
      opts.onMatch(result);
    }
    return returnObject ? result : true;
  };

  if (returnState) {
    matcher.state = state;
  }

  return matcher;
};

/**
 * Test `input` with the given `regex`. This is used by the main
 * `picomatch()` function to test the input string.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.test(input, regex[, options]);
 *
 * console.log(picomatch.test('foo/bar', /^(?:([^/]*?)\/([^/]*?))$/));
 * // { isMatch: true, match: [ 'foo/', 'foo', 'bar' ], output: 'foo/bar' }
 * ```
 * @param {String} `input` String to test.
 * @param {RegExp} `regex`
 * @return {Object} Returns an object with matching info.
 * @api public
 */

picomatch.test = (input, regex, options, { glob, posix } = {}) => {
  if (typeof input !== 'string') {
    throw new TypeError('Expected input to be a string');
  }

  if (input === '') {
    return { isMatch: false, output: '' };
  }

  const opts = options || {};
  const format = opts.format || (posix ? utils.toPosixSlashes : null);
  let match = input === glob;
  let output = (match && format) ? format(input) : input;

  if (match === false) {
    output = format ? format(input) : input;
    match = output === glob;
  }

  if (match === false || opts.capture === true) {
    if (opts.matchBase === true || opts.basename === true) {
      match = picomatch.matchBase(input, regex, options, posix);
    } else {
      match = regex.exec(output);
    }
  }

  return { isMatch: Boolean(match), match, output };
};

/**
 * Match the basename of a filepath.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.matchBase(input, glob[, options]);
 * console.log(picomatch.matchBase('foo/bar.js', '*.js'); // true
 * ```
 * @param {String} `input` String to test.
 * @param {RegExp|String} `glob` Glob pattern or regex created by [.makeRe](#makeRe).
 * @return {Boolean}
 * @api public
 */

picomatch.matchBase = (input, glob, options, posix = options && options.windows) => {
  const regex = glob instanceof RegExp ? glob : picomatch.makeRe(glob, options);
  return regex.test(utils.basename(input, { windows: posix }));
};

/**
 * Returns true if **any** of the given glob `patterns` match the specified `string`.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.isMatch(string, patterns[, options]);
 *
 * console.log(picomatch.isMatch('a.a', ['b.*', '*.a'])); //=> true
 * console.log(picomatch.isMatch('a.a', 'b.*')); //=> false
 * ```
 * @param {String|Array} str The string to test.
 * @param {String|Array} patterns One or more glob patterns to use for matching.
 * @param {Object} [options] See available [options](#options).
 * @return {Boolean} Returns true if any patterns match `str`
 * @api public
 */

picomatch.isMatch = (str, patterns, options) => picomatch(patterns, options)(str);

/**
 * Parse a glob pattern to create the source string for a regular
 * expression.
 *
 * ```js
 * const picomatch = require('picomatch');
 * const result = picomatch.parse(pattern[, options]);
 * ```
 * @param {String} `pattern`
 * @param {Object} `options`
 * @return {Object} Returns an object with useful properties and output to be used as a regex source string.
 * @api public
 */

picomatch.parse = (pattern, options) => {
  if (Array.isArray(pattern)) return pattern.map(p => picomatch.parse(p, options));
  return parse(pattern, { ...options, fastpaths: false });
};

/**
 * Scan a glob pattern to separate the pattern into segments.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.scan(input[, options]);
 *
 * const result = picomatch.scan('!./foo/*.js');
 * console.log(result);
 * { prefix: '!./',
 *   input: '!./foo/*.js',
 *   start: 3,
 *   base: 'foo',
 *   glob: '*.js',
 *   isBrace: false,
 *   isBracket: false,
 *   isGlob: true,
 *   isExtglob: false,
 *   isGlobstar: false,
 *   negated: true }
 * ```
 * @param {String} `input` Glob pattern to scan.
 * @param {Object} `options`
 * @return {Object} Returns an object with
 * @api public
 */

picomatch.scan = (input, options) => scan(input, options);

/**
 * Compile a regular expression from the `state` object returned by the
 * [parse()](#parse) method.
 *
 * ```js
 * const picomatch = require('picomatch');
 * const state = picomatch.parse('*.js');
 * // picomatch.compileRe(state[, options]);
 *
 * console.log(picomatch.compileRe(state));
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {Object} `state`
 * @param {Object} `options`
 * @param {Boolean} `returnOutput` Intended for implementors, this argument allows you to return the raw output from the parser.
 * @param {Boolean} `returnState` Adds the state to a `state` property on the returned regex. Useful for implementors and debugging.
 * @return {RegExp}
 * @api public
 */

picomatch.compileRe = (state, options, returnOutput = false, returnState = false) => {
  if (returnOutput === true) {
    return state.output;
  }

  const opts = options || {};
  const prepend = opts.contains ? '' : '^';
  const append = opts.contains ? '' : '$';

  let source = `${prepend}(?:${state.output})${append}`;
  if (state && state.negated === true) {
    source = `^(?!${source}).*$`;
  }

  const regex = picomatch.toRegex(source, options);
  if (returnState === true) {
    regex.state = state;
  }

  return regex;
};

/**
 * Create a regular expression from a parsed glob pattern.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.makeRe(state[, options]);
 *
 * const result = picomatch.makeRe('*.js');
 * console.log(result);
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {String} `state` The object returned from the `.parse` method.
 * @param {Object} `options`
 * @param {Boolean} `returnOutput` Implementors may use this argument to return the compiled output, instead of a regular expression. This is not exposed on the options to prevent end-users from mutating the result.
 * @param {Boolean} `returnState` Implementors may use this argument to return the state from the parsed glob with the returned regular expression.
 * @return {RegExp} Returns a regex created from the given pattern.
 * @api public
 */

picomatch.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
  if (!input || typeof input !== 'string') {
    throw new TypeError('Expected a non-empty string');
  }

  let parsed = { negated: false, fastpaths: true };

  if (options.fastpaths !== false && (input[0] === '.' || input[0] === '*')) {
    parsed.output = parse.fastpaths(input, options);
  }

  if (!parsed.output) {
    parsed = parse(input, options);
  }

  return picomatch.compileRe(parsed, options, returnOutput, returnState);
};

/**
 * Create a regular expression from the given regex source string.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.toRegex(source[, options]);
 *
 * const { output } = picomatch.parse('*.js');
 * console.log(picomatch.toRegex(output));
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {String} `source` Regular expression source string.
 * @param {Object} `options`
 * @return {RegExp}
 * @api public
 */

picomatch.toRegex = (source, options) => {
  try {
    const opts = options || {};
    return new RegExp(source, opts.flags || (opts.nocase ? 'i' : ''));
  } catch (err) {
    if (options && options.debug === true) throw err;
    return /$^/;
  }
};

/**
 * Picomatch constants.
 * @return {Object}
 */

picomatch.constants = constants;

/**
 * Expose "picomatch"
 */

module.exports = picomatch;


/***/ }),

/***/ 1781:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const utils = __nccwpck_require__(4059);
const {
  CHAR_ASTERISK,             /* * */
  CHAR_AT,                   /* @ */
  CHAR_BACKWARD_SLASH,       /* \ */
  CHAR_COMMA,                /* , */
  CHAR_DOT,                  /* . */
  CHAR_EXCLAMATION_MARK,     /* ! */
  CHAR_FORWARD_SLASH,        /* / */
  CHAR_LEFT_CURLY_BRACE,     /* { */
  CHAR_LEFT_PARENTHESES,     /* ( */
  CHAR_LEFT_SQUARE_BRACKET,  /* [ */
  CHAR_PLUS,                 /* + */
  CHAR_QUESTION_MARK,        /* ? */
  CHAR_RIGHT_CURLY_BRACE,    /* } */
  CHAR_RIGHT_PARENTHESES,    /* ) */
  CHAR_RIGHT_SQUARE_BRACKET  /* ] */
} = __nccwpck_require__(5595);

const isPathSeparator = code => {
  return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
};

const depth = token => {
  if (token.isPrefix !== true) {
    token.depth = token.isGlobstar ? Infinity : 1;
  }
};

/**
 * Quickly scans a glob pattern and returns an object with a handful of
 * useful properties, like `isGlob`, `path` (the leading non-glob, if it exists),
 * `glob` (the actual pattern), `negated` (true if the path starts with `!` but not
 * with `!(`) and `negatedExtglob` (true if the path starts with `!(`).
 *
 * ```js
 * const pm = require('picomatch');
 * console.log(pm.scan('foo/bar/*.js'));
 * { isGlob: true, input: 'foo/bar/*.js', base: 'foo/bar', glob: '*.js' }
 * ```
 * @param {String} `str`
 * @param {Object} `options`
 * @return {Object} Returns an object with tokens and regex source string.
 * @api public
 */

const scan = (input, options) => {
  const opts = options || {};

  const length = input.length - 1;
  const scanToEnd = opts.parts === true || opts.tokens === true || opts.scanToEnd === true;
  const slashes = [];
  const tokens = [];
  const parts = [];

  let str = input;
  let index = -1;
  let start = 0;
  let lastIndex = 0;
  let isBrace = false;
  let isBracket = false;
  let isGlob = false;
  let isExtglob = false;
  let isGlobstar = false;
  let braceEscaped = false;
  let backslashes = false;
  let negated = false;
  let negatedExtglob = false;
  let finished = false;
  let braces = 0;
  let prev;
  let code;
  let token = { value: '', depth: 0, isGlob: false };

  const eos = () => index >= length;
  const peek = () => str.charCodeAt(index + 1);
  const advance = () => {
    prev = code;
    return str.charCodeAt(++index);
  };

  while (index < length) {
    code = advance();
    let next;

    if (code === CHAR_BACKWARD_SLASH) {
      backslashes = token.backslashes = true;
      code = advance();

      if (code === CHAR_LEFT_CURLY_BRACE) {
        braceEscaped = true;
      }
      continue;
    }

    if (braceEscaped === true || code === CHAR_LEFT_CURLY_BRACE) {
      braces++;

      while (eos() !== true && (code = advance())) {
        if (code === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          advance();
          continue;
        }

        if (code === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          continue;
        }

        if (braceEscaped !== true && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
          isBrace = token.isBrace = true;
          isGlob = token.isGlob = true;
          finished = true;

          if (scanToEnd === true) {
            continue;
          }

          break;
        }

        if (braceEscaped !== true && code === CHAR_COMMA) {
          isBrace = token.isBrace = true;
          isGlob = token.isGlob = true;
          finished = true;

          if (scanToEnd === true) {
            continue;
          }

          break;
        }

        if (code === CHAR_RIGHT_CURLY_BRACE) {
          braces--;

          if (braces === 0) {
            braceEscaped = false;
            isBrace = token.isBrace = true;
            finished = true;
            break;
          }
        }
      }

      if (scanToEnd === true) {
        continue;
      }

      break;
    }

    if (code === CHAR_FORWARD_SLASH) {
      slashes.push(index);
      tokens.push(token);
      token = { value: '', depth: 0, isGlob: false };

      if (finished === true) continue;
      if (prev === CHAR_DOT && index === (start + 1)) {
        start += 2;
        continue;
      }

      lastIndex = index + 1;
      continue;
    }

    if (opts.noext !== true) {
      const isExtglobChar = code === CHAR_PLUS
        || code === CHAR_AT
        || code === CHAR_ASTERISK
        || code === CHAR_QUESTION_MARK
        || code === CHAR_EXCLAMATION_MARK;

      if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
        isGlob = token.isGlob = true;
        isExtglob = token.isExtglob = true;
        finished = true;
        if (code === CHAR_EXCLAMATION_MARK && index === start) {
          negatedExtglob = true;
        }

        if (scanToEnd === true) {
          let parens = 0;

          while (eos() !== true && (code = advance())) {
            if (code === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }

            if (code === CHAR_LEFT_PARENTHESES) {
              parens++;
              continue;
            }

            if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
              finished = true;
              break;
            }
          }
          continue;
        }
        break;
      }
    }

    if (code === CHAR_ASTERISK) {
      if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
      isGlob = token.isGlob = true;
      finished = true;

      if (scanToEnd === true) {
        continue;
      }
      break;
    }

    if (code === CHAR_QUESTION_MARK) {
      isGlob = token.isGlob = true;
      finished = true;

      if (scanToEnd === true) {
        continue;
      }
      break;
    }

    if (code === CHAR_LEFT_SQUARE_BRACKET) {
      while (eos() !== true && (next = advance())) {
        if (next === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          advance();
          continue;
        }

        if (next === CHAR_RIGHT_SQUARE_BRACKET) {
          isBracket = token.isBracket = true;
          isGlob = token.isGlob = true;
          finished = true;
          break;
        }
      }

      if (scanToEnd === true) {
        continue;
      }

      break;
    }

    if (opts.nonegate !== true && code === CHAR_EXCLAMATION_MARK && index === start) {
      negated = token.negated = true;
      start++;
      continue;
    }

    if (opts.noparen !== true && code === CHAR_LEFT_PARENTHESES) {
      isGlob = token.isGlob = true;

      if (scanToEnd === true) {
        let parens = 1;

        while (eos() !== true && (code = advance())) {
          if (code === CHAR_BACKWARD_SLASH) {
            backslashes = token.backslashes = true;
            advance();
            continue;
          }

          if (code === CHAR_LEFT_PARENTHESES) {
            parens++;
            continue;
          }

          if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
            finished = true;
            break;
          }
        }
        continue;
      }
      break;
    }

    if (isGlob === true) {
      finished = true;

      if (scanToEnd === true) {
        continue;
      }

      break;
    }
  }

  if (opts.noext === true) {
    isExtglob = false;
    isGlob = false;
  }

  let base = str;
  let prefix = '';
  let glob = '';

  if (start > 0) {
    prefix = str.slice(0, start);
    str = str.slice(start);
    lastIndex -= start;
  }

  if (base && isGlob === true && lastIndex > 0) {
    base = str.slice(0, lastIndex);
    glob = str.slice(lastIndex);
  } else if (isGlob === true) {
    base = '';
    glob = str;
  } else {
    base = str;
  }

  if (base && base !== '' && base !== '/' && base !== str) {
    if (isPathSeparator(base.charCodeAt(base.length - 1))) {
      base = base.slice(0, -1);
    }
  }

  if (opts.unescape === true) {
    if (glob) glob = utils.removeBackslashes(glob);

    if (base && backslashes === true) {
      base = utils.removeBackslashes(base);
    }
  }

  const state = {
    prefix,
    input,
    start,
    base,
    glob,
    isBrace,
    isBracket,
    isGlob,
    isExtglob,
    isGlobstar,
    negated,
    negatedExtglob
  };

  if (opts.tokens === true) {
    state.maxDepth = 0;
    if (!isPathSeparator(code)) {
      tokens.push(token);
    }
    state.tokens = tokens;
  }

  if (opts.parts === true || opts.tokens === true) {
    let prevIndex;

    for (let idx = 0; idx < slashes.length; idx++) {
      const n = prevIndex !== undefined ? prevIndex + 1 : start;
      const i = slashes[idx];
      const value = input.slice(n, i);
      if (opts.tokens) {
        if (idx === 0 && start !== 0) {
          tokens[idx].isPrefix = true;
          tokens[idx].value = prefix;
        } else {
          tokens[idx].value = value;
        }
        depth(tokens[idx]);
        state.maxDepth += tokens[idx].depth;
      }
      if (i >= start) {
        parts.push(value);
        prevIndex = i;
      }
    }

    const n = prevIndex !== undefined ? prevIndex + 1 : start;
    const value = input.slice(n);
    parts.push(value);

    if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
      tokens[tokens.length - 1].value = value;
      depth(tokens[tokens.length - 1]);
      state.maxDepth += tokens[tokens.length - 1].depth;
    }

    state.slashes = slashes;
    state.parts = parts;
  }

  return state;
};

module.exports = scan;


/***/ }),

/***/ 4059:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

/*global navigator*/


const {
  REGEX_BACKSLASH,
  REGEX_REMOVE_BACKSLASH,
  REGEX_SPECIAL_CHARS,
  REGEX_SPECIAL_CHARS_GLOBAL
} = __nccwpck_require__(5595);

exports.isObject = val => val !== null && typeof val === 'object' && !Array.isArray(val);
exports.hasRegexChars = str => REGEX_SPECIAL_CHARS.test(str);
exports.isRegexChar = str => str.length === 1 && exports.hasRegexChars(str);
exports.escapeRegex = str => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, '\\$1');
exports.toPosixSlashes = str => str.replace(REGEX_BACKSLASH, '/');

exports.isWindows = () => {
  if (typeof navigator !== 'undefined' && navigator.platform) {
    const platform = navigator.platform.toLowerCase();
    return platform === 'win32' || platform === 'windows';
  }

  if (typeof process !== 'undefined' && process.platform) {
    return process.platform === 'win32';
  }

  return false;
};

exports.removeBackslashes = str => {
  return str.replace(REGEX_REMOVE_BACKSLASH, match => {
    return match === '\\' ? '' : match;
  });
};

exports.escapeLast = (input, char, lastIdx) => {
  const idx = input.lastIndexOf(char, lastIdx);
  if (idx === -1) return input;
  if (input[idx - 1] === '\\') return exports.escapeLast(input, char, idx - 1);
  return `${input.slice(0, idx)}\\${input.slice(idx)}`;
};

exports.removePrefix = (input, state = {}) => {
  let output = input;
  if (output.startsWith('./')) {
    output = output.slice(2);
    state.prefix = './';
  }
  return output;
};

exports.wrapOutput = (input, state = {}, options = {}) => {
  const prepend = options.contains ? '' : '^';
  const append = options.contains ? '' : '$';

  let output = `${prepend}(?:${input})${append}`;
  if (state.negated === true) {
    output = `(?:^(?!${output}).*$)`;
  }
  return output;
};

exports.basename = (path, { windows } = {}) => {
  const segs = path.split(windows ? /[\\/]/ : '/');
  const last = segs[segs.length - 1];

  if (last === '') {
    return segs[segs.length - 2];
  }

  return last;
};


/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 7349:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveBlockMap = __nccwpck_require__(7103);
var resolveBlockSeq = __nccwpck_require__(334);
var resolveFlowCollection = __nccwpck_require__(3142);

function resolveCollection(CN, ctx, token, onError, tagName, tag) {
    const coll = token.type === 'block-map'
        ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag)
        : token.type === 'block-seq'
            ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag)
            : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
    const Coll = coll.constructor;
    // If we got a tagName matching the class, or the tag name is '!',
    // then use the tagName from the node class used to create it.
    if (tagName === '!' || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
    }
    if (tagName)
        coll.tag = tagName;
    return coll;
}
function composeCollection(CN, ctx, token, props, onError) {
    const tagToken = props.tag;
    const tagName = !tagToken
        ? null
        : ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg));
    if (token.type === 'block-seq') {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken
            ? anchor.offset > tagToken.offset
                ? anchor
                : tagToken
            : (anchor ?? tagToken);
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
            const message = 'Missing newline after block sequence props';
            onError(lastProp, 'MISSING_CHAR', message);
        }
    }
    const expType = token.type === 'block-map'
        ? 'map'
        : token.type === 'block-seq'
            ? 'seq'
            : token.start.source === '{'
                ? 'map'
                : 'seq';
    // shortcut: check if it's a generic YAMLMap or YAMLSeq
    // before jumping into the custom tag logic.
    if (!tagToken ||
        !tagName ||
        tagName === '!' ||
        (tagName === YAMLMap.YAMLMap.tagName && expType === 'map') ||
        (tagName === YAMLSeq.YAMLSeq.tagName && expType === 'seq')) {
        return resolveCollection(CN, ctx, token, onError, tagName);
    }
    let tag = ctx.schema.tags.find(t => t.tag === tagName && t.collection === expType);
    if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
            ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
            tag = kt;
        }
        else {
            if (kt) {
                onError(tagToken, 'BAD_COLLECTION_TYPE', `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? 'scalar'}`, true);
            }
            else {
                onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, true);
            }
            return resolveCollection(CN, ctx, token, onError, tagName);
        }
    }
    const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
    const res = tag.resolve?.(coll, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg), ctx.options) ?? coll;
    const node = identity.isNode(res)
        ? res
        : new Scalar.Scalar(res);
    node.range = coll.range;
    node.tag = tagName;
    if (tag?.format)
        node.format = tag.format;
    return node;
}

exports.composeCollection = composeCollection;


/***/ }),

/***/ 3683:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Document = __nccwpck_require__(3021);
var composeNode = __nccwpck_require__(5937);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);

function composeDoc(options, directives, { offset, start, value, end }, onError) {
    const opts = Object.assign({ _directives: directives }, options);
    const doc = new Document.Document(undefined, opts);
    const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
    };
    const props = resolveProps.resolveProps(start, {
        indicator: 'doc-start',
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
    });
    if (props.found) {
        doc.directives.docStart = true;
        if (value &&
            (value.type === 'block-map' || value.type === 'block-seq') &&
            !props.hasNewline)
            onError(props.end, 'MISSING_CHAR', 'Block collection cannot start on same line with directives-end marker');
    }
    // @ts-expect-error If Contents is set, let's trust the user
    doc.contents = value
        ? composeNode.composeNode(ctx, value, props, onError)
        : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
    const contentEnd = doc.contents.range[2];
    const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
    if (re.comment)
        doc.comment = re.comment;
    doc.range = [offset, contentEnd, re.offset];
    return doc;
}

exports.composeDoc = composeDoc;


/***/ }),

/***/ 5937:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var composeCollection = __nccwpck_require__(7349);
var composeScalar = __nccwpck_require__(5413);
var resolveEnd = __nccwpck_require__(7788);
var utilEmptyScalarPosition = __nccwpck_require__(2599);

const CN = { composeNode, composeEmptyNode };
function composeNode(ctx, token, props, onError) {
    const atKey = ctx.atKey;
    const { spaceBefore, comment, anchor, tag } = props;
    let node;
    let isSrcToken = true;
    switch (token.type) {
        case 'alias':
            node = composeAlias(ctx, token, onError);
            if (anchor || tag)
                onError(token, 'ALIAS_PROPS', 'An alias node must not specify any properties');
            break;
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'block-scalar':
            node = composeScalar.composeScalar(ctx, token, tag, onError);
            if (anchor)
                node.anchor = anchor.source.substring(1);
            break;
        case 'block-map':
        case 'block-seq':
        case 'flow-collection':
            try {
                node = composeCollection.composeCollection(CN, ctx, token, props, onError);
                if (anchor)
                    node.anchor = anchor.source.substring(1);
            }
            catch (error) {
                // Almost certainly here due to a stack overflow
                const message = error instanceof Error ? error.message : String(error);
                onError(token, 'RESOURCE_EXHAUSTION', message);
            }
            break;
        default: {
            const message = token.type === 'error'
                ? token.message
                : `Unsupported token (type: ${token.type})`;
            onError(token, 'UNEXPECTED_TOKEN', message);
            isSrcToken = false;
        }
    }
    node ?? (node = composeEmptyNode(ctx, token.offset, undefined, null, props, onError));
    if (anchor && node.anchor === '')
        onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    if (atKey &&
        ctx.options.stringKeys &&
        (!identity.isScalar(node) ||
            typeof node.value !== 'string' ||
            (node.tag && node.tag !== 'tag:yaml.org,2002:str'))) {
        const msg = 'With stringKeys, all keys must be strings';
        onError(tag ?? token, 'NON_STRING_KEY', msg);
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        if (token.type === 'scalar' && token.source === '')
            node.comment = comment;
        else
            node.commentBefore = comment;
    }
    // @ts-expect-error Type checking misses meaning of isSrcToken
    if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
    return node;
}
function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
    const token = {
        type: 'scalar',
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ''
    };
    const node = composeScalar.composeScalar(ctx, token, tag, onError);
    if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === '')
            onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        node.comment = comment;
        node.range[2] = end;
    }
    return node;
}
function composeAlias({ options }, { offset, source, end }, onError) {
    const alias = new Alias.Alias(source.substring(1));
    if (alias.source === '')
        onError(offset, 'BAD_ALIAS', 'Alias cannot be an empty string');
    if (alias.source.endsWith(':'))
        onError(offset + source.length - 1, 'BAD_ALIAS', 'Alias ending in : is ambiguous', true);
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
    alias.range = [offset, valueEnd, re.offset];
    if (re.comment)
        alias.comment = re.comment;
    return alias;
}

exports.composeEmptyNode = composeEmptyNode;
exports.composeNode = composeNode;


/***/ }),

/***/ 5413:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);

function composeScalar(ctx, token, tagToken, onError) {
    const { value, type, comment, range } = token.type === 'block-scalar'
        ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError)
        : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
    const tagName = tagToken
        ? ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg))
        : null;
    let tag;
    if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
    }
    else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
    else if (token.type === 'scalar')
        tag = findScalarTagByTest(ctx, value, token, onError);
    else
        tag = ctx.schema[identity.SCALAR];
    let scalar;
    try {
        const res = tag.resolve(value, msg => onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
    }
    catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg);
        scalar = new Scalar.Scalar(value);
    }
    scalar.range = range;
    scalar.source = value;
    if (type)
        scalar.type = type;
    if (tagName)
        scalar.tag = tagName;
    if (tag.format)
        scalar.format = tag.format;
    if (comment)
        scalar.comment = comment;
    return scalar;
}
function findScalarTagByName(schema, value, tagName, tagToken, onError) {
    if (tagName === '!')
        return schema[identity.SCALAR]; // non-specific tag
    const matchWithTest = [];
    for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
            if (tag.default && tag.test)
                matchWithTest.push(tag);
            else
                return tag;
        }
    }
    for (const tag of matchWithTest)
        if (tag.test?.test(value))
            return tag;
    const kt = schema.knownTags[tagName];
    if (kt && !kt.collection) {
        // Ensure that the known tag is available for stringifying,
        // but does not get used by default.
        schema.tags.push(Object.assign({}, kt, { default: false, test: undefined }));
        return kt;
    }
    onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, tagName !== 'tag:yaml.org,2002:str');
    return schema[identity.SCALAR];
}
function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
    const tag = schema.tags.find(tag => (tag.default === true || (atKey && tag.default === 'key')) &&
        tag.test?.test(value)) || schema[identity.SCALAR];
    if (schema.compat) {
        const compat = schema.compat.find(tag => tag.default && tag.test?.test(value)) ??
            schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
            const ts = directives.tagString(tag.tag);
            const cs = directives.tagString(compat.tag);
            const msg = `Value may be parsed as either ${ts} or ${cs}`;
            onError(token, 'TAG_RESOLVE_FAILED', msg, true);
        }
    }
    return tag;
}

exports.composeScalar = composeScalar;


/***/ }),

/***/ 9984:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var directives = __nccwpck_require__(1342);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var identity = __nccwpck_require__(1127);
var composeDoc = __nccwpck_require__(3683);
var resolveEnd = __nccwpck_require__(7788);

function getErrorPos(src) {
    if (typeof src === 'number')
        return [src, src + 1];
    if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
    const { offset, source } = src;
    return [offset, offset + (typeof source === 'string' ? source.length : 1)];
}
function parsePrelude(prelude) {
    let comment = '';
    let atComment = false;
    let afterEmptyLine = false;
    for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
            case '#':
                comment +=
                    (comment === '' ? '' : afterEmptyLine ? '\n\n' : '\n') +
                        (source.substring(1) || ' ');
                atComment = true;
                afterEmptyLine = false;
                break;
            case '%':
                if (prelude[i + 1]?.[0] !== '#')
                    i += 1;
                atComment = false;
                break;
            default:
                // This may be wrong after doc-end, but in that case it doesn't matter
                if (!atComment)
                    afterEmptyLine = true;
                atComment = false;
        }
    }
    return { comment, afterEmptyLine };
}
/**
 * Compose a stream of CST nodes into a stream of YAML Documents.
 *
 * ```ts
 * import { Composer, Parser } from 'yaml'
 *
 * const src: string = ...
 * const tokens = new Parser().parse(src)
 * const docs = new Composer().compose(tokens)
 * ```
 */
class Composer {
    constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
            const pos = getErrorPos(source);
            if (warning)
                this.warnings.push(new errors.YAMLWarning(pos, code, message));
            else
                this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        this.directives = new directives.Directives({ version: options.version || '1.2' });
        this.options = options;
    }
    decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        //console.log({ dc: doc.comment, prelude, comment })
        if (comment) {
            const dc = doc.contents;
            if (afterDoc) {
                doc.comment = doc.comment ? `${doc.comment}\n${comment}` : comment;
            }
            else if (afterEmptyLine || doc.directives.docStart || !dc) {
                doc.commentBefore = comment;
            }
            else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
                let it = dc.items[0];
                if (identity.isPair(it))
                    it = it.key;
                const cb = it.commentBefore;
                it.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
            else {
                const cb = dc.commentBefore;
                dc.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
        }
        if (afterDoc) {
            for (let i = 0; i < this.errors.length; ++i)
                doc.errors.push(this.errors[i]);
            for (let i = 0; i < this.warnings.length; ++i)
                doc.warnings.push(this.warnings[i]);
        }
        else {
            doc.errors = this.errors;
            doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
    }
    /**
     * Current stream status information.
     *
     * Mostly useful at the end of input for an empty stream.
     */
    streamInfo() {
        return {
            comment: parsePrelude(this.prelude).comment,
            directives: this.directives,
            errors: this.errors,
            warnings: this.warnings
        };
    }
    /**
     * Compose tokens into documents.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
            yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
    }
    /** Advance the composer by one CST token. */
    *next(token) {
        if (node_process.env.LOG_STREAM)
            console.dir(token, { depth: null });
        switch (token.type) {
            case 'directive':
                this.directives.add(token.source, (offset, message, warning) => {
                    const pos = getErrorPos(token);
                    pos[0] += offset;
                    this.onError(pos, 'BAD_DIRECTIVE', message, warning);
                });
                this.prelude.push(token.source);
                this.atDirectives = true;
                break;
            case 'document': {
                const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
                if (this.atDirectives && !doc.directives.docStart)
                    this.onError(token, 'MISSING_CHAR', 'Missing directives-end/doc-start indicator line');
                this.decorate(doc, false);
                if (this.doc)
                    yield this.doc;
                this.doc = doc;
                this.atDirectives = false;
                break;
            }
            case 'byte-order-mark':
            case 'space':
                break;
            case 'comment':
            case 'newline':
                this.prelude.push(token.source);
                break;
            case 'error': {
                const msg = token.source
                    ? `${token.message}: ${JSON.stringify(token.source)}`
                    : token.message;
                const error = new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg);
                if (this.atDirectives || !this.doc)
                    this.errors.push(error);
                else
                    this.doc.errors.push(error);
                break;
            }
            case 'doc-end': {
                if (!this.doc) {
                    const msg = 'Unexpected doc-end without preceding document';
                    this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg));
                    break;
                }
                this.doc.directives.docEnd = true;
                const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
                this.decorate(this.doc, true);
                if (end.comment) {
                    const dc = this.doc.comment;
                    this.doc.comment = dc ? `${dc}\n${end.comment}` : end.comment;
                }
                this.doc.range[2] = end.offset;
                break;
            }
            default:
                this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', `Unsupported token ${token.type}`));
        }
    }
    /**
     * Call at end of input to yield any remaining document.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
            this.decorate(this.doc, true);
            yield this.doc;
            this.doc = null;
        }
        else if (forceDoc) {
            const opts = Object.assign({ _directives: this.directives }, this.options);
            const doc = new Document.Document(undefined, opts);
            if (this.atDirectives)
                this.onError(endOffset, 'MISSING_CHAR', 'Missing directives-end indicator line');
            doc.range = [0, endOffset, endOffset];
            this.decorate(doc, false);
            yield doc;
        }
    }
}

exports.Composer = Composer;


/***/ }),

/***/ 7103:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilFlowIndentCheck = __nccwpck_require__(4051);
var utilMapIncludes = __nccwpck_require__(1187);

const startColMsg = 'All mapping items must start at the same column';
function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
    const map = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    let offset = bm.offset;
    let commentEnd = null;
    for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        // key properties
        const keyProps = resolveProps.resolveProps(start, {
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: bm.indent,
            startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
            if (key) {
                if (key.type === 'block-seq')
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'A block sequence may not be used as an implicit map key');
                else if ('indent' in key && key.indent !== bm.indent)
                    onError(offset, 'BAD_INDENT', startColMsg);
            }
            if (!keyProps.anchor && !keyProps.tag && !sep) {
                commentEnd = keyProps.end;
                if (keyProps.comment) {
                    if (map.comment)
                        map.comment += '\n' + keyProps.comment;
                    else
                        map.comment = keyProps.comment;
                }
                continue;
            }
            if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
                onError(key ?? start[start.length - 1], 'MULTILINE_IMPLICIT_KEY', 'Implicit keys need to be on a single line');
            }
        }
        else if (keyProps.found?.indent !== bm.indent) {
            onError(offset, 'BAD_INDENT', startColMsg);
        }
        // key value
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key
            ? composeNode(ctx, key, keyProps, onError)
            : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
            onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
        // value properties
        const valueProps = resolveProps.resolveProps(sep ?? [], {
            indicator: 'map-value-ind',
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: bm.indent,
            startOnNewline: !key || key.type === 'block-scalar'
        });
        offset = valueProps.end;
        if (valueProps.found) {
            if (implicitKey) {
                if (value?.type === 'block-map' && !valueProps.hasNewline)
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'Nested mappings are not allowed in compact mappings');
                if (ctx.options.strict &&
                    keyProps.start < valueProps.found.offset - 1024)
                    onError(keyNode.range, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit block mapping key');
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
            if (ctx.schema.compat)
                utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
            offset = valueNode.range[2];
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
        else {
            // key with no value
            if (implicitKey)
                onError(keyNode.range, 'MISSING_CHAR', 'Implicit map keys need to be followed by map values');
            if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
    }
    if (commentEnd && commentEnd < offset)
        onError(commentEnd, 'IMPOSSIBLE', 'Map comment with trailing content');
    map.range = [bm.offset, offset, commentEnd ?? offset];
    return map;
}

exports.resolveBlockMap = resolveBlockMap;


/***/ }),

/***/ 8913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function resolveBlockScalar(ctx, scalar, onError) {
    const start = scalar.offset;
    const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
    if (!header)
        return { value: '', type: null, comment: '', range: [start, start, start] };
    const type = header.mode === '>' ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
    const lines = scalar.source ? splitLines(scalar.source) : [];
    // determine the end of content & start of chomping
    let chompStart = lines.length;
    for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === '' || content === '\r')
            chompStart = i;
        else
            break;
    }
    // shortcut for empty contents
    if (chompStart === 0) {
        const value = header.chomp === '+' && lines.length > 0
            ? '\n'.repeat(Math.max(1, lines.length - 1))
            : '';
        let end = start + header.length;
        if (scalar.source)
            end += scalar.source.length;
        return { value, type, comment: header.comment, range: [start, end, end] };
    }
    // find the indentation level to trim from start
    let trimIndent = scalar.indent + header.indent;
    let offset = scalar.offset + header.length;
    let contentStart = 0;
    for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === '' || content === '\r') {
            if (header.indent === 0 && indent.length > trimIndent)
                trimIndent = indent.length;
        }
        else {
            if (indent.length < trimIndent) {
                const message = 'Block scalars with more-indented leading empty lines must use an explicit indentation indicator';
                onError(offset + indent.length, 'MISSING_CHAR', message);
            }
            if (header.indent === 0)
                trimIndent = indent.length;
            contentStart = i;
            if (trimIndent === 0 && !ctx.atRoot) {
                const message = 'Block scalar values in collections must be indented';
                onError(offset, 'BAD_INDENT', message);
            }
            break;
        }
        offset += indent.length + content.length + 1;
    }
    // include trailing more-indented empty lines in content
    for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
            chompStart = i + 1;
    }
    let value = '';
    let sep = '';
    let prevMoreIndented = false;
    // leading whitespace is kept intact
    for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + '\n';
    for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === '\r';
        if (crlf)
            content = content.slice(0, -1);
        /* istanbul ignore if already caught in lexer */
        if (content && indent.length < trimIndent) {
            const src = header.indent
                ? 'explicit indentation indicator'
                : 'first line';
            const message = `Block scalar lines must not be less indented than their ${src}`;
            onError(offset - content.length - (crlf ? 2 : 1), 'BAD_INDENT', message);
            indent = '';
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
        }
        else if (indent.length > trimIndent || content[0] === '\t') {
            // more-indented content within a folded block
            if (sep === ' ')
                sep = '\n';
            else if (!prevMoreIndented && sep === '\n')
                sep = '\n\n';
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
            prevMoreIndented = true;
        }
        else if (content === '') {
            // empty line
            if (sep === '\n')
                value += '\n';
            else
                sep = '\n';
        }
        else {
            value += sep + content;
            sep = ' ';
            prevMoreIndented = false;
        }
    }
    switch (header.chomp) {
        case '-':
            break;
        case '+':
            for (let i = chompStart; i < lines.length; ++i)
                value += '\n' + lines[i][0].slice(trimIndent);
            if (value[value.length - 1] !== '\n')
                value += '\n';
            break;
        default:
            value += '\n';
    }
    const end = start + header.length + scalar.source.length;
    return { value, type, comment: header.comment, range: [start, end, end] };
}
function parseBlockScalarHeader({ offset, props }, strict, onError) {
    /* istanbul ignore if should not happen */
    if (props[0].type !== 'block-scalar-header') {
        onError(props[0], 'IMPOSSIBLE', 'Block scalar header not found');
        return null;
    }
    const { source } = props[0];
    const mode = source[0];
    let indent = 0;
    let chomp = '';
    let error = -1;
    for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === '-' || ch === '+'))
            chomp = ch;
        else {
            const n = Number(ch);
            if (!indent && n)
                indent = n;
            else if (error === -1)
                error = offset + i;
        }
    }
    if (error !== -1)
        onError(error, 'UNEXPECTED_TOKEN', `Block scalar header includes extra characters: ${source}`);
    let hasSpace = false;
    let comment = '';
    let length = source.length;
    for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
            case 'space':
                hasSpace = true;
            // fallthrough
            case 'newline':
                length += token.source.length;
                break;
            case 'comment':
                if (strict && !hasSpace) {
                    const message = 'Comments must be separated from other tokens by white space characters';
                    onError(token, 'MISSING_CHAR', message);
                }
                length += token.source.length;
                comment = token.source.substring(1);
                break;
            case 'error':
                onError(token, 'UNEXPECTED_TOKEN', token.message);
                length += token.source.length;
                break;
            /* istanbul ignore next should not happen */
            default: {
                const message = `Unexpected token in block scalar header: ${token.type}`;
                onError(token, 'UNEXPECTED_TOKEN', message);
                const ts = token.source;
                if (ts && typeof ts === 'string')
                    length += ts.length;
            }
        }
    }
    return { mode, indent, chomp, comment, length };
}
/** @returns Array of lines split up as `[indent, content]` */
function splitLines(source) {
    const split = source.split(/\n( *)/);
    const first = split[0];
    const m = first.match(/^( *)/);
    const line0 = m?.[1]
        ? [m[1], first.slice(m[1].length)]
        : ['', first];
    const lines = [line0];
    for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
    return lines;
}

exports.resolveBlockScalar = resolveBlockScalar;


/***/ }),

/***/ 334:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var YAMLSeq = __nccwpck_require__(2223);
var resolveProps = __nccwpck_require__(4631);
var utilFlowIndentCheck = __nccwpck_require__(4051);

function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
    const seq = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = bs.offset;
    let commentEnd = null;
    for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
            indicator: 'seq-item-ind',
            next: value,
            offset,
            onError,
            parentIndent: bs.indent,
            startOnNewline: true
        });
        if (!props.found) {
            if (props.anchor || props.tag || value) {
                if (value?.type === 'block-seq')
                    onError(props.end, 'BAD_INDENT', 'All sequence items must start at the same column');
                else
                    onError(offset, 'MISSING_CHAR', 'Sequence item without - indicator');
            }
            else {
                commentEnd = props.end;
                if (props.comment)
                    seq.comment = props.comment;
                continue;
            }
        }
        const node = value
            ? composeNode(ctx, value, props, onError)
            : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
    }
    seq.range = [bs.offset, offset, commentEnd ?? offset];
    return seq;
}

exports.resolveBlockSeq = resolveBlockSeq;


/***/ }),

/***/ 7788:
/***/ ((__unused_webpack_module, exports) => {



function resolveEnd(end, offset, reqSpace, onError) {
    let comment = '';
    if (end) {
        let hasSpace = false;
        let sep = '';
        for (const token of end) {
            const { source, type } = token;
            switch (type) {
                case 'space':
                    hasSpace = true;
                    break;
                case 'comment': {
                    if (reqSpace && !hasSpace)
                        onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                    const cb = source.substring(1) || ' ';
                    if (!comment)
                        comment = cb;
                    else
                        comment += sep + cb;
                    sep = '';
                    break;
                }
                case 'newline':
                    if (comment)
                        sep += source;
                    hasSpace = true;
                    break;
                default:
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${type} at node end`);
            }
            offset += source.length;
        }
    }
    return { comment, offset };
}

exports.resolveEnd = resolveEnd;


/***/ }),

/***/ 3142:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilMapIncludes = __nccwpck_require__(1187);

const blockMsg = 'Block collections are not allowed within flow collections';
const isBlock = (token) => token && (token.type === 'block-map' || token.type === 'block-seq');
function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
    const isMap = fc.start.source === '{';
    const fcName = isMap ? 'flow map' : 'flow sequence';
    const NodeClass = (tag?.nodeClass ?? (isMap ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq));
    const coll = new NodeClass(ctx.schema);
    coll.flow = true;
    const atRoot = ctx.atRoot;
    if (atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = fc.offset + fc.start.source.length;
    for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
            flow: fcName,
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
        });
        if (!props.found) {
            if (!props.anchor && !props.tag && !sep && !value) {
                if (i === 0 && props.comma)
                    onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
                else if (i < fc.items.length - 1)
                    onError(props.start, 'UNEXPECTED_TOKEN', `Unexpected empty item in ${fcName}`);
                if (props.comment) {
                    if (coll.comment)
                        coll.comment += '\n' + props.comment;
                    else
                        coll.comment = props.comment;
                }
                offset = props.end;
                continue;
            }
            if (!isMap && ctx.options.strict && utilContainsNewline.containsNewline(key))
                onError(key, // checked by containsNewline()
                'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
        }
        if (i === 0) {
            if (props.comma)
                onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
        }
        else {
            if (!props.comma)
                onError(props.start, 'MISSING_CHAR', `Missing , between ${fcName} items`);
            if (props.comment) {
                let prevItemComment = '';
                loop: for (const st of start) {
                    switch (st.type) {
                        case 'comma':
                        case 'space':
                            break;
                        case 'comment':
                            prevItemComment = st.source.substring(1);
                            break loop;
                        default:
                            break loop;
                    }
                }
                if (prevItemComment) {
                    let prev = coll.items[coll.items.length - 1];
                    if (identity.isPair(prev))
                        prev = prev.value ?? prev.key;
                    if (prev.comment)
                        prev.comment += '\n' + prevItemComment;
                    else
                        prev.comment = prevItemComment;
                    props.comment = props.comment.substring(prevItemComment.length + 1);
                }
            }
        }
        if (!isMap && !sep && !props.found) {
            // item is a value in a seq
            // → key & sep are empty, start does not include ? or :
            const valueNode = value
                ? composeNode(ctx, value, props, onError)
                : composeEmptyNode(ctx, props.end, sep, null, props, onError);
            coll.items.push(valueNode);
            offset = valueNode.range[2];
            if (isBlock(value))
                onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
        }
        else {
            // item is a key+value pair
            // key value
            ctx.atKey = true;
            const keyStart = props.end;
            const keyNode = key
                ? composeNode(ctx, key, props, onError)
                : composeEmptyNode(ctx, keyStart, start, null, props, onError);
            if (isBlock(key))
                onError(keyNode.range, 'BLOCK_IN_FLOW', blockMsg);
            ctx.atKey = false;
            // value properties
            const valueProps = resolveProps.resolveProps(sep ?? [], {
                flow: fcName,
                indicator: 'map-value-ind',
                next: value,
                offset: keyNode.range[2],
                onError,
                parentIndent: fc.indent,
                startOnNewline: false
            });
            if (valueProps.found) {
                if (!isMap && !props.found && ctx.options.strict) {
                    if (sep)
                        for (const st of sep) {
                            if (st === valueProps.found)
                                break;
                            if (st.type === 'newline') {
                                onError(st, 'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
                                break;
                            }
                        }
                    if (props.start < valueProps.found.offset - 1024)
                        onError(valueProps.found, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit flow sequence key');
                }
            }
            else if (value) {
                if ('source' in value && value.source?.[0] === ':')
                    onError(value, 'MISSING_CHAR', `Missing space after : in ${fcName}`);
                else
                    onError(valueProps.start, 'MISSING_CHAR', `Missing , or : between ${fcName} items`);
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : valueProps.found
                    ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError)
                    : null;
            if (valueNode) {
                if (isBlock(value))
                    onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
            }
            else if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            if (isMap) {
                const map = coll;
                if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
                    onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
                map.items.push(pair);
            }
            else {
                const map = new YAMLMap.YAMLMap(ctx.schema);
                map.flow = true;
                map.items.push(pair);
                const endRange = (valueNode ?? keyNode).range;
                map.range = [keyNode.range[0], endRange[1], endRange[2]];
                coll.items.push(map);
            }
            offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
    }
    const expectedEnd = isMap ? '}' : ']';
    const [ce, ...ee] = fc.end;
    let cePos = offset;
    if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
    else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot
            ? `${name} must end with a ${expectedEnd}`
            : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? 'MISSING_CHAR' : 'BAD_INDENT', msg);
        if (ce && ce.source.length !== 1)
            ee.unshift(ce);
    }
    if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
            if (coll.comment)
                coll.comment += '\n' + end.comment;
            else
                coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
    }
    else {
        coll.range = [fc.offset, cePos, cePos];
    }
    return coll;
}

exports.resolveFlowCollection = resolveFlowCollection;


/***/ }),

/***/ 6842:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var resolveEnd = __nccwpck_require__(7788);

function resolveFlowScalar(scalar, strict, onError) {
    const { offset, type, source, end } = scalar;
    let _type;
    let value;
    const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
    switch (type) {
        case 'scalar':
            _type = Scalar.Scalar.PLAIN;
            value = plainValue(source, _onError);
            break;
        case 'single-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_SINGLE;
            value = singleQuotedValue(source, _onError);
            break;
        case 'double-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_DOUBLE;
            value = doubleQuotedValue(source, _onError);
            break;
        /* istanbul ignore next should not happen */
        default:
            onError(scalar, 'UNEXPECTED_TOKEN', `Expected a flow scalar value, but found: ${type}`);
            return {
                value: '',
                type: null,
                comment: '',
                range: [offset, offset + source.length, offset + source.length]
            };
    }
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
    return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
    };
}
function plainValue(source, onError) {
    let badChar = '';
    switch (source[0]) {
        /* istanbul ignore next should not happen */
        case '\t':
            badChar = 'a tab character';
            break;
        case ',':
            badChar = 'flow indicator character ,';
            break;
        case '%':
            badChar = 'directive indicator character %';
            break;
        case '|':
        case '>': {
            badChar = `block scalar indicator ${source[0]}`;
            break;
        }
        case '@':
        case '`': {
            badChar = `reserved character ${source[0]}`;
            break;
        }
    }
    if (badChar)
        onError(0, 'BAD_SCALAR_START', `Plain value cannot start with ${badChar}`);
    return unfoldLines(source);
}
function singleQuotedValue(source, onError) {
    if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, 'MISSING_CHAR', "Missing closing 'quote");
    return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
}
function unfoldLines(source) {
    const line = /(.*?)\r?\n/sy;
    let match = line.exec(source);
    if (!match)
        return source;
    /**
     * The negative lookbehinds in these RegExps are to
     * prevent causing a polynomial search time in certain cases.
     *
     * The try-catch is for Safari < 16.4 and other old browsers:
     * https://caniuse.com/js-regexp-lookbehind
     */
    let trimEnd, trimBoth;
    try {
        trimEnd = new RegExp('(?<![ \t])[ \t]+$');
        trimBoth = new RegExp('^[ \t]+|(?<![ \t])[ \t]+$', 'g');
    }
    catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
    }
    let res = match[1].replace(trimEnd, '');
    let sep = ' ';
    let pos = line.lastIndex;
    while ((match = line.exec(source))) {
        const lm = match[1].replace(trimBoth, '');
        if (lm === '') {
            if (sep === '\n')
                res += sep;
            else
                sep = '\n';
        }
        else {
            res += sep + lm;
            sep = ' ';
        }
        pos = line.lastIndex;
    }
    const last = /[ \t]*(.*)/sy;
    last.lastIndex = pos;
    match = last.exec(source);
    return res + sep + (match?.[1] ?? '');
}
function doubleQuotedValue(source, onError) {
    let res = '';
    for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === '\r' && source[i + 1] === '\n')
            continue;
        if (ch === '\n') {
            const { fold, offset } = foldNewline(source, i);
            res += fold;
            i = offset;
        }
        else if (ch === '\\') {
            let next = source[++i];
            const cc = escapeCodes[next];
            if (cc)
                res += cc;
            else if (next === '\n') {
                // skip escaped newlines, but still trim the following line
                next = source[i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === '\r' && source[i + 1] === '\n') {
                // skip escaped CRLF newlines, but still trim the following line
                next = source[++i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === 'x' || next === 'u' || next === 'U') {
                const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
                res += parseCharCode(source, i + 1, length, onError);
                i += length;
            }
            else {
                const raw = source.substr(i - 1, 2);
                onError(i - 1, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
                res += raw;
            }
        }
        else if (ch === ' ' || ch === '\t') {
            // trim trailing whitespace
            const wsStart = i;
            let next = source[i + 1];
            while (next === ' ' || next === '\t')
                next = source[++i + 1];
            if (next !== '\n' && !(next === '\r' && source[i + 2] === '\n'))
                res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        }
        else {
            res += ch;
        }
    }
    if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, 'MISSING_CHAR', 'Missing closing "quote');
    return res;
}
/**
 * Fold a single newline into a space, multiple newlines to N - 1 newlines.
 * Presumes `source[offset] === '\n'`
 */
function foldNewline(source, offset) {
    let fold = '';
    let ch = source[offset + 1];
    while (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
        if (ch === '\r' && source[offset + 2] !== '\n')
            break;
        if (ch === '\n')
            fold += '\n';
        offset += 1;
        ch = source[offset + 1];
    }
    if (!fold)
        fold = ' ';
    return { fold, offset };
}
const escapeCodes = {
    '0': '\0', // null character
    a: '\x07', // bell character
    b: '\b', // backspace
    e: '\x1b', // escape character
    f: '\f', // form feed
    n: '\n', // line feed
    r: '\r', // carriage return
    t: '\t', // horizontal tab
    v: '\v', // vertical tab
    N: '\u0085', // Unicode next line
    _: '\u00a0', // Unicode non-breaking space
    L: '\u2028', // Unicode line separator
    P: '\u2029', // Unicode paragraph separator
    ' ': ' ',
    '"': '"',
    '/': '/',
    '\\': '\\',
    '\t': '\t'
};
function parseCharCode(source, offset, length, onError) {
    const cc = source.substr(offset, length);
    const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
    const code = ok ? parseInt(cc, 16) : NaN;
    try {
        return String.fromCodePoint(code);
    }
    catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
        return raw;
    }
}

exports.resolveFlowScalar = resolveFlowScalar;


/***/ }),

/***/ 4631:
/***/ ((__unused_webpack_module, exports) => {



function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
    let spaceBefore = false;
    let atNewline = startOnNewline;
    let hasSpace = startOnNewline;
    let comment = '';
    let commentSep = '';
    let hasNewline = false;
    let reqSpace = false;
    let tab = null;
    let anchor = null;
    let tag = null;
    let newlineAfterProp = null;
    let comma = null;
    let found = null;
    let start = null;
    for (const token of tokens) {
        if (reqSpace) {
            if (token.type !== 'space' &&
                token.type !== 'newline' &&
                token.type !== 'comma')
                onError(token.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
            reqSpace = false;
        }
        if (tab) {
            if (atNewline && token.type !== 'comment' && token.type !== 'newline') {
                onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
            }
            tab = null;
        }
        switch (token.type) {
            case 'space':
                // At the doc level, tabs at line start may be parsed
                // as leading white space rather than indentation.
                // In a flow collection, only the parser handles indent.
                if (!flow &&
                    (indicator !== 'doc-start' || next?.type !== 'flow-collection') &&
                    token.source.includes('\t')) {
                    tab = token;
                }
                hasSpace = true;
                break;
            case 'comment': {
                if (!hasSpace)
                    onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                const cb = token.source.substring(1) || ' ';
                if (!comment)
                    comment = cb;
                else
                    comment += commentSep + cb;
                commentSep = '';
                atNewline = false;
                break;
            }
            case 'newline':
                if (atNewline) {
                    if (comment)
                        comment += token.source;
                    else if (!found || indicator !== 'seq-item-ind')
                        spaceBefore = true;
                }
                else
                    commentSep += token.source;
                atNewline = true;
                hasNewline = true;
                if (anchor || tag)
                    newlineAfterProp = token;
                hasSpace = true;
                break;
            case 'anchor':
                if (anchor)
                    onError(token, 'MULTIPLE_ANCHORS', 'A node can have at most one anchor');
                if (token.source.endsWith(':'))
                    onError(token.offset + token.source.length - 1, 'BAD_ALIAS', 'Anchor ending in : is ambiguous', true);
                anchor = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            case 'tag': {
                if (tag)
                    onError(token, 'MULTIPLE_TAGS', 'A node can have at most one tag');
                tag = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            }
            case indicator:
                // Could here handle preceding comments differently
                if (anchor || tag)
                    onError(token, 'BAD_PROP_ORDER', `Anchors and tags must be after the ${token.source} indicator`);
                if (found)
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.source} in ${flow ?? 'collection'}`);
                found = token;
                atNewline =
                    indicator === 'seq-item-ind' || indicator === 'explicit-key-ind';
                hasSpace = false;
                break;
            case 'comma':
                if (flow) {
                    if (comma)
                        onError(token, 'UNEXPECTED_TOKEN', `Unexpected , in ${flow}`);
                    comma = token;
                    atNewline = false;
                    hasSpace = false;
                    break;
                }
            // else fallthrough
            default:
                onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.type} token`);
                atNewline = false;
                hasSpace = false;
        }
    }
    const last = tokens[tokens.length - 1];
    const end = last ? last.offset + last.source.length : offset;
    if (reqSpace &&
        next &&
        next.type !== 'space' &&
        next.type !== 'newline' &&
        next.type !== 'comma' &&
        (next.type !== 'scalar' || next.source !== '')) {
        onError(next.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
    }
    if (tab &&
        ((atNewline && tab.indent <= parentIndent) ||
            next?.type === 'block-map' ||
            next?.type === 'block-seq'))
        onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
    return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
    };
}

exports.resolveProps = resolveProps;


/***/ }),

/***/ 9499:
/***/ ((__unused_webpack_module, exports) => {



function containsNewline(key) {
    if (!key)
        return null;
    switch (key.type) {
        case 'alias':
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            if (key.source.includes('\n'))
                return true;
            if (key.end)
                for (const st of key.end)
                    if (st.type === 'newline')
                        return true;
            return false;
        case 'flow-collection':
            for (const it of key.items) {
                for (const st of it.start)
                    if (st.type === 'newline')
                        return true;
                if (it.sep)
                    for (const st of it.sep)
                        if (st.type === 'newline')
                            return true;
                if (containsNewline(it.key) || containsNewline(it.value))
                    return true;
            }
            return false;
        default:
            return true;
    }
}

exports.containsNewline = containsNewline;


/***/ }),

/***/ 2599:
/***/ ((__unused_webpack_module, exports) => {



function emptyScalarPosition(offset, before, pos) {
    if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
            let st = before[i];
            switch (st.type) {
                case 'space':
                case 'comment':
                case 'newline':
                    offset -= st.source.length;
                    continue;
            }
            // Technically, an empty scalar is immediately after the last non-empty
            // node, but it's more useful to place it after any whitespace.
            st = before[++i];
            while (st?.type === 'space') {
                offset += st.source.length;
                st = before[++i];
            }
            break;
        }
    }
    return offset;
}

exports.emptyScalarPosition = emptyScalarPosition;


/***/ }),

/***/ 4051:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var utilContainsNewline = __nccwpck_require__(9499);

function flowIndentCheck(indent, fc, onError) {
    if (fc?.type === 'flow-collection') {
        const end = fc.end[0];
        if (end.indent === indent &&
            (end.source === ']' || end.source === '}') &&
            utilContainsNewline.containsNewline(fc)) {
            const msg = 'Flow end indicator should be more indented than parent';
            onError(end, 'BAD_INDENT', msg, true);
        }
    }
}

exports.flowIndentCheck = flowIndentCheck;


/***/ }),

/***/ 1187:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

function mapIncludes(ctx, items, search) {
    const { uniqueKeys } = ctx.options;
    if (uniqueKeys === false)
        return false;
    const isEqual = typeof uniqueKeys === 'function'
        ? uniqueKeys
        : (a, b) => a === b || (identity.isScalar(a) && identity.isScalar(b) && a.value === b.value);
    return items.some(pair => isEqual(pair.key, search));
}

exports.mapIncludes = mapIncludes;


/***/ }),

/***/ 3021:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var toJS = __nccwpck_require__(4043);
var Schema = __nccwpck_require__(5840);
var stringifyDocument = __nccwpck_require__(6829);
var anchors = __nccwpck_require__(1596);
var applyReviver = __nccwpck_require__(3661);
var createNode = __nccwpck_require__(2404);
var directives = __nccwpck_require__(1342);

class Document {
    constructor(value, replacer, options) {
        /** A comment before this Document */
        this.commentBefore = null;
        /** A comment immediately after this Document */
        this.comment = null;
        /** Errors encountered during parsing. */
        this.errors = [];
        /** Warnings encountered during parsing. */
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === 'function' || Array.isArray(replacer)) {
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const opt = Object.assign({
            intAsBigInt: false,
            keepSourceTokens: false,
            logLevel: 'warn',
            prettyErrors: true,
            strict: true,
            stringKeys: false,
            uniqueKeys: true,
            version: '1.2'
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
            this.directives = options._directives.atDocument();
            if (this.directives.yaml.explicit)
                version = this.directives.yaml.version;
        }
        else
            this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        // @ts-expect-error We can't really know that this matches Contents.
        this.contents =
            value === undefined ? null : this.createNode(value, _replacer, options);
    }
    /**
     * Create a deep copy of this Document and its contents.
     *
     * Custom Node values that inherit from `Object` still refer to their original instances.
     */
    clone() {
        const copy = Object.create(Document.prototype, {
            [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
            copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        // @ts-expect-error We can't really know that this matches Contents.
        copy.contents = identity.isNode(this.contents)
            ? this.contents.clone(copy.schema)
            : this.contents;
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** Adds a value to the document. */
    add(value) {
        if (assertCollection(this.contents))
            this.contents.add(value);
    }
    /** Adds a value to the document. */
    addIn(path, value) {
        if (assertCollection(this.contents))
            this.contents.addIn(path, value);
    }
    /**
     * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
     *
     * If `node` already has an anchor, `name` is ignored.
     * Otherwise, the `node.anchor` value will be set to `name`,
     * or if an anchor with that name is already present in the document,
     * `name` will be used as a prefix for a new unique anchor.
     * If `name` is undefined, the generated anchor will use 'a' as a prefix.
     */
    createAlias(node, name) {
        if (!node.anchor) {
            const prev = anchors.anchorNames(this);
            node.anchor =
                // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
                !name || prev.has(name) ? anchors.findNewAnchor(name || 'a', prev) : name;
        }
        return new Alias.Alias(node.anchor);
    }
    createNode(value, replacer, options) {
        let _replacer = undefined;
        if (typeof replacer === 'function') {
            value = replacer.call({ '': value }, '', value);
            _replacer = replacer;
        }
        else if (Array.isArray(replacer)) {
            const keyToStr = (v) => typeof v === 'number' || v instanceof String || v instanceof Number;
            const asStr = replacer.filter(keyToStr).map(String);
            if (asStr.length > 0)
                replacer = replacer.concat(asStr);
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(this, 
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        anchorPrefix || 'a');
        const ctx = {
            aliasDuplicateObjects: aliasDuplicateObjects ?? true,
            keepUndefined: keepUndefined ?? false,
            onAnchor,
            onTagObj,
            replacer: _replacer,
            schema: this.schema,
            sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
            node.flow = true;
        setAnchors();
        return node;
    }
    /**
     * Convert a key and a value into a `Pair` using the current schema,
     * recursively wrapping all values as `Scalar` or `Collection` nodes.
     */
    createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
            if (this.contents == null)
                return false;
            // @ts-expect-error Presumed impossible if Strict extends false
            this.contents = null;
            return true;
        }
        return assertCollection(this.contents)
            ? this.contents.deleteIn(path)
            : false;
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    get(key, keepScalar) {
        return identity.isCollection(this.contents)
            ? this.contents.get(key, keepScalar)
            : undefined;
    }
    /**
     * Returns item at `path`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
            return !keepScalar && identity.isScalar(this.contents)
                ? this.contents.value
                : this.contents;
        return identity.isCollection(this.contents)
            ? this.contents.getIn(path, keepScalar)
            : undefined;
    }
    /**
     * Checks if the document includes a value with the key `key`.
     */
    has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
    }
    /**
     * Checks if the document includes a value at `path`.
     */
    hasIn(path) {
        if (Collection.isEmptyPath(path))
            return this.contents !== undefined;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    set(key, value) {
        if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, [key], value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.set(key, value);
        }
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = value;
        }
        else if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.setIn(path, value);
        }
    }
    /**
     * Change the YAML version and schema used by the document.
     * A `null` version disables support for directives, explicit tags, anchors, and aliases.
     * It also requires the `schema` option to be given as a `Schema` instance value.
     *
     * Overrides all previously set schema options.
     */
    setSchema(version, options = {}) {
        if (typeof version === 'number')
            version = String(version);
        let opt;
        switch (version) {
            case '1.1':
                if (this.directives)
                    this.directives.yaml.version = '1.1';
                else
                    this.directives = new directives.Directives({ version: '1.1' });
                opt = { resolveKnownTags: false, schema: 'yaml-1.1' };
                break;
            case '1.2':
            case 'next':
                if (this.directives)
                    this.directives.yaml.version = version;
                else
                    this.directives = new directives.Directives({ version });
                opt = { resolveKnownTags: true, schema: 'core' };
                break;
            case null:
                if (this.directives)
                    delete this.directives;
                opt = null;
                break;
            default: {
                const sv = JSON.stringify(version);
                throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
            }
        }
        // Not using `instanceof Schema` to allow for duck typing
        if (options.schema instanceof Object)
            this.schema = options.schema;
        else if (opt)
            this.schema = new Schema.Schema(Object.assign(opt, options));
        else
            throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
    }
    // json & jsonArg are only used from toJSON()
    toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
            anchors: new Map(),
            doc: this,
            keep: !json,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
    /**
     * A JSON representation of the document `contents`.
     *
     * @param jsonArg Used by `JSON.stringify` to indicate the array index or
     *   property name.
     */
    toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
    }
    /** A YAML representation of the document. */
    toString(options = {}) {
        if (this.errors.length > 0)
            throw new Error('Document with errors cannot be stringified');
        if ('indent' in options &&
            (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
            const s = JSON.stringify(options.indent);
            throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
    }
}
function assertCollection(contents) {
    if (identity.isCollection(contents))
        return true;
    throw new Error('Expected a YAML collection as document contents');
}

exports.Document = Document;


/***/ }),

/***/ 1596:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

/**
 * Verify that the input string is a valid anchor.
 *
 * Will throw on errors.
 */
function anchorIsValid(anchor) {
    if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
    }
    return true;
}
function anchorNames(root) {
    const anchors = new Set();
    visit.visit(root, {
        Value(_key, node) {
            if (node.anchor)
                anchors.add(node.anchor);
        }
    });
    return anchors;
}
/** Find a new anchor name with the given `prefix` and a one-indexed suffix. */
function findNewAnchor(prefix, exclude) {
    for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
            return name;
    }
}
function createNodeAnchors(doc, prefix) {
    const aliasObjects = [];
    const sourceObjects = new Map();
    let prevAnchors = null;
    return {
        onAnchor: (source) => {
            aliasObjects.push(source);
            prevAnchors ?? (prevAnchors = anchorNames(doc));
            const anchor = findNewAnchor(prefix, prevAnchors);
            prevAnchors.add(anchor);
            return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
            for (const source of aliasObjects) {
                const ref = sourceObjects.get(source);
                if (typeof ref === 'object' &&
                    ref.anchor &&
                    (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
                    ref.node.anchor = ref.anchor;
                }
                else {
                    const error = new Error('Failed to resolve repeated object (this should not happen)');
                    error.source = source;
                    throw error;
                }
            }
        },
        sourceObjects
    };
}

exports.anchorIsValid = anchorIsValid;
exports.anchorNames = anchorNames;
exports.createNodeAnchors = createNodeAnchors;
exports.findNewAnchor = findNewAnchor;


/***/ }),

/***/ 3661:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Applies the JSON.parse reviver algorithm as defined in the ECMA-262 spec,
 * in section 24.5.1.1 "Runtime Semantics: InternalizeJSONProperty" of the
 * 2021 edition: https://tc39.es/ecma262/#sec-json.parse
 *
 * Includes extensions for handling Map and Set objects.
 */
function applyReviver(reviver, obj, key, val) {
    if (val && typeof val === 'object') {
        if (Array.isArray(val)) {
            for (let i = 0, len = val.length; i < len; ++i) {
                const v0 = val[i];
                const v1 = applyReviver(reviver, val, String(i), v0);
                // eslint-disable-next-line @typescript-eslint/no-array-delete
                if (v1 === undefined)
                    delete val[i];
                else if (v1 !== v0)
                    val[i] = v1;
            }
        }
        else if (val instanceof Map) {
            for (const k of Array.from(val.keys())) {
                const v0 = val.get(k);
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    val.delete(k);
                else if (v1 !== v0)
                    val.set(k, v1);
            }
        }
        else if (val instanceof Set) {
            for (const v0 of Array.from(val)) {
                const v1 = applyReviver(reviver, val, v0, v0);
                if (v1 === undefined)
                    val.delete(v0);
                else if (v1 !== v0) {
                    val.delete(v0);
                    val.add(v1);
                }
            }
        }
        else {
            for (const [k, v0] of Object.entries(val)) {
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    delete val[k];
                else if (v1 !== v0)
                    val[k] = v1;
            }
        }
    }
    return reviver.call(obj, key, val);
}

exports.applyReviver = applyReviver;


/***/ }),

/***/ 2404:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

const defaultTagPrefix = 'tag:yaml.org,2002:';
function findTagObject(value, tagName, tags) {
    if (tagName) {
        const match = tags.filter(t => t.tag === tagName);
        const tagObj = match.find(t => !t.format) ?? match[0];
        if (!tagObj)
            throw new Error(`Tag ${tagName} not found`);
        return tagObj;
    }
    return tags.find(t => t.identify?.(value) && !t.format);
}
function createNode(value, tagName, ctx) {
    if (identity.isDocument(value))
        value = value.contents;
    if (identity.isNode(value))
        return value;
    if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
    }
    if (value instanceof String ||
        value instanceof Number ||
        value instanceof Boolean ||
        (typeof BigInt !== 'undefined' && value instanceof BigInt) // not supported everywhere
    ) {
        // https://tc39.es/ecma262/#sec-serializejsonproperty
        value = value.valueOf();
    }
    const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
    // Detect duplicate references to the same object & use Alias nodes for all
    // after first. The `ref` wrapper allows for circular references to resolve.
    let ref = undefined;
    if (aliasDuplicateObjects && value && typeof value === 'object') {
        ref = sourceObjects.get(value);
        if (ref) {
            ref.anchor ?? (ref.anchor = onAnchor(value));
            return new Alias.Alias(ref.anchor);
        }
        else {
            ref = { anchor: null, node: null };
            sourceObjects.set(value, ref);
        }
    }
    if (tagName?.startsWith('!!'))
        tagName = defaultTagPrefix + tagName.slice(2);
    let tagObj = findTagObject(value, tagName, schema.tags);
    if (!tagObj) {
        if (value && typeof value.toJSON === 'function') {
            // eslint-disable-next-line @typescript-eslint/no-unsafe-call
            value = value.toJSON();
        }
        if (!value || typeof value !== 'object') {
            const node = new Scalar.Scalar(value);
            if (ref)
                ref.node = node;
            return node;
        }
        tagObj =
            value instanceof Map
                ? schema[identity.MAP]
                : Symbol.iterator in Object(value)
                    ? schema[identity.SEQ]
                    : schema[identity.MAP];
    }
    if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
    }
    const node = tagObj?.createNode
        ? tagObj.createNode(ctx.schema, value, ctx)
        : typeof tagObj?.nodeClass?.from === 'function'
            ? tagObj.nodeClass.from(ctx.schema, value, ctx)
            : new Scalar.Scalar(value);
    if (tagName)
        node.tag = tagName;
    else if (!tagObj.default)
        node.tag = tagObj.tag;
    if (ref)
        ref.node = node;
    return node;
}

exports.createNode = createNode;


/***/ }),

/***/ 1342:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

const escapeChars = {
    '!': '%21',
    ',': '%2C',
    '[': '%5B',
    ']': '%5D',
    '{': '%7B',
    '}': '%7D'
};
const escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, ch => escapeChars[ch]);
class Directives {
    constructor(yaml, tags) {
        /**
         * The directives-end/doc-start marker `---`. If `null`, a marker may still be
         * included in the document's stringified representation.
         */
        this.docStart = null;
        /** The doc-end marker `...`.  */
        this.docEnd = false;
        this.yaml = Object.assign({}, Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, Directives.defaultTags, tags);
    }
    clone() {
        const copy = new Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
    }
    /**
     * During parsing, get a Directives instance for the current document and
     * update the stream state according to the current version's spec.
     */
    atDocument() {
        const res = new Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
            case '1.1':
                this.atNextDocument = true;
                break;
            case '1.2':
                this.atNextDocument = false;
                this.yaml = {
                    explicit: Directives.defaultYaml.explicit,
                    version: '1.2'
                };
                this.tags = Object.assign({}, Directives.defaultTags);
                break;
        }
        return res;
    }
    /**
     * @param onError - May be called even if the action was successful
     * @returns `true` on success
     */
    add(line, onError) {
        if (this.atNextDocument) {
            this.yaml = { explicit: Directives.defaultYaml.explicit, version: '1.1' };
            this.tags = Object.assign({}, Directives.defaultTags);
            this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
            case '%TAG': {
                if (parts.length !== 2) {
                    onError(0, '%TAG directive should contain exactly two parts');
                    if (parts.length < 2)
                        return false;
                }
                const [handle, prefix] = parts;
                this.tags[handle] = prefix;
                return true;
            }
            case '%YAML': {
                this.yaml.explicit = true;
                if (parts.length !== 1) {
                    onError(0, '%YAML directive should contain exactly one part');
                    return false;
                }
                const [version] = parts;
                if (version === '1.1' || version === '1.2') {
                    this.yaml.version = version;
                    return true;
                }
                else {
                    const isValid = /^\d+\.\d+$/.test(version);
                    onError(6, `Unsupported YAML version ${version}`, isValid);
                    return false;
                }
            }
            default:
                onError(0, `Unknown directive ${name}`, true);
                return false;
        }
    }
    /**
     * Resolves a tag, matching handles to those defined in %TAG directives.
     *
     * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
     *   `'!local'` tag, or `null` if unresolvable.
     */
    tagName(source, onError) {
        if (source === '!')
            return '!'; // non-specific tag
        if (source[0] !== '!') {
            onError(`Not a valid tag: ${source}`);
            return null;
        }
        if (source[1] === '<') {
            const verbatim = source.slice(2, -1);
            if (verbatim === '!' || verbatim === '!!') {
                onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
                return null;
            }
            if (source[source.length - 1] !== '>')
                onError('Verbatim tags must end with a >');
            return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
            onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
            try {
                return prefix + decodeURIComponent(suffix);
            }
            catch (error) {
                onError(String(error));
                return null;
            }
        }
        if (handle === '!')
            return source; // local tag
        onError(`Could not resolve tag: ${source}`);
        return null;
    }
    /**
     * Given a fully resolved tag, returns its printable string form,
     * taking into account current tag prefixes and defaults.
     */
    tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
            if (tag.startsWith(prefix))
                return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === '!' ? tag : `!<${tag}>`;
    }
    toString(doc) {
        const lines = this.yaml.explicit
            ? [`%YAML ${this.yaml.version || '1.2'}`]
            : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
            const tags = {};
            visit.visit(doc.contents, (_key, node) => {
                if (identity.isNode(node) && node.tag)
                    tags[node.tag] = true;
            });
            tagNames = Object.keys(tags);
        }
        else
            tagNames = [];
        for (const [handle, prefix] of tagEntries) {
            if (handle === '!!' && prefix === 'tag:yaml.org,2002:')
                continue;
            if (!doc || tagNames.some(tn => tn.startsWith(prefix)))
                lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join('\n');
    }
}
Directives.defaultYaml = { explicit: false, version: '1.2' };
Directives.defaultTags = { '!!': 'tag:yaml.org,2002:' };

exports.Directives = Directives;


/***/ }),

/***/ 1464:
/***/ ((__unused_webpack_module, exports) => {



class YAMLError extends Error {
    constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
    }
}
class YAMLParseError extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLParseError', pos, code, message);
    }
}
class YAMLWarning extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLWarning', pos, code, message);
    }
}
const prettifyError = (src, lc) => (error) => {
    if (error.pos[0] === -1)
        return;
    error.linePos = error.pos.map(pos => lc.linePos(pos));
    const { line, col } = error.linePos[0];
    error.message += ` at line ${line}, column ${col}`;
    let ci = col - 1;
    let lineStr = src
        .substring(lc.lineStarts[line - 1], lc.lineStarts[line])
        .replace(/[\n\r]+$/, '');
    // Trim to max 80 chars, keeping col position near the middle
    if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = '…' + lineStr.substring(trimStart);
        ci -= trimStart - 1;
    }
    if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + '…';
    // Include previous line in context if pointing at line start
    if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        // Regexp won't match if start is trimmed
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
            prev = prev.substring(0, 79) + '…\n';
        lineStr = prev + lineStr;
    }
    if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
            count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = ' '.repeat(ci) + '^'.repeat(count);
        error.message += `:\n\n${lineStr}\n${pointer}\n`;
    }
};

exports.YAMLError = YAMLError;
exports.YAMLParseError = YAMLParseError;
exports.YAMLWarning = YAMLWarning;
exports.prettifyError = prettifyError;


/***/ }),

/***/ 8815:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var Schema = __nccwpck_require__(5840);
var errors = __nccwpck_require__(1464);
var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);
var publicApi = __nccwpck_require__(4047);
var visit = __nccwpck_require__(204);



exports.Composer = composer.Composer;
exports.Document = Document.Document;
exports.Schema = Schema.Schema;
exports.YAMLError = errors.YAMLError;
exports.YAMLParseError = errors.YAMLParseError;
exports.YAMLWarning = errors.YAMLWarning;
exports.Alias = Alias.Alias;
exports.isAlias = identity.isAlias;
exports.isCollection = identity.isCollection;
exports.isDocument = identity.isDocument;
exports.isMap = identity.isMap;
exports.isNode = identity.isNode;
exports.isPair = identity.isPair;
exports.isScalar = identity.isScalar;
exports.isSeq = identity.isSeq;
exports.Pair = Pair.Pair;
exports.Scalar = Scalar.Scalar;
exports.YAMLMap = YAMLMap.YAMLMap;
exports.YAMLSeq = YAMLSeq.YAMLSeq;
exports.CST = cst;
exports.Lexer = lexer.Lexer;
exports.LineCounter = lineCounter.LineCounter;
exports.Parser = parser.Parser;
exports.parse = publicApi.parse;
exports.parseAllDocuments = publicApi.parseAllDocuments;
exports.parseDocument = publicApi.parseDocument;
exports.stringify = publicApi.stringify;
exports.visit = visit.visit;
exports.visitAsync = visit.visitAsync;


/***/ }),

/***/ 7249:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);

function debug(logLevel, ...messages) {
    if (logLevel === 'debug')
        console.log(...messages);
}
function warn(logLevel, warning) {
    if (logLevel === 'debug' || logLevel === 'warn') {
        if (typeof node_process.emitWarning === 'function')
            node_process.emitWarning(warning);
        else
            console.warn(warning);
    }
}

exports.debug = debug;
exports.warn = warn;


/***/ }),

/***/ 4065:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var visit = __nccwpck_require__(204);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

class Alias extends Node.NodeBase {
    constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, 'tag', {
            set() {
                throw new Error('Alias nodes cannot have tags');
            }
        });
    }
    /**
     * Resolve the value of this alias within `doc`, finding the last
     * instance of the `source` anchor before this node.
     */
    resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
            throw new ReferenceError('Alias resolution is disabled');
        let nodes;
        if (ctx?.aliasResolveCache) {
            nodes = ctx.aliasResolveCache;
        }
        else {
            nodes = [];
            visit.visit(doc, {
                Node: (_key, node) => {
                    if (identity.isAlias(node) || identity.hasAnchor(node))
                        nodes.push(node);
                }
            });
            if (ctx)
                ctx.aliasResolveCache = nodes;
        }
        let found = undefined;
        for (const node of nodes) {
            if (node === this)
                break;
            if (node.anchor === this.source)
                found = node;
        }
        if (found && ctx) {
            const { anchors, doc, maxAliasCount } = ctx;
            let data = anchors.get(found);
            if (!data) {
                // Resolve anchors for Node.prototype.toJS()
                toJS.toJS(found, null, ctx);
                data = anchors.get(found);
            }
            /* istanbul ignore if */
            if (data?.res === undefined) {
                const msg = 'This should not happen: Alias anchor was not resolved?';
                throw new ReferenceError(msg);
            }
            if (maxAliasCount >= 0) {
                data.count += 1;
                if (data.aliasCount === 0)
                    data.aliasCount = getAliasCount(doc, found, anchors);
                if (data.count * data.aliasCount > maxAliasCount) {
                    const msg = 'Excessive alias count indicates a resource exhaustion attack';
                    throw new ReferenceError(msg);
                }
            }
        }
        return found;
    }
    toJSON(_arg, ctx) {
        if (!ctx)
            return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
    }
    toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
            anchors.anchorIsValid(this.source);
            if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
                const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
                throw new Error(msg);
            }
            if (ctx.implicitKey)
                return `${src} `;
        }
        return src;
    }
}
function getAliasCount(doc, node, anchors) {
    if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors && source && anchors.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
    }
    else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
            const c = getAliasCount(doc, item, anchors);
            if (c > count)
                count = c;
        }
        return count;
    }
    else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors);
        const vc = getAliasCount(doc, node.value, anchors);
        return Math.max(kc, vc);
    }
    return 1;
}

exports.Alias = Alias;


/***/ }),

/***/ 101:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);

function collectionFromPath(schema, path, value) {
    let v = value;
    for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === 'number' && Number.isInteger(k) && k >= 0) {
            const a = [];
            a[k] = v;
            v = a;
        }
        else {
            v = new Map([[k, v]]);
        }
    }
    return createNode.createNode(v, undefined, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
            throw new Error('This should not happen, please report a bug.');
        },
        schema,
        sourceObjects: new Map()
    });
}
// Type guard is intentionally a little wrong so as to be more useful,
// as it does not cover untypable empty non-string iterables (e.g. []).
const isEmptyPath = (path) => path == null ||
    (typeof path === 'object' && !!path[Symbol.iterator]().next().done);
class Collection extends Node.NodeBase {
    constructor(type, schema) {
        super(type);
        Object.defineProperty(this, 'schema', {
            value: schema,
            configurable: true,
            enumerable: false,
            writable: true
        });
    }
    /**
     * Create a copy of this collection.
     *
     * @param schema - If defined, overwrites the original's schema
     */
    clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
            copy.schema = schema;
        copy.items = copy.items.map(it => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /**
     * Adds a value to the collection. For `!!map` and `!!omap` the value must
     * be a Pair instance or a `{ key, value }` object, which may not have a key
     * that already exists in the map.
     */
    addIn(path, value) {
        if (isEmptyPath(path))
            this.add(value);
        else {
            const [key, ...rest] = path;
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.addIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
    /**
     * Removes a value from the collection.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
            return node.deleteIn(rest);
        else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
            return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
            return identity.isCollection(node) ? node.getIn(rest, keepScalar) : undefined;
    }
    hasAllNullValues(allowScalar) {
        return this.items.every(node => {
            if (!identity.isPair(node))
                return false;
            const n = node.value;
            return (n == null ||
                (allowScalar &&
                    identity.isScalar(n) &&
                    n.value == null &&
                    !n.commentBefore &&
                    !n.comment &&
                    !n.tag));
        });
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     */
    hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
            this.set(key, value);
        }
        else {
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.setIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
}

exports.Collection = Collection;
exports.collectionFromPath = collectionFromPath;
exports.isEmptyPath = isEmptyPath;


/***/ }),

/***/ 6673:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var applyReviver = __nccwpck_require__(3661);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

class NodeBase {
    constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
    }
    /** Create a copy of this node.  */
    clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** A plain JavaScript representation of this node. */
    toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
            throw new TypeError('A document argument is required');
        const ctx = {
            anchors: new Map(),
            doc,
            keep: true,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
}

exports.NodeBase = NodeBase;


/***/ }),

/***/ 7165:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyPair = __nccwpck_require__(9748);
var addPairToJSMap = __nccwpck_require__(7104);
var identity = __nccwpck_require__(1127);

function createPair(key, value, ctx) {
    const k = createNode.createNode(key, undefined, ctx);
    const v = createNode.createNode(value, undefined, ctx);
    return new Pair(k, v);
}
class Pair {
    constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
    }
    clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
            key = key.clone(schema);
        if (identity.isNode(value))
            value = value.clone(schema);
        return new Pair(key, value);
    }
    toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
    }
    toString(ctx, onComment, onChompKeep) {
        return ctx?.doc
            ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep)
            : JSON.stringify(this);
    }
}

exports.Pair = Pair;
exports.createPair = createPair;


/***/ }),

/***/ 3301:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

const isScalarValue = (value) => !value || (typeof value !== 'function' && typeof value !== 'object');
class Scalar extends Node.NodeBase {
    constructor(value) {
        super(identity.SCALAR);
        this.value = value;
    }
    toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
    }
    toString() {
        return String(this.value);
    }
}
Scalar.BLOCK_FOLDED = 'BLOCK_FOLDED';
Scalar.BLOCK_LITERAL = 'BLOCK_LITERAL';
Scalar.PLAIN = 'PLAIN';
Scalar.QUOTE_DOUBLE = 'QUOTE_DOUBLE';
Scalar.QUOTE_SINGLE = 'QUOTE_SINGLE';

exports.Scalar = Scalar;
exports.isScalarValue = isScalarValue;


/***/ }),

/***/ 4454:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyCollection = __nccwpck_require__(1212);
var addPairToJSMap = __nccwpck_require__(7104);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);

function findPair(items, key) {
    const k = identity.isScalar(key) ? key.value : key;
    for (const it of items) {
        if (identity.isPair(it)) {
            if (it.key === key || it.key === k)
                return it;
            if (identity.isScalar(it.key) && it.key.value === k)
                return it;
        }
    }
    return undefined;
}
class YAMLMap extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:map';
    }
    constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
    }
    /**
     * A generic collection parsing method that can be extended
     * to other node classes that inherit from YAMLMap
     */
    static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
            if (typeof replacer === 'function')
                value = replacer.call(obj, key, value);
            else if (Array.isArray(replacer) && !replacer.includes(key))
                return;
            if (value !== undefined || keepUndefined)
                map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
            for (const [key, value] of obj)
                add(key, value);
        }
        else if (obj && typeof obj === 'object') {
            for (const key of Object.keys(obj))
                add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === 'function') {
            map.items.sort(schema.sortMapEntries);
        }
        return map;
    }
    /**
     * Adds a value to the collection.
     *
     * @param overwrite - If not set `true`, using a key that is already in the
     *   collection will throw. Otherwise, overwrites the previous value.
     */
    add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
            _pair = pair;
        else if (!pair || typeof pair !== 'object' || !('key' in pair)) {
            // In TypeScript, this never happens.
            _pair = new Pair.Pair(pair, pair?.value);
        }
        else
            _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
            if (!overwrite)
                throw new Error(`Key ${_pair.key} already set`);
            // For scalars, keep the old node & its comments and anchors
            if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
                prev.value.value = _pair.value;
            else
                prev.value = _pair.value;
        }
        else if (sortEntries) {
            const i = this.items.findIndex(item => sortEntries(_pair, item) < 0);
            if (i === -1)
                this.items.push(_pair);
            else
                this.items.splice(i, 0, _pair);
        }
        else {
            this.items.push(_pair);
        }
    }
    delete(key) {
        const it = findPair(this.items, key);
        if (!it)
            return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? undefined;
    }
    has(key) {
        return !!findPair(this.items, key);
    }
    set(key, value) {
        this.add(new Pair.Pair(key, value), true);
    }
    /**
     * @param ctx - Conversion context, originally set in Document#toJS()
     * @param {Class} Type - If set, forces the returned collection type
     * @returns Instance of Type, Map, or Object
     */
    toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? new Map() : {};
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const item of this.items)
            addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        for (const item of this.items) {
            if (!identity.isPair(item))
                throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
            ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '',
            flowChars: { start: '{', end: '}' },
            itemIndent: ctx.indent || '',
            onChompKeep,
            onComment
        });
    }
}

exports.YAMLMap = YAMLMap;
exports.findPair = findPair;


/***/ }),

/***/ 2223:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyCollection = __nccwpck_require__(1212);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var toJS = __nccwpck_require__(4043);

class YAMLSeq extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:seq';
    }
    constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
    }
    add(value) {
        this.items.push(value);
    }
    /**
     * Removes a value from the collection.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     *
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return undefined;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     */
    has(key) {
        const idx = asItemIndex(key);
        return typeof idx === 'number' && idx < this.items.length;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     *
     * If `key` does not contain a representation of an integer, this will throw.
     * It may be wrapped in a `Scalar`.
     */
    set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
            prev.value = value;
        else
            this.items[idx] = value;
    }
    toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
            ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
            seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '- ',
            flowChars: { start: '[', end: ']' },
            itemIndent: (ctx.indent || '') + '  ',
            onChompKeep,
            onComment
        });
    }
    static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
            let i = 0;
            for (let it of obj) {
                if (typeof replacer === 'function') {
                    const key = obj instanceof Set ? it : String(i++);
                    it = replacer.call(obj, key, it);
                }
                seq.items.push(createNode.createNode(it, undefined, ctx));
            }
        }
        return seq;
    }
}
function asItemIndex(key) {
    let idx = identity.isScalar(key) ? key.value : key;
    if (idx && typeof idx === 'string')
        idx = Number(idx);
    return typeof idx === 'number' && Number.isInteger(idx) && idx >= 0
        ? idx
        : null;
}

exports.YAMLSeq = YAMLSeq;


/***/ }),

/***/ 7104:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var log = __nccwpck_require__(7249);
var merge = __nccwpck_require__(452);
var stringify = __nccwpck_require__(2148);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

function addPairToJSMap(ctx, map, { key, value }) {
    if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
    // TODO: Should drop this special case for bare << handling
    else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
    else {
        const jsKey = toJS.toJS(key, '', ctx);
        if (map instanceof Map) {
            map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        }
        else if (map instanceof Set) {
            map.add(jsKey);
        }
        else {
            const stringKey = stringifyKey(key, jsKey, ctx);
            const jsValue = toJS.toJS(value, stringKey, ctx);
            if (stringKey in map)
                Object.defineProperty(map, stringKey, {
                    value: jsValue,
                    writable: true,
                    enumerable: true,
                    configurable: true
                });
            else
                map[stringKey] = jsValue;
        }
    }
    return map;
}
function stringifyKey(key, jsKey, ctx) {
    if (jsKey === null)
        return '';
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    if (typeof jsKey !== 'object')
        return String(jsKey);
    if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = new Set();
        for (const node of ctx.anchors.keys())
            strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
            let jsonStr = JSON.stringify(strKey);
            if (jsonStr.length > 40)
                jsonStr = jsonStr.substring(0, 36) + '..."';
            log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
            ctx.mapKeyWarned = true;
        }
        return strKey;
    }
    return JSON.stringify(jsKey);
}

exports.addPairToJSMap = addPairToJSMap;


/***/ }),

/***/ 1127:
/***/ ((__unused_webpack_module, exports) => {



const ALIAS = Symbol.for('yaml.alias');
const DOC = Symbol.for('yaml.document');
const MAP = Symbol.for('yaml.map');
const PAIR = Symbol.for('yaml.pair');
const SCALAR = Symbol.for('yaml.scalar');
const SEQ = Symbol.for('yaml.seq');
const NODE_TYPE = Symbol.for('yaml.node.type');
const isAlias = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === ALIAS;
const isDocument = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === DOC;
const isMap = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === MAP;
const isPair = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === PAIR;
const isScalar = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SCALAR;
const isSeq = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SEQ;
function isCollection(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case MAP:
            case SEQ:
                return true;
        }
    return false;
}
function isNode(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case ALIAS:
            case MAP:
            case SCALAR:
            case SEQ:
                return true;
        }
    return false;
}
const hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;

exports.ALIAS = ALIAS;
exports.DOC = DOC;
exports.MAP = MAP;
exports.NODE_TYPE = NODE_TYPE;
exports.PAIR = PAIR;
exports.SCALAR = SCALAR;
exports.SEQ = SEQ;
exports.hasAnchor = hasAnchor;
exports.isAlias = isAlias;
exports.isCollection = isCollection;
exports.isDocument = isDocument;
exports.isMap = isMap;
exports.isNode = isNode;
exports.isPair = isPair;
exports.isScalar = isScalar;
exports.isSeq = isSeq;


/***/ }),

/***/ 4043:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

/**
 * Recursively convert any node or its contents to native JavaScript
 *
 * @param value - The input value
 * @param arg - If `value` defines a `toJSON()` method, use this
 *   as its first argument
 * @param ctx - Conversion context, originally set in Document#toJS(). If
 *   `{ keep: true }` is not set, output should be suitable for JSON
 *   stringification.
 */
function toJS(value, arg, ctx) {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-return
    if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
    if (value && typeof value.toJSON === 'function') {
        // eslint-disable-next-line @typescript-eslint/no-unsafe-call
        if (!ctx || !identity.hasAnchor(value))
            return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: undefined };
        ctx.anchors.set(value, data);
        ctx.onCreate = res => {
            data.res = res;
            delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
            ctx.onCreate(res);
        return res;
    }
    if (typeof value === 'bigint' && !ctx?.keep)
        return Number(value);
    return value;
}

exports.toJS = toJS;


/***/ }),

/***/ 110:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);
var errors = __nccwpck_require__(1464);
var stringifyString = __nccwpck_require__(3069);

function resolveAsScalar(token, strict = true, onError) {
    if (token) {
        const _onError = (pos, code, message) => {
            const offset = typeof pos === 'number' ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
            if (onError)
                onError(offset, code, message);
            else
                throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
            case 'block-scalar':
                return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
    }
    return null;
}
/**
 * Create a new scalar token with `value`
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.end Comments and whitespace after the end of the value, or after the block scalar header. If undefined, a newline will be added.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.indent The indent level of the token.
 * @param context.inFlow Is this scalar within a flow collection? This may affect the resolved type of the token's value.
 * @param context.offset The offset position of the token.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function createScalarToken(value, context) {
    const { implicitKey = false, indent, inFlow = false, offset = -1, type = 'PLAIN' } = context;
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    const end = context.end ?? [
        { type: 'newline', offset: -1, indent, source: '\n' }
    ];
    switch (source[0]) {
        case '|':
        case '>': {
            const he = source.indexOf('\n');
            const head = source.substring(0, he);
            const body = source.substring(he + 1) + '\n';
            const props = [
                { type: 'block-scalar-header', offset, indent, source: head }
            ];
            if (!addEndtoBlockProps(props, end))
                props.push({ type: 'newline', offset: -1, indent, source: '\n' });
            return { type: 'block-scalar', offset, indent, props, source: body };
        }
        case '"':
            return { type: 'double-quoted-scalar', offset, indent, source, end };
        case "'":
            return { type: 'single-quoted-scalar', offset, indent, source, end };
        default:
            return { type: 'scalar', offset, indent, source, end };
    }
}
/**
 * Set the value of `token` to the given string `value`, overwriting any previous contents and type that it may have.
 *
 * Best efforts are made to retain any comments previously associated with the `token`,
 * though all contents within a collection's `items` will be overwritten.
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param token Any token. If it does not include an `indent` value, the value will be stringified as if it were an implicit key.
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.afterKey In most cases, values after a key should have an additional level of indentation.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.inFlow Being within a flow collection may affect the resolved type of the token's value.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function setScalarValue(token, value, context = {}) {
    let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
    let indent = 'indent' in token ? token.indent : null;
    if (afterKey && typeof indent === 'number')
        indent += 2;
    if (!type)
        switch (token.type) {
            case 'single-quoted-scalar':
                type = 'QUOTE_SINGLE';
                break;
            case 'double-quoted-scalar':
                type = 'QUOTE_DOUBLE';
                break;
            case 'block-scalar': {
                const header = token.props[0];
                if (header.type !== 'block-scalar-header')
                    throw new Error('Invalid block scalar header');
                type = header.source[0] === '>' ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL';
                break;
            }
            default:
                type = 'PLAIN';
        }
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    switch (source[0]) {
        case '|':
        case '>':
            setBlockScalarValue(token, source);
            break;
        case '"':
            setFlowScalarValue(token, source, 'double-quoted-scalar');
            break;
        case "'":
            setFlowScalarValue(token, source, 'single-quoted-scalar');
            break;
        default:
            setFlowScalarValue(token, source, 'scalar');
    }
}
function setBlockScalarValue(token, source) {
    const he = source.indexOf('\n');
    const head = source.substring(0, he);
    const body = source.substring(he + 1) + '\n';
    if (token.type === 'block-scalar') {
        const header = token.props[0];
        if (header.type !== 'block-scalar-header')
            throw new Error('Invalid block scalar header');
        header.source = head;
        token.source = body;
    }
    else {
        const { offset } = token;
        const indent = 'indent' in token ? token.indent : -1;
        const props = [
            { type: 'block-scalar-header', offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, 'end' in token ? token.end : undefined))
            props.push({ type: 'newline', offset: -1, indent, source: '\n' });
        for (const key of Object.keys(token))
            if (key !== 'type' && key !== 'offset')
                delete token[key];
        Object.assign(token, { type: 'block-scalar', indent, props, source: body });
    }
}
/** @returns `true` if last token is a newline */
function addEndtoBlockProps(props, end) {
    if (end)
        for (const st of end)
            switch (st.type) {
                case 'space':
                case 'comment':
                    props.push(st);
                    break;
                case 'newline':
                    props.push(st);
                    return true;
            }
    return false;
}
function setFlowScalarValue(token, source, type) {
    switch (token.type) {
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            token.type = type;
            token.source = source;
            break;
        case 'block-scalar': {
            const end = token.props.slice(1);
            let oa = source.length;
            if (token.props[0].type === 'block-scalar-header')
                oa -= token.props[0].source.length;
            for (const tok of end)
                tok.offset += oa;
            delete token.props;
            Object.assign(token, { type, source, end });
            break;
        }
        case 'block-map':
        case 'block-seq': {
            const offset = token.offset + source.length;
            const nl = { type: 'newline', offset, indent: token.indent, source: '\n' };
            delete token.items;
            Object.assign(token, { type, source, end: [nl] });
            break;
        }
        default: {
            const indent = 'indent' in token ? token.indent : -1;
            const end = 'end' in token && Array.isArray(token.end)
                ? token.end.filter(st => st.type === 'space' ||
                    st.type === 'comment' ||
                    st.type === 'newline')
                : [];
            for (const key of Object.keys(token))
                if (key !== 'type' && key !== 'offset')
                    delete token[key];
            Object.assign(token, { type, indent, source, end });
        }
    }
}

exports.createScalarToken = createScalarToken;
exports.resolveAsScalar = resolveAsScalar;
exports.setScalarValue = setScalarValue;


/***/ }),

/***/ 1733:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringify a CST document, token, or collection item
 *
 * Fair warning: This applies no validation whatsoever, and
 * simply concatenates the sources in their logical order.
 */
const stringify = (cst) => 'type' in cst ? stringifyToken(cst) : stringifyItem(cst);
function stringifyToken(token) {
    switch (token.type) {
        case 'block-scalar': {
            let res = '';
            for (const tok of token.props)
                res += stringifyToken(tok);
            return res + token.source;
        }
        case 'block-map':
        case 'block-seq': {
            let res = '';
            for (const item of token.items)
                res += stringifyItem(item);
            return res;
        }
        case 'flow-collection': {
            let res = token.start.source;
            for (const item of token.items)
                res += stringifyItem(item);
            for (const st of token.end)
                res += st.source;
            return res;
        }
        case 'document': {
            let res = stringifyItem(token);
            if (token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
        default: {
            let res = token.source;
            if ('end' in token && token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
    }
}
function stringifyItem({ start, key, sep, value }) {
    let res = '';
    for (const st of start)
        res += st.source;
    if (key)
        res += stringifyToken(key);
    if (sep)
        for (const st of sep)
            res += st.source;
    if (value)
        res += stringifyToken(value);
    return res;
}

exports.stringify = stringify;


/***/ }),

/***/ 7715:
/***/ ((__unused_webpack_module, exports) => {



const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove item');
/**
 * Apply a visitor to a CST document or item.
 *
 * Walks through the tree (depth-first) starting from the root, calling a
 * `visitor` function with two arguments when entering each item:
 *   - `item`: The current item, which included the following members:
 *     - `start: SourceToken[]` – Source tokens before the key or value,
 *       possibly including its anchor or tag.
 *     - `key?: Token | null` – Set for pair values. May then be `null`, if
 *       the key before the `:` separator is empty.
 *     - `sep?: SourceToken[]` – Source tokens between the key and the value,
 *       which should include the `:` map value indicator if `value` is set.
 *     - `value?: Token` – The value of a sequence item, or of a map pair.
 *   - `path`: The steps from the root to the current node, as an array of
 *     `['key' | 'value', number]` tuples.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this token, continue with
 *      next sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current item, then continue with the next one
 *   - `number`: Set the index of the next step. This is useful especially if
 *     the index of the current token has changed.
 *   - `function`: Define the next visitor for this item. After the original
 *     visitor is called on item entry, next visitors are called after handling
 *     a non-empty `key` and when exiting the item.
 */
function visit(cst, visitor) {
    if ('type' in cst && cst.type === 'document')
        cst = { start: cst.start, value: cst.value };
    _visit(Object.freeze([]), cst, visitor);
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current item */
visit.SKIP = SKIP;
/** Remove the current item */
visit.REMOVE = REMOVE;
/** Find the item at `path` from `cst` as the root */
visit.itemAtPath = (cst, path) => {
    let item = cst;
    for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && 'items' in tok) {
            item = tok.items[index];
        }
        else
            return undefined;
    }
    return item;
};
/**
 * Get the immediate parent collection of the item at `path` from `cst` as the root.
 *
 * Throws an error if the collection is not found, which should never happen if the item itself exists.
 */
visit.parentCollection = (cst, path) => {
    const parent = visit.itemAtPath(cst, path.slice(0, -1));
    const field = path[path.length - 1][0];
    const coll = parent?.[field];
    if (coll && 'items' in coll)
        return coll;
    throw new Error('Parent collection not found');
};
function _visit(path, item, visitor) {
    let ctrl = visitor(item, path);
    if (typeof ctrl === 'symbol')
        return ctrl;
    for (const field of ['key', 'value']) {
        const token = item[field];
        if (token && 'items' in token) {
            for (let i = 0; i < token.items.length; ++i) {
                const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    token.items.splice(i, 1);
                    i -= 1;
                }
            }
            if (typeof ctrl === 'function' && field === 'key')
                ctrl = ctrl(item, path);
        }
    }
    return typeof ctrl === 'function' ? ctrl(item, path) : ctrl;
}

exports.visit = visit;


/***/ }),

/***/ 3461:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cstScalar = __nccwpck_require__(110);
var cstStringify = __nccwpck_require__(1733);
var cstVisit = __nccwpck_require__(7715);

/** The byte order mark */
const BOM = '\u{FEFF}';
/** Start of doc-mode */
const DOCUMENT = '\x02'; // C0: Start of Text
/** Unexpected end of flow-mode */
const FLOW_END = '\x18'; // C0: Cancel
/** Next token is a scalar value */
const SCALAR = '\x1f'; // C0: Unit Separator
/** @returns `true` if `token` is a flow or block collection */
const isCollection = (token) => !!token && 'items' in token;
/** @returns `true` if `token` is a flow or block scalar; not an alias */
const isScalar = (token) => !!token &&
    (token.type === 'scalar' ||
        token.type === 'single-quoted-scalar' ||
        token.type === 'double-quoted-scalar' ||
        token.type === 'block-scalar');
/* istanbul ignore next */
/** Get a printable representation of a lexer token */
function prettyToken(token) {
    switch (token) {
        case BOM:
            return '<BOM>';
        case DOCUMENT:
            return '<DOC>';
        case FLOW_END:
            return '<FLOW_END>';
        case SCALAR:
            return '<SCALAR>';
        default:
            return JSON.stringify(token);
    }
}
/** Identify the type of a lexer token. May return `null` for unknown tokens. */
function tokenType(source) {
    switch (source) {
        case BOM:
            return 'byte-order-mark';
        case DOCUMENT:
            return 'doc-mode';
        case FLOW_END:
            return 'flow-error-end';
        case SCALAR:
            return 'scalar';
        case '---':
            return 'doc-start';
        case '...':
            return 'doc-end';
        case '':
        case '\n':
        case '\r\n':
            return 'newline';
        case '-':
            return 'seq-item-ind';
        case '?':
            return 'explicit-key-ind';
        case ':':
            return 'map-value-ind';
        case '{':
            return 'flow-map-start';
        case '}':
            return 'flow-map-end';
        case '[':
            return 'flow-seq-start';
        case ']':
            return 'flow-seq-end';
        case ',':
            return 'comma';
    }
    switch (source[0]) {
        case ' ':
        case '\t':
            return 'space';
        case '#':
            return 'comment';
        case '%':
            return 'directive-line';
        case '*':
            return 'alias';
        case '&':
            return 'anchor';
        case '!':
            return 'tag';
        case "'":
            return 'single-quoted-scalar';
        case '"':
            return 'double-quoted-scalar';
        case '|':
        case '>':
            return 'block-scalar-header';
    }
    return null;
}

exports.createScalarToken = cstScalar.createScalarToken;
exports.resolveAsScalar = cstScalar.resolveAsScalar;
exports.setScalarValue = cstScalar.setScalarValue;
exports.stringify = cstStringify.stringify;
exports.visit = cstVisit.visit;
exports.BOM = BOM;
exports.DOCUMENT = DOCUMENT;
exports.FLOW_END = FLOW_END;
exports.SCALAR = SCALAR;
exports.isCollection = isCollection;
exports.isScalar = isScalar;
exports.prettyToken = prettyToken;
exports.tokenType = tokenType;


/***/ }),

/***/ 361:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cst = __nccwpck_require__(3461);

/*
START -> stream

stream
  directive -> line-end -> stream
  indent + line-end -> stream
  [else] -> line-start

line-end
  comment -> line-end
  newline -> .
  input-end -> END

line-start
  doc-start -> doc
  doc-end -> stream
  [else] -> indent -> block-start

block-start
  seq-item-start -> block-start
  explicit-key-start -> block-start
  map-value-start -> block-start
  [else] -> doc

doc
  line-end -> line-start
  spaces -> doc
  anchor -> doc
  tag -> doc
  flow-start -> flow -> doc
  flow-end -> error -> doc
  seq-item-start -> error -> doc
  explicit-key-start -> error -> doc
  map-value-start -> doc
  alias -> doc
  quote-start -> quoted-scalar -> doc
  block-scalar-header -> line-end -> block-scalar(min) -> line-start
  [else] -> plain-scalar(false, min) -> doc

flow
  line-end -> flow
  spaces -> flow
  anchor -> flow
  tag -> flow
  flow-start -> flow -> flow
  flow-end -> .
  seq-item-start -> error -> flow
  explicit-key-start -> flow
  map-value-start -> flow
  alias -> flow
  quote-start -> quoted-scalar -> flow
  comma -> flow
  [else] -> plain-scalar(true, 0) -> flow

quoted-scalar
  quote-end -> .
  [else] -> quoted-scalar

block-scalar(min)
  newline + peek(indent < min) -> .
  [else] -> block-scalar(min)

plain-scalar(is-flow, min)
  scalar-end(is-flow) -> .
  peek(newline + (indent < min)) -> .
  [else] -> plain-scalar(min)
*/
function isEmpty(ch) {
    switch (ch) {
        case undefined:
        case ' ':
        case '\n':
        case '\r':
        case '\t':
            return true;
        default:
            return false;
    }
}
const hexDigits = new Set('0123456789ABCDEFabcdef');
const tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
const flowIndicatorChars = new Set(',[]{}');
const invalidAnchorChars = new Set(' ,[]{}\n\r\t');
const isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
/**
 * Splits an input string into lexical tokens, i.e. smaller strings that are
 * easily identifiable by `tokens.tokenType()`.
 *
 * Lexing starts always in a "stream" context. Incomplete input may be buffered
 * until a complete token can be emitted.
 *
 * In addition to slices of the original input, the following control characters
 * may also be emitted:
 *
 * - `\x02` (Start of Text): A document starts with the next token
 * - `\x18` (Cancel): Unexpected end of flow-mode (indicates an error)
 * - `\x1f` (Unit Separator): Next token is a scalar value
 * - `\u{FEFF}` (Byte order mark): Emitted separately outside documents
 */
class Lexer {
    constructor() {
        /**
         * Flag indicating whether the end of the current buffer marks the end of
         * all input
         */
        this.atEnd = false;
        /**
         * Explicit indent set in block scalar header, as an offset from the current
         * minimum indent, so e.g. set to 1 from a header `|2+`. Set to -1 if not
         * explicitly set.
         */
        this.blockScalarIndent = -1;
        /**
         * Block scalars that include a + (keep) chomping indicator in their header
         * include trailing empty lines, which are otherwise excluded from the
         * scalar's contents.
         */
        this.blockScalarKeep = false;
        /** Current input */
        this.buffer = '';
        /**
         * Flag noting whether the map value indicator : can immediately follow this
         * node within a flow context.
         */
        this.flowKey = false;
        /** Count of surrounding flow collection levels. */
        this.flowLevel = 0;
        /**
         * Minimum level of indentation required for next lines to be parsed as a
         * part of the current scalar value.
         */
        this.indentNext = 0;
        /** Indentation level of the current line. */
        this.indentValue = 0;
        /** Position of the next \n character. */
        this.lineEndPos = null;
        /** Stores the state of the lexer if reaching the end of incpomplete input */
        this.next = null;
        /** A pointer to `buffer`; the current position of the lexer. */
        this.pos = 0;
    }
    /**
     * Generate YAML tokens from the `source` string. If `incomplete`,
     * a part of the last line may be left as a buffer for the next call.
     *
     * @returns A generator of lexical tokens
     */
    *lex(source, incomplete = false) {
        if (source) {
            if (typeof source !== 'string')
                throw TypeError('source is not a string');
            this.buffer = this.buffer ? this.buffer + source : source;
            this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? 'stream';
        while (next && (incomplete || this.hasChars(1)))
            next = yield* this.parseNext(next);
    }
    atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === ' ' || ch === '\t')
            ch = this.buffer[++i];
        if (!ch || ch === '#' || ch === '\n')
            return true;
        if (ch === '\r')
            return this.buffer[i + 1] === '\n';
        return false;
    }
    charAt(n) {
        return this.buffer[this.pos + n];
    }
    continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
            let indent = 0;
            while (ch === ' ')
                ch = this.buffer[++indent + offset];
            if (ch === '\r') {
                const next = this.buffer[indent + offset + 1];
                if (next === '\n' || (!next && !this.atEnd))
                    return offset + indent + 1;
            }
            return ch === '\n' || indent >= this.indentNext || (!ch && !this.atEnd)
                ? offset + indent
                : -1;
        }
        if (ch === '-' || ch === '.') {
            const dt = this.buffer.substr(offset, 3);
            if ((dt === '---' || dt === '...') && isEmpty(this.buffer[offset + 3]))
                return -1;
        }
        return offset;
    }
    getLine() {
        let end = this.lineEndPos;
        if (typeof end !== 'number' || (end !== -1 && end < this.pos)) {
            end = this.buffer.indexOf('\n', this.pos);
            this.lineEndPos = end;
        }
        if (end === -1)
            return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === '\r')
            end -= 1;
        return this.buffer.substring(this.pos, end);
    }
    hasChars(n) {
        return this.pos + n <= this.buffer.length;
    }
    setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
    }
    peek(n) {
        return this.buffer.substr(this.pos, n);
    }
    *parseNext(next) {
        switch (next) {
            case 'stream':
                return yield* this.parseStream();
            case 'line-start':
                return yield* this.parseLineStart();
            case 'block-start':
                return yield* this.parseBlockStart();
            case 'doc':
                return yield* this.parseDocument();
            case 'flow':
                return yield* this.parseFlowCollection();
            case 'quoted-scalar':
                return yield* this.parseQuotedScalar();
            case 'block-scalar':
                return yield* this.parseBlockScalar();
            case 'plain-scalar':
                return yield* this.parsePlainScalar();
        }
    }
    *parseStream() {
        let line = this.getLine();
        if (line === null)
            return this.setNext('stream');
        if (line[0] === cst.BOM) {
            yield* this.pushCount(1);
            line = line.substring(1);
        }
        if (line[0] === '%') {
            let dirEnd = line.length;
            let cs = line.indexOf('#');
            while (cs !== -1) {
                const ch = line[cs - 1];
                if (ch === ' ' || ch === '\t') {
                    dirEnd = cs - 1;
                    break;
                }
                else {
                    cs = line.indexOf('#', cs + 1);
                }
            }
            while (true) {
                const ch = line[dirEnd - 1];
                if (ch === ' ' || ch === '\t')
                    dirEnd -= 1;
                else
                    break;
            }
            const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
            yield* this.pushCount(line.length - n); // possible comment
            this.pushNewline();
            return 'stream';
        }
        if (this.atLineEnd()) {
            const sp = yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - sp);
            yield* this.pushNewline();
            return 'stream';
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
    }
    *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
            return this.setNext('line-start');
        if (ch === '-' || ch === '.') {
            if (!this.atEnd && !this.hasChars(4))
                return this.setNext('line-start');
            const s = this.peek(3);
            if ((s === '---' || s === '...') && isEmpty(this.charAt(3))) {
                yield* this.pushCount(3);
                this.indentValue = 0;
                this.indentNext = 0;
                return s === '---' ? 'doc' : 'stream';
            }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
            this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
    }
    *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
            return this.setNext('block-start');
        if ((ch0 === '-' || ch0 === '?' || ch0 === ':') && isEmpty(ch1)) {
            const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
            this.indentNext = this.indentValue + 1;
            this.indentValue += n;
            return 'block-start';
        }
        return 'doc';
    }
    *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
            return this.setNext('doc');
        let n = yield* this.pushIndicators();
        switch (line[n]) {
            case '#':
                yield* this.pushCount(line.length - n);
            // fallthrough
            case undefined:
                yield* this.pushNewline();
                return yield* this.parseLineStart();
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel = 1;
                return 'flow';
            case '}':
            case ']':
                // this is an error
                yield* this.pushCount(1);
                return 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'doc';
            case '"':
            case "'":
                return yield* this.parseQuotedScalar();
            case '|':
            case '>':
                n += yield* this.parseBlockScalarHeader();
                n += yield* this.pushSpaces(true);
                yield* this.pushCount(line.length - n);
                yield* this.pushNewline();
                return yield* this.parseBlockScalar();
            default:
                return yield* this.parsePlainScalar();
        }
    }
    *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
            nl = yield* this.pushNewline();
            if (nl > 0) {
                sp = yield* this.pushSpaces(false);
                this.indentValue = indent = sp;
            }
            else {
                sp = 0;
            }
            sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
            return this.setNext('flow');
        if ((indent !== -1 && indent < this.indentNext && line[0] !== '#') ||
            (indent === 0 &&
                (line.startsWith('---') || line.startsWith('...')) &&
                isEmpty(line[3]))) {
            // Allowing for the terminal ] or } at the same (rather than greater)
            // indent level as the initial [ or { is technically invalid, but
            // failing here would be surprising to users.
            const atFlowEndMarker = indent === this.indentNext - 1 &&
                this.flowLevel === 1 &&
                (line[0] === ']' || line[0] === '}');
            if (!atFlowEndMarker) {
                // this is an error
                this.flowLevel = 0;
                yield cst.FLOW_END;
                return yield* this.parseLineStart();
            }
        }
        let n = 0;
        while (line[n] === ',') {
            n += yield* this.pushCount(1);
            n += yield* this.pushSpaces(true);
            this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
            case undefined:
                return 'flow';
            case '#':
                yield* this.pushCount(line.length - n);
                return 'flow';
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel += 1;
                return 'flow';
            case '}':
            case ']':
                yield* this.pushCount(1);
                this.flowKey = true;
                this.flowLevel -= 1;
                return this.flowLevel ? 'flow' : 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'flow';
            case '"':
            case "'":
                this.flowKey = true;
                return yield* this.parseQuotedScalar();
            case ':': {
                const next = this.charAt(1);
                if (this.flowKey || isEmpty(next) || next === ',') {
                    this.flowKey = false;
                    yield* this.pushCount(1);
                    yield* this.pushSpaces(true);
                    return 'flow';
                }
            }
            // fallthrough
            default:
                this.flowKey = false;
                return yield* this.parsePlainScalar();
        }
    }
    *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
            while (end !== -1 && this.buffer[end + 1] === "'")
                end = this.buffer.indexOf("'", end + 2);
        }
        else {
            // double-quote
            while (end !== -1) {
                let n = 0;
                while (this.buffer[end - 1 - n] === '\\')
                    n += 1;
                if (n % 2 === 0)
                    break;
                end = this.buffer.indexOf('"', end + 1);
            }
        }
        // Only looking for newlines within the quotes
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf('\n', this.pos);
        if (nl !== -1) {
            while (nl !== -1) {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = qb.indexOf('\n', cs);
            }
            if (nl !== -1) {
                // this is an error caused by an unexpected unindent
                end = nl - (qb[nl - 1] === '\r' ? 2 : 1);
            }
        }
        if (end === -1) {
            if (!this.atEnd)
                return this.setNext('quoted-scalar');
            end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? 'flow' : 'doc';
    }
    *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
            const ch = this.buffer[++i];
            if (ch === '+')
                this.blockScalarKeep = true;
            else if (ch > '0' && ch <= '9')
                this.blockScalarIndent = Number(ch) - 1;
            else if (ch !== '-')
                break;
        }
        return yield* this.pushUntil(ch => isEmpty(ch) || ch === '#');
    }
    *parseBlockScalar() {
        let nl = this.pos - 1; // may be -1 if this.pos === 0
        let indent = 0;
        let ch;
        loop: for (let i = this.pos; (ch = this.buffer[i]); ++i) {
            switch (ch) {
                case ' ':
                    indent += 1;
                    break;
                case '\n':
                    nl = i;
                    indent = 0;
                    break;
                case '\r': {
                    const next = this.buffer[i + 1];
                    if (!next && !this.atEnd)
                        return this.setNext('block-scalar');
                    if (next === '\n')
                        break;
                } // fallthrough
                default:
                    break loop;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('block-scalar');
        if (indent >= this.indentNext) {
            if (this.blockScalarIndent === -1)
                this.indentNext = indent;
            else {
                this.indentNext =
                    this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
            }
            do {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = this.buffer.indexOf('\n', cs);
            } while (nl !== -1);
            if (nl === -1) {
                if (!this.atEnd)
                    return this.setNext('block-scalar');
                nl = this.buffer.length;
            }
        }
        // Trailing insufficiently indented tabs are invalid.
        // To catch that during parsing, we include them in the block scalar value.
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === ' ')
            ch = this.buffer[++i];
        if (ch === '\t') {
            while (ch === '\t' || ch === ' ' || ch === '\r' || ch === '\n')
                ch = this.buffer[++i];
            nl = i - 1;
        }
        else if (!this.blockScalarKeep) {
            do {
                let i = nl - 1;
                let ch = this.buffer[i];
                if (ch === '\r')
                    ch = this.buffer[--i];
                const lastChar = i; // Drop the line if last char not more indented
                while (ch === ' ')
                    ch = this.buffer[--i];
                if (ch === '\n' && i >= this.pos && i + 1 + indent > lastChar)
                    nl = i;
                else
                    break;
            } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
    }
    *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while ((ch = this.buffer[++i])) {
            if (ch === ':') {
                const next = this.buffer[i + 1];
                if (isEmpty(next) || (inFlow && flowIndicatorChars.has(next)))
                    break;
                end = i;
            }
            else if (isEmpty(ch)) {
                let next = this.buffer[i + 1];
                if (ch === '\r') {
                    if (next === '\n') {
                        i += 1;
                        ch = '\n';
                        next = this.buffer[i + 1];
                    }
                    else
                        end = i;
                }
                if (next === '#' || (inFlow && flowIndicatorChars.has(next)))
                    break;
                if (ch === '\n') {
                    const cs = this.continueScalar(i + 1);
                    if (cs === -1)
                        break;
                    i = Math.max(i, cs - 2); // to advance, but still account for ' #'
                }
            }
            else {
                if (inFlow && flowIndicatorChars.has(ch))
                    break;
                end = i;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('plain-scalar');
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? 'flow' : 'doc';
    }
    *pushCount(n) {
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos += n;
            return n;
        }
        return 0;
    }
    *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
            yield s;
            this.pos += s.length;
            return s.length;
        }
        else if (allowEmpty)
            yield '';
        return 0;
    }
    *pushIndicators() {
        let n = 0;
        loop: while (true) {
            switch (this.charAt(0)) {
                case '!':
                    n += yield* this.pushTag();
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '&':
                    n += yield* this.pushUntil(isNotAnchorChar);
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '-': // this is an error
                case '?': // this is an error outside flow collections
                case ':': {
                    const inFlow = this.flowLevel > 0;
                    const ch1 = this.charAt(1);
                    if (isEmpty(ch1) || (inFlow && flowIndicatorChars.has(ch1))) {
                        if (!inFlow)
                            this.indentNext = this.indentValue + 1;
                        else if (this.flowKey)
                            this.flowKey = false;
                        n += yield* this.pushCount(1);
                        n += yield* this.pushSpaces(true);
                        continue loop;
                    }
                }
            }
            break loop;
        }
        return n;
    }
    *pushTag() {
        if (this.charAt(1) === '<') {
            let i = this.pos + 2;
            let ch = this.buffer[i];
            while (!isEmpty(ch) && ch !== '>')
                ch = this.buffer[++i];
            return yield* this.pushToIndex(ch === '>' ? i + 1 : i, false);
        }
        else {
            let i = this.pos + 1;
            let ch = this.buffer[i];
            while (ch) {
                if (tagChars.has(ch))
                    ch = this.buffer[++i];
                else if (ch === '%' &&
                    hexDigits.has(this.buffer[i + 1]) &&
                    hexDigits.has(this.buffer[i + 2])) {
                    ch = this.buffer[(i += 3)];
                }
                else
                    break;
            }
            return yield* this.pushToIndex(i, false);
        }
    }
    *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === '\n')
            return yield* this.pushCount(1);
        else if (ch === '\r' && this.charAt(1) === '\n')
            return yield* this.pushCount(2);
        else
            return 0;
    }
    *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
            ch = this.buffer[++i];
        } while (ch === ' ' || (allowTabs && ch === '\t'));
        const n = i - this.pos;
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos = i;
        }
        return n;
    }
    *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
            ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
    }
}

exports.Lexer = Lexer;


/***/ }),

/***/ 6628:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Tracks newlines during parsing in order to provide an efficient API for
 * determining the one-indexed `{ line, col }` position for any offset
 * within the input.
 */
class LineCounter {
    constructor() {
        this.lineStarts = [];
        /**
         * Should be called in ascending order. Otherwise, call
         * `lineCounter.lineStarts.sort()` before calling `linePos()`.
         */
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        /**
         * Performs a binary search and returns the 1-indexed { line, col }
         * position of `offset`. If `line === 0`, `addNewLine` has never been
         * called or `offset` is before the first known newline.
         */
        this.linePos = (offset) => {
            let low = 0;
            let high = this.lineStarts.length;
            while (low < high) {
                const mid = (low + high) >> 1; // Math.floor((low + high) / 2)
                if (this.lineStarts[mid] < offset)
                    low = mid + 1;
                else
                    high = mid;
            }
            if (this.lineStarts[low] === offset)
                return { line: low + 1, col: 1 };
            if (low === 0)
                return { line: 0, col: offset };
            const start = this.lineStarts[low - 1];
            return { line: low, col: offset - start + 1 };
        };
    }
}

exports.LineCounter = LineCounter;


/***/ }),

/***/ 3456:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);

function includesToken(list, type) {
    for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
            return true;
    return false;
}
function findNonEmptyIndex(list) {
    for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
            case 'space':
            case 'comment':
            case 'newline':
                break;
            default:
                return i;
        }
    }
    return -1;
}
function isFlowToken(token) {
    switch (token?.type) {
        case 'alias':
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'flow-collection':
            return true;
        default:
            return false;
    }
}
function getPrevProps(parent) {
    switch (parent.type) {
        case 'document':
            return parent.start;
        case 'block-map': {
            const it = parent.items[parent.items.length - 1];
            return it.sep ?? it.start;
        }
        case 'block-seq':
            return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
            return [];
    }
}
/** Note: May modify input array */
function getFirstKeyStartProps(prev) {
    if (prev.length === 0)
        return [];
    let i = prev.length;
    loop: while (--i >= 0) {
        switch (prev[i].type) {
            case 'doc-start':
            case 'explicit-key-ind':
            case 'map-value-ind':
            case 'seq-item-ind':
            case 'newline':
                break loop;
        }
    }
    while (prev[++i]?.type === 'space') {
        /* loop */
    }
    return prev.splice(i, prev.length);
}
function arrayPushArray(target, source) {
    // May exhaust call stack with large `source` array
    if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
    else
        for (let i = 0; i < source.length; ++i)
            target.push(source[i]);
}
function fixFlowSeqItems(fc) {
    if (fc.start.type === 'flow-seq-start') {
        for (const it of fc.items) {
            if (it.sep &&
                !it.value &&
                !includesToken(it.start, 'explicit-key-ind') &&
                !includesToken(it.sep, 'map-value-ind')) {
                if (it.key)
                    it.value = it.key;
                delete it.key;
                if (isFlowToken(it.value)) {
                    if (it.value.end)
                        arrayPushArray(it.value.end, it.sep);
                    else
                        it.value.end = it.sep;
                }
                else
                    arrayPushArray(it.start, it.sep);
                delete it.sep;
            }
        }
    }
}
/**
 * A YAML concrete syntax tree (CST) parser
 *
 * ```ts
 * const src: string = ...
 * for (const token of new Parser().parse(src)) {
 *   // token: Token
 * }
 * ```
 *
 * To use the parser with a user-provided lexer:
 *
 * ```ts
 * function* parse(source: string, lexer: Lexer) {
 *   const parser = new Parser()
 *   for (const lexeme of lexer.lex(source))
 *     yield* parser.next(lexeme)
 *   yield* parser.end()
 * }
 *
 * const src: string = ...
 * const lexer = new Lexer()
 * for (const token of parse(src, lexer)) {
 *   // token: Token
 * }
 * ```
 */
class Parser {
    /**
     * @param onNewLine - If defined, called separately with the start position of
     *   each new line (in `parse()`, including the start of input).
     */
    constructor(onNewLine) {
        /** If true, space and sequence indicators count as indentation */
        this.atNewLine = true;
        /** If true, next token is a scalar value */
        this.atScalar = false;
        /** Current indentation level */
        this.indent = 0;
        /** Current offset since the start of parsing */
        this.offset = 0;
        /** On the same line with a block map key */
        this.onKeyLine = false;
        /** Top indicates the node that's currently being built */
        this.stack = [];
        /** The source of the current token, set in parse() */
        this.source = '';
        /** The type of the current token, set in parse() */
        this.type = '';
        // Must be defined after `next()`
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
    }
    /**
     * Parse `source` as a YAML stream.
     * If `incomplete`, a part of the last line may be left as a buffer for the next call.
     *
     * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
     *
     * @returns A generator of tokens representing each directive, document, and other structure.
     */
    *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
            this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
            yield* this.next(lexeme);
        if (!incomplete)
            yield* this.end();
    }
    /**
     * Advance the parser by the `source` of one lexical token.
     */
    *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
            console.log('|', cst.prettyToken(source));
        if (this.atScalar) {
            this.atScalar = false;
            yield* this.step();
            this.offset += source.length;
            return;
        }
        const type = cst.tokenType(source);
        if (!type) {
            const message = `Not a YAML token: ${source}`;
            yield* this.pop({ type: 'error', offset: this.offset, message, source });
            this.offset += source.length;
        }
        else if (type === 'scalar') {
            this.atNewLine = false;
            this.atScalar = true;
            this.type = 'scalar';
        }
        else {
            this.type = type;
            yield* this.step();
            switch (type) {
                case 'newline':
                    this.atNewLine = true;
                    this.indent = 0;
                    if (this.onNewLine)
                        this.onNewLine(this.offset + source.length);
                    break;
                case 'space':
                    if (this.atNewLine && source[0] === ' ')
                        this.indent += source.length;
                    break;
                case 'explicit-key-ind':
                case 'map-value-ind':
                case 'seq-item-ind':
                    if (this.atNewLine)
                        this.indent += source.length;
                    break;
                case 'doc-mode':
                case 'flow-error-end':
                    return;
                default:
                    this.atNewLine = false;
            }
            this.offset += source.length;
        }
    }
    /** Call at end of input to push out any remaining constructions */
    *end() {
        while (this.stack.length > 0)
            yield* this.pop();
    }
    get sourceToken() {
        const st = {
            type: this.type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
        return st;
    }
    *step() {
        const top = this.peek(1);
        if (this.type === 'doc-end' && top?.type !== 'doc-end') {
            while (this.stack.length > 0)
                yield* this.pop();
            this.stack.push({
                type: 'doc-end',
                offset: this.offset,
                source: this.source
            });
            return;
        }
        if (!top)
            return yield* this.stream();
        switch (top.type) {
            case 'document':
                return yield* this.document(top);
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return yield* this.scalar(top);
            case 'block-scalar':
                return yield* this.blockScalar(top);
            case 'block-map':
                return yield* this.blockMap(top);
            case 'block-seq':
                return yield* this.blockSequence(top);
            case 'flow-collection':
                return yield* this.flowCollection(top);
            case 'doc-end':
                return yield* this.documentEnd(top);
        }
        /* istanbul ignore next should not happen */
        yield* this.pop();
    }
    peek(n) {
        return this.stack[this.stack.length - n];
    }
    *pop(error) {
        const token = error ?? this.stack.pop();
        /* istanbul ignore if should not happen */
        if (!token) {
            const message = 'Tried to pop an empty stack';
            yield { type: 'error', offset: this.offset, source: '', message };
        }
        else if (this.stack.length === 0) {
            yield token;
        }
        else {
            const top = this.peek(1);
            if (token.type === 'block-scalar') {
                // Block scalars use their parent rather than header indent
                token.indent = 'indent' in top ? top.indent : 0;
            }
            else if (token.type === 'flow-collection' && top.type === 'document') {
                // Ignore all indent for top-level flow collections
                token.indent = 0;
            }
            if (token.type === 'flow-collection')
                fixFlowSeqItems(token);
            switch (top.type) {
                case 'document':
                    top.value = token;
                    break;
                case 'block-scalar':
                    top.props.push(token); // error
                    break;
                case 'block-map': {
                    const it = top.items[top.items.length - 1];
                    if (it.value) {
                        top.items.push({ start: [], key: token, sep: [] });
                        this.onKeyLine = true;
                        return;
                    }
                    else if (it.sep) {
                        it.value = token;
                    }
                    else {
                        Object.assign(it, { key: token, sep: [] });
                        this.onKeyLine = !it.explicitKey;
                        return;
                    }
                    break;
                }
                case 'block-seq': {
                    const it = top.items[top.items.length - 1];
                    if (it.value)
                        top.items.push({ start: [], value: token });
                    else
                        it.value = token;
                    break;
                }
                case 'flow-collection': {
                    const it = top.items[top.items.length - 1];
                    if (!it || it.value)
                        top.items.push({ start: [], key: token, sep: [] });
                    else if (it.sep)
                        it.value = token;
                    else
                        Object.assign(it, { key: token, sep: [] });
                    return;
                }
                /* istanbul ignore next should not happen */
                default:
                    yield* this.pop();
                    yield* this.pop(token);
            }
            if ((top.type === 'document' ||
                top.type === 'block-map' ||
                top.type === 'block-seq') &&
                (token.type === 'block-map' || token.type === 'block-seq')) {
                const last = token.items[token.items.length - 1];
                if (last &&
                    !last.sep &&
                    !last.value &&
                    last.start.length > 0 &&
                    findNonEmptyIndex(last.start) === -1 &&
                    (token.indent === 0 ||
                        last.start.every(st => st.type !== 'comment' || st.indent < token.indent))) {
                    if (top.type === 'document')
                        top.end = last.start;
                    else
                        top.items.push({ start: last.start });
                    token.items.splice(-1, 1);
                }
            }
        }
    }
    *stream() {
        switch (this.type) {
            case 'directive-line':
                yield { type: 'directive', offset: this.offset, source: this.source };
                return;
            case 'byte-order-mark':
            case 'space':
            case 'comment':
            case 'newline':
                yield this.sourceToken;
                return;
            case 'doc-mode':
            case 'doc-start': {
                const doc = {
                    type: 'document',
                    offset: this.offset,
                    start: []
                };
                if (this.type === 'doc-start')
                    doc.start.push(this.sourceToken);
                this.stack.push(doc);
                return;
            }
        }
        yield {
            type: 'error',
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML stream`,
            source: this.source
        };
    }
    *document(doc) {
        if (doc.value)
            return yield* this.lineEnd(doc);
        switch (this.type) {
            case 'doc-start': {
                if (findNonEmptyIndex(doc.start) !== -1) {
                    yield* this.pop();
                    yield* this.step();
                }
                else
                    doc.start.push(this.sourceToken);
                return;
            }
            case 'anchor':
            case 'tag':
            case 'space':
            case 'comment':
            case 'newline':
                doc.start.push(this.sourceToken);
                return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
            this.stack.push(bv);
        else {
            yield {
                type: 'error',
                offset: this.offset,
                message: `Unexpected ${this.type} token in YAML document`,
                source: this.source
            };
        }
    }
    *scalar(scalar) {
        if (this.type === 'map-value-ind') {
            const prev = getPrevProps(this.peek(2));
            const start = getFirstKeyStartProps(prev);
            let sep;
            if (scalar.end) {
                sep = scalar.end;
                sep.push(this.sourceToken);
                delete scalar.end;
            }
            else
                sep = [this.sourceToken];
            const map = {
                type: 'block-map',
                offset: scalar.offset,
                indent: scalar.indent,
                items: [{ start, key: scalar, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
        }
        else
            yield* this.lineEnd(scalar);
    }
    *blockScalar(scalar) {
        switch (this.type) {
            case 'space':
            case 'comment':
            case 'newline':
                scalar.props.push(this.sourceToken);
                return;
            case 'scalar':
                scalar.source = this.source;
                // block-scalar source includes trailing newline
                this.atNewLine = true;
                this.indent = 0;
                if (this.onNewLine) {
                    let nl = this.source.indexOf('\n') + 1;
                    while (nl !== 0) {
                        this.onNewLine(this.offset + nl);
                        nl = this.source.indexOf('\n', nl) + 1;
                    }
                }
                yield* this.pop();
                break;
            /* istanbul ignore next should not happen */
            default:
                yield* this.pop();
                yield* this.step();
        }
    }
    *blockMap(map) {
        const it = map.items[map.items.length - 1];
        // it.sep is true-ish if pair already has key or : separator
        switch (this.type) {
            case 'newline':
                this.onKeyLine = false;
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    it.start.push(this.sourceToken);
                }
                return;
            case 'space':
            case 'comment':
                if (it.value) {
                    map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    if (this.atIndentedComment(it.start, map.indent)) {
                        const prev = map.items[map.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            map.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
        }
        if (this.indent >= map.indent) {
            const atMapIndent = !this.onKeyLine && this.indent === map.indent;
            const atNextItem = atMapIndent &&
                (it.sep || it.explicitKey) &&
                this.type !== 'seq-item-ind';
            // For empty nodes, assign newline-separated not indented empty tokens to following node
            let start = [];
            if (atNextItem && it.sep && !it.value) {
                const nl = [];
                for (let i = 0; i < it.sep.length; ++i) {
                    const st = it.sep[i];
                    switch (st.type) {
                        case 'newline':
                            nl.push(i);
                            break;
                        case 'space':
                            break;
                        case 'comment':
                            if (st.indent > map.indent)
                                nl.length = 0;
                            break;
                        default:
                            nl.length = 0;
                    }
                }
                if (nl.length >= 2)
                    start = it.sep.splice(nl[1]);
            }
            switch (this.type) {
                case 'anchor':
                case 'tag':
                    if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        it.sep.push(this.sourceToken);
                    }
                    else {
                        it.start.push(this.sourceToken);
                    }
                    return;
                case 'explicit-key-ind':
                    if (!it.sep && !it.explicitKey) {
                        it.start.push(this.sourceToken);
                        it.explicitKey = true;
                    }
                    else if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start, explicitKey: true });
                    }
                    else {
                        this.stack.push({
                            type: 'block-map',
                            offset: this.offset,
                            indent: this.indent,
                            items: [{ start: [this.sourceToken], explicitKey: true }]
                        });
                    }
                    this.onKeyLine = true;
                    return;
                case 'map-value-ind':
                    if (it.explicitKey) {
                        if (!it.sep) {
                            if (includesToken(it.start, 'newline')) {
                                Object.assign(it, { key: null, sep: [this.sourceToken] });
                            }
                            else {
                                const start = getFirstKeyStartProps(it.start);
                                this.stack.push({
                                    type: 'block-map',
                                    offset: this.offset,
                                    indent: this.indent,
                                    items: [{ start, key: null, sep: [this.sourceToken] }]
                                });
                            }
                        }
                        else if (it.value) {
                            map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else if (isFlowToken(it.key) &&
                            !includesToken(it.sep, 'newline')) {
                            const start = getFirstKeyStartProps(it.start);
                            const key = it.key;
                            const sep = it.sep;
                            sep.push(this.sourceToken);
                            // @ts-expect-error type guard is wrong here
                            delete it.key;
                            // @ts-expect-error type guard is wrong here
                            delete it.sep;
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key, sep }]
                            });
                        }
                        else if (start.length > 0) {
                            // Not actually at next item
                            it.sep = it.sep.concat(start, this.sourceToken);
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    else {
                        if (!it.sep) {
                            Object.assign(it, { key: null, sep: [this.sourceToken] });
                        }
                        else if (it.value || atNextItem) {
                            map.items.push({ start, key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start: [], key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    this.onKeyLine = true;
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (atNextItem || it.value) {
                        map.items.push({ start, key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        this.stack.push(fs);
                    }
                    else {
                        Object.assign(it, { key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    return;
                }
                default: {
                    const bv = this.startBlockValue(map);
                    if (bv) {
                        if (bv.type === 'block-seq') {
                            if (!it.explicitKey &&
                                it.sep &&
                                !includesToken(it.sep, 'newline')) {
                                yield* this.pop({
                                    type: 'error',
                                    offset: this.offset,
                                    message: 'Unexpected block-seq-ind on same line with key',
                                    source: this.source
                                });
                                return;
                            }
                        }
                        else if (atMapIndent) {
                            map.items.push({ start });
                        }
                        this.stack.push(bv);
                        return;
                    }
                }
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
            case 'newline':
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        seq.items.push({ start: [this.sourceToken] });
                }
                else
                    it.start.push(this.sourceToken);
                return;
            case 'space':
            case 'comment':
                if (it.value)
                    seq.items.push({ start: [this.sourceToken] });
                else {
                    if (this.atIndentedComment(it.start, seq.indent)) {
                        const prev = seq.items[seq.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            seq.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
            case 'anchor':
            case 'tag':
                if (it.value || this.indent <= seq.indent)
                    break;
                it.start.push(this.sourceToken);
                return;
            case 'seq-item-ind':
                if (this.indent !== seq.indent)
                    break;
                if (it.value || includesToken(it.start, 'seq-item-ind'))
                    seq.items.push({ start: [this.sourceToken] });
                else
                    it.start.push(this.sourceToken);
                return;
        }
        if (this.indent > seq.indent) {
            const bv = this.startBlockValue(seq);
            if (bv) {
                this.stack.push(bv);
                return;
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === 'flow-error-end') {
            let top;
            do {
                yield* this.pop();
                top = this.peek(1);
            } while (top?.type === 'flow-collection');
        }
        else if (fc.end.length === 0) {
            switch (this.type) {
                case 'comma':
                case 'explicit-key-ind':
                    if (!it || it.sep)
                        fc.items.push({ start: [this.sourceToken] });
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'map-value-ind':
                    if (!it || it.value)
                        fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        Object.assign(it, { key: null, sep: [this.sourceToken] });
                    return;
                case 'space':
                case 'comment':
                case 'newline':
                case 'anchor':
                case 'tag':
                    if (!it || it.value)
                        fc.items.push({ start: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (!it || it.value)
                        fc.items.push({ start: [], key: fs, sep: [] });
                    else if (it.sep)
                        this.stack.push(fs);
                    else
                        Object.assign(it, { key: fs, sep: [] });
                    return;
                }
                case 'flow-map-end':
                case 'flow-seq-end':
                    fc.end.push(this.sourceToken);
                    return;
            }
            const bv = this.startBlockValue(fc);
            /* istanbul ignore else should not happen */
            if (bv)
                this.stack.push(bv);
            else {
                yield* this.pop();
                yield* this.step();
            }
        }
        else {
            const parent = this.peek(2);
            if (parent.type === 'block-map' &&
                ((this.type === 'map-value-ind' && parent.indent === fc.indent) ||
                    (this.type === 'newline' &&
                        !parent.items[parent.items.length - 1].sep))) {
                yield* this.pop();
                yield* this.step();
            }
            else if (this.type === 'map-value-ind' &&
                parent.type !== 'flow-collection') {
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                fixFlowSeqItems(fc);
                const sep = fc.end.splice(1, fc.end.length);
                sep.push(this.sourceToken);
                const map = {
                    type: 'block-map',
                    offset: fc.offset,
                    indent: fc.indent,
                    items: [{ start, key: fc, sep }]
                };
                this.onKeyLine = true;
                this.stack[this.stack.length - 1] = map;
            }
            else {
                yield* this.lineEnd(fc);
            }
        }
    }
    flowScalar(type) {
        if (this.onNewLine) {
            let nl = this.source.indexOf('\n') + 1;
            while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf('\n', nl) + 1;
            }
        }
        return {
            type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
    }
    startBlockValue(parent) {
        switch (this.type) {
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return this.flowScalar(this.type);
            case 'block-scalar-header':
                return {
                    type: 'block-scalar',
                    offset: this.offset,
                    indent: this.indent,
                    props: [this.sourceToken],
                    source: ''
                };
            case 'flow-map-start':
            case 'flow-seq-start':
                return {
                    type: 'flow-collection',
                    offset: this.offset,
                    indent: this.indent,
                    start: this.sourceToken,
                    items: [],
                    end: []
                };
            case 'seq-item-ind':
                return {
                    type: 'block-seq',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [this.sourceToken] }]
                };
            case 'explicit-key-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                start.push(this.sourceToken);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, explicitKey: true }]
                };
            }
            case 'map-value-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                };
            }
        }
        return null;
    }
    atIndentedComment(start, indent) {
        if (this.type !== 'comment')
            return false;
        if (this.indent <= indent)
            return false;
        return start.every(st => st.type === 'newline' || st.type === 'space');
    }
    *documentEnd(docEnd) {
        if (this.type !== 'doc-mode') {
            if (docEnd.end)
                docEnd.end.push(this.sourceToken);
            else
                docEnd.end = [this.sourceToken];
            if (this.type === 'newline')
                yield* this.pop();
        }
    }
    *lineEnd(token) {
        switch (this.type) {
            case 'comma':
            case 'doc-start':
            case 'doc-end':
            case 'flow-seq-end':
            case 'flow-map-end':
            case 'map-value-ind':
                yield* this.pop();
                yield* this.step();
                break;
            case 'newline':
                this.onKeyLine = false;
            // fallthrough
            case 'space':
            case 'comment':
            default:
                // all other values are errors
                if (token.end)
                    token.end.push(this.sourceToken);
                else
                    token.end = [this.sourceToken];
                if (this.type === 'newline')
                    yield* this.pop();
        }
    }
}

exports.Parser = Parser;


/***/ }),

/***/ 4047:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var log = __nccwpck_require__(7249);
var identity = __nccwpck_require__(1127);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);

function parseOptions(options) {
    const prettyErrors = options.prettyErrors !== false;
    const lineCounter$1 = options.lineCounter || (prettyErrors && new lineCounter.LineCounter()) || null;
    return { lineCounter: lineCounter$1, prettyErrors };
}
/**
 * Parse the input as a stream of YAML documents.
 *
 * Documents should be separated from each other by `...` or `---` marker lines.
 *
 * @returns If an empty `docs` array is returned, it will be of type
 *   EmptyStream and contain additional stream information. In
 *   TypeScript, you should use `'empty' in docs` as a type guard for it.
 */
function parseAllDocuments(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    const docs = Array.from(composer$1.compose(parser$1.parse(source)));
    if (prettyErrors && lineCounter)
        for (const doc of docs) {
            doc.errors.forEach(errors.prettifyError(source, lineCounter));
            doc.warnings.forEach(errors.prettifyError(source, lineCounter));
        }
    if (docs.length > 0)
        return docs;
    return Object.assign([], { empty: true }, composer$1.streamInfo());
}
/** Parse an input string into a single YAML.Document */
function parseDocument(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    // `doc` is always set by compose.end(true) at the very latest
    let doc = null;
    for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
            doc = _doc;
        else if (doc.options.logLevel !== 'silent') {
            doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
            break;
        }
    }
    if (prettyErrors && lineCounter) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter));
    }
    return doc;
}
function parse(src, reviver, options) {
    let _reviver = undefined;
    if (typeof reviver === 'function') {
        _reviver = reviver;
    }
    else if (options === undefined && reviver && typeof reviver === 'object') {
        options = reviver;
    }
    const doc = parseDocument(src, options);
    if (!doc)
        return null;
    doc.warnings.forEach(warning => log.warn(doc.options.logLevel, warning));
    if (doc.errors.length > 0) {
        if (doc.options.logLevel !== 'silent')
            throw doc.errors[0];
        else
            doc.errors = [];
    }
    return doc.toJS(Object.assign({ reviver: _reviver }, options));
}
function stringify(value, replacer, options) {
    let _replacer = null;
    if (typeof replacer === 'function' || Array.isArray(replacer)) {
        _replacer = replacer;
    }
    else if (options === undefined && replacer) {
        options = replacer;
    }
    if (typeof options === 'string')
        options = options.length;
    if (typeof options === 'number') {
        const indent = Math.round(options);
        options = indent < 1 ? undefined : indent > 8 ? { indent: 8 } : { indent };
    }
    if (value === undefined) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
            return undefined;
    }
    if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
    return new Document.Document(value, _replacer, options).toString(options);
}

exports.parse = parse;
exports.parseAllDocuments = parseAllDocuments;
exports.parseDocument = parseDocument;
exports.stringify = stringify;


/***/ }),

/***/ 5840:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var tags = __nccwpck_require__(18);

const sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
class Schema {
    constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat)
            ? tags.getTags(compat, 'compat')
            : compat
                ? tags.getTags(null, compat)
                : null;
        this.name = (typeof schema === 'string' && schema) || 'core';
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        // Used by createMap()
        this.sortMapEntries =
            typeof sortMapEntries === 'function'
                ? sortMapEntries
                : sortMapEntries === true
                    ? sortMapEntriesByKey
                    : null;
    }
    clone() {
        const copy = Object.create(Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
    }
}

exports.Schema = Schema;


/***/ }),

/***/ 7451:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLMap = __nccwpck_require__(4454);

const map = {
    collection: 'map',
    default: true,
    nodeClass: YAMLMap.YAMLMap,
    tag: 'tag:yaml.org,2002:map',
    resolve(map, onError) {
        if (!identity.isMap(map))
            onError('Expected a mapping for this tag');
        return map;
    },
    createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
};

exports.map = map;


/***/ }),

/***/ 3632:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const nullTag = {
    identify: value => value == null,
    createNode: () => new Scalar.Scalar(null),
    default: true,
    tag: 'tag:yaml.org,2002:null',
    test: /^(?:~|[Nn]ull|NULL)?$/,
    resolve: () => new Scalar.Scalar(null),
    stringify: ({ source }, ctx) => typeof source === 'string' && nullTag.test.test(source)
        ? source
        : ctx.options.nullStr
};

exports.nullTag = nullTag;


/***/ }),

/***/ 1706:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLSeq = __nccwpck_require__(2223);

const seq = {
    collection: 'seq',
    default: true,
    nodeClass: YAMLSeq.YAMLSeq,
    tag: 'tag:yaml.org,2002:seq',
    resolve(seq, onError) {
        if (!identity.isSeq(seq))
            onError('Expected a sequence for this tag');
        return seq;
    },
    createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
};

exports.seq = seq;


/***/ }),

/***/ 6464:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyString = __nccwpck_require__(3069);

const string = {
    identify: value => typeof value === 'string',
    default: true,
    tag: 'tag:yaml.org,2002:str',
    resolve: str => str,
    stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
    }
};

exports.string = string;


/***/ }),

/***/ 3959:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const boolTag = {
    identify: value => typeof value === 'boolean',
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
    resolve: str => new Scalar.Scalar(str[0] === 't' || str[0] === 'T'),
    stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
            const sv = source[0] === 't' || source[0] === 'T';
            if (value === sv)
                return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
};

exports.boolTag = boolTag;


/***/ }),

/***/ 8405:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: str => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
    resolve: str => parseFloat(str),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf('.');
        if (dot !== -1 && str[str.length - 1] === '0')
            node.minFractionDigits = str.length - dot - 1;
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 9874:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
const intResolve = (str, offset, radix, { intAsBigInt }) => (intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix));
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
    return stringifyNumber.stringifyNumber(node);
}
const intOct = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^0o[0-7]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
    stringify: node => intStringify(node, 8, '0o')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^0x[0-9a-fA-F]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 896:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.boolTag,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float
];

exports.schema = schema;


/***/ }),

/***/ 3559:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);

function intIdentify(value) {
    return typeof value === 'bigint' || Number.isInteger(value);
}
const stringifyJSON = ({ value }) => JSON.stringify(value);
const jsonScalars = [
    {
        identify: value => typeof value === 'string',
        default: true,
        tag: 'tag:yaml.org,2002:str',
        resolve: str => str,
        stringify: stringifyJSON
    },
    {
        identify: value => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: 'tag:yaml.org,2002:null',
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
    },
    {
        identify: value => typeof value === 'boolean',
        default: true,
        tag: 'tag:yaml.org,2002:bool',
        test: /^true$|^false$/,
        resolve: str => str === 'true',
        stringify: stringifyJSON
    },
    {
        identify: intIdentify,
        default: true,
        tag: 'tag:yaml.org,2002:int',
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
    },
    {
        identify: value => typeof value === 'number',
        default: true,
        tag: 'tag:yaml.org,2002:float',
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: str => parseFloat(str),
        stringify: stringifyJSON
    }
];
const jsonError = {
    default: true,
    tag: '',
    test: /^/,
    resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
    }
};
const schema = [map.map, seq.seq].concat(jsonScalars, jsonError);

exports.schema = schema;


/***/ }),

/***/ 18:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);
var schema = __nccwpck_require__(896);
var schema$1 = __nccwpck_require__(3559);
var binary = __nccwpck_require__(6083);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var schema$2 = __nccwpck_require__(5913);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schemas = new Map([
    ['core', schema.schema],
    ['failsafe', [map.map, seq.seq, string.string]],
    ['json', schema$1.schema],
    ['yaml11', schema$2.schema],
    ['yaml-1.1', schema$2.schema]
]);
const tagsByName = {
    binary: binary.binary,
    bool: bool.boolTag,
    float: float.float,
    floatExp: float.floatExp,
    floatNaN: float.floatNaN,
    floatTime: timestamp.floatTime,
    int: int.int,
    intHex: int.intHex,
    intOct: int.intOct,
    intTime: timestamp.intTime,
    map: map.map,
    merge: merge.merge,
    null: _null.nullTag,
    omap: omap.omap,
    pairs: pairs.pairs,
    seq: seq.seq,
    set: set.set,
    timestamp: timestamp.timestamp
};
const coreKnownTags = {
    'tag:yaml.org,2002:binary': binary.binary,
    'tag:yaml.org,2002:merge': merge.merge,
    'tag:yaml.org,2002:omap': omap.omap,
    'tag:yaml.org,2002:pairs': pairs.pairs,
    'tag:yaml.org,2002:set': set.set,
    'tag:yaml.org,2002:timestamp': timestamp.timestamp
};
function getTags(customTags, schemaName, addMergeTag) {
    const schemaTags = schemas.get(schemaName);
    if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge)
            ? schemaTags.concat(merge.merge)
            : schemaTags.slice();
    }
    let tags = schemaTags;
    if (!tags) {
        if (Array.isArray(customTags))
            tags = [];
        else {
            const keys = Array.from(schemas.keys())
                .filter(key => key !== 'yaml11')
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
    }
    if (Array.isArray(customTags)) {
        for (const tag of customTags)
            tags = tags.concat(tag);
    }
    else if (typeof customTags === 'function') {
        tags = customTags(tags.slice());
    }
    if (addMergeTag)
        tags = tags.concat(merge.merge);
    return tags.reduce((tags, tag) => {
        const tagObj = typeof tag === 'string' ? tagsByName[tag] : tag;
        if (!tagObj) {
            const tagName = JSON.stringify(tag);
            const keys = Object.keys(tagsByName)
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags.includes(tagObj))
            tags.push(tagObj);
        return tags;
    }, []);
}

exports.coreKnownTags = coreKnownTags;
exports.getTags = getTags;


/***/ }),

/***/ 6083:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_buffer = __nccwpck_require__(181);
var Scalar = __nccwpck_require__(3301);
var stringifyString = __nccwpck_require__(3069);

const binary = {
    identify: value => value instanceof Uint8Array, // Buffer inherits from Uint8Array
    default: false,
    tag: 'tag:yaml.org,2002:binary',
    /**
     * Returns a Buffer in node and an Uint8Array in browsers
     *
     * To use the resulting buffer as an image, you'll want to do something like:
     *
     *   const blob = new Blob([buffer], { type: 'image/jpeg' })
     *   document.querySelector('#photo').src = URL.createObjectURL(blob)
     */
    resolve(src, onError) {
        if (typeof node_buffer.Buffer === 'function') {
            return node_buffer.Buffer.from(src, 'base64');
        }
        else if (typeof atob === 'function') {
            // On IE 11, atob() can't handle newlines
            const str = atob(src.replace(/[\n\r]/g, ''));
            const buffer = new Uint8Array(str.length);
            for (let i = 0; i < str.length; ++i)
                buffer[i] = str.charCodeAt(i);
            return buffer;
        }
        else {
            onError('This environment does not support reading binary tags; either Buffer or atob is required');
            return src;
        }
    },
    stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
            return '';
        const buf = value; // checked earlier by binary.identify()
        let str;
        if (typeof node_buffer.Buffer === 'function') {
            str =
                buf instanceof node_buffer.Buffer
                    ? buf.toString('base64')
                    : node_buffer.Buffer.from(buf.buffer).toString('base64');
        }
        else if (typeof btoa === 'function') {
            let s = '';
            for (let i = 0; i < buf.length; ++i)
                s += String.fromCharCode(buf[i]);
            str = btoa(s);
        }
        else {
            throw new Error('This environment does not support writing binary tags; either Buffer or btoa is required');
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
            const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
            const n = Math.ceil(str.length / lineWidth);
            const lines = new Array(n);
            for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
                lines[i] = str.substr(o, lineWidth);
            }
            str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? '\n' : ' ');
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
    }
};

exports.binary = binary;


/***/ }),

/***/ 8398:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function boolStringify({ value, source }, ctx) {
    const boolObj = value ? trueTag : falseTag;
    if (source && boolObj.test.test(source))
        return source;
    return value ? ctx.options.trueStr : ctx.options.falseStr;
}
const trueTag = {
    identify: value => value === true,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
    resolve: () => new Scalar.Scalar(true),
    stringify: boolStringify
};
const falseTag = {
    identify: value => value === false,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
    resolve: () => new Scalar.Scalar(false),
    stringify: boolStringify
};

exports.falseTag = falseTag;
exports.trueTag = trueTag;


/***/ }),

/***/ 5782:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: (str) => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
    resolve: (str) => parseFloat(str.replace(/_/g, '')),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, '')));
        const dot = str.indexOf('.');
        if (dot !== -1) {
            const f = str.substring(dot + 1).replace(/_/g, '');
            if (f[f.length - 1] === '0')
                node.minFractionDigits = f.length;
        }
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 873:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
function intResolve(str, offset, radix, { intAsBigInt }) {
    const sign = str[0];
    if (sign === '-' || sign === '+')
        offset += 1;
    str = str.substring(offset).replace(/_/g, '');
    if (intAsBigInt) {
        switch (radix) {
            case 2:
                str = `0b${str}`;
                break;
            case 8:
                str = `0o${str}`;
                break;
            case 16:
                str = `0x${str}`;
                break;
        }
        const n = BigInt(str);
        return sign === '-' ? BigInt(-1) * n : n;
    }
    const n = parseInt(str, radix);
    return sign === '-' ? -1 * n : n;
}
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? '-' + prefix + str.substr(1) : prefix + str;
    }
    return stringifyNumber.stringifyNumber(node);
}
const intBin = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'BIN',
    test: /^[-+]?0b[0-1_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
    stringify: node => intStringify(node, 2, '0b')
};
const intOct = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^[-+]?0[0-7_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
    stringify: node => intStringify(node, 8, '0')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9][0-9_]*$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^[-+]?0x[0-9a-fA-F_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intBin = intBin;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 452:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

// If the value associated with a merge key is a single mapping node, each of
// its key/value pairs is inserted into the current mapping, unless the key
// already exists in it. If the value associated with the merge key is a
// sequence, then this sequence is expected to contain mapping nodes and each
// of these nodes is merged in turn according to its order in the sequence.
// Keys in mapping nodes earlier in the sequence override keys specified in
// later mapping nodes. -- http://yaml.org/type/merge.html
const MERGE_KEY = '<<';
const merge = {
    identify: value => value === MERGE_KEY ||
        (typeof value === 'symbol' && value.description === MERGE_KEY),
    default: 'key',
    tag: 'tag:yaml.org,2002:merge',
    test: /^<<$/,
    resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
    }),
    stringify: () => MERGE_KEY
};
const isMergeKey = (ctx, key) => (merge.identify(key) ||
    (identity.isScalar(key) &&
        (!key.type || key.type === Scalar.Scalar.PLAIN) &&
        merge.identify(key.value))) &&
    ctx?.doc.schema.tags.some(tag => tag.tag === merge.tag && tag.default);
function addMergeToJSMap(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (identity.isSeq(source))
        for (const it of source.items)
            mergeValue(ctx, map, it);
    else if (Array.isArray(source))
        for (const it of source)
            mergeValue(ctx, map, it);
    else
        mergeValue(ctx, map, source);
}
function mergeValue(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (!identity.isMap(source))
        throw new Error('Merge sources must be maps or map aliases');
    const srcMap = source.toJSON(null, ctx, Map);
    for (const [key, value] of srcMap) {
        if (map instanceof Map) {
            if (!map.has(key))
                map.set(key, value);
        }
        else if (map instanceof Set) {
            map.add(key);
        }
        else if (!Object.prototype.hasOwnProperty.call(map, key)) {
            Object.defineProperty(map, key, {
                value,
                writable: true,
                enumerable: true,
                configurable: true
            });
        }
    }
    return map;
}
function resolveAliasValue(ctx, value) {
    return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
}

exports.addMergeToJSMap = addMergeToJSMap;
exports.isMergeKey = isMergeKey;
exports.merge = merge;


/***/ }),

/***/ 303:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var pairs = __nccwpck_require__(8385);

class YAMLOMap extends YAMLSeq.YAMLSeq {
    constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = YAMLOMap.tag;
    }
    /**
     * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
     * but TypeScript won't allow widening the signature of a child method.
     */
    toJSON(_, ctx) {
        if (!ctx)
            return super.toJSON(_);
        const map = new Map();
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const pair of this.items) {
            let key, value;
            if (identity.isPair(pair)) {
                key = toJS.toJS(pair.key, '', ctx);
                value = toJS.toJS(pair.value, key, ctx);
            }
            else {
                key = toJS.toJS(pair, '', ctx);
            }
            if (map.has(key))
                throw new Error('Ordered maps must not include duplicate keys');
            map.set(key, value);
        }
        return map;
    }
    static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap = new this();
        omap.items = pairs$1.items;
        return omap;
    }
}
YAMLOMap.tag = 'tag:yaml.org,2002:omap';
const omap = {
    collection: 'seq',
    identify: value => value instanceof Map,
    nodeClass: YAMLOMap,
    default: false,
    tag: 'tag:yaml.org,2002:omap',
    resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
            if (identity.isScalar(key)) {
                if (seenKeys.includes(key.value)) {
                    onError(`Ordered maps must not include duplicate keys: ${key.value}`);
                }
                else {
                    seenKeys.push(key.value);
                }
            }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
    },
    createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
};

exports.YAMLOMap = YAMLOMap;
exports.omap = omap;


/***/ }),

/***/ 8385:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLSeq = __nccwpck_require__(2223);

function resolvePairs(seq, onError) {
    if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
            let item = seq.items[i];
            if (identity.isPair(item))
                continue;
            else if (identity.isMap(item)) {
                if (item.items.length > 1)
                    onError('Each pair must have its own sequence indicator');
                const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
                if (item.commentBefore)
                    pair.key.commentBefore = pair.key.commentBefore
                        ? `${item.commentBefore}\n${pair.key.commentBefore}`
                        : item.commentBefore;
                if (item.comment) {
                    const cn = pair.value ?? pair.key;
                    cn.comment = cn.comment
                        ? `${item.comment}\n${cn.comment}`
                        : item.comment;
                }
                item = pair;
            }
            seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
    }
    else
        onError('Expected a sequence for this tag');
    return seq;
}
function createPairs(schema, iterable, ctx) {
    const { replacer } = ctx;
    const pairs = new YAMLSeq.YAMLSeq(schema);
    pairs.tag = 'tag:yaml.org,2002:pairs';
    let i = 0;
    if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
            if (typeof replacer === 'function')
                it = replacer.call(iterable, String(i++), it);
            let key, value;
            if (Array.isArray(it)) {
                if (it.length === 2) {
                    key = it[0];
                    value = it[1];
                }
                else
                    throw new TypeError(`Expected [key, value] tuple: ${it}`);
            }
            else if (it && it instanceof Object) {
                const keys = Object.keys(it);
                if (keys.length === 1) {
                    key = keys[0];
                    value = it[key];
                }
                else {
                    throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
                }
            }
            else {
                key = it;
            }
            pairs.items.push(Pair.createPair(key, value, ctx));
        }
    return pairs;
}
const pairs = {
    collection: 'seq',
    default: false,
    tag: 'tag:yaml.org,2002:pairs',
    resolve: resolvePairs,
    createNode: createPairs
};

exports.createPairs = createPairs;
exports.pairs = pairs;
exports.resolvePairs = resolvePairs;


/***/ }),

/***/ 5913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var binary = __nccwpck_require__(6083);
var bool = __nccwpck_require__(8398);
var float = __nccwpck_require__(5782);
var int = __nccwpck_require__(873);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.trueTag,
    bool.falseTag,
    int.intBin,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float,
    binary.binary,
    merge.merge,
    omap.omap,
    pairs.pairs,
    set.set,
    timestamp.intTime,
    timestamp.floatTime,
    timestamp.timestamp
];

exports.schema = schema;


/***/ }),

/***/ 1528:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);

class YAMLSet extends YAMLMap.YAMLMap {
    constructor(schema) {
        super(schema);
        this.tag = YAMLSet.tag;
    }
    add(key) {
        let pair;
        if (identity.isPair(key))
            pair = key;
        else if (key &&
            typeof key === 'object' &&
            'key' in key &&
            'value' in key &&
            key.value === null)
            pair = new Pair.Pair(key.key, null);
        else
            pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
            this.items.push(pair);
    }
    /**
     * If `keepPair` is `true`, returns the Pair matching `key`.
     * Otherwise, returns the value of that Pair's key.
     */
    get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair)
            ? identity.isScalar(pair.key)
                ? pair.key.value
                : pair.key
            : pair;
    }
    set(key, value) {
        if (typeof value !== 'boolean')
            throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
            this.items.splice(this.items.indexOf(prev), 1);
        }
        else if (!prev && value) {
            this.items.push(new Pair.Pair(key));
        }
    }
    toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        if (this.hasAllNullValues(true))
            return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
            throw new Error('Set items must all have null values');
    }
    static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
            for (let value of iterable) {
                if (typeof replacer === 'function')
                    value = replacer.call(iterable, value, value);
                set.items.push(Pair.createPair(value, null, ctx));
            }
        return set;
    }
}
YAMLSet.tag = 'tag:yaml.org,2002:set';
const set = {
    collection: 'map',
    identify: value => value instanceof Set,
    nodeClass: YAMLSet,
    default: false,
    tag: 'tag:yaml.org,2002:set',
    createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
    resolve(map, onError) {
        if (identity.isMap(map)) {
            if (map.hasAllNullValues(true))
                return Object.assign(new YAMLSet(), map);
            else
                onError('Set items must all have null values');
        }
        else
            onError('Expected a mapping for this tag');
        return map;
    }
};

exports.YAMLSet = YAMLSet;
exports.set = set;


/***/ }),

/***/ 6752:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

/** Internal types handle bigint as number, because TS can't figure it out. */
function parseSexagesimal(str, asBigInt) {
    const sign = str[0];
    const parts = sign === '-' || sign === '+' ? str.substring(1) : str;
    const num = (n) => asBigInt ? BigInt(n) : Number(n);
    const res = parts
        .replace(/_/g, '')
        .split(':')
        .reduce((res, p) => res * num(60) + num(p), num(0));
    return (sign === '-' ? num(-1) * res : res);
}
/**
 * hhhh:mm:ss.sss
 *
 * Internal types handle bigint as number, because TS can't figure it out.
 */
function stringifySexagesimal(node) {
    let { value } = node;
    let num = (n) => n;
    if (typeof value === 'bigint')
        num = n => BigInt(n);
    else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
    let sign = '';
    if (value < 0) {
        sign = '-';
        value *= num(-1);
    }
    const _60 = num(60);
    const parts = [value % _60]; // seconds, including ms
    if (value < 60) {
        parts.unshift(0); // at least one : is required
    }
    else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60); // minutes
        if (value >= 60) {
            value = (value - parts[0]) / _60;
            parts.unshift(value); // hours
        }
    }
    return (sign +
        parts
            .map(n => String(n).padStart(2, '0'))
            .join(':')
            .replace(/000000\d*$/, '') // % 60 may introduce error
    );
}
const intTime = {
    identify: value => typeof value === 'bigint' || Number.isInteger(value),
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
    resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
    stringify: stringifySexagesimal
};
const floatTime = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
    resolve: str => parseSexagesimal(str, false),
    stringify: stringifySexagesimal
};
const timestamp = {
    identify: value => value instanceof Date,
    default: true,
    tag: 'tag:yaml.org,2002:timestamp',
    // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
    // may be omitted altogether, resulting in a date format. In such a case, the time part is
    // assumed to be 00:00:00Z (start of day, UTC).
    test: RegExp('^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})' + // YYYY-Mm-Dd
        '(?:' + // time is optional
        '(?:t|T|[ \\t]+)' + // t | T | whitespace
        '([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)' + // Hh:Mm:Ss(.ss)?
        '(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?' + // Z | +5 | -03:30
        ')?$'),
    resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
            throw new Error('!!timestamp expects a date, starting with yyyy-mm-dd');
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + '00').substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== 'Z') {
            let d = parseSexagesimal(tz, false);
            if (Math.abs(d) < 30)
                d *= 60;
            date -= 60000 * d;
        }
        return new Date(date);
    },
    stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, '') ?? ''
};

exports.floatTime = floatTime;
exports.intTime = intTime;
exports.timestamp = timestamp;


/***/ }),

/***/ 4475:
/***/ ((__unused_webpack_module, exports) => {



const FOLD_FLOW = 'flow';
const FOLD_BLOCK = 'block';
const FOLD_QUOTED = 'quoted';
/**
 * Tries to keep input at up to `lineWidth` characters, splitting only on spaces
 * not followed by newlines or spaces unless `mode` is `'quoted'`. Lines are
 * terminated with `\n` and started with `indent`.
 */
function foldFlowLines(text, indent, mode = 'flow', { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
    if (!lineWidth || lineWidth < 0)
        return text;
    if (lineWidth < minContentWidth)
        minContentWidth = 0;
    const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
    if (text.length <= endStep)
        return text;
    const folds = [];
    const escapedFolds = {};
    let end = lineWidth - indent.length;
    if (typeof indentAtStart === 'number') {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
            folds.push(0);
        else
            end = lineWidth - indentAtStart;
    }
    let split = undefined;
    let prev = undefined;
    let overflow = false;
    let i = -1;
    let escStart = -1;
    let escEnd = -1;
    if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
            end = i + endStep;
    }
    for (let ch; (ch = text[(i += 1)]);) {
        if (mode === FOLD_QUOTED && ch === '\\') {
            escStart = i;
            switch (text[i + 1]) {
                case 'x':
                    i += 3;
                    break;
                case 'u':
                    i += 5;
                    break;
                case 'U':
                    i += 9;
                    break;
                default:
                    i += 1;
            }
            escEnd = i;
        }
        if (ch === '\n') {
            if (mode === FOLD_BLOCK)
                i = consumeMoreIndentedLines(text, i, indent.length);
            end = i + indent.length + endStep;
            split = undefined;
        }
        else {
            if (ch === ' ' &&
                prev &&
                prev !== ' ' &&
                prev !== '\n' &&
                prev !== '\t') {
                // space surrounded by non-space can be replaced with newline + indent
                const next = text[i + 1];
                if (next && next !== ' ' && next !== '\n' && next !== '\t')
                    split = i;
            }
            if (i >= end) {
                if (split) {
                    folds.push(split);
                    end = split + endStep;
                    split = undefined;
                }
                else if (mode === FOLD_QUOTED) {
                    // white-space collected at end may stretch past lineWidth
                    while (prev === ' ' || prev === '\t') {
                        prev = ch;
                        ch = text[(i += 1)];
                        overflow = true;
                    }
                    // Account for newline escape, but don't break preceding escape
                    const j = i > escEnd + 1 ? i - 2 : escStart - 1;
                    // Bail out if lineWidth & minContentWidth are shorter than an escape string
                    if (escapedFolds[j])
                        return text;
                    folds.push(j);
                    escapedFolds[j] = true;
                    end = j + endStep;
                    split = undefined;
                }
                else {
                    overflow = true;
                }
            }
        }
        prev = ch;
    }
    if (overflow && onOverflow)
        onOverflow();
    if (folds.length === 0)
        return text;
    if (onFold)
        onFold();
    let res = text.slice(0, folds[0]);
    for (let i = 0; i < folds.length; ++i) {
        const fold = folds[i];
        const end = folds[i + 1] || text.length;
        if (fold === 0)
            res = `\n${indent}${text.slice(0, end)}`;
        else {
            if (mode === FOLD_QUOTED && escapedFolds[fold])
                res += `${text[fold]}\\`;
            res += `\n${indent}${text.slice(fold + 1, end)}`;
        }
    }
    return res;
}
/**
 * Presumes `i + 1` is at the start of a line
 * @returns index of last newline in more-indented block
 */
function consumeMoreIndentedLines(text, i, indent) {
    let end = i;
    let start = i + 1;
    let ch = text[start];
    while (ch === ' ' || ch === '\t') {
        if (i < start + indent) {
            ch = text[++i];
        }
        else {
            do {
                ch = text[++i];
            } while (ch && ch !== '\n');
            end = i;
            start = i + 1;
            ch = text[start];
        }
    }
    return end;
}

exports.FOLD_BLOCK = FOLD_BLOCK;
exports.FOLD_FLOW = FOLD_FLOW;
exports.FOLD_QUOTED = FOLD_QUOTED;
exports.foldFlowLines = foldFlowLines;


/***/ }),

/***/ 2148:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var identity = __nccwpck_require__(1127);
var stringifyComment = __nccwpck_require__(9799);
var stringifyString = __nccwpck_require__(3069);

function createStringifyContext(doc, options) {
    const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: 'PLAIN',
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: 'false',
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: 'null',
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: 'true',
        verifyAliasOrder: true
    }, doc.schema.toStringOptions, options);
    let inFlow;
    switch (opt.collectionStyle) {
        case 'block':
            inFlow = false;
            break;
        case 'flow':
            inFlow = true;
            break;
        default:
            inFlow = null;
    }
    return {
        anchors: new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? ' ' : '',
        indent: '',
        indentStep: typeof opt.indent === 'number' ? ' '.repeat(opt.indent) : '  ',
        inFlow,
        options: opt
    };
}
function getTagObject(tags, item) {
    if (item.tag) {
        const match = tags.filter(t => t.tag === item.tag);
        if (match.length > 0)
            return match.find(t => t.format === item.format) ?? match[0];
    }
    let tagObj = undefined;
    let obj;
    if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter(t => t.identify?.(obj));
        if (match.length > 1) {
            const testMatch = match.filter(t => t.test);
            if (testMatch.length > 0)
                match = testMatch;
        }
        tagObj =
            match.find(t => t.format === item.format) ?? match.find(t => !t.format);
    }
    else {
        obj = item;
        tagObj = tags.find(t => t.nodeClass && obj instanceof t.nodeClass);
    }
    if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? 'null' : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
    }
    return tagObj;
}
// needs to be called before value stringifier to allow for circular anchor refs
function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
    if (!doc.directives)
        return '';
    const props = [];
    const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
    if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
    }
    const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
    if (tag)
        props.push(doc.directives.tagString(tag));
    return props.join(' ');
}
function stringify(item, ctx, onComment, onChompKeep) {
    if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
    if (identity.isAlias(item)) {
        if (ctx.doc.directives)
            return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
            throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        }
        else {
            if (ctx.resolvedAliases)
                ctx.resolvedAliases.add(item);
            else
                ctx.resolvedAliases = new Set([item]);
            item = item.resolve(ctx.doc);
        }
    }
    let tagObj = undefined;
    const node = identity.isNode(item)
        ? item
        : ctx.doc.createNode(item, { onTagObj: o => (tagObj = o) });
    tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
    const props = stringifyProps(node, tagObj, ctx);
    if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
    const str = typeof tagObj.stringify === 'function'
        ? tagObj.stringify(node, ctx, onComment, onChompKeep)
        : identity.isScalar(node)
            ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep)
            : node.toString(ctx, onComment, onChompKeep);
    if (!props)
        return str;
    return identity.isScalar(node) || str[0] === '{' || str[0] === '['
        ? `${props} ${str}`
        : `${props}\n${ctx.indent}${str}`;
}

exports.createStringifyContext = createStringifyContext;
exports.stringify = stringify;


/***/ }),

/***/ 1212:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyCollection(collection, ctx, options) {
    const flow = ctx.inFlow ?? collection.flow;
    const stringify = flow ? stringifyFlowCollection : stringifyBlockCollection;
    return stringify(collection, ctx, options);
}
function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
    const { indent, options: { commentString } } = ctx;
    const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
    let chompKeep = false; // flag for the preceding node's status
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (!chompKeep && item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (!chompKeep && ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
            }
        }
        chompKeep = false;
        let str = stringify.stringify(item, itemCtx, () => (comment = null), () => (chompKeep = true));
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        if (chompKeep && comment)
            chompKeep = false;
        lines.push(blockItemPrefix + str);
    }
    let str;
    if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
    }
    else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
            const line = lines[i];
            str += line ? `\n${indent}${line}` : '\n';
        }
    }
    if (comment) {
        str += '\n' + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
            onComment();
    }
    else if (chompKeep && onChompKeep)
        onChompKeep();
    return str;
}
function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
    const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
    itemIndent += indentStep;
    const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
    });
    let reqNewline = false;
    let linesAtValue = 0;
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, false);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, false);
                if (ik.comment)
                    reqNewline = true;
            }
            const iv = identity.isNode(item.value) ? item.value : null;
            if (iv) {
                if (iv.comment)
                    comment = iv.comment;
                if (iv.commentBefore)
                    reqNewline = true;
            }
            else if (item.value == null && ik?.comment) {
                comment = ik.comment;
            }
        }
        if (comment)
            reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => (comment = null));
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes('\n'));
        if (i < items.length - 1) {
            str += ',';
        }
        else if (ctx.options.trailingComma) {
            if (ctx.options.lineWidth > 0) {
                reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) +
                    (str.length + 2) >
                    ctx.options.lineWidth);
            }
            if (reqNewline) {
                str += ',';
            }
        }
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
    }
    const { start, end } = flowChars;
    if (lines.length === 0) {
        return start + end;
    }
    else {
        if (!reqNewline) {
            const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
            reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
            let str = start;
            for (const line of lines)
                str += line ? `\n${indentStep}${indent}${line}` : '\n';
            return `${str}\n${indent}${end}`;
        }
        else {
            return `${start}${fcPadding}${lines.join(' ')}${fcPadding}${end}`;
        }
    }
}
function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
    if (comment && chompKeep)
        comment = comment.replace(/^\n+/, '');
    if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart()); // Avoid double indent on first line
    }
}

exports.stringifyCollection = stringifyCollection;


/***/ }),

/***/ 9799:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringifies a comment.
 *
 * Empty comment lines are left empty,
 * lines consisting of a single space are replaced by `#`,
 * and all other lines are prefixed with a `#`.
 */
const stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, '#');
function indentComment(comment, indent) {
    if (/^\n+$/.test(comment))
        return comment.substring(1);
    return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
}
const lineComment = (str, indent, comment) => str.endsWith('\n')
    ? indentComment(comment, indent)
    : comment.includes('\n')
        ? '\n' + indentComment(comment, indent)
        : (str.endsWith(' ') ? '' : ' ') + comment;

exports.indentComment = indentComment;
exports.lineComment = lineComment;
exports.stringifyComment = stringifyComment;


/***/ }),

/***/ 6829:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyDocument(doc, options) {
    const lines = [];
    let hasDirectives = options.directives === true;
    if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
            lines.push(dir);
            hasDirectives = true;
        }
        else if (doc.directives.docStart)
            hasDirectives = true;
    }
    if (hasDirectives)
        lines.push('---');
    const ctx = stringify.createStringifyContext(doc, options);
    const { commentString } = ctx.options;
    if (doc.commentBefore) {
        if (lines.length !== 1)
            lines.unshift('');
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ''));
    }
    let chompKeep = false;
    let contentComment = null;
    if (doc.contents) {
        if (identity.isNode(doc.contents)) {
            if (doc.contents.spaceBefore && hasDirectives)
                lines.push('');
            if (doc.contents.commentBefore) {
                const cs = commentString(doc.contents.commentBefore);
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            // top-level block scalars need to be indented if followed by a comment
            ctx.forceBlockIndent = !!doc.comment;
            contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? undefined : () => (chompKeep = true);
        let body = stringify.stringify(doc.contents, ctx, () => (contentComment = null), onChompKeep);
        if (contentComment)
            body += stringifyComment.lineComment(body, '', commentString(contentComment));
        if ((body[0] === '|' || body[0] === '>') &&
            lines[lines.length - 1] === '---') {
            // Top-level block scalars with a preceding doc marker ought to use the
            // same line for their header.
            lines[lines.length - 1] = `--- ${body}`;
        }
        else
            lines.push(body);
    }
    else {
        lines.push(stringify.stringify(doc.contents, ctx));
    }
    if (doc.directives?.docEnd) {
        if (doc.comment) {
            const cs = commentString(doc.comment);
            if (cs.includes('\n')) {
                lines.push('...');
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            else {
                lines.push(`... ${cs}`);
            }
        }
        else {
            lines.push('...');
        }
    }
    else {
        let dc = doc.comment;
        if (dc && chompKeep)
            dc = dc.replace(/^\n+/, '');
        if (dc) {
            if ((!chompKeep || contentComment) && lines[lines.length - 1] !== '')
                lines.push('');
            lines.push(stringifyComment.indentComment(commentString(dc), ''));
        }
    }
    return lines.join('\n') + '\n';
}

exports.stringifyDocument = stringifyDocument;


/***/ }),

/***/ 8689:
/***/ ((__unused_webpack_module, exports) => {



function stringifyNumber({ format, minFractionDigits, tag, value }) {
    if (typeof value === 'bigint')
        return String(value);
    const num = typeof value === 'number' ? value : Number(value);
    if (!isFinite(num))
        return isNaN(num) ? '.nan' : num < 0 ? '-.inf' : '.inf';
    let n = Object.is(value, -0) ? '-0' : JSON.stringify(value);
    if (!format &&
        minFractionDigits &&
        (!tag || tag === 'tag:yaml.org,2002:float') &&
        /^-?\d/.test(n) &&
        !n.includes('e')) {
        let i = n.indexOf('.');
        if (i < 0) {
            i = n.length;
            n += '.';
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
            n += '0';
    }
    return n;
}

exports.stringifyNumber = stringifyNumber;


/***/ }),

/***/ 9748:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
    const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
    let keyComment = (identity.isNode(key) && key.comment) || null;
    if (simpleKeys) {
        if (keyComment) {
            throw new Error('With simple keys, key nodes cannot have comments');
        }
        if (identity.isCollection(key) || (!identity.isNode(key) && typeof key === 'object')) {
            const msg = 'With simple keys, collection cannot be used as a key value';
            throw new Error(msg);
        }
    }
    let explicitKey = !simpleKeys &&
        (!key ||
            (keyComment && value == null && !ctx.inFlow) ||
            identity.isCollection(key) ||
            (identity.isScalar(key)
                ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL
                : typeof key === 'object'));
    ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
    });
    let keyCommentDone = false;
    let chompKeep = false;
    let str = stringify.stringify(key, ctx, () => (keyCommentDone = true), () => (chompKeep = true));
    if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
            throw new Error('With simple keys, single line scalar must not span more than 1024 characters');
        explicitKey = true;
    }
    if (ctx.inFlow) {
        if (allNullValues || value == null) {
            if (keyCommentDone && onComment)
                onComment();
            return str === '' ? '?' : explicitKey ? `? ${str}` : str;
        }
    }
    else if ((allNullValues && !simpleKeys) || (value == null && explicitKey)) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        }
        else if (chompKeep && onChompKeep)
            onChompKeep();
        return str;
    }
    if (keyCommentDone)
        keyComment = null;
    if (explicitKey) {
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}\n${indent}:`;
    }
    else {
        str = `${str}:`;
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
    }
    let vsb, vcb, valueComment;
    if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
    }
    else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === 'object')
            value = doc.createNode(value);
    }
    ctx.implicitKey = false;
    if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
    chompKeep = false;
    if (!indentSeq &&
        indentStep.length >= 2 &&
        !ctx.inFlow &&
        !explicitKey &&
        identity.isSeq(value) &&
        !value.flow &&
        !value.tag &&
        !value.anchor) {
        // If indentSeq === false, consider '- ' as part of indentation where possible
        ctx.indent = ctx.indent.substring(2);
    }
    let valueCommentDone = false;
    const valueStr = stringify.stringify(value, ctx, () => (valueCommentDone = true), () => (chompKeep = true));
    let ws = ' ';
    if (keyComment || vsb || vcb) {
        ws = vsb ? '\n' : '';
        if (vcb) {
            const cs = commentString(vcb);
            ws += `\n${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === '' && !ctx.inFlow) {
            if (ws === '\n' && valueComment)
                ws = '\n\n';
        }
        else {
            ws += `\n${ctx.indent}`;
        }
    }
    else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf('\n');
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
            let hasPropsLine = false;
            if (hasNewline && (vs0 === '&' || vs0 === '!')) {
                let sp0 = valueStr.indexOf(' ');
                if (vs0 === '&' &&
                    sp0 !== -1 &&
                    sp0 < nl0 &&
                    valueStr[sp0 + 1] === '!') {
                    sp0 = valueStr.indexOf(' ', sp0 + 1);
                }
                if (sp0 === -1 || nl0 < sp0)
                    hasPropsLine = true;
            }
            if (!hasPropsLine)
                ws = `\n${ctx.indent}`;
        }
    }
    else if (valueStr === '' || valueStr[0] === '\n') {
        ws = '';
    }
    str += ws + valueStr;
    if (ctx.inFlow) {
        if (valueCommentDone && onComment)
            onComment();
    }
    else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
    }
    else if (chompKeep && onChompKeep) {
        onChompKeep();
    }
    return str;
}

exports.stringifyPair = stringifyPair;


/***/ }),

/***/ 3069:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var foldFlowLines = __nccwpck_require__(4475);

const getFoldOptions = (ctx, isBlock) => ({
    indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
    lineWidth: ctx.options.lineWidth,
    minContentWidth: ctx.options.minContentWidth
});
// Also checks for lines starting with %, as parsing the output as YAML 1.1 will
// presume that's starting a new document.
const containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
function lineLengthOverLimit(str, lineWidth, indentLength) {
    if (!lineWidth || lineWidth < 0)
        return false;
    const limit = lineWidth - indentLength;
    const strLen = str.length;
    if (strLen <= limit)
        return false;
    for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === '\n') {
            if (i - start > limit)
                return true;
            start = i + 1;
            if (strLen - start <= limit)
                return false;
        }
    }
    return true;
}
function doubleQuotedString(value, ctx) {
    const json = JSON.stringify(value);
    if (ctx.options.doubleQuotedAsJSON)
        return json;
    const { implicitKey } = ctx;
    const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    let str = '';
    let start = 0;
    for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
            // space before newline needs to be escaped to not be folded
            str += json.slice(start, i) + '\\ ';
            i += 1;
            start = i;
            ch = '\\';
        }
        if (ch === '\\')
            switch (json[i + 1]) {
                case 'u':
                    {
                        str += json.slice(start, i);
                        const code = json.substr(i + 2, 4);
                        switch (code) {
                            case '0000':
                                str += '\\0';
                                break;
                            case '0007':
                                str += '\\a';
                                break;
                            case '000b':
                                str += '\\v';
                                break;
                            case '001b':
                                str += '\\e';
                                break;
                            case '0085':
                                str += '\\N';
                                break;
                            case '00a0':
                                str += '\\_';
                                break;
                            case '2028':
                                str += '\\L';
                                break;
                            case '2029':
                                str += '\\P';
                                break;
                            default:
                                if (code.substr(0, 2) === '00')
                                    str += '\\x' + code.substr(2);
                                else
                                    str += json.substr(i, 6);
                        }
                        i += 5;
                        start = i + 1;
                    }
                    break;
                case 'n':
                    if (implicitKey ||
                        json[i + 2] === '"' ||
                        json.length < minMultiLineLength) {
                        i += 1;
                    }
                    else {
                        // folding will eat first newline
                        str += json.slice(start, i) + '\n\n';
                        while (json[i + 2] === '\\' &&
                            json[i + 3] === 'n' &&
                            json[i + 4] !== '"') {
                            str += '\n';
                            i += 2;
                        }
                        str += indent;
                        // space after newline needs to be escaped to not be folded
                        if (json[i + 2] === ' ')
                            str += '\\';
                        i += 1;
                        start = i + 1;
                    }
                    break;
                default:
                    i += 1;
            }
    }
    str = start ? str + json.slice(start) : json;
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
}
function singleQuotedString(value, ctx) {
    if (ctx.options.singleQuote === false ||
        (ctx.implicitKey && value.includes('\n')) ||
        /[ \t]\n|\n[ \t]/.test(value) // single quoted string can't have leading or trailing whitespace around newline
    )
        return doubleQuotedString(value, ctx);
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&\n${indent}`) + "'";
    return ctx.implicitKey
        ? res
        : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function quotedString(value, ctx) {
    const { singleQuote } = ctx.options;
    let qs;
    if (singleQuote === false)
        qs = doubleQuotedString;
    else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
            qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
            qs = doubleQuotedString;
        else
            qs = singleQuote ? singleQuotedString : doubleQuotedString;
    }
    return qs(value, ctx);
}
// The negative lookbehind avoids a polynomial search,
// but isn't supported yet on Safari: https://caniuse.com/js-regexp-lookbehind
let blockEndNewlines;
try {
    blockEndNewlines = new RegExp('(^|(?<!\n))\n+(?!\n|$)', 'g');
}
catch {
    blockEndNewlines = /\n+(?!\n|$)/g;
}
function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
    const { blockQuote, commentString, lineWidth } = ctx.options;
    // 1. Block can't end in whitespace unless the last line is non-empty.
    // 2. Strings consisting of only whitespace are best rendered explicitly.
    if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
    }
    const indent = ctx.indent ||
        (ctx.forceBlockIndent || containsDocumentMarker(value) ? '  ' : '');
    const literal = blockQuote === 'literal'
        ? true
        : blockQuote === 'folded' || type === Scalar.Scalar.BLOCK_FOLDED
            ? false
            : type === Scalar.Scalar.BLOCK_LITERAL
                ? true
                : !lineLengthOverLimit(value, lineWidth, indent.length);
    if (!value)
        return literal ? '|\n' : '>\n';
    // determine chomping from whitespace at value end
    let chomp;
    let endStart;
    for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== '\n' && ch !== '\t' && ch !== ' ')
            break;
    }
    let end = value.substring(endStart);
    const endNlPos = end.indexOf('\n');
    if (endNlPos === -1) {
        chomp = '-'; // strip
    }
    else if (value === end || endNlPos !== end.length - 1) {
        chomp = '+'; // keep
        if (onChompKeep)
            onChompKeep();
    }
    else {
        chomp = ''; // clip
    }
    if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === '\n')
            end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
    }
    // determine indent indicator from whitespace at value start
    let startWithSpace = false;
    let startEnd;
    let startNlPos = -1;
    for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === ' ')
            startWithSpace = true;
        else if (ch === '\n')
            startNlPos = startEnd;
        else
            break;
    }
    let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
    if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
    }
    const indentSize = indent ? '2' : '1'; // root is at -1
    // Leading | or > is added later
    let header = (startWithSpace ? indentSize : '') + chomp;
    if (comment) {
        header += ' ' + commentString(comment.replace(/ ?[\r\n]+/g, ' '));
        if (onComment)
            onComment();
    }
    if (!literal) {
        const foldedValue = value
            .replace(/\n+/g, '\n$&')
            .replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, '$1$2') // more-indented lines aren't folded
            //                ^ more-ind. ^ empty     ^ capture next empty lines only at end of indent
            .replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== 'folded' && type !== Scalar.Scalar.BLOCK_FOLDED) {
            foldOptions.onOverflow = () => {
                literalFallback = true;
            };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
            return `>${header}\n${indent}${body}`;
    }
    value = value.replace(/\n+/g, `$&${indent}`);
    return `|${header}\n${indent}${start}${value}${end}`;
}
function plainString(item, ctx, onComment, onChompKeep) {
    const { type, value } = item;
    const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
    if ((implicitKey && value.includes('\n')) ||
        (inFlow && /[[\]{},]/.test(value))) {
        return quotedString(value, ctx);
    }
    if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        // not allowed:
        // - '-' or '?'
        // - start with an indicator character (except [?:-]) or /[?-] /
        // - '\n ', ': ' or ' \n' anywhere
        // - '#' not preceded by a non-space char
        // - end with ' ' or ':'
        return implicitKey || inFlow || !value.includes('\n')
            ? quotedString(value, ctx)
            : blockString(item, ctx, onComment, onChompKeep);
    }
    if (!implicitKey &&
        !inFlow &&
        type !== Scalar.Scalar.PLAIN &&
        value.includes('\n')) {
        // Where allowed & type not set explicitly, prefer block style for multiline strings
        return blockString(item, ctx, onComment, onChompKeep);
    }
    if (containsDocumentMarker(value)) {
        if (indent === '') {
            ctx.forceBlockIndent = true;
            return blockString(item, ctx, onComment, onChompKeep);
        }
        else if (implicitKey && indent === indentStep) {
            return quotedString(value, ctx);
        }
    }
    const str = value.replace(/\n+/g, `$&\n${indent}`);
    // Verify that output will be parsed as a string, as e.g. plain numbers and
    // booleans get parsed with those types in v1.2 (e.g. '42', 'true' & '0.9e-3'),
    // and others in v1.1.
    if (actualString) {
        const test = (tag) => tag.default && tag.tag !== 'tag:yaml.org,2002:str' && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
            return quotedString(value, ctx);
    }
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function stringifyString(item, ctx, onComment, onChompKeep) {
    const { implicitKey, inFlow } = ctx;
    const ss = typeof item.value === 'string'
        ? item
        : Object.assign({}, item, { value: String(item.value) });
    let { type } = item;
    if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        // force double quotes on control characters & unpaired surrogates
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
            type = Scalar.Scalar.QUOTE_DOUBLE;
    }
    const _stringify = (_type) => {
        switch (_type) {
            case Scalar.Scalar.BLOCK_FOLDED:
            case Scalar.Scalar.BLOCK_LITERAL:
                return implicitKey || inFlow
                    ? quotedString(ss.value, ctx) // blocks are not valid inside flow containers
                    : blockString(ss, ctx, onComment, onChompKeep);
            case Scalar.Scalar.QUOTE_DOUBLE:
                return doubleQuotedString(ss.value, ctx);
            case Scalar.Scalar.QUOTE_SINGLE:
                return singleQuotedString(ss.value, ctx);
            case Scalar.Scalar.PLAIN:
                return plainString(ss, ctx, onComment, onChompKeep);
            default:
                return null;
        }
    };
    let res = _stringify(type);
    if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = (implicitKey && defaultKeyType) || defaultStringType;
        res = _stringify(t);
        if (res === null)
            throw new Error(`Unsupported default string type ${t}`);
    }
    return res;
}

exports.stringifyString = stringifyString;


/***/ }),

/***/ 204:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove node');
/**
 * Apply a visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
function visit(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        visit_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current node */
visit.SKIP = SKIP;
/** Remove the current node */
visit.REMOVE = REMOVE;
function visit_(key, node, visitor, path) {
    const ctrl = callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = visit_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = visit_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = visit_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
/**
 * Apply an async visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `Promise`: Must resolve to one of the following values
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
async function visitAsync(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visitAsync.BREAK = BREAK;
/** Do not visit the children of the current node */
visitAsync.SKIP = SKIP;
/** Remove the current node */
visitAsync.REMOVE = REMOVE;
async function visitAsync_(key, node, visitor, path) {
    const ctrl = await callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = await visitAsync_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = await visitAsync_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = await visitAsync_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
function initVisitor(visitor) {
    if (typeof visitor === 'object' &&
        (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
            Alias: visitor.Node,
            Map: visitor.Node,
            Scalar: visitor.Node,
            Seq: visitor.Node
        }, visitor.Value && {
            Map: visitor.Value,
            Scalar: visitor.Value,
            Seq: visitor.Value
        }, visitor.Collection && {
            Map: visitor.Collection,
            Seq: visitor.Collection
        }, visitor);
    }
    return visitor;
}
function callVisitor(key, node, visitor, path) {
    if (typeof visitor === 'function')
        return visitor(key, node, path);
    if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
    if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
    if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
    if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
    if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
    return undefined;
}
function replaceNode(key, path, node) {
    const parent = path[path.length - 1];
    if (identity.isCollection(parent)) {
        parent.items[key] = node;
    }
    else if (identity.isPair(parent)) {
        if (key === 'key')
            parent.key = node;
        else
            parent.value = node;
    }
    else if (identity.isDocument(parent)) {
        parent.contents = node;
    }
    else {
        const pt = identity.isAlias(parent) ? 'alias' : 'scalar';
        throw new Error(`Cannot replace node with ${pt} parent`);
    }
}

exports.visit = visit;
exports.visitAsync = visitAsync;


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_namespaceObject);
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: external "node:url"
const external_node_url_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");
;// CONCATENATED MODULE: external "node:worker_threads"
const external_node_worker_threads_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");
;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __nccwpck_require__(4006);
var picomatch_default = /*#__PURE__*/__nccwpck_require__.n(picomatch);
;// CONCATENATED MODULE: ./src/engine/files.ts
// Which files a run reads: paths, directories (searched for *.jsonl, *.jsonl.gz) and globs, relative to cwd.





const DEFAULT_PATTERNS = (/* unused pure expression or super */ null && (["**/*.jsonl", "**/*.jsonl.gz"]));
const SKIP_DIRS = new Set(["node_modules", ".git", ".hg", ".svn", ".venv", "__pycache__"]);
const DATASET = /\.jsonl(\.gz)?$/i;
class UsageError extends Error {
}
/** A file's size and a hash of its first and last 64 KiB ("" when it cannot be read): what `merge` compares to tell
 * that the dataset files are the ones the shards read. */
async function fileIdentity(path) {
    // synchronous: a few small reads, and a run of thousands of files would wait on the thread pool for each
    let fd = -1;
    try {
        fd = (0,external_node_fs_namespaceObject.openSync)(path, "r");
        const size = (0,external_node_fs_namespaceObject.fstatSync)(fd).size;
        const n = Math.min(size, 65536);
        const head = Buffer.alloc(n);
        const tail = Buffer.alloc(n);
        (0,external_node_fs_namespaceObject.readSync)(fd, head, 0, n, 0);
        (0,external_node_fs_namespaceObject.readSync)(fd, tail, 0, n, size - n);
        return { size, print: (0,external_node_crypto_namespaceObject.createHash)("sha256").update(head).update(tail).digest("hex").slice(0, 32) };
    }
    catch {
        return { size: -1, print: "" };
    }
    finally {
        if (fd >= 0)
            (0,external_node_fs_namespaceObject.closeSync)(fd);
    }
}
/** The first output (option or input name -> path) that is one of the dataset files `files` (relative to cwd), as
 * [name, path], or null: writing a report there would overwrite the data (e.g. a slip like `--output
 * data/train.jsonl`). Symlinks and other spellings of a path count. */
async function outputOverDataset(files, cwd, outputs) {
    const real = (p) => (0,promises_.realpath)((0,external_node_path_namespaceObject.resolve)(cwd, p)).catch(() => (0,external_node_path_namespaceObject.resolve)(cwd, p));
    const inputs = new Set(await Promise.all(files.map(real)));
    for (const [name, path] of Object.entries(outputs)) {
        if (path !== undefined && inputs.has(await real(path)))
            return [name, path];
    }
    return null;
}
const toPosix = (p) => p.split(external_node_path_namespaceObject.sep).join("/");
async function walk(dir, out) {
    let entries;
    try {
        entries = await (0,promises_.readdir)(dir, { withFileTypes: true });
    }
    catch {
        return;
    }
    for (const e of entries) {
        const p = (0,external_node_path_namespaceObject.join)(dir, e.name);
        if (e.isDirectory()) {
            if (!SKIP_DIRS.has(e.name))
                await walk(p, out);
        }
        else if (e.isFile() || e.isSymbolicLink())
            out.push(p);
    }
}
/** Resolves paths, directories and globs to a sorted, de-duplicated list of cwd-relative POSIX paths. */
async function findDatasetFiles(patterns, cwd) {
    return findFiles(patterns, cwd, DATASET);
}
/** findDatasetFiles() for any kind of file: a directory contributes the files whose names match `inDirectories`;
 * a glob, every file it matches. */
async function findFiles(patterns, cwd, inDirectories) {
    const found = new Set();
    const walks = new Map();
    const pats = patterns.length ? patterns : ["."];
    for (const pat of pats) {
        const abs = (0,external_node_path_namespaceObject.resolve)(cwd, pat);
        let statError = "";
        const st = await (0,promises_.stat)(abs).catch((e) => {
            statError = e.code === "ENOENT" || e.code === "ENOTDIR" ? "" : `cannot read ${pat}: ${e.code === "ELOOP" ? "a loop of symbolic links" : e.message}`;
            return null;
        });
        if (st?.isFile()) {
            found.add(toPosix((0,external_node_path_namespaceObject.relative)(cwd, abs)));
            continue;
        }
        if (st?.isDirectory()) {
            const files = [];
            await walk(abs, files);
            for (const f of files)
                if (inDirectories.test(f))
                    found.add(toPosix((0,external_node_path_namespaceObject.relative)(cwd, f)));
            continue;
        }
        const scan = picomatch_default().scan(toPosix(pat));
        if (!scan.isGlob)
            throw new UsageError(st ? `not a regular file or a directory: ${pat}` : statError || `no such file or directory: ${pat}`);
        // Walk only the glob's base folder (`data` of `data/**/*.jsonl`, `..` of `../*.jsonl`, `/abs` of `/abs/*.jsonl`),
        // and match the files below it against the rest of the pattern.
        const base = (0,external_node_path_namespaceObject.resolve)(cwd, scan.base || ".");
        let files = walks.get(base);
        if (!files) {
            const list = [];
            await walk(base, list);
            files = list.map((f) => toPosix((0,external_node_path_namespaceObject.relative)(base, f)));
            walks.set(base, files);
        }
        const match = picomatch_default()(scan.glob, { dot: false });
        for (const f of files)
            if (match(f))
                found.add(toPosix((0,external_node_path_namespaceObject.relative)(cwd, (0,external_node_path_namespaceObject.resolve)(base, f))));
    }
    return [...found].sort();
}
/** Refuses a path (or symlink target) that resolves outside `root`. */
async function assertInside(root, path) {
    const realRoot = await realpath(root);
    const real = await realpath(resolve(root, path)).catch(() => resolve(root, path));
    const rel = relative(realRoot, real);
    if (rel.startsWith("..") || resolve(realRoot, rel) !== real) {
        throw new UsageError(`refusing to read ${path}: it resolves outside the workspace (${real})`);
    }
}
/** Why a file could not be written, in words (for messages that name the option or input). */
function writeErrorReason(e) {
    const code = e?.code;
    if (code === "EISDIR")
        return "it is a directory";
    if (code === "ENOTDIR" || code === "EEXIST")
        return "a part of the path is a file";
    if (code === "EACCES" || code === "EPERM")
        return "permission denied";
    return e?.message ?? String(e);
}
/** Whether `path` (a file as the report names it: relative to the working directory, or absolute) is matched by an
 * override's globs. The globs are written relative to the repository, so a path that leaves the working directory
 * (`../data/x.jsonl`) or starts with `./` is also tried without those leading segments. */
function overrideMatcher(globs) {
    const isMatch = picomatch_default()(globs);
    return (path) => {
        if (isMatch(path))
            return true;
        const bare = path.replace(/^(?:\.\.?\/)+/, "");
        return bare !== path && isMatch(bare);
    };
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __nccwpck_require__(8815);
// EXTERNAL MODULE: ./node_modules/ajv/dist/runtime/ucs2length.js
var ucs2length = __nccwpck_require__(6214);
;// CONCATENATED MODULE: ./src/config/config-validate.generated.js
// Generated by scripts/validators.mjs from schemas/config.schema.json (ajv standalone code). Do not edit.
/* eslint-disable */

const validateConfig = validate10;
const schema11 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://github.com/chatml-quality-gate/chatml-quality-gate/schemas/config.schema.json","title":"chatml-quality-gate configuration (.chatml-gate.yml)","type":"object","additionalProperties":false,"properties":{"format":{"enum":["chatml","sharegpt","alpaca","preference-trl","preference-openai"],"description":"Force the format of every file instead of detecting it."},"profile":{"enum":["generic","openai","together","mistral"],"description":"The fine-tuning target whose rules apply on top of the generic ones. generic: what open-source trainers accept; openai: OpenAI's chat fine-tuning format; together: Together AI's files check; mistral: mistral-finetune's instruct data. See docs/configuration.md."},"category-field":{"type":"string","description":"Dotted path of a category field, e.g. metadata.category."},"fail-on":{"enum":["error","warning","never"]},"max-findings":{"type":"integer","minimum":0},"paths":{"type":"array","items":{"type":"string"}},"rules":{"$ref":"#/definitions/rules"},"duplicates":{"type":"object","additionalProperties":false,"properties":{"case-insensitive":{"type":"boolean"},"near":{"type":"boolean"},"near-threshold":{"type":"number","exclusiveMinimum":0,"maximum":1},"shingle-size":{"type":"integer","minimum":1,"maximum":16}}},"splits":{"type":"array","items":{"type":"object","additionalProperties":false,"required":["train","eval"],"properties":{"train":{"$ref":"#/definitions/globs"},"eval":{"$ref":"#/definitions/globs"}}}},"tokens":{"type":"object","additionalProperties":false,"properties":{"encoding":{"enum":["o200k_base","cl100k_base"]},"max-tokens":{"type":"integer","minimum":1},"model":{"type":"string"},"epochs":{"type":"integer","minimum":1,"maximum":100},"price-per-million":{"type":"number","minimum":0},"exact":{"type":"boolean"}}},"diversity":{"type":"object","additionalProperties":false,"properties":{"boilerplate-phrases":{"type":"array","items":{"type":"string","minLength":1}}}},"dataset-info":{"type":"object","additionalProperties":false,"properties":{"name":{"type":"string"},"purpose":{"type":"string"}}},"thresholds":{"$ref":"#/definitions/thresholds"},"overrides":{"type":"array","items":{"type":"object","additionalProperties":false,"required":["files"],"properties":{"files":{"$ref":"#/definitions/globs"},"rules":{"$ref":"#/definitions/rules"},"thresholds":{"$ref":"#/definitions/thresholds"}}}}},"definitions":{"globs":{"anyOf":[{"type":"string","minLength":1},{"type":"array","items":{"type":"string","minLength":1},"minItems":1}]},"rules":{"type":"object","propertyNames":{"pattern":"^[a-z0-9-]+$"},"additionalProperties":{"enum":["error","warning","off"]}},"limit":{"anyOf":[{"type":"number"},{"type":"null"},{"const":false},{"type":"object","additionalProperties":false,"minProperties":1,"properties":{"warn":{"type":["number","null"]},"fail":{"type":["number","null"]}}}]},"range":{"anyOf":[{"type":"null"},{"const":false},{"type":"array","items":{"type":"number"},"minItems":2,"maxItems":2},{"type":"object","additionalProperties":false,"properties":{"min":{"type":"number"},"max":{"type":"number"},"level":{"enum":["warn","fail"]}}}]},"thresholds":{"type":"object","additionalProperties":false,"properties":{"max-errors":{"$ref":"#/definitions/limit"},"max-warnings":{"$ref":"#/definitions/limit"},"max-duplicate-rate":{"$ref":"#/definitions/limit"},"max-near-duplicate-rate":{"$ref":"#/definitions/limit"},"max-leakage":{"$ref":"#/definitions/limit"},"min-examples":{"$ref":"#/definitions/limit"},"max-too-long":{"$ref":"#/definitions/limit"},"min-windowed-distinct-2":{"$ref":"#/definitions/limit"},"max-compression-ratio":{"$ref":"#/definitions/limit"},"max-opening-share":{"$ref":"#/definitions/limit"},"max-boilerplate-share":{"$ref":"#/definitions/limit"},"min-length-uniqueness":{"$ref":"#/definitions/limit"},"max-diversity-drop":{"$ref":"#/definitions/limit"},"single-turn-share":{"$ref":"#/definitions/range"}}}}};
const schema12 = {"type":"object","propertyNames":{"pattern":"^[a-z0-9-]+$"},"additionalProperties":{"enum":["error","warning","off"]}};
const schema13 = {"anyOf":[{"type":"string","minLength":1},{"type":"array","items":{"type":"string","minLength":1},"minItems":1}]};
const func2 = Object.prototype.hasOwnProperty;

const func3 = ucs2length["default"] ?? ucs2length;
const pattern0 = new RegExp("^[a-z0-9-]+$", "u");
const schema15 = {"type":"object","additionalProperties":false,"properties":{"max-errors":{"$ref":"#/definitions/limit"},"max-warnings":{"$ref":"#/definitions/limit"},"max-duplicate-rate":{"$ref":"#/definitions/limit"},"max-near-duplicate-rate":{"$ref":"#/definitions/limit"},"max-leakage":{"$ref":"#/definitions/limit"},"min-examples":{"$ref":"#/definitions/limit"},"max-too-long":{"$ref":"#/definitions/limit"},"min-windowed-distinct-2":{"$ref":"#/definitions/limit"},"max-compression-ratio":{"$ref":"#/definitions/limit"},"max-opening-share":{"$ref":"#/definitions/limit"},"max-boilerplate-share":{"$ref":"#/definitions/limit"},"min-length-uniqueness":{"$ref":"#/definitions/limit"},"max-diversity-drop":{"$ref":"#/definitions/limit"},"single-turn-share":{"$ref":"#/definitions/range"}}};
const schema16 = {"anyOf":[{"type":"number"},{"type":"null"},{"const":false},{"type":"object","additionalProperties":false,"minProperties":1,"properties":{"warn":{"type":["number","null"]},"fail":{"type":["number","null"]}}}]};
const schema29 = {"anyOf":[{"type":"null"},{"const":false},{"type":"array","items":{"type":"number"},"minItems":2,"maxItems":2},{"type":"object","additionalProperties":false,"properties":{"min":{"type":"number"},"max":{"type":"number"},"level":{"enum":["warn","fail"]}}}]};

function validate11(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!(func2.call(schema15.properties, key0))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema15,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data["max-errors"] !== undefined){
let data0 = data["max-errors"];
const _errs4 = errors;
let valid2 = false;
const _errs5 = errors;
if(!(typeof data0 == "number")){
const err1 = {instancePath:instancePath+"/max-errors",schemaPath:"#/definitions/limit/anyOf/0/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema16.anyOf[0].type,parentSchema:schema16.anyOf[0],data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
var _valid0 = _errs5 === errors;
valid2 = valid2 || _valid0;
if(!valid2){
const _errs7 = errors;
if(data0 !== null){
const err2 = {instancePath:instancePath+"/max-errors",schemaPath:"#/definitions/limit/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null",schema:schema16.anyOf[1].type,parentSchema:schema16.anyOf[1],data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
var _valid0 = _errs7 === errors;
valid2 = valid2 || _valid0;
if(!valid2){
const _errs9 = errors;
if(false !== data0){
const err3 = {instancePath:instancePath+"/max-errors",schemaPath:"#/definitions/limit/anyOf/2/const",keyword:"const",params:{allowedValue: false},message:"must be equal to constant",schema:false,parentSchema:schema16.anyOf[2],data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
var _valid0 = _errs9 === errors;
valid2 = valid2 || _valid0;
if(!valid2){
const _errs10 = errors;
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
if(Object.keys(data0).length < 1){
const err4 = {instancePath:instancePath+"/max-errors",schemaPath:"#/definitions/limit/anyOf/3/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema16.anyOf[3],data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
for(const key1 in data0){
if(!((key1 === "warn") || (key1 === "fail"))){
const err5 = {instancePath:instancePath+"/max-errors",schemaPath:"#/definitions/limit/anyOf/3/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema16.anyOf[3],data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data0.warn !== undefined){
let data1 = data0.warn;
if((!(typeof data1 == "number")) && (data1 !== null)){
const err6 = {instancePath:instancePath+"/max-errors/warn",schemaPath:"#/definitions/limit/anyOf/3/properties/warn/type",keyword:"type",params:{type: schema16.anyOf[3].properties.warn.type},message:"must be number,null",schema:schema16.anyOf[3].properties.warn.type,parentSchema:schema16.anyOf[3].properties.warn,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data0.fail !== undefined){
let data2 = data0.fail;
if((!(typeof data2 == "number")) && (data2 !== null)){
const err7 = {instancePath:instancePath+"/max-errors/fail",schemaPath:"#/definitions/limit/anyOf/3/properties/fail/type",keyword:"type",params:{type: schema16.anyOf[3].properties.fail.type},message:"must be number,null",schema:schema16.anyOf[3].properties.fail.type,parentSchema:schema16.anyOf[3].properties.fail,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
else {
const err8 = {instancePath:instancePath+"/max-errors",schemaPath:"#/definitions/limit/anyOf/3/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema16.anyOf[3].type,parentSchema:schema16.anyOf[3],data:data0};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
var _valid0 = _errs10 === errors;
valid2 = valid2 || _valid0;
}
}
}
if(!valid2){
const err9 = {instancePath:instancePath+"/max-errors",schemaPath:"#/definitions/limit/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema16.anyOf,parentSchema:schema16,data:data0};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
else {
errors = _errs4;
if(vErrors !== null){
if(_errs4){
vErrors.length = _errs4;
}
else {
vErrors = null;
}
}
}
}
if(data["max-warnings"] !== undefined){
let data3 = data["max-warnings"];
const _errs19 = errors;
let valid5 = false;
const _errs20 = errors;
if(!(typeof data3 == "number")){
const err10 = {instancePath:instancePath+"/max-warnings",schemaPath:"#/definitions/limit/anyOf/0/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema16.anyOf[0].type,parentSchema:schema16.anyOf[0],data:data3};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
var _valid1 = _errs20 === errors;
valid5 = valid5 || _valid1;
if(!valid5){
const _errs22 = errors;
if(data3 !== null){
const err11 = {instancePath:instancePath+"/max-warnings",schemaPath:"#/definitions/limit/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null",schema:schema16.anyOf[1].type,parentSchema:schema16.anyOf[1],data:data3};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
var _valid1 = _errs22 === errors;
valid5 = valid5 || _valid1;
if(!valid5){
const _errs24 = errors;
if(false !== data3){
const err12 = {instancePath:instancePath+"/max-warnings",schemaPath:"#/definitions/limit/anyOf/2/const",keyword:"const",params:{allowedValue: false},message:"must be equal to constant",schema:false,parentSchema:schema16.anyOf[2],data:data3};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
var _valid1 = _errs24 === errors;
valid5 = valid5 || _valid1;
if(!valid5){
const _errs25 = errors;
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
if(Object.keys(data3).length < 1){
const err13 = {instancePath:instancePath+"/max-warnings",schemaPath:"#/definitions/limit/anyOf/3/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema16.anyOf[3],data:data3};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
for(const key2 in data3){
if(!((key2 === "warn") || (key2 === "fail"))){
const err14 = {instancePath:instancePath+"/max-warnings",schemaPath:"#/definitions/limit/anyOf/3/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema16.anyOf[3],data:data3};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data3.warn !== undefined){
let data4 = data3.warn;
if((!(typeof data4 == "number")) && (data4 !== null)){
const err15 = {instancePath:instancePath+"/max-warnings/warn",schemaPath:"#/definitions/limit/anyOf/3/properties/warn/type",keyword:"type",params:{type: schema16.anyOf[3].properties.warn.type},message:"must be number,null",schema:schema16.anyOf[3].properties.warn.type,parentSchema:schema16.anyOf[3].properties.warn,data:data4};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data3.fail !== undefined){
let data5 = data3.fail;
if((!(typeof data5 == "number")) && (data5 !== null)){
const err16 = {instancePath:instancePath+"/max-warnings/fail",schemaPath:"#/definitions/limit/anyOf/3/properties/fail/type",keyword:"type",params:{type: schema16.anyOf[3].properties.fail.type},message:"must be number,null",schema:schema16.anyOf[3].properties.fail.type,parentSchema:schema16.anyOf[3].properties.fail,data:data5};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
else {
const err17 = {instancePath:instancePath+"/max-warnings",schemaPath:"#/definitions/limit/anyOf/3/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema16.anyOf[3].type,parentSchema:schema16.anyOf[3],data:data3};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
var _valid1 = _errs25 === errors;
valid5 = valid5 || _valid1;
}
}
}
if(!valid5){
const err18 = {instancePath:instancePath+"/max-warnings",schemaPath:"#/definitions/limit/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema16.anyOf,parentSchema:schema16,data:data3};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
else {
errors = _errs19;
if(vErrors !== null){
if(_errs19){
vErrors.length = _errs19;
}
else {
vErrors = null;
}
}
}
}
if(data["max-duplicate-rate"] !== undefined){
let data6 = data["max-duplicate-rate"];
const _errs34 = errors;
let valid8 = false;
const _errs35 = errors;
if(!(typeof data6 == "number")){
const err19 = {instancePath:instancePath+"/max-duplicate-rate",schemaPath:"#/definitions/limit/anyOf/0/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema16.anyOf[0].type,parentSchema:schema16.anyOf[0],data:data6};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
var _valid2 = _errs35 === errors;
valid8 = valid8 || _valid2;
if(!valid8){
const _errs37 = errors;
if(data6 !== null){
const err20 = {instancePath:instancePath+"/max-duplicate-rate",schemaPath:"#/definitions/limit/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null",schema:schema16.anyOf[1].type,parentSchema:schema16.anyOf[1],data:data6};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
var _valid2 = _errs37 === errors;
valid8 = valid8 || _valid2;
if(!valid8){
const _errs39 = errors;
if(false !== data6){
const err21 = {instancePath:instancePath+"/max-duplicate-rate",schemaPath:"#/definitions/limit/anyOf/2/const",keyword:"const",params:{allowedValue: false},message:"must be equal to constant",schema:false,parentSchema:schema16.anyOf[2],data:data6};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
var _valid2 = _errs39 === errors;
valid8 = valid8 || _valid2;
if(!valid8){
const _errs40 = errors;
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
if(Object.keys(data6).length < 1){
const err22 = {instancePath:instancePath+"/max-duplicate-rate",schemaPath:"#/definitions/limit/anyOf/3/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema16.anyOf[3],data:data6};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
for(const key3 in data6){
if(!((key3 === "warn") || (key3 === "fail"))){
const err23 = {instancePath:instancePath+"/max-duplicate-rate",schemaPath:"#/definitions/limit/anyOf/3/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema16.anyOf[3],data:data6};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data6.warn !== undefined){
let data7 = data6.warn;
if((!(typeof data7 == "number")) && (data7 !== null)){
const err24 = {instancePath:instancePath+"/max-duplicate-rate/warn",schemaPath:"#/definitions/limit/anyOf/3/properties/warn/type",keyword:"type",params:{type: schema16.anyOf[3].properties.warn.type},message:"must be number,null",schema:schema16.anyOf[3].properties.warn.type,parentSchema:schema16.anyOf[3].properties.warn,data:data7};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data6.fail !== undefined){
let data8 = data6.fail;
if((!(typeof data8 == "number")) && (data8 !== null)){
const err25 = {instancePath:instancePath+"/max-duplicate-rate/fail",schemaPath:"#/definitions/limit/anyOf/3/properties/fail/type",keyword:"type",params:{type: schema16.anyOf[3].properties.fail.type},message:"must be number,null",schema:schema16.anyOf[3].properties.fail.type,parentSchema:schema16.anyOf[3].properties.fail,data:data8};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
}
else {
const err26 = {instancePath:instancePath+"/max-duplicate-rate",schemaPath:"#/definitions/limit/anyOf/3/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema16.anyOf[3].type,parentSchema:schema16.anyOf[3],data:data6};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
var _valid2 = _errs40 === errors;
valid8 = valid8 || _valid2;
}
}
}
if(!valid8){
const err27 = {instancePath:instancePath+"/max-duplicate-rate",schemaPath:"#/definitions/limit/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema16.anyOf,parentSchema:schema16,data:data6};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
else {
errors = _errs34;
if(vErrors !== null){
if(_errs34){
vErrors.length = _errs34;
}
else {
vErrors = null;
}
}
}
}
if(data["max-near-duplicate-rate"] !== undefined){
let data9 = data["max-near-duplicate-rate"];
const _errs49 = errors;
let valid11 = false;
const _errs50 = errors;
if(!(typeof data9 == "number")){
const err28 = {instancePath:instancePath+"/max-near-duplicate-rate",schemaPath:"#/definitions/limit/anyOf/0/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema16.anyOf[0].type,parentSchema:schema16.anyOf[0],data:data9};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
var _valid3 = _errs50 === errors;
valid11 = valid11 || _valid3;
if(!valid11){
const _errs52 = errors;
if(data9 !== null){
const err29 = {instancePath:instancePath+"/max-near-duplicate-rate",schemaPath:"#/definitions/limit/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null",schema:schema16.anyOf[1].type,parentSchema:schema16.anyOf[1],data:data9};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
var _valid3 = _errs52 === errors;
valid11 = valid11 || _valid3;
if(!valid11){
const _errs54 = errors;
if(false !== data9){
const err30 = {instancePath:instancePath+"/max-near-duplicate-rate",schemaPath:"#/definitions/limit/anyOf/2/const",keyword:"const",params:{allowedValue: false},message:"must be equal to constant",schema:false,parentSchema:schema16.anyOf[2],data:data9};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
var _valid3 = _errs54 === errors;
valid11 = valid11 || _valid3;
if(!valid11){
const _errs55 = errors;
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
if(Object.keys(data9).length < 1){
const err31 = {instancePath:instancePath+"/max-near-duplicate-rate",schemaPath:"#/definitions/limit/anyOf/3/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema16.anyOf[3],data:data9};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
for(const key4 in data9){
if(!((key4 === "warn") || (key4 === "fail"))){
const err32 = {instancePath:instancePath+"/max-near-duplicate-rate",schemaPath:"#/definitions/limit/anyOf/3/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties",schema:false,parentSchema:schema16.anyOf[3],data:data9};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
if(data9.warn !== undefined){
let data10 = data9.warn;
if((!(typeof data10 == "number")) && (data10 !== null)){
const err33 = {instancePath:instancePath+"/max-near-duplicate-rate/warn",schemaPath:"#/definitions/limit/anyOf/3/properties/warn/type",keyword:"type",params:{type: schema16.anyOf[3].properties.warn.type},message:"must be number,null",schema:schema16.anyOf[3].properties.warn.type,parentSchema:schema16.anyOf[3].properties.warn,data:data10};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
if(data9.fail !== undefined){
let data11 = data9.fail;
if((!(typeof data11 == "number")) && (data11 !== null)){
const err34 = {instancePath:instancePath+"/max-near-duplicate-rate/fail",schemaPath:"#/definitions/limit/anyOf/3/properties/fail/type",keyword:"type",params:{type: schema16.anyOf[3].properties.fail.type},message:"must be number,null",schema:schema16.anyOf[3].properties.fail.type,parentSchema:schema16.anyOf[3].properties.fail,data:data11};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
}
else {
const err35 = {instancePath:instancePath+"/max-near-duplicate-rate",schemaPath:"#/definitions/limit/anyOf/3/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema16.anyOf[3].type,parentSchema:schema16.anyOf[3],data:data9};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
var _valid3 = _errs55 === errors;
valid11 = valid11 || _valid3;
}
}
}
if(!valid11){
const err36 = {instancePath:instancePath+"/max-near-duplicate-rate",schemaPath:"#/definitions/limit/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema16.anyOf,parentSchema:schema16,data:data9};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
else {
errors = _errs49;
if(vErrors !== null){
if(_errs49){
vErrors.length = _errs49;
}
else {
vErrors = null;
}
}
}
}
if(data["max-leakage"] !== undefined){
let data12 = data["max-leakage"];
const _errs64 = errors;
let valid14 = false;
const _errs65 = errors;
if(!(typeof data12 == "number")){
const err37 = {instancePath:instancePath+"/max-leakage",schemaPath:"#/definitions/limit/anyOf/0/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema16.anyOf[0].type,parentSchema:schema16.anyOf[0],data:data12};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
var _valid4 = _errs65 === errors;
valid14 = valid14 || _valid4;
if(!valid14){
const _errs67 = errors;
if(data12 !== null){
const err38 = {instancePath:instancePath+"/max-leakage",schemaPath:"#/definitions/limit/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null",schema:schema16.anyOf[1].type,parentSchema:schema16.anyOf[1],data:data12};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
var _valid4 = _errs67 === errors;
valid14 = valid14 || _valid4;
if(!valid14){
const _errs69 = errors;
if(false !== data12){
const err39 = {instancePath:instancePath+"/max-leakage",schemaPath:"#/definitions/limit/anyOf/2/const",keyword:"const",params:{allowedValue: false},message:"must be equal to constant",schema:false,parentSchema:schema16.anyOf[2],data:data12};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
var _valid4 = _errs69 === errors;
valid14 = valid14 || _valid4;
if(!valid14){
const _errs70 = errors;
if(data12 && typeof data12 == "object" && !Array.isArray(data12)){
if(Object.keys(data12).length < 1){
const err40 = {instancePath:instancePath+"/max-leakage",schemaPath:"#/definitions/limit/anyOf/3/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema16.anyOf[3],data:data12};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
for(const key5 in data12){
if(!((key5 === "warn") || (key5 === "fail"))){
const err41 = {instancePath:instancePath+"/max-leakage",schemaPath:"#/definitions/limit/anyOf/3/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties",schema:false,parentSchema:schema16.anyOf[3],data:data12};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
if(data12.warn !== undefined){
let data13 = data12.warn;
if((!(typeof data13 == "number")) && (data13 !== null)){
const err42 = {instancePath:instancePath+"/max-leakage/warn",schemaPath:"#/definitions/limit/anyOf/3/properties/warn/type",keyword:"type",params:{type: schema16.anyOf[3].properties.warn.type},message:"must be number,null",schema:schema16.anyOf[3].properties.warn.type,parentSchema:schema16.anyOf[3].properties.warn,data:data13};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
if(data12.fail !== undefined){
let data14 = data12.fail;
if((!(typeof data14 == "number")) && (data14 !== null)){
const err43 = {instancePath:instancePath+"/max-leakage/fail",schemaPath:"#/definitions/limit/anyOf/3/properties/fail/type",keyword:"type",params:{type: schema16.anyOf[3].properties.fail.type},message:"must be number,null",schema:schema16.anyOf[3].properties.fail.type,parentSchema:schema16.anyOf[3].properties.fail,data:data14};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
}
else {
const err44 = {instancePath:instancePath+"/max-leakage",schemaPath:"#/definitions/limit/anyOf/3/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema16.anyOf[3].type,parentSchema:schema16.anyOf[3],data:data12};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
var _valid4 = _errs70 === errors;
valid14 = valid14 || _valid4;
}
}
}
if(!valid14){
const err45 = {instancePath:instancePath+"/max-leakage",schemaPath:"#/definitions/limit/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema16.anyOf,parentSchema:schema16,data:data12};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
else {
errors = _errs64;
if(vErrors !== null){
if(_errs64){
vErrors.length = _errs64;
}
else {
vErrors = null;
}
}
}
}
if(data["min-examples"] !== undefined){
let data15 = data["min-examples"];
const _errs79 = errors;
let valid17 = false;
const _errs80 = errors;
if(!(typeof data15 == "number")){
const err46 = {instancePath:instancePath+"/min-examples",schemaPath:"#/definitions/limit/anyOf/0/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema16.anyOf[0].type,parentSchema:schema16.anyOf[0],data:data15};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
var _valid5 = _errs80 === errors;
valid17 = valid17 || _valid5;
if(!valid17){
const _errs82 = errors;
if(data15 !== null){
const err47 = {instancePath:instancePath+"/min-examples",schemaPath:"#/definitions/limit/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null",schema:schema16.anyOf[1].type,parentSchema:schema16.anyOf[1],data:data15};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
var _valid5 = _errs82 === errors;
valid17 = valid17 || _valid5;
if(!valid17){
const _errs84 = errors;
if(false !== data15){
const err48 = {instancePath:instancePath+"/min-examples",schemaPath:"#/definitions/limit/anyOf/2/const",keyword:"const",params:{allowedValue: false},message:"must be equal to constant",schema:false,parentSchema:schema16.anyOf[2],data:data15};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
var _valid5 = _errs84 === errors;
valid17 = valid17 || _valid5;
if(!valid17){
const _errs85 = errors;
if(data15 && typeof data15 == "object" && !Array.isArray(data15)){
if(Object.keys(data15).length < 1){
const err49 = {instancePath:instancePath+"/min-examples",schemaPath:"#/definitions/limit/anyOf/3/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema16.anyOf[3],data:data15};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
for(const key6 in data15){
if(!((key6 === "warn") || (key6 === "fail"))){
const err50 = {instancePath:instancePath+"/min-examples",schemaPath:"#/definitions/limit/anyOf/3/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties",schema:false,parentSchema:schema16.anyOf[3],data:data15};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
}
if(data15.warn !== undefined){
let data16 = data15.warn;
if((!(typeof data16 == "number")) && (data16 !== null)){
const err51 = {instancePath:instancePath+"/min-examples/warn",schemaPath:"#/definitions/limit/anyOf/3/properties/warn/type",keyword:"type",params:{type: schema16.anyOf[3].properties.warn.type},message:"must be number,null",schema:schema16.anyOf[3].properties.warn.type,parentSchema:schema16.anyOf[3].properties.warn,data:data16};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
if(data15.fail !== undefined){
let data17 = data15.fail;
if((!(typeof data17 == "number")) && (data17 !== null)){
const err52 = {instancePath:instancePath+"/min-examples/fail",schemaPath:"#/definitions/limit/anyOf/3/properties/fail/type",keyword:"type",params:{type: schema16.anyOf[3].properties.fail.type},message:"must be number,null",schema:schema16.anyOf[3].properties.fail.type,parentSchema:schema16.anyOf[3].properties.fail,data:data17};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
}
}
else {
const err53 = {instancePath:instancePath+"/min-examples",schemaPath:"#/definitions/limit/anyOf/3/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema16.anyOf[3].type,parentSchema:schema16.anyOf[3],data:data15};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
var _valid5 = _errs85 === errors;
valid17 = valid17 || _valid5;
}
}
}
if(!valid17){
const err54 = {instancePath:instancePath+"/min-examples",schemaPath:"#/definitions/limit/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema16.anyOf,parentSchema:schema16,data:data15};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
else {
errors = _errs79;
if(vErrors !== null){
if(_errs79){
vErrors.length = _errs79;
}
else {
vErrors = null;
}
}
}
}
if(data["max-too-long"] !== undefined){
let data18 = data["max-too-long"];
const _errs94 = errors;
let valid20 = false;
const _errs95 = errors;
if(!(typeof data18 == "number")){
const err55 = {instancePath:instancePath+"/max-too-long",schemaPath:"#/definitions/limit/anyOf/0/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema16.anyOf[0].type,parentSchema:schema16.anyOf[0],data:data18};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
var _valid6 = _errs95 === errors;
valid20 = valid20 || _valid6;
if(!valid20){
const _errs97 = errors;
if(data18 !== null){
const err56 = {instancePath:instancePath+"/max-too-long",schemaPath:"#/definitions/limit/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null",schema:schema16.anyOf[1].type,parentSchema:schema16.anyOf[1],data:data18};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
var _valid6 = _errs97 === errors;
valid20 = valid20 || _valid6;
if(!valid20){
const _errs99 = errors;
if(false !== data18){
const err57 = {instancePath:instancePath+"/max-too-long",schemaPath:"#/definitions/limit/anyOf/2/const",keyword:"const",params:{allowedValue: false},message:"must be equal to constant",schema:false,parentSchema:schema16.anyOf[2],data:data18};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
var _valid6 = _errs99 === errors;
valid20 = valid20 || _valid6;
if(!valid20){
const _errs100 = errors;
if(data18 && typeof data18 == "object" && !Array.isArray(data18)){
if(Object.keys(data18).length < 1){
const err58 = {instancePath:instancePath+"/max-too-long",schemaPath:"#/definitions/limit/anyOf/3/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema16.anyOf[3],data:data18};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
for(const key7 in data18){
if(!((key7 === "warn") || (key7 === "fail"))){
const err59 = {instancePath:instancePath+"/max-too-long",schemaPath:"#/definitions/limit/anyOf/3/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key7},message:"must NOT have additional properties",schema:false,parentSchema:schema16.anyOf[3],data:data18};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
}
if(data18.warn !== undefined){
let data19 = data18.warn;
if((!(typeof data19 == "number")) && (data19 !== null)){
const err60 = {instancePath:instancePath+"/max-too-long/warn",schemaPath:"#/definitions/limit/anyOf/3/properties/warn/type",keyword:"type",params:{type: schema16.anyOf[3].properties.warn.type},message:"must be number,null",schema:schema16.anyOf[3].properties.warn.type,parentSchema:schema16.anyOf[3].properties.warn,data:data19};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
}
if(data18.fail !== undefined){
let data20 = data18.fail;
if((!(typeof data20 == "number")) && (data20 !== null)){
const err61 = {instancePath:instancePath+"/max-too-long/fail",schemaPath:"#/definitions/limit/anyOf/3/properties/fail/type",keyword:"type",params:{type: schema16.anyOf[3].properties.fail.type},message:"must be number,null",schema:schema16.anyOf[3].properties.fail.type,parentSchema:schema16.anyOf[3].properties.fail,data:data20};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
}
}
else {
const err62 = {instancePath:instancePath+"/max-too-long",schemaPath:"#/definitions/limit/anyOf/3/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema16.anyOf[3].type,parentSchema:schema16.anyOf[3],data:data18};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
var _valid6 = _errs100 === errors;
valid20 = valid20 || _valid6;
}
}
}
if(!valid20){
const err63 = {instancePath:instancePath+"/max-too-long",schemaPath:"#/definitions/limit/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema16.anyOf,parentSchema:schema16,data:data18};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
else {
errors = _errs94;
if(vErrors !== null){
if(_errs94){
vErrors.length = _errs94;
}
else {
vErrors = null;
}
}
}
}
if(data["min-windowed-distinct-2"] !== undefined){
let data21 = data["min-windowed-distinct-2"];
const _errs109 = errors;
let valid23 = false;
const _errs110 = errors;
if(!(typeof data21 == "number")){
const err64 = {instancePath:instancePath+"/min-windowed-distinct-2",schemaPath:"#/definitions/limit/anyOf/0/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema16.anyOf[0].type,parentSchema:schema16.anyOf[0],data:data21};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
var _valid7 = _errs110 === errors;
valid23 = valid23 || _valid7;
if(!valid23){
const _errs112 = errors;
if(data21 !== null){
const err65 = {instancePath:instancePath+"/min-windowed-distinct-2",schemaPath:"#/definitions/limit/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null",schema:schema16.anyOf[1].type,parentSchema:schema16.anyOf[1],data:data21};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
var _valid7 = _errs112 === errors;
valid23 = valid23 || _valid7;
if(!valid23){
const _errs114 = errors;
if(false !== data21){
const err66 = {instancePath:instancePath+"/min-windowed-distinct-2",schemaPath:"#/definitions/limit/anyOf/2/const",keyword:"const",params:{allowedValue: false},message:"must be equal to constant",schema:false,parentSchema:schema16.anyOf[2],data:data21};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
var _valid7 = _errs114 === errors;
valid23 = valid23 || _valid7;
if(!valid23){
const _errs115 = errors;
if(data21 && typeof data21 == "object" && !Array.isArray(data21)){
if(Object.keys(data21).length < 1){
const err67 = {instancePath:instancePath+"/min-windowed-distinct-2",schemaPath:"#/definitions/limit/anyOf/3/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema16.anyOf[3],data:data21};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
for(const key8 in data21){
if(!((key8 === "warn") || (key8 === "fail"))){
const err68 = {instancePath:instancePath+"/min-windowed-distinct-2",schemaPath:"#/definitions/limit/anyOf/3/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key8},message:"must NOT have additional properties",schema:false,parentSchema:schema16.anyOf[3],data:data21};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
}
}
if(data21.warn !== undefined){
let data22 = data21.warn;
if((!(typeof data22 == "number")) && (data22 !== null)){
const err69 = {instancePath:instancePath+"/min-windowed-distinct-2/warn",schemaPath:"#/definitions/limit/anyOf/3/properties/warn/type",keyword:"type",params:{type: schema16.anyOf[3].properties.warn.type},message:"must be number,null",schema:schema16.anyOf[3].properties.warn.type,parentSchema:schema16.anyOf[3].properties.warn,data:data22};
if(vErrors === null){
vErrors = [err69];
}
else {
vErrors.push(err69);
}
errors++;
}
}
if(data21.fail !== undefined){
let data23 = data21.fail;
if((!(typeof data23 == "number")) && (data23 !== null)){
const err70 = {instancePath:instancePath+"/min-windowed-distinct-2/fail",schemaPath:"#/definitions/limit/anyOf/3/properties/fail/type",keyword:"type",params:{type: schema16.anyOf[3].properties.fail.type},message:"must be number,null",schema:schema16.anyOf[3].properties.fail.type,parentSchema:schema16.anyOf[3].properties.fail,data:data23};
if(vErrors === null){
vErrors = [err70];
}
else {
vErrors.push(err70);
}
errors++;
}
}
}
else {
const err71 = {instancePath:instancePath+"/min-windowed-distinct-2",schemaPath:"#/definitions/limit/anyOf/3/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema16.anyOf[3].type,parentSchema:schema16.anyOf[3],data:data21};
if(vErrors === null){
vErrors = [err71];
}
else {
vErrors.push(err71);
}
errors++;
}
var _valid7 = _errs115 === errors;
valid23 = valid23 || _valid7;
}
}
}
if(!valid23){
const err72 = {instancePath:instancePath+"/min-windowed-distinct-2",schemaPath:"#/definitions/limit/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema16.anyOf,parentSchema:schema16,data:data21};
if(vErrors === null){
vErrors = [err72];
}
else {
vErrors.push(err72);
}
errors++;
}
else {
errors = _errs109;
if(vErrors !== null){
if(_errs109){
vErrors.length = _errs109;
}
else {
vErrors = null;
}
}
}
}
if(data["max-compression-ratio"] !== undefined){
let data24 = data["max-compression-ratio"];
const _errs124 = errors;
let valid26 = false;
const _errs125 = errors;
if(!(typeof data24 == "number")){
const err73 = {instancePath:instancePath+"/max-compression-ratio",schemaPath:"#/definitions/limit/anyOf/0/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema16.anyOf[0].type,parentSchema:schema16.anyOf[0],data:data24};
if(vErrors === null){
vErrors = [err73];
}
else {
vErrors.push(err73);
}
errors++;
}
var _valid8 = _errs125 === errors;
valid26 = valid26 || _valid8;
if(!valid26){
const _errs127 = errors;
if(data24 !== null){
const err74 = {instancePath:instancePath+"/max-compression-ratio",schemaPath:"#/definitions/limit/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null",schema:schema16.anyOf[1].type,parentSchema:schema16.anyOf[1],data:data24};
if(vErrors === null){
vErrors = [err74];
}
else {
vErrors.push(err74);
}
errors++;
}
var _valid8 = _errs127 === errors;
valid26 = valid26 || _valid8;
if(!valid26){
const _errs129 = errors;
if(false !== data24){
const err75 = {instancePath:instancePath+"/max-compression-ratio",schemaPath:"#/definitions/limit/anyOf/2/const",keyword:"const",params:{allowedValue: false},message:"must be equal to constant",schema:false,parentSchema:schema16.anyOf[2],data:data24};
if(vErrors === null){
vErrors = [err75];
}
else {
vErrors.push(err75);
}
errors++;
}
var _valid8 = _errs129 === errors;
valid26 = valid26 || _valid8;
if(!valid26){
const _errs130 = errors;
if(data24 && typeof data24 == "object" && !Array.isArray(data24)){
if(Object.keys(data24).length < 1){
const err76 = {instancePath:instancePath+"/max-compression-ratio",schemaPath:"#/definitions/limit/anyOf/3/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema16.anyOf[3],data:data24};
if(vErrors === null){
vErrors = [err76];
}
else {
vErrors.push(err76);
}
errors++;
}
for(const key9 in data24){
if(!((key9 === "warn") || (key9 === "fail"))){
const err77 = {instancePath:instancePath+"/max-compression-ratio",schemaPath:"#/definitions/limit/anyOf/3/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key9},message:"must NOT have additional properties",schema:false,parentSchema:schema16.anyOf[3],data:data24};
if(vErrors === null){
vErrors = [err77];
}
else {
vErrors.push(err77);
}
errors++;
}
}
if(data24.warn !== undefined){
let data25 = data24.warn;
if((!(typeof data25 == "number")) && (data25 !== null)){
const err78 = {instancePath:instancePath+"/max-compression-ratio/warn",schemaPath:"#/definitions/limit/anyOf/3/properties/warn/type",keyword:"type",params:{type: schema16.anyOf[3].properties.warn.type},message:"must be number,null",schema:schema16.anyOf[3].properties.warn.type,parentSchema:schema16.anyOf[3].properties.warn,data:data25};
if(vErrors === null){
vErrors = [err78];
}
else {
vErrors.push(err78);
}
errors++;
}
}
if(data24.fail !== undefined){
let data26 = data24.fail;
if((!(typeof data26 == "number")) && (data26 !== null)){
const err79 = {instancePath:instancePath+"/max-compression-ratio/fail",schemaPath:"#/definitions/limit/anyOf/3/properties/fail/type",keyword:"type",params:{type: schema16.anyOf[3].properties.fail.type},message:"must be number,null",schema:schema16.anyOf[3].properties.fail.type,parentSchema:schema16.anyOf[3].properties.fail,data:data26};
if(vErrors === null){
vErrors = [err79];
}
else {
vErrors.push(err79);
}
errors++;
}
}
}
else {
const err80 = {instancePath:instancePath+"/max-compression-ratio",schemaPath:"#/definitions/limit/anyOf/3/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema16.anyOf[3].type,parentSchema:schema16.anyOf[3],data:data24};
if(vErrors === null){
vErrors = [err80];
}
else {
vErrors.push(err80);
}
errors++;
}
var _valid8 = _errs130 === errors;
valid26 = valid26 || _valid8;
}
}
}
if(!valid26){
const err81 = {instancePath:instancePath+"/max-compression-ratio",schemaPath:"#/definitions/limit/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema16.anyOf,parentSchema:schema16,data:data24};
if(vErrors === null){
vErrors = [err81];
}
else {
vErrors.push(err81);
}
errors++;
}
else {
errors = _errs124;
if(vErrors !== null){
if(_errs124){
vErrors.length = _errs124;
}
else {
vErrors = null;
}
}
}
}
if(data["max-opening-share"] !== undefined){
let data27 = data["max-opening-share"];
const _errs139 = errors;
let valid29 = false;
const _errs140 = errors;
if(!(typeof data27 == "number")){
const err82 = {instancePath:instancePath+"/max-opening-share",schemaPath:"#/definitions/limit/anyOf/0/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema16.anyOf[0].type,parentSchema:schema16.anyOf[0],data:data27};
if(vErrors === null){
vErrors = [err82];
}
else {
vErrors.push(err82);
}
errors++;
}
var _valid9 = _errs140 === errors;
valid29 = valid29 || _valid9;
if(!valid29){
const _errs142 = errors;
if(data27 !== null){
const err83 = {instancePath:instancePath+"/max-opening-share",schemaPath:"#/definitions/limit/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null",schema:schema16.anyOf[1].type,parentSchema:schema16.anyOf[1],data:data27};
if(vErrors === null){
vErrors = [err83];
}
else {
vErrors.push(err83);
}
errors++;
}
var _valid9 = _errs142 === errors;
valid29 = valid29 || _valid9;
if(!valid29){
const _errs144 = errors;
if(false !== data27){
const err84 = {instancePath:instancePath+"/max-opening-share",schemaPath:"#/definitions/limit/anyOf/2/const",keyword:"const",params:{allowedValue: false},message:"must be equal to constant",schema:false,parentSchema:schema16.anyOf[2],data:data27};
if(vErrors === null){
vErrors = [err84];
}
else {
vErrors.push(err84);
}
errors++;
}
var _valid9 = _errs144 === errors;
valid29 = valid29 || _valid9;
if(!valid29){
const _errs145 = errors;
if(data27 && typeof data27 == "object" && !Array.isArray(data27)){
if(Object.keys(data27).length < 1){
const err85 = {instancePath:instancePath+"/max-opening-share",schemaPath:"#/definitions/limit/anyOf/3/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema16.anyOf[3],data:data27};
if(vErrors === null){
vErrors = [err85];
}
else {
vErrors.push(err85);
}
errors++;
}
for(const key10 in data27){
if(!((key10 === "warn") || (key10 === "fail"))){
const err86 = {instancePath:instancePath+"/max-opening-share",schemaPath:"#/definitions/limit/anyOf/3/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key10},message:"must NOT have additional properties",schema:false,parentSchema:schema16.anyOf[3],data:data27};
if(vErrors === null){
vErrors = [err86];
}
else {
vErrors.push(err86);
}
errors++;
}
}
if(data27.warn !== undefined){
let data28 = data27.warn;
if((!(typeof data28 == "number")) && (data28 !== null)){
const err87 = {instancePath:instancePath+"/max-opening-share/warn",schemaPath:"#/definitions/limit/anyOf/3/properties/warn/type",keyword:"type",params:{type: schema16.anyOf[3].properties.warn.type},message:"must be number,null",schema:schema16.anyOf[3].properties.warn.type,parentSchema:schema16.anyOf[3].properties.warn,data:data28};
if(vErrors === null){
vErrors = [err87];
}
else {
vErrors.push(err87);
}
errors++;
}
}
if(data27.fail !== undefined){
let data29 = data27.fail;
if((!(typeof data29 == "number")) && (data29 !== null)){
const err88 = {instancePath:instancePath+"/max-opening-share/fail",schemaPath:"#/definitions/limit/anyOf/3/properties/fail/type",keyword:"type",params:{type: schema16.anyOf[3].properties.fail.type},message:"must be number,null",schema:schema16.anyOf[3].properties.fail.type,parentSchema:schema16.anyOf[3].properties.fail,data:data29};
if(vErrors === null){
vErrors = [err88];
}
else {
vErrors.push(err88);
}
errors++;
}
}
}
else {
const err89 = {instancePath:instancePath+"/max-opening-share",schemaPath:"#/definitions/limit/anyOf/3/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema16.anyOf[3].type,parentSchema:schema16.anyOf[3],data:data27};
if(vErrors === null){
vErrors = [err89];
}
else {
vErrors.push(err89);
}
errors++;
}
var _valid9 = _errs145 === errors;
valid29 = valid29 || _valid9;
}
}
}
if(!valid29){
const err90 = {instancePath:instancePath+"/max-opening-share",schemaPath:"#/definitions/limit/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema16.anyOf,parentSchema:schema16,data:data27};
if(vErrors === null){
vErrors = [err90];
}
else {
vErrors.push(err90);
}
errors++;
}
else {
errors = _errs139;
if(vErrors !== null){
if(_errs139){
vErrors.length = _errs139;
}
else {
vErrors = null;
}
}
}
}
if(data["max-boilerplate-share"] !== undefined){
let data30 = data["max-boilerplate-share"];
const _errs154 = errors;
let valid32 = false;
const _errs155 = errors;
if(!(typeof data30 == "number")){
const err91 = {instancePath:instancePath+"/max-boilerplate-share",schemaPath:"#/definitions/limit/anyOf/0/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema16.anyOf[0].type,parentSchema:schema16.anyOf[0],data:data30};
if(vErrors === null){
vErrors = [err91];
}
else {
vErrors.push(err91);
}
errors++;
}
var _valid10 = _errs155 === errors;
valid32 = valid32 || _valid10;
if(!valid32){
const _errs157 = errors;
if(data30 !== null){
const err92 = {instancePath:instancePath+"/max-boilerplate-share",schemaPath:"#/definitions/limit/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null",schema:schema16.anyOf[1].type,parentSchema:schema16.anyOf[1],data:data30};
if(vErrors === null){
vErrors = [err92];
}
else {
vErrors.push(err92);
}
errors++;
}
var _valid10 = _errs157 === errors;
valid32 = valid32 || _valid10;
if(!valid32){
const _errs159 = errors;
if(false !== data30){
const err93 = {instancePath:instancePath+"/max-boilerplate-share",schemaPath:"#/definitions/limit/anyOf/2/const",keyword:"const",params:{allowedValue: false},message:"must be equal to constant",schema:false,parentSchema:schema16.anyOf[2],data:data30};
if(vErrors === null){
vErrors = [err93];
}
else {
vErrors.push(err93);
}
errors++;
}
var _valid10 = _errs159 === errors;
valid32 = valid32 || _valid10;
if(!valid32){
const _errs160 = errors;
if(data30 && typeof data30 == "object" && !Array.isArray(data30)){
if(Object.keys(data30).length < 1){
const err94 = {instancePath:instancePath+"/max-boilerplate-share",schemaPath:"#/definitions/limit/anyOf/3/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema16.anyOf[3],data:data30};
if(vErrors === null){
vErrors = [err94];
}
else {
vErrors.push(err94);
}
errors++;
}
for(const key11 in data30){
if(!((key11 === "warn") || (key11 === "fail"))){
const err95 = {instancePath:instancePath+"/max-boilerplate-share",schemaPath:"#/definitions/limit/anyOf/3/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key11},message:"must NOT have additional properties",schema:false,parentSchema:schema16.anyOf[3],data:data30};
if(vErrors === null){
vErrors = [err95];
}
else {
vErrors.push(err95);
}
errors++;
}
}
if(data30.warn !== undefined){
let data31 = data30.warn;
if((!(typeof data31 == "number")) && (data31 !== null)){
const err96 = {instancePath:instancePath+"/max-boilerplate-share/warn",schemaPath:"#/definitions/limit/anyOf/3/properties/warn/type",keyword:"type",params:{type: schema16.anyOf[3].properties.warn.type},message:"must be number,null",schema:schema16.anyOf[3].properties.warn.type,parentSchema:schema16.anyOf[3].properties.warn,data:data31};
if(vErrors === null){
vErrors = [err96];
}
else {
vErrors.push(err96);
}
errors++;
}
}
if(data30.fail !== undefined){
let data32 = data30.fail;
if((!(typeof data32 == "number")) && (data32 !== null)){
const err97 = {instancePath:instancePath+"/max-boilerplate-share/fail",schemaPath:"#/definitions/limit/anyOf/3/properties/fail/type",keyword:"type",params:{type: schema16.anyOf[3].properties.fail.type},message:"must be number,null",schema:schema16.anyOf[3].properties.fail.type,parentSchema:schema16.anyOf[3].properties.fail,data:data32};
if(vErrors === null){
vErrors = [err97];
}
else {
vErrors.push(err97);
}
errors++;
}
}
}
else {
const err98 = {instancePath:instancePath+"/max-boilerplate-share",schemaPath:"#/definitions/limit/anyOf/3/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema16.anyOf[3].type,parentSchema:schema16.anyOf[3],data:data30};
if(vErrors === null){
vErrors = [err98];
}
else {
vErrors.push(err98);
}
errors++;
}
var _valid10 = _errs160 === errors;
valid32 = valid32 || _valid10;
}
}
}
if(!valid32){
const err99 = {instancePath:instancePath+"/max-boilerplate-share",schemaPath:"#/definitions/limit/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema16.anyOf,parentSchema:schema16,data:data30};
if(vErrors === null){
vErrors = [err99];
}
else {
vErrors.push(err99);
}
errors++;
}
else {
errors = _errs154;
if(vErrors !== null){
if(_errs154){
vErrors.length = _errs154;
}
else {
vErrors = null;
}
}
}
}
if(data["min-length-uniqueness"] !== undefined){
let data33 = data["min-length-uniqueness"];
const _errs169 = errors;
let valid35 = false;
const _errs170 = errors;
if(!(typeof data33 == "number")){
const err100 = {instancePath:instancePath+"/min-length-uniqueness",schemaPath:"#/definitions/limit/anyOf/0/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema16.anyOf[0].type,parentSchema:schema16.anyOf[0],data:data33};
if(vErrors === null){
vErrors = [err100];
}
else {
vErrors.push(err100);
}
errors++;
}
var _valid11 = _errs170 === errors;
valid35 = valid35 || _valid11;
if(!valid35){
const _errs172 = errors;
if(data33 !== null){
const err101 = {instancePath:instancePath+"/min-length-uniqueness",schemaPath:"#/definitions/limit/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null",schema:schema16.anyOf[1].type,parentSchema:schema16.anyOf[1],data:data33};
if(vErrors === null){
vErrors = [err101];
}
else {
vErrors.push(err101);
}
errors++;
}
var _valid11 = _errs172 === errors;
valid35 = valid35 || _valid11;
if(!valid35){
const _errs174 = errors;
if(false !== data33){
const err102 = {instancePath:instancePath+"/min-length-uniqueness",schemaPath:"#/definitions/limit/anyOf/2/const",keyword:"const",params:{allowedValue: false},message:"must be equal to constant",schema:false,parentSchema:schema16.anyOf[2],data:data33};
if(vErrors === null){
vErrors = [err102];
}
else {
vErrors.push(err102);
}
errors++;
}
var _valid11 = _errs174 === errors;
valid35 = valid35 || _valid11;
if(!valid35){
const _errs175 = errors;
if(data33 && typeof data33 == "object" && !Array.isArray(data33)){
if(Object.keys(data33).length < 1){
const err103 = {instancePath:instancePath+"/min-length-uniqueness",schemaPath:"#/definitions/limit/anyOf/3/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema16.anyOf[3],data:data33};
if(vErrors === null){
vErrors = [err103];
}
else {
vErrors.push(err103);
}
errors++;
}
for(const key12 in data33){
if(!((key12 === "warn") || (key12 === "fail"))){
const err104 = {instancePath:instancePath+"/min-length-uniqueness",schemaPath:"#/definitions/limit/anyOf/3/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key12},message:"must NOT have additional properties",schema:false,parentSchema:schema16.anyOf[3],data:data33};
if(vErrors === null){
vErrors = [err104];
}
else {
vErrors.push(err104);
}
errors++;
}
}
if(data33.warn !== undefined){
let data34 = data33.warn;
if((!(typeof data34 == "number")) && (data34 !== null)){
const err105 = {instancePath:instancePath+"/min-length-uniqueness/warn",schemaPath:"#/definitions/limit/anyOf/3/properties/warn/type",keyword:"type",params:{type: schema16.anyOf[3].properties.warn.type},message:"must be number,null",schema:schema16.anyOf[3].properties.warn.type,parentSchema:schema16.anyOf[3].properties.warn,data:data34};
if(vErrors === null){
vErrors = [err105];
}
else {
vErrors.push(err105);
}
errors++;
}
}
if(data33.fail !== undefined){
let data35 = data33.fail;
if((!(typeof data35 == "number")) && (data35 !== null)){
const err106 = {instancePath:instancePath+"/min-length-uniqueness/fail",schemaPath:"#/definitions/limit/anyOf/3/properties/fail/type",keyword:"type",params:{type: schema16.anyOf[3].properties.fail.type},message:"must be number,null",schema:schema16.anyOf[3].properties.fail.type,parentSchema:schema16.anyOf[3].properties.fail,data:data35};
if(vErrors === null){
vErrors = [err106];
}
else {
vErrors.push(err106);
}
errors++;
}
}
}
else {
const err107 = {instancePath:instancePath+"/min-length-uniqueness",schemaPath:"#/definitions/limit/anyOf/3/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema16.anyOf[3].type,parentSchema:schema16.anyOf[3],data:data33};
if(vErrors === null){
vErrors = [err107];
}
else {
vErrors.push(err107);
}
errors++;
}
var _valid11 = _errs175 === errors;
valid35 = valid35 || _valid11;
}
}
}
if(!valid35){
const err108 = {instancePath:instancePath+"/min-length-uniqueness",schemaPath:"#/definitions/limit/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema16.anyOf,parentSchema:schema16,data:data33};
if(vErrors === null){
vErrors = [err108];
}
else {
vErrors.push(err108);
}
errors++;
}
else {
errors = _errs169;
if(vErrors !== null){
if(_errs169){
vErrors.length = _errs169;
}
else {
vErrors = null;
}
}
}
}
if(data["max-diversity-drop"] !== undefined){
let data36 = data["max-diversity-drop"];
const _errs184 = errors;
let valid38 = false;
const _errs185 = errors;
if(!(typeof data36 == "number")){
const err109 = {instancePath:instancePath+"/max-diversity-drop",schemaPath:"#/definitions/limit/anyOf/0/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema16.anyOf[0].type,parentSchema:schema16.anyOf[0],data:data36};
if(vErrors === null){
vErrors = [err109];
}
else {
vErrors.push(err109);
}
errors++;
}
var _valid12 = _errs185 === errors;
valid38 = valid38 || _valid12;
if(!valid38){
const _errs187 = errors;
if(data36 !== null){
const err110 = {instancePath:instancePath+"/max-diversity-drop",schemaPath:"#/definitions/limit/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null",schema:schema16.anyOf[1].type,parentSchema:schema16.anyOf[1],data:data36};
if(vErrors === null){
vErrors = [err110];
}
else {
vErrors.push(err110);
}
errors++;
}
var _valid12 = _errs187 === errors;
valid38 = valid38 || _valid12;
if(!valid38){
const _errs189 = errors;
if(false !== data36){
const err111 = {instancePath:instancePath+"/max-diversity-drop",schemaPath:"#/definitions/limit/anyOf/2/const",keyword:"const",params:{allowedValue: false},message:"must be equal to constant",schema:false,parentSchema:schema16.anyOf[2],data:data36};
if(vErrors === null){
vErrors = [err111];
}
else {
vErrors.push(err111);
}
errors++;
}
var _valid12 = _errs189 === errors;
valid38 = valid38 || _valid12;
if(!valid38){
const _errs190 = errors;
if(data36 && typeof data36 == "object" && !Array.isArray(data36)){
if(Object.keys(data36).length < 1){
const err112 = {instancePath:instancePath+"/max-diversity-drop",schemaPath:"#/definitions/limit/anyOf/3/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema16.anyOf[3],data:data36};
if(vErrors === null){
vErrors = [err112];
}
else {
vErrors.push(err112);
}
errors++;
}
for(const key13 in data36){
if(!((key13 === "warn") || (key13 === "fail"))){
const err113 = {instancePath:instancePath+"/max-diversity-drop",schemaPath:"#/definitions/limit/anyOf/3/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key13},message:"must NOT have additional properties",schema:false,parentSchema:schema16.anyOf[3],data:data36};
if(vErrors === null){
vErrors = [err113];
}
else {
vErrors.push(err113);
}
errors++;
}
}
if(data36.warn !== undefined){
let data37 = data36.warn;
if((!(typeof data37 == "number")) && (data37 !== null)){
const err114 = {instancePath:instancePath+"/max-diversity-drop/warn",schemaPath:"#/definitions/limit/anyOf/3/properties/warn/type",keyword:"type",params:{type: schema16.anyOf[3].properties.warn.type},message:"must be number,null",schema:schema16.anyOf[3].properties.warn.type,parentSchema:schema16.anyOf[3].properties.warn,data:data37};
if(vErrors === null){
vErrors = [err114];
}
else {
vErrors.push(err114);
}
errors++;
}
}
if(data36.fail !== undefined){
let data38 = data36.fail;
if((!(typeof data38 == "number")) && (data38 !== null)){
const err115 = {instancePath:instancePath+"/max-diversity-drop/fail",schemaPath:"#/definitions/limit/anyOf/3/properties/fail/type",keyword:"type",params:{type: schema16.anyOf[3].properties.fail.type},message:"must be number,null",schema:schema16.anyOf[3].properties.fail.type,parentSchema:schema16.anyOf[3].properties.fail,data:data38};
if(vErrors === null){
vErrors = [err115];
}
else {
vErrors.push(err115);
}
errors++;
}
}
}
else {
const err116 = {instancePath:instancePath+"/max-diversity-drop",schemaPath:"#/definitions/limit/anyOf/3/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema16.anyOf[3].type,parentSchema:schema16.anyOf[3],data:data36};
if(vErrors === null){
vErrors = [err116];
}
else {
vErrors.push(err116);
}
errors++;
}
var _valid12 = _errs190 === errors;
valid38 = valid38 || _valid12;
}
}
}
if(!valid38){
const err117 = {instancePath:instancePath+"/max-diversity-drop",schemaPath:"#/definitions/limit/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema16.anyOf,parentSchema:schema16,data:data36};
if(vErrors === null){
vErrors = [err117];
}
else {
vErrors.push(err117);
}
errors++;
}
else {
errors = _errs184;
if(vErrors !== null){
if(_errs184){
vErrors.length = _errs184;
}
else {
vErrors = null;
}
}
}
}
if(data["single-turn-share"] !== undefined){
let data39 = data["single-turn-share"];
const _errs199 = errors;
let valid41 = false;
const _errs200 = errors;
if(data39 !== null){
const err118 = {instancePath:instancePath+"/single-turn-share",schemaPath:"#/definitions/range/anyOf/0/type",keyword:"type",params:{type: "null"},message:"must be null",schema:schema29.anyOf[0].type,parentSchema:schema29.anyOf[0],data:data39};
if(vErrors === null){
vErrors = [err118];
}
else {
vErrors.push(err118);
}
errors++;
}
var _valid13 = _errs200 === errors;
valid41 = valid41 || _valid13;
if(!valid41){
const _errs202 = errors;
if(false !== data39){
const err119 = {instancePath:instancePath+"/single-turn-share",schemaPath:"#/definitions/range/anyOf/1/const",keyword:"const",params:{allowedValue: false},message:"must be equal to constant",schema:false,parentSchema:schema29.anyOf[1],data:data39};
if(vErrors === null){
vErrors = [err119];
}
else {
vErrors.push(err119);
}
errors++;
}
var _valid13 = _errs202 === errors;
valid41 = valid41 || _valid13;
if(!valid41){
const _errs203 = errors;
if(Array.isArray(data39)){
if(data39.length > 2){
const err120 = {instancePath:instancePath+"/single-turn-share",schemaPath:"#/definitions/range/anyOf/2/maxItems",keyword:"maxItems",params:{limit: 2},message:"must NOT have more than 2 items",schema:2,parentSchema:schema29.anyOf[2],data:data39};
if(vErrors === null){
vErrors = [err120];
}
else {
vErrors.push(err120);
}
errors++;
}
if(data39.length < 2){
const err121 = {instancePath:instancePath+"/single-turn-share",schemaPath:"#/definitions/range/anyOf/2/minItems",keyword:"minItems",params:{limit: 2},message:"must NOT have fewer than 2 items",schema:2,parentSchema:schema29.anyOf[2],data:data39};
if(vErrors === null){
vErrors = [err121];
}
else {
vErrors.push(err121);
}
errors++;
}
const len0 = data39.length;
for(let i0=0; i0<len0; i0++){
let data40 = data39[i0];
if(!(typeof data40 == "number")){
const err122 = {instancePath:instancePath+"/single-turn-share/" + i0,schemaPath:"#/definitions/range/anyOf/2/items/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema29.anyOf[2].items.type,parentSchema:schema29.anyOf[2].items,data:data40};
if(vErrors === null){
vErrors = [err122];
}
else {
vErrors.push(err122);
}
errors++;
}
}
}
else {
const err123 = {instancePath:instancePath+"/single-turn-share",schemaPath:"#/definitions/range/anyOf/2/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema29.anyOf[2].type,parentSchema:schema29.anyOf[2],data:data39};
if(vErrors === null){
vErrors = [err123];
}
else {
vErrors.push(err123);
}
errors++;
}
var _valid13 = _errs203 === errors;
valid41 = valid41 || _valid13;
if(!valid41){
const _errs207 = errors;
if(data39 && typeof data39 == "object" && !Array.isArray(data39)){
for(const key14 in data39){
if(!(((key14 === "min") || (key14 === "max")) || (key14 === "level"))){
const err124 = {instancePath:instancePath+"/single-turn-share",schemaPath:"#/definitions/range/anyOf/3/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key14},message:"must NOT have additional properties",schema:false,parentSchema:schema29.anyOf[3],data:data39};
if(vErrors === null){
vErrors = [err124];
}
else {
vErrors.push(err124);
}
errors++;
}
}
if(data39.min !== undefined){
let data41 = data39.min;
if(!(typeof data41 == "number")){
const err125 = {instancePath:instancePath+"/single-turn-share/min",schemaPath:"#/definitions/range/anyOf/3/properties/min/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema29.anyOf[3].properties.min.type,parentSchema:schema29.anyOf[3].properties.min,data:data41};
if(vErrors === null){
vErrors = [err125];
}
else {
vErrors.push(err125);
}
errors++;
}
}
if(data39.max !== undefined){
let data42 = data39.max;
if(!(typeof data42 == "number")){
const err126 = {instancePath:instancePath+"/single-turn-share/max",schemaPath:"#/definitions/range/anyOf/3/properties/max/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema29.anyOf[3].properties.max.type,parentSchema:schema29.anyOf[3].properties.max,data:data42};
if(vErrors === null){
vErrors = [err126];
}
else {
vErrors.push(err126);
}
errors++;
}
}
if(data39.level !== undefined){
let data43 = data39.level;
if(!((data43 === "warn") || (data43 === "fail"))){
const err127 = {instancePath:instancePath+"/single-turn-share/level",schemaPath:"#/definitions/range/anyOf/3/properties/level/enum",keyword:"enum",params:{allowedValues: schema29.anyOf[3].properties.level.enum},message:"must be equal to one of the allowed values",schema:schema29.anyOf[3].properties.level.enum,parentSchema:schema29.anyOf[3].properties.level,data:data43};
if(vErrors === null){
vErrors = [err127];
}
else {
vErrors.push(err127);
}
errors++;
}
}
}
else {
const err128 = {instancePath:instancePath+"/single-turn-share",schemaPath:"#/definitions/range/anyOf/3/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema29.anyOf[3].type,parentSchema:schema29.anyOf[3],data:data39};
if(vErrors === null){
vErrors = [err128];
}
else {
vErrors.push(err128);
}
errors++;
}
var _valid13 = _errs207 === errors;
valid41 = valid41 || _valid13;
}
}
}
if(!valid41){
const err129 = {instancePath:instancePath+"/single-turn-share",schemaPath:"#/definitions/range/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema29.anyOf,parentSchema:schema29,data:data39};
if(vErrors === null){
vErrors = [err129];
}
else {
vErrors.push(err129);
}
errors++;
}
else {
errors = _errs199;
if(vErrors !== null){
if(_errs199){
vErrors.length = _errs199;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err130 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema15.type,parentSchema:schema15,data};
if(vErrors === null){
vErrors = [err130];
}
else {
vErrors.push(err130);
}
errors++;
}
validate11.errors = vErrors;
return errors === 0;
}


function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://github.com/chatml-quality-gate/chatml-quality-gate/schemas/config.schema.json" */;
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!(func2.call(schema11.properties, key0))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.format !== undefined){
let data0 = data.format;
if(!(((((data0 === "chatml") || (data0 === "sharegpt")) || (data0 === "alpaca")) || (data0 === "preference-trl")) || (data0 === "preference-openai"))){
const err1 = {instancePath:instancePath+"/format",schemaPath:"#/properties/format/enum",keyword:"enum",params:{allowedValues: schema11.properties.format.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.format.enum,parentSchema:schema11.properties.format,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.profile !== undefined){
let data1 = data.profile;
if(!((((data1 === "generic") || (data1 === "openai")) || (data1 === "together")) || (data1 === "mistral"))){
const err2 = {instancePath:instancePath+"/profile",schemaPath:"#/properties/profile/enum",keyword:"enum",params:{allowedValues: schema11.properties.profile.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.profile.enum,parentSchema:schema11.properties.profile,data:data1};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data["category-field"] !== undefined){
let data2 = data["category-field"];
if(typeof data2 !== "string"){
const err3 = {instancePath:instancePath+"/category-field",schemaPath:"#/properties/category-field/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties["category-field"].type,parentSchema:schema11.properties["category-field"],data:data2};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data["fail-on"] !== undefined){
let data3 = data["fail-on"];
if(!(((data3 === "error") || (data3 === "warning")) || (data3 === "never"))){
const err4 = {instancePath:instancePath+"/fail-on",schemaPath:"#/properties/fail-on/enum",keyword:"enum",params:{allowedValues: schema11.properties["fail-on"].enum},message:"must be equal to one of the allowed values",schema:schema11.properties["fail-on"].enum,parentSchema:schema11.properties["fail-on"],data:data3};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data["max-findings"] !== undefined){
let data4 = data["max-findings"];
if(!((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4)))){
const err5 = {instancePath:instancePath+"/max-findings",schemaPath:"#/properties/max-findings/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties["max-findings"].type,parentSchema:schema11.properties["max-findings"],data:data4};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(typeof data4 == "number"){
if(data4 < 0 || isNaN(data4)){
const err6 = {instancePath:instancePath+"/max-findings",schemaPath:"#/properties/max-findings/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties["max-findings"],data:data4};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
}
if(data.paths !== undefined){
let data5 = data.paths;
if(Array.isArray(data5)){
const len0 = data5.length;
for(let i0=0; i0<len0; i0++){
let data6 = data5[i0];
if(typeof data6 !== "string"){
const err7 = {instancePath:instancePath+"/paths/" + i0,schemaPath:"#/properties/paths/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.paths.items.type,parentSchema:schema11.properties.paths.items,data:data6};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
else {
const err8 = {instancePath:instancePath+"/paths",schemaPath:"#/properties/paths/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.paths.type,parentSchema:schema11.properties.paths,data:data5};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.rules !== undefined){
let data7 = data.rules;
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
for(const key1 in data7){
const _errs16 = errors;
if(typeof key1 === "string"){
if(!pattern0.test(key1)){
const err9 = {instancePath:instancePath+"/rules",schemaPath:"#/definitions/rules/propertyNames/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9-]+$"},message:"must match pattern \""+"^[a-z0-9-]+$"+"\"",schema:"^[a-z0-9-]+$",parentSchema:schema12.propertyNames,data:key1,propertyName:key1};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
var valid4 = _errs16 === errors;
if(!valid4){
const err10 = {instancePath:instancePath+"/rules",schemaPath:"#/definitions/rules/propertyNames",keyword:"propertyNames",params:{propertyName: key1},message:"property name must be valid",schema:schema12.propertyNames,parentSchema:schema12,data:data7};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
for(const key2 in data7){
let data8 = data7[key2];
if(!(((data8 === "error") || (data8 === "warning")) || (data8 === "off"))){
const err11 = {instancePath:instancePath+"/rules/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/rules/additionalProperties/enum",keyword:"enum",params:{allowedValues: schema12.additionalProperties.enum},message:"must be equal to one of the allowed values",schema:schema12.additionalProperties.enum,parentSchema:schema12.additionalProperties,data:data8};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
}
else {
const err12 = {instancePath:instancePath+"/rules",schemaPath:"#/definitions/rules/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema12.type,parentSchema:schema12,data:data7};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.duplicates !== undefined){
let data9 = data.duplicates;
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
for(const key3 in data9){
if(!((((key3 === "case-insensitive") || (key3 === "near")) || (key3 === "near-threshold")) || (key3 === "shingle-size"))){
const err13 = {instancePath:instancePath+"/duplicates",schemaPath:"#/properties/duplicates/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.duplicates,data:data9};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data9["case-insensitive"] !== undefined){
let data10 = data9["case-insensitive"];
if(typeof data10 !== "boolean"){
const err14 = {instancePath:instancePath+"/duplicates/case-insensitive",schemaPath:"#/properties/duplicates/properties/case-insensitive/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.duplicates.properties["case-insensitive"].type,parentSchema:schema11.properties.duplicates.properties["case-insensitive"],data:data10};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data9.near !== undefined){
let data11 = data9.near;
if(typeof data11 !== "boolean"){
const err15 = {instancePath:instancePath+"/duplicates/near",schemaPath:"#/properties/duplicates/properties/near/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.duplicates.properties.near.type,parentSchema:schema11.properties.duplicates.properties.near,data:data11};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data9["near-threshold"] !== undefined){
let data12 = data9["near-threshold"];
if(typeof data12 == "number"){
if(data12 > 1 || isNaN(data12)){
const err16 = {instancePath:instancePath+"/duplicates/near-threshold",schemaPath:"#/properties/duplicates/properties/near-threshold/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1",schema:1,parentSchema:schema11.properties.duplicates.properties["near-threshold"],data:data12};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
if(data12 <= 0 || isNaN(data12)){
const err17 = {instancePath:instancePath+"/duplicates/near-threshold",schemaPath:"#/properties/duplicates/properties/near-threshold/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0",schema:0,parentSchema:schema11.properties.duplicates.properties["near-threshold"],data:data12};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
else {
const err18 = {instancePath:instancePath+"/duplicates/near-threshold",schemaPath:"#/properties/duplicates/properties/near-threshold/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.duplicates.properties["near-threshold"].type,parentSchema:schema11.properties.duplicates.properties["near-threshold"],data:data12};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data9["shingle-size"] !== undefined){
let data13 = data9["shingle-size"];
if(!((typeof data13 == "number") && (!(data13 % 1) && !isNaN(data13)))){
const err19 = {instancePath:instancePath+"/duplicates/shingle-size",schemaPath:"#/properties/duplicates/properties/shingle-size/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.duplicates.properties["shingle-size"].type,parentSchema:schema11.properties.duplicates.properties["shingle-size"],data:data13};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(typeof data13 == "number"){
if(data13 > 16 || isNaN(data13)){
const err20 = {instancePath:instancePath+"/duplicates/shingle-size",schemaPath:"#/properties/duplicates/properties/shingle-size/maximum",keyword:"maximum",params:{comparison: "<=", limit: 16},message:"must be <= 16",schema:16,parentSchema:schema11.properties.duplicates.properties["shingle-size"],data:data13};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
if(data13 < 1 || isNaN(data13)){
const err21 = {instancePath:instancePath+"/duplicates/shingle-size",schemaPath:"#/properties/duplicates/properties/shingle-size/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema11.properties.duplicates.properties["shingle-size"],data:data13};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
}
}
else {
const err22 = {instancePath:instancePath+"/duplicates",schemaPath:"#/properties/duplicates/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.duplicates.type,parentSchema:schema11.properties.duplicates,data:data9};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data.splits !== undefined){
let data14 = data.splits;
if(Array.isArray(data14)){
const len1 = data14.length;
for(let i1=0; i1<len1; i1++){
let data15 = data14[i1];
if(data15 && typeof data15 == "object" && !Array.isArray(data15)){
if(data15.train === undefined){
const err23 = {instancePath:instancePath+"/splits/" + i1,schemaPath:"#/properties/splits/items/required",keyword:"required",params:{missingProperty: "train"},message:"must have required property '"+"train"+"'",schema:schema11.properties.splits.items.required,parentSchema:schema11.properties.splits.items,data:data15};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
if(data15.eval === undefined){
const err24 = {instancePath:instancePath+"/splits/" + i1,schemaPath:"#/properties/splits/items/required",keyword:"required",params:{missingProperty: "eval"},message:"must have required property '"+"eval"+"'",schema:schema11.properties.splits.items.required,parentSchema:schema11.properties.splits.items,data:data15};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
for(const key4 in data15){
if(!((key4 === "train") || (key4 === "eval"))){
const err25 = {instancePath:instancePath+"/splits/" + i1,schemaPath:"#/properties/splits/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.splits.items,data:data15};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data15.train !== undefined){
let data16 = data15.train;
const _errs37 = errors;
let valid11 = false;
const _errs38 = errors;
if(typeof data16 === "string"){
if(func3(data16) < 1){
const err26 = {instancePath:instancePath+"/splits/" + i1+"/train",schemaPath:"#/definitions/globs/anyOf/0/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema13.anyOf[0],data:data16};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
else {
const err27 = {instancePath:instancePath+"/splits/" + i1+"/train",schemaPath:"#/definitions/globs/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.anyOf[0].type,parentSchema:schema13.anyOf[0],data:data16};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
var _valid0 = _errs38 === errors;
valid11 = valid11 || _valid0;
if(!valid11){
const _errs40 = errors;
if(Array.isArray(data16)){
if(data16.length < 1){
const err28 = {instancePath:instancePath+"/splits/" + i1+"/train",schemaPath:"#/definitions/globs/anyOf/1/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema13.anyOf[1],data:data16};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
const len2 = data16.length;
for(let i2=0; i2<len2; i2++){
let data17 = data16[i2];
if(typeof data17 === "string"){
if(func3(data17) < 1){
const err29 = {instancePath:instancePath+"/splits/" + i1+"/train/" + i2,schemaPath:"#/definitions/globs/anyOf/1/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema13.anyOf[1].items,data:data17};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
else {
const err30 = {instancePath:instancePath+"/splits/" + i1+"/train/" + i2,schemaPath:"#/definitions/globs/anyOf/1/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.anyOf[1].items.type,parentSchema:schema13.anyOf[1].items,data:data17};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
}
else {
const err31 = {instancePath:instancePath+"/splits/" + i1+"/train",schemaPath:"#/definitions/globs/anyOf/1/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema13.anyOf[1].type,parentSchema:schema13.anyOf[1],data:data16};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
var _valid0 = _errs40 === errors;
valid11 = valid11 || _valid0;
}
if(!valid11){
const err32 = {instancePath:instancePath+"/splits/" + i1+"/train",schemaPath:"#/definitions/globs/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema13.anyOf,parentSchema:schema13,data:data16};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
else {
errors = _errs37;
if(vErrors !== null){
if(_errs37){
vErrors.length = _errs37;
}
else {
vErrors = null;
}
}
}
}
if(data15.eval !== undefined){
let data18 = data15.eval;
const _errs46 = errors;
let valid15 = false;
const _errs47 = errors;
if(typeof data18 === "string"){
if(func3(data18) < 1){
const err33 = {instancePath:instancePath+"/splits/" + i1+"/eval",schemaPath:"#/definitions/globs/anyOf/0/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema13.anyOf[0],data:data18};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
else {
const err34 = {instancePath:instancePath+"/splits/" + i1+"/eval",schemaPath:"#/definitions/globs/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.anyOf[0].type,parentSchema:schema13.anyOf[0],data:data18};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
var _valid1 = _errs47 === errors;
valid15 = valid15 || _valid1;
if(!valid15){
const _errs49 = errors;
if(Array.isArray(data18)){
if(data18.length < 1){
const err35 = {instancePath:instancePath+"/splits/" + i1+"/eval",schemaPath:"#/definitions/globs/anyOf/1/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema13.anyOf[1],data:data18};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
const len3 = data18.length;
for(let i3=0; i3<len3; i3++){
let data19 = data18[i3];
if(typeof data19 === "string"){
if(func3(data19) < 1){
const err36 = {instancePath:instancePath+"/splits/" + i1+"/eval/" + i3,schemaPath:"#/definitions/globs/anyOf/1/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema13.anyOf[1].items,data:data19};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
else {
const err37 = {instancePath:instancePath+"/splits/" + i1+"/eval/" + i3,schemaPath:"#/definitions/globs/anyOf/1/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.anyOf[1].items.type,parentSchema:schema13.anyOf[1].items,data:data19};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
}
else {
const err38 = {instancePath:instancePath+"/splits/" + i1+"/eval",schemaPath:"#/definitions/globs/anyOf/1/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema13.anyOf[1].type,parentSchema:schema13.anyOf[1],data:data18};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
var _valid1 = _errs49 === errors;
valid15 = valid15 || _valid1;
}
if(!valid15){
const err39 = {instancePath:instancePath+"/splits/" + i1+"/eval",schemaPath:"#/definitions/globs/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema13.anyOf,parentSchema:schema13,data:data18};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
else {
errors = _errs46;
if(vErrors !== null){
if(_errs46){
vErrors.length = _errs46;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err40 = {instancePath:instancePath+"/splits/" + i1,schemaPath:"#/properties/splits/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.splits.items.type,parentSchema:schema11.properties.splits.items,data:data15};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
}
else {
const err41 = {instancePath:instancePath+"/splits",schemaPath:"#/properties/splits/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.splits.type,parentSchema:schema11.properties.splits,data:data14};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
if(data.tokens !== undefined){
let data20 = data.tokens;
if(data20 && typeof data20 == "object" && !Array.isArray(data20)){
for(const key5 in data20){
if(!((((((key5 === "encoding") || (key5 === "max-tokens")) || (key5 === "model")) || (key5 === "epochs")) || (key5 === "price-per-million")) || (key5 === "exact"))){
const err42 = {instancePath:instancePath+"/tokens",schemaPath:"#/properties/tokens/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.tokens,data:data20};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
if(data20.encoding !== undefined){
let data21 = data20.encoding;
if(!((data21 === "o200k_base") || (data21 === "cl100k_base"))){
const err43 = {instancePath:instancePath+"/tokens/encoding",schemaPath:"#/properties/tokens/properties/encoding/enum",keyword:"enum",params:{allowedValues: schema11.properties.tokens.properties.encoding.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.tokens.properties.encoding.enum,parentSchema:schema11.properties.tokens.properties.encoding,data:data21};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
if(data20["max-tokens"] !== undefined){
let data22 = data20["max-tokens"];
if(!((typeof data22 == "number") && (!(data22 % 1) && !isNaN(data22)))){
const err44 = {instancePath:instancePath+"/tokens/max-tokens",schemaPath:"#/properties/tokens/properties/max-tokens/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.tokens.properties["max-tokens"].type,parentSchema:schema11.properties.tokens.properties["max-tokens"],data:data22};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
if(typeof data22 == "number"){
if(data22 < 1 || isNaN(data22)){
const err45 = {instancePath:instancePath+"/tokens/max-tokens",schemaPath:"#/properties/tokens/properties/max-tokens/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema11.properties.tokens.properties["max-tokens"],data:data22};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
}
if(data20.model !== undefined){
let data23 = data20.model;
if(typeof data23 !== "string"){
const err46 = {instancePath:instancePath+"/tokens/model",schemaPath:"#/properties/tokens/properties/model/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.tokens.properties.model.type,parentSchema:schema11.properties.tokens.properties.model,data:data23};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
if(data20.epochs !== undefined){
let data24 = data20.epochs;
if(!((typeof data24 == "number") && (!(data24 % 1) && !isNaN(data24)))){
const err47 = {instancePath:instancePath+"/tokens/epochs",schemaPath:"#/properties/tokens/properties/epochs/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.tokens.properties.epochs.type,parentSchema:schema11.properties.tokens.properties.epochs,data:data24};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
if(typeof data24 == "number"){
if(data24 > 100 || isNaN(data24)){
const err48 = {instancePath:instancePath+"/tokens/epochs",schemaPath:"#/properties/tokens/properties/epochs/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100},message:"must be <= 100",schema:100,parentSchema:schema11.properties.tokens.properties.epochs,data:data24};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
if(data24 < 1 || isNaN(data24)){
const err49 = {instancePath:instancePath+"/tokens/epochs",schemaPath:"#/properties/tokens/properties/epochs/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema11.properties.tokens.properties.epochs,data:data24};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
}
}
if(data20["price-per-million"] !== undefined){
let data25 = data20["price-per-million"];
if(typeof data25 == "number"){
if(data25 < 0 || isNaN(data25)){
const err50 = {instancePath:instancePath+"/tokens/price-per-million",schemaPath:"#/properties/tokens/properties/price-per-million/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.tokens.properties["price-per-million"],data:data25};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
}
else {
const err51 = {instancePath:instancePath+"/tokens/price-per-million",schemaPath:"#/properties/tokens/properties/price-per-million/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.tokens.properties["price-per-million"].type,parentSchema:schema11.properties.tokens.properties["price-per-million"],data:data25};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
if(data20.exact !== undefined){
let data26 = data20.exact;
if(typeof data26 !== "boolean"){
const err52 = {instancePath:instancePath+"/tokens/exact",schemaPath:"#/properties/tokens/properties/exact/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.tokens.properties.exact.type,parentSchema:schema11.properties.tokens.properties.exact,data:data26};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
}
}
else {
const err53 = {instancePath:instancePath+"/tokens",schemaPath:"#/properties/tokens/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.tokens.type,parentSchema:schema11.properties.tokens,data:data20};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
}
if(data.diversity !== undefined){
let data27 = data.diversity;
if(data27 && typeof data27 == "object" && !Array.isArray(data27)){
for(const key6 in data27){
if(!(key6 === "boilerplate-phrases")){
const err54 = {instancePath:instancePath+"/diversity",schemaPath:"#/properties/diversity/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.diversity,data:data27};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
}
if(data27["boilerplate-phrases"] !== undefined){
let data28 = data27["boilerplate-phrases"];
if(Array.isArray(data28)){
const len4 = data28.length;
for(let i4=0; i4<len4; i4++){
let data29 = data28[i4];
if(typeof data29 === "string"){
if(func3(data29) < 1){
const err55 = {instancePath:instancePath+"/diversity/boilerplate-phrases/" + i4,schemaPath:"#/properties/diversity/properties/boilerplate-phrases/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.diversity.properties["boilerplate-phrases"].items,data:data29};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
}
else {
const err56 = {instancePath:instancePath+"/diversity/boilerplate-phrases/" + i4,schemaPath:"#/properties/diversity/properties/boilerplate-phrases/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.diversity.properties["boilerplate-phrases"].items.type,parentSchema:schema11.properties.diversity.properties["boilerplate-phrases"].items,data:data29};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
}
}
else {
const err57 = {instancePath:instancePath+"/diversity/boilerplate-phrases",schemaPath:"#/properties/diversity/properties/boilerplate-phrases/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.diversity.properties["boilerplate-phrases"].type,parentSchema:schema11.properties.diversity.properties["boilerplate-phrases"],data:data28};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
}
}
else {
const err58 = {instancePath:instancePath+"/diversity",schemaPath:"#/properties/diversity/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.diversity.type,parentSchema:schema11.properties.diversity,data:data27};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
}
if(data["dataset-info"] !== undefined){
let data30 = data["dataset-info"];
if(data30 && typeof data30 == "object" && !Array.isArray(data30)){
for(const key7 in data30){
if(!((key7 === "name") || (key7 === "purpose"))){
const err59 = {instancePath:instancePath+"/dataset-info",schemaPath:"#/properties/dataset-info/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key7},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties["dataset-info"],data:data30};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
}
if(data30.name !== undefined){
let data31 = data30.name;
if(typeof data31 !== "string"){
const err60 = {instancePath:instancePath+"/dataset-info/name",schemaPath:"#/properties/dataset-info/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties["dataset-info"].properties.name.type,parentSchema:schema11.properties["dataset-info"].properties.name,data:data31};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
}
if(data30.purpose !== undefined){
let data32 = data30.purpose;
if(typeof data32 !== "string"){
const err61 = {instancePath:instancePath+"/dataset-info/purpose",schemaPath:"#/properties/dataset-info/properties/purpose/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties["dataset-info"].properties.purpose.type,parentSchema:schema11.properties["dataset-info"].properties.purpose,data:data32};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
}
}
else {
const err62 = {instancePath:instancePath+"/dataset-info",schemaPath:"#/properties/dataset-info/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties["dataset-info"].type,parentSchema:schema11.properties["dataset-info"],data:data30};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
}
if(data.thresholds !== undefined){
if(!(validate11(data.thresholds, {instancePath:instancePath+"/thresholds",parentData:data,parentDataProperty:"thresholds",rootData}))){
if (vErrors === null) vErrors = validate11.errors; else for (const e of validate11.errors) vErrors.push(e);
errors = vErrors.length;
}
}
if(data.overrides !== undefined){
let data34 = data.overrides;
if(Array.isArray(data34)){
const len5 = data34.length;
for(let i5=0; i5<len5; i5++){
let data35 = data34[i5];
if(data35 && typeof data35 == "object" && !Array.isArray(data35)){
if(data35.files === undefined){
const err63 = {instancePath:instancePath+"/overrides/" + i5,schemaPath:"#/properties/overrides/items/required",keyword:"required",params:{missingProperty: "files"},message:"must have required property '"+"files"+"'",schema:schema11.properties.overrides.items.required,parentSchema:schema11.properties.overrides.items,data:data35};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
for(const key8 in data35){
if(!(((key8 === "files") || (key8 === "rules")) || (key8 === "thresholds"))){
const err64 = {instancePath:instancePath+"/overrides/" + i5,schemaPath:"#/properties/overrides/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key8},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.overrides.items,data:data35};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
}
if(data35.files !== undefined){
let data36 = data35.files;
const _errs89 = errors;
let valid27 = false;
const _errs90 = errors;
if(typeof data36 === "string"){
if(func3(data36) < 1){
const err65 = {instancePath:instancePath+"/overrides/" + i5+"/files",schemaPath:"#/definitions/globs/anyOf/0/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema13.anyOf[0],data:data36};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
}
else {
const err66 = {instancePath:instancePath+"/overrides/" + i5+"/files",schemaPath:"#/definitions/globs/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.anyOf[0].type,parentSchema:schema13.anyOf[0],data:data36};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
var _valid2 = _errs90 === errors;
valid27 = valid27 || _valid2;
if(!valid27){
const _errs92 = errors;
if(Array.isArray(data36)){
if(data36.length < 1){
const err67 = {instancePath:instancePath+"/overrides/" + i5+"/files",schemaPath:"#/definitions/globs/anyOf/1/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema13.anyOf[1],data:data36};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
const len6 = data36.length;
for(let i6=0; i6<len6; i6++){
let data37 = data36[i6];
if(typeof data37 === "string"){
if(func3(data37) < 1){
const err68 = {instancePath:instancePath+"/overrides/" + i5+"/files/" + i6,schemaPath:"#/definitions/globs/anyOf/1/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema13.anyOf[1].items,data:data37};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
}
}
else {
const err69 = {instancePath:instancePath+"/overrides/" + i5+"/files/" + i6,schemaPath:"#/definitions/globs/anyOf/1/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.anyOf[1].items.type,parentSchema:schema13.anyOf[1].items,data:data37};
if(vErrors === null){
vErrors = [err69];
}
else {
vErrors.push(err69);
}
errors++;
}
}
}
else {
const err70 = {instancePath:instancePath+"/overrides/" + i5+"/files",schemaPath:"#/definitions/globs/anyOf/1/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema13.anyOf[1].type,parentSchema:schema13.anyOf[1],data:data36};
if(vErrors === null){
vErrors = [err70];
}
else {
vErrors.push(err70);
}
errors++;
}
var _valid2 = _errs92 === errors;
valid27 = valid27 || _valid2;
}
if(!valid27){
const err71 = {instancePath:instancePath+"/overrides/" + i5+"/files",schemaPath:"#/definitions/globs/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema13.anyOf,parentSchema:schema13,data:data36};
if(vErrors === null){
vErrors = [err71];
}
else {
vErrors.push(err71);
}
errors++;
}
else {
errors = _errs89;
if(vErrors !== null){
if(_errs89){
vErrors.length = _errs89;
}
else {
vErrors = null;
}
}
}
}
if(data35.rules !== undefined){
let data38 = data35.rules;
if(data38 && typeof data38 == "object" && !Array.isArray(data38)){
for(const key9 in data38){
const _errs99 = errors;
if(typeof key9 === "string"){
if(!pattern0.test(key9)){
const err72 = {instancePath:instancePath+"/overrides/" + i5+"/rules",schemaPath:"#/definitions/rules/propertyNames/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9-]+$"},message:"must match pattern \""+"^[a-z0-9-]+$"+"\"",schema:"^[a-z0-9-]+$",parentSchema:schema12.propertyNames,data:key9,propertyName:key9};
if(vErrors === null){
vErrors = [err72];
}
else {
vErrors.push(err72);
}
errors++;
}
}
var valid31 = _errs99 === errors;
if(!valid31){
const err73 = {instancePath:instancePath+"/overrides/" + i5+"/rules",schemaPath:"#/definitions/rules/propertyNames",keyword:"propertyNames",params:{propertyName: key9},message:"property name must be valid",schema:schema12.propertyNames,parentSchema:schema12,data:data38};
if(vErrors === null){
vErrors = [err73];
}
else {
vErrors.push(err73);
}
errors++;
}
}
for(const key10 in data38){
let data39 = data38[key10];
if(!(((data39 === "error") || (data39 === "warning")) || (data39 === "off"))){
const err74 = {instancePath:instancePath+"/overrides/" + i5+"/rules/" + key10.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/rules/additionalProperties/enum",keyword:"enum",params:{allowedValues: schema12.additionalProperties.enum},message:"must be equal to one of the allowed values",schema:schema12.additionalProperties.enum,parentSchema:schema12.additionalProperties,data:data39};
if(vErrors === null){
vErrors = [err74];
}
else {
vErrors.push(err74);
}
errors++;
}
}
}
else {
const err75 = {instancePath:instancePath+"/overrides/" + i5+"/rules",schemaPath:"#/definitions/rules/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema12.type,parentSchema:schema12,data:data38};
if(vErrors === null){
vErrors = [err75];
}
else {
vErrors.push(err75);
}
errors++;
}
}
if(data35.thresholds !== undefined){
if(!(validate11(data35.thresholds, {instancePath:instancePath+"/overrides/" + i5+"/thresholds",parentData:data35,parentDataProperty:"thresholds",rootData}))){
if (vErrors === null) vErrors = validate11.errors; else for (const e of validate11.errors) vErrors.push(e);
errors = vErrors.length;
}
}
}
else {
const err76 = {instancePath:instancePath+"/overrides/" + i5,schemaPath:"#/properties/overrides/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.overrides.items.type,parentSchema:schema11.properties.overrides.items,data:data35};
if(vErrors === null){
vErrors = [err76];
}
else {
vErrors.push(err76);
}
errors++;
}
}
}
else {
const err77 = {instancePath:instancePath+"/overrides",schemaPath:"#/properties/overrides/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.overrides.type,parentSchema:schema11.properties.overrides,data:data34};
if(vErrors === null){
vErrors = [err77];
}
else {
vErrors.push(err77);
}
errors++;
}
}
}
else {
const err78 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.type,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err78];
}
else {
vErrors.push(err78);
}
errors++;
}
validate10.errors = vErrors;
return errors === 0;
}


;// CONCATENATED MODULE: ./src/engine/rules/registry.ts
const E = "error";
const W = "warning";
const RULES = [
    // File level
    { id: "empty-file", severity: E, group: "file", summary: "The file holds no records." },
    { id: "lfs-pointer", severity: E, group: "file", summary: "The file is a Git LFS pointer, not the data." },
    { id: "not-jsonl", severity: E, group: "file", summary: "The file is a JSON array or pretty-printed JSON, not one record per line." },
    { id: "read-error", severity: E, group: "file", summary: "The file could not be read (permissions, corrupt gzip, I/O error)." },
    // Parse
    { id: "invalid-json", severity: E, group: "parse", summary: "The line is not valid JSON." },
    { id: "invalid-utf8", severity: E, group: "parse", summary: "The line holds bytes that are not valid UTF-8." },
    { id: "line-too-long", severity: E, group: "parse", summary: "The line is longer than the reader's limit (256 MiB)." },
    { id: "not-an-object", severity: E, group: "parse", summary: "The line is JSON but not an object." },
    { id: "empty-line", severity: W, group: "parse", summary: "A blank or whitespace-only line." },
    { id: "mixed-format", severity: E, group: "parse", summary: "The record's format differs from the file's format." },
    // Shape
    { id: "missing-messages", severity: E, group: "shape", summary: "The record has no conversation field (messages, conversations, ...)." },
    { id: "messages-not-array", severity: E, group: "shape", summary: "The conversation field is not an array." },
    { id: "empty-messages", severity: E, group: "shape", summary: "The conversation is an empty array." },
    { id: "message-not-object", severity: E, group: "shape", summary: "A message is not an object." },
    { id: "missing-role", severity: E, group: "shape", summary: "A message has no role." },
    { id: "invalid-role", severity: E, group: "shape", summary: "A message's role is not one the format allows." },
    { id: "missing-content", severity: E, group: "shape", summary: "A message has no content (and no tool calls)." },
    { id: "invalid-content-type", severity: E, group: "shape", summary: "A message's content is neither a string nor an array of parts." },
    { id: "invalid-content-part", severity: E, group: "shape", summary: "A content part has an unknown type, misses its data, or is an image outside a user message." },
    { id: "invalid-weight", severity: E, group: "shape", summary: "A message's weight is not 0 or 1, or is set on a non-assistant message." },
    { id: "unknown-key", severity: W, group: "shape", summary: "A key the format does not define (often a typo); reported once per key and file." },
    { id: "identical-preference", severity: E, group: "shape", summary: "A preference record whose chosen and rejected answers are the same." },
    { id: "unsupported-format", severity: E, group: "shape", summary: "The file's record format is not one the profile's target accepts (e.g. ShareGPT under profile: openai); reported once per file." },
    { id: "unsupported-key", severity: E, group: "shape", summary: "A key the profile's target refuses (e.g. loss_weight under profile: openai); reported once per key and file." },
    // Tools
    { id: "invalid-tool-call", severity: E, group: "tools", summary: "A tool call without a function name, or with arguments that are not an object or a JSON string (under a target profile, also a call or tool definition the target refuses)." },
    { id: "unmatched-tool-call", severity: E, group: "tools", summary: "A tool result that answers no earlier tool call." },
    // Conversation
    { id: "missing-assistant", severity: E, group: "conversation", summary: "The conversation has no assistant message to learn from." },
    { id: "no-trainable-assistant", severity: E, group: "conversation", summary: "Every assistant message has weight 0: nothing to train on." },
    { id: "empty-content", severity: W, group: "conversation", summary: "A message whose content is empty or whitespace." },
    { id: "lone-surrogate", severity: E, group: "conversation", summary: "Content holds an unpaired UTF-16 surrogate (a \\ud800-style escape): it cannot be encoded as UTF-8." },
    { id: "missing-user", severity: W, group: "conversation", summary: "The conversation has no user message." },
    { id: "system-not-first", severity: W, group: "conversation", summary: "A system message that is not the first message." },
    { id: "consecutive-same-role", severity: W, group: "conversation", summary: "Two consecutive messages with the same role." },
    { id: "last-not-assistant", severity: W, group: "conversation", summary: "The conversation does not end with an assistant message." },
    { id: "role-order", severity: E, group: "conversation", summary: "Roles in an order the profile's target refuses (e.g. a tool result right after a user message under profile: mistral)." },
    { id: "special-token", severity: W, group: "conversation", summary: "Content contains chat-template control tokens such as <|im_start|> or [INST]." },
    { id: "template-placeholder", severity: W, group: "conversation", summary: "Content contains an unfilled template placeholder such as {{name}}." },
    // Analysis
    { id: "exact-duplicate", severity: W, group: "analysis", summary: "The same conversation appears earlier in the run." },
    { id: "near-duplicate", severity: W, group: "analysis", summary: "A conversation almost identical to an earlier one (word 5-gram Jaccard at or above the threshold)." },
    { id: "conflicting-answers", severity: W, group: "analysis", summary: "The same prompt appears earlier with a different answer." },
    { id: "leakage", severity: E, group: "analysis", summary: "An evaluation record that also sits in the training split." },
    { id: "too-long", severity: E, group: "analysis", summary: "The example has more tokens than the context limit; the trainer would truncate it." },
];
const RULE_BY_ID = new Map(RULES.map((r) => [r.id, r]));
function docUrl(id) {
    return `https://github.com/chatml-quality-gate/chatml-quality-gate/blob/main/docs/rules.md#${id}`;
}

;// CONCATENATED MODULE: ./src/config/thresholds.ts
/** Defaults a careful team starts from (docs/configuration.md gives the reason for each). */
const DEFAULT_THRESHOLDS = {
    "max-errors": { fail: 0 }, // any broken record fails: it crashes or silently corrupts a training run
    "max-warnings": null, // warnings are advice; teams opt in
    "max-duplicate-rate": { warn: 0.01, fail: 0.05 }, // repeated examples are memorised and skew the loss
    "max-near-duplicate-rate": { warn: 0.02, fail: 0.1 },
    "max-leakage": { fail: 0 }, // an eval example in train makes the eval lie
    "min-examples": { fail: 10 }, // fine-tuning APIs reject fewer than 10 examples
    "max-too-long": { fail: 0 }, // truncated examples train on cut-off answers (checked only when a token limit is set)
    "min-windowed-distinct-2": { warn: 0.45, fail: 0.2 },
    "max-compression-ratio": { warn: 4, fail: 8 },
    "max-opening-share": { warn: 0.2, fail: 0.5 },
    "max-boilerplate-share": { warn: 0.01, fail: 0.1 },
    "min-length-uniqueness": null,
    "max-diversity-drop": null,
    "single-turn-share": null,
};
const THRESHOLD_NAMES = Object.keys(DEFAULT_THRESHOLDS);

;// CONCATENATED MODULE: ./src/config/config.ts
// The configuration: one typed object from the config file (.chatml-gate.yml, ajv-validated against
// schemas/config.schema.json), defaults, and action inputs / CLI flags on top (an input wins over the file).




// Generated from schemas/config.schema.json at build time (scripts/validators.mjs): no schema compile at start-up.



class ConfigError extends Error {
}
const DEFAULT_CONFIG_FILES = [".chatml-gate.yml", ".chatml-gate.yaml", ".chatml-gate.json"];
function defaultConfig() {
    return {
        profile: "generic",
        failOn: "error",
        maxFindings: 1000,
        rules: {},
        duplicates: { caseInsensitive: false, near: true, nearThreshold: 0.8, shingleSize: 5 },
        tokens: { encoding: "o200k_base" },
        diversity: {},
        datasetInfo: {},
        thresholds: structuredClone(DEFAULT_THRESHOLDS),
        overrides: [],
    };
}
const list = (g) => (Array.isArray(g) ? g : [g]);
function describeErrors(errors, source) {
    // Prefer the most specific error (deepest path), and skip anyOf summaries when a branch error explains more.
    const lines = [];
    const seen = new Set();
    for (const e of errors) {
        const key = e.instancePath.replace(/^\//, "").replace(/\//g, ".") || "(top level)";
        let msg;
        if (e.keyword === "additionalProperties") {
            const extra = e.params.additionalProperty;
            const allowed = Object.keys((e.parentSchema.properties ?? {}));
            msg = `unknown key '${key === "(top level)" ? extra : key + "." + extra}'${allowed.length ? `; allowed: ${allowed.join(", ")}` : ""}`;
        }
        else if (e.keyword === "enum") {
            msg = `'${key}' must be one of ${e.params.allowedValues.map((v) => JSON.stringify(v)).join(", ")}`;
        }
        else if (e.keyword === "anyOf") {
            msg = e.schemaPath.startsWith("#/definitions/globs/")
                ? `'${key}' must be a glob (a non-empty string) or a non-empty list of globs, e.g. "data/legacy/**"`
                : e.schemaPath.startsWith("#/definitions/limit/") || e.schemaPath.startsWith("#/definitions/range/")
                    ? `'${key}' must be a number, {warn: N, fail: N}, or null to switch the check off${key.endsWith("single-turn-share") ? " (single-turn-share: [min, max] or {min, max, level})" : ""}`
                    : `'${key}' has the wrong type (${e.message})`;
        }
        else {
            msg = `'${key}' ${e.message}`;
        }
        if (e.keyword !== "anyOf" && errors.some((o) => o.keyword === "anyOf" && e.instancePath.startsWith(o.instancePath) && e.schemaPath.includes("anyOf")))
            continue;
        if (seen.has(msg))
            continue;
        seen.add(msg);
        lines.push(msg);
    }
    return `invalid config ${source}: ${lines.join("; ")}`;
}
function checkRuleIds(rules, where, source) {
    for (const id of Object.keys(rules ?? {})) {
        if (!RULE_BY_ID.has(id))
            throw new ConfigError(`invalid config ${source}: unknown rule '${id}' in ${where}; see docs/rules.md for the rule IDs`);
    }
}
function toLimit(v, name) {
    if (v === null || v === false)
        return null;
    if (typeof v === "number")
        return name.startsWith("min-") ? { fail: v } : { fail: v };
    const o = v;
    return { warn: o.warn ?? undefined, fail: o.fail ?? undefined };
}
function toRange(v) {
    if (v === null || v === false)
        return null;
    if (Array.isArray(v))
        return { min: v[0], max: v[1], level: "warn" };
    const o = v;
    return { min: o.min, max: o.max, level: o.level ?? "warn" };
}
function toThresholds(raw) {
    const out = {};
    for (const [k, v] of Object.entries(raw ?? {})) {
        if (k === "single-turn-share")
            out[k] = toRange(v);
        else
            out[k] = toLimit(v, k);
    }
    return out;
}
/** Builds a Config from a parsed config document (already an object). */
function configFromObject(doc, source = "(inline)") {
    if (doc === null || doc === undefined)
        doc = {};
    if (!validateConfig(doc))
        throw new ConfigError(describeErrors(validateConfig.errors ?? [], source));
    const d = doc; // eslint-disable-line @typescript-eslint/no-explicit-any
    checkRuleIds(d.rules, "rules", source);
    const c = defaultConfig();
    c.source = source;
    if (d.format)
        c.format = d.format;
    if (d.profile)
        c.profile = d.profile;
    if (d["category-field"])
        c.categoryField = d["category-field"];
    if (d["fail-on"])
        c.failOn = d["fail-on"];
    if (d["max-findings"] !== undefined)
        c.maxFindings = d["max-findings"];
    if (d.paths)
        c.paths = d.paths;
    c.rules = { ...(d.rules ?? {}) };
    const dup = d.duplicates ?? {};
    c.duplicates = {
        caseInsensitive: dup["case-insensitive"] ?? false,
        near: dup.near ?? true,
        nearThreshold: dup["near-threshold"] ?? 0.8,
        shingleSize: dup["shingle-size"] ?? 5,
    };
    if (d.splits)
        c.splits = d.splits.map((s) => ({ train: list(s.train), eval: list(s.eval) }));
    const t = d.tokens ?? {};
    // YAML reads 1e400 or .inf as Infinity, which the schema's integer/minimum checks let through: the report would
    // show "the Infinity-token limit" and a cost of 0.00 (null in JSON).
    for (const k of ["max-tokens", "price-per-million"]) {
        if (t[k] !== undefined && !Number.isFinite(t[k]))
            throw new ConfigError(`invalid config ${source}: 'tokens.${k}' is ${t[k]}: not a finite number`);
    }
    c.tokens = { encoding: t.encoding ?? "o200k_base", maxTokens: t["max-tokens"], model: t.model, epochs: t.epochs, pricePerMillion: t["price-per-million"], exact: t.exact === true ? true : undefined };
    if (c.profile === "openai" && c.tokens.maxTokens === undefined)
        c.tokens.maxTokens = 65536;
    c.diversity = { boilerplatePhrases: d.diversity?.["boilerplate-phrases"] };
    c.datasetInfo = { ...(d["dataset-info"] ?? {}) };
    c.thresholds = { ...c.thresholds, ...toThresholds(d.thresholds) };
    checkThresholdOrder(c.thresholds, "thresholds", `invalid config ${source}`);
    c.overrides = (d.overrides ?? []).map((o, i) => {
        checkRuleIds(o.rules, `overrides[${i}].rules`, source);
        const thresholds = toThresholds(o.thresholds);
        checkThresholdOrder(thresholds, `overrides[${i}].thresholds`, `invalid config ${source}`);
        return { files: list(o.files), rules: o.rules ?? {}, thresholds };
    });
    return c;
}
/** Thresholds whose values are fractions of 1. */
const FRACTIONS = new Set(["max-duplicate-rate", "max-near-duplicate-rate", "min-windowed-distinct-2", "max-opening-share", "max-boilerplate-share", "min-length-uniqueness", "max-diversity-drop", "single-turn-share"]);
/** A value that is not a finite number, negative, or a fraction above 1; a warn level that could never show before the fail level, or a range whose min is above its max, is a mistake in
 * the settings (e.g. max-duplicate-rate {warn: 0.5, fail: 0.1}): say so rather than gate on it. */
function checkThresholdOrder(t, where, prefix) {
    for (const [name, v] of Object.entries(t)) {
        if (!v)
            continue;
        const values = name === "single-turn-share" ? [v.min, v.max] : [v.warn, v.fail];
        for (const x of values) {
            if (x === undefined)
                continue;
            const bad = !Number.isFinite(x) ? "not a number" : x < 0 ? "negative" : FRACTIONS.has(name) && x > 1 ? "above 1 (a fraction: 0.05 = 5 %)" : "";
            if (bad)
                throw new ConfigError(`${prefix}: '${where}.${name}' is ${x}: ${bad}`);
        }
        if (name === "single-turn-share") {
            const r = v;
            if (r.min === undefined && r.max === undefined)
                throw new ConfigError(`${prefix}: '${where}.${name}' needs a min, a max or both`);
            if (r.min !== undefined && r.max !== undefined && r.min > r.max)
                throw new ConfigError(`${prefix}: '${where}.${name}' has min ${r.min} above max ${r.max}`);
            continue;
        }
        const l = v;
        if (l.warn === undefined || l.fail === undefined)
            continue;
        if (name.startsWith("min-") ? l.warn < l.fail : l.warn > l.fail) {
            throw new ConfigError(`${prefix}: '${where}.${name}' warns at ${l.warn} but fails at ${l.fail}: the warning level must come before the failing one (${name.startsWith("min-") ? "warn >= fail for a min- threshold" : "warn <= fail"})`);
        }
    }
}
/** Loads the config file (`path`, or the default file in `cwd` when present); no file means defaults. */
async function loadConfig(path, cwd) {
    let file = path ? (0,external_node_path_namespaceObject.resolve)(cwd, path) : undefined;
    if (!file) {
        const found = DEFAULT_CONFIG_FILES.map((f) => (0,external_node_path_namespaceObject.join)(cwd, f)).find((f) => (0,external_node_fs_namespaceObject.existsSync)(f));
        if (!found)
            return defaultConfig();
        file = found;
    }
    let text;
    try {
        text = await (0,promises_.readFile)(file, "utf8");
    }
    catch (e) {
        throw new ConfigError(`cannot read config ${path ?? file}: ${e.code === "ENOENT" ? "no such file" : e.message}`);
    }
    let doc;
    try {
        if (file.endsWith(".json"))
            doc = JSON.parse(text);
        else {
            // parse errors and warnings (an unknown tag such as !!js/function) are the config's fault, said once here
            const all = dist.parseAllDocuments(text, { uniqueKeys: true, logLevel: "silent" });
            const docs = Array.isArray(all) ? all : []; // an empty stream: no file content at all
            for (const d of docs) {
                const problem = d.errors[0] ?? d.warnings[0];
                if (problem)
                    throw problem;
            }
            // A second document (after '---' or '...') was silently ignored by a one-document parse; empty ones (a
            // leading or trailing '---') lose nothing.
            const filled = docs.filter((d) => !(d.contents === null || (dist.isScalar(d.contents) && d.contents.value === null)));
            if (filled.length > 1)
                throw new Error(`it holds ${filled.length} YAML documents (separated by '---' or '...') and only one is read: put every setting in one document`);
            doc = filled.length ? filled[0].toJS({ maxAliasCount: 100 }) : null;
        }
    }
    catch (e) {
        throw new ConfigError(`cannot parse config ${path ?? file}: ${e.message.split("\n")[0]}`);
    }
    return configFromObject(doc, path ?? file.slice(cwd.length + 1));
}
/** Applies kebab-case threshold settings given as strings (action inputs, CLI flags); strict parsing. `label` names a
 * setting in messages the way its user wrote it (default: an action input, `input 'fail-on'`). */
function applyThresholdInputs(config, inputs, label = (name) => `input '${name}'`) {
    const c = structuredClone(config);
    for (const [name, raw] of Object.entries(inputs)) {
        const value = raw.trim();
        if (value === "")
            continue;
        if (name === "fail-on") {
            if (!["error", "warning", "never"].includes(value))
                throw new ConfigError(`${label(name)} must be error, warning or never; got '${value}'`);
            c.failOn = value;
            continue;
        }
        if (name === "max-tokens") {
            const n = Number(value);
            if (!Number.isInteger(n) || n < 1)
                throw new ConfigError(`${label(name)} must be a positive integer; got '${value}'`);
            c.tokens.maxTokens = n;
            continue;
        }
        if (!THRESHOLD_NAMES.includes(name))
            throw new ConfigError(`unknown threshold '${name}'; known: ${THRESHOLD_NAMES.join(", ")}`);
        const off = /^(off|none|null|false)$/i.test(value);
        if (name === "single-turn-share") {
            if (off) {
                c.thresholds[name] = null;
                continue;
            }
            const m = /^\s*([0-9.]+)\s*(?:-|\.\.|,)\s*([0-9.]+)\s*$/.exec(value);
            if (!m || !isFinite(Number(m[1])) || !isFinite(Number(m[2])))
                throw new ConfigError(`${label(name)} must be a range like 0.6-0.8; got '${value}'`);
            c.thresholds[name] = { min: Number(m[1]), max: Number(m[2]), level: "warn" };
            continue;
        }
        const key = name;
        if (off) {
            c.thresholds[key] = null;
            continue;
        }
        // "0.05", "warn:0.01,fail:0.05" or "warn=0.01 fail=0.05"
        const parts = value.split(/[\s,]+/).filter(Boolean);
        const limit = {};
        for (const p of parts) {
            const m = /^(?:(warn|fail)\s*[:=]\s*)?(-?[0-9]*\.?[0-9]+(?:e-?\d+)?)(%?)$/i.exec(p);
            if (!m)
                throw new ConfigError(`${label(name)} must be a number (e.g. 0.05), a percentage (5%), or 'warn:N,fail:N'; got '${value}'`);
            const n = Number(m[2]) / (m[3] ? 100 : 1);
            limit[m[1]?.toLowerCase() ?? "fail"] = n;
        }
        c.thresholds[key] = limit;
    }
    checkThresholdOrder(c.thresholds, "thresholds", "invalid threshold inputs");
    return c;
}

;// CONCATENATED MODULE: external "node:buffer"
const external_node_buffer_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");
;// CONCATENATED MODULE: external "node:zlib"
const external_node_zlib_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");
var external_node_zlib_default = /*#__PURE__*/__nccwpck_require__.n(external_node_zlib_namespaceObject);
;// CONCATENATED MODULE: ./src/engine/read/lines.ts
// Streaming line reader: plain or gzip files, constant memory per file (plus the longest line), exact 1-based line
// numbers and byte offsets. Strips a UTF-8 BOM at the start and a trailing CR on each line without shifting line
// numbers; a final line without a newline is a normal line.


/** Longest line the reader assembles; longer lines are reported (not parsed) and skipped. */
const MAX_LINE_BYTES = 256 * 1024 * 1024;
function isGzipPath(path) {
    return /\.gz$/i.test(path);
}
function openStream(path, start, end) {
    const raw = (0,external_node_fs_namespaceObject.createReadStream)(path, { highWaterMark: 1 << 20, start, end });
    if (!isGzipPath(path))
        return raw;
    const gunzip = (0,external_node_zlib_namespaceObject.createGunzip)({ chunkSize: 1 << 20 });
    raw.on("error", (e) => gunzip.destroy(e));
    return raw.pipe(gunzip);
}
/** Plain regular files (or ranges) up to this size are read in one synchronous call instead of a stream: a run of
 * thousands of small files otherwise waits on several thread-pool round trips per file. */
const SMALL_READ_BYTES = 1 << 20;
/** The bytes of a plain regular file (or of `range`) when at most `max`, read at once; null for a larger file or
 * anything that is not a regular file (a FIFO, a device: those are streamed). */
function readSmall(path, max, range) {
    if (isGzipPath(path))
        return null;
    const fd = (0,external_node_fs_namespaceObject.openSync)(path, "r");
    try {
        const st = (0,external_node_fs_namespaceObject.fstatSync)(fd);
        if (!st.isFile())
            return null;
        const start = range ? range.start : 0;
        const size = range ? Math.min(range.end, st.size) - start : st.size;
        if (size > max)
            return null;
        const buf = Buffer.allocUnsafe(Math.max(0, size));
        let got = 0;
        while (got < size) {
            const n = (0,external_node_fs_namespaceObject.readSync)(fd, buf, got, size - got, start + got);
            if (n === 0)
                break;
            got += n;
        }
        return got < size ? buf.subarray(0, got) : buf;
    }
    finally {
        (0,external_node_fs_namespaceObject.closeSync)(fd);
    }
}
/** Reads every line of `path` (decompressing .gz) and hands it to `sink`. Rejects on I/O or gzip errors.
 * With `range` (plain files only; `start` at a line start, `end` exclusive and at a line start or the end of the
 * file) only those bytes are read: line numbers then count from 1 within the range, offsets stay file offsets. */
async function readLines(path, sink, range) {
    if (range && range.end <= range.start)
        return { lines: 0, bytes: 0, bom: false };
    const small = readSmall(path, SMALL_READ_BYTES, range);
    const stream = small ? [small] : (range ? openStream(path, range.start, range.end - 1) : openStream(path));
    let lineNo = 0;
    let total = range?.start ?? 0; // file offset of the current chunk
    let first = !range || range.start === 0;
    let bom = false;
    // Pieces of a line that spans chunks.
    let pending = [];
    let pendingLen = 0;
    let pendingOffset = 0;
    let skipping = false; // current line exceeded MAX_LINE_BYTES
    const emit = (buf, start, end, offset) => {
        lineNo++;
        if (end > start && buf[end - 1] === 0x0d)
            end--;
        sink.line(buf, start, end, lineNo, offset);
    };
    for await (const chunk of stream) {
        let pos = 0;
        if (first) {
            first = false;
            if (chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) {
                pos = 3;
                bom = true;
            }
        }
        for (;;) {
            const nl = chunk.indexOf(0x0a, pos);
            if (nl === -1)
                break;
            if (skipping) {
                lineNo++;
                sink.tooLong?.(lineNo, pendingOffset, pendingLen + nl - pos);
                skipping = false;
                pendingLen = 0;
            }
            else if (pendingLen > 0) {
                pending.push(chunk.subarray(pos, nl));
                const joined = Buffer.concat(pending, pendingLen + nl - pos);
                pending = [];
                pendingLen = 0;
                emit(joined, 0, joined.length, pendingOffset);
            }
            else {
                emit(chunk, pos, nl, total + pos);
            }
            pos = nl + 1;
        }
        if (pos < chunk.length) {
            if (pendingLen === 0 && !skipping)
                pendingOffset = total + pos;
            const rest = chunk.length - pos;
            if (skipping || pendingLen + rest > MAX_LINE_BYTES) {
                skipping = true;
                pending = [];
                pendingLen += rest;
            }
            else {
                // Copy: the stream may reuse its chunk memory.
                pending.push(Buffer.from(chunk.subarray(pos)));
                pendingLen += rest;
            }
        }
        total += chunk.length;
    }
    if (skipping) {
        lineNo++;
        sink.tooLong?.(lineNo, pendingOffset, pendingLen);
    }
    else if (pendingLen > 0) {
        const joined = Buffer.concat(pending, pendingLen);
        emit(joined, 0, joined.length, pendingOffset);
    }
    return { lines: lineNo, bytes: total - (range?.start ?? 0), bom };
}
/** Reads the first `n` bytes of a file (decompressed for .gz), for sniffing. */
async function readHead(path, n) {
    const small = readSmall(path, n, { start: 0, end: n });
    if (small)
        return small;
    const stream = openStream(path);
    const parts = [];
    let len = 0;
    try {
        for await (const chunk of stream) {
            parts.push(chunk);
            len += chunk.length;
            if (len >= n)
                break;
        }
    }
    finally {
        stream.destroy();
    }
    return Buffer.concat(parts, len).subarray(0, n);
}
/** Re-reads the lines at the given byte offsets (ascending or not) of one file, handing each to `each` with its
 * index in `locs` as it arrives (in no particular order). A .gz file is decompressed once for all of them, so pass
 * every wanted line of a file in one call. */
async function readLinesAt(path, locs, each) {
    if (locs.length === 0)
        return;
    const sorted = locs.map((l, index) => ({ ...l, index })).sort((a, b) => a.offset - b.offset);
    if (!isGzipPath(path)) {
        const { open } = await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 1455, 23));
        const fh = await open(path, "r");
        try {
            // A few reads in flight at a time: one after another, each read would wait for its own thread-pool round trip.
            const inFlight = 16;
            for (let i = 0; i < sorted.length; i += inFlight) {
                await Promise.all(sorted.slice(i, i + inFlight).map(async (l) => {
                    const buf = Buffer.allocUnsafe(l.length);
                    const { bytesRead } = await fh.read(buf, 0, l.length, l.offset);
                    each(l.index, bytesRead === l.length ? buf : buf.subarray(0, bytesRead));
                }));
            }
        }
        finally {
            await fh.close();
        }
        return;
    }
    // gzip cannot seek: decompress once more and pick the wanted lines. A corrupt or truncated stream (the first pass
    // reported it as a read-error finding) ends the read: the lines wanted past that point come back empty.
    const want = new Map(sorted.map((l) => [l.line, l.index]));
    try {
        await readLines(path, {
            line(buf, start, end, lineNo) {
                const index = want.get(lineNo);
                if (index !== undefined) {
                    want.delete(lineNo);
                    each(index, Buffer.from(buf.subarray(start, end)));
                }
            },
        });
    }
    catch {
        // reported by the first pass
    }
    for (const index of want.values())
        each(index, Buffer.alloc(0));
}

;// CONCATENATED MODULE: ./src/engine/read/sniff.ts
// What a file is before it is read line by line: a Git LFS pointer, a JSON array, or (the normal case) JSON Lines.
const LFS = "version https://git-lfs.github.com/spec/";
function sniff(head) {
    if (head.length >= 4 && head[0] === 0xff && head[1] === 0xfe && head[2] === 0 && head[3] === 0)
        return { kind: "utf16", bom: true, encoding: "UTF-32LE" };
    if (head.length >= 4 && head[0] === 0 && head[1] === 0 && head[2] === 0xfe && head[3] === 0xff)
        return { kind: "utf16", bom: true, encoding: "UTF-32BE" };
    if (head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)))
        return { kind: "utf16", bom: true, encoding: head[0] === 0xff ? "UTF-16LE" : "UTF-16BE" };
    if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b)
        return { kind: "gzip" }; // the gzip magic number
    const endian = utf16WithoutBom(head);
    if (endian)
        return { kind: "utf16", bom: false, encoding: endian === "le" ? "UTF-16LE" : "UTF-16BE" };
    let i = 0;
    if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf)
        i = 3;
    const text = head.toString("utf8", i, Math.min(head.length, i + 1024));
    if (text.startsWith(LFS)) {
        const m = /\nsize (\d+)/.exec(text);
        return { kind: "lfs-pointer", size: m ? Number(m[1]) : undefined };
    }
    const first = /\S/.exec(head.toString("utf8", i));
    if (!first)
        return { kind: "lines" }; // blank or empty: the line pass reports empty-file
    if (first[0] === "[")
        return firstLineIsARecordLine(head, i + first.index) ? { kind: "lines" } : { kind: "json-array" };
    return { kind: "lines" };
}
/** UTF-16 without a byte-order mark: in the first KiB, NUL bytes at every other position (the high bytes of ASCII
 * characters; UTF-8 text has no NUL bytes at all, JSON writes them as \u0000) and hardly any at the others, and the
 * text, read as UTF-16, starts like JSON. */
function utf16WithoutBom(head) {
    const n = Math.min(head.length, 1024) & ~1;
    if (n < 4)
        return null;
    let even = 0;
    let odd = 0;
    for (let i = 0; i < n; i += 2) {
        if (head[i] === 0)
            even++;
        if (head[i + 1] === 0)
            odd++;
    }
    const pairs = n / 2;
    // mostly ASCII text: NUL bytes in the high half of a quarter of the units or more; any text (CJK, emoji):
    // the first unit that is not whitespace is "{" or "[" with a NUL high byte (UTF-8 JSON Lines never holds a NUL byte)
    const endian = odd >= pairs / 4 && even * 4 <= odd ? "le" : even >= pairs / 4 && odd * 4 <= even ? "be" : startsLikeWideJson(head, n);
    if (!endian)
        return null;
    const units = Buffer.from(head.subarray(0, n));
    if (endian === "be")
        units.swap16();
    return /^\s*[{[]/.test(units.toString("utf16le")) ? endian : null;
}
/** The first UTF-16 unit of the head that is not ASCII whitespace is "{" or "[", in LE or BE order. */
function startsLikeWideJson(head, n) {
    for (const e of ["le", "be"]) {
        for (let i = 0; i + 1 < n; i += 2) {
            const lo = e === "le" ? head[i] : head[i + 1];
            const hi = e === "le" ? head[i + 1] : head[i];
            if (hi !== 0)
                break;
            if (lo === 0x20 || lo === 0x09 || lo === 0x0a || lo === 0x0d)
                continue;
            if (lo === 0x7b || lo === 0x5b)
                return e;
            break;
        }
    }
    return null;
}
/** A line that is a piece of pretty-printed JSON rather than a record. */
function looksLikeJsonFragment(text) {
    const t = text.trim();
    return t === "{" || t === "}" || t === "}," || t === "[" || t === "]" || t === "]," || /^"[^"]*"\s*:/.test(t) || /^[}\]]+,?$/.test(t);
}
/** A file that starts with "[" is JSON Lines after all when its first line is a complete JSON value and more lines
 * follow (e.g. a JSONL file whose first record is, wrongly, an array): then each line is checked on its own. */
function firstLineIsARecordLine(head, start) {
    const nl = head.indexOf(0x0a, start);
    if (nl < 0)
        return false; // one line (or longer than the head): a whole-file array
    try {
        JSON.parse(head.toString("utf8", start, nl));
    }
    catch {
        return false; // "[" alone, or an array spread over lines
    }
    return /\S/.test(head.toString("utf8", nl + 1));
}

;// CONCATENATED MODULE: ./src/engine/formats/detect.ts
const FORMATS = (/* unused pure expression or super */ null && (["chatml", "sharegpt", "alpaca", "preference-trl", "preference-openai"]));
function detectFormat(rec) {
    if ("preferred_output" in rec || "non_preferred_output" in rec)
        return "preference-openai";
    if ("chosen" in rec && "rejected" in rec)
        return "preference-trl";
    if ("messages" in rec)
        return "chatml";
    if ("conversations" in rec)
        return "sharegpt";
    if ("instruction" in rec && ("output" in rec || "response" in rec))
        return "alpaca";
    return null;
}
const FORMAT_LABEL = {
    chatml: "ChatML / OpenAI chat (messages)",
    sharegpt: "ShareGPT (conversations with from/value)",
    alpaca: "Alpaca (instruction/input/output)",
    "preference-trl": "TRL preference (prompt/chosen/rejected)",
    "preference-openai": "OpenAI DPO (input/preferred_output/non_preferred_output)",
};
const TO_MESSAGES = `"messages": [{"role": "user", "content": ...}, {"role": "assistant", "content": ...}]`;
/** The supported formats, for messages about the others. */
const SUPPORTED_FORMATS = `ChatML / OpenAI chat ("messages"), ShareGPT ("conversations"), Alpaca ("instruction"/"output"), TRL preference ("prompt"/"chosen"/"rejected") and OpenAI DPO ("input"/"preferred_output"/"non_preferred_output")`;
/** The known non-chat format of a record that `detectFormat` does not read, from its keys; null if it has none. */
function detectOtherFormat(rec) {
    const has = (k) => Object.hasOwn(rec, k);
    if (has("messages") || has("conversations"))
        return null;
    if (has("contents") && Array.isArray(rec.contents)) {
        return {
            id: "gemini",
            label: `Gemini / Vertex AI tuning data ("contents" with "parts")`,
            fix: `convert each record to ${TO_MESSAGES}: role "model" → "assistant", the parts' "text" → "content", "systemInstruction" → a leading system message`,
        };
    }
    if (has("prompt") && has("completions") && has("labels")) {
        return { id: "stepwise", label: `TRL stepwise-supervision data ("prompt"/"completions"/"labels")`, fix: `check it with the trainer that reads it (PRM training); chat fine-tuning data is ${TO_MESSAGES}` };
    }
    if (has("prompt") && has("completion") && has("label")) {
        return { id: "unpaired-preference", label: `TRL unpaired preference (KTO) data ("prompt"/"completion"/"label")`, fix: `pair a good and a bad completion of each prompt as "prompt"/"chosen"/"rejected", or keep the good ones as ${TO_MESSAGES}` };
    }
    if (has("prompt") && has("completion")) {
        return { id: "prompt-completion", label: `prompt/completion data (OpenAI's legacy format, TRL's prompt-completion type)`, fix: `write each record as "messages": [{"role": "user", "content": <prompt>}, {"role": "assistant", "content": <completion>}]` };
    }
    if (has("query") && has("response")) {
        return { id: "query-response", label: `query/response data (ms-swift's "query"/"response"/"history")`, fix: `write each record as ${TO_MESSAGES} (history pairs first, "system" as a leading system message)` };
    }
    if (has("segments") && Array.isArray(rec.segments)) {
        return { id: "segments", label: `Axolotl input_output data ("segments" with "label")`, fix: `check it with Axolotl's template-free loader; chat fine-tuning data is ${TO_MESSAGES}` };
    }
    if (has("text") && !has("instruction") && !has("output") && !has("chosen")) {
        return { id: "text", label: `plain text (language modelling / pretraining data: "text")`, fix: `if it is chat data, write each example as ${TO_MESSAGES}` };
    }
    if (has("prompt") && !has("chosen") && !has("rejected")) {
        return { id: "prompt-only", label: `prompt-only data (TRL's prompt-only type, prompts for online RL such as GRPO: "prompt" and no answer)`, fix: `there is no answer to check; chat fine-tuning data is ${TO_MESSAGES}` };
    }
    return null;
}

;// CONCATENATED MODULE: ./src/engine/formats/tool-keys.ts
// Canonical keys of tool calls and tool definitions (model.ts Message.calls, Conversation.tools), so that the
// duplicate analyses tell apart records that call another function, pass other arguments or declare other tools.
//
//   callKey(call)      one tool call ({function: {name, arguments}}, a legacy function_call {name, arguments}, ...)
//                      -> "name(canonical arguments)"; arguments given as a JSON string and as an object are equal
//   resultKey(name)    a tool result's function name -> "->name"
//   toolsKey(v)        a record's tool definitions (array, or a JSON string of one as in ShareGPT) -> canonical
//                      JSON of the list, its entries sorted; undefined when there are none
//
// Canonical JSON: object keys sorted (recursively), no spacing. Call ids (`id`, `tool_call_id`) are left out: they
// are arbitrary labels, and two records that differ only in them are the same example. Cost: linear in the size
// of the values.
/** JSON of `v` with object keys sorted at every level. Iterative (an explicit stack, not recursion): a value nested
 * 100,000 levels deep, which JSON.parse accepts, would overflow the call stack of a recursive walk or of
 * JSON.stringify. */
function canonicalJson(v) {
    if (v === null || typeof v !== "object")
        return scalarJson(v);
    const stack = [];
    let s = "";
    const open = (x) => {
        if (Array.isArray(x)) {
            s += "[";
            stack.push({ items: x, keys: null, i: 0 });
            return;
        }
        const o = x;
        const keys = Object.keys(o)
            .filter((k) => o[k] !== undefined)
            .sort();
        s += "{";
        stack.push({ items: keys.map((k) => o[k]), keys, i: 0 });
    };
    open(v);
    while (stack.length > 0) {
        const f = stack[stack.length - 1];
        if (f.i === f.items.length) {
            s += f.keys ? "}" : "]";
            stack.pop();
            continue;
        }
        if (f.i > 0)
            s += ",";
        if (f.keys)
            s += JSON.stringify(f.keys[f.i]) + ":";
        const x = f.items[f.i++];
        if (x !== null && typeof x === "object")
            open(x);
        else
            s += scalarJson(x);
    }
    return s;
}
function scalarJson(v) {
    return v === undefined ? "null" : JSON.stringify(v);
}
/** A value that may be JSON serialised to a string (tool-call arguments, ShareGPT tools): the canonical JSON of
 * what it holds; a string that is not JSON stays as it is (trimmed). */
function canonicalValue(v) {
    if (typeof v !== "string")
        return canonicalJson(v);
    const t = v.trim();
    const c = t.charCodeAt(0);
    if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
        try {
            return canonicalJson(JSON.parse(t));
        }
        catch {
            // not JSON: compared as written
        }
    }
    return t;
}
/** Key of one tool call: "name(arguments)" with the arguments in canonical JSON. */
function callKey(call) {
    if (!call || typeof call !== "object" || Array.isArray(call))
        return canonicalJson(call);
    const c = call;
    const inner = c.function ?? c.custom;
    const fn = inner && typeof inner === "object" && !Array.isArray(inner) ? inner : c;
    if (typeof fn.name !== "string") {
        const { id: _id, ...rest } = c;
        return canonicalJson(rest);
    }
    const args = fn.arguments ?? fn.input ?? fn.parameters;
    return `${fn.name}(${args === undefined ? "" : canonicalValue(args)})`;
}
/** Key of a tool result by the function that produced it. */
function resultKey(name) {
    return `->${name}`;
}
/** Canonical key of a record's tool definitions; undefined when there are none (absent, empty list, empty string). */
function toolsKey(v) {
    if (v === undefined || v === null)
        return undefined;
    let list = v;
    if (typeof v === "string") {
        const t = v.trim();
        if (t === "")
            return undefined;
        try {
            list = JSON.parse(t);
        }
        catch {
            return t;
        }
    }
    if (Array.isArray(list)) {
        if (list.length === 0)
            return undefined;
        // The order of the definitions does not make another example.
        return "[" + list.map((d) => canonicalJson(d)).sort().join(",") + "]";
    }
    return canonicalJson(list);
}

;// CONCATENATED MODULE: ./src/engine/formats/image-size.ts
// The size in pixels of an image given inline as a base64 data URI (data:image/png;base64,...), read from its header
// (PNG, GIF, WebP, JPEG) without decoding the image: only the few bytes of the header are decoded from the base64
// text, at any offset (3 bytes are 4 characters). An image given by URL or path, or one whose header is not read
// here, has no known size (undefined).
//
//   imageSize("data:image/png;base64,iVBORw0KGgo...")  -> { width: 800, height: 600 }
//
// Cost: a few small decodes per image; a JPEG's markers are walked segment by segment (at most MAX_SEGMENTS).
const MAX_SEGMENTS = 256;
function imageSize(url) {
    if (!url.startsWith("data:"))
        return undefined;
    const comma = url.indexOf(",");
    if (comma < 0 || !/;base64$/i.test(url.slice(0, comma)))
        return undefined;
    const data = new Base64Bytes(url, comma + 1);
    const head = data.at(0, 30);
    if (head.length < 10)
        return undefined;
    let size;
    if (head[0] === 0x89 && head.toString("latin1", 1, 4) === "PNG" && head.length >= 24)
        size = { width: head.readUInt32BE(16), height: head.readUInt32BE(20) };
    else if (head.toString("latin1", 0, 4) === "GIF8")
        size = { width: head.readUInt16LE(6), height: head.readUInt16LE(8) };
    else if (head.toString("latin1", 0, 4) === "RIFF" && head.toString("latin1", 8, 12) === "WEBP")
        size = webpSize(head);
    else if (head[0] === 0xff && head[1] === 0xd8)
        size = jpegSize(data);
    return size && size.width > 0 && size.height > 0 ? size : undefined;
}
/** Bytes of base64 text starting at `start` of `s`, decoded on demand. */
class Base64Bytes {
    s;
    start;
    constructor(s, start) {
        this.s = s;
        this.start = start;
    }
    /** Up to `n` bytes from byte offset `offset` (fewer at the end of the data). */
    at(offset, n) {
        const from = this.start + Math.floor(offset / 3) * 4;
        if (from >= this.s.length)
            return Buffer.alloc(0);
        const to = Math.min(this.s.length, this.start + Math.ceil((offset + n) / 3) * 4);
        const skip = offset % 3;
        return Buffer.from(this.s.slice(from, to), "base64").subarray(skip, skip + n);
    }
}
function webpSize(h) {
    const chunk = h.toString("latin1", 12, 16);
    if (chunk === "VP8 " && h.length >= 30)
        return { width: h.readUInt16LE(26) & 0x3fff, height: h.readUInt16LE(28) & 0x3fff };
    if (chunk === "VP8L" && h.length >= 25) {
        const b0 = h[21];
        const b1 = h[22];
        const b2 = h[23];
        const b3 = h[24];
        return { width: 1 + (((b1 & 0x3f) << 8) | b0), height: 1 + (((b3 & 0x0f) << 10) | (b2 << 2) | ((b1 & 0xc0) >> 6)) };
    }
    if (chunk === "VP8X" && h.length >= 30)
        return { width: 1 + h.readUIntLE(24, 3), height: 1 + h.readUIntLE(27, 3) };
    return undefined;
}
/** A JPEG's size from its first start-of-frame marker (SOF0-SOF15, not DHT, JPG or DAC), walking the segments. */
function jpegSize(data) {
    let pos = 2;
    for (let k = 0; k < MAX_SEGMENTS; k++) {
        const m = data.at(pos, 9);
        if (m.length < 4 || m[0] !== 0xff)
            return undefined;
        const marker = m[1];
        if (marker === 0xff) {
            pos++; // fill byte
            continue;
        }
        if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
            pos += 2; // markers without a length
            continue;
        }
        if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
            return m.length >= 9 ? { height: m.readUInt16BE(5), width: m.readUInt16BE(7) } : undefined;
        }
        if (marker === 0xd9 || marker === 0xda)
            return undefined; // end of image, or the scan: no frame header before it
        pos += 2 + m.readUInt16BE(2);
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/engine/formats/content.ts
// Turns the many shapes of message content into plain text plus counts (images), for every format.


const EMPTY = { text: "", images: 0 };
/** The URL / data URI / path that identifies an image or audio part. */
function mediaKey(p) {
    for (const k of ["image_url", "image", "input_image", "input_audio", "audio", "video", "file"]) {
        const v = p[k];
        if (typeof v === "string")
            return v;
        if (v && typeof v === "object") {
            const o = v;
            const inner = o.url ?? o.data ?? o.path ?? o.file_id;
            if (typeof inner === "string")
                return inner;
        }
    }
    return typeof p.url === "string" ? p.url : canonicalJson(p).slice(0, 1024); // not JSON.stringify: it overflows the stack on deep nesting
}
/** An image part's detail ({"image_url": {"url", "detail"}}, or input_image's own "detail") and size (data URIs). */
function imagePart(p) {
    const inner = p.image_url ?? p.image;
    const o = inner && typeof inner === "object" ? inner : undefined;
    const detail = o?.detail ?? p.detail;
    const url = typeof inner === "string" ? inner : typeof o?.url === "string" ? o.url : typeof p.url === "string" ? p.url : undefined;
    const part = typeof detail === "string" ? { detail } : {};
    const size = url !== undefined ? imageSize(url) : undefined;
    if (size) {
        part.width = size.width;
        part.height = size.height;
    }
    return part;
}
/** String → itself; array of parts → text parts joined by "\n" (`text`, or LLaMA-Factory's `value`); null → "". */
function contentInfo(content) {
    if (typeof content === "string")
        return { text: content, images: 0 };
    if (!Array.isArray(content))
        return EMPTY;
    let text = "";
    let images = 0;
    let media;
    let imageParts;
    for (const part of content) {
        if (typeof part === "string") {
            text = text ? text + "\n" + part : part;
            continue;
        }
        if (!part || typeof part !== "object")
            continue;
        const p = part;
        if (p.type === "text" || p.type === "input_text") {
            const t = typeof p.text === "string" ? p.text : typeof p.value === "string" ? p.value : "";
            text = text ? text + "\n" + t : t;
        }
        else if (typeof p.type === "string") {
            if (p.type === "image_url" || p.type === "image" || p.type === "input_image") {
                images++;
                (imageParts ??= []).push(imagePart(p));
            }
            (media ??= []).push(mediaKey(p));
        }
    }
    const out = { text, images };
    if (media)
        out.media = media;
    if (imageParts)
        out.imageParts = imageParts;
    return out;
}

;// CONCATENATED MODULE: ./src/engine/formats/context.ts
// What a format parser gets besides the record: where to report, and the settings that change the rules.

function readPath(rec, dotted) {
    let v = rec;
    for (const k of dotted.split(".")) {
        if (v === null || typeof v !== "object")
            return undefined;
        v = v[k];
    }
    return v;
}
function categoryOf(rec, ctx) {
    if (!ctx.categoryField)
        return undefined;
    const v = readPath(rec, ctx.categoryField);
    if (v === undefined || v === null)
        return undefined;
    // an object or array is named by its JSON ({"topic":"math"}), not "[object Object]"; canonical: keys sorted, and
    // no recursion (JSON.stringify overflows the stack on a value nested thousands of levels deep)
    return typeof v === "object" ? canonicalJson(v) : String(v);
}

;// CONCATENATED MODULE: ./src/engine/rules/roles.ts
// Role vocabulary and the hints that turn a wrong role into a fix.
const CHAT_ROLES = ["system", "developer", "user", "assistant", "tool", "function"];
const SHAREGPT_HINT = {
    human: "user",
    gpt: "assistant",
    observation: "tool",
    function_call: "assistant (with tool_calls)",
};
const ALIASES = { bot: "assistant", model: "assistant", ai: "assistant", chatbot: "assistant", sys: "system", usr: "user" };
/** A message that says what is wrong with `role` and how to fix it. */
function roleHint(role, allowed = CHAT_ROLES) {
    if (typeof role !== "string")
        return `role must be a string, one of ${allowed.join(", ")}; got ${describe(role)}`;
    const lower = role.trim().toLowerCase();
    if (allowed.includes(lower)) {
        return `'${role}' is not a role; roles are lowercase without spaces: did you mean '${lower}'?`;
    }
    if (Object.hasOwn(SHAREGPT_HINT, lower)) {
        return `'${role}' is a ShareGPT role: set format: sharegpt or map it to '${SHAREGPT_HINT[lower]}'`;
    }
    if (Object.hasOwn(ALIASES, lower))
        return `'${role}' is not a role: did you mean '${ALIASES[lower]}'? Allowed: ${allowed.join(", ")}`;
    return `'${role}' is not a role; allowed: ${allowed.join(", ")}`;
}
function describe(v) {
    if (v === null)
        return "null";
    if (Array.isArray(v))
        return "an array";
    if (typeof v === "object")
        return "an object";
    if (typeof v === "string")
        return `the string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + "…" : v)}`;
    return `${typeof v} ${String(v)}`;
}

;// CONCATENATED MODULE: ./src/engine/rules/record-validate.generated.js
// Generated by scripts/validators.mjs from schemas/record.schema.json (ajv standalone code). Do not edit.
/* eslint-disable */

const validateChatml = validate0;
const schema0 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://github.com/chatml-quality-gate/chatml-quality-gate/schemas/record.schema.json","title":"Chat fine-tuning record (ChatML / OpenAI chat, and OpenAI preference)","description":"Shape of one JSONL record. Semantic rules (message order, tool-call pairing, weights) are checked in code; see docs/rules.md.","type":"object","required":["messages"],"properties":{"messages":{"type":"array","minItems":1,"items":{"$ref":"#/definitions/message"}},"tools":{"type":["array","string"]},"functions":{"type":"array"},"parallel_tool_calls":{"type":"boolean"}},"definitions":{"role":{"type":"string","enum":["system","developer","user","assistant","tool","function","tool_call","tool_response"]},"message":{"type":"object","required":["role"],"properties":{"role":{"$ref":"#/definitions/role"},"content":{"anyOf":[{"type":"string"},{"type":"null"},{"type":"array","items":{"$ref":"#/definitions/part"}}]},"name":{"type":"string"},"tool_calls":{"anyOf":[{"type":"null"},{"type":"array","items":{"$ref":"#/definitions/toolCall"}}]},"tool_call_id":{"type":"string"},"function_call":{"anyOf":[{"type":"null"},{"type":"object"}]},"weight":{"enum":[0,1]},"loss_weight":{"type":"number"},"refusal":{"type":["string","null"]},"reasoning_content":{"type":["string","null"]},"thinking":{"type":["string","null"]},"audio":{"type":["object","null"]},"annotations":{"type":["array","null"]},"train":{"type":"boolean"},"train_detail":{"type":"array"}},"additionalProperties":false},"part":{"type":"object","required":["type"],"properties":{"type":{"type":"string","enum":["text","image_url","image","input_image","input_audio","audio","video","file"]}}},"toolCall":{"type":"object","required":["function"],"properties":{"id":{"type":"string"},"type":{"type":"string","enum":["function"]},"function":{"type":"object","required":["name"],"properties":{"name":{"type":"string","minLength":1},"arguments":{"type":["string","object"]}}}}},"preferenceOpenai":{"type":"object","required":["input","preferred_output","non_preferred_output"],"properties":{"input":{"type":"object","required":["messages"],"properties":{"messages":{"type":"array","minItems":1,"items":{"$ref":"#/definitions/message"}},"tools":{"type":"array"},"parallel_tool_calls":{"type":"boolean"}}},"preferred_output":{"type":"array","minItems":1,"items":{"$ref":"#/definitions/message"}},"non_preferred_output":{"type":"array","minItems":1,"items":{"$ref":"#/definitions/message"}}}}}};
const schema1 = {"type":"object","required":["role"],"properties":{"role":{"$ref":"#/definitions/role"},"content":{"anyOf":[{"type":"string"},{"type":"null"},{"type":"array","items":{"$ref":"#/definitions/part"}}]},"name":{"type":"string"},"tool_calls":{"anyOf":[{"type":"null"},{"type":"array","items":{"$ref":"#/definitions/toolCall"}}]},"tool_call_id":{"type":"string"},"function_call":{"anyOf":[{"type":"null"},{"type":"object"}]},"weight":{"enum":[0,1]},"loss_weight":{"type":"number"},"refusal":{"type":["string","null"]},"reasoning_content":{"type":["string","null"]},"thinking":{"type":["string","null"]},"audio":{"type":["object","null"]},"annotations":{"type":["array","null"]},"train":{"type":"boolean"},"train_detail":{"type":"array"}},"additionalProperties":false};
const schema2 = {"type":"string","enum":["system","developer","user","assistant","tool","function","tool_call","tool_response"]};
const schema3 = {"type":"object","required":["type"],"properties":{"type":{"type":"string","enum":["text","image_url","image","input_image","input_audio","audio","video","file"]}}};
const schema4 = {"type":"object","required":["function"],"properties":{"id":{"type":"string"},"type":{"type":"string","enum":["function"]},"function":{"type":"object","required":["name"],"properties":{"name":{"type":"string","minLength":1},"arguments":{"type":["string","object"]}}}}};
const func0 = Object.prototype.hasOwnProperty;

const func1 = ucs2length["default"] ?? ucs2length;

function validate1(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.role === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "role"},message:"must have required property '"+"role"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!(func0.call(schema1.properties, key0))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.role !== undefined){
let data0 = data.role;
if(typeof data0 !== "string"){
const err2 = {instancePath:instancePath+"/role",schemaPath:"#/definitions/role/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(!((((((((data0 === "system") || (data0 === "developer")) || (data0 === "user")) || (data0 === "assistant")) || (data0 === "tool")) || (data0 === "function")) || (data0 === "tool_call")) || (data0 === "tool_response"))){
const err3 = {instancePath:instancePath+"/role",schemaPath:"#/definitions/role/enum",keyword:"enum",params:{allowedValues: schema2.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.content !== undefined){
let data1 = data.content;
const _errs6 = errors;
let valid2 = false;
const _errs7 = errors;
if(typeof data1 !== "string"){
const err4 = {instancePath:instancePath+"/content",schemaPath:"#/properties/content/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
var _valid0 = _errs7 === errors;
valid2 = valid2 || _valid0;
if(!valid2){
const _errs9 = errors;
if(data1 !== null){
const err5 = {instancePath:instancePath+"/content",schemaPath:"#/properties/content/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
var _valid0 = _errs9 === errors;
valid2 = valid2 || _valid0;
if(!valid2){
const _errs11 = errors;
if(Array.isArray(data1)){
const len0 = data1.length;
for(let i0=0; i0<len0; i0++){
let data2 = data1[i0];
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
if(data2.type === undefined){
const err6 = {instancePath:instancePath+"/content/" + i0,schemaPath:"#/definitions/part/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(data2.type !== undefined){
let data3 = data2.type;
if(typeof data3 !== "string"){
const err7 = {instancePath:instancePath+"/content/" + i0+"/type",schemaPath:"#/definitions/part/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(!((((((((data3 === "text") || (data3 === "image_url")) || (data3 === "image")) || (data3 === "input_image")) || (data3 === "input_audio")) || (data3 === "audio")) || (data3 === "video")) || (data3 === "file"))){
const err8 = {instancePath:instancePath+"/content/" + i0+"/type",schemaPath:"#/definitions/part/properties/type/enum",keyword:"enum",params:{allowedValues: schema3.properties.type.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
}
else {
const err9 = {instancePath:instancePath+"/content/" + i0,schemaPath:"#/definitions/part/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
else {
const err10 = {instancePath:instancePath+"/content",schemaPath:"#/properties/content/anyOf/2/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
var _valid0 = _errs11 === errors;
valid2 = valid2 || _valid0;
}
}
if(!valid2){
const err11 = {instancePath:instancePath+"/content",schemaPath:"#/properties/content/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
else {
errors = _errs6;
if(vErrors !== null){
if(_errs6){
vErrors.length = _errs6;
}
else {
vErrors = null;
}
}
}
}
if(data.name !== undefined){
if(typeof data.name !== "string"){
const err12 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.tool_calls !== undefined){
let data5 = data.tool_calls;
const _errs21 = errors;
let valid7 = false;
const _errs22 = errors;
if(data5 !== null){
const err13 = {instancePath:instancePath+"/tool_calls",schemaPath:"#/properties/tool_calls/anyOf/0/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
var _valid1 = _errs22 === errors;
valid7 = valid7 || _valid1;
if(!valid7){
const _errs24 = errors;
if(Array.isArray(data5)){
const len1 = data5.length;
for(let i1=0; i1<len1; i1++){
let data6 = data5[i1];
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
if(data6.function === undefined){
const err14 = {instancePath:instancePath+"/tool_calls/" + i1,schemaPath:"#/definitions/toolCall/required",keyword:"required",params:{missingProperty: "function"},message:"must have required property '"+"function"+"'"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(data6.id !== undefined){
if(typeof data6.id !== "string"){
const err15 = {instancePath:instancePath+"/tool_calls/" + i1+"/id",schemaPath:"#/definitions/toolCall/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data6.type !== undefined){
let data8 = data6.type;
if(typeof data8 !== "string"){
const err16 = {instancePath:instancePath+"/tool_calls/" + i1+"/type",schemaPath:"#/definitions/toolCall/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
if(!(data8 === "function")){
const err17 = {instancePath:instancePath+"/tool_calls/" + i1+"/type",schemaPath:"#/definitions/toolCall/properties/type/enum",keyword:"enum",params:{allowedValues: schema4.properties.type.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data6.function !== undefined){
let data9 = data6.function;
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
if(data9.name === undefined){
const err18 = {instancePath:instancePath+"/tool_calls/" + i1+"/function",schemaPath:"#/definitions/toolCall/properties/function/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
if(data9.name !== undefined){
let data10 = data9.name;
if(typeof data10 === "string"){
if(func1(data10) < 1){
const err19 = {instancePath:instancePath+"/tool_calls/" + i1+"/function/name",schemaPath:"#/definitions/toolCall/properties/function/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
else {
const err20 = {instancePath:instancePath+"/tool_calls/" + i1+"/function/name",schemaPath:"#/definitions/toolCall/properties/function/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data9.arguments !== undefined){
let data11 = data9.arguments;
if((typeof data11 !== "string") && (!(data11 && typeof data11 == "object" && !Array.isArray(data11)))){
const err21 = {instancePath:instancePath+"/tool_calls/" + i1+"/function/arguments",schemaPath:"#/definitions/toolCall/properties/function/properties/arguments/type",keyword:"type",params:{type: schema4.properties.function.properties.arguments.type},message:"must be string,object"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
}
else {
const err22 = {instancePath:instancePath+"/tool_calls/" + i1+"/function",schemaPath:"#/definitions/toolCall/properties/function/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
}
else {
const err23 = {instancePath:instancePath+"/tool_calls/" + i1,schemaPath:"#/definitions/toolCall/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
}
else {
const err24 = {instancePath:instancePath+"/tool_calls",schemaPath:"#/properties/tool_calls/anyOf/1/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
var _valid1 = _errs24 === errors;
valid7 = valid7 || _valid1;
}
if(!valid7){
const err25 = {instancePath:instancePath+"/tool_calls",schemaPath:"#/properties/tool_calls/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
else {
errors = _errs21;
if(vErrors !== null){
if(_errs21){
vErrors.length = _errs21;
}
else {
vErrors = null;
}
}
}
}
if(data.tool_call_id !== undefined){
if(typeof data.tool_call_id !== "string"){
const err26 = {instancePath:instancePath+"/tool_call_id",schemaPath:"#/properties/tool_call_id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
if(data.function_call !== undefined){
let data13 = data.function_call;
const _errs42 = errors;
let valid13 = false;
const _errs43 = errors;
if(data13 !== null){
const err27 = {instancePath:instancePath+"/function_call",schemaPath:"#/properties/function_call/anyOf/0/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
var _valid2 = _errs43 === errors;
valid13 = valid13 || _valid2;
if(!valid13){
const _errs45 = errors;
if(!(data13 && typeof data13 == "object" && !Array.isArray(data13))){
const err28 = {instancePath:instancePath+"/function_call",schemaPath:"#/properties/function_call/anyOf/1/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
var _valid2 = _errs45 === errors;
valid13 = valid13 || _valid2;
}
if(!valid13){
const err29 = {instancePath:instancePath+"/function_call",schemaPath:"#/properties/function_call/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
else {
errors = _errs42;
if(vErrors !== null){
if(_errs42){
vErrors.length = _errs42;
}
else {
vErrors = null;
}
}
}
}
if(data.weight !== undefined){
let data14 = data.weight;
if(!((data14 === 0) || (data14 === 1))){
const err30 = {instancePath:instancePath+"/weight",schemaPath:"#/properties/weight/enum",keyword:"enum",params:{allowedValues: schema1.properties.weight.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
if(data.loss_weight !== undefined){
if(!(typeof data.loss_weight == "number")){
const err31 = {instancePath:instancePath+"/loss_weight",schemaPath:"#/properties/loss_weight/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
if(data.refusal !== undefined){
let data16 = data.refusal;
if((typeof data16 !== "string") && (data16 !== null)){
const err32 = {instancePath:instancePath+"/refusal",schemaPath:"#/properties/refusal/type",keyword:"type",params:{type: schema1.properties.refusal.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
if(data.reasoning_content !== undefined){
let data17 = data.reasoning_content;
if((typeof data17 !== "string") && (data17 !== null)){
const err33 = {instancePath:instancePath+"/reasoning_content",schemaPath:"#/properties/reasoning_content/type",keyword:"type",params:{type: schema1.properties.reasoning_content.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
if(data.thinking !== undefined){
let data18 = data.thinking;
if((typeof data18 !== "string") && (data18 !== null)){
const err34 = {instancePath:instancePath+"/thinking",schemaPath:"#/properties/thinking/type",keyword:"type",params:{type: schema1.properties.thinking.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
if(data.audio !== undefined){
let data19 = data.audio;
if((!(data19 && typeof data19 == "object" && !Array.isArray(data19))) && (data19 !== null)){
const err35 = {instancePath:instancePath+"/audio",schemaPath:"#/properties/audio/type",keyword:"type",params:{type: schema1.properties.audio.type},message:"must be object,null"};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
if(data.annotations !== undefined){
let data20 = data.annotations;
if((!(Array.isArray(data20))) && (data20 !== null)){
const err36 = {instancePath:instancePath+"/annotations",schemaPath:"#/properties/annotations/type",keyword:"type",params:{type: schema1.properties.annotations.type},message:"must be array,null"};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
if(data.train !== undefined){
if(typeof data.train !== "boolean"){
const err37 = {instancePath:instancePath+"/train",schemaPath:"#/properties/train/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
if(data.train_detail !== undefined){
if(!(Array.isArray(data.train_detail))){
const err38 = {instancePath:instancePath+"/train_detail",schemaPath:"#/properties/train_detail/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
}
else {
const err39 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
validate1.errors = vErrors;
return errors === 0;
}


function validate0(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://github.com/chatml-quality-gate/chatml-quality-gate/schemas/record.schema.json" */;
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.messages === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "messages"},message:"must have required property '"+"messages"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.messages !== undefined){
let data0 = data.messages;
if(Array.isArray(data0)){
if(data0.length < 1){
const err1 = {instancePath:instancePath+"/messages",schemaPath:"#/properties/messages/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
if(!(validate1(data0[i0], {instancePath:instancePath+"/messages/" + i0,parentData:data0,parentDataProperty:i0,rootData}))){
if (vErrors === null) vErrors = validate1.errors; else for (const e of validate1.errors) vErrors.push(e);
errors = vErrors.length;
}
}
}
else {
const err2 = {instancePath:instancePath+"/messages",schemaPath:"#/properties/messages/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.tools !== undefined){
let data2 = data.tools;
if((!(Array.isArray(data2))) && (typeof data2 !== "string")){
const err3 = {instancePath:instancePath+"/tools",schemaPath:"#/properties/tools/type",keyword:"type",params:{type: schema0.properties.tools.type},message:"must be array,string"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.functions !== undefined){
if(!(Array.isArray(data.functions))){
const err4 = {instancePath:instancePath+"/functions",schemaPath:"#/properties/functions/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.parallel_tool_calls !== undefined){
if(typeof data.parallel_tool_calls !== "boolean"){
const err5 = {instancePath:instancePath+"/parallel_tool_calls",schemaPath:"#/properties/parallel_tool_calls/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
}
else {
const err6 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
validate0.errors = vErrors;
return errors === 0;
}

const validatePreferenceOpenai = validate3;
const schema5 = {"type":"object","required":["input","preferred_output","non_preferred_output"],"properties":{"input":{"type":"object","required":["messages"],"properties":{"messages":{"type":"array","minItems":1,"items":{"$ref":"#/definitions/message"}},"tools":{"type":"array"},"parallel_tool_calls":{"type":"boolean"}}},"preferred_output":{"type":"array","minItems":1,"items":{"$ref":"#/definitions/message"}},"non_preferred_output":{"type":"array","minItems":1,"items":{"$ref":"#/definitions/message"}}}};

function validate3(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.input === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "input"},message:"must have required property '"+"input"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.preferred_output === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "preferred_output"},message:"must have required property '"+"preferred_output"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.non_preferred_output === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "non_preferred_output"},message:"must have required property '"+"non_preferred_output"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.input !== undefined){
let data0 = data.input;
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
if(data0.messages === undefined){
const err3 = {instancePath:instancePath+"/input",schemaPath:"#/properties/input/required",keyword:"required",params:{missingProperty: "messages"},message:"must have required property '"+"messages"+"'"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data0.messages !== undefined){
let data1 = data0.messages;
if(Array.isArray(data1)){
if(data1.length < 1){
const err4 = {instancePath:instancePath+"/input/messages",schemaPath:"#/properties/input/properties/messages/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
const len0 = data1.length;
for(let i0=0; i0<len0; i0++){
if(!(validate1(data1[i0], {instancePath:instancePath+"/input/messages/" + i0,parentData:data1,parentDataProperty:i0,rootData}))){
if (vErrors === null) vErrors = validate1.errors; else for (const e of validate1.errors) vErrors.push(e);
errors = vErrors.length;
}
}
}
else {
const err5 = {instancePath:instancePath+"/input/messages",schemaPath:"#/properties/input/properties/messages/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data0.tools !== undefined){
if(!(Array.isArray(data0.tools))){
const err6 = {instancePath:instancePath+"/input/tools",schemaPath:"#/properties/input/properties/tools/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data0.parallel_tool_calls !== undefined){
if(typeof data0.parallel_tool_calls !== "boolean"){
const err7 = {instancePath:instancePath+"/input/parallel_tool_calls",schemaPath:"#/properties/input/properties/parallel_tool_calls/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
else {
const err8 = {instancePath:instancePath+"/input",schemaPath:"#/properties/input/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.preferred_output !== undefined){
let data5 = data.preferred_output;
if(Array.isArray(data5)){
if(data5.length < 1){
const err9 = {instancePath:instancePath+"/preferred_output",schemaPath:"#/properties/preferred_output/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
const len1 = data5.length;
for(let i1=0; i1<len1; i1++){
if(!(validate1(data5[i1], {instancePath:instancePath+"/preferred_output/" + i1,parentData:data5,parentDataProperty:i1,rootData}))){
if (vErrors === null) vErrors = validate1.errors; else for (const e of validate1.errors) vErrors.push(e);
errors = vErrors.length;
}
}
}
else {
const err10 = {instancePath:instancePath+"/preferred_output",schemaPath:"#/properties/preferred_output/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.non_preferred_output !== undefined){
let data7 = data.non_preferred_output;
if(Array.isArray(data7)){
if(data7.length < 1){
const err11 = {instancePath:instancePath+"/non_preferred_output",schemaPath:"#/properties/non_preferred_output/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
const len2 = data7.length;
for(let i2=0; i2<len2; i2++){
if(!(validate1(data7[i2], {instancePath:instancePath+"/non_preferred_output/" + i2,parentData:data7,parentDataProperty:i2,rootData}))){
if (vErrors === null) vErrors = validate1.errors; else for (const e of validate1.errors) vErrors.push(e);
errors = vErrors.length;
}
}
}
else {
const err12 = {instancePath:instancePath+"/non_preferred_output",schemaPath:"#/properties/non_preferred_output/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
else {
const err13 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
validate3.errors = vErrors;
return errors === 0;
}


;// CONCATENATED MODULE: ./src/engine/rules/chatml-shape.ts



const MSG_PATH = /^(.*?\/(?:messages|preferred_output|non_preferred_output))\/(\d+)(\/.*)?$/;
function at(root, path) {
    let v = root;
    for (const seg of path.split("/").slice(1)) {
        if (v === null || typeof v !== "object")
            return undefined;
        v = v[seg.replace(/~1/g, "/").replace(/~0/g, "~")];
    }
    return v;
}
function where(listPath, index) {
    const list = listPath.replace(/^\//, "").replace(/\//g, ".");
    return `${list}[${index}]`;
}
/** Maps ajv errors to findings; one finding per rule and place. */
function reportShapeErrors(record, errors, emit) {
    const seen = new Set();
    const once = (key, rule, message) => {
        if (seen.has(key))
            return;
        seen.add(key);
        emit(rule, message);
    };
    // A failed anyOf (e.g. content: string | null | array of parts) comes with one error per branch. Type mismatches
    // of the other branches at the same place are noise; errors deeper inside (a bad part of an array) are the
    // real problem, and then the anyOf summary itself is noise.
    // Sets, not scans: a record with thousands of bad messages has tens of thousands of errors.
    const anyOfPaths = new Set();
    const haveDeeper = new Set(); // every proper ancestor path of a non-anyOf error
    for (const e of errors) {
        if (e.keyword === "anyOf") {
            anyOfPaths.add(e.instancePath);
            continue;
        }
        for (let p = e.instancePath; p !== "";) {
            p = p.slice(0, p.lastIndexOf("/")); // "/messages/5" -> "/messages" -> "" (the record)
            if (haveDeeper.has(p))
                break; // its ancestors are in already
            haveDeeper.add(p);
        }
    }
    for (const e of errors) {
        if (e.keyword === "anyOf" && haveDeeper.has(e.instancePath))
            continue;
        if (e.keyword !== "anyOf" && e.schemaPath.includes("anyOf") && anyOfPaths.has(e.instancePath))
            continue;
        const m = MSG_PATH.exec(e.instancePath);
        if (!m) {
            mapRecordLevel(record, e, once);
            continue;
        }
        const [, listPath, index, rest = ""] = m;
        const w = where(listPath, index);
        const msg = at(record, `${listPath}/${index}`);
        if (rest === "") {
            if (e.keyword === "type")
                once(`mno${w}`, "message-not-object", `${w} is ${describe(msg)}, not a message object like {"role": "user", "content": "..."}`);
            else if (e.keyword === "required") {
                const missing = e.params.missingProperty;
                if (missing === "role")
                    once(`mr${w}`, "missing-role", `${w} has no "role": add "role": "user" | "assistant" | "system" | "tool"`);
            }
            else if (e.keyword === "additionalProperties") {
                const key = e.params.additionalProperty;
                once(`uk${key}`, "unknown-key", unknownMessageKey(key, w));
            }
            continue;
        }
        const field = rest.split("/")[1];
        if (field === "role") {
            once(`ir${w}`, "invalid-role", `${w}: ${roleHint(msg.role)}`);
        }
        else if (field === "content") {
            const content = msg.content;
            if (rest === "/content") {
                once(`ict${w}`, "invalid-content-type", `${w}.content is ${describe(content)}; it must be a string, or an array of parts like [{"type": "text", "text": "..."}]`);
            }
            else {
                const pm = /^\/content\/(\d+)/.exec(rest);
                const part = Array.isArray(content) ? content[Number(pm[1])] : undefined;
                const pt = part && typeof part === "object" ? part.type : undefined;
                once(`icp${w}${pm[1]}`, "invalid-content-part", part === null || typeof part !== "object"
                    ? `${w}.content[${pm[1]}] is ${describe(part)}, not a part object like {"type": "text", "text": "..."}`
                    : pt === undefined
                        ? `${w}.content[${pm[1]}] has no "type": ${converseHint(part)}use "text" (with "text") or "image_url" (with "image_url": {"url": ...})`
                        : `${w}.content[${pm[1]}] has type ${describe(pt)}; known part types: text, image_url (also image, input_image, input_audio)`);
            }
        }
        else if (field === "weight") {
            once(`iw${w}`, "invalid-weight", `${w}.weight is ${describe(msg.weight)}; it must be 0 (do not train on this message) or 1`);
        }
        else if (field === "tool_calls" || field === "function_call") {
            const tm = /^\/tool_calls\/(\d+)/.exec(rest);
            const label = tm ? `${w}.tool_calls[${tm[1]}]` : `${w}.${field}`;
            once(`itc${label}`, "invalid-tool-call", `${label}: ${toolCallProblem(e)}`);
        }
        else {
            once(`${field}${w}`, "invalid-content-type", `${w}.${field} ${e.message ?? "is invalid"}; see schemas/record.schema.json`);
        }
    }
}
const CONVERSE_PARTS = new Set(["text", "image", "video", "document", "toolUse", "toolResult", "reasoningContent"]);
/** A part keyed by what it holds ({"text": ...}, {"image": {...}}) is Amazon Bedrock's Converse format: say so. */
function converseHint(part) {
    const keys = Object.keys(part);
    return keys.length === 1 && CONVERSE_PARTS.has(keys[0])
        ? `{"${keys[0]}": ...} is Amazon Bedrock's Converse format (Nova fine-tuning), which this gate does not read; `
        : "";
}
function toolCallProblem(e) {
    if (e.keyword === "required") {
        const p = e.params.missingProperty;
        if (p === "name")
            return `the call has no function name: add "function": {"name": "...", "arguments": "{...}"}`;
        if (p === "function")
            return `the call has no "function": use {"id": "call_1", "type": "function", "function": {"name": "...", "arguments": "{...}"}}`;
    }
    if (e.instancePath.endsWith("/name"))
        return `the function name is empty or not a string`;
    if (e.instancePath.endsWith("/arguments"))
        return `"arguments" must be a JSON object or a string holding JSON`;
    if (e.instancePath.endsWith("/type"))
        return `"type" must be "function"`;
    return `${e.instancePath.split("/").slice(-1)[0]} ${e.message ?? "is invalid"}; tool_calls is an array of {"id", "type": "function", "function": {"name", "arguments"}}`;
}
function unknownMessageKey(key, w) {
    const lower = key.toLowerCase();
    if (lower === "role" || lower === "content")
        return `${w} has the key '${key}': keys are lowercase, rename it to '${lower}'`;
    if (lower === "text" || lower === "value" || lower === "message")
        return `${w} has '${key}' where 'content' is expected: rename it to 'content'`;
    if (lower === "from")
        return `${w} has 'from' (a ShareGPT key): use 'role', or set format: sharegpt`;
    return `${w} has the key '${key}', which chat messages do not define (trainers ignore or reject it): remove it or check its spelling`;
}
/** The fix for a record without a conversation that has a known non-chat shape, else "". */
function notChat(record) {
    const other = detectOtherFormat(record);
    return other ? `it is ${other.label}, which this gate does not check: ${other.fix}` : "";
}
function mapRecordLevel(record, e, once) {
    const path = e.instancePath;
    const name = path.replace(/^\//, "").replace(/\//g, ".");
    if (e.keyword === "required") {
        const missing = e.params.missingProperty;
        const keys = record && typeof record === "object" ? Object.keys(record) : [];
        const scope = name ? `${name} ` : "the record ";
        if (missing === "messages") {
            const found = keys.length ? `; it has ${keys.slice(0, 5).map((k) => `'${k}'`).join(", ")}` : "";
            const fix = (!name && notChat(record)) || `put the conversation in "messages": [{"role": ..., "content": ...}]`;
            once("mm", "missing-messages", `${scope}has no "messages" array${found}: ${fix}`);
        }
        else
            once(`req${missing}`, "missing-messages", `${scope}has no "${missing}"`);
        return;
    }
    if (/(^|\/)(messages|preferred_output|non_preferred_output)$/.test(path)) {
        if (e.keyword === "type")
            once(`mna${path}`, "messages-not-array", `${name} is ${describe(at(record, path))}; it must be an array of messages`);
        else if (e.keyword === "minItems")
            once(`em${path}`, "empty-messages", `${name} is empty: a record needs at least one user and one assistant message`);
        return;
    }
    if (e.keyword === "additionalProperties")
        return; // top-level extra keys are allowed (ids, metadata)
    if (e.keyword === "type" && /^(input\.)?(tools|functions)$/.test(name)) {
        once(`rl${path}type`, "invalid-content-type", `${name} is ${describe(at(record, path))}; it must be an array of tool definitions like [{"type": "function", "function": {"name": ..., "parameters": {...}}}]`);
        return;
    }
    once(`rl${path}${e.keyword}`, "invalid-content-type", `${name || "record"} ${e.message ?? "is invalid"}`);
}

;// CONCATENATED MODULE: ./src/engine/formats/tool-text.ts

/** A tool call's text: its function name, then its arguments (a string as written; an object as canonical JSON). */
function callText(call) {
    if (!call || typeof call !== "object" || Array.isArray(call))
        return [];
    const c = call;
    const inner = c.function ?? c.custom;
    const fn = inner && typeof inner === "object" && !Array.isArray(inner) ? inner : c;
    const out = [];
    if (typeof fn.name === "string" && fn.name !== "")
        out.push(fn.name);
    const args = fn.arguments ?? fn.input ?? fn.parameters;
    if (typeof args === "string") {
        if (args !== "")
            out.push(args);
    }
    else if (args !== undefined && args !== null)
        out.push(canonicalJson(args));
    return out;
}
const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
/** Drops one trailing period, as the cookbook does with descriptions. */
const noPeriod = (s) => (s.endsWith(".") ? s.slice(0, -1) : s);
/** A schema value named in a text line: a string as it is, anything else as canonical JSON. */
const asText = (v) => (typeof v === "string" ? v : v === undefined ? "" : canonicalJson(v));
/** The tool definitions of a record (`tools`, legacy `functions`, ...): undefined when there are none. */
function toolDefinitions(...lists) {
    const out = { texts: [], functions: 0, propertyLists: 0, properties: 0, enums: 0, enumItems: 0 };
    for (let list of lists) {
        if (list === undefined || list === null)
            continue;
        if (typeof list === "string") {
            const t = list.trim();
            if (t === "")
                continue;
            try {
                list = JSON.parse(t);
            }
            catch {
                out.texts.push(t); // not JSON: the trainer is shown it as it is
                continue;
            }
        }
        const defs = Array.isArray(list) ? list : [list];
        for (const d of defs)
            addDefinition(d, out);
    }
    return out.texts.length > 0 || out.functions > 0 ? out : undefined;
}
function addDefinition(d, out) {
    if (d === undefined || d === null)
        return;
    const fn = isObject(d) && isObject(d.function) ? d.function : isObject(d) && typeof d.name === "string" ? d : undefined;
    if (!fn) {
        out.texts.push(asText(d));
        return;
    }
    out.functions++;
    out.texts.push(`${asText(fn.name)}:${noPeriod(typeof fn.description === "string" ? fn.description : "")}`);
    const params = fn.parameters ?? fn.input_schema ?? fn.inputSchema;
    if (isObject(params))
        addProperties(params.properties, out);
}
/** The parameters of one schema level and, through an explicit stack, of the levels nested in them. */
function addProperties(first, out) {
    const stack = [first];
    while (stack.length > 0) {
        const props = stack.pop();
        if (!isObject(props))
            continue;
        const keys = Object.keys(props);
        if (keys.length === 0)
            continue;
        out.propertyLists++;
        for (const key of keys) {
            out.properties++;
            const p = props[key];
            const schema = isObject(p) ? p : {};
            const desc = typeof schema.description === "string" ? noPeriod(schema.description) : "";
            if (Array.isArray(schema.enum)) {
                out.enums++;
                for (const item of schema.enum) {
                    out.enumItems++;
                    out.texts.push(asText(item));
                }
            }
            out.texts.push(`${key}:${asText(schema.type)}:${desc}`);
            if (isObject(schema.properties))
                stack.push(schema.properties);
            if (isObject(schema.items) && isObject(schema.items.properties))
                stack.push(schema.items.properties);
        }
    }
}

;// CONCATENATED MODULE: ./src/engine/rules/profile-shared.ts

/** The message lists of a record in `format` (chat: `messages`; OpenAI DPO: the prompt and both outputs). */
function messageLists(rec, format) {
    if (format === "preference-openai") {
        const input = rec.input && typeof rec.input === "object" ? rec.input : {};
        return [
            { label: "input.messages", items: Array.isArray(input.messages) ? input.messages : [] },
            { label: "preferred_output", items: Array.isArray(rec.preferred_output) ? rec.preferred_output : [] },
            { label: "non_preferred_output", items: Array.isArray(rec.non_preferred_output) ? rec.non_preferred_output : [] },
        ];
    }
    return [{ label: "messages", items: Array.isArray(rec.messages) ? rec.messages : [] }];
}
/** The message objects of one list (other items are the generic checks' business). */
function messagesOf(label, items) {
    const out = [];
    items.forEach((x, index) => {
        if (!x || typeof x !== "object" || Array.isArray(x))
            return;
        const m = x;
        out.push({ m, w: `${label}[${index}]`, role: typeof m.role === "string" ? m.role : "", index, list: label });
    });
    return out;
}
/** The end of a finding reported once per file (its once key): every later record with the same problem is refused
 * too, silently. */
const ONCE = " (reported once for the file: every record with it is refused)";
/** Roles and content-part types the generic checks accept (schemas/record.schema.json): a target reports only those
 * of them it refuses; any other is already the generic checks' finding (one defect, one finding). */
const GENERIC_ROLES = ["system", "developer", "user", "assistant", "tool", "function", "tool_call", "tool_response"];
const GENERIC_PART_TYPES = ["text", "image_url", "image", "input_image", "input_audio", "audio", "video", "file"];
/** Function names as OpenAI's API and mistral-common take them. */
const FUNCTION_NAME = /^[a-zA-Z0-9_-]{1,64}$/;
const profile_shared_isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
/** "an assistant", "a user". */
const article = (word) => (/^[aeio]/i.test(word) ? "an" : "a");
/** A value in a message, short: a string quoted (cut at 40 characters), a number or boolean as it is, anything else
 * by its type. */
function shown(v) {
    if (typeof v === "string")
        return JSON.stringify(v.length > 40 ? v.slice(0, 40) + "…" : v);
    return typeof v === "number" || typeof v === "boolean" ? String(v) : describe(v);
}

;// CONCATENATED MODULE: ./src/engine/rules/profile-openai.ts

const NAME = "OpenAI's chat fine-tuning format";
/** Message keys by role (API reference; `name` also accepted on tool messages, as OpenAI's own tool examples write). */
const KEYS = {
    system: ["role", "content", "name"],
    user: ["role", "content", "name"],
    assistant: ["role", "content", "name", "tool_calls", "function_call", "weight", "refusal", "audio"],
    tool: ["role", "content", "tool_call_id", "name"],
    function: ["role", "content", "name"],
};
const PART_TYPES = { user: ["text", "image_url"], assistant: ["text", "refusal"], system: ["text"], tool: ["text"], function: ["text"] };
const KEY_HINTS = {
    loss_weight: `OpenAI's per-message switch is "weight": 0 or 1, on assistant messages (0: not trained on)`,
    train: `OpenAI's per-message switch is "weight": 0 or 1, on assistant messages (0: not trained on)`,
    train_detail: "OpenAI trains whole messages: drop it (or split the message)",
    reasoning_content: "OpenAI's format has no reasoning field: drop it, or fold the reasoning into the content",
    thinking: "OpenAI's format has no reasoning field: drop it, or fold the reasoning into the content",
};
function checkOpenai(rec, format, ctx) {
    if (format === "chatml") {
        if (rec.system !== undefined) {
            ctx.emit("unsupported-key", `"system" beside "messages" is Amazon Bedrock's format; ${NAME} reads a system prompt only as the first message: move it into "messages" as {"role": "system", "content": ...}${ONCE}`, "openai-key:system");
        }
        checkTools(rec.tools, "tools", ctx);
        checkTools(rec.functions, "functions", ctx);
    }
    else if (profile_shared_isObject(rec.input))
        checkTools(rec.input.tools, "input.tools", ctx);
    for (const { label, items } of messageLists(rec, format)) {
        if (label === "preferred_output" || label === "non_preferred_output")
            checkOutput(label, items, ctx);
        for (const msg of messagesOf(label, items))
            checkMessage(msg, ctx);
    }
}
function checkMessage({ m, w, role }, ctx) {
    if (role === "developer") {
        ctx.emit("invalid-role", `${w}: 'developer' is not a role ${NAME} takes (system, user, assistant, tool, function): use 'system'${ONCE}`, "openai-role:developer");
        return;
    }
    const keys = Object.hasOwn(KEYS, role) ? KEYS[role] : undefined; // not KEYS[role]: a role named "constructor"
    if (!keys)
        return; // an unknown role: the generic checks report it (and ms-swift's roles, chatml.ts)
    for (const k of Object.keys(m)) {
        if (keys.includes(k) || (k === "weight" && role !== "assistant"))
            continue; // a weight elsewhere: invalid-weight
        const lower = k.toLowerCase();
        const hint = (Object.hasOwn(KEY_HINTS, k) ? KEY_HINTS[k] : undefined) ?? (keys.includes(lower) ? `keys are lowercase: rename it to '${lower}'` : "remove it or check its spelling");
        ctx.emit("unsupported-key", `${w} (${role}) has the key '${k}', which ${NAME} does not accept: ${hint}; ${article(role)} ${role} message takes ${keys.join(", ")}${ONCE}`, `openai-key:${role}:${k}`);
    }
    if (Array.isArray(m.content))
        checkParts(m.content, w, role, ctx);
    if (Array.isArray(m.tool_calls)) {
        m.tool_calls.forEach((c, j) => {
            const fn = profile_shared_isObject(c) && profile_shared_isObject(c.function) ? c.function : undefined;
            if (fn && typeof fn.name === "string" && fn.name !== "" && !FUNCTION_NAME.test(fn.name)) {
                ctx.emit("invalid-tool-call", `${w}.tool_calls[${j}] calls ${shown(fn.name)}: ${NAME} takes function names of a-z, A-Z, 0-9, _ and - (at most 64 characters)`);
            }
        });
    }
}
function checkParts(parts, w, role, ctx) {
    const types = Object.hasOwn(PART_TYPES, role) ? PART_TYPES[role] : ["text"];
    parts.forEach((p, k) => {
        if (!profile_shared_isObject(p) || typeof p.type !== "string")
            return; // the generic checks report it
        const at = `${w}.content[${k}]`;
        if (p.type === "text") {
            if (typeof p.text !== "string" && typeof p.value === "string") {
                ctx.emit("invalid-content-part", `${at} is LLaMA-Factory's {"type": "text", "value": ...}; ${NAME} takes {"type": "text", "text": ...}: rename "value" to "text"${ONCE}`, "openai-part:value");
            }
            return;
        }
        if (p.type === "image_url") {
            if (role !== "user")
                return; // the generic checks report images outside user messages
            if (typeof p.image_url === "string") {
                ctx.emit("invalid-content-part", `${at} has "image_url" as a string; ${NAME} takes {"type": "image_url", "image_url": {"url": "https://..." or "data:image/png;base64,..."}}${ONCE}`, "openai-part:image-url-string");
            }
            else if (profile_shared_isObject(p.image_url) && p.image_url.detail !== undefined && !["low", "high", "auto"].includes(p.image_url.detail)) {
                ctx.emit("invalid-content-part", `${at} has "detail": ${shown(p.image_url.detail)}; ${NAME} takes "low", "high" or "auto"`);
            }
            return;
        }
        if (types.includes(p.type) || !GENERIC_PART_TYPES.includes(p.type))
            return; // an unknown type: the generic finding
        if (p.type === "image" || p.type === "input_image") {
            if (role !== "user")
                return; // reported by the generic checks
            ctx.emit("invalid-content-part", `${at} has type '${p.type}'; ${NAME} takes an image as {"type": "image_url", "image_url": {"url": "https://..." or "data:image/png;base64,..."}}${ONCE}`, `openai-part:${p.type}`);
            return;
        }
        const takes = types.map((t) => `'${t}'`).join(" and ");
        ctx.emit("invalid-content-part", `${at} has type '${p.type}', which ${NAME} does not take in ${article(role)} ${role} message: it takes ${takes} parts${ONCE}`, `openai-part:${role}:${p.type}`);
    });
}
/** DPO outputs: one assistant message each. */
function checkOutput(label, items, ctx) {
    if (items.length > 1)
        ctx.emit("invalid-content-type", `"${label}" holds ${items.length} messages; ${NAME} (DPO) takes exactly one assistant message in it`);
    for (const { w, role } of messagesOf(label, items)) {
        if (role !== "assistant" && role !== "")
            ctx.emit("invalid-role", `${w} is ${article(role)} '${role}' message; ${NAME} (DPO) takes one assistant message in "${label}"`);
    }
}
/** Tool (or legacy function) definitions: {"type": "function", "function": {"name": ...}} ({"name": ...} in `functions`). */
function checkTools(v, label, ctx) {
    if (!Array.isArray(v))
        return; // absent, or a string / other type: chatml.ts and the schema report it
    v.forEach((d, i) => {
        const at = `${label}[${i}]`;
        const legacy = label === "functions";
        const fn = legacy ? d : profile_shared_isObject(d) ? d.function : undefined;
        if (!legacy && !(profile_shared_isObject(d) && d.type === "function")) {
            ctx.emit("invalid-tool-call", `${at} is not a function tool: ${NAME} takes {"type": "function", "function": {"name": ..., "description": ..., "parameters": {...}}}${ONCE}`, `openai-tools:type:${label}`);
            return;
        }
        if (!profile_shared_isObject(fn) || typeof fn.name !== "string") {
            ctx.emit("invalid-tool-call", `${at} has no function name: ${NAME} takes ${legacy ? `{"name": ..., "parameters": {...}}` : `{"type": "function", "function": {"name": ..., "parameters": {...}}}`}${ONCE}`, `openai-tools:name:${label}`);
        }
        else if (!FUNCTION_NAME.test(fn.name)) {
            ctx.emit("invalid-tool-call", `${at} declares the function ${shown(fn.name)}: ${NAME} takes function names of a-z, A-Z, 0-9, _ and - (at most 64 characters)${ONCE}`, `openai-tools:pattern:${fn.name}`);
        }
    });
}

;// CONCATENATED MODULE: ./src/engine/rules/profile-together.ts

const profile_together_NAME = "Together AI's files check";
const ROLES = ["system", "user", "assistant", "tool"];
const COLUMNS = { chatml: ["messages", "tools"], "preference-openai": ["input", "preferred_output", "non_preferred_output"] };
/** MAX_IMAGES_PER_EXAMPLE, MAX_IMAGE_BYTES (10 MiB) as base64 text with its header (MAX_BASE64_IMAGE_LENGTH). */
const MAX_IMAGES = 10;
const MAX_IMAGE_URL = "data:image/jpeg;base64,".length + Math.floor((4 * 10 * 1024 * 1024) / 3);
const DATA_IMAGE = /^data:image\/(jpeg|png|webp);base64,/;
function checkTogether(rec, format, ctx) {
    const columns = COLUMNS[format] ?? [];
    for (const k of Object.keys(rec)) {
        if (columns.includes(k))
            continue;
        const hint = k === "system" ? `; put the system prompt in "messages" as {"role": "system", "content": ...}` : "";
        ctx.emit("unsupported-key", `the record has the column '${k}', which ${profile_together_NAME} refuses ("Found extra column"): a ${format === "chatml" ? "conversational" : "preference"} record holds only ${columns.join(", ")}${hint}${ONCE}`, `together-key:${k}`);
    }
    let images = 0;
    for (const { label, items } of messageLists(rec, format)) {
        const msgs = messagesOf(label, items);
        let strings = 0;
        let lists = 0;
        for (const { m, w, role } of msgs) {
            if (!ROLES.includes(role)) {
                if (GENERIC_ROLES.includes(role))
                    ctx.emit("invalid-role", `${w}: '${role}' is not a role ${profile_together_NAME} takes (${ROLES.join(", ")})${ONCE}`, `together-role:${role}`);
                continue;
            }
            if (typeof m.content === "string")
                strings++;
            else if (Array.isArray(m.content)) {
                lists++;
                const n = profile_together_checkParts(m.content, w, role, ctx);
                images += n;
                if (n > 0 && m.weight !== undefined && m.weight !== 0)
                    ctx.emit("invalid-weight", `${w} holds an image and has "weight": ${shown(m.weight)}; ${profile_together_NAME} takes messages with images only with weight 0 (or none)`);
            }
        }
        if (strings > 0 && lists > 0) {
            ctx.emit("invalid-content-type", `"${label}" mixes string content (${strings} message${strings === 1 ? "" : "s"}) and lists of parts (${lists}); ${profile_together_NAME} takes one or the other in a conversation: write every content as a list of parts, or every one as a string`);
        }
        if (label === "messages" || label === "input.messages") {
            const first = msgs.find((x) => x.role !== "system");
            if (first && first.role !== "user" && ROLES.includes(first.role)) {
                ctx.emit("role-order", `${first.w} is the first message after the system prompt and is ${article(first.role)} '${first.role}' message; ${profile_together_NAME} takes conversations that start with a system or user message`);
            }
        }
        if (label === "input.messages" && msgs.length > 0 && msgs[msgs.length - 1].role === "assistant") {
            ctx.emit("role-order", `the prompt ("input.messages") ends with an assistant message; ${profile_together_NAME} takes a prompt that ends with the user's turn (the answers go in "preferred_output" and "non_preferred_output")`);
        }
        if (label === "preferred_output" || label === "non_preferred_output") {
            if (items.length > 1)
                ctx.emit("invalid-content-type", `"${label}" holds ${items.length} messages; ${profile_together_NAME} takes exactly one assistant message in it`); // none: empty-messages
            for (const { w, role } of msgs)
                if (role !== "assistant" && role !== "")
                    ctx.emit("invalid-role", `${w} is ${article(role)} '${role}' message; ${profile_together_NAME} takes one assistant message in "${label}"`);
        }
    }
    if (images > MAX_IMAGES)
        ctx.emit("invalid-content-part", `the example holds ${images} images; ${profile_together_NAME} takes at most ${MAX_IMAGES} per example`);
}
/** Where an image URL points, without its path, query or credentials (which may hold a token): "a URL on
 * https://example.com", "a data:image/gif URI". */
function profile_together_where(url) {
    const data = /^data:([\w/+.-]*)/.exec(url);
    if (data)
        return `a data:${data[1] || "…"} URI`;
    try {
        return `a URL on ${new URL(url).origin}`;
    }
    catch {
        return "a path or URL";
    }
}
/** Checks the parts of one message; returns its images. */
function profile_together_checkParts(parts, w, role, ctx) {
    let images = 0;
    parts.forEach((p, k) => {
        if (!profile_shared_isObject(p) || typeof p.type !== "string")
            return; // the generic checks report it
        const at = `${w}.content[${k}]`;
        if (p.type === "text") {
            if (typeof p.text !== "string" && typeof p.value === "string") {
                ctx.emit("invalid-content-part", `${at} is LLaMA-Factory's {"type": "text", "value": ...}; ${profile_together_NAME} takes {"type": "text", "text": ...}: rename "value" to "text"${ONCE}`, "together-part:value");
            }
            return;
        }
        if (p.type !== "image_url") {
            if (GENERIC_PART_TYPES.includes(p.type))
                ctx.emit("invalid-content-part", `${at} has type '${p.type}'; ${profile_together_NAME} takes only {"type": "text", "text": ...} and {"type": "image_url", "image_url": {"url": "data:image/png;base64,..."}} parts${ONCE}`, `together-part:${p.type}`);
            return;
        }
        images++;
        if (role !== "user")
            return; // the generic checks report images outside user messages
        const url = profile_shared_isObject(p.image_url) ? p.image_url.url : undefined;
        if (!profile_shared_isObject(p.image_url)) {
            ctx.emit("invalid-content-part", `${at} has "image_url" as ${typeof p.image_url === "string" ? "a string" : "something other than an object"}; ${profile_together_NAME} takes {"image_url": {"url": "data:image/png;base64,..."}}${ONCE}`, "together-part:image-url-shape");
        }
        else if (typeof url === "string" && url !== "") {
            if (!DATA_IMAGE.test(url)) {
                ctx.emit("invalid-content-part", `${at} gives the image as ${profile_together_where(url)}; ${profile_together_NAME} takes images only inline, as base64 JPEG, PNG or WebP data URIs (data:image/png;base64,...): download the image and embed it${ONCE}`, "together-part:url");
            }
            else if (url.length > MAX_IMAGE_URL) {
                ctx.emit("invalid-content-part", `${at} is an image of about ${((url.length * 3) / 4 / 1048576).toFixed(1)} MB; ${profile_together_NAME} takes images of at most 10 MB: scale it down`);
            }
        }
    });
    return images;
}

;// CONCATENATED MODULE: ./src/engine/rules/profile-mistral.ts

const profile_mistral_NAME = "mistral-finetune";
const profile_mistral_ROLES = ["system", "user", "assistant", "tool"];
const CALL_ID = /^[a-zA-Z0-9]{9}$/;
const NEXT = {
    system: ["user", "assistant", "system"],
    user: ["assistant", "system", "user"],
    assistant: ["assistant", "user", "tool"],
    tool: ["assistant", "tool"],
};
function checkMistral(rec, _format, ctx) {
    if (rec.tools !== undefined && rec.available_tools !== undefined) {
        ctx.emit("unsupported-key", `the record has both "tools" and "available_tools"; ${profile_mistral_NAME} takes one of them`);
    }
    profile_mistral_checkTools(rec.tools ?? rec.available_tools, rec.tools !== undefined ? "tools" : "available_tools", ctx);
    const msgs = messagesOf("messages", Array.isArray(rec.messages) ? rec.messages : []);
    let systems = 0;
    let prev = "";
    let pendingCalls = 0; // results still expected for the last assistant's calls (negative: more results than calls)
    let anyCall = false; // a tool result before any call is the generic unmatched-tool-call, not reported again here
    let caller = "";
    msgs.forEach(({ m, w, role }, i) => {
        if (!profile_mistral_ROLES.includes(role)) {
            if (GENERIC_ROLES.includes(role))
                ctx.emit("invalid-role", `${w}: '${role}' is not a role ${profile_mistral_NAME} takes (${profile_mistral_ROLES.join(", ")})${ONCE}`, `mistral-role:${role}`);
            prev = "";
            return;
        }
        if (Array.isArray(m.content)) {
            m.content.forEach((part, k) => {
                // mistral-common's text chunk is {"type": "text", "text": ...}
                if (profile_shared_isObject(part) && part.type === "text" && typeof part.text !== "string" && typeof part.value === "string") {
                    ctx.emit("invalid-content-part", `${w}.content[${k}] is LLaMA-Factory's {"type": "text", "value": ...}; ${profile_mistral_NAME} takes {"type": "text", "text": ...}: rename "value" to "text"${ONCE}`, "mistral-part:value");
                }
            });
        }
        if (role === "system" && ++systems === 2)
            ctx.emit("role-order", `${w} is a second system message; ${profile_mistral_NAME} takes one system prompt: merge them`);
        if (prev !== "" && !NEXT[prev].includes(role) && !(role === "tool" && !anyCall)) {
            ctx.emit("role-order", `${w} is ${role === "assistant" ? "an" : "a"} '${role}' message right after ${prev === "assistant" ? "an" : "a"} '${prev}' one; ${profile_mistral_NAME} takes after a '${prev}' message only ${NEXT[prev].map((r) => `'${r}'`).join(", ")}`);
        }
        const last = i === msgs.length - 1;
        if (role === "assistant") {
            if (pendingCalls > 0)
                ctx.emit("unmatched-tool-call", `${caller} makes tool calls whose results do not all come before ${w}; ${profile_mistral_NAME} takes one 'tool' message per call, right after the calls`);
            else if (pendingCalls < 0 && anyCall)
                ctx.emit("unmatched-tool-call", `${caller} is answered by more tool results than it makes calls before ${w}; ${profile_mistral_NAME} takes one 'tool' message per call`);
            const calls = Array.isArray(m.tool_calls) ? m.tool_calls : [];
            const text = typeof m.content === "string" ? m.content : m.content === undefined || m.content === null ? "" : "content";
            if ((text !== "") === (calls.length > 0)) {
                ctx.emit("invalid-content-type", calls.length > 0 ? `${w} has both content and tool_calls; ${profile_mistral_NAME} takes one of them in an assistant message: move the text to a message of its own` : `${w} has neither content nor tool_calls; ${profile_mistral_NAME} takes one of them`);
            }
            calls.forEach((c, j) => checkCall(c, `${w}.tool_calls[${j}]`, last, ctx));
            pendingCalls = calls.length;
            if (calls.length > 0)
                anyCall = true;
            caller = w;
        }
        else if (role === "tool") {
            pendingCalls--;
            const id = m.tool_call_id;
            if (id === undefined)
                ctx.emit("unmatched-tool-call", `${w} has no "tool_call_id"; ${profile_mistral_NAME} takes the id of the call it answers (9 letters or digits)`);
            // (an id of another type: the generic checks report it)
            else if (typeof id === "string" && !CALL_ID.test(id))
                ctx.emit("invalid-tool-call", `${w}.tool_call_id is ${shown(id)}; ${profile_mistral_NAME} takes call ids of exactly 9 letters or digits (e.g. "a1B2c3D4e")${ONCE}`, "mistral-call-id");
            if (typeof m.name === "string" && !FUNCTION_NAME.test(m.name))
                ctx.emit("invalid-tool-call", `${w}.name is ${shown(m.name)}; ${profile_mistral_NAME} takes function names of a-z, A-Z, 0-9, _ and - (at most 64 characters)`);
        }
        prev = role;
    });
    if (pendingCalls < 0 && anyCall)
        ctx.emit("unmatched-tool-call", `${caller} is answered by more tool results than it makes calls; ${profile_mistral_NAME} takes one 'tool' message per call`);
}
function checkCall(c, at, last, ctx) {
    if (!profile_shared_isObject(c))
        return; // the generic checks report it
    if (c.id === undefined)
        ctx.emit("invalid-tool-call", `${at} has no "id"; ${profile_mistral_NAME} takes an id of 9 letters or digits on every call (also used as the result's tool_call_id)`);
    else if (typeof c.id === "string" && !(CALL_ID.test(c.id) || (c.id === "null" && last))) {
        // an id of another type: the generic checks report it
        ctx.emit("invalid-tool-call", `${at}.id is ${shown(c.id)}; ${profile_mistral_NAME} takes call ids of exactly 9 letters or digits (e.g. "a1B2c3D4e")${ONCE}`, "mistral-call-id");
    }
    const fn = profile_shared_isObject(c.function) ? c.function : undefined;
    if (!fn)
        return; // the generic checks report it
    if (typeof fn.name === "string" && fn.name !== "" && !FUNCTION_NAME.test(fn.name))
        ctx.emit("invalid-tool-call", `${at} calls ${shown(fn.name)}; ${profile_mistral_NAME} takes function names of a-z, A-Z, 0-9, _ and - (at most 64 characters)`);
    if (fn.arguments === undefined)
        ctx.emit("invalid-tool-call", `${at}.function has no "arguments"; ${profile_mistral_NAME} takes them as a JSON string ("{}" when there are none)`);
    else if (typeof fn.arguments === "object" && fn.arguments !== null)
        ctx.emit("invalid-tool-call", `${at}.function.arguments is ${shown(fn.arguments)}; ${profile_mistral_NAME} takes them as a JSON string: serialise them with json.dumps${ONCE}`, "mistral-arguments");
}
function profile_mistral_checkTools(v, label, ctx) {
    if (typeof v === "string" && v.trim() !== "") {
        ctx.emit("invalid-tool-call", `"${label}" is a JSON string; ${profile_mistral_NAME} takes the list itself: store the parsed list [{"type": "function", "function": {...}}], not its JSON text${ONCE}`, "mistral-tools:string");
        return;
    }
    if (!Array.isArray(v))
        return;
    v.forEach((d, i) => {
        const at = `${label}[${i}]`;
        const fn = profile_shared_isObject(d) && profile_shared_isObject(d.function) ? d.function : undefined;
        if (!fn) {
            ctx.emit("invalid-tool-call", `${at} has no "function"; ${profile_mistral_NAME} takes {"type": "function", "function": {"name": ..., "description": ..., "parameters": {...}}}${ONCE}`, `mistral-tools:function:${label}`);
            return;
        }
        const missing = ["name", "description", "parameters"].filter((k) => fn[k] === undefined);
        if (missing.length)
            ctx.emit("invalid-tool-call", `${at}.function has no ${missing.map((k) => `"${k}"`).join(", ")}; ${profile_mistral_NAME} takes "name", "description" and "parameters" ({} when the function takes none)${ONCE}`, `mistral-tools:missing:${missing.join(",")}`);
        else if (!profile_shared_isObject(fn.parameters))
            ctx.emit("invalid-tool-call", `${at}.function.parameters is ${shown(fn.parameters)}; ${profile_mistral_NAME} takes an object (a JSON Schema; {} when the function takes none)${ONCE}`, "mistral-tools:parameters");
        if (typeof fn.name === "string" && !FUNCTION_NAME.test(fn.name))
            ctx.emit("invalid-tool-call", `${at} declares the function ${shown(fn.name)}; ${profile_mistral_NAME} takes function names of a-z, A-Z, 0-9, _ and - (at most 64 characters)${ONCE}`, `mistral-tools:pattern:${fn.name}`);
    });
}

;// CONCATENATED MODULE: ./src/engine/rules/profiles.ts




const MESSAGES = `{"messages": [{"role": "user", "content": ...}, {"role": "assistant", "content": ...}]}`;
const DPO = `{"input": {"messages": [<the prompt's messages>]}, "preferred_output": [{"role": "assistant", "content": <chosen>}], "non_preferred_output": [{"role": "assistant", "content": <rejected>}]}`;
const TARGETS = {
    openai: { name: "OpenAI's chat fine-tuning format", formats: ["chatml", "preference-openai"], check: checkOpenai, severities: {}, checksMessageKeys: true, weightsOnAnyRole: false },
    together: { name: "Together AI's files check", formats: ["chatml", "preference-openai"], check: checkTogether, severities: { "consecutive-same-role": "error" }, checksMessageKeys: false, weightsOnAnyRole: true },
    mistral: { name: "mistral-finetune", formats: ["chatml"], check: checkMistral, severities: { "last-not-assistant": "error" }, checksMessageKeys: false, weightsOnAnyRole: false },
};
function targetOf(profile) {
    return profile === "generic" ? undefined : TARGETS[profile];
}
/** The default severities a profile changes (under the config's `rules`). */
function profileSeverities(profile) {
    return targetOf(profile)?.severities ?? {};
}
/** How to rewrite a record of `format` for the target. */
function conversion(format, t) {
    const dpo = t.formats.includes("preference-openai");
    switch (format) {
        case "sharegpt":
            return `write each record as ${MESSAGES}: "from" human → "role": "user", gpt → "assistant", system → "system", "value" → "content" (function_call → an assistant message with "tool_calls", observation → a "tool" message)`;
        case "alpaca":
            return `write each record as ${MESSAGES}: instruction (and input, after a blank line) → the user's content, output → the assistant's, system → a leading system message, history → earlier turns`;
        case "preference-trl":
        case "preference-openai":
            return dpo
                ? `write each pair as ${DPO}`
                : `${t.name} trains on instruct data only: keep the chosen answers as ${MESSAGES}`;
        default:
            return `write each record as ${MESSAGES}`;
    }
}
/** The target's checks of one raw record in `format` (the format used to parse it). */
function checkProfile(rec, format, ctx) {
    const t = targetOf(ctx.profile);
    if (!t)
        return;
    if (!t.formats.includes(format)) {
        const takes = t.formats.map((f) => FORMAT_LABEL[f]).join(" and ");
        ctx.emit("unsupported-format", `the file is ${FORMAT_LABEL[format]}, which ${t.name} does not accept (profile: ${ctx.profile}); it takes ${takes}: ${conversion(format, t)} (reported once for the file: every record like this one is refused)`, `unsupported-format:${format}`);
        return;
    }
    t.check(rec, format, ctx);
}

;// CONCATENATED MODULE: ./src/engine/formats/chatml.ts







function parseChatml(rec, ctx) {
    const valid = validateChatml(rec);
    if (!valid) {
        // A target that checks message keys itself (profile: openai) reports each as unsupported-key: not twice.
        const keysChecked = targetOf(ctx.profile)?.checksMessageKeys === true;
        reportShapeErrors(rec, validateChatml.errors ?? [], (rule, message) => {
            if (rule === "unknown-key" && keysChecked)
                return;
            ctx.emit(rule, message, rule === "unknown-key" ? `uk:${message.replace(/^messages\[\d+\]/, "")}` : undefined);
        });
        if (!Array.isArray(rec.messages))
            return null;
        // Keep going with what is usable so conversation rules still see the record; but a broken shape is no input
        // for duplicate or diversity analysis.
        normaliseMessages(rec.messages, "messages", ctx);
        return null;
    }
    const messages = normaliseMessages(rec.messages, "messages", ctx);
    const system = topLevelSystem(rec.system);
    if (system !== undefined)
        messages.unshift({ role: "system", text: system, images: 0, toolCalls: 0 });
    if (typeof rec.tools === "string")
        checkToolsString(rec.tools, ctx);
    const hasTools = (Array.isArray(rec.tools) && rec.tools.length > 0) || (typeof rec.tools === "string" && rec.tools.trim() !== "");
    const conv = { messages, hasTools: hasTools || messages.some((m) => m.toolCalls > 0), category: categoryOf(rec, ctx) };
    const tools = recordToolsKey(rec);
    if (tools !== undefined)
        conv.tools = tools;
    const defs = toolDefinitions(rec.tools, rec.functions);
    if (defs)
        conv.toolDefs = defs;
    return conv;
}
/** A system prompt given beside the messages, as Amazon Bedrock's fine-tuning format writes it: "system": "..." or
 * "system": [{"text": "..."}]. The trainer reads it as the first message; undefined when absent or empty. */
function topLevelSystem(v) {
    let text = "";
    if (typeof v === "string")
        text = v;
    else if (Array.isArray(v)) {
        text = v
            .map((p) => (typeof p === "string" ? p : p && typeof p === "object" && typeof p.text === "string" ? p.text : ""))
            .filter((t) => t !== "")
            .join("\n");
    }
    return text.trim() === "" ? undefined : text;
}
/** `tools` serialised to a JSON string, as LLaMA-Factory and ms-swift write it (they parse it): fine when it holds an
 * array; the OpenAI API wants the array itself. */
function checkToolsString(tools, ctx) {
    if (ctx.profile === "openai") {
        ctx.emit("invalid-content-type", `"tools" is a JSON string; the openai profile requires the array itself: store the parsed list [{"type": "function", "function": {...}}], not its JSON text`);
        return;
    }
    if (tools.trim() === "")
        return;
    let parsed;
    try {
        parsed = JSON.parse(tools);
    }
    catch {
        parsed = undefined;
    }
    if (!Array.isArray(parsed)) {
        ctx.emit("invalid-content-type", `"tools" is a string that is not a JSON array of tool definitions: store the list [{"type": "function", "function": {...}}] itself (or its JSON text)`);
    }
}
/** Key of a record's `tools` and legacy `functions` definitions (also OpenAI preference `input`); undefined when none. */
function recordToolsKey(rec) {
    const tools = toolsKey(rec.tools);
    const functions = toolsKey(rec.functions);
    if (functions === undefined)
        return tools;
    return (tools ?? "") + "functions:" + functions;
}
/** Normalises an array of chat messages (also used by OpenAI preference records) and checks content and tools. */
function normaliseMessages(list, label, ctx) {
    const out = [];
    const callIds = new Set();
    let calls = 0;
    for (let i = 0; i < list.length; i++) {
        const raw = list[i];
        if (!raw || typeof raw !== "object" || Array.isArray(raw))
            continue;
        const m = raw;
        const w = `${label}[${i}]`;
        let role = typeof m.role === "string" ? m.role : "";
        // ms-swift's agent roles: "tool_call", an assistant turn whose content is the call's JSON text (as ShareGPT's
        // function_call: the text identifies the call), and "tool_response", the tool's answer. Not in the openai profile.
        let swiftCall = false;
        if (role === "tool_call" || role === "tool_response") {
            if (ctx.profile === "openai") {
                ctx.emit("invalid-role", `${w}: '${role}' is ms-swift's agent role; the openai profile takes ${role === "tool_call" ? "an assistant message with tool_calls" : "a 'tool' message with tool_call_id"}`);
                continue;
            }
            swiftCall = role === "tool_call";
            role = swiftCall ? "assistant" : "tool";
        }
        const toolCalls = Array.isArray(m.tool_calls) ? m.tool_calls : NO_CALLS;
        const hasCall = toolCalls.length > 0 || (m.function_call !== null && typeof m.function_call === "object");
        if (!("content" in m) && !hasCall && role) {
            ctx.emit("missing-content", `${w} (${role}) has no "content": add "content": "..."${role === "assistant" ? ' (or "tool_calls" for a tool call)' : ""}`);
        }
        else if (m.content === null && !hasCall && role && role !== "assistant") {
            ctx.emit("missing-content", `${w} (${role}) has "content": null: only an assistant message with tool_calls may have null content`);
        }
        else if (m.content === null && !hasCall && role === "assistant") {
            ctx.emit("missing-content", `${w} (assistant) has "content": null and no tool_calls: give it the answer text`);
        }
        const info = contentInfo(m.content);
        if (Array.isArray(m.content))
            chatml_checkParts(m.content, w, role, ctx);
        toolCalls.forEach((c, j) => checkToolCall(c, `${w}.tool_calls[${j}]`, ctx, callIds));
        calls += toolCalls.length + (swiftCall ? 1 : 0);
        if (role === "tool") {
            const id = m.tool_call_id;
            if (calls === 0)
                ctx.emit("unmatched-tool-call", `${w} is a tool result, but no earlier assistant message makes a tool call: add the assistant's tool_calls before it`);
            else if (typeof id === "string" && callIds.size > 0 && !callIds.has(id)) {
                ctx.emit("unmatched-tool-call", `${w}.tool_call_id '${id}' answers no earlier call (ids: ${[...callIds].slice(0, 5).join(", ")}): fix the id`);
            }
            else if (id === undefined && ctx.profile === "openai") {
                ctx.emit("unmatched-tool-call", `${w} has no "tool_call_id" (required by the openai profile): set it to the id of the call it answers`);
            }
        }
        let weight;
        if (m.weight !== undefined) {
            weight = m.weight;
            if (role !== "assistant" && targetOf(ctx.profile)?.weightsOnAnyRole !== true)
                ctx.emit("invalid-weight", `${w}.weight is set on a ${role} message; weight applies to assistant messages only: remove it`);
        }
        else if (typeof m.loss_weight === "number" && role === "assistant")
            weight = m.loss_weight > 0 ? 1 : 0;
        else if (typeof m.train === "boolean" && role === "assistant")
            weight = m.train ? 1 : 0; // Axolotl's per-message switch
        const msg = { role, text: info.text, images: info.images, toolCalls: toolCalls.length + (hasCall && toolCalls.length === 0 ? 1 : 0) + (swiftCall ? 1 : 0), weight };
        if (info.media)
            msg.media = info.media;
        if (info.imageParts)
            msg.imageParts = info.imageParts;
        if (typeof m.name === "string" && m.name !== "")
            msg.name = m.name;
        if (hasCall) {
            const keys = toolCalls.map(callKey);
            if (toolCalls.length === 0)
                keys.push(callKey(m.function_call));
            msg.calls = keys;
            const text = toolCalls.length > 0 ? toolCalls.flatMap(callText) : callText(m.function_call);
            if (text.length > 0)
                msg.callText = text;
        }
        else if ((role === "tool" || role === "function") && typeof m.name === "string")
            msg.calls = [resultKey(m.name)];
        out.push(msg);
    }
    return out;
}
const NO_CALLS = [];
function chatml_checkParts(parts, w, role, ctx) {
    parts.forEach((p, k) => {
        if (!p || typeof p !== "object")
            return; // schema already reported it
        const part = p;
        const at = `${w}.content[${k}]`;
        if (part.type === "text") {
            if (typeof part.text !== "string" && typeof part.value !== "string") {
                ctx.emit("invalid-content-part", `${at} is a text part without a string "text": use {"type": "text", "text": "..."}`);
            }
        }
        else if (part.type === "image_url") {
            const iu = part.image_url;
            const url = iu && typeof iu === "object" ? iu.url : iu;
            if (typeof url !== "string" || url === "") {
                ctx.emit("invalid-content-part", `${at} is an image_url part without a URL: use {"type": "image_url", "image_url": {"url": "https://..." or "data:image/png;base64,..."}}`);
            }
        }
        if ((part.type === "image_url" || part.type === "image" || part.type === "input_image") && role !== "user") {
            ctx.emit("invalid-content-part", `${at} is an image in ${/^[aeiou]/i.test(role) ? "an" : "a"} ${role} message; images belong in user messages`);
        }
    });
}
function checkToolCall(c, at, ctx, ids) {
    if (!c || typeof c !== "object")
        return;
    const call = c;
    const fn = call.function;
    if (typeof call.id === "string")
        ids.add(call.id);
    if (fn && typeof fn === "object" && typeof fn.arguments === "string") {
        try {
            JSON.parse(fn.arguments);
        }
        catch {
            ctx.emit("invalid-tool-call", `${at}.function.arguments is a string that is not valid JSON (${describe(fn.arguments)}): write the arguments as a JSON object serialised to a string`);
        }
    }
    if (ctx.profile === "openai") {
        // (an id that is not a string is the schema's finding)
        if (call.id === undefined)
            ctx.emit("invalid-tool-call", `${at} has no "id" (required by the openai profile): add "id": "call_1" and use it as tool_call_id in the tool result`);
        if (call.type !== "function")
            ctx.emit("invalid-tool-call", `${at} has no "type": "function" (required by the openai profile)`);
        if (fn && typeof fn === "object" && typeof fn.arguments !== "string") {
            ctx.emit("invalid-tool-call", `${at}.function.arguments is ${describe(fn.arguments)}; the openai profile requires a JSON string: serialise it with JSON.stringify`);
        }
    }
}

;// CONCATENATED MODULE: ./src/engine/formats/sharegpt.ts




const ROLE_MAP = {
    human: "user",
    user: "user",
    gpt: "assistant",
    assistant: "assistant",
    chatgpt: "assistant",
    bing: "assistant",
    bard: "assistant",
    model: "assistant",
    system: "system",
    tool: "tool",
    observation: "tool",
    function_call: "assistant",
    function: "tool",
};
const TURN_KEYS = new Set(["from", "value", "weight", "loss_weight", "role", "content", "name", "train", "train_detail"]);
function parseSharegpt(rec, ctx) {
    const conv = rec.conversations;
    if (conv === undefined) {
        ctx.emit("missing-messages", `the record has no "conversations" array (the file is ShareGPT): add "conversations": [{"from": "human", "value": ...}, {"from": "gpt", "value": ...}]`);
        return null;
    }
    if (!Array.isArray(conv)) {
        ctx.emit("messages-not-array", `"conversations" is ${describe(conv)}; it must be an array of turns`);
        return null;
    }
    if (conv.length === 0) {
        ctx.emit("empty-messages", `"conversations" is empty: a record needs at least a human and a gpt turn`);
        return null;
    }
    let ok = true;
    const messages = [];
    if (typeof rec.system === "string" && rec.system.trim() !== "")
        messages.push({ role: "system", text: rec.system, images: 0, toolCalls: 0 });
    conv.forEach((t, i) => {
        const w = `conversations[${i}]`;
        if (!t || typeof t !== "object" || Array.isArray(t)) {
            ctx.emit("message-not-object", `${w} is ${describe(t)}, not a turn like {"from": "human", "value": "..."}`);
            ok = false;
            return;
        }
        const turn = t;
        const from = turn.from ?? turn.role;
        const value = "value" in turn ? turn.value : turn.content;
        if (from === undefined) {
            ctx.emit("missing-role", `${w} has no "from": add "from": "human" | "gpt" | "system"`);
            ok = false;
            return;
        }
        const role = typeof from === "string" && Object.hasOwn(ROLE_MAP, from) ? ROLE_MAP[from] : undefined;
        if (!role) {
            const lower = typeof from === "string" ? from.toLowerCase() : "";
            const hint = Object.hasOwn(ROLE_MAP, lower) ? `roles are lowercase: did you mean '${lower}'?` : `allowed: human, gpt, system, function_call, observation (or user/assistant/tool)`;
            ctx.emit("invalid-role", `${w}.from is ${describe(from)}: ${hint}`);
            ok = false;
            return;
        }
        if (value === undefined) {
            ctx.emit("missing-content", `${w} (${String(from)}) has no "value": add the turn's text`);
            ok = false;
            return;
        }
        if (typeof value !== "string") {
            ctx.emit("invalid-content-type", `${w}.value is ${describe(value)}; it must be a string`);
            ok = false;
            return;
        }
        for (const k of Object.keys(turn)) {
            if (!TURN_KEYS.has(k))
                ctx.emit("unknown-key", `${w} has the key '${k}', which ShareGPT turns do not define: remove it or check its spelling`, `uk:${k}`);
        }
        let weight;
        if (turn.weight !== undefined) {
            if (turn.weight !== 0 && turn.weight !== 1)
                ctx.emit("invalid-weight", `${w}.weight is ${describe(turn.weight)}; it must be 0 or 1`);
            else
                weight = turn.weight;
        }
        // A function_call turn's value is the call itself (JSON text), so its text already identifies it; a tool result
        // may name its function.
        const msg = { role, text: value, images: 0, toolCalls: from === "function_call" ? 1 : 0, weight };
        if (role === "tool" && typeof turn.name === "string")
            msg.calls = [resultKey(turn.name)];
        if (typeof turn.name === "string" && turn.name !== "")
            msg.name = turn.name;
        messages.push(msg);
    });
    if (!ok)
        return null;
    const hasTools = (typeof rec.tools === "string" && rec.tools.trim() !== "") || (Array.isArray(rec.tools) && rec.tools.length > 0);
    const out = { messages, hasTools: hasTools || messages.some((m) => m.toolCalls > 0), category: categoryOf(rec, ctx) };
    const tools = toolsKey(rec.tools);
    if (tools !== undefined)
        out.tools = tools;
    const defs = toolDefinitions(rec.tools);
    if (defs)
        out.toolDefs = defs;
    return out;
}

;// CONCATENATED MODULE: ./src/engine/formats/alpaca.ts


const msg = (role, text) => ({ role, text, images: 0, toolCalls: 0 });
function parseAlpaca(rec, ctx) {
    let ok = true;
    const need = (key) => {
        const v = rec[key];
        if (v === undefined) {
            ctx.emit(key === "instruction" ? "missing-messages" : "missing-content", `the record has no "${key}" (the file is Alpaca: instruction, input, output)`);
            ok = false;
            return "";
        }
        if (typeof v !== "string") {
            ctx.emit("invalid-content-type", `"${key}" is ${describe(v)}; it must be a string`);
            ok = false;
            return "";
        }
        return v;
    };
    const instruction = need("instruction");
    const output = "output" in rec || !("response" in rec) ? need("output") : need("response");
    const prompt = alpacaPrompt(rec, instruction, ctx);
    if (!ok || !prompt)
        return null;
    return { messages: [...prompt, msg("assistant", output)], hasTools: false, category: categoryOf(rec, ctx) };
}
/** The prompt of an Alpaca record: `system`, the `history` pairs, then the instruction (and `input`) as the user
 * turn; null when `input` or `history` is broken (reported). Also the prompt of LLaMA-Factory's Alpaca preference
 * records ({"instruction", "input", "chosen", "rejected"}). */
function alpacaPrompt(rec, instruction, ctx) {
    const input = rec.input;
    if (input !== undefined && input !== null && typeof input !== "string") {
        ctx.emit("invalid-content-type", `"input" is ${describe(input)}; it must be a string (or empty)`);
        return null;
    }
    let ok = true;
    const messages = [];
    if (typeof rec.system === "string" && rec.system.trim() !== "")
        messages.push(msg("system", rec.system));
    if (Array.isArray(rec.history)) {
        rec.history.forEach((pair, i) => {
            if (Array.isArray(pair) && pair.length === 2 && typeof pair[0] === "string" && typeof pair[1] === "string") {
                messages.push(msg("user", pair[0]), msg("assistant", pair[1]));
            }
            else {
                ctx.emit("invalid-content-type", `history[${i}] is ${describe(pair)}; it must be a pair ["user text", "assistant text"]`);
                ok = false;
            }
        });
    }
    const user = typeof input === "string" && input.trim() !== "" ? `${instruction}\n\n${input}` : instruction;
    messages.push(msg("user", user));
    return ok ? messages : null;
}

;// CONCATENATED MODULE: ./src/engine/formats/preference.ts







function side(v, key, role, ctx) {
    if (v === undefined) {
        ctx.emit("missing-content", `the record has no "${key}" (the file is TRL preference data: prompt, chosen, rejected)`);
        return null;
    }
    if (typeof v === "string")
        return [{ role, text: v, images: 0, toolCalls: 0 }];
    if (v && typeof v === "object" && !Array.isArray(v) && key !== "prompt") {
        const turn = v;
        if ("from" in turn)
            return sharegptAnswer(turn, key, ctx);
        if ("role" in turn)
            v = [turn]; // one message written without its list
    }
    if (Array.isArray(v)) {
        if (v.length === 0) {
            ctx.emit("empty-messages", `"${key}" is an empty list of messages`);
            return null;
        }
        for (const [i, m] of v.entries()) {
            if (!m || typeof m !== "object" || Array.isArray(m)) {
                ctx.emit("message-not-object", `${key}[${i}] is ${describe(m)}; it must be a message {"role": ..., "content": ...}`);
                return null;
            }
            const role = m.role;
            if (role === undefined) {
                ctx.emit("missing-role", `${key}[${i}] has no "role": add "role": "user" | "assistant" | "system"`);
                return null;
            }
            if (typeof role !== "string" || !CHAT_ROLES.includes(role)) {
                ctx.emit("invalid-role", `${key}[${i}]: ${roleHint(role)}`);
                return null;
            }
            const content = m.content;
            if (content !== undefined && content !== null && typeof content !== "string" && !Array.isArray(content)) {
                ctx.emit("invalid-content-type", `${key}[${i}].content is ${describe(content)}; it must be a string, or an array of parts like [{"type": "text", "text": "..."}]`);
                return null;
            }
        }
        return normaliseMessages(v, key, ctx);
    }
    ctx.emit("invalid-content-type", `"${key}" is ${describe(v)}; it must be a string or a list of messages`);
    return null;
}
/** LLaMA-Factory's ShareGPT ranking answer: one turn {"from": "gpt", "value": "..."}. */
function sharegptAnswer(turn, key, ctx) {
    const from = turn.from;
    const value = turn.value;
    if (typeof from !== "string" || !Object.hasOwn(ROLE_MAP, from) || ROLE_MAP[from] !== "assistant") {
        ctx.emit("invalid-role", `${key}.from is ${describe(from)}: the answer is the model's turn, "gpt"`);
        return null;
    }
    if (value === undefined) {
        ctx.emit("missing-content", `${key} has no "value": add the answer's text`);
        return null;
    }
    if (typeof value !== "string") {
        ctx.emit("invalid-content-type", `${key}.value is ${describe(value)}; it must be a string`);
        return null;
    }
    return [{ role: "assistant", text: value, images: 0, toolCalls: from === "function_call" ? 1 : 0 }];
}
function sameAnswer(a, b) {
    return a.length === b.length && a.every((m, i) => m.role === b[i].role && m.text.trim() === b[i].text.trim());
}
/** The chosen side starts with the prompt's messages (same roles and text) and goes on to an answer. */
function repeatsPrompt(prompt, chosen) {
    return prompt.length > 0 && chosen.length > prompt.length && prompt.every((m, i) => m.role === chosen[i].role && m.text.trim() === chosen[i].text.trim());
}
function parsePreferenceTrl(rec, ctx) {
    let prompt = [];
    let shared = null; // the prompt of a ShareGPT ranking record, with its tools
    if ("prompt" in rec)
        prompt = side(rec.prompt, "prompt", "user", ctx);
    else if ("messages" in rec)
        prompt = side(rec.messages, "messages", "user", ctx); // LLaMA-Factory, OpenAI-style tags
    else if ("conversations" in rec)
        prompt = (shared = parseSharegpt(rec, ctx))?.messages ?? null;
    else if ("instruction" in rec) {
        if (typeof rec.instruction === "string")
            prompt = alpacaPrompt(rec, rec.instruction, ctx);
        else {
            ctx.emit("invalid-content-type", `"instruction" is ${describe(rec.instruction)}; it must be a string`);
            prompt = null;
        }
    }
    const chosen = side(rec.chosen, "chosen", "assistant", ctx);
    const rejected = side(rec.rejected, "rejected", "assistant", ctx);
    if (!prompt || !chosen || !rejected)
        return null;
    if (sameAnswer(chosen, rejected)) {
        ctx.emit("identical-preference", `"chosen" and "rejected" are the same answer: the pair teaches nothing; fix or drop it`);
    }
    // HuggingFaceH4/ultrafeedback_binarized and its kin: "chosen" and "rejected" hold the whole conversation, prompt
    // included, and "prompt" repeats its first turn(s); the prompt is not put in front of it a second time.
    const messages = repeatsPrompt(prompt, chosen) ? chosen : [...prompt, ...chosen];
    const conv = { messages, rejected, hasTools: shared?.hasTools ?? false, category: categoryOf(rec, ctx) };
    if (shared?.tools !== undefined)
        conv.tools = shared.tools;
    if (shared?.toolDefs !== undefined)
        conv.toolDefs = shared.toolDefs;
    // TRL's preference type with an implicit prompt, as text ({"chosen": "...", "rejected": "..."}, e.g. Anthropic's
    // hh-rlhf "\n\nHuman: ... \n\nAssistant: ..."): the prompt is inside the text, there are no user turns to find.
    if (prompt.length === 0 && typeof rec.chosen === "string")
        conv.implicitPrompt = true;
    return conv;
}
function parsePreferenceOpenai(rec, ctx) {
    const valid = validatePreferenceOpenai(rec);
    if (!valid) {
        reportShapeErrors(rec, validatePreferenceOpenai.errors ?? [], (rule, message) => ctx.emit(rule, message));
        return null;
    }
    const input = rec.input;
    const prompt = normaliseMessages(input.messages, "input.messages", ctx);
    const chosen = normaliseMessages(rec.preferred_output, "preferred_output", ctx);
    const rejected = normaliseMessages(rec.non_preferred_output, "non_preferred_output", ctx);
    if (sameAnswer(chosen, rejected)) {
        ctx.emit("identical-preference", `"preferred_output" and "non_preferred_output" are the same answer: the pair teaches nothing; fix or drop it`);
    }
    const hasTools = Array.isArray(input.tools) && input.tools.length > 0;
    const conv = { messages: [...prompt, ...chosen], rejected, hasTools, category: categoryOf(rec, ctx) };
    const tools = recordToolsKey(input);
    if (tools !== undefined)
        conv.tools = tools;
    const defs = toolDefinitions(input.tools, input.functions);
    if (defs)
        conv.toolDefs = defs;
    return conv;
}

;// CONCATENATED MODULE: ./src/engine/formats/parse.ts




const PARSERS = {
    chatml: parseChatml,
    sharegpt: parseSharegpt,
    alpaca: parseAlpaca,
    "preference-trl": parsePreferenceTrl,
    "preference-openai": parsePreferenceOpenai,
};
function parseRecord(rec, format, ctx) {
    return PARSERS[format](rec, ctx);
}

;// CONCATENATED MODULE: ./src/engine/rules/conversation.ts
const SPECIAL_TOKENS = /<\|(?:im_start|im_end|endoftext|eot_id|start_header_id|end_header_id|begin_of_text|end_of_text|eom_id|user|assistant|system|end)\|>|\[\/?INST\]|<<\/?SYS>>|<\/?start_of_turn>|<end_of_turn>|<\/s>/;
const PLACEHOLDER = /\{\{\s*[A-Za-z_][\w.]*\s*\}\}/;
const CODE = /```[\s\S]*?(?:```|$)|`[^`\n]*`/g;
/** Text that shows nothing: whitespace and format characters (Unicode Cf: zero-width spaces and joiners, the BOM,
 * soft hyphens), which String.trim() keeps. */
const INVISIBLE = /^[\s\p{Cf}]*$/u;
/** False when the text holds an unpaired surrogate (String.prototype.isWellFormed, Node 20+; one-byte strings are
 * answered at once). */
const isWellFormed = (s) => s.isWellFormed();
function loneSurrogateMessage(where, text) {
    let at = 0;
    for (let j = 0; j < text.length; j++) {
        const c = text.charCodeAt(j);
        if (c >= 0xd800 && c <= 0xdbff && j + 1 < text.length && (text.charCodeAt(j + 1) & 0xfc00) === 0xdc00)
            j++;
        else if ((c & 0xf800) === 0xd800) {
            at = j;
            break;
        }
    }
    const unit = "\\u" + text.charCodeAt(at).toString(16).padStart(4, "0");
    return `${where} holds the unpaired surrogate ${unit} at character ${at + 1}: it is half of a character (often a string cut in the middle of an emoji) and cannot be encoded as UTF-8, so tokenizing fails; write the whole character or remove the half`;
}
/** The checks of one message's text, for the conversation's messages and a preference record's rejected ones alike:
 * `lone-surrogate` and `empty-content` (`where` names the message, `fix` ends the empty-content message). */
function checkText(m, where, fix, emit) {
    if (!isWellFormed(m.text))
        emit("lone-surrogate", loneSurrogateMessage(where, m.text));
    if (m.toolCalls === 0 && m.images === 0 && m.role !== "tool" && INVISIBLE.test(m.text)) {
        const what = m.text.trim() === "" ? "empty content" : "no visible content (only zero-width or other invisible characters)";
        emit("empty-content", `${where} has ${what}: ${fix}`);
    }
}
/** `profile`: under "openai", consecutive user messages are fine (OpenAI's own vision examples put the text and the
 * image in two user messages in a row). */
function checkConversation(conv, emit, profile) {
    const userRuns = profile !== "openai";
    const ms = conv.messages;
    let assistants = 0;
    let trainable = 0;
    let users = 0;
    let started = false; // a message other than system came before this one
    for (let i = 0; i < ms.length; i++) {
        const m = ms[i];
        if (i > 0 && ms[i - 1].role !== "system")
            started = true;
        if (m.role === "assistant") {
            assistants++;
            if (m.weight !== 0)
                trainable++;
        }
        else if (m.role === "user")
            users++;
        if (m.role === "system" && started) {
            emit("system-not-first", `message ${i} is a system message after the conversation started: move it to the start (most chat templates only place a leading system prompt)`);
        }
        if (i > 0 && m.role === ms[i - 1].role && m.role !== "tool" && m.role !== "system" && !(m.role === "assistant" && ms[i - 1].toolCalls > 0) && (userRuns || m.role !== "user")) {
            emit("consecutive-same-role", `messages ${i - 1} and ${i} are both '${m.role}': merge them into one message, or add the missing turn between them`);
        }
        checkText(m, `message ${i} (${m.role})`, "fill it in or drop the message", emit);
        // Every control token starts with '<' or '[': most texts have neither, and indexOf is much cheaper than the regex.
        if (m.text.length > 0 && (m.text.indexOf("<") !== -1 || m.text.indexOf("[") !== -1)) {
            const tok = SPECIAL_TOKENS.exec(m.text);
            if (tok && !(tok[0] === "</s>" && /<s>/.test(m.text))) {
                emit("special-token", `message ${i} (${m.role}) contains the chat-template token '${tok[0]}': the trainer's template adds these; remove it from the text`);
            }
        }
        if (m.text.includes("{{")) {
            const prose = m.text.includes("`") ? m.text.replace(CODE, "") : m.text;
            const ph = PLACEHOLDER.exec(prose);
            if (ph)
                emit("template-placeholder", `message ${i} (${m.role}) contains the unfilled placeholder '${ph[0]}': fill in the template before training`);
        }
    }
    if (conv.rejected) {
        for (let i = 0; i < conv.rejected.length; i++) {
            const m = conv.rejected[i];
            checkText(m, `rejected message ${i} (${m.role})`, "a pair against an empty answer teaches little; fill it in or drop the pair", emit);
        }
    }
    if (assistants === 0) {
        emit("missing-assistant", `the conversation has no assistant message, so there is nothing to learn: add the assistant's answer`);
    }
    else if (trainable === 0) {
        emit("no-trainable-assistant", `every assistant message has weight 0 (or "train": false), so nothing is trained: set "weight": 1 (or "train": true) on at least one`);
    }
    if (users === 0 && ms.length > 0 && !conv.implicitPrompt) {
        emit("missing-user", `the conversation has no user message: most chat templates expect a user turn before the answer`);
    }
    const last = ms[ms.length - 1];
    if (assistants > 0 && last && last.role !== "assistant") {
        emit("last-not-assistant", `the conversation ends with a '${last.role}' message, which is not trained on: end with the assistant's answer or drop the trailing message`);
    }
}

;// CONCATENATED MODULE: ./src/engine/file-check.ts
// One pass over one file: read lines → parse JSON → detect format → normalise → rules → analysis hook.
// Findings are capped per file (maxFindings); counts are always complete.









class FindingSink {
    severities;
    max;
    findings = [];
    counts = {};
    errors = 0;
    warnings = 0;
    once = new Set();
    onceHits = [];
    constructor(severities, max) {
        this.severities = severities;
        this.max = max;
    }
    severityOf(rule) {
        return this.severities[rule] ?? RULE_BY_ID.get(rule)?.severity ?? "error";
    }
    /** Records a finding; returns its effective severity (or "off"). */
    add(rule, line, message, onceKey) {
        const severity = this.severityOf(rule);
        if (severity === "off")
            return "off";
        if (onceKey !== undefined) {
            if (this.once.has(onceKey))
                return "off";
            this.once.add(onceKey);
            this.onceHits.push({ key: onceKey, rule, severity, index: this.findings.length < this.max ? this.findings.length : -1 });
        }
        this.push({ rule, severity, line, message });
        return severity;
    }
    state() {
        return { findings: this.findings, counts: this.counts, errors: this.errors, warnings: this.warnings, once: this.onceHits };
    }
    /** Adds a later chunk's findings: lines shifted by `lineOffset`, once-per-file findings seen before dropped, the
     * list still capped. `later` (the chunk's analysis findings, at lines of the same chunk) are merged in by line, so
     * the capped list holds the file's first findings by line, whatever the chunk boundaries. */
    absorb(st, lineOffset, later = []) {
        const dropped = new Set();
        for (const o of st.once) {
            if (!this.once.has(o.key)) {
                this.once.add(o.key);
                continue;
            }
            if (o.index >= 0)
                dropped.add(o.index);
            st.counts[o.rule]--;
            if (o.severity === "error")
                st.errors--;
            else
                st.warnings--;
        }
        for (const [rule, n] of Object.entries(st.counts))
            if (n > 0)
                this.counts[rule] = (this.counts[rule] ?? 0) + n;
        this.errors += st.errors;
        this.warnings += st.warnings;
        const extra = byLine(later);
        let k = 0;
        st.findings.forEach((f, i) => {
            if (dropped.has(i))
                return;
            const line = f.line + lineOffset;
            while (k < extra.length && extra[k].line < line)
                this.addFinding(extra[k++]);
            if (this.findings.length < this.max)
                this.findings.push({ ...f, line });
        });
        while (k < extra.length)
            this.addFinding(extra[k++]);
    }
    /** Adds a finding made elsewhere (analysis), applying the configured severity. */
    addFinding(f) {
        this.add(f.rule, f.line, f.message);
    }
    push(f) {
        this.counts[f.rule] = (this.counts[f.rule] ?? 0) + 1;
        if (f.severity === "error")
            this.errors++;
        else
            this.warnings++;
        if (this.findings.length < this.max)
            this.findings.push(f);
    }
    /** Removes every finding of the given rules (used when a file turns out not to be JSON Lines at all). */
    drop(rules) {
        for (const r of rules) {
            const n = this.counts[r] ?? 0;
            if (!n)
                continue;
            if (this.severityOf(r) === "error")
                this.errors -= n;
            else
                this.warnings -= n;
            delete this.counts[r];
        }
        const keep = this.findings.filter((f) => !rules.includes(f.rule));
        this.findings.length = 0;
        this.findings.push(...keep);
    }
}
/** Adds a finding made after the file's pass (near duplicates, leakage) to its report, keeping counts complete,
 * the list capped and ordered by line. */
function appendFindings(file, found, severities, max) {
    if (!found.length)
        return;
    const added = [];
    for (const f of found) {
        const sev = severities[f.rule] ?? RULE_BY_ID.get(f.rule)?.severity ?? f.severity;
        if (sev === "off")
            continue;
        file.findingCounts[f.rule] = (file.findingCounts[f.rule] ?? 0) + 1;
        if (sev === "error")
            file.errors++;
        else
            file.warnings++;
        added.push({ ...f, severity: sev });
    }
    // The list keeps the first findings by line (a later finding at an earlier line takes the place of the last one).
    const listed = file.findings;
    const merged = [];
    let i = 0;
    let k = 0;
    const extra = byLine(added);
    while (merged.length < max && (i < listed.length || k < extra.length)) {
        merged.push(k >= extra.length || (i < listed.length && listed[i].line <= extra[k].line) ? listed[i++] : extra[k++]);
    }
    file.findings = merged;
    file.findingsTruncated = file.findings.length < file.errors + file.warnings;
}
/** The findings ordered by line; findings at the same line keep their order. */
function byLine(found) {
    return found.length < 2 ? found : found.slice().sort((a, b) => a.line - b.line);
}
function jsonErrorMessage(e, text) {
    const msg = e instanceof Error ? e.message : String(e);
    const pos = /position (\d+)/.exec(msg);
    const where = pos ? ` at column ${Number(pos[1]) + 1}` : /Unexpected end/.test(msg) ? ` at column ${text.length + 1} (end of line)` : "";
    const trimmed = text.trimEnd();
    let hint = "fix the syntax, or drop the line";
    // A record, a bare CR, then another record: the file ends its lines with CR alone (classic Mac), which JSON Lines
    // does not allow, so the whole file reads as one line.
    const cr = text.indexOf("\r");
    if (text.charCodeAt(0) === 0xfeff)
        hint = "the line starts with an invisible byte-order mark (U+FEFF, bytes EF BB BF), often from joining files saved with a BOM: remove it (e.g. sed 's/^\\xEF\\xBB\\xBF//')";
    else if (cr >= 0 && cr < text.length - 1 && /^\s*[{[]/.test(text.slice(cr + 1)))
        hint = "the line holds several records separated by a bare CR (\\r): end lines with \\n (e.g. tr '\\r' '\\n' < in.jsonl > out.jsonl)";
    else if (/Bad control character/.test(msg) && pos)
        hint = controlCharacterHint(text.charCodeAt(Number(pos[1])));
    else if (/Unexpected end|Unterminated/.test(msg))
        hint = "the line ends early: the record is truncated or split over several lines";
    else if (/^\s*\{?\s*'/.test(trimmed) || /'\s*:/.test(trimmed))
        hint = "JSON needs double quotes around keys and strings";
    else if (/,\s*[}\]]\s*$/.test(trimmed))
        hint = "remove the trailing comma";
    const short = msg.replace(/^(SyntaxError: )?/, "").replace("\ufeff", "\\uFEFF").replace(/ in JSON at position \d+.*$/s, "").replace(/, "[\s\S]*$/, "");
    return `invalid JSON${where}: ${short}; ${hint}`;
}
const CONTROL_ESCAPES = { 8: "\\b", 9: "\\t", 10: "\\n", 12: "\\f", 13: "\\r" };
/** A raw control character inside a string (a tab pasted into an answer, a NUL byte): JSON.parse says only 'Bad
 * control character in string literal'; name the character and its escape. */
function controlCharacterHint(code) {
    const hex = code.toString(16).toUpperCase().padStart(4, "0");
    const esc = CONTROL_ESCAPES[code] ?? `\\u${hex.toLowerCase()}`;
    const name = code === 9 ? "a tab, " : code === 0 ? "a NUL byte, " : "";
    return `a string holds a raw control character (${name}U+${hex}), which JSON allows only escaped, as ${esc}: write the file with a JSON encoder (json.dumps, JSON.stringify) instead of pasting text into it`;
}
/** What the start of a file says before its lines are read: a Git LFS pointer, a JSON array, UTF-16, or a read
 * error end the file's check with one finding (returned as its report); JSON Lines returns the format of the first
 * record in the head (so every chunk of the file knows it). */
async function checkFileHead(path, display, severities, maxFindings) {
    const sink = new FindingSink(severities, maxFindings);
    const done = (format = "unknown") => ({ report: fileReport(display, format, 0, 0, 0, sink.state()) });
    let head;
    try {
        head = await readHead(path, HEAD_BYTES);
    }
    catch (e) {
        sink.add("read-error", 1, `cannot read the file: ${e.message}`);
        return done();
    }
    const kind = sniff(head);
    if (kind.kind === "lfs-pointer") {
        const size = kind.size ? ` (the real file is ${(kind.size / 1e6).toFixed(1)} MB)` : "";
        sink.add("lfs-pointer", 1, `this is a Git LFS pointer, not the data${size}: check out with \`lfs: true\` (actions/checkout) or run \`git lfs pull\``);
        return done();
    }
    if (kind.kind === "utf16") {
        const why = kind.bom ? `it starts with a ${kind.encoding.slice(0, 6)} byte-order mark` : "no byte-order mark";
        const q = shellQuote(display);
        const out = shellQuote(display.replace(/\.gz$/i, "") + ".utf8" + (isGzipPath(display) ? ".gz" : ""));
        // with a byte-order mark, iconv's UTF-16 / UTF-32 read it and drop it (UTF-16LE would keep it as U+FEFF)
        const from = kind.bom ? kind.encoding.slice(0, 6) : kind.encoding;
        const cmd = isGzipPath(display) ? `gunzip -c ${q} | iconv -f ${from} -t UTF-8 | gzip > ${out}` : `iconv -f ${from} -t UTF-8 ${q} > ${out}`;
        sink.add("invalid-utf8", 1, `the file is ${kind.encoding} (${why}), not UTF-8: convert it with \`${cmd}\``);
        return done();
    }
    if (kind.kind === "gzip") {
        sink.add("not-jsonl", 1, `the file is gzip-compressed but its name does not end in .gz: rename it to ${display}.gz (it is then read as gzip) or decompress it`);
        return done();
    }
    if (kind.kind === "json-array") {
        const described = await describeJsonArray(path);
        sink.add("not-jsonl", 1, `the file is a JSON array${described.text}, not JSON Lines (one record per line): convert it with \`jq -c '.[]' ${shellQuote(display)} > ${shellQuote(display.replace(/\.(jsonl|json)(\.gz)?$/i, "") + ".converted.jsonl")}\``);
        return done(described.format ?? "unknown");
    }
    let format = headFormat(head);
    if (format === null && head.length === HEAD_BYTES) {
        // No complete record of a known format in the first 64 KiB (a long first line): look further, so that every chunk
        // of the file still knows the format its first record sets. A file still undecided is not cut into chunks.
        try {
            head = await readHead(path, LONG_HEAD_BYTES);
        }
        catch {
            // read again by the pass, which reports it
        }
        format = headFormat(head);
        if (format === null && head.length === LONG_HEAD_BYTES)
            return { format, whole: true };
    }
    return { format };
}
const HEAD_BYTES = 64 * 1024;
const LONG_HEAD_BYTES = 16 * 1024 * 1024;
/** A path as a POSIX shell word (quoted when it holds anything but letters, digits and ./_-+@:,). */
function shellQuote(path) {
    return /^[\w./+@:,-]+$/.test(path) ? path : `'${path.replace(/'/g, "'\\''")}'`;
}
/** Format of the first record with a known format among the complete lines of the head. */
function headFormat(head) {
    let pos = head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
    for (;;) {
        const nl = head.indexOf(0x0a, pos);
        if (nl === -1)
            return null;
        try {
            const rec = JSON.parse(head.toString("utf8", pos, nl));
            if (rec && typeof rec === "object" && !Array.isArray(rec)) {
                const f = detectFormat(rec);
                if (f)
                    return f;
            }
        }
        catch {
            // not a record: look further
        }
        pos = nl + 1;
    }
}
function fileReport(display, format, records, validRecords, bytes, st) {
    return {
        path: display,
        format,
        records,
        validRecords,
        bytes,
        errors: st.errors,
        warnings: st.warnings,
        findings: st.findings,
        findingCounts: st.counts,
        findingsTruncated: st.findings.length < st.errors + st.warnings,
    };
}
/** One pass over a file or one chunk of it: read lines → parse JSON → format → normalise → rules → analysis hook. */
async function scanFile(opts) {
    const sink = new FindingSink(opts.severities, opts.maxFindings);
    let format = opts.format ?? null;
    let firstFormat = null;
    let records = 0;
    let valid = 0;
    let bytes = 0;
    let lines;
    let nonBlank = 0;
    let invalidJson = 0;
    let fragments = 0;
    let firstNonBlank = -1;
    let firstInvalid = false;
    let readError = false;
    let recordHasError = false;
    let recordMissingContent = false;
    let line = 0;
    const ctx = {
        profile: opts.profile,
        categoryField: opts.categoryField,
        emit(rule, message, onceKey) {
            if (rule === "missing-content")
                recordMissingContent = true;
            // Content that is missing is not also "empty".
            else if (rule === "empty-content" && recordMissingContent)
                return;
            // A finding reported once per file still makes each later record with the problem invalid.
            const severity = sink.add(rule, line, message, onceKey);
            if (severity === "error" || (onceKey !== undefined && sink.severityOf(rule) === "error"))
                recordHasError = true;
        },
    };
    const loc = { file: opts.fileIndex, line: 0, offset: 0, length: 0 };
    const onLine = (buf, start, end, lineNo, offset) => {
        line = lineNo;
        recordHasError = false;
        recordMissingContent = false;
        // Blank line? (fast path: records start with '{')
        let p = start;
        while (p < end && (buf[p] === 0x20 || buf[p] === 0x09 || buf[p] === 0x0d))
            p++;
        if (p === end) {
            sink.add("empty-line", line, end === start ? "blank line: remove it (some loaders stop or fail on it)" : "whitespace-only line: remove it");
            return;
        }
        nonBlank++;
        records++;
        if (firstNonBlank < 0)
            firstNonBlank = lineNo;
        const text = buf.toString("utf8", start, end);
        if (text.includes("\uFFFD") && !(0,external_node_buffer_namespaceObject.isUtf8)(buf.subarray(start, end))) {
            const bad = firstInvalidByte(buf.subarray(start, end));
            sink.add("invalid-utf8", line, `the line has bytes that are not valid UTF-8 (first at byte ${bad + 1}): re-encode the file as UTF-8 (e.g. iconv -f latin1 -t utf-8)`);
            return;
        }
        let rec;
        try {
            rec = JSON.parse(text);
        }
        catch (e) {
            invalidJson++;
            if (lineNo === firstNonBlank)
                firstInvalid = true;
            if (looksLikeJsonFragment(text))
                fragments++;
            sink.add("invalid-json", line, jsonErrorMessage(e, text));
            return;
        }
        if (rec === null || typeof rec !== "object" || Array.isArray(rec)) {
            const what = Array.isArray(rec) ? "an array" : rec === null ? "null" : `a ${typeof rec}`;
            sink.add("not-an-object", line, `the line is ${what}, not a JSON object: each line must be one record like {"messages": [...]}`);
            return;
        }
        const obj = rec;
        const detected = detectFormat(obj);
        let use = format;
        if (detected) {
            if (!firstFormat)
                firstFormat = detected;
            if (!format)
                format = use = detected;
            else if (detected !== format && !opts.forced) {
                sink.add("mixed-format", line, `this record is ${FORMAT_LABEL[detected]} but the file started as ${FORMAT_LABEL[format]}: keep one format per file (or set format: in the config)`, "mixed-format");
                use = detected;
                recordHasError = recordHasError || sink.severityOf("mixed-format") === "error";
            }
        }
        // A file in a known format the gate does not check (its head held no chat record, and the config sets none):
        // one finding that names the format, not the same error on every line. Its records stay invalid.
        if (!detected && !opts.format) {
            const other = detectOtherFormat(obj);
            if (other) {
                ctx.emit("missing-messages", `the file is ${other.label}, which this gate does not check: it reads ${SUPPORTED_FORMATS}; ${other.fix} (reported once for the file: every record like this one is invalid)`, `other-format:${other.id}`);
                return;
            }
        }
        // A record in another format than its file's is mixed-format already: the target's checks are for the file's.
        if (use === format)
            checkProfile(obj, use ?? "chatml", ctx);
        const conv = PARSERS[use ?? "chatml"](obj, ctx);
        // A record whose shape problems are only warnings (e.g. an unknown key) is valid, though not analysed.
        if (!conv) {
            if (!recordHasError)
                valid++;
            return;
        }
        checkConversation(conv, (rule, message) => ctx.emit(rule, message), ctx.profile);
        if (recordHasError)
            return;
        valid++;
        if (!opts.onRecord)
            return;
        loc.line = lineNo;
        loc.offset = offset;
        loc.length = end - start;
        const extra = opts.onRecord(conv, loc);
        if (extra)
            for (const f of extra)
                sink.addFinding(f);
    };
    try {
        const stats = await readLines(opts.path, {
            line: onLine,
            tooLong(lineNo, _offset, n) {
                records++;
                nonBlank++;
                sink.add("line-too-long", lineNo, `the line is ${(n / 1048576).toFixed(0)} MiB, over the reader's limit of ${MAX_LINE_BYTES / 1048576} MiB: split the record or drop it`);
            },
        }, opts.range ?? undefined);
        bytes = stats.bytes;
        lines = stats.lines;
    }
    catch (e) {
        const err = e;
        const what = isGzipPath(opts.path) && /header|gzip|unexpected end|incorrect/i.test(err.message) ? "the gzip data is corrupt or truncated" : err.message;
        sink.add("read-error", Math.max(1, line), `cannot read past line ${line}: ${what}`);
        readError = true;
        lines = line;
    }
    return { lines, bytes, records, valid, nonBlank, invalidJson, fragments, firstInvalid, format: opts.format ? null : firstFormat, readError, sink: sink.state() };
}
/** After every chunk of a file: the file-level verdicts that need the whole file (empty, pretty-printed JSON). */
function finishFile(display, format, s, sink) {
    let records = s.records;
    let valid = s.valid;
    if (s.nonBlank === 0 && !s.readError) {
        sink.drop(["empty-line"]);
        sink.add("empty-file", 1, "the file holds no records: add data or remove the file");
    }
    else if (s.invalidJson > 0 && s.firstInvalid && s.invalidJson * 2 >= s.nonBlank && s.fragments * 2 >= s.invalidJson) {
        sink.drop(["invalid-json", "empty-line", "not-an-object"]);
        sink.add("not-jsonl", 1, `the file is pretty-printed JSON (records split over lines; ${s.invalidJson} of ${s.nonBlank} lines are not JSON by themselves), not JSON Lines: write one record per line, e.g. \`jq -c . ${shellQuote(display)}\` or \`jq -c '.[]'\` for an array`);
        records = 0;
        valid = 0;
    }
    const st = sink.state();
    st.findings.sort((a, b) => a.line - b.line);
    return fileReport(display, format ?? "unknown", records, valid, s.bytes, st);
}
/** Index of the first byte that breaks UTF-8 (only called on lines known to be invalid). */
function firstInvalidByte(b) {
    let i = 0;
    while (i < b.length) {
        const c = b[i];
        const n = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
        if (n < 0)
            return i;
        for (let k = 1; k <= n; k++)
            if (i + k >= b.length || (b[i + k] & 0xc0) !== 0x80)
                return i;
        if (n > 0 && !(0,external_node_buffer_namespaceObject.isUtf8)(b.subarray(i, i + n + 1)))
            return i;
        i += n + 1;
    }
    return 0;
}
async function describeJsonArray(path) {
    try {
        if (isGzipPath(path) || (await (0,promises_.stat)(path)).size > 64 * 1024 * 1024)
            return { text: "" };
        const data = JSON.parse(await (0,promises_.readFile)(path, "utf8"));
        if (!Array.isArray(data))
            return { text: "" };
        const first = data.find((x) => x && typeof x === "object" && !Array.isArray(x));
        const f = first ? detectFormat(first) : null;
        return { text: ` of ${data.length} ${f ? FORMAT_LABEL[f] + " " : ""}records`, format: f ?? undefined };
    }
    catch {
        return { text: "" };
    }
}

;// CONCATENATED MODULE: ./src/engine/deltas.ts
/* eslint-disable @typescript-eslint/no-explicit-any */
const deltas_at = (r, path) => {
    let v = r;
    for (const k of path.split("."))
        v = v?.[k];
    return typeof v === "number" && Number.isFinite(v) ? v : null;
};
/* eslint-enable @typescript-eslint/no-explicit-any */
/** Figures compared, in display order: [label, path in the report]. */
const DELTA_METRICS = [
    ["records", "summary.records"],
    ["errors", "summary.errors"],
    ["warnings", "summary.warnings"],
    ["exact-duplicate rate", "duplicates.exact.rate"],
    ["near-duplicate rate", "duplicates.near.rate"],
    ["distinct-2", "diversity.distinct2.ratio"],
    ["windowed distinct-2", "diversity.windowedDistinct2.mean"],
    ["compression ratio", "diversity.compression.ratio"],
    ["top opening share", "diversity.openings.topShare"],
    ["boilerplate share", "diversity.boilerplate.share"],
    ["single-turn share", "diversity.turnBalance.singleTurnShare"],
    ["tokens (total)", "tokens.total"],
    ["tokens (p95)", "tokens.p95"],
];
function compareReports(base, head) {
    return DELTA_METRICS.map(([metric, path]) => ({ metric, base: deltas_at(base, path), head: deltas_at(head, path) })).filter((d) => d.base !== null || d.head !== null);
}
/** How much windowed distinct-2 fell from base to head (positive = less diverse); null when not comparable. */
function diversityDrop(deltas) {
    const d = deltas.find((x) => x.metric === "windowed distinct-2");
    return d && d.base !== null && d.head !== null ? Math.round((d.base - d.head) * 10000) / 10000 : null;
}

;// CONCATENATED MODULE: ./src/engine/gate.ts
// The gate: thresholds → checks (name, limit, actual, passed) → verdict. `fail-on` alone turns the verdict into
// pass/fail: error = fail-level checks decide; warning = warn-level checks and warning findings too; never = always pass.


/* eslint-disable @typescript-eslint/no-explicit-any */
const get = (o, path) => {
    let v = o;
    for (const k of path.split("."))
        v = v?.[k];
    return typeof v === "number" ? v : undefined;
};
/* eslint-enable @typescript-eslint/no-explicit-any */
/** Where each threshold's actual value comes from in the report. */
/** Below this many answers, the share-of-answers checks (openings, boilerplate) are not evaluated: a handful of
 * records cannot show a pattern, and a gate must not raise false alarms on tiny sets. */
const MIN_ANSWERS_FOR_SHARES = 20;
const answers = (r) => get(r, "diversity.openings.answers") ?? 0;
const ifEnough = (r, v) => (answers(r) >= MIN_ANSWERS_FOR_SHARES ? v : undefined);
/** Where each threshold's actual value comes from in the report. */
const METRICS = {
    "max-errors": (r) => r.summary.errors,
    "max-warnings": (r) => r.summary.warnings,
    "max-duplicate-rate": (r) => get(r, "duplicates.exact.rate"),
    "max-near-duplicate-rate": (r) => get(r, "duplicates.near.rate"),
    "max-leakage": (r) => (Array.isArray(r.leakage) ? r.leakage.reduce((s, l) => s + l.exact + l.near, 0) : undefined),
    "min-examples": (r) => r.summary.validRecords,
    "max-too-long": (r) => (get(r, "tokens.limit") === undefined ? undefined : get(r, "tokens.tooLong")),
    "min-windowed-distinct-2": (r) => (get(r, "diversity.windowedDistinct2.windows") ? get(r, "diversity.windowedDistinct2.mean") : undefined),
    // no assistant text: nothing was compressed, so no ratio (the reports show "–"), not a passing 0
    "max-compression-ratio": (r) => (get(r, "diversity.compression.totalBytes") ? get(r, "diversity.compression.ratio") : undefined),
    "max-opening-share": (r) => ifEnough(r, get(r, "diversity.openings.topShare")),
    "max-boilerplate-share": (r) => ifEnough(r, get(r, "diversity.boilerplate.share")),
    "min-length-uniqueness": (r) => (get(r, "diversity.lengthUniqueness.assistantMessages") ? get(r, "diversity.lengthUniqueness.share") : undefined),
    "max-diversity-drop": (r) => (r.deltas ? diversityDrop(r.deltas) : undefined),
};
const singleTurnShare = (r) => get(r, "diversity.turnBalance.singleTurnShare");
/** Per-file figures, for thresholds set in `overrides` for some files. */
const FILE_METRICS = {
    "max-errors": (fs) => fs.reduce((s, f) => s + f.errors, 0),
    "max-warnings": (fs) => fs.reduce((s, f) => s + f.warnings, 0),
    "min-examples": (fs) => fs.reduce((s, f) => s + f.validRecords, 0),
    "max-duplicate-rate": (fs) => rate(fs, (f) => f.stats?.exactDuplicates),
    "max-near-duplicate-rate": (fs) => rate(fs, (f) => f.stats?.nearDuplicates),
    "max-too-long": (fs) => fs.reduce((s, f) => s + (f.findingCounts["too-long"] ?? 0), 0),
};
function rate(fs, n) {
    const records = fs.reduce((s, f) => s + f.records, 0);
    if (!records || fs.some((f) => n(f) === undefined))
        return undefined;
    return fs.reduce((s, f) => s + (n(f) ?? 0), 0) / records;
}
const round = (x) => Math.round(x * 10000) / 10000;
function limitChecks(name, limit, actual, out) {
    if (actual === undefined || actual === null)
        return; // the metric was not computed (e.g. no token limit set)
    const isMin = name.startsWith("min-");
    const ok = (l) => (isMin ? actual >= l : actual <= l);
    const a = round(actual);
    if (limit.fail !== undefined)
        out.push({ name, limit: limit.fail, actual: a, passed: ok(limit.fail), level: "fail" });
    if (limit.warn !== undefined && (limit.fail === undefined || ok(limit.fail))) {
        out.push({ name, limit: limit.warn, actual: a, passed: ok(limit.warn), level: "warn" });
    }
}
function rangeCheck(name, range, actual, out) {
    if (actual === undefined || actual === null)
        return;
    const passed = (range.min === undefined || actual >= range.min) && (range.max === undefined || actual <= range.max);
    out.push({ name, limit: `${range.min ?? "-∞"}–${range.max ?? "∞"}`, actual: round(actual), passed, level: range.level });
}
function evaluateGate(report, config) {
    const checks = [];
    const t = config.thresholds;
    for (const [name, getter] of Object.entries(METRICS)) {
        const limit = t[name];
        if (limit)
            limitChecks(name, limit, getter(report), checks);
    }
    if (t["single-turn-share"])
        rangeCheck("single-turn-share", t["single-turn-share"], singleTurnShare(report), checks);
    for (const o of config.overrides) {
        const isMatch = overrideMatcher(o.files);
        const files = report.files.filter((f) => isMatch(f.path));
        if (!files.length)
            continue;
        for (const [name, limit] of Object.entries(o.thresholds)) {
            const metric = FILE_METRICS[name];
            if (!metric || !limit || name === "single-turn-share")
                continue;
            const sub = [];
            limitChecks(name, limit, metric(files), sub);
            for (const c of sub)
                checks.push({ ...c, name: `${name} (${o.files.join(", ")})` });
        }
    }
    return { passed: verdict(checks, report.summary.warnings, config.failOn), failOn: config.failOn, checks };
}
function verdict(checks, warnings, failOn) {
    if (failOn === "never")
        return true;
    if (checks.some((c) => !c.passed && c.level === "fail"))
        return false;
    if (failOn === "warning" && (warnings > 0 || checks.some((c) => !c.passed)))
        return false;
    return true;
}

;// CONCATENATED MODULE: ./src/engine/analysis/hash.ts
// Hashing primitives and typed-array containers for the duplicate analyses.
//
//   fmix32(h)            murmur3 finaliser (32-bit avalanche)
//   mix32(h, v)          murmur3 body step: fold one 32-bit value into a running hash
//   HashTable64          open addressing (linear probing) map: (key1,key2) -> int32, typed arrays, doubles at 3/4 load
//   GrowableI32/U32/U8/F64  append-only typed arrays that double when full
//
// Nothing here allocates per record except the occasional doubling.
/** murmur3 fmix32. Returns an unsigned 32-bit integer. */
function fmix32(h) {
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    return h >>> 0;
}
/** murmur3 body step: folds the 32-bit value `v` into the running hash `h` (int32 result). */
function mix32(h, v) {
    v = Math.imul(v, 0xcc9e2d51);
    v = (v << 15) | (v >>> 17);
    v = Math.imul(v, 0x1b873593);
    h ^= v;
    h = (h << 13) | (h >>> 19);
    return (Math.imul(h, 5) + 0xe6546b64) | 0;
}
const hash_EMPTY = -1;
/** Map from a 64-bit key (two uint32) to a non-negative int32 value. */
class HashTable64 {
    k1;
    k2;
    v;
    mask;
    size = 0;
    constructor(capacity = 1024) {
        let cap = 16;
        while (cap < capacity)
            cap *= 2;
        this.k1 = new Uint32Array(cap);
        this.k2 = new Uint32Array(cap);
        this.v = new Int32Array(cap).fill(hash_EMPTY);
        this.mask = cap - 1;
    }
    /** Value stored under the key, or -1. */
    get(a, b) {
        const { k1, k2, v, mask } = this;
        for (let i = (a ^ Math.imul(b, 0x9e3779b1)) & mask;; i = (i + 1) & mask) {
            const x = v[i];
            if (x === hash_EMPTY)
                return hash_EMPTY;
            if (k1[i] === a >>> 0 && k2[i] === b >>> 0)
                return x;
        }
    }
    /** Inserts the key with `value` unless present; returns the previous value, or -1 if it was inserted. */
    putIfAbsent(a, b, value) {
        if ((this.size + 1) * 4 > this.v.length * 3)
            this.grow();
        const { k1, k2, v, mask } = this;
        a >>>= 0;
        b >>>= 0;
        for (let i = (a ^ Math.imul(b, 0x9e3779b1)) & mask;; i = (i + 1) & mask) {
            const x = v[i];
            if (x === hash_EMPTY) {
                k1[i] = a;
                k2[i] = b;
                v[i] = value;
                this.size++;
                return hash_EMPTY;
            }
            if (k1[i] === a && k2[i] === b)
                return x;
        }
    }
    grow() {
        const { k1, k2, v } = this;
        const cap = v.length * 2;
        this.k1 = new Uint32Array(cap);
        this.k2 = new Uint32Array(cap);
        this.v = new Int32Array(cap).fill(hash_EMPTY);
        this.mask = cap - 1;
        this.size = 0;
        for (let i = 0; i < v.length; i++)
            if (v[i] !== hash_EMPTY)
                this.putIfAbsent(k1[i], k2[i], v[i]);
    }
}
function growable(Ctor) {
    return class {
        data;
        length = 0;
        constructor(capacity = 1024) {
            this.data = new Ctor(Math.max(16, capacity));
        }
        push(x) {
            if (this.length === this.data.length)
                this.reserve(this.length + 1);
            this.data[this.length++] = x;
        }
        /** Makes room for at least `n` elements in total. */
        reserve(n) {
            if (n <= this.data.length)
                return;
            let cap = this.data.length;
            while (cap < n)
                cap *= 2;
            const next = new Ctor(cap);
            next.set(this.data.subarray(0, this.length));
            this.data = next;
        }
        get(i) {
            return this.data[i];
        }
        /** The used part (a view, invalidated by the next push). */
        view() {
            return this.data.subarray(0, this.length);
        }
    };
}
const GrowableI32 = growable(Int32Array);
const GrowableU32 = growable(Uint32Array);
const GrowableU8 = growable(Uint8Array);
const GrowableF64 = growable(Float64Array);

;// CONCATENATED MODULE: ./src/engine/analysis/text-scan.ts

const CURLY = /[\u2018\u2019\u02bc]/g;
/** Whitespace as /\s/ sees it, for code units >= 0x80. */
function isSpaceHigh(c) {
    return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
/** Whitespace as /\s/ sees it (and the tokenizers' pre-split patterns), for one UTF-16 code unit. */
function isSpaceCode(c) {
    return c <= 0x20 ? c === 0x20 || (c >= 0x09 && c <= 0x0d) : c >= 0x80 && isSpaceHigh(c);
}
/** The lowercase word form of a non-ASCII text (see the file header). */
function wordForm(text) {
    return text.normalize("NFKC").replace(CURLY, "'").toLowerCase();
}
const SCAN_CACHE_ENTRIES = 64;
const SCAN_CACHE_MIN_CHARS = 32;
const SCAN_CACHE_MAX_CHARS = 64 * 1024;
class Scratch {
    messages = 0;
    // Per message (reallocated, not copied, when a record has more messages: they are rewritten for each record).
    from = new Int32Array(16);
    to = new Int32Array(16);
    text = [];
    bytes = new Float64Array(16);
    e1 = new Uint32Array(16);
    e2 = new Uint32Array(16);
    // Per word of the record.
    wa = new GrowableI32(4096);
    wb = new GrowableI32(4096);
    /** Case-sensitive word hashes (exact keys): a, or a mixed with the positions of ASCII capitals. */
    wr = new GrowableI32(4096);
    ws = new GrowableU32(4096);
    we = new GrowableU32(4096);
    /** Words written so far. */
    n = 0;
    /** UTF-8 scratch: ASCII text is scanned as bytes (a third faster than charCodeAt). */
    buf = Buffer.allocUnsafe(1 << 16);
    get a() {
        return this.wa.data;
    }
    get b() {
        return this.wb.data;
    }
    get r() {
        return this.wr.data;
    }
    get starts() {
        return this.ws.data;
    }
    get ends() {
        return this.we.data;
    }
    reserveMessages(m) {
        if (this.from.length >= m)
            return;
        let cap = this.from.length;
        while (cap < m)
            cap *= 2;
        this.from = new Int32Array(cap);
        this.to = new Int32Array(cap);
        this.bytes = new Float64Array(cap);
        this.e1 = new Uint32Array(cap);
        this.e2 = new Uint32Array(cap);
    }
    /** Room for `words` words in total, keeping the first this.n. */
    reserveWords(words) {
        if (this.wa.data.length >= words)
            return;
        for (const g of [this.wa, this.wb, this.wr, this.ws, this.we]) {
            g.length = this.n;
            g.reserve(words);
        }
    }
    /** Appends the words of `s` (any text) from index this.n. */
    words(s) {
        const len = s.length;
        this.reserveWords(this.n + (len >> 1) + 1);
        const a = this.a;
        const b = this.b;
        const r = this.r;
        const starts = this.starts;
        const ends = this.ends;
        let n = this.n;
        let i = 0;
        while (i < len) {
            let c = s.charCodeAt(i);
            while (c <= 0x20 ? c === 0x20 || (c >= 0x09 && c <= 0x0d) : c >= 0x80 && isSpaceHigh(c)) {
                if (++i >= len) {
                    this.n = n;
                    return;
                }
                c = s.charCodeAt(i);
            }
            const start = i;
            let h1 = 0x811c9dc5;
            let h2 = 0x3c6ef372;
            let up = 0;
            for (;;) {
                if (c - 0x41 < 26 && c >= 0x41) {
                    c += 0x20;
                    up = Math.imul(up ^ (i - start + 1), 0x2c1b3c6d);
                }
                h1 = Math.imul(h1 ^ c, 0x01000193);
                h2 = Math.imul(h2 + c, 0x5bd1e995);
                if (++i >= len)
                    break;
                c = s.charCodeAt(i);
                if (c <= 0x20 ? c === 0x20 || (c >= 0x09 && c <= 0x0d) : c >= 0x80 && isSpaceHigh(c))
                    break;
            }
            const x = fmix32(h1);
            a[n] = x;
            b[n] = fmix32(h2 ^ Math.imul(i - start, 0x27d4eb2f));
            r[n] = up === 0 ? x : fmix32(x ^ up);
            starts[n] = start;
            ends[n] = i;
            n++;
        }
        this.n = n;
    }
    /** Exact key of the words [from, to) (see the file header), into e1/e2[m]. */
    key(m, from, to, ci) {
        const first = ci ? this.a : this.r;
        const b = this.b;
        let k1 = 0x3243f6a8;
        let k2 = 0x85a308d3;
        for (let w = from; w < to; w++) {
            k1 = mix32(k1, first[w]);
            k2 = mix32(k2, b[w]);
        }
        this.e1[m] = fmix32(k1 ^ (to - from));
        this.e2[m] = fmix32(k2 ^ Math.imul(to - from, 0x9e3779b1));
    }
    /** Appends the words of the ASCII bytes buf[0, len): the same words and hashes as words() on the text. */
    asciiWords(len) {
        this.reserveWords(this.n + (len >> 1) + 1);
        const s = this.buf;
        const a = this.a;
        const b = this.b;
        const r = this.r;
        const starts = this.starts;
        const ends = this.ends;
        let n = this.n;
        let i = 0;
        outer: while (i < len) {
            let c = s[i];
            while (c <= 0x20 && (c === 0x20 || (c >= 0x09 && c <= 0x0d))) {
                if (++i >= len)
                    break outer;
                c = s[i];
            }
            const start = i;
            let h1 = 0x811c9dc5;
            let h2 = 0x3c6ef372;
            let up = 0;
            for (;;) {
                if (c - 0x41 < 26 && c >= 0x41) {
                    c += 0x20;
                    up = Math.imul(up ^ (i - start + 1), 0x2c1b3c6d);
                }
                h1 = Math.imul(h1 ^ c, 0x01000193);
                h2 = Math.imul(h2 + c, 0x5bd1e995);
                if (++i >= len)
                    break;
                c = s[i];
                if (c <= 0x20 && (c === 0x20 || (c >= 0x09 && c <= 0x0d)))
                    break;
            }
            const x = fmix32(h1);
            a[n] = x;
            b[n] = fmix32(h2 ^ Math.imul(i - start, 0x27d4eb2f));
            r[n] = up === 0 ? x : fmix32(x ^ up);
            starts[n] = start;
            ends[n] = i;
            n++;
        }
        this.n = n;
    }
    /** Recent system/developer texts and their scans: a dataset repeats its system prompt in record after record, and a
     * repeat costs a hash lookup and a copy instead of a scan. At most SCAN_CACHE_ENTRIES texts of at most
     * SCAN_CACHE_MAX_CHARS each (the cache is emptied when full). */
    cache = new Map();
    message(m, msg, ci) {
        const text = msg.text;
        const cacheable = (msg.role === "system" || msg.role === "developer") && text.length >= SCAN_CACHE_MIN_CHARS && text.length <= SCAN_CACHE_MAX_CHARS;
        if (!cacheable) {
            this.scanMessage(m, text, ci);
            return;
        }
        const hit = this.cache.get(text);
        if (hit && hit.ci === ci) {
            const from = this.n;
            const words = hit.a.length;
            this.reserveWords(from + words);
            this.wa.data.set(hit.a, from);
            this.wb.data.set(hit.b, from);
            this.wr.data.set(hit.r, from);
            this.ws.data.set(hit.starts, from);
            this.we.data.set(hit.ends, from);
            this.n = from + words;
            this.from[m] = from;
            this.to[m] = this.n;
            this.text[m] = hit.form;
            this.bytes[m] = hit.bytes;
            this.e1[m] = hit.e1;
            this.e2[m] = hit.e2;
            return;
        }
        this.scanMessage(m, text, ci);
        if (this.cache.size >= SCAN_CACHE_ENTRIES)
            this.cache.clear();
        const from = this.from[m];
        const to = this.to[m];
        this.cache.set(text, {
            ci,
            form: this.text[m],
            bytes: this.bytes[m],
            e1: this.e1[m],
            e2: this.e2[m],
            a: this.wa.data.slice(from, to),
            b: this.wb.data.slice(from, to),
            r: this.wr.data.slice(from, to),
            starts: this.ws.data.slice(from, to),
            ends: this.we.data.slice(from, to),
        });
    }
    scanMessage(m, text, ci) {
        const from = this.n;
        this.from[m] = from;
        if (text.length * 3 > this.buf.length)
            this.buf = Buffer.allocUnsafe(Math.max(text.length * 3, this.buf.length * 2));
        // UTF-8 of ASCII text is as long as the text; anything else is longer.
        const bytes = this.buf.write(text, 0, "utf8");
        this.bytes[m] = bytes;
        if (bytes === text.length) {
            this.asciiWords(bytes);
            this.text[m] = text;
            this.to[m] = this.n;
            this.key(m, from, this.n, ci);
            return;
        }
        // Not ASCII: the exact key from the NFC form (scanned past the end, then dropped), the words from the NFKC form.
        const nfc = text.normalize("NFC");
        this.words(ci ? nfc.toLowerCase() : nfc);
        this.key(m, from, this.n, ci);
        this.n = from;
        const form = wordForm(text);
        this.words(form);
        this.text[m] = form;
        this.to[m] = this.n;
    }
}
const scratch = new Scratch();
/** Scans every message of `conv` (then its `rejected` messages). Returns module scratch: valid until the next call. */
function scanRecord(conv, caseInsensitive) {
    const s = scratch;
    const msgs = conv.messages;
    const rej = conv.rejected;
    const total = msgs.length + (rej ? rej.length : 0);
    s.reserveMessages(total);
    s.messages = msgs.length;
    s.n = 0;
    s.text.length = total;
    for (let m = 0; m < msgs.length; m++)
        s.message(m, msgs[m], caseInsensitive);
    if (rej)
        for (let m = 0; m < rej.length; m++)
            s.message(msgs.length + m, rej[m], caseInsensitive);
    return s;
}

;// CONCATENATED MODULE: ./src/engine/analysis/exact-duplicates.ts


const MAX_GROUPS = 100;
const MAX_MEMBERS = 50;
class ExactDuplicateIndex {
    store;
    paths;
    opts;
    table = new HashTable64(4096);
    roots = new GrowableI32(4096);
    prompts = new HashTable64(4096);
    promptFirst = new GrowableI32();
    answer1 = new GrowableU32();
    answer2 = new GrowableU32();
    duplicates = 0;
    conflicts = 0;
    constructor(store, paths, opts = {}) {
        this.store = store;
        this.paths = paths;
        this.opts = opts;
    }
    rootOf(id) {
        return this.roots.data[id];
    }
    isDuplicate(id) {
        return this.roots.data[id] !== id;
    }
    add(conv, id) {
        return this.addKeys(exactKeys(conv, !!this.opts.caseInsensitive), id);
    }
    /** Replays one record's keys (see exactKeys); `id` must be the next RecordStore id. */
    addKeys(k, id) {
        const first = this.table.putIfAbsent(k.exact1, k.exact2, id);
        this.roots.push(first < 0 ? id : first);
        if (first >= 0) {
            this.duplicates++;
            return [
                {
                    rule: "exact-duplicate",
                    severity: "warning",
                    line: this.store.line(id),
                    message: `Exact duplicate of ${this.where(first)} (same roles and contents after whitespace/Unicode normalisation): remove this line or the earlier one.`,
                },
            ];
        }
        if (!k.hasAnswer)
            return [];
        const a1 = k.answer1 >>> 0;
        const a2 = k.answer2 >>> 0;
        const slot = this.prompts.putIfAbsent(k.prompt1, k.prompt2, this.promptFirst.length);
        if (slot < 0) {
            this.promptFirst.push(id);
            this.answer1.push(a1);
            this.answer2.push(a2);
            return [];
        }
        if (this.answer1.data[slot] === a1 && this.answer2.data[slot] === a2)
            return [];
        this.conflicts++;
        return [
            {
                rule: "conflicting-answers",
                severity: "warning",
                line: this.store.line(id),
                message: `Same prompt as ${this.where(this.promptFirst.data[slot])} but a different final assistant answer: keep one answer, or make the prompts differ if both are intended.`,
            },
        ];
    }
    /** Duplicate (non-first) records per file index. */
    perFile(files) {
        const out = new Array(files).fill(0);
        const n = this.store.count;
        for (let id = 0; id < n; id++)
            if (this.roots.data[id] !== id)
                out[this.store.file(id)]++;
        return out;
    }
    result() {
        const n = this.store.count;
        const roots = this.roots.data;
        const size = new Int32Array(n);
        for (let id = 0; id < n; id++)
            size[roots[id]]++;
        const groupRoots = [];
        for (let id = 0; id < n; id++)
            if (roots[id] === id && size[id] > 1)
                groupRoots.push(id);
        groupRoots.sort((a, b) => size[b] - size[a] || a - b);
        const top = groupRoots.slice(0, MAX_GROUPS);
        const slot = new Map();
        for (const r of top)
            slot.set(r, []);
        for (let id = 0; id < n; id++) {
            const list = slot.get(roots[id]);
            if (list && list.length < MAX_MEMBERS)
                list.push(this.member(id));
        }
        return {
            duplicateRecords: this.duplicates,
            rate: n ? this.duplicates / n : 0,
            conflictingAnswers: this.conflicts,
            groupCount: groupRoots.length,
            groups: top.map((r) => ({ size: size[r], members: slot.get(r) })),
        };
    }
    member(id) {
        return { path: this.paths[this.store.file(id)] ?? String(this.store.file(id)), line: this.store.line(id) };
    }
    where(id) {
        const m = this.member(id);
        return `${m.path}:${m.line}`;
    }
}
const SEED1 = 0x811c9dc5;
const SEED2 = 0x9747b28c;
/** The exact-duplicate and conflicting-answers keys of a record. Pure (no state kept between calls). `scan` is the
 * record's text scan (text-scan.ts) made with the same `caseInsensitive`, when the caller already has it. */
function exactKeys(conv, caseInsensitive, scan) {
    const k = KEY_SCRATCH;
    const hasAnswer = exactKeysInto(conv, scan ?? scanRecord(conv, caseInsensitive), k, 0);
    return { exact1: k[0], exact2: k[1], hasAnswer, prompt1: k[2], prompt2: k[3], answer1: k[4], answer2: k[5] };
}
const KEY_SCRATCH = new Uint32Array(6);
/** exactKeys() from the record's scan `s` (made with the same caseInsensitive), written to out[at..at + 5] as exact1,
 * exact2, prompt1, prompt2, answer1, answer2 (no object, no boxed numbers: the per-record hot path); returns
 * hasAnswer. */
function exactKeysInto(conv, s, out, at) {
    const msgs = conv.messages;
    let last = -1;
    for (let i = msgs.length - 1; i >= 0; i--) {
        if (msgs[i].role === "assistant") {
            last = i;
            break;
        }
    }
    let k1 = SEED1;
    let k2 = SEED2;
    // The tools a record declares are part of its prompt: the same question with other tools available may rightly
    // get another answer.
    if (conv.tools !== undefined)
        ({ k1, k2 } = mixString(k1, k2, conv.tools, 0x1a));
    let p1 = 0;
    let p2 = 0;
    for (let i = 0; i < msgs.length; i++) {
        if (i === last) {
            p1 = fmix32(k1);
            p2 = fmix32(k2 ^ 0x2545f491);
        }
        const m = msgs[i];
        k1 = mix32(mix32(k1, roleHash(m.role)), s.e1[i]);
        k2 = mix32(mix32(k2, roleHash(m.role) ^ 0x5bd1e995), s.e2[i]);
        // Images and other media are part of the message: same text about a different picture is another record.
        if (m.media)
            for (const key of m.media)
                ({ k1, k2 } = mixString(k1, k2, key, 0x1c));
        // So are its tool calls: the same text calling another function (or with other arguments) is another record.
        if (m.calls)
            for (const key of m.calls)
                ({ k1, k2 } = mixString(k1, k2, key, 0x1b));
    }
    if (conv.rejected) {
        k1 = mix32(k1, 0x1d);
        k2 = mix32(k2, 0x1d);
        for (let j = 0; j < conv.rejected.length; j++) {
            const m = conv.rejected[j];
            const i = msgs.length + j;
            k1 = mix32(mix32(k1, roleHash(m.role)), s.e1[i]);
            k2 = mix32(mix32(k2, roleHash(m.role) ^ 0x5bd1e995), s.e2[i]);
            if (m.media)
                for (const key of m.media)
                    ({ k1, k2 } = mixString(k1, k2, key, 0x1c));
            if (m.calls)
                for (const key of m.calls)
                    ({ k1, k2 } = mixString(k1, k2, key, 0x1b));
        }
    }
    out[at] = fmix32(k1);
    out[at + 1] = fmix32(k2 ^ 0x2545f491);
    const hasAnswer = last > 0;
    out[at + 2] = hasAnswer ? p1 : 0;
    out[at + 3] = hasAnswer ? p2 : 0;
    let a1 = 0;
    let a2 = 0;
    if (hasAnswer) {
        a1 = s.e1[last];
        a2 = s.e2[last];
        // The answer is its text and the calls it makes.
        const calls = msgs[last].calls;
        if (calls) {
            let c1 = a1 | 0;
            let c2 = a2 | 0;
            for (const key of calls)
                ({ k1: c1, k2: c2 } = mixString(c1, c2, key, 0x1b));
            a1 = fmix32(c1);
            a2 = fmix32(c2 ^ 0x2545f491);
        }
    }
    out[at + 4] = a1;
    out[at + 5] = a2;
    return hasAnswer;
}
const roles = new Map();
function roleHash(role) {
    let h = roles.get(role);
    if (h === undefined) {
        h = 0x1e;
        for (let i = 0; i < role.length; i++)
            h = Math.imul(h ^ role.charCodeAt(i), 0x01000193);
        h = fmix32(h ^ role.length);
        if (roles.size < 64)
            roles.set(role, h);
    }
    return h;
}
/** Folds the string `s` into both running keys after `marker` (0x1c media, 0x1b tool calls, 0x1a tool definitions). */
function mixString(k1, k2, s, marker) {
    k1 = mix32(k1, marker);
    k2 = mix32(k2, marker);
    for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        k1 = mix32(k1, c);
        k2 = Math.imul(k2 ^ c, 0x01000193);
    }
    return { k1: mix32(k1, s.length), k2: fmix32(k2 ^ s.length) };
}

;// CONCATENATED MODULE: ./src/engine/analysis/leakage.ts
function computeLeakage(inp) {
    const { store, paths, splits, rootOf, nearPairs } = inp;
    const F = Math.max(1, paths.length);
    const n = store.count;
    const trainsOf = new Map();
    const isTrain = new Set();
    for (const s of splits) {
        isTrain.add(s.train);
        const list = trainsOf.get(s.eval) ?? [];
        list.push(s.train);
        trainsOf.set(s.eval, list);
    }
    const counts = splits.map(() => ({ exact: 0, near: 0 }));
    const pairIndex = new Map(splits.map((s, i) => [`${s.train}:${s.eval}`, i]));
    const evalRecords = new Array(F).fill(0);
    const findings = [];
    if (splits.length === 0 || n === 0)
        return { results: [], findings };
    // Earliest member of each exact group in each training file (only groups with more than one record).
    const size = new Int32Array(n);
    for (let i = 0; i < n; i++)
        size[rootOf(i)]++;
    const trainMember = new Map();
    for (let i = 0; i < n; i++) {
        const f = store.file(i);
        const r = rootOf(i);
        if (isTrain.has(f) && size[r] > 1 && !trainMember.has(r * F + f))
            trainMember.set(r * F + f, i);
    }
    const inTrain = (r, t) => (store.file(r) === t ? r : (trainMember.get(r * F + t) ?? -1));
    const adj = new Map();
    for (const p of nearPairs) {
        for (const x of [p.a, p.b]) {
            const list = adj.get(x) ?? [];
            list.push(p);
            adj.set(x, list);
        }
    }
    const where = (id) => `${paths[store.file(id)]}:${store.line(id)}`;
    for (let e = 0; e < n; e++) {
        const f = store.file(e);
        evalRecords[f]++;
        const trains = trainsOf.get(f);
        if (!trains)
            continue;
        const r = rootOf(e);
        for (const t of trains) {
            const k = pairIndex.get(`${t}:${f}`);
            const split = `${paths[t]} -> ${paths[f]}`;
            const x = inTrain(r, t);
            if (x >= 0) {
                counts[k].exact++;
                findings.push({ file: f, finding: leak(store.line(e), `an exact duplicate of training record ${where(x)}`, split) });
                continue;
            }
            let best = -1;
            let bestSim = -1;
            for (const p of adj.get(r) ?? []) {
                const y = inTrain(p.a === r ? p.b : p.a, t);
                if (y >= 0 && (p.similarity > bestSim || (p.similarity === bestSim && y < best))) {
                    best = y;
                    bestSim = p.similarity;
                }
            }
            if (best >= 0) {
                counts[k].near++;
                const sim = (Math.floor(bestSim * 100 + 1e-9) / 100).toFixed(2);
                findings.push({ file: f, finding: leak(store.line(e), `a near duplicate (Jaccard ${sim} of word ${inp.shingleSize}-grams) of training record ${where(best)}`, split) });
            }
        }
    }
    const results = splits.map((s, i) => ({
        train: paths[s.train],
        eval: paths[s.eval],
        exact: counts[i].exact,
        near: counts[i].near,
        evalRecords: evalRecords[s.eval],
        rate: evalRecords[s.eval] ? (counts[i].exact + counts[i].near) / evalRecords[s.eval] : 0,
    }));
    return { results, findings };
}
function leak(line, what, split) {
    return {
        rule: "leakage",
        severity: "error",
        line,
        message: `Train/eval leakage (${split}): this evaluation record is ${what}; remove it from the evaluation split (or from training).`,
    };
}

;// CONCATENATED MODULE: ./src/engine/analysis/near-duplicates.ts


const BINS = 128;
const BANDS = 16;
const ROWS = 8;
const MAX_BUCKET_WALK = 100;
const MAX_CANDIDATE_PAIRS = 8_000_000;
const P = 0x01000193;
/** Writes the shingle hashes of a conversation's non-system text into `out` (from 0); returns their number. */
class ShingleHasher {
    k;
    /** Last k word hashes (and their second hashes, for wide shingles). */
    ring;
    ring2;
    /** P^(k-1) mod 2^32. */
    pk;
    constructor(k) {
        this.k = k;
        if (!(k >= 1 && Number.isInteger(k)))
            throw new Error(`shingle size must be a positive integer, got ${k}`);
        this.ring = new Uint32Array(k);
        this.ring2 = new Uint32Array(k);
        let pk = 1;
        for (let i = 1; i < k; i++)
            pk = Math.imul(pk, P);
        this.pk = pk;
    }
    /** `scan`: the record's text scan (text-scan.ts), when the caller already has it (word hashes do not depend on
     * the case setting). */
    shingles(conv, out, scan) {
        return this.hash(conv, out, null, scan);
    }
    /** The same shingles as 53-bit keys (the 32-bit shingle hash, then 21 bits of a second rolling hash over the
     * words' second hashes), for verification: 32-bit hashes collide about once per 10^5 one-shingle records. */
    wideShingles(conv, out, wide) {
        return this.hash(conv, out, wide);
    }
    hash(conv, out, wide, scan) {
        const s = scan ?? scanRecord(conv, false);
        const k = this.k;
        const ring = this.ring;
        const ring2 = this.ring2;
        const pk = this.pk;
        const wh = s.a;
        const wh2 = s.b;
        const msgs = conv.messages;
        // At most one shingle per word (or one for a short record), plus k per media part and per tool call: room for
        // all, up front.
        let bound = 1;
        for (let m = 0; m < msgs.length; m++) {
            const msg = msgs[m];
            bound += s.to[m] - s.from[m];
            if (msg.media)
                bound += msg.media.length * k;
            if (msg.calls)
                bound += msg.calls.length * k;
        }
        out.length = 0;
        out.reserve(bound);
        const data = out.data;
        if (wide) {
            wide.length = 0;
            wide.reserve(bound);
        }
        const wdata = wide ? wide.data : null;
        let len = 0;
        let words = 0;
        let pos = 0;
        // Rolling polynomial hash of the window: S = sum w[i] * P^(k-1-i) (mod 2^32), then avalanched.
        let roll = 0;
        let roll2 = 0;
        for (let m = 0; m < msgs.length; m++) {
            const role = msgs[m].role;
            if (role === "system" || role === "developer")
                continue;
            for (let i = s.from[m], e = s.to[m]; i < e; i++) {
                const w = wh[i];
                roll = (Math.imul(roll - (words >= k ? Math.imul(ring[pos], pk) : 0), P) + w) | 0;
                ring[pos] = w;
                if (wdata) {
                    const w2 = wh2[i];
                    roll2 = (Math.imul(roll2 - (words >= k ? Math.imul(ring2[pos], pk) : 0), P) + w2) | 0;
                    ring2[pos] = w2;
                }
                pos = pos + 1 === k ? 0 : pos + 1;
                words++;
                if (words >= k) {
                    const h = fmix32(roll ^ k);
                    if (wdata)
                        wdata[len] = h * 0x200000 + (fmix32(roll2 ^ 0x2545f491) >>> 11);
                    data[len++] = h;
                }
            }
        }
        if (words > 0 && words < k) {
            const h = fmix32(roll ^ words);
            if (wdata)
                wdata[len] = h * 0x200000 + (fmix32(roll2 ^ words ^ 0x2545f491) >>> 11);
            data[len++] = h;
        }
        // Each image/media part and each tool call weighs as much as a sentence (k shingles): the same question about
        // different images, or answered by calling another function, is not a near duplicate.
        for (const m of msgs) {
            if (m.media)
                for (const key of m.media)
                    len = keyShingles(key, 0x9747b28c, k, data, wdata, len);
            if (m.calls)
                for (const key of m.calls)
                    len = keyShingles(key, 0x7c0ca11 ^ 0x9747b28c, k, data, wdata, len);
        }
        out.length = len;
        if (wide)
            wide.length = len;
        return len;
    }
}
/** Writes the k shingles that stand for the key string `key` (a media part, a tool call) at data[len..] (and their
 * wide forms at wdata[len..]); returns the new length. `seed` keeps kinds of keys apart. */
function keyShingles(key, seed, k, data, wdata, len) {
    let h = seed | 0;
    let h2 = 0x3c6ef372 | 0;
    for (let i = 0; i < key.length; i++) {
        h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
        h2 = Math.imul(h2 + key.charCodeAt(i), 0x5bd1e995);
    }
    for (let j = 0; j < k; j++) {
        const x = fmix32(h ^ Math.imul(j + 1, 0x6d656469));
        if (wdata)
            wdata[len] = x * 0x200000 + (fmix32(h2 ^ Math.imul(j + 1, 0x27d4eb2f)) >>> 11);
        data[len++] = x;
    }
    return len;
}
const ATTEMPTS = 4096;
/** Bin an empty bin i probes at attempt a (1 <= a < ATTEMPTS) when densifying. */
const probe = (i, a) => fmix32(Math.imul(i + 1, 0x9e3779b1) ^ Math.imul(a, 0x85ebca6b)) & (BINS - 1);
/** Probe tables, made on first use (128 x 4,095 hashes):
 *  FIRST[i * BINS + j]: the first attempt at which empty bin i probes bin j (0: not before ATTEMPTS);
 *  ORDER[i * BINS + s]: the s-th distinct bin empty bin i probes, in order of first probe, then the bins it never
 *  probes before ATTEMPTS in index order: the first filled bin in row i is the one probing would find. */
let FIRST = null;
let ORDER = null;
function makeProbeTables() {
    const first = new Uint16Array(BINS * BINS);
    const order = new Uint8Array(BINS * BINS);
    for (let i = 0; i < BINS; i++) {
        let s = 0;
        for (let a = 1; a < ATTEMPTS; a++) {
            const c = probe(i, a);
            if (first[i * BINS + c] === 0) {
                first[i * BINS + c] = a;
                order[i * BINS + s++] = c;
            }
        }
        for (let j = 0; j < BINS; j++)
            if (first[i * BINS + j] === 0)
                order[i * BINS + s++] = j;
    }
    FIRST = first;
    ORDER = order;
}
/** Up to this many filled bins, densifySparse (k lookups per empty bin); above, densifyByOrder (about BINS / (k + 1)
 * steps per empty bin). */
const SPARSE = 8;
const filledList = new Int32Array(BINS);
/** One-permutation MinHash with optimal densification; n >= 1. Each empty bin takes the value of the first filled
 * bin in its probe sequence (probe(i, 1), probe(i, 2), ...; when none is probed before ATTEMPTS, the lowest-numbered
 * filled bin). The first filled bin is found from tables of the probe sequences instead of hashing each probe: the
 * same result at a fraction of the cost for records of a few to a hundred shingles. */
function sketch(shingles, n, bins, filled) {
    bins.fill(0xffffffff);
    filled.fill(0);
    for (let i = 0; i < n; i++) {
        const x = shingles[i];
        const b = x >>> 25;
        const v = fmix32(x ^ 0x5bd1e995);
        filled[b] = 1;
        if (v < bins[b])
            bins[b] = v;
    }
    let k = 0;
    for (let i = 0; i < BINS; i++)
        if (filled[i])
            filledList[k++] = i;
    if (k === BINS)
        return;
    // One filled bin (a record of one shingle, or of one repeated shingle): every empty bin borrows from it.
    if (k === 1)
        bins.fill(bins[filledList[0]]);
    else if (k <= SPARSE)
        densifySparse(bins, filled, k);
    else
        densifyByOrder(bins, filled);
}
/** Walks each empty bin's probe order (ORDER) to its first filled bin. */
function densifyByOrder(bins, filled) {
    if (!ORDER)
        makeProbeTables();
    const order = ORDER;
    for (let i = 0; i < BINS; i++) {
        if (filled[i])
            continue;
        let s = i * BINS;
        while (!filled[order[s]])
            s++;
        bins[i] = bins[order[s]];
    }
}
/** The first filled bin of each empty bin from the table of first probes: `k` lookups per empty bin. */
function densifySparse(bins, filled, k) {
    if (!FIRST)
        makeProbeTables();
    const first = FIRST;
    for (let i = 0; i < BINS; i++) {
        if (filled[i])
            continue;
        let j = -1;
        let best = ATTEMPTS;
        for (let f = 0; f < k; f++) {
            const a = first[i * BINS + filledList[f]];
            if (a !== 0 && a < best) {
                best = a;
                j = filledList[f];
            }
        }
        if (j < 0)
            for (j = 0; !filled[j]; j++)
                ;
        bins[i] = bins[j];
    }
}
/** One stable counting-sort pass of (key, rec) by the 16 bits of key at `shift`, from src into dst. */
function radixPass(srcKey, srcRec, dstKey, dstRec, count, shift) {
    const n = srcKey.length;
    count.fill(0);
    for (let i = 0; i < n; i++)
        count[(srcKey[i] >>> shift) & 0xffff]++;
    let at = 0;
    for (let d = 0; d < 65_536; d++) {
        const c = count[d];
        count[d] = at;
        at += c;
    }
    for (let i = 0; i < n; i++) {
        const k = srcKey[i];
        const pos = count[(k >>> shift) & 0xffff]++;
        dstKey[pos] = k;
        dstRec[pos] = srcRec[i];
    }
}
function bandKey(bins, band) {
    let h = Math.imul(band + 1, 0x9e3779b1);
    for (let r = 0; r < ROWS; r++)
        h = mix32(h, bins[band * ROWS + r]);
    return fmix32(h ^ ROWS);
}
// Scratch for nearBandKeys: module-level and overwritten on every call, so the function is pure.
const scratchHashers = new Map();
const scratchBuf = new GrowableU32(4096);
const scratchBins = new Uint32Array(BINS);
const scratchFilled = new Uint8Array(BINS);
/**
 * Writes a record's BANDS LSH band keys into `out` at `at`; returns false (writing nothing) when the record has no
 * shingles (no words and no media), i.e. can never be a near duplicate. Pure: depends only on the arguments.
 */
function nearBandKeysInto(conv, shingleSize, out, at, scan) {
    let hasher = scratchHashers.get(shingleSize);
    if (!hasher) {
        hasher = new ShingleHasher(shingleSize);
        scratchHashers.set(shingleSize, hasher);
    }
    const n = hasher.shingles(conv, scratchBuf, scan);
    if (n === 0)
        return false;
    sketch(scratchBuf.data, n, scratchBins, scratchFilled);
    for (let b = 0; b < BANDS; b++)
        out[at + b] = bandKey(scratchBins, b);
    return true;
}
/** A record's BANDS LSH band keys, or null when it has no shingles. Pure. */
function nearBandKeys(conv, shingleSize, scan) {
    const out = new Uint32Array(BANDS);
    return nearBandKeysInto(conv, shingleSize, out, 0, scan) ? out : null;
}
class NearDuplicateIndex {
    store;
    paths;
    threshold;
    shingleSize;
    hasher;
    buf = new GrowableU32(4096);
    /** slot -> record id (increasing), and slot*BANDS+band -> that record's key in the band. */
    slotId = new GrowableI32(1024);
    keys = new GrowableU32(1024 * BANDS);
    truncated = false;
    finished = false;
    candidateCount = 0;
    constructor(store, paths, opts = {}) {
        this.store = store;
        this.paths = paths;
        this.threshold = opts.threshold ?? 0.8;
        this.shingleSize = opts.shingleSize ?? 5;
        if (!(this.threshold > 0 && this.threshold <= 1))
            throw new Error(`near-duplicate threshold must be in (0, 1], got ${this.threshold}`);
        this.hasher = new ShingleHasher(this.shingleSize);
    }
    add(conv, id) {
        const keys = nearBandKeys(conv, this.shingleSize);
        if (keys)
            this.addBandKeys(keys, id);
    }
    /** Replays one record's LSH band keys (BANDS uint32, see nearBandKeys); ids must come in increasing order. */
    addBandKeys(keys, id) {
        if (keys.length !== BANDS)
            throw new Error(`expected ${BANDS} band keys, got ${keys.length}`);
        const n = this.slotId.length;
        if (n > 0 && id <= this.slotId.data[n - 1])
            throw new Error(`record ids must increase (${id} after ${this.slotId.data[n - 1]})`);
        this.slotId.push(id);
        const k = this.keys;
        k.reserve(k.length + BANDS);
        for (let b = 0; b < BANDS; b++)
            k.data[k.length + b] = keys[b];
        k.length += BANDS;
    }
    /**
     * Candidate pairs, sorted by later id then earlier id, without repeats: in each band every record is paired with
     * at most MAX_BUCKET_WALK records just before it with the same key. Band by band, the records are grouped by key
     * with an open-addressing table (key -> latest record), and each record's key in the band is overwritten with a
     * link to the previous record with that key (the keys are not needed afterwards). Then record by record (in id
     * order) its partners in the 16 chains are gathered, sorted and made unique, so the pairs come out in order with
     * no global set. At most MAX_CANDIDATE_PAIRS pairs (`truncated`: later records are then not paired).
     * Memory: 64 bytes per record for the keys during the pass (links at the end); 12 per record + the pairs at the end.
     */
    candidates() {
        const n = this.slotId.length;
        const keys = this.keys.data;
        const ids = this.slotId.data;
        // Each record's key in a band is overwritten with the previous record (in record order) that has the same key
        // there, -1 for none: the records of a band are sorted by key with a stable radix sort (two passes of 16 bits;
        // sequential memory traffic, where a hash table of last records missed the cache on every record).
        const srcKey = new Uint32Array(n);
        const srcRec = new Int32Array(n);
        const dstKey = new Uint32Array(n);
        const dstRec = new Int32Array(n);
        const count = new Int32Array(65_536);
        for (let band = 0; band < BANDS; band++) {
            for (let j = 0; j < n; j++) {
                srcKey[j] = keys[j * BANDS + band];
                srcRec[j] = j;
            }
            radixPass(srcKey, srcRec, dstKey, dstRec, count, 0);
            radixPass(dstKey, dstRec, srcKey, srcRec, count, 16);
            // srcKey/srcRec: sorted by key, records in increasing order within a key
            for (let i = 0; i < n; i++)
                keys[srcRec[i] * BANDS + band] = i > 0 && srcKey[i - 1] === srcKey[i] ? srcRec[i - 1] : -1; // -1 is stored as 0xffffffff
        }
        const pa = new GrowableI32(1024);
        const pb = new GrowableI32(1024);
        const near = new Int32Array(BANDS * MAX_BUCKET_WALK);
        records: for (let j = 0; j < n; j++) {
            let m = 0;
            for (let band = 0; band < BANDS; band++) {
                for (let i = keys[j * BANDS + band] | 0, walked = 0; i >= 0 && walked < MAX_BUCKET_WALK; i = keys[i * BANDS + band] | 0, walked++)
                    near[m++] = i;
            }
            if (m === 0)
                continue;
            const list = near.subarray(0, m).sort();
            const b = ids[j];
            for (let k = 0; k < m; k++) {
                if (k > 0 && list[k] === list[k - 1])
                    continue;
                if (pa.length >= MAX_CANDIDATE_PAIRS) {
                    this.truncated = true;
                    break records;
                }
                pa.push(ids[list[k]]);
                pb.push(b);
            }
        }
        return { A: pa.data.subarray(0, pa.length), B: pb.data.subarray(0, pb.length) };
    }
    async finish(reread) {
        if (this.finished)
            throw new Error("NearDuplicateIndex.finish: called twice (it overwrites the band keys)");
        this.finished = true;
        const { A, B } = this.candidates();
        const P = A.length;
        this.candidateCount = P;
        // Candidate records, sorted and unique.
        // (B is sorted: its last value is the largest id of any pair.) record id -> index in ids, 4 bytes per record.
        const where = new Int32Array(P > 0 ? B[P - 1] + 1 : 0).fill(-1);
        for (let i = 0; i < P; i++) {
            where[A[i]] = 0;
            where[B[i]] = 0;
        }
        let u = 0;
        for (let id = 0; id < where.length; id++)
            if (where[id] === 0)
                u++;
        const ids = new Int32Array(u);
        for (let id = 0, i = 0; id < where.length; id++)
            if (where[id] === 0)
                ids[(where[id] = i++)] = id;
        const idx = (id) => (id < where.length ? where[id] : -1);
        // Shingle sets of the candidates only: sorted unique 53-bit keys in one pool, candidate i's at
        // [start[i], end[i]) (records are re-read in one pass, in whatever order they arrive).
        const start = new Float64Array(u);
        const end = new Float64Array(u);
        const pool = new GrowableF64(4096);
        const wide = new GrowableF64(4096);
        const locs = new Array(u);
        for (let i = 0; i < u; i++)
            locs[i] = this.store.loc(ids[i]);
        await reread(locs, (i, conv) => {
            start[i] = pool.length;
            if (conv) {
                const n = this.hasher.wideShingles(conv, this.buf, wide);
                const set = wide.data.subarray(0, n).sort();
                for (let j = 0; j < n; j++)
                    if (j === 0 || set[j] !== set[j - 1])
                        pool.push(set[j]);
            }
            end[i] = pool.length;
        });
        const sets = pool.data;
        // Verify. Pairs come grouped by b: b's shingles go into a small hash table (stamped with a generation, so it is
        // never cleared), and each of its partners' shingles is looked up there.
        const pairs = [];
        const t = this.threshold;
        let tab = new Float64Array(256);
        let stamp = new Uint32Array(256);
        let mask = 255;
        let gen = 0;
        let curB = -1;
        for (let p = 0; p < P; p++) {
            const ia = idx(A[p]);
            const ib = idx(B[p]);
            const a0 = start[ia], a1 = end[ia], b0 = start[ib], b1 = end[ib];
            const na = a1 - a0, nb = b1 - b0;
            if (na === 0 || nb === 0 || Math.min(na, nb) < t * Math.max(na, nb))
                continue;
            if (B[p] !== curB) {
                curB = B[p];
                let cap = 256;
                while (cap < nb * 2)
                    cap *= 2;
                if (cap > tab.length) {
                    tab = new Float64Array(cap);
                    stamp = new Uint32Array(cap);
                    gen = 0;
                }
                mask = Math.min(cap, tab.length) - 1;
                if (++gen === 0xffffffff) {
                    stamp.fill(0);
                    gen = 1;
                }
                for (let j = b0; j < b1; j++) {
                    const x = sets[j];
                    let h = Math.imul(x / 0x200000, 0x9e3779b1) >>> 0 & mask;
                    while (stamp[h] === gen)
                        h = (h + 1) & mask;
                    stamp[h] = gen;
                    tab[h] = x;
                }
            }
            // Jaccard >= t needs inter >= t (na + nb) / (1 + t): stop as soon as the rest cannot reach it
            const need = (t * (na + nb)) / (1 + t) - 1e-9;
            let inter = 0;
            for (let i = a0; i < a1; i++) {
                const x = sets[i];
                let h = Math.imul(x / 0x200000, 0x9e3779b1) >>> 0 & mask;
                while (stamp[h] === gen) {
                    if (tab[h] === x) {
                        inter++;
                        break;
                    }
                    h = (h + 1) & mask;
                }
                if (inter + (a1 - i - 1) < need)
                    break;
            }
            const sim = inter / (na + nb - inter);
            if (sim >= t)
                pairs.push({ a: A[p], b: B[p], similarity: sim });
        }
        return { ...this.summarise(pairs, u, ids, idx), pairs };
    }
    summarise(pairs, u, ids, idx) {
        // Findings: pairs come grouped by b ascending; keep the best earlier partner of each b.
        const findings = [];
        const laterIds = [];
        for (let i = 0; i < pairs.length;) {
            let best = pairs[i];
            let j = i + 1;
            for (; j < pairs.length && pairs[j].b === best.b; j++)
                if (pairs[j].similarity > best.similarity)
                    best = pairs[j];
            i = j;
            laterIds.push(best.b);
            const file = this.store.file(best.b);
            findings.push({
                file,
                finding: {
                    rule: "near-duplicate",
                    severity: "warning",
                    line: this.store.line(best.b),
                    message: `Near duplicate (Jaccard ${floor2(best.similarity)} of word ${this.shingleSize}-grams) of ${this.where(best.a)}: remove one of them, or rewrite this one if both are intended.`,
                },
            });
        }
        // Union-find groups over candidate indexes.
        const parent = new Int32Array(u);
        for (let i = 0; i < u; i++)
            parent[i] = i;
        const find = (x) => {
            while (parent[x] !== x)
                x = parent[x] = parent[parent[x]];
            return x;
        };
        for (const p of pairs) {
            const ra = find(idx(p.a));
            const rb = find(idx(p.b));
            if (ra !== rb)
                parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
        const minSim = new Float64Array(u).fill(2);
        const size = new Int32Array(u);
        for (const p of pairs) {
            const r = find(idx(p.a));
            if (p.similarity < minSim[r])
                minSim[r] = p.similarity;
        }
        for (let i = 0; i < u; i++)
            size[find(i)]++;
        const roots = [];
        for (let i = 0; i < u; i++)
            if (find(i) === i && size[i] > 1)
                roots.push(i);
        roots.sort((x, y) => size[y] - size[x] || x - y);
        const top = roots.slice(0, 100);
        const members = new Map(top.map((r) => [r, []]));
        for (let i = 0; i < u; i++) {
            const list = members.get(find(i));
            if (list && list.length < 50)
                list.push(this.member(ids[i]));
        }
        const n = this.store.count;
        const result = {
            duplicateRecords: laterIds.length,
            rate: n ? laterIds.length / n : 0,
            threshold: this.threshold,
            shingleSize: this.shingleSize,
            candidatePairs: this.candidateCount,
            acceptedPairs: pairs.length,
            truncated: this.truncated,
            groupCount: roots.length,
            groups: top.map((r) => ({ similarity: Math.round(minSim[r] * 1e4) / 1e4, size: size[r], members: members.get(r) })),
        };
        const perFile = (files) => {
            const out = new Array(files).fill(0);
            for (const id of laterIds)
                out[this.store.file(id)]++;
            return out;
        };
        return { result, findings, perFile };
    }
    member(id) {
        return { path: this.paths[this.store.file(id)] ?? String(this.store.file(id)), line: this.store.line(id) };
    }
    where(id) {
        const m = this.member(id);
        return `${m.path}:${m.line}`;
    }
}
const floor2 = (x) => (Math.floor(x * 100 + 1e-9) / 100).toFixed(2);

;// CONCATENATED MODULE: ./src/engine/analysis/record-store.ts

class RecordStore {
    files = new GrowableI32();
    lines = new GrowableI32();
    offsets = new GrowableF64();
    lengths = new GrowableF64();
    get count() {
        return this.files.length;
    }
    /** Appends a record and returns its id. */
    push(loc) {
        this.files.push(loc.file);
        this.lines.push(loc.line);
        this.offsets.push(loc.offset);
        this.lengths.push(loc.length);
        return this.files.length - 1;
    }
    file(id) {
        return this.files.data[id];
    }
    line(id) {
        return this.lines.data[id];
    }
    loc(id) {
        return { file: this.files.data[id], line: this.lines.data[id], offset: this.offsets.data[id], length: this.lengths.data[id] };
    }
}

;// CONCATENATED MODULE: ./src/engine/analysis/duplicates.ts






class DuplicateAnalysis {
    opts;
    store = new RecordStore();
    exact;
    near;
    nearOn;
    fopts;
    constructor(opts) {
        this.opts = opts;
        this.exact = new ExactDuplicateIndex(this.store, opts.paths, { caseInsensitive: opts.caseInsensitive });
        this.near = new NearDuplicateIndex(this.store, opts.paths, { threshold: opts.nearThreshold, shingleSize: opts.shingleSize });
        this.nearOn = opts.near !== false;
        this.fopts = { caseInsensitive: !!opts.caseInsensitive, shingleSize: this.near.shingleSize, near: this.nearOn };
    }
    /** The options extractFeatures must be called with for this analysis (send them to the workers). */
    get featureOptions() {
        return { ...this.fopts };
    }
    add(conv, loc) {
        return this.addFeatures(extractFeatures(conv, this.fopts), loc);
    }
    /** Replays one record's features; records must come in run order (files in run order, lines in file order). */
    addFeatures(f, loc) {
        const id = this.store.push(loc);
        const findings = this.exact.addKeys(f, id);
        // The replay decides: an exact duplicate of an earlier record never enters near detection.
        if (this.nearOn && f.bands && !this.exact.isDuplicate(id))
            this.near.addBandKeys(f.bands, id);
        return findings;
    }
    /**
     * Replays every record of a chunk's batch in order. `lineOffset` is added to each line (chunks count lines from
     * the chunk start); `fileIndexMap[i]` is the run's file index of the batch's file i (default: unchanged). Byte
     * offsets are taken as they are (absolute in the file). Findings come in record order with absolute lines.
     * Throws when the batch was extracted with other feature options than this analysis uses.
     */
    addBatch(b, lineOffset, fileIndexMap) {
        const bo = b.options;
        if (bo) {
            const mine = this.fopts;
            // With near off here, band keys are ignored whatever the batch holds.
            if (bo.caseInsensitive !== mine.caseInsensitive || (mine.near && (!bo.near || bo.shingleSize !== mine.shingleSize))) {
                throw new Error(`feature batch extracted with ${JSON.stringify(bo)}, analysis expects ${JSON.stringify(mine)}`);
            }
        }
        const out = [];
        for (let i = 0, n = b.length; i < n; i++) {
            const loc = b.loc(i);
            loc.line += lineOffset;
            if (fileIndexMap) {
                const f = fileIndexMap[loc.file];
                if (f === undefined)
                    throw new Error(`fileIndexMap has no entry for batch file ${loc.file}`);
                loc.file = f;
            }
            const found = this.addFeatures(b.features(i, true), loc);
            for (const x of found)
                out.push(x);
        }
        return out;
    }
    async finish(reread) {
        const files = this.opts.paths.length;
        const near = await this.near.finish(reread);
        const pairs = near.pairs;
        const leakage = computeLeakage({
            store: this.store,
            paths: this.opts.paths,
            splits: this.opts.splits ?? [],
            rootOf: (id) => this.exact.rootOf(id),
            nearPairs: pairs,
            shingleSize: this.near.shingleSize,
        });
        const ex = this.exact.perFile(files);
        const nd = near.perFile(files);
        return {
            exact: this.exact.result(),
            near: near.result,
            leakage: leakage.results,
            perFile: ex.map((e, i) => ({ exactDuplicates: e, nearDuplicates: nd[i] })),
            findings: [...near.findings, ...leakage.findings],
            nearPairs: pairs.map((p) => ({ a: this.store.loc(p.a), b: this.store.loc(p.b), similarity: p.similarity })),
        };
    }
}
/** Pure per-record feature extraction (safe in any thread; depends only on its arguments). `scan`: the record's
 * text scan made with the same caseInsensitive, when the caller already has it. */
function extractFeatures(conv, opts = {}, scan) {
    const s = scan ?? scanRecord(conv, !!opts.caseInsensitive);
    const bands = opts.near === false ? null : nearBandKeys(conv, opts.shingleSize ?? 5, s);
    return { ...exactKeys(conv, !!opts.caseInsensitive, s), bands };
}
const duplicates_KEYS = 6;
/** Columnar features of many records (one chunk): ~49 bytes per record + 64 per record with band keys. */
class FeatureBatch {
    keys = new GrowableU32(1024 * duplicates_KEYS);
    flags = new GrowableU8(1024);
    bands = new GrowableU32(1024 * BANDS);
    files = new GrowableI32(1024);
    lines = new GrowableI32(1024);
    offsets = new GrowableF64(1024);
    lengths = new GrowableF64(1024);
    /** Index into `bands` (in records) of each record's keys, -1 when none; built lazily for random access. */
    bandIndex = null;
    options;
    /** `options`: the options the features are extracted with, so addBatch can check them (recommended). */
    constructor(options) {
        if (options)
            this.options = { caseInsensitive: !!options.caseInsensitive, shingleSize: options.shingleSize ?? 5, near: options.near !== false };
    }
    get length() {
        return this.flags.length;
    }
    push(f, loc) {
        const k = this.keys;
        k.reserve(k.length + duplicates_KEYS);
        const d = k.data;
        let at = k.length;
        d[at++] = f.exact1;
        d[at++] = f.exact2;
        d[at++] = f.prompt1;
        d[at++] = f.prompt2;
        d[at++] = f.answer1;
        d[at++] = f.answer2;
        k.length = at;
        let flag = f.hasAnswer ? 1 : 0;
        if (f.bands) {
            if (f.bands.length !== BANDS)
                throw new Error(`expected ${BANDS} band keys, got ${f.bands.length}`);
            flag |= 2;
            const b = this.bands;
            b.reserve(b.length + BANDS);
            b.data.set(f.bands, b.length);
            b.length += BANDS;
        }
        this.pushRest(flag, loc);
    }
    /** push(extractFeatures(conv, options, scan), loc) without the intermediate object (the per-record hot path):
     * the keys are written straight into the batch. `scan`: the record's scan with options.caseInsensitive. */
    pushRecord(conv, scan, loc, options) {
        const k = this.keys;
        k.reserve(k.length + duplicates_KEYS);
        let flag = exactKeysInto(conv, scan, k.data, k.length) ? 1 : 0;
        k.length += duplicates_KEYS;
        if (options.near) {
            const b = this.bands;
            b.reserve(b.length + BANDS);
            if (nearBandKeysInto(conv, options.shingleSize, b.data, b.length, scan)) {
                b.length += BANDS;
                flag |= 2;
            }
        }
        this.pushRest(flag, loc);
    }
    /** The record's flags and location (after its keys and band keys). */
    pushRest(flag, loc) {
        this.flags.push(flag);
        this.files.push(loc.file);
        this.lines.push(loc.line);
        this.offsets.push(loc.offset);
        this.lengths.push(loc.length);
        this.bandIndex = null;
    }
    /** Record i's features. `view`: band keys as a view into the batch (valid until the next push) instead of a copy. */
    features(i, view = false) {
        this.check(i);
        const d = this.keys.data;
        const o = i * duplicates_KEYS;
        const flag = this.flags.data[i];
        let bands = null;
        if (flag & 2) {
            const at = this.index()[i] * BANDS;
            bands = view ? this.bands.data.subarray(at, at + BANDS) : this.bands.data.slice(at, at + BANDS);
        }
        return { exact1: d[o], exact2: d[o + 1], hasAnswer: (flag & 1) !== 0, prompt1: d[o + 2], prompt2: d[o + 3], answer1: d[o + 4], answer2: d[o + 5], bands };
    }
    /** Record i's location, as pushed. */
    loc(i) {
        this.check(i);
        return { file: this.files.data[i], line: this.lines.data[i], offset: this.offsets.data[i], length: this.lengths.data[i] };
    }
    /** Compact copy (own buffers, exactly sized): post it with FeatureBatch.transferList(p) as the transfer list. */
    toPartial() {
        const p = {
            n: this.length,
            keys: this.keys.data.slice(0, this.keys.length),
            flags: this.flags.data.slice(0, this.flags.length),
            bands: this.bands.data.slice(0, this.bands.length),
            files: this.files.data.slice(0, this.files.length),
            lines: this.lines.data.slice(0, this.lines.length),
            offsets: this.offsets.data.slice(0, this.offsets.length),
            lengths: this.lengths.data.slice(0, this.lengths.length),
        };
        if (this.options)
            p.options = { ...this.options };
        return p;
    }
    /** Wraps a partial (no copy; the batch takes the arrays over). Throws when it is inconsistent. */
    static fromPartial(p) {
        const n = p.n;
        const bad = (what) => {
            throw new Error(`invalid feature batch partial: ${what}`);
        };
        if (!(Number.isInteger(n) && n >= 0))
            bad(`n = ${String(n)}`);
        if (!(p.keys instanceof Uint32Array) || p.keys.length !== n * duplicates_KEYS)
            bad("keys");
        if (!(p.flags instanceof Uint8Array) || p.flags.length !== n)
            bad("flags");
        if (!(p.files instanceof Int32Array) || p.files.length !== n)
            bad("files");
        if (!(p.lines instanceof Int32Array) || p.lines.length !== n)
            bad("lines");
        if (!(p.offsets instanceof Float64Array) || p.offsets.length !== n)
            bad("offsets");
        if (!(p.lengths instanceof Float64Array) || p.lengths.length !== n)
            bad("lengths");
        let withBands = 0;
        for (let i = 0; i < n; i++)
            if (p.flags[i] & 2)
                withBands++;
        if (!(p.bands instanceof Uint32Array) || p.bands.length !== withBands * BANDS)
            bad("bands");
        const b = new FeatureBatch(p.options);
        adopt(b.keys, p.keys);
        adopt(b.flags, p.flags);
        adopt(b.bands, p.bands);
        adopt(b.files, p.files);
        adopt(b.lines, p.lines);
        adopt(b.offsets, p.offsets);
        adopt(b.lengths, p.lengths);
        return b;
    }
    /** The distinct ArrayBuffers of a partial, for postMessage's transfer list. */
    static transferList(p) {
        const set = new Set();
        for (const a of [p.keys, p.flags, p.bands, p.files, p.lines, p.offsets, p.lengths])
            set.add(a.buffer);
        return [...set];
    }
    index() {
        if (this.bandIndex)
            return this.bandIndex;
        const n = this.length;
        const idx = new Int32Array(n);
        const flags = this.flags.data;
        for (let i = 0, j = 0; i < n; i++)
            idx[i] = flags[i] & 2 ? j++ : -1;
        return (this.bandIndex = idx);
    }
    check(i) {
        if (!(Number.isInteger(i) && i >= 0 && i < this.length))
            throw new RangeError(`record ${i} out of range (batch of ${this.length})`);
    }
}
/** Makes a growable array use `arr` as its data (full). Empty arrays keep the growable's own storage. */
function adopt(g, arr) {
    if (arr.length > 0)
        g.data = arr;
    g.length = arr.length;
}

;// CONCATENATED MODULE: ./src/engine/analysis/ngram-sketch.ts
// Distinct-count sketches for the diversity pass (word and n-gram hashes come from text-scan.ts and diversity.ts).
//
//   new HashSet64(maxSize?)          open-addressing set of 64-bit (h1,h2) pairs in Uint32Arrays
//   new HyperLogLog(p = 14)          2^p one-byte registers; relative std. error 1.04/sqrt(2^p) (~0.81% for p=14)
//   new DistinctCounter(exactCap = 1_000_000, hll = false)
//       exact (HashSet64 of hash pairs) while at most `exactCap` distinct items, then HyperLogLog p=14 (from the
//       first item when `hll`). .add(h1, h2) .estimate() .method ("exact" | "hll") .registers (HLL mode only)
//
// Partials (for chunked / parallel runs; plain structured-clone-able data):
//   HashSet64.toPairs(): Uint32Array               occupied slots as [h1, h2, h1, h2, ...] in table order
//   HyperLogLog.merge(registers)                    register-wise max (the HLL of the union)
//   DistinctCounter.toPartial(): DistinctPartial    { pairs } while exact, else { registers } (copies)
//   DistinctCounter.merge(p)                         union: exact + exact = insert every pair (switching to HLL
//       once past `exactCap`); HLL + HLL = register max; exact + HLL = the exact side's pairs added to the HLL.
//       Merging one partial into a fresh counter gives the same estimate and method as the original.
//
// "Exact" means exact up to 64-bit hash collisions (expected < 1 collision below ~10^9 items).
/** Set of 64-bit values stored as (hi, lo) int32 pairs (values are taken as int32: h and h >>> 0 are the
 * same item, and int32 arguments are small integers, so hot callers do not box numbers); load factor <= 0.5. The
 * pair (0,0) is remapped. */
class HashSet64 {
    /** Slot i is t[2i], t[2i + 1] (one cache line holds both halves). */
    t;
    mask;
    size = 0;
    constructor(initialCapacity = 1024) {
        let cap = 16;
        while (cap < initialCapacity * 2)
            cap *= 2;
        this.t = new Int32Array(cap * 2);
        this.mask = cap - 1;
    }
    /** Adds the pair; returns true when it was not present. */
    add(h1, h2) {
        h1 |= 0;
        h2 |= 0;
        if (h1 === 0 && h2 === 0)
            h2 = 1;
        const t = this.t;
        const mask = this.mask;
        let i = (h1 ^ Math.imul(h2, 0x27d4eb2d)) & mask;
        for (;;) {
            const a = t[2 * i];
            const b = t[2 * i + 1];
            if (a === 0 && b === 0)
                break;
            if (a === h1 && b === h2)
                return false;
            i = (i + 1) & mask;
        }
        t[2 * i] = h1;
        t[2 * i + 1] = h2;
        this.size++;
        if (this.size * 2 > mask + 1)
            this.grow();
        return true;
    }
    grow() {
        const old = this.t;
        this.t = new Int32Array(old.length * 2);
        this.mask = old.length - 1;
        this.size = 0;
        for (let j = 0; j < old.length; j += 2)
            if (old[j] !== 0 || old[j + 1] !== 0)
                this.add(old[j], old[j + 1]);
    }
    /** Empties the set, keeping its capacity. */
    clear() {
        if (this.size === 0)
            return;
        this.t.fill(0);
        this.size = 0;
    }
    forEach(fn) {
        const t = this.t;
        for (let j = 0; j < t.length; j += 2)
            if (t[j] !== 0 || t[j + 1] !== 0)
                fn(t[j], t[j + 1]);
    }
    /** Occupied slots as a flat [h1, h2, h1, h2, ...] array (table order; deterministic for a given insert order). */
    toPairs() {
        const out = new Uint32Array(this.size * 2);
        let k = 0;
        const t = this.t;
        for (let j = 0; j < t.length; j += 2) {
            if (t[j] !== 0 || t[j + 1] !== 0) {
                out[k++] = t[j];
                out[k++] = t[j + 1];
            }
        }
        return out;
    }
}
/** Set of 32-bit values for short-lived sets (one window of words): one int32 per slot, load factor <= 0.5,
 * cleared in place (the capacity stays). 0 is remapped. */
class WindowSet32 {
    t;
    mask;
    size = 0;
    /** `expectedItems`: the usual size between clears (the table starts at 2x that, at most 64 Ki slots). */
    constructor(expectedItems) {
        let cap = 16;
        while (cap < expectedItems * 2 && cap < 65_536)
            cap *= 2;
        this.t = new Int32Array(cap);
        this.mask = cap - 1;
    }
    /** Adds h (taken as int32). */
    add(h) {
        h |= 0;
        if (h === 0)
            h = 1;
        const t = this.t;
        const mask = this.mask;
        let i = (Math.imul(h, 0x9e3779b1) >>> 0) & mask;
        for (;;) {
            const a = t[i];
            if (a === h)
                return;
            if (a === 0)
                break;
            i = (i + 1) & mask;
        }
        t[i] = h;
        if (++this.size * 2 > mask + 1)
            this.grow();
    }
    grow() {
        const old = this.t;
        this.t = new Int32Array(old.length * 2);
        this.mask = this.t.length - 1;
        this.size = 0;
        for (let j = 0; j < old.length; j++)
            if (old[j] !== 0)
                this.add(old[j]);
    }
    clear() {
        if (this.size === 0)
            return;
        this.t.fill(0);
        this.size = 0;
    }
}
/** HyperLogLog with 2^p registers (Flajolet et al. 2007, with small-range linear counting). Index from the top
 * p bits of h1, rank from the remaining 32 - p bits of h1 followed by h2. */
class HyperLogLog {
    p;
    registers;
    constructor(p = 14) {
        this.p = p;
        this.registers = new Uint8Array(1 << p);
    }
    add(h1, h2) {
        const idx = h1 >>> (32 - this.p);
        const w = ((h1 << this.p) | (h2 >>> (32 - this.p))) >>> 0;
        const rank = w === 0 ? 33 + Math.clz32(h2 << this.p) : Math.clz32(w) + 1;
        if (rank > this.registers[idx])
            this.registers[idx] = rank;
    }
    estimate() {
        const m = this.registers.length;
        let sum = 0;
        let zeros = 0;
        for (let i = 0; i < m; i++) {
            sum += 2 ** -this.registers[i];
            if (this.registers[i] === 0)
                zeros++;
        }
        const alpha = 0.7213 / (1 + 1.079 / m);
        const e = (alpha * m * m) / sum;
        if (e <= 2.5 * m && zeros > 0)
            return m * Math.log(m / zeros);
        return e;
    }
    /** Folds another sketch's registers in (register-wise max); both must have the same p. */
    merge(registers) {
        if (registers.length !== this.registers.length)
            throw new Error(`HyperLogLog.merge: ${registers.length} registers, expected ${this.registers.length}`);
        const r = this.registers;
        for (let i = 0; i < r.length; i++)
            if (registers[i] > r[i])
                r[i] = registers[i];
    }
    /** Relative standard error of the estimate. */
    get standardError() {
        return 1.04 / Math.sqrt(this.registers.length);
    }
}
/** The rank HyperLogLog(14).add(h1, h2) stores at register h1 >>> 18 (for callers that update registers directly;
 * h2 is only read when the low 18 bits of h1 are 0). */
function hllRank14(h1, h2) {
    const w = ((h1 << 14) | (h2 >>> 18)) >>> 0;
    return w === 0 ? 33 + Math.clz32(h2 << 14) : Math.clz32(w) + 1;
}
const RECENT_SLOTS = 16_384;
const RECENT_FROM = 4096;
/** Distinct count of hash pairs: exact while small, HyperLogLog (p=14, ~0.81% std. error) beyond `exactCap`.
 * While exact, a direct-mapped cache of recently added pairs (128 KiB, stays in the CPU's L2 cache) answers
 * most repeats of frequent words without touching the exact table (up to 1 MiB); adding an item again does not
 * change the set, so the cache never changes a count. */
class DistinctCounter {
    exactCap;
    set = new HashSet64();
    hll = null;
    /** Slot i is recent[2i], recent[2i + 1]; (0,0) marks an empty slot (items are remapped as in HashSet64). Made
     * once the set holds RECENT_FROM items: a smaller set is in the CPU's cache anyway, and a run of thousands of
     * small files makes a counter per file. */
    recent = null;
    /** `hll`: count in HyperLogLog from the first item (no exact phase). */
    constructor(exactCap = 1_000_000, hll = false) {
        this.exactCap = exactCap;
        if (hll) {
            this.set = null;
            this.hll = new HyperLogLog(14);
        }
    }
    add(h1, h2) {
        if (this.set) {
            h1 |= 0;
            h2 |= 0;
            if (h1 === 0 && h2 === 0)
                h2 = 1;
            const r = this.recent;
            if (r !== null) {
                const slot = 2 * ((h1 ^ (h2 >>> 20)) & (RECENT_SLOTS - 1));
                if (r[slot] === h1 && r[slot + 1] === h2)
                    return;
                r[slot] = h1;
                r[slot + 1] = h2;
            }
            else if (this.set.size >= RECENT_FROM)
                this.recent = new Int32Array(RECENT_SLOTS * 2);
            this.set.add(h1, h2);
            if (this.set.size > this.exactCap) {
                const hll = new HyperLogLog(14);
                this.set.forEach((a, b) => hll.add(a, b));
                this.hll = hll;
                this.set = null;
            }
        }
        else {
            this.hll.add(h1, h2);
        }
    }
    /** The HyperLogLog registers (p = 14) once the counter is in HyperLogLog mode, else null: hot loops update them
     * directly (hllRank gives the value HyperLogLog.add would store). */
    get registers() {
        return this.hll ? this.hll.registers : null;
    }
    get method() {
        return this.set ? "exact" : "hll";
    }
    toPartial() {
        return this.set ? { pairs: this.set.toPairs() } : { registers: this.hll.registers.slice() };
    }
    /** Union with another counter's partial (see the file header). */
    merge(p) {
        if (p.registers) {
            if (this.set) {
                const hll = new HyperLogLog(14);
                this.set.forEach((a, b) => hll.add(a, b));
                this.hll = hll;
                this.set = null;
            }
            this.hll.merge(p.registers);
        }
        else if (p.pairs) {
            const q = p.pairs;
            for (let i = 0; i + 1 < q.length; i += 2)
                this.add(q[i], q[i + 1]);
        }
    }
    estimate() {
        return this.set ? this.set.size : Math.round(this.hll.estimate());
    }
}

;// CONCATENATED MODULE: ./src/engine/analysis/stats.ts
// Small numeric helpers shared by the analysis passes: rounding, a bounded quantile sketch, fixed-bucket
// histograms, a bounded top-k counter (Misra-Gries) and a deterministic PRNG.
//
//   round(x, digits = 4): number
//   quantileOf(sorted, q): number                    linear interpolation (type 7, as numpy's default)
//   new QuantileSketch(cap = 100_000)                 exact up to `cap` values, then a uniform reservoir sample
//     .add(v) .count .min .max .sum .mean .exact .quantile(q) .summary()
//   new TopK<P>(cap = 10_000)                         Misra-Gries heavy hitters, exact while distinct keys <= cap
//     .add(key, payload?) .top(n) .exact .maxError .distinctTracked
//   bucketIndex(edges, v) / bucketLabels(edges)       fixed histogram buckets [e0,e1), [e1,e2) ... [eLast, inf)
//   mulberry32(seed): () => number                    deterministic uniform [0, 1)
//
// Partials (chunked / parallel runs; plain structured-clone-able data, merged in chunk order):
//   QuantileSketch.toPartial() / .merge(p)
//     count/sum add, min/max combine (all exact). Kept values: concatenated (this instance's first) while the
//     merged count <= cap. Beyond the cap both sides are thinned to a proportional share of `cap` values:
//     this side keeps round(cap * countThis / countTotal), the incoming side the rest, each chosen by a
//     systematic stride over its kept values (value j of keep taken at index floor((j + 0.5) * kept / keep)).
//     Deterministic; a fresh sketch merged with one partial holds exactly that partial's values.
//   TopK.toPartial() / .merge(p)
//     Misra-Gries summary merge: counts add (an existing key keeps its first payload), then, if more than
//     `cap` keys are tracked, the (cap+1)-th largest count t is subtracted from every counter, counters <= 0
//     are dropped and maxError grows by t. maxError and total add. Deterministic for a given merge order.
/** Round to `digits` decimals (default 4); non-finite values become 0 so results stay JSON-serialisable. */
function stats_round(x, digits = 4) {
    if (!Number.isFinite(x))
        return 0;
    const f = 10 ** digits;
    return Math.round(x * f) / f;
}
/** Share a/b rounded, 0 when b is 0. */
function ratio(a, b, digits = 4) {
    return b > 0 ? stats_round(a / b, digits) : 0;
}
/** Quantile of an ascending-sorted array with linear interpolation between closest ranks (numpy "linear"). */
function quantileOf(sorted, q) {
    const n = sorted.length;
    if (n === 0)
        return 0;
    const pos = (n - 1) * Math.min(1, Math.max(0, q));
    const lo = Math.floor(pos);
    const hi = Math.min(n - 1, lo + 1);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}
/** Deterministic 32-bit PRNG returning floats in [0, 1). */
function mulberry32(seed) {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
/** Picks `keep` of the first `n` values of `src` by a systematic stride (all of them when keep >= n). */
function strideSample(src, n, keep) {
    if (keep >= n)
        return src.slice(0, n);
    const out = new Float64Array(keep);
    for (let j = 0; j < keep; j++)
        out[j] = src[Math.floor(((j + 0.5) * n) / keep)];
    return out;
}
/** Exact quantiles up to `cap` values, then Algorithm-R reservoir sampling (seeded, deterministic).
 * count/min/max/sum/mean are always exact. */
class QuantileSketch {
    cap;
    values;
    n = 0;
    rnd;
    count = 0;
    min = Infinity;
    max = -Infinity;
    sum = 0;
    constructor(cap = 100_000, seed = 0x9e3779b9) {
        this.cap = cap;
        this.values = new Float64Array(Math.min(cap, 1024));
        this.rnd = mulberry32(seed);
    }
    add(v) {
        this.count++;
        this.sum += v;
        if (v < this.min)
            this.min = v;
        if (v > this.max)
            this.max = v;
        if (this.n < this.cap) {
            if (this.n === this.values.length) {
                const bigger = new Float64Array(Math.min(this.cap, this.values.length * 2));
                bigger.set(this.values);
                this.values = bigger;
            }
            this.values[this.n++] = v;
        }
        else {
            const j = Math.floor(this.rnd() * this.count);
            if (j < this.cap)
                this.values[j] = v;
        }
    }
    get exact() {
        return this.count <= this.cap;
    }
    toPartial() {
        return { cap: this.cap, count: this.count, min: this.min, max: this.max, sum: this.sum, values: this.values.slice(0, this.n) };
    }
    /** Folds a later chunk's partial into this sketch (see the file header). */
    merge(p) {
        const total = this.count + p.count;
        const pn = p.values.length;
        let merged;
        if (this.n + pn <= this.cap && (total <= this.cap || this.count === 0 || p.count === 0)) {
            merged = new Float64Array(Math.max(this.n + pn, Math.min(this.cap, 1024)));
            merged.set(this.values.subarray(0, this.n));
            merged.set(p.values, this.n);
            this.n += pn;
        }
        else {
            const keepThis = Math.min(this.n, Math.round((this.cap * this.count) / total));
            const keepOther = Math.min(pn, this.cap - keepThis);
            const a = strideSample(this.values, this.n, keepThis);
            const b = strideSample(p.values, pn, keepOther);
            merged = new Float64Array(Math.max(a.length + b.length, Math.min(this.cap, 1024)));
            merged.set(a);
            merged.set(b, a.length);
            this.n = a.length + b.length;
        }
        this.values = merged;
        this.count = total;
        this.sum += p.sum;
        if (p.min < this.min)
            this.min = p.min;
        if (p.max > this.max)
            this.max = p.max;
    }
    get mean() {
        return this.count ? this.sum / this.count : 0;
    }
    /** Sorted copy of the kept values (all values when exact). */
    sorted() {
        return this.values.slice(0, this.n).sort();
    }
    quantile(q) {
        return quantileOf(this.sorted(), q);
    }
    summary(digits = 2) {
        const s = this.sorted();
        return {
            count: this.count,
            min: this.count ? stats_round(this.min, digits) : 0,
            mean: stats_round(this.mean, digits),
            median: stats_round(quantileOf(s, 0.5), digits),
            p95: stats_round(quantileOf(s, 0.95), digits),
            max: this.count ? stats_round(this.max, digits) : 0,
            exact: this.exact,
        };
    }
}
/** Misra-Gries frequent items with at most `cap` counters. While fewer than `cap` distinct keys were seen the
 * counts are exact; afterwards each count is a lower bound, short of the truth by at most `maxError`.
 * Keys are strings or numbers (e.g. a 53-bit hash, with the text it stands for as the payload). */
class TopK {
    cap;
    tieByPayload;
    counts = new Map();
    /** Total decrement rounds applied to every counter (0 = exact). */
    maxError = 0;
    total = 0;
    /** `tieByPayload`: top() breaks count ties by payload (a string) rather than by key. */
    constructor(cap = 10_000, tieByPayload = false) {
        this.cap = cap;
        this.tieByPayload = tieByPayload;
    }
    add(key, payload) {
        if (this.counted(key))
            this.counts.set(key, { count: 1, payload });
    }
    /** add(), with the payload made only when the key gets a counter. */
    addWith(key, makePayload) {
        if (this.counted(key))
            this.counts.set(key, { count: 1, payload: makePayload() });
    }
    /** Counts one occurrence of `key`; true when the key is new and has room for a counter (the caller adds it). */
    counted(key) {
        this.total++;
        const e = this.counts.get(key);
        if (e) {
            e.count++;
            return false;
        }
        if (this.counts.size < this.cap)
            return true;
        // Decrement every counter (the new key's single count cancels too); amortised O(1) per add.
        this.maxError++;
        for (const [k, v] of this.counts) {
            if (--v.count === 0)
                this.counts.delete(k);
        }
        return false;
    }
    get exact() {
        return this.maxError === 0;
    }
    toPartial() {
        const keys = [];
        const counts = [];
        const payloads = [];
        for (const [k, v] of this.counts) {
            keys.push(k);
            counts.push(v.count);
            payloads.push(v.payload);
        }
        return { cap: this.cap, keys, counts, payloads, maxError: this.maxError, total: this.total };
    }
    /** Misra-Gries merge of a later chunk's partial (see the file header). */
    merge(p) {
        this.total += p.total;
        this.maxError += p.maxError;
        for (let i = 0; i < p.keys.length; i++) {
            const e = this.counts.get(p.keys[i]);
            if (e)
                e.count += p.counts[i];
            else
                this.counts.set(p.keys[i], { count: p.counts[i], payload: p.payloads[i] });
        }
        if (this.counts.size > this.cap) {
            const sorted = [...this.counts.values()].map((v) => v.count).sort((a, b) => b - a);
            const t = sorted[this.cap];
            this.maxError += t;
            for (const [k, v] of this.counts) {
                v.count -= t;
                if (v.count <= 0)
                    this.counts.delete(k);
            }
        }
    }
    get distinctTracked() {
        return this.counts.size;
    }
    /** Top `n` by count, ties broken by key (ascending) for determinism. */
    top(n) {
        const all = [...this.counts].map(([key, v]) => ({ key, count: v.count, payload: v.payload }));
        const tie = (x) => (this.tieByPayload ? String(x.payload) : x.key);
        all.sort((a, b) => {
            if (a.count !== b.count)
                return b.count - a.count;
            const x = tie(a);
            const y = tie(b);
            return x < y ? -1 : x > y ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
        });
        return all.slice(0, n);
    }
}
/** Index of the bucket holding v for ascending edges: bucket i is [edges[i], edges[i+1]), the last is open. */
function bucketIndex(edges, v) {
    let i = 0;
    while (i + 1 < edges.length && v >= edges[i + 1])
        i++;
    return i;
}
/** Labels "a-b" (inclusive integer ranges) and "last+" for integer-valued buckets. */
function bucketLabels(edges) {
    return edges.map((e, i) => (i + 1 < edges.length ? `${e}-${edges[i + 1] - 1}` : `${e}+`));
}

;// CONCATENATED MODULE: ./src/engine/analysis/boilerplate.ts
// Boilerplate phrases: which of a list of phrases a message contains, as case-insensitive substrings of its word
// form (text-scan.ts), found from the record's word hashes instead of a regular expression over every character.
//
//   const pm = new PhraseMatcher(["as an ai language model", ...])   // phrases already lowercase (diversity.ts)
//   pm.match(scan, m, (k) => counts[k]++)                            // each phrase found in message m, once
//
// Why it is exact: a phrase of three or more words separated by single spaces that occurs in a text has its inner
// words surrounded by spaces there, so each inner word is a whole word of the text's whitespace split. The matcher
// picks one inner word per phrase (the longest: the rarest, as a rule), looks for words with that word's hash, and
// compares the text at the phrase's would-be start with the phrase. A hash hit is only a candidate; the comparison
// decides, so the result is the same as a substring search. Phrases of one or two words, or with other whitespace,
// have no inner word: they are searched for with one case-insensitive regular expression, as before.

const MASK_BITS = 12;
class PhraseMatcher {
    anchors = new Map();
    /** Bit (hash & 4095) set when some anchor word has that low part: most words are rejected with one load. */
    mask = new Uint8Array(1 << MASK_BITS);
    rest = [];
    restRe;
    /** Message serial number of each phrase's last hit (a phrase counts once per message). */
    lastHit;
    serial = 0;
    constructor(phrases) {
        this.lastHit = new Float64Array(phrases.length).fill(-1);
        const anchored = [];
        phrases.forEach((phrase, index) => {
            const words = phrase.split(" ");
            if (words.length >= 3 && !/\s/.test(words.join("")) && words.every((w) => w.length > 0)) {
                let j = 1;
                for (let i = 2; i < words.length - 1; i++)
                    if (words[i].length > words[j].length)
                        j = i;
                let offset = 0;
                for (let i = 0; i < j; i++)
                    offset += words[i].length + 1;
                anchored.push({ phrase, index, word: words[j], offset });
            }
            else
                this.rest.push({ phrase, index });
        });
        // Anchor hashes come from the same scan as the text's words (scanRecord's scratch is free here).
        for (const x of anchored) {
            const s = scanRecord({ messages: [{ role: "assistant", text: x.word, images: 0, toolCalls: 0 }], hasTools: false }, false);
            const h = s.a[0];
            let list = this.anchors.get(h);
            if (!list)
                this.anchors.set(h, (list = []));
            list.push({ phrase: x.phrase, index: x.index, offset: x.offset });
            this.mask[h & ((1 << MASK_BITS) - 1)] = 1;
        }
        this.restRe = this.rest.length ? new RegExp(this.rest.map((r) => r.phrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "i") : null;
    }
    /** Calls `hit(k)` once for each phrase k found in message m of the scan `s`; returns whether any was found. */
    match(s, m, hit) {
        const serial = this.serial++;
        const form = s.text[m];
        const a = s.a;
        const mask = this.mask;
        const bits = (1 << MASK_BITS) - 1;
        let any = false;
        for (let w = s.from[m], end = s.to[m]; w < end; w++) {
            const h = a[w];
            if (mask[h & bits] === 0)
                continue;
            const list = this.anchors.get(h);
            if (!list)
                continue;
            for (const x of list) {
                if (this.lastHit[x.index] === serial)
                    continue;
                const start = s.starts[w] - x.offset;
                const len = x.phrase.length;
                if (start < 0 || start + len > form.length)
                    continue;
                // The word form of non-ASCII text is lowercase already; ASCII text is lowercased here (same length).
                if (form.slice(start, start + len).toLowerCase() !== x.phrase)
                    continue;
                this.lastHit[x.index] = serial;
                any = true;
                hit(x.index);
            }
        }
        if (this.restRe?.test(form)) {
            const lower = form.toLowerCase();
            for (const r of this.rest) {
                if (lower.includes(r.phrase)) {
                    any = true;
                    hit(r.index);
                }
            }
        }
        return any;
    }
}

;// CONCATENATED MODULE: ./src/engine/analysis/diversity.ts
// Diversity analysis: one streaming pass, bounded memory, deterministic.
//
//   const d = new DiversityAnalysis({ boilerplatePhrases?, windowSize?, exactCap?, compressionSampleBytes? });
//   for (const conv of conversations) d.add(conv);
//   const result: DiversityResult = d.finish();   // plain JSON, numbers rounded to 4 decimals
//
// Words: text.normalize("NFKC").toLowerCase() split on whitespace (punctuation stays attached to words).
// N-grams never cross message boundaries. Unless said otherwise, every figure is over assistant messages.
//  - distinct-n (n = 1, 2, 3): distinct n-grams / total n-grams. Distinct counts are exact (64-bit hash pairs)
//    up to `exactCap` (65,536) distinct n-grams, then HyperLogLog p=14 (relative std. error ~0.81%);
//    `method` says which (`hllFromStart`: HyperLogLog from the first word; the engine sets it for runs over 32 MiB).
//    Totals are always exact.
//  - compression ratio: UTF-8 bytes / zlib (deflate, level 6) bytes of assistant text joined by "\n". At most
//    `compressionSampleBytes` (4 MB) are compressed: every k-th assistant message is kept, k doubling whenever the
//    kept text exceeds the budget (a uniform systematic sample); `sampled: true` when k > 1.
//  - windowed distinct-2: the assistant word stream of each chunk is cut into consecutive windows of
//    `windowSize` (10,000) words (windows restart at every chunk boundary); mean over counted windows of distinct
//    bigrams / bigrams inside the window (bigrams compared by 32-bit hash: about one collision per 100 windows,
//    a 1e-4 change in that window's value). A full window counts when it holds a bigram. A chunk's trailing partial
//    window counts (when it holds a bigram) only if it holds >= half a window; otherwise it is remembered as a
//    "short tail". If the whole run has no counted window, the largest short tail (most words; the earliest
//    chunk's on ties) is counted as the only window when it holds a bigram. With a single chunk this is the
//    classic rule: the last partial window counts if it holds >= half a window or it is the only window.
//  - repeated openings: over answers = the final assistant message of each record; opening = its first 4 words
//    (fewer if shorter; empty answers skipped). topShare = count of the most common opening / answers. Bounded
//    Misra-Gries top-k (10,000 counters): exact while fewer distinct openings, lower bounds afterwards.
//  - boilerplate: share of assistant messages with text (textMessages: at least one word; tool-call-only messages
//    do not count) containing any phrase of DEFAULT_BOILERPLATE_PHRASES (or the given
//    list) as a substring, case-insensitive, typographic apostrophes folded to "'" (boilerplate.ts finds them from
//    the word hashes).
//  - system prompts: first system/developer message of each record; distinct count + top 5 (bounded top-k).
//  - user prompts: uniqueShare = distinct first-user-message texts / records that have a user message.
//  - length uniqueness: distinct lengths (UTF-16 code units) of assistant messages with text / those messages.
//  - turn balance: single-turn = exactly one user and one assistant message; multi-turn = at least one of each and
//    more than one of either; other = no user or no assistant message.
//
// Chunked runs (parallel workers / shards). The run is cut into chunks defined by the data (byte ranges of
// files). Each chunk is fed to a fresh instance and handed over as `toPartial()` (plain structured-clone-able
// data); a fresh "total" instance merges every partial in chunk order, then finish(). The single-thread run does
// the same, so the definitions below are canonical and results do not depend on the number of workers.
//    total.merge(chunk.toPartial())  after a single chunk finishes exactly like chunk.finish().
//  - records, messages, words, n-gram totals, boilerplate counts, turn balance, compression totalBytes: add.
//  - distinct-n, system-prompt distinct, user-prompt distinct: union of the chunks' sets (ngram-sketch.ts
//    DistinctCounter.merge: exact sets insert all items, switching to HyperLogLog past `exactCap`; HLL + HLL =
//    register max; exact + HLL = exact items added to the HLL).
//  - length uniqueness: union of the chunks' distinct lengths.
//  - windowed distinct-2: see above (full windows: sum/count/min/max add; largest short tail kept).
//  - openings and system-prompt top-k: Misra-Gries merge in chunk order (stats.ts TopK.merge); a key keeps
//    the payload (system prompt text) of the first chunk that had it.
//  - compression sample: within a chunk the message with chunk-local assistant index i is a candidate when
//    i % k === 0 (k = the chunk's own sampling step). At merge K = the largest step seen; candidates are kept
//    in chunk order when their chunk-local index % K === 0, and K doubles (re-filtering every kept message by
//    its chunk-local index) while the kept text exceeds `compressionSampleBytes` and more than one message is
//    kept. `sampleEvery` reports K. Deterministic and bounded (each partial holds <= budget + one message). The
//    engine gives each chunk its share of the run's budget (chunk-analysis.ts compressionBudget): steps are powers of
//    two, so the merged sample is the same unless a chunk's own step passes the run's.
//    Many chunks (a folder of thousands of small files) can keep only their first messages (index 0, which no step
//    removes) and still exceed the budget. Then K becomes FIRST_ONLY (2^31: every later message is dropped) and
//    the first messages are thinned by the hash of their text (thinByHash: the ones with the smallest hashes,
//    identical texts together, up to the budget, at least one text). The smallest dropped hash is remembered
//    (`hashCut`, the smallest of both sides at merge) and no message at or above it is kept again: a bottom-k
//    sample, which gives the same messages whatever the order and grouping of the merges. `sampleEvery` then
//    reports messages / kept messages.
//  - add() after merge() is not supported (throws).






/** Default AI-disclaimer / refusal phrases (lowercase; matched as substrings, case-insensitive). */
const DEFAULT_BOILERPLATE_PHRASES = [
    "as an ai language model",
    "as an ai assistant",
    "as an ai,",
    "as a large language model",
    "as a language model",
    "i cannot assist with",
    "i can't assist with",
    "i'm sorry, but i cannot",
    "i'm sorry, but i can't",
    "i am unable to",
    "i'm unable to",
    "i don't have personal opinions",
    "i do not have personal opinions",
    "i don't have personal experiences",
    "i don't have the ability to",
    "my knowledge cutoff",
    "i cannot fulfill that request",
    "i can't help with that",
];
/** Assistant text compressed for the compression ratio, at most (a run's budget). */
const DEFAULT_COMPRESSION_SAMPLE_BYTES = 4 * 1024 * 1024;
/** Compression sample step that keeps only each chunk's first message (see the file header). */
const FIRST_ONLY = 2 ** 31;
const HLL_ERROR = stats_round(1.04 / Math.sqrt(1 << 14), 4);
const WS = /\s+/;
const NON_ASCII = /[^\x00-\x7f]/;
/** Lowercased NFKC form used for words and phrase matching (text-scan.ts wordForm; ASCII is only lowercased). */
function normalizeText(text) {
    return NON_ASCII.test(text) ? wordForm(text) : text.toLowerCase();
}
/** Lowercase NFKC whitespace-split words (no empty strings). */
function words(text) {
    return splitWords(normalizeText(text));
}
function splitWords(lower) {
    const w = lower.split(WS);
    if (w.length && w[0] === "")
        w.shift();
    if (w.length && w[w.length - 1] === "")
        w.pop();
    return w;
}
/** Second hash of the bigram (i - 1, i) from the words' second hashes (as ngrams() makes it). */
function bigram2(b, i) {
    return fmix32((Math.imul(b[i - 1] ^ 0x3, 0x9e3779b1) + b[i]) | 0) | 0;
}
function isSystemRole(role) {
    return role === "system" || role === "developer";
}
const WS_RUN = /\s+/g;
class DiversityAnalysis {
    phrases;
    windowSize;
    sampleBudget;
    fastHll;
    records = 0;
    assistantMessages = 0;
    textMessages = 0;
    assistantWords = 0;
    d1;
    d2;
    d3;
    t1 = 0;
    t2 = 0;
    t3 = 0;
    // windowed distinct-2
    win;
    winWords = 0;
    winBigrams = 0;
    winSum = 0;
    winCount = 0;
    winMin = Infinity;
    winMax = -Infinity;
    tailWords = 0;
    tailBigrams = 0;
    tailDistinct = 0;
    merged = false;
    // compression sample
    /** Kept messages: chunk-local assistant index, text, UTF-8 bytes + 1, 32-bit hash of the text (the scan's exact key). */
    chunks = [];
    keptBytes = 0;
    totalBytes = 0;
    sampleEvery = 1;
    /** Messages whose text hash (uint32) is >= hashCut are not kept (2^32: none dropped by hash yet). */
    hashCut = 2 ** 32;
    // openings, boilerplate, prompts, lengths, turns
    openings = new TopK(10_000, true);
    answers = 0;
    boilerMessages = 0;
    boilerCounts;
    phraseMatcher;
    systemTop = new TopK(10_000);
    systemDistinct;
    recordsWithSystem = 0;
    userDistinct;
    recordsWithUser = 0;
    lengths = new Set();
    single = 0;
    multi = 0;
    other = 0;
    countPhrase = (k) => {
        this.boilerCounts[k]++;
    };
    constructor(opts = {}) {
        this.phrases = (opts.boilerplatePhrases ?? [...DEFAULT_BOILERPLATE_PHRASES]).map(normalizeText).filter((p) => p);
        this.boilerCounts = new Array(this.phrases.length).fill(0);
        this.phraseMatcher = new PhraseMatcher(this.phrases);
        this.windowSize = Math.max(2, opts.windowSize ?? 10_000);
        this.win = new WindowSet32(Math.min(this.windowSize, 1024)); // grows to a window's size (small chunks stay small)
        this.sampleBudget = opts.compressionSampleBytes ?? DEFAULT_COMPRESSION_SAMPLE_BYTES;
        const cap = opts.exactCap ?? 65_536;
        const hll = opts.hllFromStart === true;
        this.fastHll = opts.referenceNgrams !== true;
        this.d1 = new DistinctCounter(cap, hll);
        this.d2 = new DistinctCounter(cap, hll);
        this.d3 = new DistinctCounter(cap, hll);
        this.systemDistinct = new DistinctCounter(cap);
        this.userDistinct = new DistinctCounter(cap);
    }
    /** `scan`: the record's text scan (text-scan.ts), when the caller already has it. */
    add(conv, scan) {
        if (this.merged)
            throw new Error("DiversityAnalysis: add() after merge() is not supported");
        const s = scan ?? scanRecord(conv, false);
        this.records++;
        const msgs = conv.messages;
        let users = 0;
        let assistants = 0;
        let lastAssistant = -1;
        let systemSeen = false;
        for (let m = 0; m < msgs.length; m++) {
            const msg = msgs[m];
            const role = msg.role;
            if (role === "assistant") {
                assistants++;
                lastAssistant = m;
            }
            else if (role === "user") {
                if (users === 0) {
                    this.recordsWithUser++;
                    this.userDistinct.add(s.e1[m], s.e2[m]);
                }
                users++;
            }
            else if (!systemSeen && isSystemRole(role)) {
                systemSeen = true;
                this.recordsWithSystem++;
                const key = s.e1[m].toString(36) + ":" + s.e2[m].toString(36);
                this.systemTop.add(key, msg.text.length > 300 ? msg.text.slice(0, 300) : msg.text);
                this.systemDistinct.add(s.e1[m], s.e2[m]);
            }
        }
        if (users === 1 && assistants === 1)
            this.single++;
        else if (users >= 1 && assistants >= 1)
            this.multi++;
        else
            this.other++;
        for (let m = 0; m < msgs.length; m++) {
            if (msgs[m].role !== "assistant")
                continue;
            this.addAssistant(msgs[m].text, s, m, m === lastAssistant);
        }
    }
    addAssistant(text, s, m, isFinal) {
        const idx = this.assistantMessages++;
        // compression sample: every k-th assistant message
        const bytes = s.bytes[m];
        this.totalBytes += bytes + 1;
        if (idx % this.sampleEvery === 0) {
            this.chunks.push({ i: idx, text, bytes: bytes + 1, h: s.e1[m] });
            this.keptBytes += bytes + 1;
            while (this.keptBytes > this.sampleBudget && this.chunks.length > 1) {
                this.sampleEvery *= 2;
                const k = this.sampleEvery;
                this.chunks = this.chunks.filter((c) => c.i % k === 0);
                this.keptBytes = this.chunks.reduce((sum, c) => sum + c.bytes, 0);
            }
        }
        // boilerplate (boilerplate.ts): the phrases found in the scanned form, each once
        const form = s.text[m];
        if (this.phraseMatcher.match(s, m, this.countPhrase))
            this.boilerMessages++;
        const from = s.from[m];
        const n = s.to[m] - from;
        this.assistantWords += n;
        if (n > 0) {
            this.textMessages++;
            this.lengths.add(text.length);
        }
        if (isFinal && n > 0) {
            this.answers++;
            const last = from + Math.min(n, 4) - 1;
            // Keyed by a 53-bit hash of its (lowercase) words; the text is made only for a new key.
            let k1 = 0x6f70656e;
            let k2 = 0x696e6773;
            for (let w = from; w <= last; w++) {
                k1 = mix32(k1, s.a[w]);
                k2 = mix32(k2, s.b[w]);
            }
            const key = (fmix32(k1 ^ (last - from)) * 0x200000) + (fmix32(k2) >>> 11);
            this.openings.addWith(key, () => form.slice(s.starts[from], s.ends[last]).toLowerCase().replace(WS_RUN, " "));
        }
        if (n === 0)
            return;
        this.t1 += n;
        if (n >= 2)
            this.t2 += n - 1;
        if (n >= 3)
            this.t3 += n - 2;
        const r1 = this.d1.registers;
        const r2 = this.d2.registers;
        const r3 = this.d3.registers;
        if (r1 && r2 && r3 && this.fastHll)
            this.ngramsHll(s.a, s.b, from, from + n, r1, r2, r3);
        else
            this.ngrams(s.a, s.b, from, from + n);
    }
    /** ngrams() once all three counters are in HyperLogLog mode: the registers are updated here, and the second
     * hash of an n-gram (which HyperLogLog reads only when the low 18 bits of the first are 0) is made only then,
     * from the words' second hashes. The same registers as ngrams(), with half the hashing. */
    ngramsHll(a, b, from, end, r1, r2, r3) {
        const win = this.win;
        const ws = this.windowSize;
        let winWords = this.winWords;
        let winBigrams = this.winBigrams;
        let p1 = 0;
        let q1 = 0;
        for (let i = from; i < end; i++) {
            const x1 = a[i];
            let k = x1 >>> 18;
            let rank = (x1 & 0x3ffff) !== 0 ? Math.clz32(x1 << 14) + 1 : hllRank14(x1, b[i]);
            if (rank > r1[k])
                r1[k] = rank;
            if (winWords === ws) {
                this.winBigrams = winBigrams;
                this.closeWindow();
                winWords = 0;
                winBigrams = 0;
            }
            winWords++;
            if (i > from) {
                const g1 = fmix32((Math.imul(p1 ^ 0x2, 0x9e3779b1) + x1) | 0) | 0;
                k = g1 >>> 18;
                rank = (g1 & 0x3ffff) !== 0 ? Math.clz32(g1 << 14) + 1 : hllRank14(g1, bigram2(b, i));
                if (rank > r2[k])
                    r2[k] = rank;
                if (winWords > 1) {
                    win.add(g1);
                    winBigrams++;
                }
                if (i > from + 1) {
                    const t1 = fmix32((Math.imul(q1 ^ 0x5, 0x9e3779b1) + x1) | 0) | 0;
                    k = t1 >>> 18;
                    rank = (t1 & 0x3ffff) !== 0 ? Math.clz32(t1 << 14) + 1 : hllRank14(t1, fmix32((Math.imul(bigram2(b, i - 1) ^ 0x7, 0x9e3779b1) + b[i]) | 0) | 0);
                    if (rank > r3[k])
                        r3[k] = rank;
                }
                q1 = g1;
            }
            p1 = x1;
        }
        this.winWords = winWords;
        this.winBigrams = winBigrams;
    }
    /** Distinct 1/2/3-grams and the window of words [from, end) of one message (hot loop: state in locals). */
    ngrams(a, b, from, end) {
        const d1 = this.d1;
        const d2 = this.d2;
        const d3 = this.d3;
        const win = this.win;
        const ws = this.windowSize;
        let winWords = this.winWords;
        let winBigrams = this.winBigrams;
        let p1 = 0;
        let p2 = 0;
        let q1 = 0;
        let q2 = 0;
        for (let i = from; i < end; i++) {
            const x1 = a[i];
            const x2 = b[i];
            d1.add(x1, x2);
            if (winWords === ws) {
                this.winBigrams = winBigrams;
                this.closeWindow();
                winWords = 0;
                winBigrams = 0;
            }
            winWords++;
            if (i > from) {
                // bigram (i-1, i); the trigram (i-2, i-1, i) = bigram (i-2, i-1) combined with word i
                // (int32 throughout: uint32 values above 2^31 would be boxed when passed to the sets)
                const g1 = fmix32((Math.imul(p1 ^ 0x2, 0x9e3779b1) + x1) | 0) | 0;
                const g2 = fmix32((Math.imul(p2 ^ 0x3, 0x9e3779b1) + x2) | 0) | 0;
                d2.add(g1, g2);
                if (winWords > 1) {
                    win.add(g1);
                    winBigrams++;
                }
                if (i > from + 1)
                    d3.add(fmix32((Math.imul(q1 ^ 0x5, 0x9e3779b1) + x1) | 0) | 0, fmix32((Math.imul(q2 ^ 0x7, 0x9e3779b1) + x2) | 0) | 0);
                q1 = g1;
                q2 = g2;
            }
            p1 = x1;
            p2 = x2;
        }
        this.winWords = winWords;
        this.winBigrams = winBigrams;
    }
    closeWindow() {
        if (this.winBigrams > 0) {
            const s = this.win.size / this.winBigrams;
            this.winSum += s;
            this.winCount++;
            if (s < this.winMin)
                this.winMin = s;
            if (s > this.winMax)
                this.winMax = s;
        }
        this.win.clear();
        this.winWords = 0;
        this.winBigrams = 0;
    }
    /** Counted windows and the largest short tail, with the open window folded in as a chunk's trailing window
     * (does not modify the instance). */
    windowState() {
        const w = {
            size: this.windowSize,
            sum: this.winSum,
            count: this.winCount,
            min: this.winMin,
            max: this.winMax,
            tailWords: this.tailWords,
            tailBigrams: this.tailBigrams,
            tailDistinct: this.tailDistinct,
        };
        if (this.winWords > 0) {
            if (this.winWords * 2 >= this.windowSize) {
                if (this.winBigrams > 0) {
                    const s = this.win.size / this.winBigrams;
                    w.sum += s;
                    w.count++;
                    if (s < w.min)
                        w.min = s;
                    if (s > w.max)
                        w.max = s;
                }
            }
            else if (this.winWords > w.tailWords) {
                w.tailWords = this.winWords;
                w.tailBigrams = this.winBigrams;
                w.tailDistinct = this.win.size;
            }
        }
        return w;
    }
    toPartial() {
        const kept = this.chunks;
        return {
            records: this.records,
            assistantMessages: this.assistantMessages,
            textMessages: this.textMessages,
            assistantWords: this.assistantWords,
            d1: this.d1.toPartial(),
            d2: this.d2.toPartial(),
            d3: this.d3.toPartial(),
            t1: this.t1,
            t2: this.t2,
            t3: this.t3,
            window: this.windowState(),
            compression: {
                sampleEvery: this.sampleEvery,
                index: kept.map((c) => c.i),
                texts: kept.map((c) => c.text),
                bytes: kept.map((c) => c.bytes),
                hash: kept.map((c) => c.h),
                hashCut: this.hashCut,
                totalBytes: this.totalBytes,
            },
            openings: this.openings.toPartial(),
            answers: this.answers,
            boilerMessages: this.boilerMessages,
            boilerCounts: [...this.boilerCounts],
            systemTop: this.systemTop.toPartial(),
            systemDistinct: this.systemDistinct.toPartial(),
            recordsWithSystem: this.recordsWithSystem,
            userDistinct: this.userDistinct.toPartial(),
            recordsWithUser: this.recordsWithUser,
            lengths: [...this.lengths],
            single: this.single,
            multi: this.multi,
            other: this.other,
        };
    }
    /** Folds the next chunk's partial into this instance (chunks in order; see the file header). */
    merge(p) {
        if (p.boilerCounts.length !== this.phrases.length)
            throw new Error("DiversityAnalysis.merge: boilerplate phrase lists differ");
        if (p.window.size !== this.windowSize)
            throw new Error("DiversityAnalysis.merge: window sizes differ");
        if (!this.merged && this.winWords > 0) {
            // This instance's own records form the first chunk: close its trailing window the same way.
            const w = this.windowState();
            this.win.clear();
            this.winWords = 0;
            this.winBigrams = 0;
            this.setWindow(w);
        }
        this.merged = true;
        this.records += p.records;
        this.assistantMessages += p.assistantMessages;
        this.textMessages += p.textMessages;
        this.assistantWords += p.assistantWords;
        this.d1.merge(p.d1);
        this.d2.merge(p.d2);
        this.d3.merge(p.d3);
        this.t1 += p.t1;
        this.t2 += p.t2;
        this.t3 += p.t3;
        const w = p.window;
        this.winSum += w.sum;
        this.winCount += w.count;
        if (w.min < this.winMin)
            this.winMin = w.min;
        if (w.max > this.winMax)
            this.winMax = w.max;
        if (w.tailWords > this.tailWords) {
            this.tailWords = w.tailWords;
            this.tailBigrams = w.tailBigrams;
            this.tailDistinct = w.tailDistinct;
        }
        const c = p.compression;
        this.totalBytes += c.totalBytes;
        let k = Math.max(this.sampleEvery, c.sampleEvery);
        const cut = Math.min(this.hashCut, c.hashCut);
        if (k !== this.sampleEvery || cut !== this.hashCut) {
            this.chunks = this.chunks.filter((x) => x.i % k === 0 && x.h >>> 0 < cut);
            this.keptBytes = this.chunks.reduce((sum, x) => sum + x.bytes, 0);
            this.hashCut = cut;
        }
        for (let j = 0; j < c.index.length; j++) {
            if (c.index[j] % k !== 0 || c.hash[j] >>> 0 >= cut)
                continue;
            this.chunks.push({ i: c.index[j], text: c.texts[j], bytes: c.bytes[j], h: c.hash[j] });
            this.keptBytes += c.bytes[j];
        }
        while (this.keptBytes > this.sampleBudget && this.chunks.length > 1) {
            if (k >= FIRST_ONLY || this.chunks.every((x) => x.i === 0)) {
                // only chunks' first messages are left, and no step removes them (see the file header)
                k = FIRST_ONLY;
                this.thinByHash();
                break;
            }
            k *= 2;
            this.chunks = this.chunks.filter((x) => x.i % k === 0);
            this.keptBytes = this.chunks.reduce((sum, x) => sum + x.bytes, 0);
        }
        this.sampleEvery = k;
        this.openings.merge(p.openings);
        this.answers += p.answers;
        this.boilerMessages += p.boilerMessages;
        for (let i = 0; i < this.boilerCounts.length; i++)
            this.boilerCounts[i] += p.boilerCounts[i];
        this.systemTop.merge(p.systemTop);
        this.systemDistinct.merge(p.systemDistinct);
        this.recordsWithSystem += p.recordsWithSystem;
        this.userDistinct.merge(p.userDistinct);
        this.recordsWithUser += p.recordsWithUser;
        for (const len of p.lengths)
            this.lengths.add(len);
        this.single += p.single;
        this.multi += p.multi;
        this.other += p.other;
    }
    /** Keeps the kept messages with the smallest text hashes (identical hashes together) up to the budget, at least
     * the smallest hash's; chunk order is kept. */
    thinByHash() {
        const byHash = this.chunks.map((x) => ({ h: x.h >>> 0, bytes: x.bytes })).sort((x, y) => x.h - y.h);
        let bytes = 0;
        let cut = -1;
        for (let j = 0; j < byHash.length;) {
            let g = j;
            let groupBytes = 0;
            while (g < byHash.length && byHash[g].h === byHash[j].h)
                groupBytes += byHash[g++].bytes;
            if (j > 0 && bytes + groupBytes > this.sampleBudget) {
                cut = byHash[j].h;
                break;
            }
            bytes += groupBytes;
            j = g;
        }
        if (cut < 0)
            return;
        this.chunks = this.chunks.filter((x) => x.h >>> 0 < cut);
        this.keptBytes = bytes;
        this.hashCut = cut;
    }
    setWindow(w) {
        this.winSum = w.sum;
        this.winCount = w.count;
        this.winMin = w.min;
        this.winMax = w.max;
        this.tailWords = w.tailWords;
        this.tailBigrams = w.tailBigrams;
        this.tailDistinct = w.tailDistinct;
    }
    distinctN(c, total) {
        const distinct = c.estimate();
        return {
            distinct,
            total,
            ratio: ratio(Math.min(distinct, total), total),
            method: c.method,
            standardError: c.method === "exact" ? 0 : HLL_ERROR,
        };
    }
    /** The compression sample's deflated size, computed off this thread (zlib's thread pool): a run starts it once the
     * last partial is merged and hands the result to finish(), so that it overlaps the rest of the run's end. */
    compressSample() {
        // nothing to compress: finish() reports 0 whatever it is given
        if (this.chunks.every((c) => c.bytes === 0))
            return Promise.resolve(0);
        const sample = this.chunks.map((c) => c.text).join("\n") + "\n";
        return new Promise((resolve, reject) => external_node_zlib_default().deflate(Buffer.from(sample, "utf8"), (e, out) => (e ? reject(e) : resolve(out.length))));
    }
    /** `compressed`: compressSample()'s result when the caller ran it (else it is computed here). */
    finish(compressed) {
        // trailing partial window, then the "only window" rule for the largest short tail
        const w = this.windowState();
        if (w.count === 0 && w.tailBigrams > 0) {
            const s = w.tailDistinct / w.tailBigrams;
            w.sum = s;
            w.count = 1;
            w.min = s;
            w.max = s;
        }
        const sampleBytes = this.chunks.reduce((s, c) => s + c.bytes, 0);
        if (sampleBytes === 0)
            compressed = 0;
        else
            compressed ??= external_node_zlib_default().deflateSync(Buffer.from(this.chunks.map((c) => c.text).join("\n") + "\n", "utf8")).length;
        const top = this.openings.top(10);
        const byPhrase = this.phrases
            .map((phrase, i) => ({ phrase, count: this.boilerCounts[i] }))
            .filter((p) => p.count > 0)
            .sort((x, y) => y.count - x.count || (x.phrase < y.phrase ? -1 : 1));
        const userDistinct = this.userDistinct.estimate();
        return {
            records: this.records,
            assistantMessages: this.assistantMessages,
            textMessages: this.textMessages,
            assistantWords: this.assistantWords,
            distinct1: this.distinctN(this.d1, this.t1),
            distinct2: this.distinctN(this.d2, this.t2),
            distinct3: this.distinctN(this.d3, this.t3),
            compression: {
                ratio: compressed > 0 ? stats_round(sampleBytes / compressed) : 0,
                sampleBytes,
                compressedBytes: compressed,
                totalBytes: this.totalBytes,
                sampled: this.sampleEvery > 1,
                sampleEvery: this.sampleEvery >= FIRST_ONLY ? Math.round(this.assistantMessages / this.chunks.length) : this.sampleEvery,
            },
            windowedDistinct2: {
                mean: w.count ? stats_round(w.sum / w.count) : null,
                min: w.count ? stats_round(w.min) : null,
                max: w.count ? stats_round(w.max) : null,
                windowSize: this.windowSize,
                windows: w.count,
            },
            openings: {
                scope: "final-assistant",
                answers: this.answers,
                topShare: top.length ? ratio(top[0].count, this.answers) : 0,
                top: top.map((t) => ({ opening: t.payload ?? "", count: t.count })),
                exact: this.openings.exact,
            },
            boilerplate: {
                phrases: this.phrases.length,
                messages: this.boilerMessages,
                share: ratio(this.boilerMessages, this.textMessages),
                byPhrase,
            },
            systemPrompts: {
                recordsWithSystem: this.recordsWithSystem,
                distinct: this.systemDistinct.estimate(),
                method: this.systemDistinct.method,
                top: this.systemTop.top(5).map((t) => ({ text: t.payload ?? "", count: t.count })),
                exact: this.systemTop.exact,
            },
            userPrompts: {
                recordsWithUser: this.recordsWithUser,
                distinct: userDistinct,
                uniqueShare: ratio(Math.min(userDistinct, this.recordsWithUser), this.recordsWithUser),
                method: this.userDistinct.method,
            },
            lengthUniqueness: {
                distinctLengths: this.lengths.size,
                assistantMessages: this.textMessages,
                share: ratio(this.lengths.size, this.textMessages),
            },
            turnBalance: {
                records: this.records,
                singleTurn: this.single,
                multiTurn: this.multi,
                other: this.other,
                singleTurnShare: ratio(this.single, this.records),
                multiTurnShare: ratio(this.multi, this.records),
            },
        };
    }
}

;// CONCATENATED MODULE: ./src/engine/analysis/composition.ts


const QUESTION_WORDS = [
    "what", "why", "when", "where", "which", "who", "whom", "whose", "how", "can", "could", "would", "should",
    "is", "are", "am", "was", "were", "do", "does", "did", "will", "may", "might", "shall", "has", "have",
];
const COMMAND_VERBS = [
    "write", "create", "explain", "list", "describe", "give", "summarize", "summarise", "translate", "generate",
    "make", "provide", "tell", "show", "find", "calculate", "compute", "convert", "rewrite", "fix", "implement",
    "design", "draft", "compose", "classify", "identify", "analyze", "analyse", "compare", "suggest", "help",
    "build", "add", "remove", "sort", "name", "define", "edit", "correct", "extract", "please", "outline", "plan",
    "recommend", "paraphrase", "complete", "solve", "evaluate", "determine", "choose", "select", "read", "use",
];
const CODE_PATTERN = /```|\b(?:code|function|python|javascript|typescript|java|sql|regex|bash|json|html|css|compile|def|class|import|const|print\(|console\.log)\b|#include|=>/i;
const composition_ROLES = ["system", "developer", "user", "assistant", "tool", "function"];
/** A list item line: what hasListLine() finds (the definition; hasListLine is the fast path). */
const LIST_LINE = /^[ \t]*(?:[-*•]|\d+[.)])[ \t]+\S/m;
/** A Markdown ATX heading line (only tried on texts holding a "#"). */
const HEADER_LINE = /^#{1,6}[ \t]+\S/m;
const FIRST_WORD = /^[\s"'“‘(¿¡]*([\p{L}']+)/u;
const QUESTION_SET = new Set(QUESTION_WORDS);
const COMMAND_SET = new Set(COMMAND_VERBS);
/** Whether the line starting at i is a list item as LIST_LINE defines it: [ \t]*, then -, * or •, or digits then
 * "." or ")", then [ \t]+ and a non-space. */
function listItemAt(t, i) {
    const n = t.length;
    let c = t.charCodeAt(i);
    while (c === 0x20 || c === 0x09) {
        if (++i >= n)
            return false;
        c = t.charCodeAt(i);
    }
    if (c === 0x2d || c === 0x2a || c === 0x2022)
        i++;
    else if (c >= 0x30 && c <= 0x39) {
        do {
            if (++i >= n)
                return false;
            c = t.charCodeAt(i);
        } while (c >= 0x30 && c <= 0x39);
        if (c !== 0x2e && c !== 0x29)
            return false;
        i++;
    }
    else
        return false;
    if (i >= n)
        return false;
    c = t.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09)
        return false;
    do {
        if (++i >= n)
            return false;
        c = t.charCodeAt(i);
    } while (c === 0x20 || c === 0x09);
    return !isSpaceCode(c);
}
/** LIST_LINE.test(t), about ten times faster: line starts are found with indexOf("\n"); a text with another line
 * terminator (\r, U+2028, U+2029, where /m also starts lines) goes to the regex. */
function hasListLine(t) {
    const n = t.length;
    if (n === 0)
        return false;
    if (t.indexOf("\r") >= 0 || t.indexOf("\u2028") >= 0 || t.indexOf("\u2029") >= 0)
        return LIST_LINE.test(t);
    let i = 0;
    for (;;) {
        if (listItemAt(t, i))
            return true;
        const j = t.indexOf("\n", i);
        if (j < 0 || j + 1 >= n)
            return false;
        i = j + 1;
    }
}
/** HEADER_LINE.test(t), skipping the regex for texts without a "#". */
function hasHeaderLine(t) {
    return t.indexOf("#") >= 0 && HEADER_LINE.test(t);
}
function countFences(text) {
    let n = 0;
    let i = text.indexOf("```");
    while (i !== -1) {
        n++;
        i = text.indexOf("```", i + 3);
    }
    return n;
}
function classifyQuery(text) {
    const t = text.trimEnd();
    if (t.endsWith("?") || t.endsWith("？"))
        return "question";
    const m = FIRST_WORD.exec(t);
    const w = m ? m[1].toLowerCase() : "";
    if (QUESTION_SET.has(w))
        return "question";
    if (COMMAND_SET.has(w))
        return "command";
    return "other";
}
class CompositionAnalysis {
    records = 0;
    messages = 0;
    roles = new TopK(1000);
    turns = new Array(11).fill(0);
    single = 0;
    multi = 0;
    other = 0;
    lengths = new Map();
    tools = 0;
    images = 0;
    preference = 0;
    q = { records: 0, questions: 0, commands: 0, other: 0, codeRelated: 0, short: 0, medium: 0, long: 0 };
    r = {
        records: 0, codeBlocks0: 0, codeBlocks1: 0, codeBlocks2plus: 0, withCode: 0, withLists: 0, withHeaders: 0,
        brief: 0, medium: 0, detailed: 0,
    };
    categories = new TopK(10_000);
    categorized = 0;
    merged = false;
    add(conv) {
        if (this.merged)
            throw new Error("CompositionAnalysis: add() after merge() is not supported");
        this.records++;
        const msgs = conv.messages;
        this.messages += msgs.length;
        let users = 0;
        let assistants = 0;
        let firstUser = -1;
        let lastAssistant = -1;
        let tool = conv.hasTools;
        let image = false;
        for (let i = 0; i < msgs.length; i++) {
            const m = msgs[i];
            this.roles.add(m.role);
            if (m.role === "user") {
                if (firstUser < 0)
                    firstUser = i;
                users++;
            }
            else if (m.role === "assistant") {
                assistants++;
                lastAssistant = i;
            }
            if (m.toolCalls > 0)
                tool = true;
            if (m.images > 0)
                image = true;
            const key = composition_ROLES.includes(m.role) ? m.role : "other";
            let s = this.lengths.get(key);
            if (!s)
                this.lengths.set(key, (s = new QuantileSketch(100_000)));
            s.add(m.text.length);
        }
        if (conv.rejected) {
            this.preference++;
            for (const m of conv.rejected)
                if (m.images > 0)
                    image = true;
        }
        if (tool)
            this.tools++;
        if (image)
            this.images++;
        this.turns[Math.min(10, users)]++;
        if (users === 1 && assistants === 1)
            this.single++;
        else if (users >= 1 && assistants >= 1)
            this.multi++;
        else
            this.other++;
        if (firstUser >= 0) {
            const t = msgs[firstUser].text;
            const q = this.q;
            q.records++;
            const kind = classifyQuery(t);
            if (kind === "question")
                q.questions++;
            else if (kind === "command")
                q.commands++;
            else
                q.other++;
            if (CODE_PATTERN.test(t))
                q.codeRelated++;
            if (t.length < 50)
                q.short++;
            else if (t.length > 200)
                q.long++;
            else
                q.medium++;
        }
        if (lastAssistant >= 0) {
            const t = msgs[lastAssistant].text;
            const r = this.r;
            r.records++;
            const blocks = Math.ceil(countFences(t) / 2);
            if (blocks === 0)
                r.codeBlocks0++;
            else if (blocks === 1)
                r.codeBlocks1++;
            else
                r.codeBlocks2plus++;
            if (blocks > 0)
                r.withCode++;
            if (hasListLine(t))
                r.withLists++;
            if (hasHeaderLine(t))
                r.withHeaders++;
            if (t.length < 200)
                r.brief++;
            else if (t.length > 800)
                r.detailed++;
            else
                r.medium++;
        }
        if (conv.category !== undefined && conv.category !== "") {
            this.categorized++;
            this.categories.add(conv.category);
        }
    }
    toPartial() {
        const lengths = {};
        for (const [k, v] of this.lengths)
            lengths[k] = v.toPartial();
        return {
            records: this.records,
            messages: this.messages,
            roles: this.roles.toPartial(),
            turns: [...this.turns],
            single: this.single,
            multi: this.multi,
            other: this.other,
            lengths,
            tools: this.tools,
            images: this.images,
            preference: this.preference,
            q: { ...this.q },
            r: { ...this.r },
            categories: this.categories.toPartial(),
            categorized: this.categorized,
        };
    }
    /** Folds the next chunk's partial into this instance (chunks in order; see the file header). */
    merge(p) {
        this.merged = true;
        this.records += p.records;
        this.messages += p.messages;
        this.roles.merge(p.roles);
        for (let i = 0; i < this.turns.length; i++)
            this.turns[i] += p.turns[i] ?? 0;
        this.single += p.single;
        this.multi += p.multi;
        this.other += p.other;
        for (const key of [...composition_ROLES, "other"]) {
            const lp = p.lengths[key];
            if (!lp)
                continue;
            let s = this.lengths.get(key);
            if (!s)
                this.lengths.set(key, (s = new QuantileSketch(100_000)));
            s.merge(lp);
        }
        this.tools += p.tools;
        this.images += p.images;
        this.preference += p.preference;
        for (const k of Object.keys(this.q))
            this.q[k] += p.q[k];
        for (const k of Object.keys(this.r))
            this.r[k] += p.r[k];
        this.categories.merge(p.categories);
        this.categorized += p.categorized;
    }
    finish() {
        const roles = Object.create(null);
        for (const e of this.roles.top(1000))
            roles[e.key] = e.count;
        const turnsHistogram = {};
        this.turns.forEach((n, i) => (turnsHistogram[i === 10 ? "10+" : String(i)] = n));
        const messageLength = {};
        for (const key of [...composition_ROLES, "other"]) {
            const s = this.lengths.get(key);
            if (s)
                messageLength[key] = s.summary(2);
        }
        return {
            records: this.records,
            messages: this.messages,
            roles,
            turnsHistogram,
            singleTurn: this.single,
            multiTurn: this.multi,
            other: this.other,
            singleTurnShare: ratio(this.single, this.records),
            multiTurnShare: ratio(this.multi, this.records),
            messageLength,
            toolExamples: this.tools,
            imageExamples: this.images,
            preferenceExamples: this.preference,
            userQueries: { ...this.q },
            responses: { ...this.r },
            categories: this.categorized
                ? {
                    records: this.categorized,
                    distinct: this.categories.distinctTracked,
                    top: this.categories.top(50).map((e) => ({ category: e.key, count: e.count })),
                    exact: this.categories.exact,
                }
                : null,
        };
    }
}

;// CONCATENATED MODULE: ./src/engine/analysis/bpe.ts
// Byte-pair encoding token counts for one pre-tokenizer piece, with gpt-tokenizer's vocabularies packed as bytes
// (vocabularies/*.generated.js, made by scripts/vocabularies.mjs): the same counts as the library, which loads in
// ~0.3 s where this loads in ~10 ms, and merges without making a string per byte pair.
//
//   const v = Vocabulary.fromBase64(RANKS, DATA);
//   v.countPiece(" hello")   // tokens of one piece of the encoding's pre-tokenizer split
//
// The library's algorithm, reproduced exactly (tests/analysis/tokens.test.ts compares on thousands of texts):
//  - a piece that is itself a token (looked up by its text) is 1 token; a single ASCII character is 1 token;
//  - otherwise its UTF-8 bytes (a lone surrogate written as U+FFFD) start as one part per byte, and the adjacent
//    pair of parts whose joined bytes have the lowest rank is merged (the leftmost on ties) until no joined pair is a
//    token; the count is the number of parts left.
//  - a byte range is looked up as the library looks it up: when it is valid UTF-8 the library decodes it to text
//    first, which drops a leading byte-order mark (EF BB BF), so such a range is looked up without it (and an
//    empty rest is no token). Tokens made of valid UTF-8 that the library keeps as bytes (those starting with a BOM)
//    are never found by it: the generated data leaves them out.

/** UTF-8 scratch and merge state, grown when a piece is longer. */
let bytes = Buffer.allocUnsafe(256);
let starts = new Int32Array(257);
let ranks = new Float64Array(257);
/** True when `s` holds a surrogate without its other half. */
function hasLoneSurrogate(s) {
    for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if ((c & 0xf800) !== 0xd800)
            continue;
        if (c < 0xdc00 && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00)
            i++;
        else
            return true;
    }
    return false;
}
function hashBytes(b, from, to) {
    let h = 0x811c9dc5 ^ (to - from);
    for (let i = from; i < to; i++)
        h = Math.imul(h ^ b[i], 0x01000193);
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    return h;
}
class Vocabulary {
    /** Token bytes, rank after rank. */
    data;
    /** Per rank: offset of its bytes in data, and their length (0: not a token). */
    offset;
    length;
    /** Open addressing: rank + 1, or 0 for an empty slot. */
    slots;
    mask;
    constructor(packed, count) {
        this.offset = new Int32Array(count);
        this.length = new Uint8Array(count);
        let p = 0;
        for (let r = 0; r < count; r++) {
            const n = packed[p];
            this.offset[r] = p + 1;
            this.length[r] = n;
            p += n + 1;
        }
        if (p !== packed.length)
            throw new Error(`vocabulary data: ${packed.length} bytes, expected ${p}`);
        this.data = packed;
        let cap = 1;
        while (cap < count * 2)
            cap <<= 1;
        this.slots = new Int32Array(cap);
        this.mask = cap - 1;
        for (let r = 0; r < count; r++) {
            const n = this.length[r];
            if (n === 0)
                continue;
            const at = this.offset[r];
            let s = hashBytes(packed, at, at + n) & this.mask;
            while (this.slots[s] !== 0)
                s = (s + 1) & this.mask;
            this.slots[s] = r + 1;
        }
    }
    /** From the generated module's RANKS and DATA (base64). */
    static fromBase64(count, base64) {
        const b = Buffer.from(base64, "base64");
        return new Vocabulary(new Uint8Array(b.buffer, b.byteOffset, b.length), count);
    }
    /** Rank of the token whose bytes are b[from, to), or -1. */
    find(b, from, to) {
        const n = to - from;
        if (n <= 0 || n > 255)
            return -1;
        const data = this.data;
        let s = hashBytes(b, from, to) & this.mask;
        for (;;) {
            const r = this.slots[s] - 1;
            if (r < 0)
                return -1;
            if (this.length[r] === n) {
                const at = this.offset[r];
                let i = 0;
                while (i < n && data[at + i] === b[from + i])
                    i++;
                if (i === n)
                    return r;
            }
            s = (s + 1) & this.mask;
        }
    }
    /** Rank of b[from, to) as the library looks a byte range up (see the file header), or -1. */
    rankOf(b, from, to) {
        if (to - from >= 3 && b[from] === 0xef && b[from + 1] === 0xbb && b[from + 2] === 0xbf && (0,external_node_buffer_namespaceObject.isUtf8)(b.subarray(from, to))) {
            return to - from === 3 ? -1 : this.find(b, from + 3, to);
        }
        return this.find(b, from, to);
    }
    /** Tokens of one pre-tokenizer piece. */
    countPiece(piece) {
        const len = piece.length;
        if (len === 0)
            return 0;
        if (bytes.length < len * 3) {
            bytes = Buffer.allocUnsafe(len * 3);
            starts = new Int32Array(len * 3 + 1);
            ranks = new Float64Array(len * 3 + 1);
        }
        const b = bytes;
        let n;
        let ascii = true;
        for (let i = 0; i < len; i++) {
            const c = piece.charCodeAt(i);
            if (c >= 0x80) {
                ascii = false;
                break;
            }
            b[i] = c;
        }
        if (ascii) {
            if (len === 1)
                return 1;
            n = len;
        }
        else {
            n = b.write(piece, 0, "utf8");
        }
        // The piece itself, looked up by its text (so without the byte-order-mark rule; never with a lone surrogate,
        // whose text is no token's).
        if (this.find(b, 0, n) >= 0 && (ascii || !hasLoneSurrogate(piece)))
            return 1;
        const st = starts;
        const rk = ranks;
        let parts = n + 1; // boundaries: st[0, parts)
        for (let i = 0; i <= n; i++) {
            st[i] = i;
            const r = i < n - 1 ? this.rankOf(b, i, i + 2) : -1;
            rk[i] = r < 0 ? Infinity : r;
        }
        // rk[i]: rank of parts i and i + 1 joined (Infinity: not a token)
        while (parts > 1) {
            let low = Infinity;
            let at = -1;
            for (let i = 0; i < parts - 1; i++) {
                if (rk[i] < low) {
                    low = rk[i];
                    at = i;
                }
            }
            if (at < 0)
                break;
            for (let i = at + 1; i < parts - 1; i++)
                st[i] = st[i + 1];
            for (let i = at; i < parts - 1; i++)
                rk[i] = rk[i + 1];
            parts--;
            let r = at + 2 < parts ? this.rankOf(b, st[at], st[at + 2]) : -1;
            rk[at] = r < 0 ? Infinity : r;
            if (at > 0) {
                r = at + 1 < parts ? this.rankOf(b, st[at - 1], st[at + 1]) : -1;
                rk[at - 1] = r < 0 ? Infinity : r;
            }
        }
        return parts - 1;
    }
}

;// CONCATENATED MODULE: ./src/engine/analysis/token-count.ts
// Token counting with gpt-tokenizer's vocabularies, exactly as its countTokens counts, only faster: the library's
// pre-tokenizer split, a cache of piece counts (piecewiseCounter), byte-pair merging of a new piece with the
// vocabulary packed as bytes (bpe.ts), and linear time on pathological runs (countLinear). tokens.ts decides what is
// counted.
//
//   const count = await loadCounter("o200k_base");   // (text) => tokens; ~10 ms per call


/** Loads only the requested vocabulary (a literal dynamic import each, so the bundler ships both as chunks and
 * loads one). Call before the pass; the counter is then passed as `countTokens`. */
async function loadCounter(encoding) {
    const packed = encoding === "cl100k_base" ? await __nccwpck_require__.e(/* import() */ 611).then(__nccwpck_require__.bind(__nccwpck_require__, 6611)) : await __nccwpck_require__.e(/* import() */ 948).then(__nccwpck_require__.bind(__nccwpck_require__, 8948));
    const { CL100K_TOKEN_SPLIT_REGEX, O200K_TOKEN_SPLIT_REGEX } = await __nccwpck_require__.e(/* import() */ 587).then(__nccwpck_require__.bind(__nccwpck_require__, 9587));
    const vocabulary = Vocabulary.fromBase64(packed.RANKS, packed.DATA);
    const count = piecewiseCounter(encoding === "cl100k_base" ? CL100K_TOKEN_SPLIT_REGEX : O200K_TOKEN_SPLIT_REGEX, (p) => vocabulary.countPiece(p));
    return (s) => (s.length === 0 ? 0 : countLinear(count, s));
}
/** Pieces of at most this many characters have their counts cached. */
const PIECE_CACHE_CHARS = 48;
/** The cache is emptied when it holds this many pieces (a few MB at most). */
const PIECE_CACHE_ENTRIES = 1 << 17;
/** Counts tokens as the tokenizer does, 10-20x faster: the text is split with the encoding's own pre-tokenizer
 * pattern (`split`), and each piece's count (the BPE of the piece alone, which is what the tokenizer computes for
 * it) is looked up in a cache of recent pieces, `countPiece` only on a miss. gpt-tokenizer's own countTokens spends
 * ~3 us of bookkeeping per piece even when its merge cache hits; natural text repeats its pieces (words with their
 * leading space), so nearly every piece is a hit. */
function piecewiseCounter(split, countPiece) {
    const re = new RegExp(split.source, split.flags.includes("g") ? split.flags : split.flags + "g");
    const cache = new Map();
    return (s) => {
        let n = 0;
        re.lastIndex = 0;
        let m;
        while ((m = re.exec(s)) !== null) {
            const piece = m[0];
            if (piece.length === 0) {
                re.lastIndex++; // a pattern that can match empty text: step on (the tokenizers' patterns cannot)
                continue;
            }
            if (piece.length > PIECE_CACHE_CHARS) {
                n += countPiece(piece);
                continue;
            }
            let c = cache.get(piece);
            if (c === undefined) {
                c = countPiece(piece);
                if (cache.size >= PIECE_CACHE_ENTRIES)
                    cache.clear();
                cache.set(piece, c);
            }
            n += c;
        }
        return n;
    };
}
/** Longest run of non-whitespace (or of whitespace) characters handed to the tokenizer in one piece. */
const MAX_RUN = 512;
/** BPE merging is quadratic in the length of one pre-tokenizer piece, and a piece is at most a run of
 * non-whitespace (or of whitespace) characters plus one character: 200 KB of "x" takes gpt-tokenizer ~30 s, 2 MB
 * ~45 min. A text with a run longer than MAX_RUN is therefore counted in parts: the text between long runs as it
 * is, each long run in slices of MAX_RUN characters (never splitting a surrogate pair). Text without such a run
 * (nearly all text) is counted whole, exactly as the tokenizer counts it; otherwise the count may differ from the
 * tokenizer's by about one token per cut. Linear in the text's length. */
function countLinear(count, s) {
    const len = s.length;
    if (len <= MAX_RUN)
        return count(s);
    let total = 0;
    let from = 0; // start of the text not yet counted
    let run = 0; // start of the current run
    let ws = isSpaceCode(s.charCodeAt(0));
    for (let i = 1; i <= len; i++) {
        const w = i < len ? isSpaceCode(s.charCodeAt(i)) : !ws;
        if (w === ws)
            continue;
        if (i - run > MAX_RUN) {
            if (run > from)
                total += count(s.slice(from, run));
            let a = run;
            while (a < i) {
                let b = Math.min(i, a + MAX_RUN);
                // never end a slice between the two halves of a surrogate pair
                if (b < i && (s.charCodeAt(b) & 0xfc00) === 0xdc00 && (s.charCodeAt(b - 1) & 0xfc00) === 0xd800)
                    b--;
                total += count(s.slice(a, b));
                a = b;
            }
            from = i;
        }
        run = i;
        ws = w;
    }
    if (from === 0)
        return count(s);
    if (from < len)
        total += count(s.slice(from));
    return total;
}

;// CONCATENATED MODULE: ./src/engine/analysis/image-tokens.ts
// Tokens of an image part, by OpenAI's documented formula for the GPT-4o / GPT-4.1 family (the models vision
// fine-tuning takes; OpenAI "Images and vision" guide, "Calculating costs"):
//   detail "low": 85 tokens, whatever the size;
//   otherwise ("high", "auto" or none — "auto" is counted as "high", its upper case): the image is scaled down to fit
//   in 2048 x 2048, then down so that its shortest side is at most 768 px; 170 tokens per 512 px tile of the result,
//   plus 85.
// The size comes from the image itself when the record holds it as a data URI (formats/image-size.ts); an image given
// by URL or path has no known size and is not counted (undefined): the report says how many were not counted.
const IMAGE_BASE_TOKENS = 85;
const IMAGE_TILE_TOKENS = 170;
function imageTokens(p) {
    if (p.detail === "low")
        return IMAGE_BASE_TOKENS;
    let w = p.width;
    let h = p.height;
    if (!w || !h || !(w > 0) || !(h > 0))
        return undefined;
    const fit = Math.min(1, 2048 / Math.max(w, h));
    w *= fit;
    h *= fit;
    const short = Math.min(1, 768 / Math.min(w, h));
    w = Math.floor(w * short);
    h = Math.floor(h * short);
    return IMAGE_BASE_TOKENS + IMAGE_TILE_TOKENS * Math.ceil(w / 512) * Math.ceil(h / 512);
}

;// CONCATENATED MODULE: ./src/engine/analysis/example-text.ts

const TOKENS_PER_NAME = 1;
/** num_tokens_for_tools' constants per encoding (func_init, prop_init, prop_key, enum_init, enum_item, func_end). */
const TOOL_COSTS = {
    o200k_base: { funcInit: 7, propInit: 3, propKey: 3, enumInit: -3, enumItem: 3, funcEnd: 12 },
    cl100k_base: { funcInit: 10, propInit: 3, propKey: 3, enumInit: -3, enumItem: 3, funcEnd: 12 },
};
function fixedTokens(conv, encoding) {
    const out = { tokens: 0, images: 0, imagesCounted: 0, imageTokens: 0 };
    const visit = (m) => {
        if (m.name !== undefined)
            out.tokens += TOKENS_PER_NAME;
        if (m.imageParts) {
            for (const p of m.imageParts) {
                out.images++;
                const t = imageTokens(p);
                if (t === undefined)
                    continue;
                out.imagesCounted++;
                out.imageTokens += t;
            }
        }
    };
    conv.messages.forEach(visit);
    conv.rejected?.forEach(visit);
    out.tokens += out.imageTokens;
    const d = conv.toolDefs;
    if (d && d.functions > 0) {
        const c = TOOL_COSTS[encoding];
        out.tokens += c.funcInit * d.functions + c.propInit * d.propertyLists + c.propKey * d.properties + c.enumInit * d.enums + c.enumItem * d.enumItems + c.funcEnd;
    }
    return out;
}
/** Calls `each` for every non-empty text of the example the trainer reads, with whether it is an assistant's. */
function forEachText(conv, each) {
    const visit = (m) => {
        const a = m.role === "assistant";
        if (m.text.length > 0)
            each(m.text, a);
        if (m.name !== undefined && m.name.length > 0)
            each(m.name, a);
        if (m.callText)
            for (const t of m.callText)
                if (t.length > 0)
                    each(t, a);
    };
    conv.messages.forEach(visit);
    conv.rejected?.forEach(visit);
    if (conv.toolDefs)
        for (const t of conv.toolDefs.texts)
            if (t.length > 0)
                each(t, false);
}

;// CONCATENATED MODULE: ./src/engine/analysis/tokens.ts




/** Maximum tokens per training example for OpenAI fine-tuning (OpenAI fine-tuning guide, "Token limits":
 * gpt-4o / gpt-4o-mini 65,536; gpt-3.5-turbo-0125/-1106 16,385; gpt-4.1 family 65,536 as given in the issue). */
const MODEL_TOKEN_LIMITS = {
    "gpt-4o-mini": 65_536,
    "gpt-4o": 65_536,
    "gpt-4.1-nano": 65_536,
    "gpt-4.1-mini": 65_536,
    "gpt-4.1": 65_536,
    "gpt-3.5-turbo": 16_385,
};
/** Limit for a model name: the longest MODEL_TOKEN_LIMITS key the name starts with. */
function modelTokenLimit(model) {
    if (!model)
        return undefined;
    const m = model.toLowerCase().replace(/^ft:/, "");
    let best;
    for (const k of Object.keys(MODEL_TOKEN_LIMITS))
        if (m.startsWith(k) && (!best || k.length > best.length))
            best = k;
    return best ? MODEL_TOKEN_LIMITS[best] : undefined;
}
/** OpenAI's default-epoch heuristic (cookbook "Chat fine-tuning data prep"): 3, raised so that examples x epochs
 * reaches 100 (at most 25 epochs), lowered so that it stays under 25,000 (at least 1). */
function defaultEpochs(examples) {
    if (examples <= 0)
        return 3;
    if (examples * 3 < 100)
        return Math.min(25, Math.ceil(100 / examples));
    if (examples * 3 > 25_000)
        return Math.max(1, Math.floor(25_000 / examples));
    return 3;
}
/** Content bytes tokenized in full before sampling starts (and the sampling budget). Tokenizing runs at 1–16 MB/s,
 * so on big inputs only a sample is tokenized; the report says so (`exact`, `relativeError`). */
const DEFAULT_SAMPLE_BYTES = 1024 * 1024;
/** The largest unsampled examples of each stratum kept (LARGEST_KEPT, over the whole run), the characters kept of
 * each, and in how many evenly spaced pieces when it is longer (see the file header): finish() tokenizes at most
 * STRATA x 4 x ~16 Ki characters for them. */
const LARGEST_KEPT = 4;
const LARGEST_CHARS = 16 * 1024;
const LARGEST_PIECES = 8;
/** Strata of examples by UTF-8 bytes per UTF-16 code unit of their content (stratumOf). Tokens per byte differ
 * strongly between scripts, and the ratio estimator is applied per stratum. Measured with o200k_base (cl100k_base
 * in brackets) on real public chat datasets and on paragraphs of other scripts, as bytes/unit: tokens/byte —
 *   ASCII 1.00: English prose 0.17-0.25 (the same), code 0.32;
 *   Latin with diacritics: fr/de/es/pl 1.02-1.05: 0.19-0.27 (0.23-0.34), Turkish 1.04-1.11: 0.29 (0.36);
 *   1.3-1.6: Vietnamese 1.32: 0.20 (0.37), emoji-laden text 1.35: 0.30 (0.41), math symbols 1.40: 0.50,
 *     combining marks 1.50-1.59: 0.67-0.73; and English or Chinese text mixed with other scripts;
 *   two-byte alphabets 1.82-1.86: Russian 0.11 (0.22), Ukrainian, Greek, Arabic, Hebrew, Persian 0.15-0.19
 *     (0.36-0.52); emoji alone 2.0: 0.48;
 *   three-byte scripts 2.1-3.0: Chinese 0.25-0.34 (0.40-0.51), Japanese 0.25, Korean 0.21, Hindi, Bengali and
 *     Thai 0.11-0.14 (0.33-0.46).
 * Cut points: 2.0 is a hard edge — text of one- and two-byte characters (U+0000-U+07FF) and of surrogate pairs
 * (4 bytes per 2 units) has at most 2 bytes per unit, so only three-byte characters (U+0800-U+FFFF: CJK, kana,
 * Hangul, Indic, Thai) pass it. 1.75 puts the two-byte alphabets, written with ASCII spaces and punctuation at
 * 1.82-1.86, apart from mixtures; 1.25 puts the Latin languages (1.02-1.11) apart from heavy diacritics, combining
 * marks, symbols and mixtures. On real-data plus those paragraphs (each weighted as 100 examples) these cuts leave
 * about a fifth less byte-weighted squared deviation of examples from their stratum's ratio than two cuts at 1.3
 * and 2.2 (o200k_base; cl100k_base: 5 % less). */
const STRATA = 5;
const STRATUM_NAMES = ["ascii", "latin", "mixed", "two-byte", "three-byte"];
/** The stratum of an example of `bytes` UTF-8 bytes in `units` UTF-16 code units (see STRATA): 0 pure ASCII (or no
 * text), 1 up to 1.25 bytes per unit, 2 up to 1.75, 3 up to 2, 4 above. */
function stratumOf(bytes, units) {
    if (bytes <= units)
        return 0;
    if (4 * bytes <= 5 * units)
        return 1;
    if (4 * bytes <= 7 * units)
        return 2;
    return bytes <= 2 * units ? 3 : 4;
}
/** 97.5 % quantiles of Student's t for 1..30 degrees of freedom (the bound of a stratum estimated from few drawn
 * examples); beyond 30 a Cornish-Fisher expansion around 1.96. */
const T975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];
function t975(df) {
    if (df <= 30)
        return T975[Math.max(1, Math.floor(df)) - 1];
    const z = 1.959964;
    return z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df * df);
}
const TOKENS_PER_MESSAGE = 3;
const TOKENS_PER_EXAMPLE = 3;
/** Per-example token histogram bucket lower edges. */
const TOKEN_BUCKETS = [0, 128, 256, 512, 1024, 2048, 4096, 8192, 16384, 32768, 65536];
/** An unsampled example over PROBE_FACTOR × the limit in content bytes is counted only until it passes the limit,
 * in pieces of PROBE_CHARS characters (TokenAnalysis.overLimit). */
const PROBE_FACTOR = 8;
const PROBE_CHARS = 16 * 1024;
function formatBytes(n) {
    return n >= 1048576 ? `${(n / 1048576).toFixed(1)} MiB` : `${Math.round(n / 1024)} KiB`;
}
/** Tokens of the chat roles in both encodings (each is a single token; tests/analysis/merge-tokens.test.ts checks this
 * against the vocabularies): the chat overhead of an example is known without loading a vocabulary. */
const KNOWN_ROLE_TOKENS = { system: 1, developer: 1, user: 1, assistant: 1, tool: 1, function: 1 };
/** The exact-count value of an example whose tokens wait for the merge (TokenAnalysis.last, per-example arrays). */
const PENDING = -2;
/** Variance sums per stratum (TokenPartial.v): for each sampled example with p < 1, c x {t², t·b, b²} (t its content
 * tokens, b its content bytes) with c = (1 - p) / p², then c·p, then c·p² (9 values per stratum). */
const VAR_TERMS = 9;
function addVariance(v, h, p, t, b) {
    let c = (1 - p) / (p * p);
    let o = h * VAR_TERMS;
    for (let k = 0; k < 3; k++, o += 3, c *= p) {
        v[o] += c * t * t;
        v[o + 1] += c * t * b;
        v[o + 2] += c * b * b;
    }
}
/** The variance of stratum h's estimated tokens, exact tokens of its tokenized examples + R x its untokenized
 * bytes U, with u = U / its content bytes B. Linearised, its error is sum over sampled examples of
 * e (w u + 1), e = t - R b, w = 1/p (R's error moves R x U, and the sample's own residuals are in the exact part),
 * so under Poisson sampling the variance estimate is sum (1 - p) (w u + 1)² e² = u² S0 + 2u S1 + S2 with
 * Sk = sum c pᵏ e², c = (1 - p) / p². (With one p for all and u = 1 - p this is sum c e², the Horvitz-Thompson
 * variance: scaling that by u², as before, understated the error by 1/u, e.g. 1.5x for u = 2/3.) */
function varianceOf(v, h, r, u) {
    const o = h * VAR_TERMS;
    const s = (k) => v[o + 3 * k] - 2 * r * v[o + 3 * k + 1] + r * r * v[o + 3 * k + 2];
    return Math.max(0, u * u * s(0) + 2 * u * s(1) + s(2));
}
/** An example's texts when they hold at most LARGEST_CHARS characters; else LARGEST_PIECES pieces of about
 * LARGEST_CHARS / LARGEST_PIECES characters of them (joined by "\n") centred at evenly spaced points, each starting
 * and ending at a word's start (cutBefore). */
function piecesOf(conv) {
    const texts = [];
    forEachText(conv, (t) => texts.push(t));
    let chars = 0;
    for (const t of texts)
        chars += t.length;
    if (chars <= LARGEST_CHARS)
        return { whole: true, texts };
    const all = texts.join("\n");
    const len = LARGEST_CHARS / LARGEST_PIECES;
    const pieces = [];
    for (let j = 0; j < LARGEST_PIECES; j++) {
        const at = Math.min(all.length - len, Math.max(0, Math.floor(((j + 0.5) * all.length) / LARGEST_PIECES - len / 2)));
        const a = cutBefore(all, at);
        pieces.push(all.slice(a, Math.max(a, cutBefore(all, a + len))));
    }
    return { whole: false, texts: pieces };
}
/** Unicode combining marks (the common blocks): a cut before one would split a character from its accents. */
function isMark(c) {
    return (c >= 0x300 && c <= 0x36f) || (c >= 0x1ab0 && c <= 0x1aff) || (c >= 0x1dc0 && c <= 0x1dff) || (c >= 0x20d0 && c <= 0x20ff) || (c >= 0xfe20 && c <= 0xfe2f);
}
/** The first index at or after `i` where a piece of `s` may start: a whitespace character after a non-whitespace
 * one within the next 64 characters (the tokenizer's pieces start with the space before a word), else the first
 * character that is neither a low surrogate nor a combining mark. */
function cutBefore(s, i) {
    if (i <= 0)
        return 0;
    if (i >= s.length)
        return s.length;
    for (let j = i; j < Math.min(s.length, i + 64); j++)
        if (isSpaceCode(s.charCodeAt(j)) && !isSpaceCode(s.charCodeAt(j - 1)))
            return j;
    let j = i;
    while (j < s.length && ((s.charCodeAt(j) & 0xfc00) === 0xdc00 || isMark(s.charCodeAt(j))))
        j++;
    return j;
}
/** Inserts `x` into `list` (largest first) after the entries at least as large, and keeps LARGEST_KEPT. */
function keepLarge(list, x) {
    let i = list.length;
    while (i > 0 && list[i - 1].bytes < x.bytes)
        i--;
    list.splice(i, 0, x);
    if (list.length > LARGEST_KEPT)
        list.length = LARGEST_KEPT;
}
/** Indexes of `keep` of `n` items by a systematic stride (all of them when keep >= n). */
function strideIndexes(n, keep) {
    if (keep >= n)
        return Array.from({ length: n }, (_, i) => i);
    const out = new Array(keep);
    for (let j = 0; j < keep; j++)
        out[j] = Math.floor(((j + 0.5) * n) / keep);
    return out;
}
/** The PRNG seed for stream `base` and the user seed (seed 0 gives `base`, the historical constant). */
function mixSeed(base, seed) {
    return (base ^ Math.imul(seed >>> 0, 0x9e3779b9)) >>> 0;
}
class TokenAnalysis {
    encoding;
    limit;
    limitSource;
    sampleBytes;
    expectedBytes;
    all;
    opts;
    count = null;
    roleCache = new Map();
    rnd;
    resRnd;
    examples = 0;
    seenBytes = 0;
    /** Per stratum, the LARGEST_KEPT largest examples neither selected nor over the limit's byte bound, largest first
     * (ties: the earlier first), of this instance's examples and the merged partials'. */
    largest = Array.from({ length: STRATA }, () => []);
    // exact part
    exactTotal = 0;
    exactAssistant = 0;
    exactBilled = 0;
    exactMax = 0;
    tokenized = 0;
    // estimated part (arrays: one value per stratum)
    estOverhead = 0;
    estBytes = new Float64Array(STRATA);
    estAssistantBytes = new Float64Array(STRATA);
    estMaxBytes = new Float64Array(STRATA).fill(-1);
    estMaxOverhead = new Float64Array(STRATA);
    /** Estimated examples known to be over the limit (overLimit): billed at the limit, not at their estimate. */
    overCount = 0;
    overOverhead = 0;
    overBytes = new Float64Array(STRATA);
    /** Their estimated content tokens (counted, then extrapolated at that rate), and the extrapolated part. */
    overTokens = new Float64Array(STRATA);
    overExtra = new Float64Array(STRATA);
    // ratio estimator per stratum (sampled examples, weight 1/p)
    sN = new Float64Array(STRATA);
    dN = new Float64Array(STRATA);
    sT = new Float64Array(STRATA);
    sB = new Float64Array(STRATA);
    sAT = new Float64Array(STRATA);
    sAB = new Float64Array(STRATA);
    v = new Float64Array(STRATA * VAR_TERMS);
    contentBytes = new Float64Array(STRATA);
    /** The ratios finish() applied per stratum (estimateOf). */
    rates = new Float64Array(STRATA);
    // per-example values for quantiles: exact count or -1, overhead, content bytes, stratum
    qCap;
    qExact;
    qOver;
    qBytes;
    qStratum;
    qN = 0;
    tooLong = 0;
    images = [0, 0, 0];
    defer;
    pending = [];
    constructor(opts = {}) {
        this.opts = opts;
        this.encoding = opts.encoding ?? "o200k_base";
        if (opts.maxTokens !== undefined) {
            this.limit = opts.maxTokens;
            this.limitSource = "maxTokens";
        }
        else {
            this.limit = modelTokenLimit(opts.model);
            this.limitSource = this.limit !== undefined ? "model" : null;
        }
        this.sampleBytes = opts.sampleBytes ?? DEFAULT_SAMPLE_BYTES;
        this.expectedBytes = opts.expectedBytes;
        this.all = opts.exact ?? false;
        this.qCap = opts.quantileCap ?? 100_000;
        const seed = opts.seed ?? 0;
        this.rnd = mulberry32(mixSeed(0x51ed270b, seed));
        this.resRnd = mulberry32(mixSeed(0x2545f491, seed));
        const initial = Math.min(this.qCap, 4096);
        this.qExact = new Int32Array(initial);
        this.qOver = new Uint32Array(initial);
        this.qBytes = new Float64Array(initial);
        this.qStratum = new Uint8Array(initial);
        if (opts.countTokens)
            this.count = opts.countTokens;
        this.defer = opts.defer ?? false;
    }
    /** A TokenAnalysis with its vocabulary loaded (unless `countTokens` is given). */
    static async create(opts = {}) {
        const countTokens = opts.countTokens ?? (await loadCounter(opts.encoding ?? "o200k_base"));
        return new TokenAnalysis({ ...opts, countTokens });
    }
    counter() {
        if (!this.count)
            throw new Error("TokenAnalysis: vocabulary not loaded; use TokenAnalysis.create()");
        return this.count;
    }
    roleTokens(role) {
        let n = this.roleCache.get(role);
        if (n === undefined) {
            n = this.counter()(role);
            this.roleCache.set(role, n);
        }
        return n;
    }
    add(conv, loc) {
        this.examples++;
        const fixed = fixedTokens(conv, this.encoding);
        this.images[0] += fixed.images;
        this.images[1] += fixed.imagesCounted;
        this.images[2] += fixed.imageTokens;
        let overhead = TOKENS_PER_EXAMPLE + fixed.tokens;
        let bytes = 0;
        let aBytes = 0;
        let units = 0;
        let unknownRole = false;
        const visit = (m) => {
            // Deferring, there is no vocabulary here: the chat roles' tokens are known, any other role waits for it.
            if (!this.defer)
                overhead += TOKENS_PER_MESSAGE + this.roleTokens(m.role);
            else if (Object.hasOwn(KNOWN_ROLE_TOKENS, m.role))
                overhead += TOKENS_PER_MESSAGE + KNOWN_ROLE_TOKENS[m.role];
            else
                unknownRole = true;
        };
        conv.messages.forEach(visit);
        conv.rejected?.forEach(visit);
        forEachText(conv, (text, assistant) => {
            const b = Buffer.byteLength(text, "utf8");
            bytes += b;
            units += text.length;
            if (assistant)
                aBytes += b;
        });
        this.seenBytes += bytes;
        const h = stratumOf(bytes, units);
        this.contentBytes[h] += bytes;
        const p = this.all ? 1 : Math.min(1, this.sampleBytes / Math.max(1, this.expectedBytes ?? this.seenBytes));
        const selected = this.rnd() < p || p >= 1;
        const needExact = this.limit !== undefined && overhead + bytes > this.limit;
        if (!selected && !needExact && bytes > 0) {
            const list = this.largest[h];
            if (list.length < LARGEST_KEPT || bytes > list[list.length - 1].bytes)
                keepLarge(list, { stratum: h, bytes, ...piecesOf(conv) });
        }
        if (!(selected || needExact || unknownRole))
            return this.setLast(this.account(overhead, bytes, aBytes, h, p, false, loc.line, null), bytes, h);
        // Needs its tokens: counted now, or (defer) where the partial is merged.
        const x = { line: loc.line, roles: [], fixed: fixed.tokens, texts: [], assistant: [], bytes, aBytes, stratum: h, p, selected, slot: this.keep(PENDING, 0, bytes, h) };
        const keepRole = (m) => x.roles.push(m.role);
        conv.messages.forEach(keepRole);
        conv.rejected?.forEach(keepRole);
        forEachText(conv, (text, assistant) => {
            x.texts.push(text);
            x.assistant.push(assistant);
        });
        if (!this.defer)
            return this.setLast(this.accountPending(x, this.qExact, this.qOver), bytes, h);
        this.pending.push(x);
        return this.setLast({ findings: [], exact: PENDING, overhead: 0 }, 0, h);
    }
    setLast(r, bytes, stratum) {
        this.last.exact = r.exact;
        this.last.overhead = r.overhead;
        this.last.bytes = bytes;
        this.last.stratum = stratum;
        return r.findings;
    }
    /** The accounting of one example (from add(), or a pending one): tokenized (`x` gives its texts) when sampled or
     * over the byte bound of the limit, estimated otherwise (`x` null). `x.slot`: its place in the per-example arrays
     * `q` (-1: none), which add() took; without `x` the values are kept here. */
    account(overhead, bytes, aBytes, h, p, selected, line, x, q) {
        const needExact = this.limit !== undefined && overhead + bytes > this.limit;
        let exact = -1;
        let findings = [];
        // An unsampled example far over the limit in bytes is counted only until it passes the limit (overLimit): a
        // 12 MB base64 line took a minute to tokenize in full. It is then estimated like an unsampled example.
        const over = x !== null && !selected && needExact && bytes > PROBE_FACTOR * this.limit ? this.overLimit(x.texts, this.limit - overhead) : null;
        if (over) {
            this.tooLong++;
            this.overCount++;
            this.overOverhead += overhead;
            this.overBytes[h] += bytes;
            // its tokens: those counted, extrapolated to all its bytes at their rate
            const est = (over.tokens * bytes) / Math.max(1, over.bytes);
            this.overTokens[h] += est;
            this.overExtra[h] += est - over.tokens;
            findings = [
                {
                    rule: "too-long",
                    severity: "error",
                    line,
                    message: `example has more than ${this.limit} tokens (${this.encoding}), over the limit of ${this.limit}; its ${formatBytes(bytes)} of text were counted only until they passed it`,
                },
            ];
        }
        if (x && (selected || needExact) && !over) {
            const count = this.counter();
            let t = 0;
            let at = 0;
            for (let i = 0; i < x.texts.length; i++) {
                const n = count(x.texts[i]);
                t += n;
                if (x.assistant[i])
                    at += n;
            }
            exact = overhead + t;
            this.tokenized++;
            this.exactTotal += exact;
            this.exactAssistant += at;
            this.exactBilled += this.limit !== undefined ? Math.min(exact, this.limit) : exact;
            if (exact > this.exactMax)
                this.exactMax = exact;
            if (selected) {
                const w = 1 / p;
                this.sN[h]++;
                if (p < 1)
                    this.dN[h]++;
                this.sT[h] += w * t;
                this.sB[h] += w * bytes;
                this.sAT[h] += w * at;
                this.sAB[h] += w * aBytes;
                addVariance(this.v, h, p, t, bytes);
            }
            if (this.limit !== undefined && exact > this.limit) {
                this.tooLong++;
                findings = [
                    {
                        rule: "too-long",
                        severity: "error",
                        line,
                        message: `example has ${exact} tokens (${this.encoding}), over the limit of ${this.limit}`,
                    },
                ];
            }
        }
        else {
            this.estOverhead += overhead;
            this.estBytes[h] += bytes;
            this.estAssistantBytes[h] += aBytes;
            if (bytes > this.estMaxBytes[h]) {
                this.estMaxBytes[h] = bytes;
                this.estMaxOverhead[h] = overhead;
            }
        }
        if (!x)
            this.keep(exact, overhead, bytes, h);
        else if (q && x.slot >= 0 && q.e[x.slot] === PENDING) {
            q.e[x.slot] = exact;
            q.o[x.slot] = overhead;
        }
        return { findings, exact, overhead };
    }
    /** The tokens of one of the largest unsampled examples: counted when whole; else the pieces' tokens per byte times
     * its bytes, with a bound on the extrapolated part: Student's t (pieces - 1) x the standard error of the pieces'
     * ratio (as a simple random sample of pieces of the example) x the bytes not counted, at least a token per piece's
     * bytes not counted (a cut can move a count by about a token), at most that part whole. */
    measure(x) {
        const count = this.counter();
        if (x.whole) {
            let t = 0;
            for (const text of x.texts)
                t += count(text);
            return { tokens: t, bound: 0 };
        }
        const ts = [];
        const bs = [];
        let t = 0;
        let b = 0;
        for (const text of x.texts) {
            const bi = Buffer.byteLength(text, "utf8");
            if (bi === 0)
                continue;
            const ti = count(text);
            ts.push(ti);
            bs.push(bi);
            t += ti;
            b += bi;
        }
        if (b === 0)
            return { tokens: 0, bound: 0 };
        const r = t / b;
        const left = Math.max(0, x.bytes - b);
        const k = ts.length;
        if (k < 2)
            return { tokens: r * x.bytes, bound: r * left };
        let ss = 0;
        for (let i = 0; i < k; i++)
            ss += (ts[i] - r * bs[i]) ** 2;
        const mean = b / k;
        const se = Math.sqrt(((1 - Math.min(1, b / x.bytes)) * ss) / (k * (k - 1) * mean * mean));
        return { tokens: r * x.bytes, bound: Math.min(Math.max(t975(k - 1) * se * left, left / mean), r * left) };
    }
    /** Whether the texts hold more than `cap` tokens, counting them in order, in pieces of PROBE_CHARS cut before a
     * whitespace character where the piece has one in its last quarter, and stopping once the count passes cap. A cut
     * can change a count by about a token, so the count must pass cap + cuts. False: the texts are not over (they were
     * all counted; the caller counts them again exactly). */
    overLimit(texts, cap) {
        const count = this.counter();
        let t = 0;
        let counted = 0;
        let cuts = 0;
        for (const s of texts) {
            let a = 0;
            while (a < s.length) {
                let b = Math.min(s.length, a + PROBE_CHARS);
                if (b < s.length) {
                    let c = b;
                    while (c > b - PROBE_CHARS / 4 && !isSpaceCode(s.charCodeAt(c)))
                        c--;
                    if (c > b - PROBE_CHARS / 4)
                        b = c;
                    else if ((s.charCodeAt(b) & 0xfc00) === 0xdc00)
                        b--; // never between the halves of a surrogate pair
                    cuts++;
                }
                const piece = s.slice(a, b);
                t += count(piece);
                counted += Buffer.byteLength(piece, "utf8");
                if (t > cap + cuts)
                    return { tokens: t, bytes: counted };
                a = b;
            }
        }
        return null;
    }
    /** account() for a pending example: its overhead from its roles (the vocabulary is here now); its values go into
     * the per-example arrays `qExact`/`qOver` at its slot. */
    accountPending(x, qExact, qOver) {
        let overhead = TOKENS_PER_EXAMPLE + x.fixed;
        for (const r of x.roles)
            overhead += TOKENS_PER_MESSAGE + this.roleTokens(r);
        return this.account(overhead, x.bytes, x.aBytes, x.stratum, x.p, x.selected, x.line, x, { e: qExact, o: qOver });
    }
    /** Counts the tokens of a partial's pending examples into this instance's own sums (used by merge(), before the
     * partial's figures are folded in). Returns their `too-long` findings (lines as in the chunk) and, per the
     * file-level token figures, their exact tokens and the overhead + bytes of those left estimated. */
    resolvePending(p) {
        // The partial's per-example arrays get the values; this instance's own arrays are untouched.
        return this.resolve(p.pending, p.qExact, p.qOver);
    }
    /** Content bytes of the examples still pending (chunk mode). */
    get pendingBytes() {
        let n = 0;
        for (const x of this.pending)
            n += x.bytes;
        return n;
    }
    /** Chunk mode: tokenizes this instance's own pending examples now, with `countTokens` (a chunk with many of them —
     * long examples under a token limit — counts them itself rather than leave them all to the merge). The figures
     * are the ones the merge would give. Returns the examples' `too-long` findings (chunk lines) and per-file figures. */
    resolveOwnPending(countTokens) {
        this.count = countTokens;
        const pending = this.pending;
        this.pending = [];
        return this.resolve(pending, this.qExact, this.qOver);
    }
    /** Counts pending examples into this instance's sums and into the per-example arrays `qExact`/`qOver`. */
    resolve(pending, qExact, qOver) {
        const out = { findings: [], exact: 0, overhead: 0, bytes: new Array(STRATA).fill(0) };
        for (const x of pending) {
            const r = this.accountPending(x, qExact, qOver);
            out.findings.push(...r.findings);
            if (r.exact >= 0)
                out.exact += r.exact;
            else {
                out.overhead += r.overhead;
                out.bytes[x.stratum] += x.bytes;
            }
        }
        return out;
    }
    /** The example last passed to add(): its exact token count (-1 when it was not tokenized, PENDING when its count
     * waits for the merge), its chat overhead, its content bytes and its stratum — for per-file totals (untokenized
     * bytes per stratum, estimated with estimateOf() after finish()). */
    last = { exact: -1, overhead: 0, bytes: 0, stratum: 0 };
    /** After finish(): the tokens of examples left estimated, from their overhead and their content bytes per stratum
     * (per-file figures: the run's per-stratum ratios applied to one file's share). */
    estimateOf(overhead, bytes) {
        let t = overhead;
        for (let h = 0; h < STRATA; h++)
            t += (bytes[h] ?? 0) * this.rates[h];
        return t;
    }
    /** Keeps the example's values for the quantiles; returns its slot, or -1 when the reservoir passed it over. A slot
     * that held a pending example (PENDING) and is taken over by a later one: that pending example keeps slot -1. */
    keep(exact, overhead, bytes, stratum) {
        let j;
        if (this.qN < this.qCap) {
            if (this.qN === this.qExact.length) {
                const cap = Math.min(this.qCap, this.qExact.length * 2);
                const e = new Int32Array(cap);
                e.set(this.qExact);
                const o = new Uint32Array(cap);
                o.set(this.qOver);
                const b = new Float64Array(cap);
                b.set(this.qBytes);
                const st = new Uint8Array(cap);
                st.set(this.qStratum);
                this.qExact = e;
                this.qOver = o;
                this.qBytes = b;
                this.qStratum = st;
            }
            j = this.qN++;
        }
        else {
            j = Math.floor(this.resRnd() * this.examples);
            if (j >= this.qCap)
                return -1;
            if (this.qExact[j] === PENDING)
                for (const x of this.pending)
                    if (x.slot === j)
                        x.slot = -1;
        }
        this.qExact[j] = exact;
        this.qOver[j] = overhead;
        this.qBytes[j] = bytes;
        this.qStratum[j] = stratum;
        return j;
    }
    /** This instance's state as plain structured-clone-able data (copies; see the file header). */
    toPartial() {
        return {
            encoding: this.encoding,
            limit: this.limit ?? null,
            quantileCap: this.qCap,
            examples: this.examples,
            seenBytes: this.seenBytes,
            exactTotal: this.exactTotal,
            exactAssistant: this.exactAssistant,
            exactBilled: this.exactBilled,
            exactMax: this.exactMax,
            tokenized: this.tokenized,
            estOverhead: this.estOverhead,
            estBytes: this.estBytes.slice(),
            estAssistantBytes: this.estAssistantBytes.slice(),
            estMaxBytes: this.estMaxBytes.slice(),
            estMaxOverhead: this.estMaxOverhead.slice(),
            overBytes: this.overBytes.slice(),
            overTokens: this.overTokens.slice(),
            overExtra: this.overExtra.slice(),
            sN: this.sN.slice(),
            dN: this.dN.slice(),
            sT: this.sT.slice(),
            sB: this.sB.slice(),
            sAT: this.sAT.slice(),
            sAB: this.sAB.slice(),
            v: this.v.slice(),
            contentBytes: this.contentBytes.slice(),
            overCount: this.overCount,
            overOverhead: this.overOverhead,
            tooLong: this.tooLong,
            images: [...this.images],
            qExact: this.qExact.slice(0, this.qN),
            qOver: this.qOver.slice(0, this.qN),
            qBytes: this.qBytes.slice(0, this.qN),
            qStratum: this.qStratum.slice(0, this.qN),
            pending: this.pending.map((x) => ({ ...x })),
            largest: this.largest.flatMap((list) => list.map((x) => ({ ...x, texts: [...x.texts] }))),
        };
    }
    /** Folds a later chunk's partial into this instance (see the file header), tokenizing its pending examples first
     * (this instance needs a vocabulary then). Throws when the partial was made with a different encoding, limit or
     * quantileCap. Returns what resolvePending() does; `last` is left as it was. */
    merge(p) {
        if (p.encoding !== this.encoding || p.limit !== (this.limit ?? null) || p.quantileCap !== this.qCap) {
            throw new Error(`TokenAnalysis.merge: partial made with encoding ${p.encoding}, limit ${p.limit}, quantileCap ${p.quantileCap}; ` +
                `this instance has ${this.encoding}, ${this.limit ?? null}, ${this.qCap}`);
        }
        const resolved = this.resolvePending(p);
        const pn = p.qExact.length;
        if (p.qOver.length !== pn || p.qBytes.length !== pn || p.qStratum.length !== pn)
            throw new Error("TokenAnalysis.merge: per-example arrays differ in length");
        const total = this.examples + p.examples;
        // null: all of that side, in order
        let thisIdx = null;
        let otherIdx = null;
        if (!(this.qN + pn <= this.qCap && (total <= this.qCap || this.examples === 0 || p.examples === 0))) {
            const keepThis = Math.min(this.qN, Math.round((this.qCap * this.examples) / total));
            const keepOther = Math.min(pn, this.qCap - keepThis);
            thisIdx = strideIndexes(this.qN, keepThis);
            otherIdx = strideIndexes(pn, keepOther);
        }
        const n = (thisIdx ? thisIdx.length : this.qN) + (otherIdx ? otherIdx.length : pn);
        const size = Math.max(n, Math.min(this.qCap, 4096));
        const e = new Int32Array(size);
        const o = new Uint32Array(size);
        const b = new Float64Array(size);
        const st = new Uint8Array(size);
        let k = 0;
        if (thisIdx) {
            for (const i of thisIdx) {
                e[k] = this.qExact[i];
                o[k] = this.qOver[i];
                st[k] = this.qStratum[i];
                b[k++] = this.qBytes[i];
            }
        }
        else {
            e.set(this.qExact.subarray(0, this.qN));
            o.set(this.qOver.subarray(0, this.qN));
            b.set(this.qBytes.subarray(0, this.qN));
            st.set(this.qStratum.subarray(0, this.qN));
            k = this.qN;
        }
        if (otherIdx) {
            for (const i of otherIdx) {
                e[k] = p.qExact[i];
                o[k] = p.qOver[i];
                st[k] = p.qStratum[i];
                b[k++] = p.qBytes[i];
            }
        }
        else {
            e.set(p.qExact, k);
            o.set(p.qOver, k);
            b.set(p.qBytes, k);
            st.set(p.qStratum, k);
        }
        this.qExact = e;
        this.qOver = o;
        this.qBytes = b;
        this.qStratum = st;
        this.qN = n;
        this.examples = total;
        this.seenBytes += p.seenBytes;
        this.exactTotal += p.exactTotal;
        this.exactAssistant += p.exactAssistant;
        this.exactBilled += p.exactBilled;
        if (p.exactMax > this.exactMax)
            this.exactMax = p.exactMax;
        this.tokenized += p.tokenized;
        this.estOverhead += p.estOverhead;
        this.overCount += p.overCount;
        this.overOverhead += p.overOverhead;
        for (let h = 0; h < STRATA; h++) {
            this.estBytes[h] += p.estBytes[h];
            this.estAssistantBytes[h] += p.estAssistantBytes[h];
            this.overBytes[h] += p.overBytes[h];
            this.overTokens[h] += p.overTokens[h];
            this.overExtra[h] += p.overExtra[h];
            if (p.estMaxBytes[h] > this.estMaxBytes[h]) {
                this.estMaxBytes[h] = p.estMaxBytes[h];
                this.estMaxOverhead[h] = p.estMaxOverhead[h];
            }
            this.sN[h] += p.sN[h];
            this.dN[h] += p.dN[h];
            this.sT[h] += p.sT[h];
            this.sB[h] += p.sB[h];
            this.sAT[h] += p.sAT[h];
            this.sAB[h] += p.sAB[h];
            for (let k = h * VAR_TERMS; k < (h + 1) * VAR_TERMS; k++)
                this.v[k] += p.v[k];
            this.contentBytes[h] += p.contentBytes[h];
        }
        this.tooLong += p.tooLong;
        for (let k = 0; k < 3; k++)
            this.images[k] += p.images[k];
        // the partial's examples come after this instance's: on equal bytes this instance's stay first
        for (const x of p.largest) {
            const list = this.largest[x.stratum];
            if (list.length < LARGEST_KEPT || x.bytes > list[list.length - 1].bytes)
                keepLarge(list, x);
        }
        return resolved;
    }
    finish() {
        if (this.pending.length)
            throw new Error("TokenAnalysis.finish: this instance deferred examples (defer: true); merge its partial into one with a vocabulary");
        // R: tokens per estimated byte of each stratum (its measured examples and the rest); rest: the rest's ratio
        const R = this.rates;
        const rest = new Float64Array(STRATA);
        const basis = new Array(STRATA).fill("exact");
        // the largest unsampled examples, measured: their tokens (extrapolated from their pieces), bytes, the squared
        // bound of the extrapolation, and the largest one's tokens per byte
        const mT = new Float64Array(STRATA);
        const mB = new Float64Array(STRATA);
        const mVar = new Float64Array(STRATA);
        const topRate = new Float64Array(STRATA).fill(-1);
        let pT = 0;
        let pB = 0;
        let allT = 0;
        let allB = 0;
        for (let h = 0; h < STRATA; h++) {
            pT += this.sT[h];
            pB += this.sB[h];
            if (this.estBytes[h] === 0)
                continue;
            for (const x of this.largest[h]) {
                const m = this.measure(x);
                if (topRate[h] < 0)
                    topRate[h] = m.tokens / x.bytes;
                mT[h] += m.tokens;
                mB[h] += x.bytes;
                mVar[h] += m.bound * m.bound;
            }
            allT += mT[h];
            allB += mB[h];
        }
        // the last resort (not met: a stratum with estimated bytes has a sample or measured examples): the whole
        // sample's ratio, else all measured examples'
        const pooled = pB > 0 ? pT / pB : allB > 0 ? allT / allB : 0;
        let estimated = this.estOverhead;
        let estimatedAssistant = 0;
        let overEstimate = this.overOverhead;
        for (let h = 0; h < STRATA; h++) {
            const sampleRate = this.sB[h] > 0 ? this.sT[h] / this.sB[h] : 0;
            if (this.estBytes[h] === 0) {
                R[h] = rest[h] = sampleRate;
                continue;
            }
            if (this.sB[h] > 0) {
                rest[h] = sampleRate;
                basis[h] = "sample";
            }
            else if (mB[h] + this.overBytes[h] > 0) {
                rest[h] = (mT[h] + this.overTokens[h]) / (mB[h] + this.overBytes[h]);
                basis[h] = "largest";
            }
            else {
                rest[h] = pooled;
                basis[h] = "pooled";
            }
            R[h] = (mT[h] + this.overTokens[h] + rest[h] * Math.max(0, this.estBytes[h] - mB[h] - this.overBytes[h])) / this.estBytes[h];
            estimated += R[h] * this.estBytes[h];
            // the sample's assistant-to-all ratio, applied to the stratum's tokens per estimated byte
            const assistantRate = this.sAB[h] > 0 && rest[h] > 0 ? ((this.sAT[h] / this.sAB[h]) * R[h]) / rest[h] : R[h];
            estimatedAssistant += assistantRate * this.estAssistantBytes[h];
            overEstimate += this.overTokens[h];
        }
        const total = Math.round(this.exactTotal + estimated);
        const assistantTokens = Math.round(this.exactAssistant + estimatedAssistant);
        // estimated examples are under the limit by construction, except those counted until they passed it
        const billed = Math.round(this.exactBilled + estimated - overEstimate + (this.limit ?? 0) * this.overCount);
        const exact = this.tokenized === this.examples;
        let relativeError = 0;
        if (!exact && total > 0) {
            // Per stratum with estimated bytes, combined in quadrature: the measured examples' bounds (measure()), and the
            // rest's linearised variance (varianceOf) at Student's t for the drawn examples, at most the rest's whole
            // estimate. Added as they are: the extrapolated tokens of examples counted until they passed the limit, and
            // the rest's whole estimate when the stratum has fewer than 2 drawn examples (variance unknown: a ratio of
            // the measured examples, pooled, or of certainty examples only). Rounded up.
            let v = 0;
            let whole = 0;
            for (let h = 0; h < STRATA; h++) {
                if (this.estBytes[h] === 0)
                    continue;
                v += mVar[h];
                whole += this.overExtra[h];
                const restBytes = Math.max(0, this.estBytes[h] - mB[h] - this.overBytes[h]);
                const part = rest[h] * restBytes;
                if (basis[h] === "sample" && this.dN[h] >= 2) {
                    const u = Math.min(1, restBytes / Math.max(1, this.contentBytes[h] - mB[h] - this.overBytes[h]));
                    const sd = Math.sqrt(varianceOf(this.v, h, rest[h], u));
                    v += Math.min(t975(this.dN[h] - 1) * sd, part) ** 2;
                }
                else
                    whole += part;
            }
            relativeError = Math.max(0, Math.ceil(((Math.sqrt(v) + whole) / total) * 1e4 - 1e-9)) / 1e4;
        }
        // per-example values
        const n = this.qN;
        const vals = new Float64Array(n);
        for (let i = 0; i < n; i++)
            vals[i] = this.qExact[i] >= 0 ? this.qExact[i] : Math.round(this.qOver[i] + R[this.qStratum[i]] * this.qBytes[i]);
        vals.sort();
        const quantilesExact = exact && this.examples <= this.qCap;
        const scale = n > 0 ? this.examples / n : 0;
        const labels = bucketLabels(TOKEN_BUCKETS);
        const counts = new Array(TOKEN_BUCKETS.length).fill(0);
        let b = 0;
        for (let i = 0; i < n; i++) {
            while (b + 1 < TOKEN_BUCKETS.length && vals[i] >= TOKEN_BUCKETS[b + 1])
                b++;
            counts[b]++;
        }
        const histogram = TOKEN_BUCKETS.map((min, i) => ({ label: labels[i], min, count: Math.round(counts[i] * scale) }));
        let estMax = 0;
        let sampled = 0;
        let rateBytes = 0;
        let rateTokens = 0;
        for (let h = 0; h < STRATA; h++) {
            if (this.estMaxBytes[h] >= 0) {
                // the largest estimated example is the largest measured one unless it was over the limit's byte bound
                const top = this.largest[h][0];
                const rate = top && top.bytes === this.estMaxBytes[h] && topRate[h] >= 0 ? topRate[h] : R[h];
                estMax = Math.max(estMax, Math.round(this.estMaxOverhead[h] + rate * this.estMaxBytes[h]));
            }
            sampled += this.sN[h];
            if (this.sB[h] > 0 || this.estBytes[h] > 0) {
                rateBytes += this.contentBytes[h];
                rateTokens += R[h] * this.contentBytes[h];
            }
        }
        const epochs = this.opts.epochs ?? defaultEpochs(this.examples);
        const result = {
            encoding: this.encoding,
            examples: this.examples,
            total,
            assistantTokens,
            mean: this.examples ? stats_round(total / this.examples, 2) : 0,
            p5: stats_round(quantileOf(vals, 0.05), 2),
            p50: stats_round(quantileOf(vals, 0.5), 2),
            p95: stats_round(quantileOf(vals, 0.95), 2),
            max: Math.max(this.exactMax, estMax),
            exact,
            sampledRecords: sampled,
            tokenizedRecords: this.tokenized,
            relativeError,
            tokensPerByte: rateBytes > 0 ? stats_round(rateTokens / rateBytes, 4) : 0,
            strata: STRATUM_NAMES.map((name, h) => ({
                name,
                bytes: this.contentBytes[h],
                estimatedBytes: this.estBytes[h],
                sampledRecords: this.sN[h],
                measuredRecords: this.estBytes[h] > 0 ? this.largest[h].length : 0,
                tokensPerByte: stats_round(R[h], 4),
                basis: basis[h],
            })),
            quantilesExact,
            histogram,
            limit: this.limit ?? null,
            limitSource: this.limitSource,
            tooLong: this.tooLong,
            images: { parts: this.images[0], counted: this.images[1], tokens: this.images[2] },
            billedTokens: billed,
            epochs,
            epochsSource: this.opts.epochs !== undefined ? "option" : "default",
        };
        if (this.opts.pricePerMillion !== undefined) {
            result.pricePerMillion = this.opts.pricePerMillion;
            result.estimatedCost = stats_round((epochs * billed * this.opts.pricePerMillion) / 1e6, 4);
        }
        return result;
    }
}

;// CONCATENATED MODULE: ./src/engine/analysis/chunk-analysis.ts






function emptyFileTokens() {
    return { exact: 0, overhead: 0, bytes: new Array(STRATA).fill(0) };
}
/** Adds `b` into `a`. */
function addFileTokens(a, b) {
    a.exact += b.exact;
    a.overhead += b.overhead;
    for (let h = 0; h < STRATA; h++)
        a.bytes[h] += b.bytes[h];
}
/** A chunk's share of the run's compression-sample budget (diversity.ts, 4 MiB): in proportion to its expected
 * bytes, at least 64 KiB. The merge thins the chunks' samples to the budget; sampling steps are powers of two, so a
 * chunk that keeps less than its old 4 MiB gives the same merged sample unless its own step passes the run's. */
function compressionBudget(chunkBytes, runBytes) {
    const budget = DEFAULT_COMPRESSION_SAMPLE_BYTES;
    if (!(runBytes > chunkBytes))
        return budget;
    return Math.max(64 * 1024, Math.round((budget * chunkBytes) / runBytes));
}
/** Runs of more input than this (gzip counted as 4× its size) count distinct n-grams in HyperLogLog from the first
 * word: their counts pass the exact cap (65,536) anyway, and each chunk would otherwise fill an exact table first.
 * Depends only on the input, so the report is the same for any number of workers or shards. */
const LARGE_RUN_BYTES = 32 * 1024 * 1024;
const counters = new Map();
/** One vocabulary load per thread and encoding. */
function counterFor(encoding) {
    let c = counters.get(encoding);
    if (!c)
        counters.set(encoding, (c = loadCounter(encoding)));
    return c;
}
class ChunkAnalysis {
    s;
    tok;
    batch;
    features;
    div;
    comp = new CompositionAnalysis();
    fileTokens = emptyFileTokens();
    /** Examples that need tokens wait (TokenOptions.defer) until the end of the chunk, which counts them all at once
     * (toPartial), in the thread that ran the chunk. */
    static create(s, chunk) {
        return new ChunkAnalysis(s, new TokenAnalysis({ ...s.tokens, seed: chunk.index, defer: true }), compressionBudget(chunk.bytes, s.tokens.expectedBytes));
    }
    constructor(s, tok, compressionSampleBytes) {
        this.s = s;
        this.tok = tok;
        this.div = new DiversityAnalysis({ boilerplatePhrases: s.boilerplatePhrases, compressionSampleBytes, hllFromStart: s.tokens.expectedBytes > LARGE_RUN_BYTES });
        this.features = { caseInsensitive: s.caseInsensitive, shingleSize: s.shingleSize, near: s.near };
        this.batch = new FeatureBatch(this.features);
    }
    add(conv, loc) {
        // One text scan of the record feeds exact and near duplicates and diversity.
        const scan = scanRecord(conv, this.features.caseInsensitive === true);
        this.batch.pushRecord(conv, scan, loc, this.features);
        this.div.add(conv, scan);
        this.comp.add(conv);
        const long = this.tok.add(conv, loc);
        const last = this.tok.last;
        if (last.exact >= 0)
            this.fileTokens.exact += last.exact;
        else if (last.exact !== PENDING) {
            this.fileTokens.overhead += last.overhead;
            this.fileTokens.bytes[last.stratum] += last.bytes;
        }
        return long;
    }
    /** The chunk's partial. The chunk's pending token examples (its part of the sample, long examples) are tokenized
     * here, so that tokenizing runs in parallel like the rest (the figures are the ones the merge would give: counts
     * are exact per text; the vocabulary loads in ~10 ms per thread). */
    async toPartial() {
        const findings = [];
        if (this.tok.pendingBytes > 0) {
            const own = this.tok.resolveOwnPending(await counterFor(this.s.tokens.encoding));
            findings.push(...own.findings);
            addFileTokens(this.fileTokens, own);
        }
        return {
            findings,
            features: this.batch.toPartial(),
            diversity: this.div.toPartial(),
            composition: this.comp.toPartial(),
            tokens: this.tok.toPartial(),
            fileTokens: { ...this.fileTokens, bytes: [...this.fileTokens.bytes] },
        };
    }
}

;// CONCATENATED MODULE: ./src/engine/analysis/splits.ts
// Pairs the training file of a folder with its evaluation files, for leakage checks.
//
//   pairSplits(paths, overrides?) => Array<{ train: number; eval: number }>   (indexes into `paths`)
//
// Automatic pairing: the basename (lowercased, extensions .jsonl/.json/.gz/... dropped) is cut into tokens
// (runs of letters, runs of digits). A file with a token train/training is a training split; a file with a token
// validation/valid/val/eval/evaluation/test/testing/dev is an evaluation split. Each evaluation file is paired with
// the training files of the same folder whose remaining tokens match (sft_val <-> sft_train); if none match, with
// every training file of the folder.
// Overrides (config): each {train: globs, eval: globs} pairs every path matching a train glob with every path
// matching an eval glob (picomatch; a glob without "/" also matches the basename). When overrides are given
// (non-empty), they replace the automatic pairing. Output is sorted (train, eval) and has no repeats or self-pairs.


const TRAIN = new Set(["train", "training"]);
const EVAL = new Set(["validation", "valid", "val", "eval", "evaluation", "test", "testing", "dev"]);
const EXT = /(\.(jsonl|json|ndjson|gz|zst|txt|parquet))+$/i;
function tokens(p) {
    const base = external_node_path_default().posix.basename(p.replace(/\\/g, "/")).toLowerCase().replace(EXT, "");
    return base.match(/[a-z]+|[0-9]+/g) ?? [];
}
function role(p) {
    const t = tokens(p);
    const train = t.some((x) => TRAIN.has(x));
    const ev = t.some((x) => EVAL.has(x));
    const kind = train && !ev ? "train" : ev && !train ? "eval" : null;
    return { kind, stem: t.filter((x) => !TRAIN.has(x) && !EVAL.has(x)).join("_") };
}
/** Globs with a "/" match the whole path, others the basename. */
function matcher(globs) {
    const full = globs.filter((g) => g.includes("/")).map((g) => g.replace(/^(\.\/)+/, ""));
    const base = globs.filter((g) => !g.includes("/"));
    const f = full.length ? picomatch_default()(full, { dot: true }) : () => false;
    const b = base.length ? picomatch_default()(base, { dot: true }) : () => false;
    return (p) => f(p) || b(external_node_path_default().posix.basename(p));
}
const dir = (p) => external_node_path_default().posix.dirname(p.replace(/\\/g, "/"));
const normalise = (p) => p.replace(/\\/g, "/").replace(/^(\.\/)+/, "");
/** A `splits` entry of the config one side of which matches files being checked and the other side none (a typo in
 * a glob, a renamed file): its files would silently get no leakage check, and max-leakage pass. The message, or
 * null. (Both sides matching nothing is no problem: a pull request's run checks only the files it changes.) */
function unmatchedSplit(paths, overrides) {
    if (!overrides)
        return null;
    const norm = paths.map(normalise);
    for (const [i, o] of overrides.entries()) {
        const train = norm.filter(matcher(o.train));
        const ev = norm.filter(matcher(o.eval));
        if ((train.length === 0) === (ev.length === 0))
            continue;
        const [empty, globs, other, found] = train.length === 0 ? ["train", o.train, "eval", ev] : ["eval", o.eval, "train", train];
        const list = globs.map((g) => `'${g}'`).join(", ");
        const more = found.length > 1 ? ` and ${found.length - 1} more` : "";
        return `splits[${i}].${empty} ${list} matches none of the ${paths.length} file(s) being checked, while its ${other} matches ${found[0]}${more}: that pair would get no leakage check; fix the glob`;
    }
    return null;
}
function splits_pairSplits(paths, overrides) {
    const out = new Map();
    const add = (train, ev) => {
        if (train !== ev)
            out.set(`${train}:${ev}`, { train, eval: ev });
    };
    if (overrides && overrides.length > 0) {
        for (const o of overrides) {
            const isTrain = matcher(o.train);
            const isEval = matcher(o.eval);
            const norm = paths.map(normalise);
            const tr = norm.map((p, i) => (isTrain(p) ? i : -1)).filter((i) => i >= 0);
            const ev = norm.map((p, i) => (isEval(p) ? i : -1)).filter((i) => i >= 0);
            for (const t of tr)
                for (const e of ev)
                    add(t, e);
        }
    }
    else {
        const roles = paths.map(role);
        for (let e = 0; e < paths.length; e++) {
            if (roles[e].kind !== "eval")
                continue;
            const trains = paths.map((_, i) => i).filter((i) => roles[i].kind === "train" && dir(paths[i]) === dir(paths[e]));
            const same = trains.filter((i) => roles[i].stem === roles[e].stem);
            for (const t of same.length ? same : trains)
                add(t, e);
        }
    }
    return [...out.values()].sort((a, b) => a.train - b.train || a.eval - b.eval);
}

;// CONCATENATED MODULE: ./src/engine/dataset-info.ts
const DATASET_INFO_WIDTH = 100;
/** Windowed distinct-2 below this fails the diversity check. */
const DEFAULT_DIVERSITY_THRESHOLD = 0.45;
function splitOf(path) {
    const base = path.split(/[\\/]/).pop().toLowerCase();
    if (/(^|[^a-z])(val|valid|validation|dev|eval)([^a-z]|$)/.test(base))
        return "validation";
    if (/(^|[^a-z])test([^a-z]|$)/.test(base))
        return "test";
    return "train";
}
function mainFormat(files) {
    const by = new Map();
    for (const f of files)
        by.set(f.format, (by.get(f.format) ?? 0) + f.records);
    let best = "unknown";
    let n = -1;
    for (const [k, v] of [...by].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
        if (v > n && k !== "unknown") {
            best = k;
            n = v;
        }
    }
    return best;
}
function buildDatasetInfo(input) {
    const threshold = input.diversityThreshold ?? DEFAULT_DIVERSITY_THRESHOLD;
    const wd2 = input.diversity?.windowedDistinct2.mean ?? null;
    const files = input.files.map((f) => ({ path: f.path, records: f.records, validRecords: f.validRecords ?? f.records, format: f.format, split: splitOf(f.path) }));
    const dataFiles = {};
    for (const f of files)
        (dataFiles[f.split] ??= []).push(f.path);
    const info = {
        generatedAt: input.generatedAt,
        totalExamples: files.reduce((s, f) => s + f.records, 0),
        validExamples: files.reduce((s, f) => s + f.validRecords, 0),
        files,
        qa: {
            validationPassed: input.validationPassed,
            errors: input.errors,
            exactDuplicates: input.duplicates.exact,
            nearDuplicates: input.duplicates.near,
            windowedDistinct2: wd2,
            diversityThreshold: threshold,
            diversityPassed: wd2 === null ? null : wd2 >= threshold,
            requiredFieldsPresent: input.requiredFieldsPresent,
            formatCompliance: input.records > 0 ? Math.round((input.validRecords / input.records) * 10000) / 100 : 0,
        },
        usage: { dataFiles, format: mainFormat(input.files) },
    };
    if (input.name !== undefined)
        info.name = input.name;
    if (input.purpose !== undefined)
        info.purpose = input.purpose;
    const c = input.composition;
    if (c) {
        info.composition = {
            records: c.records,
            singleTurn: c.singleTurn,
            multiTurn: c.multiTurn,
            responses: c.responses.records,
            withCode: c.responses.withCode,
            withLists: c.responses.withLists,
            withHeaders: c.responses.withHeaders,
            brief: c.responses.brief,
            medium: c.responses.medium,
            detailed: c.responses.detailed,
        };
        if (c.categories) {
            info.categories = c.categories.top.slice(0, 20);
            info.categorized = { records: c.categories.records, distinct: c.categories.distinct, exact: c.categories.exact };
        }
    }
    const d = input.diversity;
    if (d) {
        info.systemPrompts = {
            recordsWithSystem: d.systemPrompts.recordsWithSystem,
            distinct: d.systemPrompts.distinct,
            top: d.systemPrompts.top.slice(0, 3),
        };
    }
    const t = input.tokens;
    if (t) {
        info.tokens = {
            encoding: t.encoding,
            total: t.total,
            mean: t.mean,
            exact: t.exact,
            relativeError: t.relativeError,
            epochs: t.epochs,
            billedTokens: t.billedTokens,
        };
        if (t.pricePerMillion !== undefined)
            info.tokens.pricePerMillion = t.pricePerMillion;
        if (t.estimatedCost !== undefined)
            info.tokens.estimatedCost = t.estimatedCost;
        if (t.images.parts > 0)
            info.tokens.images = t.images;
    }
    return info;
}
/** Integer with "," thousands separators (locale-independent). */
function fmtInt(n) {
    const s = String(Math.round(Math.abs(n)));
    return (n < 0 ? "-" : "") + s.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
function pct(a, b) {
    return b > 0 ? `${((a / b) * 100).toFixed(1)}%` : "0.0%";
}
function width(s) {
    return [...s].length;
}
/** Truncate to `max` columns with "…". */
function fit(s, max) {
    const cps = [...s];
    return cps.length <= max ? s : cps.slice(0, Math.max(0, max - 1)).join("") + "…";
}
function oneLine(s) {
    return s.replace(/\s+/g, " ").trim();
}
function pyStr(s) {
    return "'" + s.replace(/\\/g, "\\\\").replace(/'/g, "\\'") + "'";
}
function trainerLines(format) {
    switch (format) {
        case "chatml":
            return [
                "TRL SFTTrainer: conversational format, the `messages` column is used as is",
                "Axolotl: datasets: - path: <file>, type: chat_template (field_messages: messages)",
                "LLaMA-Factory: formatting: sharegpt, tags: {role_tag: role, content_tag: content,",
                "  user_tag: user, assistant_tag: assistant, system_tag: system}, columns: {messages: messages}",
            ];
        case "sharegpt":
            return [
                "TRL SFTTrainer: map `conversations` (from/value) to `messages` (role/content) first",
                "Axolotl: type: chat_template, field_messages: conversations,",
                "  message_property_mappings: {role: from, content: value}",
                "LLaMA-Factory: formatting: sharegpt, columns: {messages: conversations}",
            ];
        case "alpaca":
            return [
                "TRL SFTTrainer: map instruction/input/output to prompt/completion first",
                "Axolotl: type: alpaca",
                "LLaMA-Factory: formatting: alpaca, columns: {prompt: instruction, query: input, response: output}",
            ];
        case "preference-trl":
            return [
                "TRL DPOTrainer: prompt/chosen/rejected columns are used as is",
                "Axolotl: rl: dpo (type: chatml.intel or a matching prompt strategy)",
                "LLaMA-Factory: ranking: true, columns: {prompt: prompt, chosen: chosen, rejected: rejected}",
            ];
        case "preference-openai":
            return [
                "OpenAI fine-tuning: method type `dpo`, the file is uploaded as is",
                "TRL DPOTrainer: map input.messages / preferred_output / non_preferred_output",
                "  to prompt / chosen / rejected first",
            ];
        default:
            return ["Format not recognised: convert to ChatML `messages` first"];
    }
}
function renderDatasetInfo(info) {
    const W = DATASET_INFO_WIDTH;
    const out = [];
    const rule = "=".repeat(W);
    const section = (title) => {
        out.push("", title, "-".repeat(width(title)));
    };
    const check = (ok, text) => out.push(`  ${ok ? "✓" : "✗"} ${text}`);
    out.push(rule);
    out.push(`Dataset: ${oneLine(info.name ?? "(unnamed)")}`);
    if (info.purpose)
        out.push(`Purpose: ${oneLine(info.purpose)}`);
    out.push(`Generated: ${info.generatedAt}`);
    out.push(rule);
    const invalid = info.totalExamples - info.validExamples;
    out.push("", `Total examples: ${fmtInt(info.totalExamples)}${invalid > 0 ? ` (${fmtInt(info.validExamples)} valid, ${fmtInt(invalid)} invalid)` : ""}`);
    const countW = Math.max(7, ...info.files.map((f) => fmtInt(f.records).length));
    const formatW = Math.max(...info.files.map((f) => f.format.length));
    // one column layout for every row: the path column is as wide as the widest row's other columns allow
    const tails = info.files.map((f) => {
        const bad = f.records - f.validRecords;
        return ` ${fmtInt(f.records).padStart(countW)}  ${f.split.padEnd(10)} ${f.format.padEnd(formatW)}${bad > 0 ? `  (${fmtInt(bad)} invalid)` : ""}`;
    });
    const pathW = Math.max(12, W - 2 - Math.max(0, ...tails.map(width)));
    info.files.forEach((f, i) => out.push(`  ${fit(f.path, pathW).padEnd(pathW)}${tails[i]}`.trimEnd()));
    const q = info.qa;
    section("Quality Assurance");
    check(q.validationPassed, `JSON validation: ${q.validationPassed ? "PASSED" : "FAILED"} (${fmtInt(q.errors)} ${q.errors === 1 ? "error" : "errors"})`);
    const dups = q.exactDuplicates + q.nearDuplicates;
    check(dups === 0, dups === 0
        ? "Duplicates: none found"
        : `Duplicates: ${fmtInt(q.exactDuplicates)} exact, ${fmtInt(q.nearDuplicates)} near-duplicates found`);
    if (q.windowedDistinct2 === null)
        check(false, "Diversity check: not measured");
    else
        check(q.diversityPassed === true, `Diversity check: windowed distinct-2 ${q.windowedDistinct2.toFixed(2)} ` +
            `(${q.diversityPassed ? "≥" : "<"} ${q.diversityThreshold.toFixed(2)})`);
    check(q.requiredFieldsPresent, `Required fields present: ${q.requiredFieldsPresent ? "yes" : "no"}`);
    check(q.formatCompliance >= 100, `Format compliance: ${q.formatCompliance.toFixed(2)}%`);
    const c = info.composition;
    if (c) {
        section("Dataset Composition");
        out.push(`  Single-turn: ${fmtInt(c.singleTurn)} (${pct(c.singleTurn, c.records)})`);
        out.push(`  Multi-turn:  ${fmtInt(c.multiTurn)} (${pct(c.multiTurn, c.records)})`);
        out.push("  Response types (final assistant message):");
        out.push(`    with code blocks: ${fmtInt(c.withCode)} (${pct(c.withCode, c.responses)})`);
        out.push(`    with lists:       ${fmtInt(c.withLists)} (${pct(c.withLists, c.responses)})`);
        out.push(`    with headers:     ${fmtInt(c.withHeaders)} (${pct(c.withHeaders, c.responses)})`);
        out.push("  Response lengths:");
        out.push(`    brief (<200 chars):       ${fmtInt(c.brief)} (${pct(c.brief, c.responses)})`);
        out.push(`    medium (200-800 chars):   ${fmtInt(c.medium)} (${pct(c.medium, c.responses)})`);
        out.push(`    detailed (>800 chars):    ${fmtInt(c.detailed)} (${pct(c.detailed, c.responses)})`);
    }
    const s = info.systemPrompts;
    if (s) {
        section("System Prompts");
        out.push(`  Unique variations: ${fmtInt(s.distinct)} (in ${fmtInt(s.recordsWithSystem)} examples)`);
        s.top.forEach((p, i) => {
            const head = `  ${i + 1}. (${fmtInt(p.count)}x) `;
            out.push(head + fit(`"${oneLine(p.text)}"`, W - width(head)));
        });
    }
    if (info.categories && info.categories.length) {
        section("Category Distribution");
        const cat = info.categorized;
        const total = cat ? cat.records : info.categories.reduce((a, e) => a + e.count, 0);
        if (cat) {
            const shown = info.categories.length < cat.distinct ? `, top ${info.categories.length} shown` : "";
            out.push(cat.exact ? `  ${fmtInt(cat.records)} examples with a category, ${fmtInt(cat.distinct)} categories${shown}` : `  ${fmtInt(cat.records)} examples with a category, more than 10,000 categories: counts are lower bounds`);
        }
        const nameW = Math.min(40, Math.max(...info.categories.map((e) => width(oneLine(e.category)))));
        for (const e of info.categories) {
            out.push(`  ${fit(oneLine(e.category), nameW).padEnd(nameW)}  ${fmtInt(e.count).padStart(9)} (${pct(e.count, total)})`);
        }
    }
    const t = info.tokens;
    if (t) {
        section("Estimated Tokens");
        const how = t.exact ? "exact" : `estimated, ±${(t.relativeError * 100).toFixed(1)}%`;
        out.push(`  Total: ${fmtInt(t.total)} (${t.encoding}, ${how})`);
        out.push(`  Average per example: ${t.mean.toFixed(1)}`);
        if (t.images) {
            const left = t.images.parts - t.images.counted;
            out.push(`  Images: ${fmtInt(t.images.counted)} counted (${fmtInt(t.images.tokens)} tokens)${left > 0 ? `, ${fmtInt(left)} not counted (size unknown)` : ""}`);
        }
        out.push(`  Epochs: ${t.epochs}`);
        if (t.estimatedCost !== undefined && t.pricePerMillion !== undefined) {
            out.push(`  Estimated training cost: $${t.estimatedCost.toFixed(2)} (${t.epochs} epochs x ` +
                `${fmtInt(t.billedTokens)} billed tokens x $${t.pricePerMillion} / 1M)`);
        }
    }
    section("Instructions for Use");
    out.push("  from datasets import load_dataset");
    const entries = Object.keys(info.usage.dataFiles)
        .sort((a, b) => ["train", "validation", "test"].indexOf(a) - ["train", "validation", "test"].indexOf(b))
        .map((k) => {
        const v = info.usage.dataFiles[k];
        return `${pyStr(k)}: ${v.length === 1 ? pyStr(v[0]) : "[" + v.map(pyStr).join(", ") + "]"}`;
    });
    const single = `  ds = load_dataset('json', data_files={${entries.join(", ")}})`;
    if (width(single) <= W)
        out.push(single);
    else {
        out.push("  ds = load_dataset('json', data_files={");
        for (const e of entries)
            out.push(`      ${e},`);
        out.push("  })");
    }
    out.push(`  Format: ${info.usage.format}`);
    for (const l of trainerLines(info.usage.format))
        out.push(`  ${l}`);
    out.push("");
    return out.map((l) => fit(l.trimEnd(), W)).join("\n");
}

;// CONCATENATED MODULE: ./src/engine/analysis/run-analysis.ts














const REQUIRED_FIELD_RULES = ["missing-messages", "missing-role", "missing-content", "messages-not-array", "empty-messages"];
/** Derived from the config once per run; `expectedBytes` (the input size) fixes the token sampling budget. */
async function analysisSettings(config, absPaths) {
    const t = config.tokens;
    // Input size up front (gzip: about 4× its compressed size), so token sampling spends a fixed budget.
    let expectedBytes = 0;
    for (const p of absPaths)
        expectedBytes += await (0,promises_.stat)(p).then((s) => (isGzipPath(p) ? 4 * s.size : s.size), () => 0);
    return {
        caseInsensitive: config.duplicates.caseInsensitive,
        near: config.duplicates.near,
        shingleSize: config.duplicates.shingleSize,
        boilerplatePhrases: config.diversity.boilerplatePhrases,
        tokens: { encoding: t.encoding, maxTokens: t.maxTokens, model: t.model, epochs: t.epochs, pricePerMillion: t.pricePerMillion, exact: t.exact, expectedBytes },
    };
}
/** The run-level analysis: chunk partials are merged into it in chunk order, then finish() fills the report. */
class Analysis {
    paths;
    config;
    settings;
    dup;
    div;
    comp = new CompositionAnalysis();
    tok;
    /** Per file: exact tokens of tokenized examples, and overhead + content bytes per stratum of the others. */
    fileTokens = [];
    constructor(paths, config, settings) {
        this.paths = paths;
        this.config = config;
        this.settings = settings;
        const d = config.duplicates;
        this.dup = new DuplicateAnalysis({
            paths,
            caseInsensitive: d.caseInsensitive,
            near: d.near,
            nearThreshold: d.nearThreshold,
            shingleSize: d.shingleSize,
            splits: splits_pairSplits(paths, config.splits),
        });
        this.div = new DiversityAnalysis({ boilerplatePhrases: settings.boilerplatePhrases });
    }
    loading;
    /** Loads the vocabulary (once; later calls return the same promise): the run-level token analysis tokenizes the
     * chunks' pending examples as they are merged. Started before the first chunk result is in: with worker threads
     * this thread loads it while they run their first chunks, instead of holding up the merges later. */
    ready() {
        this.loading ??= counterFor(this.settings.tokens.encoding).then((countTokens) => {
            this.tok = new TokenAnalysis({ ...this.settings.tokens, countTokens });
        });
        return this.loading;
    }
    /** Folds one chunk of file `file` in; returns the duplicate findings of its records (absolute lines). */
    mergeChunk(file, p, lineOffset) {
        const found = this.dup.addBatch(FeatureBatch.fromPartial(p.features), lineOffset);
        this.div.merge(p.diversity);
        this.comp.merge(p.composition);
        if (!this.tok)
            throw new Error("Analysis.mergeChunk before ready()");
        const tokens = this.tok.merge(p.tokens);
        const ft = (this.fileTokens[file] ??= emptyFileTokens());
        addFileTokens(ft, p.fileTokens);
        addFileTokens(ft, tokens);
        for (const f of [...p.findings, ...tokens.findings])
            found.push({ ...f, line: f.line + lineOffset });
        return found;
    }
    async finish(report, absPaths, date) {
        const compressing = this.div.compressSample(); // on zlib's thread pool, while duplicates are verified here
        compressing.catch(() => undefined); // awaited below; never an unhandled rejection if verification throws first
        const formats = report.files.map((f) => (f.format === "unknown" ? undefined : f.format));
        const reread = async (locs, each) => {
            const byFile = new Map();
            locs.forEach((l, i) => {
                const list = byFile.get(l.file);
                if (list)
                    list.push(i);
                else
                    byFile.set(l.file, [i]);
            });
            for (const [file, indexes] of byFile) {
                await readLinesAt(absPaths[file], indexes.map((i) => locs[i]), (k, buf) => each(indexes[k], reparse(buf, formats[file], this.config)));
            }
        };
        const d = await this.dup.finish(reread);
        const byFile = new Map();
        for (const { file, finding } of d.findings) {
            const list = byFile.get(file);
            if (list)
                list.push(finding);
            else
                byFile.set(file, [finding]);
        }
        for (const [file, found] of byFile) {
            const fr = report.files[file];
            appendFindings(fr, found, severitiesFor(fr.path, this.config), this.config.maxFindings);
        }
        await this.ready(); // a run without chunks merged none
        const tokens = this.tok.finish();
        report.files.forEach((f, i) => {
            const ft = this.fileTokens[i];
            f.stats = {
                exactDuplicates: d.perFile[i]?.exactDuplicates ?? 0,
                nearDuplicates: d.perFile[i]?.nearDuplicates ?? 0,
                tokens: ft ? Math.round(ft.exact + this.tok.estimateOf(ft.overhead, ft.bytes)) : 0,
            };
        });
        report.duplicates = { exact: d.exact, near: d.near };
        report.leakage = d.leakage;
        const diversity = this.div.finish(await compressing);
        const composition = this.comp.finish();
        report.diversity = diversity;
        report.composition = composition;
        report.tokens = tokens;
        // Validation errors: the errors of the record and file rules, not those of the analysis (leakage, too-long, or a
        // duplicate rule set to error), which say nothing about whether the JSON is valid.
        const errors = report.files.reduce((s, f) => {
            const sev = severitiesFor(f.path, this.config);
            const analysisErrors = RULES.filter((r) => r.group === "analysis" && (sev[r.id] ?? r.severity) === "error").reduce((n, r) => n + (f.findingCounts[r.id] ?? 0), 0);
            return s + f.errors - analysisErrors;
        }, 0);
        const info = buildDatasetInfo({
            name: this.config.datasetInfo.name,
            purpose: this.config.datasetInfo.purpose,
            generatedAt: date ?? new Date().toISOString().slice(0, 10),
            files: report.files.map((f) => ({ path: f.path, records: f.records, validRecords: f.validRecords, format: f.format })),
            validationPassed: errors === 0,
            errors,
            duplicates: { exact: d.exact.duplicateRecords, near: d.near.duplicateRecords },
            requiredFieldsPresent: report.files.every((f) => REQUIRED_FIELD_RULES.every((r) => !f.findingCounts[r])),
            validRecords: report.summary.validRecords,
            records: report.files.reduce((s, f) => s + f.records, 0),
            diversity,
            composition,
            tokens,
            diversityThreshold: this.config.thresholds["min-windowed-distinct-2"]?.warn ?? this.config.thresholds["min-windowed-distinct-2"]?.fail,
        });
        report.datasetInfo = { ...info, text: renderDatasetInfo(info) };
    }
}
function reparse(buf, format, config) {
    let rec;
    try {
        let text = buf.toString("utf8");
        if (text.endsWith("\r"))
            text = text.slice(0, -1);
        rec = JSON.parse(text);
    }
    catch {
        return null;
    }
    if (!rec || typeof rec !== "object" || Array.isArray(rec))
        return null;
    const obj = rec;
    return parseRecord(obj, config.format ?? detectFormat(obj) ?? format ?? "chatml", { profile: config.profile, categoryField: config.categoryField, emit: () => { } });
}
/** The dataset_info text of a report (undefined when the analysis did not run). */
function renderDatasetInfoFromReport(report) {
    const info = report.datasetInfo;
    return info?.text;
}

;// CONCATENATED MODULE: ./src/engine/chunks.ts
// The run's unit of work: fixed byte ranges of each file, cut at line starts. The plan depends only on the data
// (never on the number of workers), and the single-thread run processes the same chunks in the same order, so a run
// with workers or shards gives the same report, byte for byte.



const CHUNK_OVERRIDE = Number(process.env.CHATML_GATE_CHUNK_BYTES) > 0 ? Number(process.env.CHATML_GATE_CHUNK_BYTES) : 0;
/** Largest chunk of a plain file. A .gz file is always one chunk (gzip cannot be entered mid-stream).
 * CHATML_GATE_CHUNK_BYTES sets the chunk size (tests use small chunks to exercise the merge on small files). */
const CHUNK_BYTES = CHUNK_OVERRIDE || 32 * 1024 * 1024;
/** Smallest chunk cut from a larger file. */
const MIN_CHUNK_BYTES = CHUNK_OVERRIDE || 2 * 1024 * 1024;
/** A chunk is about 1/TAPER of the run's plain-file bytes left from its start (within the bounds above), so chunks
 * shrink toward the end of a run: the threads end within a small chunk of each other, whatever their number, while
 * most of the run is read in large chunks. 54 MB: 17 chunks of 6.5 MiB down to 2 MiB; 272 MB: 29; 1 GB: 54. */
const TAPER = 8;
/** The size of a chunk starting with `remaining` bytes of plain files left in the run. Depends only on the data. */
function chunkBytesAt(remaining) {
    return Math.min(CHUNK_BYTES, Math.max(MIN_CHUNK_BYTES, Math.ceil(remaining / TAPER)));
}
/** The first line start at or after `at` (the byte after the next "\n"), or `size`. */
async function nextLineStart(path, at, size) {
    const fh = await (0,promises_.open)(path, "r");
    try {
        const buf = Buffer.allocUnsafe(64 * 1024);
        let pos = at - 1; // the byte before `at` may itself be the "\n"
        while (pos < size) {
            const { bytesRead } = await fh.read(buf, 0, buf.length, pos);
            if (bytesRead <= 0)
                return size;
            const nl = buf.subarray(0, bytesRead).indexOf(0x0a);
            if (nl !== -1)
                return pos + nl + 1;
            pos += bytesRead;
        }
        return size;
    }
    finally {
        await fh.close();
    }
}
/** `whole[i]`: file i is one chunk whatever its size. `chunkBytes`: one fixed chunk size (tests) instead of the
 * tapering sizes of chunkBytesAt. */
async function planChunks(absPaths, chunkBytes, whole = []) {
    const sizes = [];
    for (const path of absPaths) {
        try {
            sizes.push((0,external_node_fs_namespaceObject.statSync)(path).size); // one synchronous call per file: runs of thousands of files
        }
        catch {
            sizes.push(0);
        }
    }
    const splittable = (file) => !isGzipPath(absPaths[file]) && !whole[file];
    let remaining = sizes.reduce((sum, size, file) => sum + (splittable(file) ? size : 0), 0);
    const sizeAt = (left) => chunkBytes ?? chunkBytesAt(left);
    const chunks = [];
    for (let file = 0; file < absPaths.length; file++) {
        const path = absPaths[file];
        const size = sizes[file];
        if (!splittable(file) || size <= sizeAt(remaining)) {
            chunks.push({ index: chunks.length, file, range: null, bytes: isGzipPath(path) ? 4 * size : size });
            if (splittable(file))
                remaining -= size;
            continue;
        }
        let start = 0;
        while (start < size) {
            const want = sizeAt(remaining);
            const end = start + want >= size ? size : await nextLineStart(path, start + want, size);
            chunks.push({ index: chunks.length, file, range: { start, end }, bytes: end - start });
            remaining -= end - start;
            start = end;
        }
    }
    return chunks;
}

;// CONCATENATED MODULE: ./src/engine/chunk-check.ts


async function runChunk(job) {
    const analysis = job.analysis ? ChunkAnalysis.create(job.analysis, job.chunk) : null;
    const scan = await scanFile({
        path: job.path,
        display: job.display,
        fileIndex: job.chunk.file,
        range: job.chunk.range,
        format: job.format,
        forced: job.forced,
        profile: job.profile,
        categoryField: job.categoryField,
        severities: job.severities,
        maxFindings: job.maxFindings,
        onRecord: analysis ? (conv, loc) => analysis.add(conv, loc) : undefined,
    });
    return { index: job.chunk.index, scan, analysis: analysis ? await analysis.toPartial() : null };
}

;// CONCATENATED MODULE: ./src/engine/version.ts
// Kept in step with package.json by scripts/bundle.mjs.
const VERSION = "0.1.0";

;// CONCATENATED MODULE: ./src/engine/check.ts
// One run: a list of files → one Report. Pure engine: no @actions/*, no network.













const runInThisThread = async function* (jobs) {
    for (const j of jobs)
        yield await runChunk(j);
};
/** Each override's compiled globs (made once per config object). */
const matchers = new WeakMap();
function severitiesFor(path, config) {
    // A profile's target may refuse what the generic rules only warn about; the config's own settings win.
    const target = profileSeverities(config.profile);
    let sev = Object.keys(target).length ? { ...target, ...config.rules } : config.rules;
    for (const o of config.overrides) {
        if (!Object.keys(o.rules).length)
            continue;
        let match = matchers.get(o);
        if (!match)
            matchers.set(o, (match = overrideMatcher(o.files)));
        if (match(path))
            sev = { ...sev, ...o.rules };
    }
    return sev;
}
/** File heads read at once while planning. */
const HEAD_CONCURRENCY = 8;
async function planRun(opts) {
    const { config } = opts;
    const paths = opts.files;
    const absPaths = paths.map((p) => (0,external_node_path_namespaceObject.resolve)(opts.cwd, p));
    const settings = opts.validateOnly ? null : await analysisSettings(config, absPaths);
    const unmatched = settings ? unmatchedSplit(paths, config.splits) : null;
    if (unmatched)
        throw new ConfigError(unmatched);
    // File heads, a few at a time (thousands of small files: each is an open, a read and a close on the I/O pool).
    const heads = new Array(paths.length);
    let nextHead = 0;
    const headWorker = async () => {
        while (nextHead < paths.length) {
            const i = nextHead++;
            heads[i] = await checkFileHead(absPaths[i], paths[i], severitiesFor(paths[i], config), config.maxFindings);
        }
    };
    await Promise.all(Array.from({ length: Math.min(HEAD_CONCURRENCY, paths.length) }, headWorker));
    // A file whose format the head could not tell (and the config does not set) stays one chunk: its chunks could
    // each take the format of their own first record.
    const whole = heads.map((h) => !config.format && "whole" in h && h.whole === true);
    const chunks = await planChunks(absPaths, undefined, whole);
    const jobs = [];
    for (const chunk of chunks) {
        const head = heads[chunk.file];
        if ("report" in head)
            continue;
        jobs.push({
            chunk,
            path: absPaths[chunk.file],
            display: paths[chunk.file],
            format: config.format ?? head.format,
            forced: !!config.format,
            profile: config.profile,
            categoryField: config.categoryField,
            severities: severitiesFor(paths[chunk.file], config),
            maxFindings: config.maxFindings,
            analysis: settings,
        });
    }
    const identities = await Promise.all(absPaths.map((p) => fileIdentity(p)));
    return { paths, absPaths, identities, heads, jobs, settings };
}
async function check(opts) {
    const plan = await planRun(opts);
    return assemble(plan, (opts.runner ?? runInThisThread)(plan.jobs), opts.config, { date: opts.date, base: opts.base });
}
/** Merges the chunk results, in job order, into one Report (the same whatever ran the chunks, and where). */
async function assemble(plan, results, config, extra = {}) {
    const it = (Symbol.asyncIterator in results ? results[Symbol.asyncIterator]() : results[Symbol.iterator]());
    const analysis = plan.settings ? new Analysis(plan.paths, config, plan.settings) : undefined;
    const loading = analysis?.ready(); // the vocabulary loads as the chunks start (awaited before the first merge)
    const files = [];
    const jobsOf = plan.paths.map(() => []);
    for (const job of plan.jobs)
        jobsOf[job.chunk.file].push(job);
    for (let i = 0; i < plan.paths.length; i++) {
        const head = plan.heads[i];
        if ("report" in head) {
            files.push(head.report);
            continue;
        }
        const sink = new FindingSink(severitiesFor(plan.paths[i], config), config.maxFindings);
        const sum = { bytes: 0, records: 0, valid: 0, nonBlank: 0, invalidJson: 0, fragments: 0, firstInvalid: false, readError: false };
        let format = head.format;
        let lineOffset = 0;
        let first = true;
        for (const job of jobsOf[i]) {
            const next = await it.next();
            const r = next.done ? undefined : next.value;
            await loading;
            if (!r || r.index !== job.chunk.index)
                throw new Error(`missing result for chunk ${job.chunk.index} (${plan.paths[i]})`);
            const s = r.scan;
            sink.absorb(s.sink, lineOffset, r.analysis && analysis ? analysis.mergeChunk(i, r.analysis, lineOffset) : []);
            format ??= s.format;
            sum.bytes += s.bytes;
            sum.records += s.records;
            sum.valid += s.valid;
            sum.nonBlank += s.nonBlank;
            sum.invalidJson += s.invalidJson;
            sum.fragments += s.fragments;
            sum.readError ||= s.readError;
            if (first)
                sum.firstInvalid = s.firstInvalid;
            if (s.nonBlank > 0)
                first = false;
            lineOffset += s.lines;
        }
        files.push(finishFile(plan.paths[i], config.format ?? format, sum, sink));
    }
    await it.return?.(); // lets the runner clean up (worker threads)
    const report = {
        schemaVersion: 1,
        tool: { name: "chatml-quality-gate", version: VERSION },
        passed: true,
        summary: {
            files: files.length,
            records: files.reduce((s, f) => s + f.records, 0),
            validRecords: files.reduce((s, f) => s + f.validRecords, 0),
            errors: 0,
            warnings: 0,
            bytes: files.reduce((s, f) => s + f.bytes, 0),
        },
        files,
        gate: { passed: true, failOn: config.failOn, checks: [] },
    };
    if (analysis)
        await analysis.finish(report, plan.absPaths, extra.date);
    report.summary.errors = files.reduce((s, f) => s + f.errors, 0);
    report.summary.warnings = files.reduce((s, f) => s + f.warnings, 0);
    if (extra.base)
        report.deltas = compareReports(extra.base, report);
    report.gate = evaluateGate(report, config);
    report.passed = report.gate.passed;
    return report;
}
/** Files outside `files` that leakage detection needs: the train/eval partners of the files being checked. */
function splitPartners(files, allFiles, config) {
    const set = new Set(files);
    const union = [...new Set([...files, ...allFiles])].sort();
    const extra = new Set();
    for (const p of pairSplits(union, config?.splits)) {
        const a = union[p.train];
        const b = union[p.eval];
        if (set.has(a) && !set.has(b))
            extra.add(b);
        if (set.has(b) && !set.has(a))
            extra.add(a);
    }
    return [...extra].sort();
}

;// CONCATENATED MODULE: ./src/engine/worker-pool.ts
// Runs chunk jobs on `workers` threads in all — this thread plus workers − 1 worker threads — and yields the
// results in job order. The worker is this same script (the bundled CLI or action) started with a marker in
// workerData; every thread takes the next job when it is done with one. This thread also merges the results as they
// come (the consumer of the generator), between its own chunks' reads.
//
// Why this thread computes too: a worker thread costs a V8 heap and the compiled bundle (its start-up and tens of
// MB); with N cores, N − 1 of them plus this thread use every core without that cost once more. Worker threads load
// no tokenizer vocabulary: chunks leave token counting to the merge (tokens.ts, `defer`).





const WORKER_MARK = "chatml-gate-chunk-worker";
/** Jobs a worker thread holds at a time (the one it runs and the next). */
const IN_FLIGHT = 2;
/** `workers`: threads in all (>= 2; 1 means no pool at all). `entry`: the script a worker thread runs. */
function workerRunner(workers, entry) {
    return async function* (jobs) {
        const threads = Math.max(0, Math.min(workers, jobs.length) - 1);
        const results = new Map();
        const waiting = new Map();
        let failure;
        let nextJob = 0;
        const pool = [];
        const deliver = (pos, r) => {
            const w = waiting.get(pos);
            if (w) {
                waiting.delete(pos);
                w(r);
            }
            else
                results.set(pos, r);
        };
        const fail = (e) => {
            failure ??= e;
            for (const w of waiting.values())
                w(undefined);
            waiting.clear();
        };
        // Each worker holds up to IN_FLIGHT jobs (it runs them one after another): it starts the next one as soon as it
        // posts a result, instead of waiting for this thread, which may be busy with a chunk or a merge of its own.
        const queues = new Map();
        const feed = (w) => {
            if (nextJob >= jobs.length || failure)
                return;
            const pos = nextJob++;
            queues.get(w).push(pos);
            w.postMessage(jobs[pos]);
        };
        const listen = (w) => {
            queues.set(w, []);
            w.on("message", (msg) => {
                const pos = queues.get(w).shift();
                if (msg.ok) {
                    deliver(pos, msg.result);
                    feed(w);
                }
                else
                    fail(new Error(msg.error));
            });
        };
        // This thread's share: the next free job, one after another, until none is left.
        const local = async () => {
            while (nextJob < jobs.length && !failure) {
                const pos = nextJob++;
                try {
                    deliver(pos, await runChunk(jobs[pos]));
                }
                catch (e) {
                    fail(e instanceof Error ? e : new Error(String(e)));
                }
            }
        };
        let localRun;
        try {
            for (let i = 0; i < threads; i++) {
                const w = new external_node_worker_threads_namespaceObject.Worker(entry, { workerData: { mark: WORKER_MARK } });
                w.unref(); // never keeps the process alive, even if the consumer stops early
                w.on("error", fail);
                w.on("exit", (code) => {
                    if (code !== 0)
                        fail(new Error(`a worker thread exited with code ${code}`));
                });
                pool.push(w);
                listen(w);
                for (let k = 0; k < IN_FLIGHT; k++)
                    feed(w);
            }
            localRun = local();
            for (let pos = 0; pos < jobs.length; pos++) {
                if (failure)
                    throw failure;
                const ready = results.get(pos);
                if (ready) {
                    results.delete(pos);
                    yield ready;
                    continue;
                }
                const r = await new Promise((resolve) => waiting.set(pos, resolve));
                if (failure)
                    throw failure;
                yield r;
            }
        }
        finally {
            failure ??= new Error("stopped"); // the consumer stopped early: this thread takes no further job
            await Promise.all(pool.map((w) => w.terminate()));
            await localRun;
        }
    };
}
/** The runner for `workers` threads in all over `files`: undefined (this thread only) for one thread or less than
 * one chunk's worth of data (CHUNK_BYTES), where a worker thread would cost more than it gives; a run with a single
 * chunk (one gzip file) also stays on this thread. */
async function poolRunner(workers, files, entry) {
    if (workers <= 1)
        return undefined;
    let bytes = 0;
    for (const f of files)
        bytes += await (0,promises_.stat)(f).then((st) => st.size, () => 0);
    if (bytes < CHUNK_BYTES)
        return undefined;
    const pool = workerRunner(workers, entry);
    return (jobs) => (jobs.length > 1 ? pool(jobs) : runInThisThread(jobs));
}

;// CONCATENATED MODULE: ./src/engine/worker-main.ts
// The worker side: take chunk jobs from the parent, run them, send the results back.



function serveChunks() {
    const port = external_node_worker_threads_namespaceObject.parentPort;
    if (!port)
        return;
    // Jobs run one after another, in the order they came (the pool sends the next before this one ends).
    let queue = Promise.resolve();
    port.on("message", (job) => {
        queue = queue.then(() => runChunk(job).then(
        // the feature arrays move to the parent instead of being copied (toPartial made them for this)
        (result) => port.postMessage({ ok: true, result }, result.analysis ? FeatureBatch.transferList(result.analysis.features) : []), (e) => port.postMessage({ ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) })));
    });
}

;// CONCATENATED MODULE: ./src/engine/shards.ts
// Datasets too big for one job: `check --shard i/n` runs the chunks k with k mod n = i-1 and writes their results
// (plus the plan and the config) to a partial file; `merge` folds the partials of all shards, in chunk order, into
// the same report a single run gives. The merge job needs the dataset files too (near-duplicate verification
// re-reads a few candidate lines).





const PARTIAL_KIND = "chatml-quality-gate/partial";
function parseShard(spec) {
    const m = /^(\d+)\/(\d+)$/.exec(spec.trim());
    if (!m)
        return null;
    const index = Number(m[1]);
    const count = Number(m[2]);
    return index >= 1 && count >= 1 && index <= count ? { index, count } : null;
}
/** The jobs of shard i of n (1-based), by chunk index. */
function shardJobs(plan, shard) {
    return plan.jobs.filter((j) => j.chunk.index % shard.count === shard.index - 1);
}
// Typed arrays travel as base64 inside the JSON; numbers JSON cannot hold (Infinity, -Infinity, NaN: e.g. the
// smallest window of a chunk without one) as {$num: "Infinity"}, so that merged shards equal the single run.
const TYPED = { Uint8Array, Int32Array, Uint32Array, Float64Array, Float32Array, Int16Array, Uint16Array, Int8Array, BigInt64Array };
function toJson(value) {
    return JSON.stringify(value, (_k, v) => {
        if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
            const name = v.constructor.name;
            return { $typed: name, b64: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString("base64") };
        }
        if (typeof v === "number" && !Number.isFinite(v))
            return { $num: String(v) };
        return v;
    });
}
function fromJson(text) {
    return JSON.parse(text, (_k, v) => {
        if (v && typeof v === "object" && "$typed" in v && "b64" in v) {
            const { $typed, b64 } = v;
            const Ctor = TYPED[$typed];
            if (!Ctor)
                throw new Error(`unknown typed array ${String($typed)}`);
            const bytes = Buffer.from(b64, "base64");
            const copy = new Uint8Array(bytes.length);
            copy.set(bytes);
            return new Ctor(copy.buffer, 0, bytes.length / Ctor.BYTES_PER_ELEMENT);
        }
        if (v && typeof v === "object" && "$num" in v) {
            const n = v.$num;
            if (n !== "Infinity" && n !== "-Infinity" && n !== "NaN")
                throw new Error(`unknown number ${String(n)}`);
            return Number(n);
        }
        return v;
    });
}
/** The text of a partial result file. */
function partialJson(p) {
    return toJson(p);
}
class MergeError extends Error {
}
/** Folds the partial files of every shard into one report. */
async function mergePartials(files, cwd) {
    const parts = [];
    for (const f of files) {
        let p;
        try {
            p = fromJson(await (0,promises_.readFile)((0,external_node_path_namespaceObject.resolve)(cwd, f), "utf8"));
        }
        catch (e) {
            throw new MergeError(`cannot read partial ${f}: ${e.message}`);
        }
        if (p.kind !== PARTIAL_KIND)
            throw new MergeError(`${f} is not a chatml-gate partial result (check --shard i/n --output FILE writes one)`);
        if (p.version !== VERSION)
            throw new MergeError(`${f} was written by chatml-gate ${p.version}; this is ${VERSION}: use the same version for every shard`);
        const whole = p.plan && Array.isArray(p.plan.paths) && Array.isArray(p.plan.identities) && Array.isArray(p.plan.jobs) && Array.isArray(p.plan.heads) && p.shard && Number.isInteger(p.shard.index) && Number.isInteger(p.shard.count) && Array.isArray(p.results) && p.config;
        if (!whole)
            throw new MergeError(`${f} is not a whole partial result (its plan, shard or results are missing): run check --shard again to write it`);
        parts.push(p);
    }
    if (parts.length === 0)
        throw new MergeError("merge needs the partial files of every shard");
    const first = parts[0];
    const sig = (p) => JSON.stringify([p.plan.paths, p.plan.jobs.map((j) => j.chunk), p.config, p.shard.count]);
    for (const [i, p] of parts.entries()) {
        if (sig(p) !== sig(first))
            throw new MergeError(`${files[i]} comes from a different run (other files, chunks, config or shard count) than ${files[0]}`);
    }
    const seen = new Set(parts.map((p) => p.shard.index));
    const missing = Array.from({ length: first.shard.count }, (_, i) => i + 1).filter((i) => !seen.has(i));
    if (missing.length)
        throw new MergeError(`missing shard(s) ${missing.map((m) => `${m}/${first.shard.count}`).join(", ")}`);
    const byIndex = new Map();
    for (const p of parts)
        for (const r of p.results)
            byIndex.set(r.index, r);
    const results = first.plan.jobs.map((j) => {
        const r = byIndex.get(j.chunk.index);
        if (!r)
            throw new MergeError(`no result for chunk ${j.chunk.index}`);
        return r;
    });
    const plan = { ...first.plan, absPaths: first.plan.paths.map((p) => (0,external_node_path_namespaceObject.resolve)(cwd, p)) };
    // Near-duplicate verification re-reads lines at the byte offsets the shards saw: the files must be the same ones.
    for (let i = 0; i < plan.paths.length; i++) {
        const then = first.plan.identities[i];
        if (then.size < 0)
            continue;
        const now = await fileIdentity(plan.absPaths[i]);
        if (now.size < 0)
            throw new MergeError(`merge needs the dataset files the shards read: ${plan.paths[i]} is missing here (run merge in a checkout of the same commit)`);
        if (now.size !== then.size || now.print !== then.print) {
            throw new MergeError(`${plan.paths[i]} is not the file the shards read (${then.size} bytes then, ${now.size} now, or other content): run merge on the same commit as the shards`);
        }
    }
    return assemble(plan, results, first.config, { date: first.date });
}

;// CONCATENATED MODULE: ./src/render/report-view.ts
const obj = (v) => (v !== null && typeof v === "object" && !Array.isArray(v) ? v : undefined);
const num = (v) => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
const arr = (v) => (Array.isArray(v) ? v : []);
/** A diversity ratio or share, or undefined when nothing was there to measure it on (no assistant text, no answers,
 * no records): the analysis writes 0 then, which would read as a measurement ("compression 0×"). */
const DENOMINATOR = {
    "distinct1.ratio": "distinct1.total",
    "distinct2.ratio": "distinct2.total",
    "distinct3.ratio": "distinct3.total",
    "compression.ratio": "compression.totalBytes",
    "openings.topShare": "openings.answers",
    "boilerplate.share": "textMessages",
    "lengthUniqueness.share": "lengthUniqueness.assistantMessages",
    "turnBalance.singleTurnShare": "turnBalance.records",
    "turnBalance.multiTurnShare": "turnBalance.records",
    "userPrompts.uniqueShare": "userPrompts.recordsWithUser",
};
function measured(diversity, path) {
    const at = (p) => p.split(".").reduce((o, k) => obj(o)?.[k], diversity);
    const v = num(at(path));
    const den = DENOMINATOR[path];
    return v !== undefined && den !== undefined && at(den) === 0 ? undefined : v;
}
/** The token figures' image line ("images: 12 counted (9,180 tokens), 3 not counted: size unknown (a URL or a path)"),
 * or undefined when the examples hold no image (report.tokens.images). */
function imagesLine(images) {
    const im = obj(images);
    const parts = num(im?.parts) ?? 0;
    if (parts === 0)
        return undefined;
    const counted = num(im?.counted) ?? 0;
    const left = parts - counted;
    const done = counted > 0 ? `${fmt(counted)} counted (${fmt(im?.tokens)} tokens, OpenAI's image formula)` : "";
    const not = left > 0 ? `${fmt(left)} not counted: size unknown (a URL or a path; data URIs are measured)` : "";
    return `images: ${[done, not].filter(Boolean).join(", ")}`;
}
/** How many of the run's largest examples the token estimate measured apart (report.tokens.strata[].measuredRecords). */
function measuredApart(tokens) {
    return arr(obj(tokens)?.strata)
        .map(obj)
        .reduce((n, s) => n + (num(s?.measuredRecords) ?? 0), 0);
}
function fmt(v) {
    if (typeof v === "number") {
        if (!Number.isFinite(v))
            return String(v);
        if (Number.isInteger(v))
            return v.toLocaleString("en-US");
        return String(Number(v.toPrecision(4)));
    }
    if (v === null || v === undefined)
        return "–";
    if (typeof v === "boolean")
        return v ? "yes" : "no";
    return String(v);
}
function report_view_pct(v) {
    return v === undefined ? "–" : `${Number((v * 100).toPrecision(3))}%`;
}
function members(v) {
    const out = [];
    for (const m of arr(v)) {
        const o = obj(m);
        if (o && typeof o.path === "string")
            out.push({ path: o.path, line: num(o.line) ?? 0 });
    }
    return out;
}
function dupView(v) {
    const o = obj(v);
    if (!o)
        return undefined;
    const groups = arr(o.groups)
        .map((g) => ({ similarity: num(obj(g)?.similarity), members: members(obj(g)?.members) }))
        .filter((g) => g.members.length > 0);
    return { duplicateRecords: num(o.duplicateRecords), rate: num(o.rate), threshold: num(o.threshold), groups };
}
function histogram(v) {
    const o = obj(v);
    if (o && Array.isArray(o.counts)) {
        const edges = arr(o.edges ?? o.bounds).map(num);
        return arr(o.counts).map((c, i) => ({
            label: edges[i] !== undefined ? (edges[i + 1] !== undefined ? `${edges[i]}-${edges[i + 1]}` : `${edges[i]}+`) : String(i + 1),
            count: num(c) ?? 0,
        }));
    }
    const out = [];
    for (const b of arr(o?.buckets ?? v)) {
        const bo = obj(b);
        if (!bo)
            continue;
        const count = num(bo.count) ?? num(bo.n) ?? num(bo.value);
        if (count === undefined)
            continue;
        const lo = num(bo.lo) ?? num(bo.from) ?? num(bo.min) ?? num(bo.start);
        const hi = num(bo.hi) ?? num(bo.to) ?? num(bo.max) ?? num(bo.end) ?? num(bo.upTo);
        const label = typeof bo.label === "string" ? bo.label : lo !== undefined && hi !== undefined ? `${lo}-${hi}` : lo !== undefined ? `${lo}+` : hi !== undefined ? `≤${hi}` : String(out.length + 1);
        out.push({ label, count });
    }
    return out;
}
function compositionView(c) {
    if (!c)
        return [];
    const records = num(c.records) ?? 0;
    const share = (n) => (records && num(n) !== undefined ? ` (${report_view_pct((num(n) ?? 0) / records)})` : "");
    const r = obj(c.responses);
    const q = obj(c.userQueries);
    const out = [
        ["records / messages", `${fmt(c.records)} / ${fmt(c.messages)}`],
        ["single-turn", `${fmt(c.singleTurn)}${share(c.singleTurn)}`],
        ["multi-turn", `${fmt(c.multiTurn)}${share(c.multiTurn)}`],
        ["tool-call examples", fmt(c.toolExamples)],
        ["image examples", fmt(c.imageExamples)],
    ];
    if (r)
        out.push(["responses with code / lists / headers", `${fmt(r.withCode)} / ${fmt(r.withLists)} / ${fmt(r.withHeaders)}`], ["responses brief / medium / detailed", `${fmt(r.brief)} / ${fmt(r.medium)} / ${fmt(r.detailed)}`]);
    if (q)
        out.push(["queries: questions / commands / code", `${fmt(q.questions)} / ${fmt(q.commands)} / ${fmt(q.codeRelated)}`]);
    return out;
}
function viewOf(report) {
    const dup = obj(report.duplicates);
    const leakage = arr(report.leakage)
        .map(obj)
        .filter((l) => !!l)
        .map((l) => ({ train: String(l.train ?? "?"), eval: String(l.eval ?? "?"), exact: num(l.exact), near: num(l.near), rate: num(l.rate) }));
    const div = obj(report.diversity);
    const openingsObj = obj(div?.openings);
    const diversity = [];
    // A figure that is absent is left out; one with nothing to measure it on (no assistant text) shows "–".
    const add = (label, path, asPct = false) => {
        const raw = num(path.split(".").reduce((o, k) => obj(o)?.[k], div));
        if (raw === undefined)
            return;
        const n = measured(div, path);
        diversity.push([label, n === undefined ? "–" : asPct ? report_view_pct(n) : fmt(n)]);
    };
    add("distinct-2", "distinct2.ratio");
    add("windowed distinct-2", "windowedDistinct2.mean");
    add("compression ratio", "compression.ratio");
    add("top opening share", "openings.topShare", true);
    add("boilerplate share", "boilerplate.share", true);
    add("length uniqueness", "lengthUniqueness.share", true);
    add("distinct system prompts", "systemPrompts.distinct");
    add("unique user prompts", "userPrompts.uniqueShare", true);
    const openings = arr(openingsObj?.top)
        .map(obj)
        .filter((t) => !!t && typeof t.opening === "string")
        .map((t) => ({ text: t.opening, count: num(t.count) ?? 0 }));
    const tok = obj(report.tokens);
    const tokens = [];
    for (const k of ["total", "mean", "p50", "p95", "max", "epochs", "estimatedCost"])
        if (num(tok?.[k]) !== undefined)
            tokens.push([k === "estimatedCost" ? "est. training cost" : k, fmt(tok?.[k])]);
    if (num(tok?.limit) !== undefined)
        tokens.push([`over ${fmt(tok?.limit)}`, fmt(tok?.tooLong)]);
    if (tok && tok.exact === false) {
        const apart = measuredApart(tok);
        tokens.push(["estimate", `±${report_view_pct(num(tok.relativeError))}, ${fmt(tok.sampledRecords)} sampled${apart > 0 ? `, ${fmt(apart)} largest measured` : ""}`]);
    }
    const images = obj(tok?.images);
    if (images && (num(images.parts) ?? 0) > 0) {
        tokens.push(["images counted", fmt(images.counted)]);
        const left = (num(images.parts) ?? 0) - (num(images.counted) ?? 0);
        if (left > 0)
            tokens.push(["images not counted (size unknown)", fmt(left)]);
    }
    const di = report.datasetInfo;
    const datasetInfo = typeof di === "string" ? di : typeof obj(di)?.text === "string" ? obj(di)?.text : undefined;
    const deltas = arr(report.deltas)
        .map(obj)
        .filter((d) => !!d && typeof d.metric === "string")
        .map((d) => ({ metric: d.metric, base: d.base, head: d.head }));
    return {
        exact: dupView(dup?.exact),
        near: dupView(dup?.near),
        leakage,
        diversity,
        openings,
        composition: compositionView(obj(report.composition)),
        tokens,
        histogram: histogram(tok?.histogram),
        datasetInfo,
        deltas,
    };
}

;// CONCATENATED MODULE: ./src/render/text.ts

const paint = (on, code, s) => (on ? `\x1b[${code}m${s}\x1b[0m` : s);
/** Keeps a terminal line on one line: control characters from datasets are shown escaped. */
const clean = (s) => s.replace(/[\x00-\x1f\x7f]/g, (c) => (c === "\n" ? "\\n" : c === "\t" ? " " : `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`));
const text_pct = (x) => (typeof x === "number" ? `${(x * 100).toFixed(x < 0.1 ? 2 : 1)}%` : "–");
const text_num = (x, d = 3) => (typeof x === "number" ? String(Math.round(x * 10 ** d) / 10 ** d) : "–");
/** " (4 valid)" when some records are not valid ("valid" = no error: what min-examples counts), else "". */
const validNote = (all, valid) => (valid === undefined || valid === all ? "" : ` (${valid} valid)`);
/** A small bar chart of tokens per example (non-empty buckets only). */
function text_histogram(buckets) {
    const rows = (buckets ?? []).filter((b) => b.count > 0);
    if (rows.length < 2)
        return [];
    const max = Math.max(...rows.map((b) => b.count));
    const w = Math.max(...rows.map((b) => b.label.length));
    return ["tokens per example:", ...rows.map((b) => `  ${b.label.padStart(w)} ${"█".repeat(Math.max(1, Math.round((b.count / max) * 30)))} ${b.count}`)];
}
function renderText(report, opts) {
    const c = opts.color;
    const out = [];
    for (const f of report.files) {
        for (const x of f.findings) {
            const sev = x.severity === "error" ? paint(c, "31", "error") : paint(c, "33", "warning");
            out.push(`${f.path}:${x.line}: ${sev} ${paint(c, "2", x.rule)}: ${clean(x.message)}`);
        }
        if (f.findingsTruncated) {
            const shown = f.findings.length;
            out.push(`${f.path}: … ${f.errors + f.warnings - shown} more findings not shown (raise --max-findings; counts below are complete)`);
        }
    }
    if (out.length)
        out.push("");
    const w = Math.max(4, ...report.files.map((f) => f.path.length));
    const recs = report.files.map((f) => `${f.records}${validNote(f.records, f.validRecords)}`);
    const rw = Math.max(8, ...recs.map((r) => r.length));
    out.push(`${"file".padEnd(w)}  ${"format".padEnd(17)} ${"records".padStart(rw)} ${"errors".padStart(7)} ${"warnings".padStart(8)}`);
    for (const [i, f] of report.files.entries()) {
        out.push(`${f.path.padEnd(w)}  ${f.format.padEnd(17)} ${recs[i].padStart(rw)} ${String(f.errors).padStart(7)} ${String(f.warnings).padStart(8)}`);
        const top = Object.entries(f.findingCounts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
        if (top.length)
            out.push(`${"".padEnd(w)}  ${paint(c, "2", top.map(([r, n]) => `${r} ×${n}`).join(", "))}`);
    }
    const a = report;
    const dup = a.duplicates;
    const div = a.diversity;
    const tok = a.tokens;
    if (dup || div || tok) {
        out.push("");
        if (dup?.exact)
            out.push(`duplicates: ${dup.exact.duplicateRecords} exact (${text_pct(dup.exact.rate)}), ${dup.near?.duplicateRecords ?? 0} near (${text_pct(dup.near?.rate)})`);
        const leaks = (report.leakage ?? []);
        for (const l of leaks)
            if (l.exact + l.near > 0)
                out.push(`leakage: ${l.eval} ← ${l.train}: ${l.exact} exact, ${l.near} near (${text_pct(l.rate)} of eval)`);
        if (leaks.length && leaks.every((l) => l.exact + l.near === 0))
            out.push(`leakage: none (${leaks.length} train/eval pair${leaks.length === 1 ? "" : "s"} checked)`);
        if (div) {
            const g = (path) => path.split(".").reduce((o, k) => o?.[k], div);
            const top = g("openings.top")?.[0];
            const compression = text_num(measured(div, "compression.ratio"), 2);
            out.push(`diversity: distinct-2 ${text_num(measured(div, "distinct2.ratio"))}, windowed distinct-2 ${text_num(g("windowedDistinct2.mean"))}, compression ${compression === "–" ? compression : `${compression}×`}, ` +
                `top opening ${text_pct(measured(div, "openings.topShare"))}${typeof top?.opening === "string" ? ` ("${clean(top.opening)}")` : ""}, boilerplate ${text_pct(measured(div, "boilerplate.share"))}`);
            out.push(`composition: single-turn ${text_pct(measured(div, "turnBalance.singleTurnShare"))}, length uniqueness ${text_pct(measured(div, "lengthUniqueness.share"))}, distinct system prompts ${g("systemPrompts.distinct") ?? "–"}`);
        }
        if (tok && typeof tok.total === "number") {
            const n = measuredApart(tok);
            const apart = n > 0 ? `, ${n} of the largest measured apart` : "";
            const est = tok.exact ? "" : ` (estimate ±${text_pct(tok.relativeError)}, ${tok.sampledRecords} examples sampled${apart})`;
            const cost = typeof tok.estimatedCost === "number" ? `, est. training cost ${tok.estimatedCost.toFixed(2)} (${tok.epochs} epochs)` : "";
            const limit = typeof tok.limit === "number" ? `, ${tok.tooLong} over the ${tok.limit}-token limit` : "";
            out.push(`tokens (${tok.encoding}): ${tok.total} total${est}, mean ${text_num(tok.mean, 1)}, p50 ${text_num(tok.p50, 0)}, p95 ${text_num(tok.p95, 0)}, max ${text_num(tok.max, 0)}${limit}${cost}`);
            const images = imagesLine(tok.images);
            if (images)
                out.push(images);
            out.push(...text_histogram(tok.histogram));
        }
    }
    out.push("");
    // One line per check that did not pass; the passing ones on one line.
    const passedNames = [];
    for (const ch of report.gate.checks) {
        if (ch.passed) {
            if (!passedNames.includes(ch.name))
                passedNames.push(ch.name);
            continue;
        }
        const mark = ch.level === "fail" ? paint(c, "31", "✗") : paint(c, "33", "!");
        out.push(`${mark} ${ch.name}: ${ch.actual} (${ch.level === "warn" ? "warn at" : "limit"} ${ch.limit})`);
    }
    const shown = new Set(report.gate.checks.filter((ch) => !ch.passed).map((ch) => ch.name));
    const ok = passedNames.filter((n) => !shown.has(n));
    if (ok.length)
        out.push(`${paint(c, "32", "✓")} ${ok.length} check${ok.length === 1 ? "" : "s"} passed: ${ok.join(", ")}`);
    const s = report.summary;
    const verdict = report.passed ? paint(c, "32", "PASSED") : paint(c, "31", "FAILED");
    out.push(`${verdict}: ${s.files} file${s.files === 1 ? "" : "s"}, ${s.records} records${validNote(s.records, s.validRecords)}, ${s.errors} error${s.errors === 1 ? "" : "s"}, ${s.warnings} warning${s.warnings === 1 ? "" : "s"} (fail-on: ${report.gate.failOn})`);
    return out.join("\n") + "\n";
}

;// CONCATENATED MODULE: ./src/render/escape.ts
// Escaping for text that comes from datasets, paths or config and lands in GitHub-flavoured Markdown.
// Goal: data can never break a table, open HTML (or fake our hidden marker), start a code span, link,
// mention a user (@name) or reference an issue (#123).
const NEWLINES = /\r\n|[\n\r\u2028\u2029\u0085]/g;
// C0/C1 controls (except tab), bidi overrides/isolates, zero-width joiners used for spoofing.
const escape_INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const ZWSP = "\u200b";
/** Cut to at most `max` code points, appending "…" when cut. Never splits a surrogate pair. */
function truncate(text, max) {
    const cps = Array.from(text);
    if (cps.length <= max)
        return text;
    return cps.slice(0, Math.max(0, max - 1)).join("") + "…";
}
/**
 * Inline text (table cells, list items, headings). One line; Markdown and HTML punctuation neutralised;
 * mentions and issue references defused with a zero-width space.
 */
function escapeInline(value, max = 200) {
    let s = truncate(String(value ?? "").replace(NEWLINES, " ").replace(escape_INVISIBLE, "").replace(/\t/g, " "), max);
    // Bare URLs: keep them readable but not auto-linked (a ZWSP after the scheme breaks the autolink literal).
    s = s.replace(/(https?|ftp|mailto):/gi, (m) => m + ZWSP).replace(/\bwww\./gi, "www" + ZWSP + ".");
    s = s
        .replace(/&/g, "&amp;")
        .replace(/</g, "&lt;")
        .replace(/>/g, "&gt;")
        .replace(/[\\`*_{}[\]()#+!|~$-]/g, (c) => "\\" + c);
    // "@user" / "@org/team" -> "@\u200buser"; "#123", "GH-123" -> "#\u200b123" (backslash does not stop GitHub's linker).
    s = s.replace(/@(?=[A-Za-z0-9])/g, "@" + ZWSP);
    s = s.replace(/#(?=[0-9])/g, "#" + ZWSP);
    s = s.replace(/\b(GH)\\?-(?=[0-9])/gi, (_m, gh) => gh + ZWSP + "\\-");
    return s;
}
/** Text for a fenced code block: returns the fence to use (longer than any backtick run inside). */
function codeFence(content) {
    let longest = 0;
    for (const m of content.matchAll(/`+/g))
        longest = Math.max(longest, m[0].length);
    return "`".repeat(Math.max(3, longest + 1));
}
/** Body of a fenced code block: controls stripped, newlines normalised, "<!--" broken so no copy of a marker exists. */
function escapeCodeBlock(content) {
    return content
        .replace(/\r\n?/g, "\n")
        .replace(/[\u2028\u2029\u0085]/g, "\n")
        .replace(escape_INVISIBLE, "")
        .replace(/<!--/g, "<!" + ZWSP + "--");
}
/** A fenced block ("```text" ... "```") that content cannot close early. */
function fenced(content, info = "text") {
    const body = escapeCodeBlock(content);
    const fence = codeFence(body);
    return `${fence}${info}\n${body}${body.endsWith("\n") ? "" : "\n"}${fence}`;
}
/** Percent-encode a repo-relative path for a URL (every segment; also ()'!* so it cannot end a Markdown link). */
function encodePath(path) {
    return path
        .split("/")
        .map((seg) => encodeURIComponent(seg).replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase()))
        .join("/");
}
/** A Markdown link whose text is escaped and whose URL is already safe (built by us). */
function escape_link(text, url, max = 120) {
    return `[${escapeInline(text, max)}](${url})`;
}
/** Marker/key values must be plain: letters, digits, dot, dash, underscore. */
function isSafeKey(key) {
    return /^[A-Za-z0-9._-]{1,64}$/.test(key);
}

;// CONCATENATED MODULE: ./src/render/markdown.ts


const COMMENT_BUDGET_BYTES = 60_000;
const SUMMARY_BUDGET_BYTES = 1024 * 1024 - 4096;
const FULL = {
    comment: { datasetInfo: true, groups: 5, members: 4, leakage: 20, findings: 30, files: 100, chart: true, openings: 3 },
    summary: { datasetInfo: true, groups: 25, members: 8, leakage: 200, findings: 500, files: 2000, chart: true, openings: 10 },
};
const markdown_bytes = (s) => Buffer.byteLength(s, "utf8");
function blobUrl(ctx, path, line) {
    const base = `${ctx.serverUrl}/${encodeURIComponent(ctx.owner)}/${encodeURIComponent(ctx.repo)}/blob/${encodeURIComponent(ctx.sha)}/${encodePath(path)}`;
    return line && line > 0 ? `${base}#L${line}` : base;
}
/** A link to the file (and line) at the commit; plain text when there is no repository (CLI --format markdown). */
function fileLink(ctx, path, line) {
    const label = line && line > 0 ? `${path}:${line}` : path;
    return ctx.owner && ctx.repo && ctx.sha ? escape_link(label, blobUrl(ctx, path, line)) : escapeInline(label, 200);
}
function place(ctx, m) {
    return fileLink(ctx, m.path, m.line);
}
function table(head, rows, align) {
    return [`| ${head.join(" | ")} |`, `| ${(align ?? head.map(() => "---")).join(" | ")} |`, ...rows.map((r) => `| ${r.join(" | ")} |`)];
}
/** " (4 valid)" when some records are not valid (valid = no error: what min-examples counts), else "". */
function markdown_validNote(all, valid) {
    return typeof valid !== "number" || valid === all ? "" : ` (${fmt(valid)} valid)`;
}
function markdown_verdict(report) {
    const s = report.summary;
    const icon = report.passed ? "✅" : "❌";
    const word = report.passed ? "passed" : "failed";
    return [
        `### ${icon} ChatML Quality Gate ${word}`,
        "",
        `**${fmt(s.files)}** file(s) · **${fmt(s.records)}** record(s)${markdown_validNote(s.records, s.validRecords)} · **${fmt(s.errors)}** error(s) · **${fmt(s.warnings)}** warning(s) · fail-on: \`${escapeInline(report.gate.failOn, 20)}\``,
    ];
}
function gateTable(report) {
    if (report.gate.checks.length === 0)
        return [];
    // One row per threshold: its warn and fail levels side by side, the worst status.
    const byName = new Map();
    for (const c of report.gate.checks)
        byName.set(c.name, [...(byName.get(c.name) ?? []), c]);
    const rows = [...byName].map(([name, cs]) => {
        const fail = cs.find((c) => c.level === "fail");
        const warn = cs.find((c) => c.level === "warn");
        const limit = [warn ? `warn ${fmt(warn.limit)}` : "", fail ? `fail ${fmt(fail.limit)}` : ""].filter(Boolean).join(" · ");
        const status = fail && !fail.passed ? "❌ fail" : warn && !warn.passed ? "⚠️ warn" : "✅ pass";
        return [escapeInline(name, 80), escapeInline(limit, 60), escapeInline(fmt(cs[0].actual), 40), status];
    });
    return ["", "#### Gate", "", ...table(["Check", "Limit", "Actual", "Status"], rows, ["---", "---:", "---:", "---"])];
}
function fileTable(ctx, report, d) {
    if (report.files.length === 0)
        return [];
    const shown = report.files.slice(0, d.files);
    const rows = shown.map((f) => [
        fileLink(ctx, f.path),
        escapeInline(f.format, 30),
        fmt(f.records) + markdown_validNote(f.records, f.validRecords),
        fmt(f.errors),
        fmt(f.warnings),
        fmt(f.stats?.exactDuplicates),
        fmt(f.stats?.nearDuplicates),
        fmt(f.stats?.tokens),
    ]);
    const out = ["", "#### Files", "", ...table(["File", "Format", "Records", "Errors", "Warnings", "Duplicates", "Near-duplicates", "Tokens"], rows, ["---", "---", "---:", "---:", "---:", "---:", "---:", "---:"])];
    if (shown.length < report.files.length)
        out.push("", `_…and ${report.files.length - shown.length} more file(s)._`);
    return out;
}
function allFindings(report) {
    const out = [];
    for (const f of report.files)
        for (const x of f.findings)
            out.push({ ...x, path: f.path });
    const rank = (s) => (s === "error" ? 0 : 1);
    return out.sort((a, b) => rank(a.severity) - rank(b.severity));
}
function totalFindings(report) {
    let n = 0;
    for (const f of report.files)
        n += Math.max(f.findings.length, Object.values(f.findingCounts ?? {}).reduce((a, b) => a + b, 0));
    return n;
}
function findingsTable(ctx, report, d) {
    const all = allFindings(report);
    const total = totalFindings(report);
    if (total === 0)
        return [];
    const shown = all.slice(0, d.findings);
    const out = ["", `#### Top findings (${fmt(shown.length)} of ${fmt(total)})`];
    if (shown.length > 0) {
        const rows = shown.map((x) => [
            x.severity === "error" ? "❌ error" : "⚠️ warning",
            escapeInline(x.rule, 60),
            place(ctx, { path: x.path, line: x.line }),
            escapeInline(x.message, 160),
        ]);
        out.push("", ...table(["Severity", "Rule", "Location", "Message"], rows));
    }
    return out;
}
function groupLines(ctx, groups, d, near) {
    return groups.slice(0, d.groups).map((g, i) => {
        const ms = g.members.slice(0, d.members).map((m) => place(ctx, m));
        const more = g.members.length > d.members ? ` +${g.members.length - d.members} more` : "";
        const sim = near && g.similarity !== undefined ? ` (similarity ${fmt(g.similarity)})` : "";
        return `${i + 1}. ${g.members.length} records${sim}: ${ms.join(", ")}${more}`;
    });
}
function duplicates(ctx, v, d) {
    const out = [];
    const sec = (title, dv, near) => {
        if (!dv)
            return;
        const thr = near && dv.threshold !== undefined ? `, threshold ${fmt(dv.threshold)}` : "";
        out.push("", `#### ${title}: ${fmt(dv.duplicateRecords)} record(s) (${report_view_pct(dv.rate)}${thr})`);
        if (d.groups > 0 && dv.groups.length > 0) {
            out.push("", ...groupLines(ctx, dv.groups, d, near));
            if (dv.groups.length > d.groups)
                out.push("", `_…and ${dv.groups.length - d.groups} more group(s)._`);
        }
    };
    sec("Exact duplicates", v.exact, false);
    sec("Near-duplicates", v.near, true);
    return out;
}
function leakage(ctx, v, d) {
    if (v.leakage.length === 0)
        return [];
    const leaked = v.leakage.filter((l) => (l.exact ?? 0) + (l.near ?? 0) > 0);
    if (leaked.length === 0)
        return ["", `#### Train/eval leakage`, "", `✅ None in ${v.leakage.length} train/eval pair(s).`];
    const rows = leaked
        .slice(0, d.leakage)
        .map((l) => [fileLink(ctx, l.train), fileLink(ctx, l.eval), fmt(l.exact), fmt(l.near), report_view_pct(l.rate)]);
    const out = ["", "#### Train/eval leakage", "", ...table(["Train", "Eval", "Exact", "Near", "Rate"], rows, ["---", "---", "---:", "---:", "---:"])];
    if (leaked.length > d.leakage)
        out.push("", `_…and ${leaked.length - d.leakage} more pair(s)._`);
    return out;
}
function brief(v, d) {
    const out = [];
    if (v.diversity.length > 0 || v.openings.length > 0) {
        out.push("", "#### Diversity", "", v.diversity.map(([k, val]) => `${escapeInline(k, 40)} **${escapeInline(val, 30)}**`).join(" · "));
        const ops = v.openings.slice(0, d.openings);
        if (ops.length > 0)
            out.push("", "Most common openings:", "", ...ops.map((o) => `- ${fmt(o.count)}× “${escapeInline(o.text, 100)}”`));
    }
    if (v.composition.length > 0) {
        out.push("", "#### Composition", "", v.composition.map(([k, val]) => `${escapeInline(k, 40)} **${escapeInline(val, 30)}**`).join(" · "));
    }
    if (v.tokens.length > 0) {
        out.push("", "#### Tokens", "", v.tokens.map(([k, val]) => `${escapeInline(k, 30)} **${escapeInline(val, 40)}**`).join(" · "));
    }
    return out;
}
function chartLabel(s) {
    return s.replace(/[^0-9A-Za-z.+<>=≤≥ -]/g, "").slice(0, 20) || "?";
}
function chart(v, d) {
    // Leading and trailing empty buckets only stretch the axis.
    const first = v.histogram.findIndex((b) => b.count > 0);
    let last = v.histogram.length - 1;
    while (last >= 0 && v.histogram[last].count <= 0)
        last--;
    const h = first < 0 ? [] : v.histogram.slice(first, last + 1).slice(0, 40);
    if (!d.chart || h.length < 2)
        return [];
    return [
        "",
        "```mermaid",
        "xychart-beta",
        '  title "Tokens per example"',
        `  x-axis [${h.map((b) => `"${chartLabel(b.label)}"`).join(", ")}]`,
        '  y-axis "Examples"',
        `  bar [${h.map((b) => Math.max(0, Math.round(b.count))).join(", ")}]`,
        "```",
    ];
}
function deltas(v) {
    if (v.deltas.length === 0)
        return [];
    const rows = v.deltas.slice(0, 50).map((x) => {
        const diff = typeof x.base === "number" && typeof x.head === "number" ? x.head - x.base : undefined;
        const sign = diff === undefined ? "–" : diff > 0 ? `+${fmt(diff)}` : fmt(diff);
        return [escapeInline(x.metric, 60), escapeInline(fmt(x.base), 30), escapeInline(fmt(x.head), 30), escapeInline(sign, 30)];
    });
    return ["", "#### Quality deltas (base → head)", "", ...table(["Metric", "Base", "Head", "Change"], rows, ["---", "---:", "---:", "---:"])];
}
function datasetInfo(v, d) {
    if (!d.datasetInfo || v.datasetInfo === undefined)
        return [];
    return ["", "<details><summary>dataset_info</summary>", "", fenced(v.datasetInfo, "text"), "", "</details>"];
}
function notes(ctx) {
    return (ctx.notes ?? []).length > 0 ? ["", ...(ctx.notes ?? []).map((n) => `> ${escapeInline(n, 400)}`)] : [];
}
function elsewhere(ctx) {
    const report = `the JSON report (\`${escapeInline(ctx.reportName ?? "chatml-gate-report.json", 80)}\`; upload it as an artifact)`;
    if (ctx.kind === "comment") {
        const summary = ctx.runUrl ? `the [job summary](${ctx.runUrl})` : "the job summary";
        return `_Some details were left out to fit GitHub's comment size limit; see ${summary} and ${report}._`;
    }
    return `_Some details were left out to fit the job summary size limit; see ${report}._`;
}
function render(ctx, report, v, d, trimmed) {
    const lines = [
        ...(ctx.marker ? [ctx.marker] : []),
        ...markdown_verdict(report),
        ...notes(ctx),
        ...gateTable(report),
        ...deltas(v),
        ...fileTable(ctx, report, d),
        ...findingsTable(ctx, report, d),
        ...duplicates(ctx, v, d),
        ...leakage(ctx, v, d),
        ...brief(v, d),
        ...chart(v, d),
        ...datasetInfo(v, d),
        ...(trimmed ? ["", elsewhere(ctx)] : []),
    ];
    return lines.join("\n") + "\n";
}
/** Ordered degradations; each returns a smaller detail level or null when exhausted. */
const STEPS = [
    (d) => (d.datasetInfo ? { ...d, datasetInfo: false } : null),
    (d) => (d.members > 2 ? { ...d, members: 2 } : null),
    (d) => (d.groups > 0 ? { ...d, groups: 0, openings: Math.min(d.openings, 1) } : null),
    (d) => (d.leakage > 10 ? { ...d, leakage: 10 } : null),
    (d) => (d.findings > 0 ? { ...d, findings: Math.floor(d.findings / 2) } : null),
    (d) => (d.files > 10 ? { ...d, files: Math.floor(d.files / 2) } : null),
    (d) => (d.chart ? { ...d, chart: false } : null),
    (d) => (d.leakage > 0 ? { ...d, leakage: 0 } : null),
    (d) => (d.files > 0 ? { ...d, files: 0 } : null),
];
/** Cut at a line boundary so the result fits `budget` bytes. Last resort. */
function hardCut(text, budget, tail) {
    const room = budget - markdown_bytes(tail) - 2;
    let out = "";
    for (const line of text.split("\n")) {
        if (markdown_bytes(out) + markdown_bytes(line) + 1 > room)
            break;
        out += line + "\n";
    }
    return out + "\n" + tail + "\n";
}
function renderMarkdown(report, ctx) {
    const budget = ctx.budgetBytes ?? (ctx.kind === "comment" ? COMMENT_BUDGET_BYTES : SUMMARY_BUDGET_BYTES);
    const v = viewOf(report);
    let d = { ...FULL[ctx.kind] };
    let out = render(ctx, report, v, d, false);
    if (markdown_bytes(out) <= budget)
        return out;
    for (let guard = 0; guard < 200; guard++) {
        const next = STEPS.map((s) => s(d)).find((x) => x !== null);
        if (!next)
            break;
        d = next;
        out = render(ctx, report, v, d, true);
        if (markdown_bytes(out) <= budget)
            return out;
    }
    return hardCut(out, budget, elsewhere(ctx));
}
/** Pull request without dataset changes. */
function renderNothingToCheck(ctx) {
    return [
        ...(ctx.marker ? [ctx.marker] : []),
        "### ✅ ChatML Quality Gate: nothing to check",
        "",
        "This pull request does not add or modify any dataset file matching the `paths` globs.",
        ...notes(ctx),
    ].join("\n") + "\n";
}

;// CONCATENATED MODULE: ./src/render/sarif.ts
function uri(path) {
    return path.split("/").map(encodeURIComponent).join("/");
}
function toSarif(report) {
    const ruleIds = new Set();
    const results = [];
    for (const f of report.files) {
        for (const x of f.findings) {
            ruleIds.add(x.rule);
            const physicalLocation = { artifactLocation: { uri: uri(f.path), uriBaseId: "%SRCROOT%" } };
            if (x.line > 0)
                physicalLocation.region = { startLine: x.line };
            results.push({
                ruleId: x.rule,
                level: x.severity === "error" ? "error" : "warning",
                message: { text: x.message || x.rule },
                locations: [{ physicalLocation }],
            });
        }
    }
    const rules = [...ruleIds].sort().map((id) => ({ id, name: id, shortDescription: { text: id } }));
    const notifications = report.gate.checks
        .filter((c) => !c.passed)
        .map((c) => ({
        level: c.level === "fail" ? "error" : "warning",
        message: { text: c.message ?? `${c.name}: ${String(c.actual)} (limit ${String(c.limit)})` },
        descriptor: { id: `gate/${c.name}` },
    }));
    return {
        $schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: [
            {
                tool: { driver: { name: report.tool.name, version: report.tool.version, rules } },
                results,
                invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
            },
        ],
    };
}

;// CONCATENATED MODULE: ./src/cli.ts
// CLI entry: argument parsing → engine → render → exit code.
// Exit codes: 0 passed, 1 gate failed, 2 usage, config or internal error.


















const HELP = `chatml-gate ${VERSION}: CI quality gate for chat fine-tuning datasets (JSONL)

Usage:
  chatml-gate check [PATH|GLOB ...] [options]   check files (directories are searched for *.jsonl, *.jsonl.gz)
  chatml-gate merge PARTIAL...                  merge the partial results of every shard into one report
  chatml-gate rules                             list the rule IDs
  chatml-gate --version | --help

Options for check:
  --config FILE          config file (default: .chatml-gate.yml in the current directory, if present)
  --format FORMAT        text (default), json, markdown or sarif
  --output FILE          write the report to FILE instead of stdout
  --max-findings N       findings listed per file (default 1000; counts are always complete)
  --fail-on LEVEL        error (default), warning or never
  --dataset-info FILE    write the dataset_info summary to FILE
  --validate-only        only validate records (skip duplicates, diversity, tokens)
  --max-tokens N         context limit: longer examples are 'too-long' errors
  --threshold NAME=VALUE set a gate threshold, e.g. --threshold max-duplicate-rate=0.02 (repeatable)
  --workers N            threads in all: this one and N - 1 worker threads (default: the number of cores;
                         1 = this thread only). The report is the same whatever N is.
  --shard I/N            run shard I of N (e.g. 2/4) and write its partial result to --output (JSON); then
                         'chatml-gate merge' the N partials (same files, config and version) into the report
  --no-color             no colour (colour is only used on a terminal anyway)
  --debug                print stack traces of internal errors

Exit codes: 0 passed, 1 gate failed, 2 usage, config or internal error.
`;
async function main(argv) {
    const { values, positionals } = (0,external_node_util_namespaceObject.parseArgs)({
        args: argv,
        allowPositionals: true,
        strict: true,
        options: {
            config: { type: "string" },
            format: { type: "string", default: "text" },
            output: { type: "string", short: "o" },
            "max-findings": { type: "string" },
            "fail-on": { type: "string" },
            "dataset-info": { type: "string" },
            "validate-only": { type: "boolean" },
            "max-tokens": { type: "string" },
            threshold: { type: "string", multiple: true },
            workers: { type: "string" },
            shard: { type: "string" },
            "no-color": { type: "boolean" },
            debug: { type: "boolean" },
            help: { type: "boolean", short: "h" },
            version: { type: "boolean", short: "v" },
        },
    });
    if (values.version) {
        process.stdout.write(`${VERSION}\n`);
        return 0;
    }
    const [command, ...rest] = positionals;
    if (values.help || !command) {
        process.stdout.write(HELP);
        return values.help ? 0 : 2;
    }
    if (command === "rules") {
        for (const r of RULES)
            process.stdout.write(`${r.id.padEnd(24)} ${r.severity.padEnd(8)} ${r.summary}\n`);
        return 0;
    }
    if (command !== "check" && command !== "merge")
        throw new UsageError(`unknown command '${command}' (try: chatml-gate check data/)`);
    const format = values.format;
    if (!["text", "json", "markdown", "sarif"].includes(format))
        throw new UsageError(`--format must be text, json, markdown or sarif; got '${format}'`);
    const cwd = process.cwd();
    if (command === "merge") {
        if (rest.length === 0)
            throw new UsageError("merge needs the partial files of every shard: chatml-gate merge part-1.json part-2.json ...");
        // the shards' config and options made the partials: merge cannot change them
        const fixed = ["config", "max-findings", "fail-on", "validate-only", "max-tokens", "threshold", "workers", "shard"].filter((k) => values[k] !== undefined);
        if (fixed.length)
            throw new UsageError(`merge uses the options the shards ran with; ${fixed.map((k) => `--${k}`).join(", ")} ${fixed.length === 1 ? "belongs" : "belong"} on 'chatml-gate check --shard' (merge takes --format, --output, --dataset-info)`);
        return publish(await mergePartials(rest, cwd), format, values);
    }
    let config = await loadConfig(values.config, cwd);
    const inputs = {};
    if (values["fail-on"])
        inputs["fail-on"] = values["fail-on"];
    if (values["max-tokens"])
        inputs["max-tokens"] = values["max-tokens"];
    for (const t of values.threshold ?? []) {
        const m = /^([a-z0-9-]+)=(.+)$/.exec(t);
        if (!m || !m[2].trim())
            throw new UsageError(`--threshold takes NAME=VALUE, e.g. max-duplicate-rate=0.02 (or NAME=off); got '${t}'`);
        inputs[m[1]] = m[2];
    }
    config = applyThresholdInputs(config, inputs, (name) => (name === "fail-on" || name === "max-tokens" ? `--${name}` : `--threshold ${name}`));
    if (values["max-findings"] !== undefined) {
        const n = values["max-findings"].trim() === "" ? NaN : Number(values["max-findings"]);
        if (!Number.isInteger(n) || n < 0)
            throw new UsageError(`--max-findings must be a non-negative integer; got '${values["max-findings"]}'`);
        config.maxFindings = n;
    }
    const patterns = rest.length ? rest : (config.paths ?? ["."]);
    const files = await findDatasetFiles(patterns, cwd);
    if (files.length === 0)
        throw new UsageError(`no dataset files found in ${patterns.join(" ")} (looked for *.jsonl and *.jsonl.gz)`);
    const clash = await outputOverDataset(files, cwd, { "--output": values.output, "--dataset-info": values["dataset-info"] });
    if (clash)
        throw new UsageError(`${clash[0]} ${clash[1]} is one of the dataset files being checked: writing there would overwrite the data; choose another file`);
    const validateOnly = values["validate-only"];
    if (validateOnly && values["dataset-info"])
        throw new UsageError("--dataset-info needs the analysis: drop --validate-only");
    if (values.shard !== undefined) {
        const shard = parseShard(values.shard);
        if (!shard)
            throw new UsageError(`--shard takes I/N with 1 <= I <= N, e.g. --shard 2/4; got '${values.shard}'`);
        if (!values.output)
            throw new UsageError("--shard writes a partial result: give it a file with --output");
        const plan = await planRun({ files, config, cwd, validateOnly });
        const results = [];
        for await (const r of runInThisThread(shardJobs(plan, shard)))
            results.push(r);
        const { absPaths: _abs, ...portable } = plan;
        await writeOut(values.output, partialJson({ kind: PARTIAL_KIND, version: VERSION, shard, config, date: new Date().toISOString().slice(0, 10), plan: portable, results }), "--output");
        process.stderr.write(`chatml-gate: shard ${shard.index}/${shard.count}: ${results.length} of ${plan.jobs.length} chunk(s) written to ${values.output}\n`);
        return 0;
    }
    let workers = (0,external_node_os_namespaceObject.availableParallelism)();
    if (values.workers !== undefined) {
        workers = Number(values.workers);
        if (!Number.isInteger(workers) || workers < 1)
            throw new UsageError(`--workers must be a positive integer; got '${values.workers}'`);
    }
    // Worker threads pay off from one chunk's worth of data on; the report is the same whatever the number.
    const runner = await poolRunner(workers, files.map((f) => (0,external_node_path_namespaceObject.resolve)(cwd, f)), (0,external_node_url_namespaceObject.fileURLToPath)(import.meta.url));
    const report = await check({ files, config, cwd, validateOnly, runner });
    return publish(report, format, values);
}
/** Writes an output file, making its folder when missing; a path that cannot be written is a usage error. */
async function writeOut(path, text, what) {
    try {
        await (0,promises_.mkdir)((0,external_node_path_namespaceObject.dirname)((0,external_node_path_namespaceObject.resolve)(path)), { recursive: true });
        await (0,promises_.writeFile)(path, text);
    }
    catch (e) {
        throw new UsageError(`cannot write ${what} ${path}: ${writeErrorReason(e)}`);
    }
}
async function publish(report, format, values) {
    let out;
    if (format === "json")
        out = JSON.stringify(report, null, 2) + "\n";
    else if (format === "sarif")
        out = JSON.stringify(toSarif(report), null, 2) + "\n";
    else if (format === "markdown")
        out = renderMarkdown(report, { owner: "", repo: "", sha: "", serverUrl: "", kind: "summary" });
    else
        out = renderText(report, { color: !values["no-color"] && !values.output && !!process.stdout.isTTY && !process.env.NO_COLOR });
    if (values.output)
        await writeOut(values.output, out, "--output");
    else
        process.stdout.write(out);
    if (values["dataset-info"]) {
        const text = renderDatasetInfoFromReport(report);
        if (text === undefined)
            throw new UsageError("--dataset-info needs the analysis (drop --validate-only)");
        await writeOut(values["dataset-info"], text, "--dataset-info");
    }
    return report.passed ? 0 : 1;
}
/** Standard output that cannot take the report. A reader that went away (`chatml-gate check | head -1`: EPIPE) ends
 * the output quietly with the run's exit code; any other error (ENOSPC: `> /dev/full`) is one line on stderr and exit
 * 2. Without a listener either was an unhandled 'error' event: a stack trace and exit 1, read as 'the gate failed'. */
let stdoutFailed = false;
function guardStdout() {
    process.stdout.on("error", (e) => {
        if (e.code === "EPIPE")
            return;
        if (!stdoutFailed)
            process.stderr.write(`chatml-gate: cannot write to standard output: ${writeErrorReason(e)}\n`);
        stdoutFailed = true;
        process.exitCode = 2;
    });
}
if (!external_node_worker_threads_namespaceObject.isMainThread && external_node_worker_threads_namespaceObject.workerData?.mark === WORKER_MARK)
    serveChunks();
else {
    guardStdout();
    main(process.argv.slice(2)).then((code) => {
        process.exitCode = stdoutFailed ? 2 : code;
    }, (e) => {
        const err = e;
        const known = e instanceof UsageError || e instanceof ConfigError || e instanceof MergeError || err.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" || err.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" || err.code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL";
        process.stderr.write(`chatml-gate: ${known ? "" : "internal error: "}${err.message}\n`);
        if (process.argv.includes("--debug") && err.stack)
            process.stderr.write(err.stack + "\n");
        process.exitCode = 2;
    });
}


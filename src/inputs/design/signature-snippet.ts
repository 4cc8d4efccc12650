/**
 * Recognises a signature written in markdown prose: at the start of a heading, a bullet, a table
 * cell or a line (`#### \`deposit(self, amount: float) -> None\``, `- **buy(symbol: str) -> bool**`,
 * `1. def add_task(...)`, `## Function: get_share_price(symbol)`). Only the text is cut here; the
 * parameters are read by the Python parser (harvest-signatures.ts), never by these patterns.
 */

/** A signature cut out of a line of prose. */
export interface SignatureSnippet {
  /** Class written before the name (`Account.deposit(...)`), or null. */
  owner: string | null;
  name: string;
  /** The text between the parentheses, as written. */
  parameters: string;
  /** The return annotation as written, or null. */
  returns: string | null;
  /** Whether the text says `def`. */
  hasDef: boolean;
}

const MAX_SIGNATURE = 2000;
/** Markdown before the signature: heading marks, quote marks, bullets, numbering, emphasis, backticks. */
const PREFIX = /^\s*(?:#{1,6}\s+)?(?:>\s*)*(?:(?:[-*+]|\d{1,3}[.)]|\d{1,3}(?:\.\d{1,3})+\.?)\s+)?(?:\[[ xX]\]\s+)?/;
// Underscores are not stripped: `__init__` starts with them.
const WRAPPERS = /^(?:\*\*|\*|`)+/;
/** `Signature:`, `Method 3:`, `Function:`, `Función:`, `Constructor -`: a short label before the signature. */
// Underscores after the colon are emphasis only when no name follows them (`__init__` keeps its own).
const LABEL = /^(?:[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ0-9 /_-]{0,40}?)\s*(?:\*\*|__|`)?\s*[:—–-]\s*(?:\*\*|__(?![A-Za-z_])|\*|_(?![A-Za-z_])|`)*\s*/;
/** `Function \`f(x)\``, `Función f(x)`, `Method deposit(...)`: a naming word with no colon. */
const KEYWORD_LABEL = /^(?:(?:module[- ]level|helper|utility|external|static|class|private|public)\s+)?(?:function|funci[oó]n|fonction|method|m[eé]todo|m[ée]thode|signature|firma|constructor|constructeur)\s+(?:\*\*|\*|`)*/i;
const NUMBER = /^\d{1,3}[.)]\s+/;
// Python names may hold accented letters (`añadir_libro`).
// `- **deposit**(self, amount: float)`, `` `deposit`(amount) ``: the emphasis may close before the parenthesis.
const NAME = /^(?:async\s+)?(def\s+)?(?:([A-Z][A-Za-z0-9_À-ÖØ-öø-ÿ]*)\.)?([a-z_ß-öø-ÿ][A-Za-z0-9_À-ÖØ-öø-ÿ]*)(?:\*\*|\*|`)?\(/;

/** The index just after the parenthesis that closes the one at `open`, or -1. */
function closingParenthesis(text: string, open: number): number {
  let depth = 0;
  let quote: string | null = null;
  const end = Math.min(text.length, open + MAX_SIGNATURE);
  for (let index = open; index < end; index++) {
    const char = text[index]!;
    if (quote) {
      if (char === quote) quote = null;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '(' || char === '[' || char === '{') depth++;
    else if (char === ')' || char === ']' || char === '}') {
      depth--;
      if (depth === 0) return char === ')' ? index + 1 : -1;
    } else if (char === '`' || char === '\n' && text[index + 1] === '\n') return -1;
  }
  return -1;
}

/** The return annotation after `->`: up to a colon, backtick, emphasis, dash or sentence end at depth 0. */
function readReturns(text: string): string | null {
  // `–>` and `—>`: a dash that typography lengthened. After the code span closes (`` **`lend(…)`** → returns `Loan` ``) only a backticked type counts.
  const arrow = /^\s*(?:->|→|[–—]>)\s*/.exec(text) ?? /^[`*]+\s*(?:->|→|[–—]>)\s*(?:returns?:?\s+)?`(?=[A-Za-z_])/.exec(text);
  if (!arrow) return null;
  let depth = 0;
  let index = arrow[0].length;
  for (; index < text.length && index < MAX_SIGNATURE; index++) {
    const char = text[index]!;
    if (char === '[' || char === '(' || char === '{') depth++;
    else if (char === ']' || char === ')' || char === '}') depth--;
    else if (depth === 0 && (char === ':' || char === '`' || char === '*' || char === '\n' || char === '—' || char === '–' || char === ';')) break;
    else if (depth === 0 && /^\s(?:-|#|\()\s?/.test(text.slice(index, index + 3))) break;
  }
  const returns = text.slice(arrow[0].length, index).trim().replace(/[.,]$/, '');
  return returns === '' ? null : returns;
}

/** Word processors' quotes and minus sign (`owner: str = “ensemble”`, `semitones: int = −2`) as Python's. */
function typographic(text: string): string {
  return /[“”‘’−]/.test(text) ? text.replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/−/g, '-') : text;
}

function snippetAt(text: string): SignatureSnippet | null {
  const match = NAME.exec(text);
  if (!match) return null;
  const open = match[0].length - 1;
  const close = closingParenthesis(text, open);
  if (close < 0) return null;
  return {
    owner: match[2] ?? null,
    name: match[3]!,
    parameters: typographic(text.slice(open + 1, close - 1)),
    returns: readReturns(text.slice(close)),
    hasDef: match[1] !== undefined,
  };
}

/**
 * The signature a line of prose starts with (after markdown marks and a short label), or null.
 * `text` may run over several lines, for a signature whose parameters are written one per line.
 */
export function readSignatureSnippet(text: string): SignatureSnippet | null {
  let rest = text.replace(PREFIX, '');
  for (let round = 0; round < 3; round++) {
    rest = rest.replace(WRAPPERS, '').replace(NUMBER, '');
    const found = snippetAt(rest);
    if (found) return found;
    const label = LABEL.exec(rest) ?? KEYWORD_LABEL.exec(rest);
    if (!label || label[0].length === 0) return null;
    rest = rest.slice(label[0].length);
  }
  return null;
}

/** Whether a line opens a signature whose parentheses close on a later line (`def __init__(`). */
export function opensUnclosedSignature(text: string): boolean {
  const rest = text.replace(PREFIX, '').replace(WRAPPERS, '');
  const match = NAME.exec(rest) ?? NAME.exec(rest.replace(LABEL, '').replace(WRAPPERS, ''));
  if (!match) return false;
  return !rest.slice(rest.indexOf('(')).includes(')');
}

/** A class declared in prose: `class InsufficientFunds(AccountError)`, `- @dataclass class Transaction:`. */
export function readClassLine(text: string): { name: string; bases: string[] } | null {
  const rest = text.replace(PREFIX, '').replace(WRAPPERS, '').replace(/^@\w+(?:\([^)]*\))?\s+/, '');
  const match = /^class\s+([A-Z][A-Za-z0-9_]*)\s*(?:\(([^()]*)\))?\s*:?\s*(?:`|\*\*|$|[-—–#]|\s)/.exec(rest);
  if (!match) return null;
  const bases = (match[2] ?? '').split(',').map((base) => base.trim()).filter((base) => /^[A-Za-z_][\w.]*$/.test(base));
  return { name: match[1]!, bases };
}

/** Splits an argument list at commas outside brackets and quotes. */
function topLevelArguments(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (quote) {
      if (char === quote) quote = null;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '(' || char === '[' || char === '{') depth++;
    else if (char === ')' || char === ']' || char === '}') depth = Math.max(0, depth - 1);
    else if (char === ',' && depth === 0) {
      parts.push(text.slice(start, index));
      start = index + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** Python's built-in functions: written bare in prose (`print()`, `sorted(items)`), they are calls to them, not API. */
const BUILTIN_FUNCTIONS = new Set([
  'abs', 'all', 'any', 'bool', 'callable', 'chr', 'dict', 'divmod', 'enumerate', 'filter', 'float', 'format', 'frozenset', 'getattr', 'hasattr',
  'hash', 'id', 'input', 'int', 'isinstance', 'issubclass', 'iter', 'len', 'list', 'map', 'max', 'min', 'next', 'open', 'ord', 'pow', 'print',
  'range', 'repr', 'reversed', 'round', 'set', 'setattr', 'sorted', 'str', 'sum', 'super', 'tuple', 'type', 'vars', 'zip',
]);

/**
 * Whether a snippet from prose is a call rather than a signature: `sorted(slots, key=lambda s: s.start)`,
 * `round(amount, 2)`, `print()`. Arguments that are expressions (a literal, a dotted name, a lambda) are
 * never parameters; a built-in's name is a call unless the snippet declares something (self, a type, a return).
 */
export function readsAsCall(snippet: SignatureSnippet): boolean {
  if (snippet.hasDef || snippet.owner) return false;
  // `self` first, or a return annotation: a declaration, whatever its defaults hold (a lambda, a tuple, a string with commas).
  if (/^\s*(?:self|cls)\s*(?:,|$)/.test(snippet.parameters) || snippet.returns !== null) return false;
  if (/\blambda\b/.test(snippet.parameters)) return true;
  const positional = topLevelArguments(snippet.parameters).map((argument) => argument.trim()).filter((argument) => argument !== '' && !/^\*{0,2}[A-Za-z_]\w*\s*(?:[:=]|$)/.test(argument));
  if (positional.some((argument) => /^(?:-?\d|["'\[{(]|[A-Za-z_]\w*\.[A-Za-z_])/.test(argument))) return true;
  const declares = snippet.returns !== null || snippet.parameters.includes(':') || /^\s*(?:self|cls)\b/.test(snippet.parameters);
  return BUILTIN_FUNCTIONS.has(snippet.name) && !declares;
}

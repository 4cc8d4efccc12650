/** Characters a terminal acts on instead of printing: C0 (tab aside), DEL, C1, line/paragraph separators and bidi controls. */
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\u001b': '\\e' };

/**
 * Text from the module or its tests made safe for a terminal: every control character is shown
 * as an escape (`\e[2K`, `\r`, `\n`, `\u202e`), so ANSI sequences, carriage returns or fake lines
 * in an exception message cannot hide or rewrite the verdict. One line in, one line out.
 */
export function escapeTerminal(text: string): string {
  return text.replace(CONTROL, (character) => {
    const named = NAMED[character];
    if (named) return named;
    const code = character.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

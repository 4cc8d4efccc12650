/** ANSI styles for the human report; each is the identity when colour is off. */
export interface Colours {
  red(text: string): string;
  yellow(text: string): string;
  blue(text: string): string;
  green(text: string): string;
  bold(text: string): string;
  dim(text: string): string;
}

const style = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
const plain = (text: string) => text;

/** The styles, or plain text throughout when `enabled` is false. */
export function createColours(enabled: boolean): Colours {
  if (!enabled) return { red: plain, yellow: plain, blue: plain, green: plain, bold: plain, dim: plain };
  return { red: style(31, 39), yellow: style(33, 39), blue: style(34, 39), green: style(32, 39), bold: style(1, 22), dim: style(2, 22) };
}

/**
 * Whether to colour output to `stream`: `FORCE_COLOR` (any value but `0`/`false`) forces it, as in
 * Node itself; otherwise `NO_COLOR` (any non-empty value) turns it off, and it is on only for a
 * terminal that is not `TERM=dumb` — never when piped or redirected.
 */
export function shouldColour(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

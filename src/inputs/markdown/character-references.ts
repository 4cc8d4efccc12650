/**
 * HTML character references (`&gt;`, `&#8212;`, `&#x2014;`) as CommonMark decodes them in text: the
 * named ones designs pasted from web pages carry, and every numeric one but control characters (which
 * would change the lines). An unknown name stays as written. Linear in the text's length.
 */

const NAMED: Record<string, string> = {
  gt: '>', lt: '<', amp: '&', quot: '"', apos: "'", nbsp: '\u00a0', mdash: '—', ndash: '–', hellip: '…', rarr: '→', larr: '←',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', times: '×', middot: '·', bull: '•', copy: '©', reg: '®', trade: '™',
};
const REFERENCE = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{1,7}));/g;

function decode(match: string, decimal: string | undefined, hex: string | undefined, name: string | undefined): string {
  if (name !== undefined) return NAMED[name] ?? match;
  const code = decimal !== undefined ? Number(decimal) : parseInt(hex!, 16);
  return code < 0x20 || code > 0x10ffff || (code >= 0x7f && code < 0xa0) ? match : String.fromCodePoint(code);
}

/** The text with its character references decoded. */
export function decodeCharacterReferences(text: string): string {
  return text.includes('&') ? text.replace(REFERENCE, decode) : text;
}

/** A user-facing message as a document states it, with its placeholders in one form. */
export interface MessageTemplate {
  /** The text as written, whitespace collapsed and surrounding quotes removed. */
  text: string;
  /** The text with every placeholder (`{title}`, `<amount>`, `[name]`) written as `{name}`. */
  template: string;
  /** Placeholder names in order of appearance. */
  placeholders: string[];
}

const SURROUNDING_QUOTES: Array<[string, string]> = [['"', '"'], ['“', '”'], ['«', '»']];

/** `{title}`, `<amount>`, `[member name]`: the three placeholder spellings documents use. */
const PLACEHOLDER = /\{([A-Za-z_][\w .-]{0,40}?)\}|<([A-Za-z_][\w .-]{0,40}?)>|\[([A-Za-z_][\w .-]{0,40}?)\](?!\()/g;

function placeholderName(raw: string): string {
  return raw.trim().replace(/[\s.-]+/g, '_');
}

/** Collapses runs of whitespace (line breaks of wrapped markdown included) into one space. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function stripQuotes(text: string): string {
  for (const [open, close] of SURROUNDING_QUOTES) {
    if (text.length >= 2 && text.startsWith(open) && text.endsWith(close)) return text.slice(open.length, -close.length);
  }
  return text;
}

/** Reads a message from a story or a design table into its template form. */
export function toMessageTemplate(raw: string): MessageTemplate {
  // A `<br>` inside a message (a table cell's line break) is a space, never a placeholder.
  const text = stripQuotes(collapseWhitespace(raw.replace(/<br\s*\/?>/gi, ' ').replace(/\\([\\`*_{}[\]()#+\-.!|<>"'])/g, '$1'))).trim();
  const placeholders: string[] = [];
  const template = text.replace(PLACEHOLDER, (_match, braces?: string, angles?: string, brackets?: string) => {
    const name = placeholderName(braces ?? angles ?? brackets ?? '');
    placeholders.push(name);
    return `{${name}}`;
  });
  return { text, template, placeholders };
}

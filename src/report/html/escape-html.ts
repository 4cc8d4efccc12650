/** Control characters a page should show, not act on (tab and newline aside): C0, DEL, C1 and bidi controls. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text from the module, its tests or the documents made safe for HTML text and quoted attributes:
 * markup characters become entities and control characters a visible `\xNN`/`\uNNNN`, so a
 * message cannot open a tag, leave an attribute or reorder what the reader sees.
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/[&<>"']/g, (character) => ENTITIES[character]!)
    .replace(CONTROL, (character) => {
      const code = character.charCodeAt(0);
      return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
    });
}

/** A token safe in a class name or id: letters, digits and dashes only. */
export function cssToken(text: string): string {
  return text.replace(/[^A-Za-z0-9-]+/g, '-');
}

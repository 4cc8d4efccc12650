/**
 * A Software Design Description in the IEEE style numbers its paragraphs instead of using headings:
 * `2 Design`, `2.2 Class KeyRegister`, `2.2.3 return_key(self, key_no: int) -> KeyLoan`. To markdown these
 * are plain text, so no section gives the methods their class. A short numbered line (a title or a
 * signature, not a sentence) becomes a heading as deep as its number (`2.2.3` → `####`), line for line.
 * Only when the document writes at least three such lines with a sub-number (`2.1`) and at most one
 * markdown heading (its title) outside fences; `1. Item` stays a list item. Linear: one pattern per line.
 */

const NUMBERED = /^(\d{1,2}(?:\.\d{1,2}){0,4})\.?[ \t]+(\S.{0,99})$/;
const SUB_NUMBERED = /^\d{1,2}(?:\.\d{1,2}){1,4}\.?[ \t]+\S/;
const LIST_ITEM = /^\d{1,9}[.)][ \t]/;
const MARKDOWN_HEADING = /^ {0,3}#{1,6}[ \t]/;
/** A sentence goes on after a full stop inside the line; a title or a signature does not. */
const SENTENCE = /[.!?]\s+\S/;

/** The lines with numbered paragraph titles written as headings, in place; unchanged when the document is not numbered so. */
export function rewriteNumberedParagraphs(lines: string[], fenced: Uint8Array): void {
  let subNumbered = 0;
  let headings = 0;
  for (let index = 0; index < lines.length; index++) {
    if (fenced[index]) continue;
    // A markdown title is allowed; a document with markdown sections numbers them there.
    if (MARKDOWN_HEADING.test(lines[index]!) && ++headings > 1) return;
    if (SUB_NUMBERED.test(lines[index]!) && !LIST_ITEM.test(lines[index]!)) subNumbered++;
  }
  if (subNumbered < 3) return;
  for (let index = 0; index < lines.length; index++) {
    if (fenced[index] || LIST_ITEM.test(lines[index]!)) continue;
    const numbered = NUMBERED.exec(lines[index]!.trimEnd());
    if (!numbered || SENTENCE.test(numbered[2]!)) continue;
    const depth = Math.min(numbered[1]!.split('.').length + 1, 6);
    lines[index] = `${'#'.repeat(depth)} ${numbered[1]} ${numbered[2]}`;
  }
}

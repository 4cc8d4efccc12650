import type { ResponseContract } from '../inputs/design/response-contract.js';

/** One exception class the module must define. */
export interface ChecklistException {
  name: string;
  base: string | null;
  codes: string[];
}

/** A message the module must contain verbatim. */
export interface ChecklistMessage {
  /** The text as the document writes it; placeholders as `{name}`. */
  text: string;
  /** Error code, method or story it belongs to, for the model's orientation. */
  context: string | null;
}

/**
 * The facts of the design and stories the module must honour, in checkable form: what the
 * verifier will hold the draft to, stated up front so the first draft can get it right.
 */
export interface SpecChecklist {
  /** The file to deliver, `[feature]_[module].py`. */
  deliverable: string;
  primaryClass: string | null;
  /** Exact signatures, one per entry, e.g. `LibraryService.borrow(self, member_id: str) -> dict[str, Any]`. */
  signatures: string[];
  /** Functions the design says are provided elsewhere or mocked; design/missing-function still asks for them. */
  providedElsewhere?: string[];
  exceptions: ChecklistException[];
  messages: ChecklistMessage[];
  /** The response every public method gives (top-level keys, what `data` holds); null without a design. */
  response: ResponseContract | null;
  /** Classes design/missing-class requires that no signature, model or exception above names (no methods, no fields). */
  classes?: string[];
  /** Module-level constants design/missing-constant asks for: `NAME = value`, or `NAME` when the design gives no value. */
  constants?: string[];
  /** Third-party packages the design allows; empty with `standardLibraryOnly` means none. */
  dependencies: string[];
  standardLibraryOnly: boolean;
}

/** A checklist with only the deliverable known (no design reader, or a design it could not read). */
export function minimalChecklist(deliverable: string): SpecChecklist {
  return { deliverable, primaryClass: null, signatures: [], exceptions: [], messages: [], response: null, dependencies: [], standardLibraryOnly: false };
}

function quote(text: string): string {
  return JSON.stringify(text);
}

function codes(keys: string[]): string {
  return keys.map((key) => `\`${key}\``).join(', ');
}

/** The response shape in words: exactly the top-level keys, then what goes inside `data`. */
function responseLines(response: ResponseContract): string[] {
  const lines = [`- Public methods of the service return a dict with exactly the top-level keys ${codes(response.keys)}; no other top-level key.`];
  if (response.dataOnSuccess.length > 0) lines.push(`- On success, \`data\` holds ${codes(response.dataOnSuccess)}.`);
  if (response.dataOnFailure.length > 0) lines.push(`- On failure, \`data\` holds ${codes(response.dataOnFailure)} (inside \`data\`, never next to \`success\`).`);
  if (response.movedIntoData.length > 0) lines.push(`- The design writes ${codes(response.movedIntoData)} next to \`success\`; put ${response.movedIntoData.length > 1 ? 'them' : 'it'} inside \`data\` instead.`);
  return lines;
}

/** Renders the checklist as a compact Markdown section of the prompt. */
export function formatChecklist(checklist: SpecChecklist): string {
  const lines = [`- Deliverable: one module, \`${checklist.deliverable}\`.`];
  if (checklist.primaryClass) lines.push(`- Main class: \`${checklist.primaryClass}\`.`);
  if (checklist.response) lines.push(...responseLines(checklist.response));
  if (checklist.standardLibraryOnly) lines.push('- Standard library only: no third-party imports.');
  else if (checklist.dependencies.length > 0) lines.push(`- Third-party packages allowed: ${checklist.dependencies.join(', ')}; no others.`);
  if (checklist.signatures.length > 0) {
    lines.push('', 'Signatures (names, parameters, defaults and annotations exactly as here):');
    for (const signature of checklist.signatures) lines.push(`- \`${signature}\``);
    if (checklist.providedElsewhere && checklist.providedElsewhere.length > 0) {
      const several = checklist.providedElsewhere.length > 1;
      lines.push(`- The design says ${checklist.providedElsewhere.map((name) => `\`${name}\``).join(', ')} ${several ? 'are' : 'is'} provided elsewhere or mocked: not required here; a module-level stand-in, if you write one, must have the signature above.`);
    }
  }
  if (checklist.classes && checklist.classes.length > 0) {
    lines.push('', 'Other classes of the design (define each, with this name):');
    for (const name of checklist.classes) lines.push(`- \`class ${name}\``);
  }
  if (checklist.constants && checklist.constants.length > 0) {
    lines.push('', 'Module-level constants (names and values as here):');
    for (const constant of checklist.constants) lines.push(`- \`${constant}\``);
  }
  if (checklist.exceptions.length > 0) {
    lines.push('', 'Exceptions (class, base, error codes):');
    for (const exception of checklist.exceptions) {
      const codes = exception.codes.length > 0 ? `: ${exception.codes.join(', ')}` : '';
      // design/exception-base-mismatch holds a module to a base only when the design gives one.
      lines.push(exception.base ? `- \`${exception.name}(${exception.base})\`${codes}` : `- \`${exception.name}\` (the design gives no base: any Exception subclass)${codes}`);
    }
  }
  if (checklist.messages.length > 0) {
    lines.push('', 'Messages, character for character ({name} marks a value filled in at run time):');
    for (const message of checklist.messages) lines.push(`- ${quote(message.text)}${message.context ? ` (${message.context})` : ''}`);
  }
  return lines.join('\n');
}

/**
 * What a section of a design is about, from its heading (or a bold line standing in for one):
 * a class (`### Class: Account`, `## Clase \`Cuenta\``, `### 2. \`Account\``, `## Account class`),
 * module functions (`## Function: get_share_price`, `### External Dependencies (Mocked)`,
 * `## Funciones auxiliares`), or neither ("Methods", "Métodos", "Overview") — then the enclosing
 * section decides.
 */

/** The owner a section gives to the signatures under it. */
export type SectionOwner =
  | { kind: 'class'; name: string }
  | { kind: 'functions'; external: boolean }
  /** A heading of one capitalised word (`## Wallet`): the class of signatures that take `self`, nothing more. */
  | { kind: 'maybe-class'; name: string }
  | { kind: 'none' };

const CLASS_AFTER = /(?:\b(?:[Cc]lass|CLASS|[Cc]lase|[Cc]lasse|[Kk]lasse|[Dd]ataclass|[Ss]ınıf)\b|클래스)(?:\s+(?:principal|main|primary|base|core|de servicio))?\s*(?:\*\*)?\s*[:\-—–]?\s*(?:\*\*)?\s*`?([A-Z][A-Za-z0-9_]*)`?/;
/** `Account (main class)`, `\`Cuenta\` (clase principal)`. */
const CLASS_NOTE = /^`?([A-Z][A-Za-z0-9_]*)`?\s*\([^)]*\b(?:[Cc]lass|[Cc]lase|[Dd]ataclass)\b[^)]*\)/;
const CLASS_BEFORE = /`?([A-Z][A-Za-z0-9_]*)`?\s+(?:\(\s*)?(?:[Cc]lass|[Cc]lase|[Dd]ataclass|[Mm]odel|[Ee]ntity|[Rr]ecord)\b/;
/** `Registrar API`, `\`Ledger\` public interface`: a CamelCase name before API wording (`REST API` is no class). */
const CLASS_API = /^`?([A-Z][A-Za-z0-9_]*[a-z][A-Za-z0-9_]*)`?\s+(?:public\s+)?(?:API|[Ii]nterface)\b/;
const PYTHON_CLASS = /\bclass\s+([A-Z][A-Za-z0-9_]*)\s*[(:`]/;
const FUNCTION_SECTION = /\b(?:functions?|funci[oó]n(?:es)?|fonctions?|helpers?|utilit(?:y|ies)|utilidades|module[- ]level|external|externas?|dependenc(?:y|ies)|dependencias|mock(?:ed)?|price (?:lookup|provider|service|function))\b/i;
const METHOD_WORDS = /\bm[eé]thods?\b|\bm[eé]todos?\b|\bmetodi\b|\bmethoden\b|\bmetotlar?\b|\bconstructor\b|\bconstructeur\b|\bcostruttore\b/i;
/** Wording that says a function is provided or faked elsewhere, not built here. */
export const EXTERNAL_WORDING = /\b(?:external(?:ly)?|externa|mock(?:ed)?|simulad[oa]|provided (?:by|elsewhere|externally)|placeholder|stub(?:bed)?|third[- ]party|assumed to (?:be available|exist)|test implementation|implementaci[oó]n de prueba|do not implement|not (?:be )?implemented (?:here|in this module)|supplied by|host (?:application|app) provides|tests? patch(?:es)?|fake[ds]?|lives in another (?:service|module|system))\b/i;
/** Words that are never class names even when capitalised at the start of a heading. */
const NOT_NAMES = new Set(['Class', 'Classes', 'Clase', 'Clases', 'Main', 'Primary', 'Core', 'Helper', 'Data', 'The', 'A', 'An', 'Model', 'Models', 'Modelo', 'Entity', 'Dataclass', 'Python', 'Exception', 'Exceptions', 'Module', 'Methods', 'Method', 'Base',
  'Diagram', 'Design', 'Structure', 'Structures', 'Overview', 'Definition', 'Definitions', 'Hierarchy', 'Responsibilities', 'Interface',
  'Attributes', 'Details', 'Specification', 'Summary', 'Descripci', 'Description', 'Diagrama', 'Principal', 'Service', 'Domain', 'Custom', 'Error', 'Errors',
  'Constructor', 'Constructors', 'Properties', 'Fields', 'Usage', 'Example', 'Examples', 'Notes', 'Validation', 'Returns', 'Parameters', 'Logic',
  'Behavior', 'Behaviour', 'Purpose', 'Testing', 'Tests', 'Initialization', 'Initialisation', 'Helpers', 'Utilities', 'Atributos', 'Propiedades',
  'Constructora', 'Inicializaci', 'Resumen', 'Ejemplo', 'Uso', 'Implementation', 'Dependencies', 'State', 'Storage', 'Persistence',
  'Signatures', 'Operations', 'Functionality', 'Features', 'Requirements', 'Components', 'Approach', 'Workflow', 'Constraints', 'Assumptions',
  'Reference', 'Specifications', 'Contents', 'Appendix', 'Glossary', 'Conclusion', 'Introduction', 'Scope', 'Goals', 'Background', 'Context',
  'Public', 'Private', 'Internal', 'Business', 'Frontend', 'Backend', 'Interfaces', 'Endpoints', 'Routes', 'Views', 'Architecture', 'Api',
  'Firmas', 'Interfaz', 'Arquitectura', 'Componentes', 'Requisitos', 'Validaciones', 'Funcionalidad', 'Operaciones', 'Detalles', 'Notas',
  // Italian, Portuguese and French section words.
  'Metodi', 'Metodo', 'Attributi', 'Eccezioni', 'Errori', 'Panoramica', 'Funzioni', 'Costruttore', 'Esempio', 'Metodos', 'Atributos',
  'Methoden', 'Klasse', 'Ausnahmen', 'Fehler', 'Funktionen', 'Beispiel', 'Hinweise', 'Attribute', 'Erros', 'Visao', 'Resumo', 'Methodes', 'Attributs', 'Erreurs', 'Exemple', 'Apercu', 'Contexte', 'Squelette', 'Regles',
  'Metotlar', 'Metot', 'Hatalar', 'Veri', 'Sınıf',
  'Security', 'Performance', 'Concurrency', 'Threading', 'Logging', 'Configuration', 'Setup', 'Installation', 'Deployment', 'Ui', 'Gradio']);

function cleanHeading(text: string): string {
  return text.replace(/^\s*(?:\d{1,3}(?:\.\d{1,3})*[.)]?\s+|[IVX]{1,4}\.\s+)/, '').replace(/\*\*|__/g, '').trim();
}

/** The owner a heading's text gives, or `none`. */
export function sectionOwner(headingText: string): SectionOwner {
  const text = cleanHeading(headingText);
  const python = PYTHON_CLASS.exec(text);
  if (python) return { kind: 'class', name: python[1]! };
  const after = CLASS_AFTER.exec(text);
  if (after && !NOT_NAMES.has(after[1]!) && !/^classes\b/i.test(after[0])) return { kind: 'class', name: after[1]! };
  const noted = CLASS_NOTE.exec(text);
  if (noted && !NOT_NAMES.has(noted[1]!)) return { kind: 'class', name: noted[1]! };
  const before = CLASS_BEFORE.exec(text);
  if (before && !NOT_NAMES.has(before[1]!)) return { kind: 'class', name: before[1]! };
  const api = CLASS_API.exec(text);
  if (api && !NOT_NAMES.has(api[1]!)) return { kind: 'class', name: api[1]! };
  // A heading that is just a class name: `### 2. \`Account\``, `### Transaction`.
  const alone = /^(`?)([A-Z][A-Za-z0-9_]*)\1\s*(?:\([^)]*\))?\s*:?$/.exec(text);
  const camel = alone && (alone[1] === '`' || /^[A-Z][a-z0-9]+[A-Z]/.test(alone[2]!));
  if (alone && camel && !NOT_NAMES.has(alone[2]!) && /[a-z]/.test(alone[2]!)) return { kind: 'class', name: alone[2]! };
  if (FUNCTION_SECTION.test(text) && !METHOD_WORDS.test(text)) return { kind: 'functions', external: EXTERNAL_WORDING.test(text) };
  if (alone && !NOT_NAMES.has(alone[2]!) && !METHOD_WORDS.test(alone[2]!) && /^[A-Z][a-z0-9]+$/.test(alone[2]!)) return { kind: 'maybe-class', name: alone[2]! };
  return { kind: 'none' };
}

/** "Classes", "Data Models", "Data Structures", "Modelos", "Modèles de données", "Entities": sections whose one-word sub-headings are classes. */
const CLASSES_SECTION = /\bclass(?:es)?\b|\bclases\b|\bclasses\b|\bmodel(?:s|os?)\b|\bmod[eè]les?\b|\bmodelli\b|\bdata (?:structures?|types?|classes)\b|\bentit(?:y|ies)\b|\bentidades\b|\bestruturas?\b|\bestructuras?\b/i;

/** Under a "Classes" (or "Data Models") heading, a sub-heading that is one capitalised word names a class (`### Account`). */
export function classUnderClasses(parentText: string, headingText: string): SectionOwner | null {
  if (!CLASSES_SECTION.test(cleanHeading(parentText)) || sectionOwner(parentText).kind === 'class') return null;
  const word = /^`?([A-Z][a-z0-9]+)`?\s*:?$/.exec(cleanHeading(headingText));
  return word && !NOT_NAMES.has(word[1]!) ? { kind: 'class', name: word[1]! } : null;
}

const ERRORS_TITLE = /^(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?(?:errors?|exceptions?|error handling|failure modes)$/i;

/** A bold line standing in for a heading: `**Class: Account**`, `- **Class**: \`Account\``, `**Helper functions**`, `**4. Errors**`. */
export function pseudoHeading(line: string): string | null {
  const bold = /^\s*(?:[-*+]\s+)?\*\*([^*]{1,80})\*\*\s*(\([^()]{1,40}\))?\s*:?\s*(`[A-Z][A-Za-z0-9_]*`)?\s*$/.exec(line);
  if (!bold) return null;
  // `**Reserva** (dataclass)`: the note after the bold name says what the class is.
  const text = `${bold[1]!} ${bold[2] ?? ''} ${bold[3] ?? ''}`.replace(/\s+/g, ' ').trim();
  const kind = sectionOwner(text).kind;
  // "**4. Errors**" standing alone (a word processor's heading) opens the errors section.
  return kind === 'class' || kind === 'functions' || ERRORS_TITLE.test(text) ? text : null;
}

/** The class a list item names before its colon ("1. Transaction dataclass (a record):"), or null. */
export function classNamedBy(line: string): string | null {
  const text = line.replace(/^\s*(?:[-*+]|\d{1,3}[.)])\s+/, '').replace(/\*\*/g, '').replace(/:\s*$/, '').trim();
  if (text.length > 120) return null;
  const owner = sectionOwner(text);
  return owner.kind === 'class' ? owner.name : null;
}

/** The Engineering Lead's design as backsmith understands it. Every item keeps its design line (1-based). */
import type { ParameterKind } from '../../python/python-model.js';

/** Where an item was read: a Python code block, a markdown table or the prose. */
export type DesignOrigin = 'code' | 'table' | 'prose';

/** One parameter of a designed method or function. */
export interface DesignParameter {
  name: string;
  kind: ParameterKind;
  annotation: string | null;
  defaultValue: string | null;
}

/** A method or module-level function the module must define. */
export interface DesignFunction {
  name: string;
  /** Owning class, or null for a module-level function. */
  className: string | null;
  /** Parameters as written; for methods the leading `self`/`cls` is left out. */
  parameters: DesignParameter[];
  returnAnnotation: string | null;
  decorators: string[];
  isAsync: boolean;
  /** Exception names the design says it raises (code `raise`, docstring `Raises:`, a table column). */
  raises: string[];
  description: string | null;
  /** The design says the function is provided, mocked or external (a test stand-in may still be asked for). */
  external?: boolean;
  origin: DesignOrigin;
  line: number;
}

/** What a designed class is for. */
export type DesignClassRole = 'service' | 'model' | 'exception' | 'other';

/** A class the module must define (services, models and exceptions alike). */
export interface DesignClass {
  name: string;
  bases: string[];
  decorators: string[];
  role: DesignClassRole;
  methods: DesignFunction[];
  description: string | null;
  origin: DesignOrigin;
  line: number;
}

/** A custom exception and the error codes the design gives it. */
export interface DesignException {
  name: string;
  /** The first base class (`LedgerError`, `Exception`), null when the design does not say. */
  base: string | null;
  codes: string[];
  /** The `code` parameter's default in `__init__`, e.g. `"LEDGER_ERROR"`. */
  defaultCode: string | null;
  line: number;
}

/** How a data model is declared. */
export type DesignModelKind = 'dataclass' | 'pydantic' | 'typed-dict' | 'named-tuple' | 'enum' | 'plain';

/** A field of a data model (or a member of an enum). */
export interface DesignField {
  name: string;
  annotation: string | null;
  defaultValue: string | null;
  line: number;
}

/** A data model and its fields. */
export interface DesignModel {
  name: string;
  kind: DesignModelKind;
  fields: DesignField[];
  origin: DesignOrigin;
  line: number;
}

/** A module-level constant. */
export interface DesignConstant {
  name: string;
  value: string | null;
  annotation: string | null;
  origin: DesignOrigin;
  line: number;
}

/** A third-party package (or imported module) the design allows. */
export interface DesignDependency {
  /** Distribution or top-level module name as written (`pydantic`, `python-dateutil`). */
  name: string;
  /** Version requirement as written (`>=2.0`), or null. */
  specifier: string | null;
  origin: 'dependency-list' | 'pip-install' | 'requirements-block' | 'code-import';
  line: number;
}

/** Success, error, info or warning, when the document says which. */
export type MessageKind = 'success' | 'error' | 'info' | 'warning';

/** A row of a message table (`| Code | Message |`, `| Method | Situation | Message |`). */
export interface DesignMessage {
  /** The text as written, quotes removed. */
  text: string;
  /** The text with placeholders written `{name}`. */
  template: string;
  placeholders: string[];
  code: string | null;
  exception: string | null;
  method: string | null;
  /** The situation or outcome column, as written. */
  situation: string | null;
  kind: MessageKind | null;
  line: number;
}

/** The response shape the design prescribes for public methods. */
export interface DesignResponseFormat {
  /** Top-level keys of the response dict, e.g. `success`, `message`, `data`. */
  keys: string[];
  /** Keys the design puts inside `data` when `success` is True (or not said), e.g. `balance`. */
  dataOnSuccess: string[];
  /** Keys the design puts inside `data` when `success` is False (or not said), e.g. `error_code`. */
  dataOnFailure: string[];
  /** The section's text, for people. */
  summary: string;
  line: number;
}

/** Something the reader could not understand or had to decide. */
export interface DesignWarning {
  kind: 'untyped' | 'conflict' | 'unparseable' | 'no-api' | 'layout' | 'naming' | 'orphan' | 'unplaced' | 'rewritten';
  message: string;
  line: number;
}

/** Counts for people and benchmarks, and how much of the document's API the reader understood. */
export interface DesignStats {
  pythonBlocks: number;
  ignoredBlocks: number;
  apiTables: number;
  messageTables: number;
  /** Signature-like snippets seen anywhere (code blocks, headings, bullets, table cells, inline code). */
  signatureSnippets: number;
  /** Of those, how many were read and given an owner (a class, or the module). */
  attributedSnippets: number;
  /** True when the whole document was wrapped in an outer markdown fence (unwrapped before reading). */
  unwrappedOuterFence: boolean;
}

/** Everything read from a technical design. */
export interface DesignSpec {
  /** The document's file name (or a label for in-memory text). */
  sourceName: string;
  featureName: string | null;
  moduleName: string | null;
  /** The file to deliver, `[feature]_[module].py`, when the design says or implies it. */
  deliverable: string | null;
  /** How the deliverable's name was found, for people. */
  deliverableSource: string | null;
  /** How it was found, for programs: stated in the title, a label, a code comment, the text, the file name... */
  deliverableOrigin: 'title' | 'label' | 'code-comment' | 'prose' | 'mention' | 'file-name' | 'labels' | 'title-words' | null;
  primaryClass: string | null;
  classes: DesignClass[];
  functions: DesignFunction[];
  exceptions: DesignException[];
  models: DesignModel[];
  constants: DesignConstant[];
  dependencies: DesignDependency[];
  /** True when the design says the module uses the standard library only. */
  standardLibraryOnly: boolean;
  messages: DesignMessage[];
  responseFormat: DesignResponseFormat | null;
  /** File names of a multi-file layout (`models.py`, `service.py`) merged into the one module. */
  layoutFiles: string[];
  warnings: DesignWarning[];
  /** Counts for people and benchmarks. */
  stats: DesignStats;
}

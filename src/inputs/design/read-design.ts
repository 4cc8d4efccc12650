import type { Code, Nodes, Table } from 'mdast';
import { loadPythonNormalizer } from '../../python/normalize-annotation.js';
import { readMarkdown, readTable, sourceOf, type MarkdownBlock, type MarkdownDocument } from '../markdown/markdown-document.js';
import { apiTableColumns, readApiTable, type ApiTableColumns } from './api-table.js';
import { DesignCollector } from './design-collector.js';
import {
  DEPENDENCY_HEADING, STANDARD_LIBRARY_ONLY, dependenciesFromRequirements, dependenciesFromShell, dependencyFromBullet,
} from './design-dependencies.js';
import type { DesignModelKind, DesignSpec } from './design-types.js';
import { isExceptionTable, readCodeMappings, readExceptionTable, readHierarchyTree } from './exception-sources.js';
import { finalizeDesign, type BlockImport } from './finalize-design.js';
import { constantsFromSnippets, mayBeAssignment, type CodeSnippet } from './inline-constants.js';
import { isMessageTable, readMessageTable } from './message-table.js';
import { readPythonBlock, remapLines, type PythonBlockFacts } from './python-block.js';
import { readYamlApi } from './yaml-api.js';
import { tomlApiAsJson } from './toml-api.js';
import { applyErrata, readErrata } from './errata.js';
import { readJsonSchemaModels } from './json-schema-models.js';
import { pythonFromInterfaces } from './typescript-interface.js';
import { classDiagramStubs } from './class-diagram.js';
import { sequenceDiagramStubs } from './sequence-diagram.js';
import { pydocStubs } from './pydoc-help.js';
import { csvApiStubs } from './csv-api.js';
import { signatureStubs } from './signature-stubs.js';
import { RESPONSE_HEADING, readResponseFormat } from './response-format.js';
import { unwrapOuterFence } from './unwrap-outer-fence.js';
import { rewriteForeignMarkup } from './foreign-markup.js';
import { plainCharacters } from './plain-characters.js';
import { harvestSignatures, LineMode } from './harvest-signatures.js';
import { placeHarvest } from './place-signatures.js';
import { harvestLines, originalLines } from './harvest-lines.js';
import { sectionOwner } from './section-owner.js';
import { pythonGenerics } from './java-generics.js';

/** Options for reading a design. */
export interface ReadDesignOptions {
  /** The document's file name; `[feature]_technical_design.md` names the feature. */
  sourceName?: string;
}

const PYTHON_LANGUAGES = new Set(['python', 'py', 'python3', 'py3', 'pycon', 'ipython', 'pyi']);
const TYPESCRIPT_LANGUAGES = new Set(['typescript', 'ts', 'idl', 'interface']);
const PLAIN_LANGUAGES = new Set(['', 'text', 'txt', 'plaintext']);
const DIAGRAM_LANGUAGES = new Set(['mermaid', 'plantuml', 'puml', 'uml', '']);
/** A JSON sample of a response envelope wherever it stands: an object with a boolean outcome key and a message (two linear searches). */
const isResponseEnvelope = (json: string) => /^\s*\{/.test(json) && /"(?:success|ok)"\s*:\s*(?:true|false)\b/.test(json) && /"message"\s*:/.test(json);
const SHELL_LANGUAGES = new Set(['bash', 'sh', 'shell', 'console', 'zsh', 'powershell', 'ps']);
const PARAMETER_LABEL = /\b(?:parameters?|params|arguments?|args|inputs?|par[aá]metros?|param[eè]tres?|parametri)\b/i;
/** Python's own capitalised names, which running text backticks as often as the design's classes. */
const PYTHON_TYPE_NAMES = new Set(['None', 'True', 'False', 'Decimal', 'Optional', 'List', 'Dict', 'Set', 'Tuple', 'Any', 'Union', 'Literal', 'Callable', 'Enum', 'Protocol', 'TypedDict', 'NamedTuple', 'BaseModel', 'Path', 'Counter', 'Exception', 'Iterable', 'Iterator', 'Sequence', 'Mapping', 'Lock', 'Thread', 'Gradio', 'Python', 'Markdown', 'JSON']);
/** `Lot field`, `Ticket attributes`: a field column whose header names the model. */
const HEADER_OWNER = /^`?([A-Z][A-Za-z0-9_]*)`?\s+(?:fields?|attributes?|propert(?:y|ies))$/;
/** A section the design retires: its classes and methods are not part of the module. */
const RETIRED_SECTION = /\b(?:deprecated|obsolete|superseded|retired|do not implement|don't implement|not to be implemented)\b/i;
/** `## Module \`customers.py\` (exists — owned by the accounts team)`: another module of the system, not this deliverable. */
const OTHER_MODULE_SECTION = /[\w-]+\.py\b.{0,40}\((?:[^)]*\b(?:exists|existing|already (?:written|exists|there)|owned by|provided by|not (?:part of )?this (?:task|deliverable)|do not (?:re)?write|must not be (?:re)?written))/i;
const TREE_GLYPHS = /[├└│]|^\s*[|`+]--/m;

interface ReadState {
  collector: DesignCollector;
  document: MarkdownDocument;
  snippets: CodeSnippet[];
  imports: BlockImport[];
  responseSnippets: Array<{ text: string; line: number; summary: string }>;
  /** Design lines where a code block's definitions were already read (the harvester skips them). */
  coveredLines: number[];
  /** The document's lines, split once when first needed. */
  sourceLines?: string[];
  /** The last API table's header row and columns, for its continuation after a page break. */
  lastApiTable?: { header: Table['children'][number]; columns: ApiTableColumns };
}

function inlineCodes(node: Nodes, into: Array<{ text: string; line: number }> = []): Array<{ text: string; line: number }> {
  if (node.type === 'inlineCode') into.push({ text: node.value, line: node.position?.start.line ?? 0 });
  if ('children' in node) for (const child of node.children as Nodes[]) inlineCodes(child, into);
  return into;
}

function sectionText(block: MarkdownBlock): string {
  return block.headings.map((heading) => heading.text).join(' / ');
}

/** Headings and lead-in of a block, nearest first: where a class name for loose methods may be. */
function nearbyTexts(state: ReadState, block: MarkdownBlock): string[] {
  state.sourceLines ??= state.document.source.split('\n');
  const headingSources = block.headings.map((heading) => state.sourceLines![heading.line - 1] ?? heading.text).reverse();
  return [headingSources[0] ?? '', block.leadIn, ...headingSources.slice(1)];
}

function layoutFileName(code: Code, leadIn: string): string | null {
  const firstLine = code.value.split('\n', 1)[0] ?? '';
  const fromComment = /^#\s*(?:file(?:name)?\s*:?\s*)?(?:[\w.-]+\/)*([\w-]+\.py)\b/i.exec(firstLine.trim());
  if (fromComment) return fromComment[1]!;
  const fromLeadIn = /(?:^|[\s`(*])(?:[\w.-]+\/)*([a-z_][\w]*\.py)\b/.exec(leadIn);
  return fromLeadIn ? fromLeadIn[1]! : null;
}

/** The class the block's sections name (innermost first), or null. */
function sectionClass(block: MarkdownBlock): string | null {
  for (let index = block.headings.length - 1; index >= 0; index--) {
    const owner = sectionOwner(block.headings[index]!.text);
    if (owner.kind === 'class') return owner.name;
    if (owner.kind === 'functions') return null;
  }
  return null;
}

/** Reads a Python block; says how the harvester should treat its lines afterwards. */
async function readPython(state: ReadState, block: MarkdownBlock, code: Code, strict: boolean, read?: PythonBlockFacts): Promise<LineMode | null> {
  const firstLine = (code.position?.start.line ?? 0) + 1;
  const facts = read ?? await readPythonBlock(code.value, firstLine);
  if (strict && (!facts.definesSomething || facts.parseErrorLines.length > 0)) return null;
  const { collector } = state;
  const inResponseSection = block.headings.some((heading) => RESPONSE_HEADING.test(heading.text));
  if (inResponseSection) state.responseSnippets.push({ text: code.value, line: firstLine, summary: block.leadIn });
  // A response sample such as `{"data": <payload>}` is not meant to be Python.
  if (inResponseSection && !facts.definesSomething) return LineMode.Skip;
  collector.stats.pythonBlocks++;
  if (facts.parseErrorLines.length > 0) {
    collector.warn('unparseable', `the Python block at line ${firstLine - 1} does not fully parse (near line ${facts.parseErrorLines[0]}); backsmith read what it could`, firstLine - 1);
  }
  const fileName = layoutFileName(code, block.leadIn);
  if (fileName) collector.layoutFiles.add(fileName);
  for (const cls of facts.classes) collector.addClass(cls);
  for (const [className, entry] of facts.fields) collector.addFields(className, { ...entry, origin: 'code', line: facts.classes.find((cls) => cls.name === className)?.line ?? firstLine });
  for (const fn of facts.functions) collector.addFunction(fn);
  const owner = facts.orphanMethods.length > 0 ? sectionClass(block) : null;
  for (const fn of facts.orphanMethods) {
    if (owner) collector.addMethod(owner, fn);
    else collector.pendingMethods.push({ fn, context: nearbyTexts(state, block) });
  }
  for (const fn of [...facts.functions, ...facts.orphanMethods, ...facts.classes.flatMap((cls) => cls.methods)]) state.coveredLines.push(fn.line);
  collector.stats.signatureSnippets += facts.functions.length + facts.orphanMethods.length + facts.classes.reduce((sum, cls) => sum + cls.methods.length, 0);
  collector.stats.attributedSnippets += facts.functions.length + facts.orphanMethods.length + facts.classes.reduce((sum, cls) => sum + cls.methods.length, 0);
  for (const constant of facts.constants) collector.addConstant(constant);
  for (const entry of facts.imports) state.imports.push({ module: entry.module, level: entry.level, line: entry.designLine });
  return facts.parseErrorLines.length > 0 || !facts.definesSomething ? LineMode.DefinitionsOnly : LineMode.Skip;
}

async function readCode(state: ReadState, block: MarkdownBlock, code: Code): Promise<LineMode> {
  const language = (code.lang ?? '').toLowerCase();
  const { collector } = state;
  const firstLine = (code.position?.start.line ?? 0) + 1;
  const section = `${sectionText(block)} ${block.leadIn}`;
  const interfaces = TYPESCRIPT_LANGUAGES.has(language) || PLAIN_LANGUAGES.has(language) ? pythonFromInterfaces(code.value) : null;
  const diagram = interfaces === null && (DIAGRAM_LANGUAGES.has(language) || PLAIN_LANGUAGES.has(language))
    ? classDiagramStubs(code.value) ?? sequenceDiagramStubs(code.value) ?? pydocStubs(code.value) ?? csvApiStubs(code.value)
    : language === 'csv' ? csvApiStubs(code.value) : null;
  if (interfaces !== null || diagram !== null) {
    const facts = await readPythonBlock(interfaces ?? diagram!.text, firstLine);
    if (diagram) remapLines(facts, (line) => firstLine + (diagram.lineOf[line - firstLine] ?? line - firstLine));
    return (await readPython(state, block, code, false, facts)) ?? LineMode.Skip;
  } else if (PYTHON_LANGUAGES.has(language)) {
    return (await readPython(state, block, code, false)) ?? LineMode.DefinitionsOnly;
  } else if (SHELL_LANGUAGES.has(language)) {
    for (const dependency of dependenciesFromShell(code.value, firstLine)) collector.addDependency(dependency);
  } else if (language === 'requirements' || language === 'pip-requirements' || /requirements\.txt/i.test(section)) {
    for (const dependency of dependenciesFromRequirements(code.value, firstLine)) collector.addDependency(dependency);
  } else if ((language === 'yaml' || language === 'yml') && await readYaml(state, block, code)) {
    return LineMode.Skip;
  } else if (language === 'toml' && tomlApiAsJson(code.value) !== null && await readYaml(state, block, { ...code, value: tomlApiAsJson(code.value)! })) {
    // A TOML API reads as the same structure in JSON, which the YAML reader takes (every entry at the block's line).
    return LineMode.Skip;
  } else if (language === 'json' && (RESPONSE_HEADING.test(section) || isResponseEnvelope(code.value))) {
    state.responseSnippets.push({ text: code.value, line: firstLine, summary: block.leadIn });
  } else if ((language === 'json' || language === 'jsonc') && await readYaml(state, block, code)) {
    // JSON is YAML: an API written as a JSON document (`classes`, `methods`, `exceptions`, `models`) reads the same.
    return LineMode.Skip;
  } else if ((language === 'json' || language === 'jsonc' || language === 'json-schema') && code.value.includes('"properties"')) {
    const models = readJsonSchemaModels(code.value, firstLine);
    for (const model of models) collector.addFields(model.name, { kind: null, fields: model.fields, origin: 'code', line: model.line });
    if (models.length === 0) collector.stats.ignoredBlocks++;
  } else if (TREE_GLYPHS.test(code.value) && (language === '' || language === 'text' || language === 'txt' || language === 'tree' || language === 'plaintext')) {
    const hierarchy = readHierarchyTree(code.value, firstLine);
    for (const declared of hierarchy) collector.declaredExceptions.push(declared);
    if (hierarchy.length === 0) collector.stats.ignoredBlocks++;
  } else if (PLAIN_LANGUAGES.has(language) && signatureStubs(code.value, block.headings[block.headings.length - 1]?.text ?? '') !== null) {
    const stubs = signatureStubs(code.value, block.headings[block.headings.length - 1]?.text ?? '')!;
    return (await readPython(state, block, code, false, await readPythonBlock(stubs, firstLine))) ?? LineMode.Skip;
  } else if (language === '' || language === 'text' || language === 'txt' || language === 'plaintext') {
    // An unlabelled block that parses cleanly as Python definitions is Python; otherwise only its `def` lines count.
    const mode = await readPython(state, block, code, true);
    if (mode !== null) return mode;
    collector.stats.ignoredBlocks++;
    return LineMode.DefinitionsOnly;
  } else {
    // Mermaid diagrams, file trees, JSON samples, other languages: not part of the API.
    collector.stats.ignoredBlocks++;
  }
  return LineMode.Skip;
}

/** A YAML block that describes the API (`classes:`, `functions:`, `exceptions:`, `models:`); false when it does not. */
async function readYaml(state: ReadState, block: MarkdownBlock, code: Code): Promise<boolean> {
  const api = await readYamlApi(code.value, (code.position?.start.line ?? 0) + 1);
  if (!api) return false;
  await readPython(state, block, code, false, api.facts);
  for (const declared of api.exceptions) state.collector.declaredExceptions.push(declared);
  for (const model of api.models) {
    state.collector.addFields(model.name, { kind: modelKindNamedIn(model.kindText), fields: model.fields.map((field) => ({ ...field, line: model.line })), origin: 'code', line: model.line });
  }
  return true;
}

/** A Default cell's value; a dash, "n/a" or "none" (lower case: `None` is a value) says there is none. */
function defaultCell(cell: string | undefined): string | null {
  const text = (cell ?? '').replace(/`/g, '').trim();
  return text === '' || /^(?:[-—–]+|n\/?a|none|required|\(none\)|no default)$/.test(text) ? null : text;
}

/** "(dataclass)", "Pydantic model", "TypedDict": how prose says a model is declared. */
function modelKindNamedIn(text: string): DesignModelKind | null {
  if (/\bdataclass/i.test(text)) return 'dataclass';
  if (/pydantic|BaseModel/i.test(text)) return 'pydantic';
  if (/typeddict|typed dict/i.test(text)) return 'typed-dict';
  if (/namedtuple|named tuple/i.test(text)) return 'named-tuple';
  if (/\benum\b/i.test(text)) return 'enum';
  return null;
}

async function readTableBlock(state: ReadState, block: MarkdownBlock, table: Table): Promise<void> {
  const { collector } = state;
  const { header, rows } = readTable(table);
  let api = apiTableColumns(header);
  // A table split by a page break: the continuation repeats no header, so its first row stands where the
  // header would (`| \`languages\` | — | \`list[str]\` |`); it is read with the columns of the table before.
  const continued = !api && state.lastApiTable && header.length === state.lastApiTable.header.children.length && /^`?[a-z_]\w*(?:\(.*\))?`?$/.test(header[0]!.trim())
    && /`/.test(sourceOf(state.document, table.children[0]!.children[0]!)) ? state.lastApiTable : null;
  if (continued) {
    api = continued.columns;
    table = { ...table, children: [continued.header, ...table.children] };
  }
  if (api) {
    state.lastApiTable = { header: table.children[0]!, columns: api };
    collector.stats.apiTables++;
    const functions = await readApiTable(table, api, (kind, message, line) => collector.warn(kind, message, line));
    const tableClass = functions.find((fn) => fn.className)?.className ?? null;
    for (const fn of functions) {
      if (fn.className === null) collector.addFunction(fn);
      else if (fn.className !== '') collector.addMethod(fn.className, fn);
      else if (tableClass ?? sectionClass(block)) collector.addMethod((tableClass ?? sectionClass(block))!, fn);
      else collector.pendingMethods.push({ fn, context: nearbyTexts(state, block) });
    }
    return;
  }
  if (isMessageTable(header)) {
    collector.stats.messageTables++;
    for (const message of readMessageTable(table, sectionText(block))) collector.addMessage(message);
    return;
  }
  if (isExceptionTable(header, sectionText(block))) {
    for (const declared of readExceptionTable(table)) collector.declaredExceptions.push(declared);
    return;
  }
  // "Lot field | Type": the header may name the model whose fields the rows are.
  const nameColumn = header.findIndex((cell) => /^(constant|name|field|attribute|property)$/i.test(cell) || HEADER_OWNER.test(cell));
  const headerOwner = nameColumn >= 0 ? HEADER_OWNER.exec(header[nameColumn]!)?.[1] : undefined;
  const valueColumn = header.findIndex((cell) => /^(value|default( value)?)$/i.test(cell));
  const typeColumn = header.findIndex((cell) => /^(type|annotation)$/i.test(cell));
  // A method's "**Parameters.**" table (or any table under a signature heading) lists arguments, not a model's fields.
  const argumentsTable = PARAMETER_LABEL.test(block.leadIn) || /[a-z_]\w*\(/.test(block.headings[block.headings.length - 1]?.text ?? '');
  if (!argumentsTable && nameColumn >= 0 && typeColumn >= 0 && (headerOwner || /^(field|attribute|property|name)$/i.test(header[nameColumn]!))) {
    const owner = headerOwner ?? [...block.leadIn.matchAll(/\b([A-Z][a-z]+[A-Za-z0-9]*)\b/g)].map((match) => match[1]!).pop()
      ?? [...(block.headings[block.headings.length - 1]?.text ?? '').matchAll(/\b([A-Z][a-z]+[A-Za-z0-9]*)\b/g)].map((match) => match[1]!).pop();
    if (owner) {
      const fields = rows
        .map((row) => ({ name: (row.cells[nameColumn] ?? '').replace(/`/g, '').trim(), annotation: row.cells[typeColumn]?.replace(/`/g, '').trim() || null, defaultValue: valueColumn >= 0 ? defaultCell(row.cells[valueColumn]) : null, line: row.line }))
        .filter((field) => /^[a-z_]\w*$/.test(field.name));
      const kind = modelKindNamedIn(`${block.headings[block.headings.length - 1]?.text ?? ''} ${block.leadIn}`);
      if (fields.length > 0) collector.addFields(owner, { kind, fields, origin: 'table', line: table.position?.start.line ?? 0 });
      return;
    }
  }
  if (nameColumn >= 0 && valueColumn >= 0) {
    for (const row of rows) state.snippets.push({ text: `${(row.cells[nameColumn] ?? '').replace(/`/g, '')} = ${(row.cells[valueColumn] ?? '').replace(/`/g, '')}`, line: row.line });
    return;
  }
  for (const code of inlineCodes(table)) if (mayBeAssignment(code.text)) state.snippets.push(code);
}

function readProse(state: ReadState, block: MarkdownBlock, node: Nodes): void {
  const { collector } = state;
  const markdown = sourceOf(state.document, node);
  if (STANDARD_LIBRARY_ONLY.test(markdown)) collector.standardLibraryOnly = true;
  const explicit = /\b(?:primary|main|core|central|only) (?:service )?class\b[^`\n]{0,40}`([A-Z]\w*)`|`([A-Z]\w*)`[^`\n]{0,20}\b(?:is the|as the) (?:primary|main|core|only) (?:service )?class/i.exec(markdown);
  if (explicit && !collector.explicitPrimary) collector.explicitPrimary = explicit[1] ?? explicit[2] ?? null;
  const items = node.type === 'list' ? node.children : [node];
  const inDependencies = DEPENDENCY_HEADING.test(block.headings[block.headings.length - 1]?.text ?? '');
  for (const item of items) {
    const itemMarkdown = sourceOf(state.document, item);
    const line = item.position?.start.line ?? block.line;
    collector.codeMappings.push(...readCodeMappings(itemMarkdown, line));
    if (inDependencies && node.type === 'list') {
      const dependency = dependencyFromBullet(itemMarkdown, line);
      if (dependency) collector.addDependency(dependency);
    }
  }
  for (const code of inlineCodes(node)) {
    if (/^[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)*$/.test(code.text) && !PYTHON_TYPE_NAMES.has(code.text)) collector.proseNames.set(code.text, (collector.proseNames.get(code.text) ?? 0) + 1);
    if (mayBeAssignment(code.text)) state.snippets.push(code);
    if (code.text.trim().startsWith('{') && /["']success["']/.test(code.text)) state.responseSnippets.push({ ...code, summary: markdown });
  }
}

/** Marks lines `first`..`last` (1-based) as read: the harvester skips them. */
function markLines(modes: Uint8Array, first: number, last: number): void {
  for (let index = Math.max(0, first - 1); index < last && index < modes.length; index++) modes[index] = LineMode.Skip;
}

/** Marks a code block's lines (fences included) for the prose harvester. */
function markCode(modes: Uint8Array, code: Code, mode: LineMode): void {
  const first = (code.position?.start.line ?? 1) - 1;
  const last = (code.position?.end.line ?? first + 1) - 1;
  for (let index = Math.max(0, first); index <= last && index < modes.length; index++) modes[index] = mode;
}

/** Signatures written in headings, bullets, table cells and broken code, attributed by section; coverage counted. */
async function harvestProse(state: ReadState, modes: Uint8Array): Promise<void> {
  const { collector } = state;
  const prepared = harvestLines(state.sourceLines!, modes);
  const harvest = originalLines(harvestSignatures(prepared.lines, prepared.modes), prepared.lineOf);
  const { placed, examples } = await placeHarvest(harvest, collector);
  collector.stats.signatureSnippets += harvest.signatures.length - examples;
  collector.stats.attributedSnippets += placed;
  const known = new Set([...collector.functions.keys(), ...[...collector.classes.values()].flatMap((cls) => cls.methods.map((method) => method.name)), ...collector.pendingMethods.map((pending) => pending.fn.name)]);
  for (const mention of harvest.mentions) {
    if (known.has(mention.name)) continue;
    known.add(mention.name);
    collector.stats.signatureSnippets++;
    collector.warn('unplaced', `${mention.text} is written like a signature in running text, but no section defines \`${mention.name}\`; not placed`, mention.line);
  }
}

/** Reads a technical design (markdown) into a `DesignSpec`. Never throws on odd input: it warns. */
export async function readDesign(original: string, options: ReadDesignOptions = {}): Promise<DesignSpec> {
  const unwrappedText = unwrapOuterFence(original);
  const { unwrapped } = unwrappedText;
  // `list<int>`, `map<str, int>`: Java-style types read as Python ones, each said in a warning.
  const generics = pythonGenerics(plainCharacters(unwrappedText.text));
  const text = rewriteForeignMarkup(generics.text);
  const document = readMarkdown(text);
  const collector = new DesignCollector(await loadPythonNormalizer());
  for (const [written, rewritten] of generics.rewritten) collector.warn('rewritten', `\`${written}\` is a Java-style type; read as \`${rewritten.python}\``, rewritten.line);
  collector.stats.unwrappedOuterFence = unwrapped;
  const state: ReadState = { collector, document, snippets: [], imports: [], responseSnippets: [], coveredLines: [] };
  state.sourceLines ??= document.source.split('\n');
  const modes = new Uint8Array(state.sourceLines.length);
  for (const block of document.blocks) {
    const { node } = block;
    // "## API v1 (deprecated)": what a retired section lists is not to be built.
    const retired = (text: string) => RETIRED_SECTION.test(text) || OTHER_MODULE_SECTION.test(text);
    if (block.headings.some((heading) => retired(heading.text)) || (node.type === 'heading' && retired(sourceOf(document, node)))) {
      markLines(modes, node.position?.start.line ?? 0, node.position?.end.line ?? 0);
      continue;
    }
    if (node.type === 'code') markCode(modes, node, await readCode(state, block, node));
    else if (node.type === 'table') await readTableBlock(state, block, node);
    else if (node.type === 'paragraph' || node.type === 'list') readProse(state, block, node);
    else if (node.type === 'heading' && STANDARD_LIBRARY_ONLY.test(sourceOf(document, node))) collector.standardLibraryOnly = true;
  }
  if (!document.blocks.some((block) => block.node.type !== 'paragraph')) {
    collector.warn('no-api', 'the design has no markdown structure (no headings, lists, tables or code blocks); is it the right file?', 0);
  }
  for (const line of state.coveredLines) if (line >= 1 && line <= modes.length) modes[line - 1] = LineMode.Skip;
  await harvestProse(state, modes);
  // "`record_peak` is renamed `log_peak`", "`f` should read `f(…)`": corrections apply to all that was read.
  await applyErrata(collector, readErrata(state.sourceLines, modes));
  for (const constant of await constantsFromSnippets(state.snippets)) collector.addConstant(constant);
  collector.responseFormat = await readResponseFormat(state.responseSnippets);
  const title = document.blocks.find((block) => block.node.type === 'heading')?.headings.length === 0
    ? sourceOf(document, document.blocks.find((block) => block.node.type === 'heading')!.node).replace(/^#+\s*/, '').trim()
    : null;
  return finalizeDesign(collector, { source: text, sourceName: options.sourceName ?? 'design.md', title, imports: state.imports });
}

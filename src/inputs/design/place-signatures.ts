import type { DesignCollector } from './design-collector.js';
import type { DesignFunction, DesignModelKind } from './design-types.js';
import { looksLikeExceptionName } from './exception-sources.js';
import type { Harvest, HarvestedSignature } from './harvest-signatures.js';
import { toDesignFunction } from './python-block.js';
import { readPythonOutline } from './read-python-outline.js';

const SELF_NAMES = new Set(['self', 'cls']);
/** `deposit(100.0)`, `buy("AAPL", 5)`: a call with literal arguments, an example rather than a signature. */
const CALL_EXAMPLE = /^(?=.*(?:\d|["']))[\s\w.,'"=+\-]*$/;
/** Sections whose loose signatures are examples or tests, not the API. */
const EXAMPLE_SECTION = /\b(?:tests?|testing|usage|examples?|demo|ejemplos?|uso|pruebas?|walkthrough|scenarios?)\b/i;

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/,\s*$/, '').trim();
}

function definition(signature: HarvestedSignature, withReturns: boolean): string {
  const { name, parameters, returns } = signature.snippet;
  const arrow = withReturns && returns ? ` -> ${oneLine(returns).replace(/`/g, '')}` : '';
  return `def ${name}(${oneLine(parameters)})${arrow}: ...`;
}

function isTyped(fn: { parameters: Array<{ name: string; annotation: string | null }>; returnAnnotation: string | null }): boolean {
  return fn.returnAnnotation !== null || fn.parameters.some((parameter) => parameter.annotation !== null);
}

type Parsed = { fn: NonNullable<Awaited<ReturnType<typeof readPythonOutline>>['functions'][number]>; hasSelf: boolean } | null;

async function parseOne(text: string): Promise<Parsed> {
  const module = await readPythonOutline(`${text}\n`);
  const fn = module.functions[0];
  if (!fn || module.parseErrorLines.length > 0 || module.functions.length !== 1) return null;
  return { fn, hasSelf: SELF_NAMES.has(fn.parameters[0]?.name ?? '') };
}

/** Parses every harvested signature with the Python parser: all at once, then one by one where that fails. */
async function parseAll(signatures: HarvestedSignature[]): Promise<Parsed[]> {
  if (signatures.length === 0) return [];
  const together = await readPythonOutline(`${signatures.map((signature) => definition(signature, true)).join('\n')}\n`);
  if (together.parseErrorLines.length === 0 && together.functions.length === signatures.length) {
    return together.functions.map((fn) => ({ fn, hasSelf: SELF_NAMES.has(fn.parameters[0]?.name ?? '') }));
  }
  return Promise.all(signatures.map(async (signature) => (await parseOne(definition(signature, true))) ?? parseOne(definition(signature, false))));
}

/** The function with where it was read, and the types the bullets under it add where the signature gives none. */
function withSource(fn: DesignFunction, signature: HarvestedSignature): DesignFunction {
  const details = signature.details;
  const parameters = details ? fn.parameters.map((parameter) => ({ ...parameter, annotation: parameter.annotation ?? details.parameterTypes.get(parameter.name) ?? null })) : fn.parameters;
  const external = fn.className === null && signature.external ? { external: true } : {};
  return { ...fn, parameters, returnAnnotation: fn.returnAnnotation ?? details?.returns ?? null, origin: signature.fromCode ? 'code' : 'prose', line: signature.line, ...external };
}

function modelKind(text: string): DesignModelKind | null {
  if (/dataclass/i.test(text)) return 'dataclass';
  if (/pydantic|BaseModel/i.test(text)) return 'pydantic';
  if (/typeddict/i.test(text)) return 'typed-dict';
  if (/named ?tuple/i.test(text)) return 'named-tuple';
  if (/enum/i.test(text)) return 'enum';
  return null;
}

/**
 * Adds what the harvester found to the collector: each signature to the class its section names
 * (signatures written without `self` there are still methods), to the module functions, or to the
 * pending methods when only `self` says it is a method. Returns how many it placed and how many
 * were examples (calls with literal arguments, tests), and warns for each one it could not read.
 */
export async function placeHarvest(harvest: Harvest, collector: DesignCollector): Promise<{ placed: number; examples: number }> {
  for (const declared of harvest.classes) {
    const base = declared.bases[0] ?? null;
    if (declared.exception || looksLikeExceptionName(declared.name) || (base !== null && looksLikeExceptionName(base.split('.').pop()!))) {
      collector.declaredExceptions.push({ name: declared.name, base, codes: [], line: declared.line });
    } else {
      collector.addClass({ name: declared.name, bases: declared.bases, decorators: [], role: 'other', methods: [], description: null, origin: 'prose', line: declared.line });
    }
  }
  for (const declared of collector.declaredExceptions) {
    if (declared.base === null && harvest.sharedExceptionBase && declared.name !== harvest.sharedExceptionBase) declared.base = harvest.sharedExceptionBase;
  }
  for (const model of harvest.models) {
    collector.addFields(model.name, {
      kind: modelKind(model.kindText),
      fields: model.fields.map((field) => ({ name: field.name, annotation: field.annotation, defaultValue: null, line: model.line })),
      origin: 'prose',
      line: model.line,
      ...(model.weak ? { weak: true } : {}),
    });
  }
  const signatures = harvest.signatures.filter((signature) => !signature.mentionOnly);
  const mentions = harvest.signatures.filter((signature) => signature.mentionOnly);
  const parsed = await parseAll(signatures);
  let placed = 0;
  let examples = 0;
  // A signature with no class, no `self` and no functions section may be a method named in passing
  // (an overview list, a UI flow); it is a module function only when no class defines the name.
  const loose: Array<{ signature: HarvestedSignature; fn: DesignFunction }> = [];
  // A one-word heading (`### Vault`) whose section declares `__init__` is a class: its signatures
  // are methods even where they leave `self` out.
  const confirmed = new Set(signatures.filter((signature) => signature.owner.kind === 'maybe-class' && signature.snippet.name === '__init__')
    .map((signature) => (signature.owner as { name: string }).name));
  for (const name of [...harvest.namedClasses, ...collector.classes.keys()]) confirmed.add(name);
  signatures.forEach((signature, index) => {
    const result = parsed[index];
    if (!result && CALL_EXAMPLE.test(signature.snippet.parameters)) {
      examples++;
      return;
    }
    if (signature.inSentence && result && !isTyped(result.fn) && !confirmed.has(signature.snippet.owner!)) {
      collector.warn('unplaced', `\`${signature.snippet.owner}.${signature.snippet.name}(${oneLine(signature.snippet.parameters)})\` is named in running text, but the design defines no class \`${signature.snippet.owner}\` and gives no types; not placed`, signature.line);
      return;
    }
    if (!result) {
      collector.warn('unplaced', `\`${signature.snippet.name}(${oneLine(signature.snippet.parameters)})\` looks like a signature but does not read as Python parameters; not placed`, signature.line);
      return;
    }
    placed++;
    const owner = signature.snippet.owner ?? (signature.owner.kind === 'class' ? signature.owner.name : null)
      ?? (signature.owner.kind === 'maybe-class' && confirmed.has(signature.owner.name) ? signature.owner.name : null);
    if (owner) {
      collector.addMethod(owner, withSource(toDesignFunction(result.fn, owner, 0), signature));
    } else if (result.hasSelf) {
      // `## Reporting` over `visits(self, ...)`: a heading word is not a class unless the design says so elsewhere.
      const heading = signature.owner.kind === 'maybe-class' ? { heading: signature.owner.name } : {};
      collector.pendingMethods.push({ fn: withSource(toDesignFunction(result.fn, '', 0), signature), context: signature.context, ...heading });
    } else if ((signature.owner.kind === 'none' || signature.owner.kind === 'maybe-class') && (/^test_/.test(result.fn.name) || signature.context.some((text) => EXAMPLE_SECTION.test(text)))) {
      examples++;
      placed--;
    } else if (signature.owner.kind === 'none' || signature.owner.kind === 'maybe-class') {
      loose.push({ signature, fn: withSource(toDesignFunction(result.fn, null, 0), signature) });
    } else {
      collector.addFunction(withSource(toDesignFunction(result.fn, null, 0), signature));
    }
  });
  const methodNames = new Set([...collector.classes.values()].flatMap((cls) => cls.methods.map((method) => method.name)));
  for (const { fn } of loose) {
    if (collector.pendingMethods.some((pending) => pending.fn.name === fn.name)) continue;
    if (!methodNames.has(fn.name)) {
      collector.addFunction(fn);
      continue;
    }
    // An overview line restating a method: merged into it (a conflict says which wins) when it says
    // anything; a bare `name()` in a walkthrough only names the method.
    const owners = [...collector.classes.values()].filter((cls) => cls.methods.some((method) => method.name === fn.name));
    const saysSomething = fn.parameters.length > 0 || fn.returnAnnotation !== null;
    if (owners.length === 1 && saysSomething) collector.addMethod(owners[0]!.name, { ...fn, className: owners[0]!.name });
  }
  // A mention names something defined elsewhere in the document, or else an external function.
  for (const mention of mentions) {
    const name = mention.snippet.name;
    const known = collector.functions.get(name);
    const result = methodNames.has(name) || known || collector.pendingMethods.some((pending) => pending.fn.name === name) ? null : await parseOne(definition(mention, true));
    if (known && mention.external) known.external = true;
    if (result) collector.addFunction(withSource(toDesignFunction(result.fn, null, 0), mention));
    if (result || known || methodNames.has(name)) placed++;
    else examples++;
  }
  return { placed, examples };
}

import { formatSignature } from '../conformance/compare-signature.js';
import { wildcardMatches, wildcardText } from '../conformance/message-pattern.js';
import type { DesignFunction, DesignSpec } from '../inputs/design/design-types.js';
import { responseContract } from '../inputs/design/response-contract.js';
import type { StoriesSpec } from '../inputs/stories/story-types.js';
import type { ModuleExpectation } from '../sanitize/module-expectation.js';
import type { ChecklistMessage, SpecChecklist } from './spec-checklist.js';

function receiver(fn: DesignFunction): string[] {
  if (!fn.className || fn.decorators.some((decorator) => /staticmethod$/.test(decorator))) return [];
  return [fn.decorators.some((decorator) => /classmethod$/.test(decorator)) ? 'cls' : 'self'];
}

/** `Class.method(self, a: int = 1) -> R`, or `function(a: int) -> R`, as the design gives it. */
export function designSignature(fn: DesignFunction): string {
  const shape = formatSignature({ parameters: fn.parameters, returnAnnotation: fn.returnAnnotation });
  const self = receiver(fn);
  const parameters = self.length > 0 ? `(${self[0]}${shape.startsWith('()') ? '' : ', '}${shape.slice(1)}` : shape;
  return `${fn.isAsync ? 'async ' : ''}${fn.className ? `${fn.className}.` : ''}${fn.name}${parameters}`;
}

function signatures(design: DesignSpec): string[] {
  const lines: string[] = [];
  for (const model of design.models) {
    const fields = model.fields.map((field) => `${field.name}${field.annotation ? `: ${field.annotation}` : ''}${field.defaultValue !== null ? ` = ${field.defaultValue}` : ''}`);
    lines.push(`${model.name} (${model.kind}): ${fields.join(', ')}`);
  }
  // design/missing-function asks for the others; design/signature-mismatch checks a stand-in of one provided elsewhere.
  for (const fn of design.functions) lines.push(designSignature(fn));
  // design/missing-method checks the methods of every designed class: exceptions and models included,
  // but not a designed `__init__(self)` of a class that is no dataclass, which every plain class has unwritten.
  const dataclasses = new Set(design.models.filter((model) => model.kind === 'dataclass').map((model) => model.name));
  for (const cls of design.classes) {
    for (const method of cls.methods) {
      const implicit = method.name === '__init__' && method.parameters.length === 0 && !dataclasses.has(cls.name) && !cls.decorators.some((decorator) => /(^|\.)dataclass\b/.test(decorator));
      if (!implicit) lines.push(designSignature(method));
    }
  }
  return lines;
}

/** Classes design/missing-class asks for that no signature or model line names: no methods, no fields. */
function bareClasses(design: DesignSpec): string[] {
  const models = new Set(design.models.map((model) => model.name));
  return design.classes.filter((cls) => cls.role !== 'exception' && cls.methods.length === 0 && !models.has(cls.name) && cls.name !== design.primaryClass).map((cls) => cls.name);
}

function messages(design: DesignSpec | null, stories: StoriesSpec | null): ChecklistMessage[] {
  const seen = new Set<string>();
  const result: ChecklistMessage[] = [];
  const add = (template: string, context: string | null) => {
    if (seen.has(template)) return;
    seen.add(template);
    result.push({ text: template, context });
  };
  for (const message of design?.messages ?? []) add(message.template, [message.code, message.method].filter(Boolean).join(', ') || null);
  // A story's concrete message that instantiates a design template adds nothing but length.
  const patterns = result.map((message) => wildcardText(message.text, 'braces'));
  for (const story of stories?.stories ?? []) {
    for (const message of story.messages) {
      const text = wildcardText(message.text, 'braces');
      if (patterns.some((pattern) => wildcardMatches(pattern, text))) continue;
      add(message.template, message.criterionId ? `${story.id} ${message.criterionId}` : story.id);
    }
  }
  return result;
}

/** The prompt's checklist from what the design and stories readers found. */
export function checklistFromSpec(deliverable: string, design: DesignSpec | null, stories: StoriesSpec | null): SpecChecklist {
  return {
    deliverable,
    primaryClass: design?.primaryClass ?? null,
    signatures: design ? signatures(design) : [],
    providedElsewhere: (design?.functions ?? []).filter((fn) => fn.external).map((fn) => fn.name),
    exceptions: (design?.exceptions ?? []).map((exception) => ({ name: exception.name, base: exception.base, codes: exception.codes })),
    classes: design ? bareClasses(design) : [],
    constants: (design?.constants ?? []).map((constant) => (constant.value !== null ? `${constant.name} = ${constant.value}` : constant.name)),
    messages: messages(design, stories),
    response: design ? responseContract(design.responseFormat) : null,
    dependencies: (design?.dependencies ?? []).map((dependency) => dependency.name),
    standardLibraryOnly: design?.standardLibraryOnly ?? false,
  };
}

/** What a reply's code block should define to be taken for the deliverable. */
export function expectationFromDesign(design: DesignSpec | null): ModuleExpectation {
  if (!design) return {};
  return {
    primaryClass: design.primaryClass,
    symbols: [...design.classes.map((cls) => cls.name), ...design.functions.map((fn) => fn.name)].filter((name) => name !== design.primaryClass),
  };
}

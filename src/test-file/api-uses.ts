import { apiClassClosed, apiMember, type ApiSignature } from './known-api.js';
import { argumentMismatch, describeParameters } from './fit-arguments.js';
import type { CallSite } from './read-test-facts.js';
import type { TestFileContext } from './test-file-context.js';

/** A use of the deliverable's API that the design and the module do not support. */
export interface ApiProblem {
  kind: 'unknown' | 'arity';
  line: number;
  column: number;
  /** `ClinicScheduler.book_appointment`, `clinic_booking_scheduler.helper`. */
  symbol: string;
  message: string;
}

const cache = new WeakMap<TestFileContext, ApiProblem[]>();

/** Who defines the API, for messages: `neither the design nor clinic_booking_scheduler`. */
function definers(file: TestFileContext): string {
  if (file.design && file.targetModule) return `neither the design nor ${file.moduleName}`;
  return file.design ? 'the design does not' : `${file.moduleName} does not`;
}

/** The call's arguments against every known signature: a problem only when none fits and all are trusted. */
function arityProblem(signatures: ApiSignature[], call: CallSite, symbol: string): ApiProblem | null {
  if (signatures.length === 0 || signatures.some((signature) => signature === null)) return null;
  const reasons: string[] = [];
  for (const signature of signatures) {
    const reason = argumentMismatch(signature!, call);
    if (reason === null) return null;
    reasons.push(reason);
  }
  const shapes = [...new Set(signatures.map((signature) => describeParameters(signature!)))].join(' or ');
  return { kind: 'arity', line: call.line, column: call.column, symbol, message: `\`${symbol}\` ${reasons[0]}: its signature is ${symbol.split('.').pop()}${shapes}` };
}

function unknownName(file: TestFileContext, name: string, line: number, column: number, how: string): ApiProblem {
  return { kind: 'unknown', line, column, symbol: name, message: `${how} \`${name}\`, which ${definers(file)} define${file.design && file.targetModule ? 's' : ''}` };
}

function checkCall(file: TestFileContext, call: CallSite, problems: ApiProblem[]): void {
  const { api, resolver } = file;
  const { callee } = call;
  if (callee.type === 'attribute') {
    const object = callee.childForFieldName('object');
    const member = callee.childForFieldName('attribute')?.text;
    // A member the file replaces (a stub, `patch.object`) is whatever the file made it.
    if (!object || !member || member.startsWith('__') || file.facts.replacedMembers.has(member)) return;
    const owner = resolver.expression(object, call.scope);
    if (owner?.kind === 'instance' || (owner?.kind === 'api' && api.classes.has(owner.name))) {
      const className = owner.kind === 'instance' ? owner.className : owner.name;
      const cls = api.classes.get(className);
      if (!cls) return;
      const signatures = apiMember(api, cls, member);
      const symbol = `${className}.${member}`;
      if (signatures === null) {
        if (apiClassClosed(api, cls)) problems.push({ kind: 'unknown', line: call.line, column: call.column, symbol, message: `The test file calls \`${symbol}()\`, a method ${definers(file)} define${file.design && file.targetModule ? 's' : ''} on ${className}` });
        return;
      }
      // A method called on the class itself gets `self` from the test; only instance calls are counted.
      if (owner.kind === 'instance') {
        const problem = arityProblem(signatures, call, symbol);
        if (problem) problems.push(problem);
      }
      return;
    }
  }
  const target = resolver.expression(callee, call.scope);
  if (target?.kind !== 'api') return;
  const cls = api.classes.get(target.name);
  const problem = cls ? arityProblem(cls.constructors, call, target.name) : arityProblem(api.functions.get(target.name) ?? [], call, target.name);
  if (problem) problems.push(problem);
}

/** Every use of the deliverable's API in a test file that the design and the module do not support (computed once per file). */
export function apiProblems(file: TestFileContext): ApiProblem[] {
  const known = cache.get(file);
  if (known) return known;
  const problems: ApiProblem[] = [];
  const { api, facts, resolver } = file;
  if (api.known) {
    if (api.closed) {
      for (const entry of file.module.imports) {
        if (!entry.isFrom || entry.module !== file.moduleName || entry.level > 0) continue;
        for (const name of entry.names) if (name !== '*' && !api.names.has(name)) problems.push(unknownName(file, name, entry.line, 1, 'The test file imports'));
      }
      for (const reference of facts.attributes) {
        if (reference.attribute.startsWith('__') || api.names.has(reference.attribute)) continue;
        if (resolver.name(reference.object, reference.scope)?.kind !== 'module') continue;
        const { row, column } = reference.node.startPosition;
        problems.push(unknownName(file, `${file.moduleName}.${reference.attribute}`, row + 1, column + 1, 'The test file uses'));
      }
    }
    for (const call of facts.calls) checkCall(file, call, problems);
  }
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  cache.set(file, problems);
  return problems;
}

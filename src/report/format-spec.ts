import { formatSignature } from '../conformance/compare-signature.js';
import type { DesignException, DesignFunction, DesignSpec } from '../inputs/design/design-types.js';
import type { SpecReport } from '../spec/build-spec-report.js';

function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}

/** Left text, padded, then a right-aligned design line reference. */
function row(text: string, line: number, width: number): string {
  return line > 0 ? `${text.padEnd(width)}  L${line}` : text;
}

function functionRows(functions: DesignFunction[], indent: string): string[] {
  const texts = functions.map((fn) => `${indent}${fn.isAsync ? 'async ' : ''}${fn.name}${formatSignature(fn)}`);
  const width = Math.min(Math.max(...texts.map((text) => text.length), 0), 100);
  const source = (fn: DesignFunction) => (fn.origin === 'code' ? '' : ` (${fn.origin === 'table' ? 'table' : 'text'})`) + (fn.external ? ' (provided elsewhere)' : '');
  return texts.map((text, index) => row(text, functions[index]!.line, width) + source(functions[index]!));
}

function exceptionRows(exceptions: DesignException[]): string[] {
  const names = new Set(exceptions.map((exception) => exception.name));
  const lines: Array<{ text: string; line: number }> = [];
  const visit = (exception: DesignException, depth: number) => {
    const codes = exception.codes.length > 0 ? `  codes: ${exception.codes.length > 6 ? `${exception.codes.slice(0, 6).join(', ')}, … (${exception.codes.length})` : exception.codes.join(', ')}` : '';
    const fallback = exception.defaultCode ? `  default code ${exception.defaultCode}` : '';
    lines.push({ text: `${'  '.repeat(depth + 1)}${exception.name}(${exception.base ?? '?'})${fallback}${codes}`, line: exception.line });
    for (const child of exceptions.filter((other) => other.base === exception.name && other.name !== exception.name)) visit(child, depth + 1);
  };
  for (const root of exceptions.filter((exception) => !exception.base || !names.has(exception.base))) visit(root, 0);
  const width = Math.min(Math.max(...lines.map((entry) => entry.text.length), 0), 100);
  return lines.map((entry) => row(entry.text, entry.line, width));
}

function headerRows(design: DesignSpec, report: SpecReport): string[] {
  const lines = [`backsmith spec: ${design.sourceName}${report.stories ? ` + ${report.stories.sourceName}` : ''}`, ''];
  lines.push(`  Deliverable    ${design.deliverable ?? '(unknown)'}${design.deliverableSource ? `  (${design.deliverableSource})` : ''}`);
  lines.push(`  Primary class  ${design.primaryClass ?? '(none found)'}`);
  const { signatureSnippets, attributedSnippets, unwrappedOuterFence } = design.stats;
  const unplaced = signatureSnippets - attributedSnippets;
  lines.push(`  Understood     ${attributedSnippets} of ${plural(signatureSnippets, 'signature-like snippet')} placed${unplaced > 0 ? `; ${unplaced} could not be (see warnings)` : ''}${unwrappedOuterFence ? '; the outer markdown fence was unwrapped' : ''}`);
  const third = design.dependencies.filter((dependency) => dependency.origin !== 'code-import');
  const imports = design.dependencies.filter((dependency) => dependency.origin === 'code-import').map((dependency) => dependency.name);
  const dependencies = third.map((dependency) => `${dependency.name}${dependency.specifier ?? ''}`).join(', ');
  lines.push(`  Dependencies   ${dependencies || (design.standardLibraryOnly ? 'standard library only' : 'none declared')}${imports.length > 0 ? `; design code imports ${imports.join(', ')}` : ''}`);
  if (design.responseFormat) {
    const { keys, dataOnSuccess, dataOnFailure, line } = design.responseFormat;
    const data = [dataOnSuccess.length > 0 ? `on success data {${dataOnSuccess.join(', ')}}` : '', dataOnFailure.length > 0 ? `on failure data {${dataOnFailure.join(', ')}}` : ''].filter(Boolean);
    lines.push(`  Response       {${keys.join(', ')}}${data.length > 0 ? `; ${data.join('; ')}` : ''}  L${line}`);
  }
  if (design.layoutFiles.length > 0) lines.push(`  Layout         ${design.layoutFiles.join(', ')} (merged into one module)`);
  return lines;
}

function apiRows(design: DesignSpec): string[] {
  const lines: string[] = [];
  const classes = design.classes.filter((cls) => cls.role === 'service' || cls.role === 'other');
  for (const cls of classes) {
    const label = cls.name === design.primaryClass ? 'primary class' : 'class';
    lines.push('', `API: ${label} ${cls.name}${cls.bases.length > 0 ? `(${cls.bases.join(', ')})` : ''}, ${plural(cls.methods.length, 'method')}  L${cls.line}`);
    lines.push(...functionRows(cls.methods, '  '));
  }
  if (design.functions.length > 0) lines.push('', `Functions (${design.functions.length})`, ...functionRows(design.functions, '  '));
  if (classes.length === 0 && design.functions.length === 0) lines.push('', 'API: none found');
  return lines;
}

function modelRows(design: DesignSpec): string[] {
  if (design.models.length === 0) return [];
  const lines = ['', `Models (${design.models.length})`];
  for (const model of design.models) {
    const fields = model.fields.map((field) => `${field.name}${field.annotation ? `: ${field.annotation}` : ''}${field.defaultValue !== null ? ` = ${field.defaultValue}` : ''}`).join(', ');
    const methods = design.classes.find((cls) => cls.name === model.name)?.methods.map((method) => `${method.name}()`) ?? [];
    lines.push(`  ${model.name} (${model.kind})  L${model.line}`, `    ${fields || '(no fields)'}${methods.length > 0 ? `; methods ${methods.join(', ')}` : ''}`);
  }
  return lines;
}

function constantRows(design: DesignSpec): string[] {
  if (design.constants.length === 0) return [];
  const lines = ['', `Constants (${design.constants.length})`];
  let current = ' ';
  for (const constant of design.constants) {
    const value = constant.value !== null && constant.value.length > 40 ? `${constant.value.slice(0, 37)}...` : constant.value;
    const item = `${constant.name} = ${value ?? '?'}`;
    if (current.length + item.length > 96) {
      lines.push(current);
      current = ' ';
    }
    current += ` ${item};`;
  }
  lines.push(current);
  return lines;
}

function messageRows(report: SpecReport): string[] {
  const { design } = report;
  const lines: string[] = [];
  if (design.messages.length > 0) {
    const counts = ['success', 'info', 'warning', 'error'].map((kind) => [kind, design.messages.filter((message) => message.kind === kind).length] as const).filter(([, count]) => count > 0);
    lines.push('', `Design messages (${design.messages.length}: ${counts.map(([kind, count]) => `${count} ${kind}`).join(', ')})`);
    const width = Math.min(Math.max(...design.messages.map((message) => (message.code ?? message.method ?? '').length)), 28);
    for (const message of design.messages) {
      lines.push(`  ${(message.kind ?? '-').padEnd(7)} ${(message.code ?? message.method ?? '').padEnd(width)}  "${message.template}"  L${message.line}`);
    }
  }
  if (report.stories) {
    const { stories } = report.stories;
    const criteria = stories.reduce((sum, story) => sum + story.criteria.length, 0);
    lines.push('', `Stories (${plural(stories.length, 'story', 'stories')}, ${plural(criteria, 'criterion', 'criteria')}, ${plural(report.storyMessages.length, 'message')})`);
    for (const story of stories) {
      lines.push(`  ${story.id} ${story.title}: ${plural(story.criteria.length, 'criterion', 'criteria')}  L${story.line}`);
      for (const link of report.storyMessages.filter((entry) => story.messages.includes(entry.message))) {
        const { message } = link;
        const where = link.designMessage
          ? `  = ${link.designMessage.code ?? link.designMessage.method ?? `design L${link.designMessage.line}`}${link.designMessage.kind && !message.kind ? ` (${link.designMessage.kind})` : ''}`
          : design.messages.length > 0 ? '  (not in design)' : '';
        lines.push(`    ${(message.criterionId ?? '').padEnd(4)} ${message.kind ? `${message.kind}: ` : ''}"${message.text}"${where}`);
      }
    }
  }
  return lines;
}

/** `backsmith spec` for people: what was understood, compact, warnings last. */
export function formatSpecReport(report: SpecReport): string {
  const { design } = report;
  const lines = [...headerRows(design, report), ...apiRows(design)];
  const exceptions = exceptionRows(design.exceptions);
  if (exceptions.length > 0) lines.push('', `Exceptions (${design.exceptions.length})`, ...exceptions);
  lines.push(...modelRows(design), ...constantRows(design), ...messageRows(report));
  if (report.warnings.length > 0) {
    lines.push('', `Warnings (${report.warnings.length})`);
    for (const warning of report.warnings) {
      const file = warning.source === 'stories' ? report.stories?.sourceName ?? 'stories' : warning.source === 'both' ? report.stories?.sourceName ?? 'stories' : design.sourceName;
      lines.push(`  ${warning.line > 0 ? `${file}:${warning.line}` : file}  ${warning.message}`);
    }
  }
  // design/missing-method checks the methods of every designed class, models and exceptions included.
  const methods = design.classes.reduce((sum, cls) => sum + cls.methods.length, 0);
  const parts = [
    plural(design.classes.filter((cls) => cls.role === 'service' || cls.role === 'other').length, 'class', 'classes'), plural(methods, 'method'), plural(design.functions.length, 'function'),
    plural(design.exceptions.length, 'exception'), plural(design.models.length, 'model'), plural(design.constants.length, 'constant'),
    plural(design.messages.length, 'design message'),
    ...(report.stories ? [plural(report.stories.stories.length, 'story', 'stories'), plural(report.storyMessages.length, 'story message')] : []),
    plural(report.warnings.length, 'warning'),
  ];
  lines.push('', `Understood: ${parts.join(', ')}.`);
  return `${lines.join('\n')}\n`;
}

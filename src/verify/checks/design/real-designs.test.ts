import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatSignature } from '../../../conformance/compare-signature.js';
import type { DesignFunction, DesignSpec } from '../../../inputs/design/design-types.js';
import { readDesignFile } from '../../../inputs/design/read-design-file.js';
import { buildCheckContext } from '../../build-context.js';
import { missingMethod } from './missing-method.js';
import { noApi } from './no-api.js';

const REAL_DESIGNS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../shared/real-designs');
const SELF = { name: 'self', kind: 'positional-or-keyword' as const, annotation: null, defaultValue: null };

function definition(fn: DesignFunction, indent: string, isMethod: boolean): string {
  const shape = { parameters: isMethod ? [SELF, ...fn.parameters] : fn.parameters, returnAnnotation: fn.returnAnnotation };
  return `${indent}${fn.isAsync ? 'async ' : ''}def ${fn.name}${formatSignature(shape)}:\n${indent}    ...\n`;
}

/** A module that defines exactly what the design specifies, with `...` bodies. */
function moduleFrom(spec: DesignSpec, drop: string | null = null): string {
  const parts = spec.classes.map((cls) => {
    const bases = cls.bases.length > 0 ? `(${cls.bases.join(', ')})` : '';
    const methods = cls.methods.filter((method) => `${cls.name}.${method.name}` !== drop).map((method) => definition(method, '    ', true));
    return `class ${cls.name}${bases}:\n${methods.length > 0 ? methods.join('\n') : '    pass\n'}`;
  });
  parts.push(...spec.functions.map((fn) => definition(fn, '', false)));
  return parts.join('\n\n');
}

const designs = existsSync(REAL_DESIGNS)
  ? readdirSync(REAL_DESIGNS, { withFileTypes: true }).filter((entry) => entry.isDirectory() && entry.name !== 'gold').map((entry) => entry.name).sort()
  : [];

describe.skipIf(designs.length === 0)('real designs (../shared/real-designs): a module that drops a method is caught', () => {
  it.each(designs.length > 0 ? designs : ['none'])('%s', async (id) => {
    const folder = path.join(REAL_DESIGNS, id);
    const file = readdirSync(folder).find((name) => name.endsWith('.md'))!;
    const spec = await readDesignFile(path.join(folder, file));
    const run = async (source: string) => missingMethod.run({ ...(await buildCheckContext({ source, python: null })), design: spec });
    expect(noApi.run({ ...(await buildCheckContext({ source: '', python: null })), design: spec })).toEqual([]);
    expect(await run(moduleFrom(spec))).toEqual([]);
    const service = spec.classes.find((cls) => cls.name === spec.primaryClass) ?? spec.classes.find((cls) => cls.methods.length > 0)!;
    const victim = service.methods.find((method) => method.name !== '__init__') ?? service.methods[0]!;
    const reports = await run(moduleFrom(spec, `${service.name}.${victim.name}`));
    expect(reports.map((report) => report.symbol)).toEqual([`${service.name}.${victim.name}`]);
  });
});

import { describe, expect, it } from 'vitest';
import { readPythonModule } from './read-module.js';

const SAMPLE = `#!/usr/bin/env python3
"""Doc."""
import os  # standard library

LIMIT = 3


class Empty:
    pass


class Shape(Protocol):
    """A protocol."""

    def area(self) -> float:
        ...


def work(flag: bool) -> None:
    """Work."""
    # TODO: handle the flag
    if flag:
        pass
    ...
`;

describe('module layout facts', () => {
  it('lists comments with their lines', async () => {
    const module = await readPythonModule(SAMPLE);
    expect(module.comments).toEqual([
      { text: '#!/usr/bin/env python3', line: 1, column: 1 },
      { text: '# standard library', line: 3, column: 12 },
      { text: '# TODO: handle the flag', line: 21, column: 5 },
    ]);
  });

  it('lists top-level statements with their expression kinds', async () => {
    const module = await readPythonModule(SAMPLE);
    expect(module.statements.map((statement) => [statement.type, statement.expression, statement.line, statement.hasError])).toEqual([
      ['expression_statement', 'string', 2, false],
      ['import_statement', null, 3, false],
      ['expression_statement', 'assignment', 5, false],
      ['class_definition', null, 8, false],
      ['class_definition', null, 12, false],
      ['function_definition', null, 19, false],
    ]);
    expect(module.statements[2]?.text).toBe('LIMIT = 3');
  });

  it('marks unparseable top-level text', async () => {
    const module = await readPythonModule('Here is the code:\nimport os\n\nThat is all, thanks!\n');
    expect(module.statements.some((statement) => statement.line === 1 && statement.hasError)).toBe(true);
    expect(module.statements.at(-1)).toMatchObject({ line: 4, hasError: true });
  });

  it('marks an annotation on the line after its colon, which CPython rejects', async () => {
    const module = await readPythonModule('Explanation:\n"""Doc."""\nimport os\nx: int = 1\ny: dict[\n    str, int] = {}\n');
    expect(module.statements.map((statement) => [statement.line, statement.column, statement.hasError])).toEqual([
      [1, 1, true], [3, 1, false], [4, 1, false], [5, 1, false],
    ]);
  });

  it('gives statements that start mid-line their column', async () => {
    const module = await readPythonModule("Here's the plan: import os\n");
    expect(module.statements.some((statement) => statement.column > 1)).toBe(true);
  });

  it('lists pass and ... statements with the definition around them', async () => {
    const module = await readPythonModule(SAMPLE);
    expect(module.placeholderStatements).toEqual([
      { kind: 'pass', line: 9, owner: 'Empty', ownerKind: 'class', inOwnerBody: true, ownerBodyIsPlaceholder: true },
      { kind: 'ellipsis', line: 16, owner: 'Shape.area', ownerKind: 'function', inOwnerBody: true, ownerBodyIsPlaceholder: true },
      { kind: 'pass', line: 23, owner: 'work', ownerKind: 'function', inOwnerBody: false, ownerBodyIsPlaceholder: false },
      { kind: 'ellipsis', line: 24, owner: 'work', ownerKind: 'function', inOwnerBody: true, ownerBodyIsPlaceholder: false },
    ]);
  });

  it('gives multi-line strings their end line', async () => {
    const module = await readPythonModule('"""One.\n\nTwo.\n"""\nx = "y"\n');
    expect(module.strings.map((string) => [string.line, string.endLine])).toEqual([[1, 4], [5, 5]]);
  });
});

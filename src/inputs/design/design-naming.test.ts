import { describe, expect, it } from 'vitest';
import { designNaming } from './design-naming.js';
import { statedModuleFile } from './stated-module-file.js';

const fence = '```';

describe('designNaming: the file the design states wins', () => {
  const cases: Array<[string, string, string, string | null, string]> = [
    ['a title that is the file', '# ledger.py\n\nThe ledger keeps entries.\n', 'notes.md', 'ledger.py', 'title'],
    ['a title with words around it', '# Design for `pantry.py` module\n\nIt stores food.\n', 'x_design.md', 'pantry.py', 'title'],
    ['a Spanish title', '# Diseño del módulo `recetas.py`\n\nEl módulo guarda recetas.\n', 'x.md', 'recetas.py', 'title'],
    ['a label line', '# Pantry backend\n\n**Module Name:** `pantry.py`\n', 'x.md', 'pantry.py', 'label'],
    ['a label heading', '# Overview\n\n## Module: `quiz.py`\n\nText.\n', 'x.md', 'quiz.py', 'label'],
    ['a bullet label', '# Overview\n\n- Module name: quiz.py\n- Owner: team\n', 'x.md', 'quiz.py', 'label'],
    ['a sentence', '# Overview\n\nThe `garden.py` module tracks plants.\n', 'x.md', 'garden.py', 'prose'],
    ['a sentence naming the file', '# Overview\n\nBuild one Python module named `Orbit.py` for the game.\n', 'x.md', 'Orbit.py', 'prose'],
    ['the first comment of a code block', `# Overview\n\nText.\n\n${fence}python\n# shelf.py\nclass Shelf:\n    pass\n${fence}\n`, 'x.md', 'shelf.py', 'code-comment'],
    ['the title inside an outer markdown fence', `${fence}markdown\n# kiosk.py\n\nText.\n${fence}\n`, 'x.md', 'kiosk.py', 'title'],
    ['the design file\'s own name', '# Some system\n\nNo file named here.\n', 'wallet.py_design.md', 'wallet.py', 'file-name'],
    ['the text over the design file\'s name', '# Overview\n\nModule: `bank.py`\n', 'wallet.py_design.md', 'bank.py', 'label'],
    ['a test file and the app are not the deliverable', '# Overview\n\nRun `test_bank.py` and `app.py`.\n', 'wallet_technical_design.md', null, ''],
  ];
  it.each(cases)('%s', (_name, source, sourceName, deliverable, origin) => {
    const naming = designNaming(source, sourceName, null, null);
    expect(naming.deliverable).toBe(deliverable);
    if (deliverable) expect(naming.deliverableOrigin).toBe(origin);
    if (deliverable) expect(naming.deliverableSource).toMatch(/^stated in .*(line \d+|_design\.md)$/);
  });

  it('keeps a bare stated name whole: accounts.py, module "accounts", no feature', () => {
    expect(designNaming('# accounts.py\n', 'd.md', null, 'Account')).toMatchObject({ deliverable: 'accounts.py', featureName: null, moduleName: 'accounts' });
    expect(designNaming('# Overview\n\nFeature `library_lending`; file `library_lending_service.py`.\n', 'd.md', null, null))
      .toMatchObject({ deliverable: 'library_lending_service.py', featureName: 'library_lending', moduleName: 'service' });
  });

  it('falls back to [feature]_[module].py, and marks a name made up from the title', () => {
    expect(designNaming('# T\n', 'pond_life_technical_design.md', 'T', 'PondKeeper')).toMatchObject({ deliverable: 'pond_life_keeper.py', deliverableOrigin: 'file-name' });
    expect(designNaming('# Pond Life System\n', 'notes.md', 'Pond Life System', 'PondKeeper')).toMatchObject({ deliverable: 'pond_life_system_keeper.py', deliverableOrigin: 'title-words' });
  });

  it('treats several files named in code comments as a layout, not as the deliverable', () => {
    const source = `# Overview\n\n${fence}python\n# billing.py\nx = 1\n${fence}\n\n${fence}python\n# invoices.py\ny = 2\n${fence}\n`;
    expect(statedModuleFile(source)).toBeNull();
    const sections = '# Overview\n\nDelivered as **`shop_catalog.py`**.\n\n### models.py\n\nText.\n\n### catalog.py\n\nText.\n';
    expect(statedModuleFile(sections)).toMatchObject({ stem: 'shop_catalog', form: 'prose' });
  });

  it('stays linear on hostile text', () => {
    const started = performance.now();
    statedModuleFile(`${'a/'.repeat(200_000)}x\n${'module'.padEnd(200_000, ' ')}\n`);
    designNaming(`Module${' '.repeat(200_000)}x\n`, 'd.md', null, null);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

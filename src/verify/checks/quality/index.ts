import type { Check } from '../../check.js';
import { docstringSections } from './docstring-sections.js';
import { lint } from './lint.js';
import { magicNumber } from './magic-number.js';
import { missingDocstring } from './missing-docstring.js';
import { missingTypeHints } from './missing-type-hints.js';
import { moduleExample } from './module-example.js';
import { placeholder } from './placeholder.js';
import { suppressionComment } from './suppression-comment.js';
import { tooComplex } from './too-complex.js';

/** Checks of the `quality/` category. */
export const qualityChecks: Check[] = [
  missingTypeHints, missingDocstring, docstringSections, moduleExample, placeholder, magicNumber, lint, tooComplex, suppressionComment,
];

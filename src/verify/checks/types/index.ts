import type { Check } from '../../check.js';
import { argumentType } from './argument-type.js';
import { attributeAccess } from './attribute-access.js';
import { notChecked } from './not-checked.js';
import { optionalAccess } from './optional-access.js';
import { other } from './other.js';
import { returnType } from './return-type.js';
import { undefinedName } from './undefined-name.js';

/** Checks of the `types/` category (pyright in basic mode); the first says when pyright could not check at all. */
export const typesChecks: Check[] = [notChecked, argumentType, returnType, undefinedName, optionalAccess, attributeAccess, other];

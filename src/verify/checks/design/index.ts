import type { Check } from '../../check.js';
import { constantValue } from './constant-value.js';
import { deliverableName } from './deliverable-name.js';
import { exceptionBaseMismatch } from './exception-base-mismatch.js';
import { extraPublicMethod } from './extra-public-method.js';
import { missingClass } from './missing-class.js';
import { missingConstant } from './missing-constant.js';
import { missingException } from './missing-exception.js';
import { missingFunction } from './missing-function.js';
import { missingMethod } from './missing-method.js';
import { missingModelField } from './missing-model-field.js';
import { noApi } from './no-api.js';
import { returnTypeMismatch } from './return-type-mismatch.js';
import { signatureMismatch } from './signature-mismatch.js';

/** Checks of the `design/` category: the module against the technical design. */
export const designChecks: Check[] = [
  noApi,
  missingClass,
  missingMethod,
  missingFunction,
  signatureMismatch,
  returnTypeMismatch,
  missingException,
  exceptionBaseMismatch,
  missingModelField,
  missingConstant,
  constantValue,
  extraPublicMethod,
  deliverableName,
];

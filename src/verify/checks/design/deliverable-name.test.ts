import { readDesign } from '../../../inputs/design/read-design.js';
import { testCheck } from '../../test-support/check-tester.js';
import type { CheckContext } from '../../check-context.js';
import { deliverableName } from './deliverable-name.js';

const MODULE = '"""Gym desk."""\n\n\nclass GymDesk:\n    """Desk."""\n';
const API = '```python\nclass GymDesk:\n    def join(self, name: str) -> dict: ...\n```\n';
const LABELLED = `# Gym desk — technical design\n\n**Module:** \`gym_membership_service.py\`\n\n${API}`;

/** A design stating its file (or not), checked against a module saved as `fileName`. */
function designed(designText: string, fileName: string) {
  return async (context: CheckContext): Promise<CheckContext> => ({
    ...context, fileName, path: fileName, design: await readDesign(designText, { sourceName: 'design.md' }),
  });
}

testCheck(deliverableName, {
  prepare: designed(LABELLED, 'gym_membership_service.py'),
  valid: [{ name: 'saved under the stated name', code: MODULE }],
  invalid: [],
});

testCheck(deliverableName, {
  prepare: designed(LABELLED, 'wrong_name.py'),
  valid: [],
  invalid: [{ name: 'saved under another name', code: MODULE, findings: [{ line: 0, messageIncludes: 'the design names the module `gym_membership_service.py`' }] }],
});

testCheck(deliverableName, {
  prepare: designed(`# Gym desk\n\nThe desk API:\n\n${API}`, 'anything.py'),
  valid: [{ name: 'a design that names no file', code: MODULE }],
  invalid: [],
});

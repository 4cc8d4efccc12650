import { describe, expect, it } from 'vitest';
import { pythonArgument } from './early-start.js';

describe('pythonArgument', () => {
  it.each([
    [['verify', 'm.py'], undefined],
    [['verify', 'm.py', '--python', '/usr/bin/python3'], '/usr/bin/python3'],
    [['verify', '--python=/opt/py/bin/python', 'm.py'], '/opt/py/bin/python'],
    [['verify', '--python', 'a', '--python', 'b'], 'b'],
    [['verify', 'm.py', '--python'], undefined],
    [['verify', '--python='], undefined],
    [['verify', '--', '--python', 'x'], undefined],
  ])('reads %j as %j', (args, expected) => {
    expect(pythonArgument(args)).toBe(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../config/config-schema.js';
import { assertKnownCheckIds, assertKnownSelectors, closestSelector, isKnownSelector } from './check-selectors.js';
import { applySelectionFlags } from './selection-options.js';

describe('check selectors', () => {
  it('knows ids and categories with or without the slash', () => {
    for (const selector of ['safety/', 'safety', 'errors/swallowed-exception', 'quality/lint']) expect(isKnownSelector(selector)).toBe(true);
    for (const selector of ['safety/evl', 'saftey/', '', 'quality/lint/']) expect(isKnownSelector(selector)).toBe(false);
  });

  it('names the closest known id', () => {
    expect(closestSelector('errors/swallowed-exceptions')).toBe('errors/swallowed-exception');
    expect(closestSelector('saftey/')).toBe('safety/');
    expect(closestSelector('x'.repeat(10_000))).toBeNull();
  });

  it('suggests nothing when no known id is near what was typed', () => {
    expect(closestSelector('bogus')).toBeNull();
    expect(() => assertKnownSelectors(['bogus'], '--select')).toThrow(/^Unknown check id "bogus" in --select \(see `backsmith checks`\)$/);
    expect(closestSelector('quality/magic-numbers')).toBe('quality/magic-number');
    expect(closestSelector('threading/unlocked')).toBe('threading/unlocked-mutation');
  });

  it('rejects an unknown id with one line naming it and the closest one', () => {
    expect(() => assertKnownSelectors(['safety/', 'threading/unlocked-mutations'], '--ignore')).toThrow(/^Unknown check id "threading\/unlocked-mutations" in --ignore; closest known: "threading\/unlocked-mutation"/);
  });

  it('--select replaces the configuration, --ignore adds to it; the configuration is checked too', () => {
    const config = { ...defaultConfig(), select: ['quality/'], ignore: ['safety/'] };
    expect(applySelectionFlags(config, { select: ['errors/'], ignore: ['deps/'] })).toMatchObject({ select: ['errors/'], ignore: ['safety/', 'deps/'] });
    expect(applySelectionFlags(config, {})).toMatchObject({ select: ['quality/'], ignore: ['safety/'] });
    expect(() => applySelectionFlags({ ...defaultConfig(), ignore: ['qualty/'] }, {})).toThrow(/in the configuration's "ignore"; closest known: "quality\/"/);
    expect(() => applySelectionFlags({ ...defaultConfig(), checks: { include: [], exclude: ['safety/evl'] } }, {})).toThrow(/in the configuration's "checks.exclude"/);
  });

  it('the severity map takes check ids only: a misspelt id or a category is a usage error naming the closest id', () => {
    expect(applySelectionFlags({ ...defaultConfig(), severity: { 'quality/lint': 'warning' } }, {}).severity).toEqual({ 'quality/lint': 'warning' });
    expect(() => applySelectionFlags({ ...defaultConfig(), severity: { 'quality/magic-numbr': 'off' } }, {})).toThrow(/^Unknown check id "quality\/magic-numbr" in the configuration's "severity"; closest known: "quality\/magic-number"/);
    expect(() => assertKnownCheckIds(['quality/lint', 'quality/'], 'x')).toThrow(/"quality\/" in x; closest known: "quality\/\w/);
  });
});

import { describe, expect, it } from 'vitest';
import { JsoncError, readJsonc } from './read-jsonc.js';
import { setJsoncMember } from './set-jsonc-member.js';

const ENTRY = { type: 'stdio', command: 'npx', args: ['backsmith', 'mcp'] };

describe('readJsonc', () => {
  it.each([
    ['line and block comments', '// servers\n{ /* one */ "a": 1 // trailing\n}', { a: 1 }],
    ['trailing commas', '{"a": [1, 2,], "b": {"c": 3,},}', { a: [1, 2], b: { c: 3 } }],
    ['comment markers inside strings', '{"url": "http://x//y", "glob": "a/*b*/"}', { url: 'http://x//y', glob: 'a/*b*/' }],
    ['escaped quotes', '{"a": "say \\"hi\\" // not a comment"}', { a: 'say "hi" // not a comment' }],
    ['a byte order mark', '\ufeff{"a": 1}', { a: 1 }],
  ])('reads %s', (_name, text, value) => {
    expect(readJsonc(text).value).toEqual(value);
  });

  it.each([
    ['{ "a": 1 "b": 2 }', /line 1/],
    ['{\n  "a": 1,\n  /* open\n}', /unclosed \/\* comment at line 3/],
    ['{ "a": \'x\' }', /unexpected "'"/],
    ['{ "a": 1 }}', /./],
  ])('refuses %j with where', (text, message) => {
    expect(() => readJsonc(text)).toThrow(JsoncError);
    expect(() => readJsonc(text)).toThrow(message);
  });

  it('reads a deeply nested file without recursion', () => {
    const deep = `{"a": ${'['.repeat(50_000)}${']'.repeat(50_000)}}`;
    expect(() => readJsonc(deep)).not.toThrow(RangeError);
  });
});

describe('setJsoncMember', () => {
  const VSCODE = `{
  // Servers of this project.
  "servers": {
    "memory": { "command": "npx", "args": ["-y", "mem"] }, // keep me
    /* the database */
    "db": {
      "type": "stdio",
      "command": "db-mcp",
    },
  },
  "inputs": [],
}
`;

  it('adds a member after the last one, keeping comments, trailing commas and the other servers', () => {
    const edited = setJsoncMember(VSCODE, 'servers', 'backsmith', ENTRY);
    expect(edited).toContain('// keep me');
    expect(edited).toContain('/* the database */');
    expect(edited).toContain('    "backsmith": {\n      "type": "stdio",\n      "command": "npx",\n      "args": [\n        "backsmith",\n        "mcp"\n      ]\n    },\n  },');
    expect(readJsonc(edited).value).toEqual({ servers: { memory: { command: 'npx', args: ['-y', 'mem'] }, db: { type: 'stdio', command: 'db-mcp' }, backsmith: ENTRY }, inputs: [] });
  });

  it('replaces an existing member\'s value in place', () => {
    const registered = setJsoncMember(VSCODE, 'servers', 'backsmith', { command: 'old' });
    const edited = setJsoncMember(registered, 'servers', 'backsmith', ENTRY);
    expect(edited).toBe(setJsoncMember(VSCODE, 'servers', 'backsmith', ENTRY));
  });

  it.each([
    ['an object without the key', '{\n  "inputs": []\n}\n', '{\n  "inputs": [],\n  "servers": {\n    "backsmith": {'],
    ['an empty object (on one line, as it stays)', '{}', '{"servers": {"backsmith":{"type":"stdio",'],
    ['an empty servers object', '{ "servers": {} }', '{ "servers": {"backsmith": {"type":"stdio",'],
    ['a one-line file', '{"servers":{"a":{"command":"x"}}}', '{"servers":{"a":{"command":"x"}, "backsmith": {"type":"stdio",'],
    ['tab indentation', '{\n\t"servers": {\n\t\t"a": {}\n\t}\n}', '{\n\t"servers": {\n\t\t"a": {},\n\t\t"backsmith": {\n\t\t\t"type": "stdio",'],
  ])('adds to %s', (_name, text, start) => {
    const edited = setJsoncMember(text, 'servers', 'backsmith', ENTRY);
    expect(edited.startsWith(start)).toBe(true);
    expect((readJsonc(edited).value as { servers: Record<string, unknown> }).servers.backsmith).toEqual(ENTRY);
  });

  it('refuses a top level or a key that is not an object', () => {
    expect(() => setJsoncMember('[]', 'servers', 'backsmith', ENTRY)).toThrow(/top level is not an object/);
    expect(() => setJsoncMember('{"servers": []}', 'servers', 'backsmith', ENTRY)).toThrow(/"servers" is not an object/);
  });
});

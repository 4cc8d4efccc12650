import { describe, expect, it } from 'vitest';
import { MessageIndex, type MessageCandidate } from '../conformance/match-message.js';
import { MessageShortlist } from './message-shortlist.js';

const CANDIDATES: MessageCandidate[] = [
  'Patient registered: Hannah Brooks (ID: P0001).',
  'Patient registered: {name} (ID: {patient_id}).',
  'Patient name is required.',
  'Patient name must be 80 characters or fewer.',
  "Invalid phone number '12-34'. Use 7 to 15 digits.",
  'No practitioners on the roster yet.',
  '{count} practitioner(s) on the roster.',
  '{detail}.',
  'Added 3 x rice to the pantry.',
].map((text, line) => ({ text, line, style: 'braces' as const }));

const TEXTS = [
  'Patient registered: Ravi Menon (ID: P0002).', 'Patient registered: {name} (ID: {pid}).', 'Patient name is required.', 'Patient name is required',
  'Patient name is needed.', 'Patient names must be 80 characters or less.', "Invalid phone number '{bad}'. Use 7 to 15 digits.", "Invalid phone number 'call me'. Use 7-15 digits.",
  'No practitioners on the roster.', '2 practitioner(s) on the roster.', 'Added 3 x rice to pantry.', 'Something else entirely.', 'Appointment ID', '', 'x',
  'Practitioner added: Dr Amara Osei (ID: PR0001) with 18 weekly slot(s).', 'on the roster', '{a} {b}',
];

describe('MessageShortlist', () => {
  const full = new MessageIndex(CANDIDATES);
  const shortlist = new MessageShortlist(CANDIDATES);
  it.each(TEXTS)('gives the verdict MessageIndex gives over every candidate: %j', (text) => {
    const expected = full.match(text);
    const actual = shortlist.match(text);
    expect(actual.status).toBe(expected.status);
    if (expected.status === 'near' && actual.status === 'near') {
      expect(actual.candidate.text).toBe(expected.candidate.text);
      expect(actual.similarity).toBe(expected.similarity);
    }
  });
});

import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAgents } from './list-agents.js';
import { BUILT_IN_AGENT_NAME, loadAgent, loadAgentFile, loadBuiltInAgent } from './load-agent.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const SHARED = path.resolve(REPO, '../shared');
const SEED_AGENT = path.join(SHARED, 'seed', 'python-backend-engineer.agent.md');

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(path.join(tmpdir(), 'backsmith-agents-'));
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('built-in agent', () => {
  it('loads without warnings and states the whole brief', async () => {
    const agent = await loadBuiltInAgent();
    expect(agent).toMatchObject({ name: BUILT_IN_AGENT_NAME, builtIn: true, source: 'built-in', warnings: [] });
    const prompt = agent.prompt.toLowerCase();
    for (const phrase of ['technical design', 'user stories', 'gradio', 'type hints', 'docstring', '`success`', 'character for character',
      'pep 8', 'no placeholders', 'lock', 'src/copilot_genereated/engineering/', '<feature>_<module>.py', 'code fences']) {
      expect(prompt).toContain(phrase);
    }
  });
});

describe('loadAgent', () => {
  it('uses the built-in agent when none is chosen', async () => {
    expect((await loadAgent(undefined, directory)).builtIn).toBe(true);
  });

  it.skipIf(!existsSync(SEED_AGENT))('loads the seed Copilot agent file', async () => {
    const agent = await loadAgentFile(SEED_AGENT);
    expect(agent.name).toBe('python-backend-engineer');
    expect(agent.description).toMatch(/production-ready Python backend modules/);
    expect(agent.prompt).toMatch(/^# Senior Python Backend Engineer/);
    expect(agent.warnings).toEqual([]);
  });

  it('finds agents by path or by name in .github/agents/ and the current folder, listing broken ones', async () => {
    await mkdir(path.join(directory, '.github', 'agents'), { recursive: true });
    await writeFile(path.join(directory, '.github', 'agents', 'reviewer.agent.md'), '---\ndescription: Reviews\n---\nReview.\n');
    await writeFile(path.join(directory, 'local.agent.md'), '---\nname: Local one\ndescription: Local\n---\nLocal.\n');
    await writeFile(path.join(directory, 'broken.agent.md'), 'no front matter\n');
    const listings = await listAgents(directory);
    expect(listings.map((entry) => [entry.name, entry.agent ? 'ok' : 'broken'])).toEqual([
      [BUILT_IN_AGENT_NAME, 'ok'], ['reviewer', 'ok'], ['broken', 'broken'], ['Local one', 'ok'],
    ]);
    expect(listings[2]!.error).toMatch(/no front matter/);
    expect((await loadAgent('reviewer', directory)).description).toBe('Reviews');
    expect((await loadAgent('local.agent.md', directory)).name).toBe('Local one');
    await expect(loadAgent('nobody', directory)).rejects.toThrow(/Agent not found: nobody/);
    await expect(loadAgent('broken', directory)).rejects.toThrow(/^Agent broken \(broken.agent.md\) cannot be used: .*no front matter/);
  });

  it('lists what it cannot use instead of skipping it: a folder named x.agent.md, a broken link, a loop; a link to a file is followed', async () => {
    await mkdir(path.join(directory, 'folder.agent.md'));
    await symlink(path.join(directory, 'gone.md'), path.join(directory, 'dangling.agent.md'));
    await symlink('loop-b.agent.md', path.join(directory, 'loop-a.agent.md'));
    await symlink('loop-a.agent.md', path.join(directory, 'loop-b.agent.md'));
    await mkdir(path.join(directory, 'shared'));
    await writeFile(path.join(directory, 'shared', 'team.md'), '---\ndescription: Team agent\n---\nBe the team.\n');
    await symlink(path.join('shared', 'team.md'), path.join(directory, 'team.agent.md'));
    const listings = await listAgents(directory);
    expect(listings.slice(1).map((entry) => [entry.name, entry.error ?? entry.agent?.description])).toEqual([
      ['team', 'Team agent'],
      ['dangling', `it is a broken link (to ${path.join(directory, 'gone.md')}, which does not exist)`],
      ['folder', 'it is a folder, not a file (an agent is one .agent.md file)'],
      ['loop-a', 'it is a loop of links'],
      ['loop-b', 'it is a loop of links'],
    ]);
    await expect(loadAgent('folder', directory)).rejects.toThrow(/^Agent folder \(folder\.agent\.md\) cannot be used: it is a folder, not a file/);
    expect((await loadAgent('team', directory)).prompt).toBe('Be the team.');
  });
});

import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnBacksmith, type CliRun } from '../src/generate/test-support/fake-server-project.js';
import { anthropicStreamEvents, startAnthropicServer } from '../src/model/test-support/anthropic-wire.js';
import type { FakeServer, ScriptedResponse } from '../src/model/test-support/fake-http-server.js';
import { startConnectProxy } from '../src/model/test-support/connect-proxy.js';
import { startOpenAiCompatibleServer } from '../src/model/test-support/openai-compatible-wire.js';
import { openAiStreamEvents, startOpenAiServer } from '../src/model/test-support/openai-wire.js';
import { REPO_ROOT } from './run-cli.js';

// The bundled example (examples/clinic_booking) generated as a team would: the built binary against
// each provider's fake server on 127.0.0.1, with the replies real models give.
const EXAMPLE = path.join(REPO_ROOT, 'examples', 'clinic_booking');
const FILES = { design: 'clinic_booking_technical_design.md', stories: 'clinic_booking_user_stories.md', tests: 'test_clinic_booking_acceptance.py' };
const GOOD = await readFile(path.join(EXAMPLE, 'clinic_booking_scheduler.py'), 'utf8');
const DELIVERED = 'src/copilot_genereated/engineering/clinic_booking_scheduler.py';
const KEYS = { OPENAI_API_KEY: 'sk-proj-H5realUSEkey-0123456789abcdefXYZ', ANTHROPIC_API_KEY: 'sk-ant-api03-H5realUSEkey-0123456789' };
const CANCELLED = 'MSG_CANCELLED = "Appointment {appointment_id} cancelled."';

let dir = '';
const servers: FakeServer[] = [];
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'backsmith-real-use-'));
  for (const name of Object.values(FILES)) await copyFile(path.join(EXAMPLE, name), path.join(dir, name));
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
  await rm(dir, { recursive: true, force: true });
});

async function serve(start: (responses: ScriptedResponse[]) => Promise<FakeServer>, responses: ScriptedResponse[]): Promise<FakeServer> {
  const server = await start(responses);
  servers.push(server);
  return server;
}
const openAiReply = (text: string): ScriptedResponse => ({ events: openAiStreamEvents(text, { deltaSize: 2000 }) });
const generate = (model: string, baseUrl: string, extra: string[] = []): Promise<CliRun> =>
  spawnBacksmith(['generate', '--design', FILES.design, '--stories', FILES.stories, '--tests', FILES.tests, '--model', model, '--base-url', baseUrl, '--no-types', ...extra], { cwd: dir, env: KEYS });
const lastUserMessage = (body: unknown): string => {
  const content = (body as { messages: { content: string | { text: string }[] }[] }).messages.at(-1)!.content;
  return typeof content === 'string' ? content : content.map((part) => part.text).join('');
};
function expectOneLineError(run: CliRun): string {
  expect(run.code).toBe(2);
  expect(run.stderr).not.toMatch(/^\s+at /m);
  expect(run.stderr + run.stdout).not.toContain('H5realUSEkey');
  return run.stderr.trim().split('\n').at(-1)!;
}

describe('generate on the bundled example, through the built binary', () => {
  it("a proxy's sign-in page at the base URL: one line with what came back, not retried, no key shown", async () => {
    const page = `<!DOCTYPE html><html><head><title>Sign in to Corp Gateway</title></head><body>token=${KEYS.OPENAI_API_KEY}</body></html>`;
    const server = await serve(startOpenAiServer, [{ headers: { 'content-type': 'text/html' }, body: page }]);
    const run = await generate('openai:gpt-4.1', server.baseUrl);
    expect(expectOneLineError(run)).toMatch(/^backsmith: openai:gpt-4\.1: http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions answered HTTP 200 with text\/html \(a page titled "Sign in to Corp Gateway"\), not an event stream: ".*"\. The base URL is probably wrong \(a web page, such as a proxy's sign-in page, not the API\); the run is recorded as /);
    expect(run.stderr).not.toContain('retrying');
    expect(server.requests).toHaveLength(1);
  }, 60_000);

  it('a base URL that is the endpoint itself is refused in one line by generate and by mcp at start', async () => {
    const message = 'backsmith: --base-url ends in the endpoint /chat/completions, which backsmith adds itself: give the base URL, https://api.openai.com/v1.';
    expect(expectOneLineError(await generate('openai:gpt-4.1', 'https://api.openai.com/v1/chat/completions'))).toBe(message);
    const mcp = await spawnBacksmith(['mcp', '--model', 'openai:gpt-4.1', '--base-url', 'https://api.openai.com/v1/chat/completions'], { cwd: dir });
    expect(mcp.stdout).toBe('');
    expect(expectOneLineError(mcp)).toBe(message);
  }, 60_000);

  it('nothing listening at the base URL, or https:// at a plain-http port: one line each, no retries', async () => {
    const closed = await startOpenAiServer([]);
    await closed.close();
    const refused = await generate('ollama:qwen2.5-coder:7b', closed.origin);
    expect(expectOneLineError(refused)).toMatch(/^backsmith: ollama:qwen2\.5-coder:7b: cannot connect to http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions \(ECONNREFUSED\)\. Is the server running and the base URL right\? The run is recorded as [\w-]+ \(backsmith runs show [\w-]+\)\.$/);
    const server = await serve(startOpenAiServer, []);
    const tls = await generate('openai:gpt-4.1', server.baseUrl.replace('http:', 'https:'));
    expect(expectOneLineError(tls)).toMatch(/^backsmith: openai:gpt-4\.1: https:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions does not answer in TLS \(ERR_SSL_WRONG_VERSION_NUMBER\): the base URL probably wants http:\/\/, not https:\/\/; the run is recorded as /);
    expect(tls.stderr).not.toContain('retrying');
  }, 60_000);

  it('behind a corporate proxy (HTTPS_PROXY with a password): the provider is reached through it, the password never shown', async () => {
    const server = await serve(startOpenAiServer, [openAiReply(GOOD)]);
    const proxy = await startConnectProxy(server);
    servers.push({ close: () => proxy.close() } as FakeServer);
    const port = new URL(server.origin).port;
    const proxyUrl = proxy.url.replace('http://', 'http://jdoe:Winter2026-proxy@');
    const run = await spawnBacksmith(['generate', '--design', FILES.design, '--stories', FILES.stories, '--model', 'openai:gpt-4.1', '--base-url', `http://api.provider.invalid:${port}/v1`, '--no-tests', '--no-run', '--no-types'], { cwd: dir, env: { ...KEYS, HTTPS_PROXY: proxyUrl } });
    expect(run.code, run.stderr).toBe(0);
    expect(proxy.tunnels).toEqual([`api.provider.invalid:${port}`]);
    const runs = path.join(dir, '.backsmith', 'runs');
    const recorded = (await readdir(runs, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
    expect(recorded.length).toBeGreaterThan(3);
    for (const file of recorded) expect(await readFile(path.join(file.parentPath, file.name), 'utf8')).not.toContain('Winter2026');
    expect(run.stdout + run.stderr).not.toContain('Winter2026');
  }, 60_000);

  it("anthropic with ANTHROPIC_BASE_URL's convention (the origin, no /v1): a reply cut at the token limit is continued and the module delivered", async () => {
    const cut = Math.floor(GOOD.length * 0.6);
    const server = await serve(startAnthropicServer, [
      { events: anthropicStreamEvents(`\`\`\`python\n${GOOD.slice(0, cut)}`, { stopReason: 'max_tokens', deltaSize: 2000 }) },
      { events: anthropicStreamEvents(`${GOOD.slice(cut)}\`\`\`\n`, { deltaSize: 2000 }) },
    ]);
    const run = await generate('anthropic:claude-sonnet-4-20250514', server.origin);
    expect(run.code, run.stderr).toBe(0);
    expect(server.requests.map((request) => request.path)).toEqual(['/v1/messages', '/v1/messages']);
    expect(run.stderr).toMatch(/reply: [\d,]+ tokens \(stop\), 1 continuation/);
    expect(await readFile(path.join(dir, DELIVERED), 'utf8')).toBe(GOOD);
  }, 120_000);

  it("a draft waiving its errors with '# backsmith: ignore' comments is repaired, and the delivered file carries no waiver", async () => {
    const waived = `# backsmith: ignore-file[stories]\n${GOOD.replace(CANCELLED, `${CANCELLED}  # backsmith: ignore[stories/message-mismatch]`)}`;
    const server = await serve((responses) => startOpenAiCompatibleServer(responses), [openAiReply(waived), openAiReply(GOOD)]);
    const run = await generate('ollama:qwen2.5-coder:7b', server.origin, ['--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ outcome: 'delivered', drafts: [{ round: 0, passed: false }, { round: 1, passed: true }] });
    const repair = lastUserMessage(server.requests[1]!.body);
    expect(repair).toMatch(/quality\/suppression-comment \(line 1[^\n]*`# backsmith: ignore-file\[stories\]` in generated code: [^\n]*it would waive these findings in every later `backsmith verify`/);
    expect(repair).toContain('Remove the `# backsmith:` comment');
    expect(await readFile(path.join(dir, DELIVERED), 'utf8')).not.toContain('backsmith:');
  }, 120_000);

  it('a run stopped by its request budget goes on --from-draft its best draft, as runs show prints it: no first draft paid for twice', async () => {
    const reworded = GOOD.replace(CANCELLED, 'MSG_CANCELLED = "Appointment {appointment_id} has been cancelled."');
    const missing = GOOD.slice(0, GOOD.indexOf('    def cancel_appointment')) + GOOD.slice(GOOD.indexOf('    def join_waiting_list'));
    const server = await serve(startOpenAiServer, [openAiReply(`Here it is:\n\n\`\`\`python\n${missing}\`\`\`\n`), openAiReply(reworded), openAiReply(GOOD)]);
    const stopped = await generate('openai:gpt-4.1', server.baseUrl, ['--max-requests', '2']);
    expect(stopped.code, stopped.stderr).toBe(1);
    expect(stopped.stdout).toMatch(/^ {2}to go on from it rather than start over: the same command with --from-draft \.backsmith\/runs\/[\w-]+\/best-draft\.FAILING\.py$/m);
    const runId = /backsmith runs show ([\w-]+)/.exec(stopped.stdout)![1]!;
    const shown = await spawnBacksmith(['runs', 'show', runId], { cwd: dir });
    const command = /^To go on from it: backsmith (.+)$/m.exec(shown.stdout)![1]!.split(' ');
    expect(command).toEqual(['generate', '--design', path.join(dir, FILES.design), '--stories', path.join(dir, FILES.stories), '--tests', path.join(dir, FILES.tests),
      '--model', 'openai:gpt-4.1', '--from-draft', path.join(dir, '.backsmith', 'runs', runId, 'best-draft.FAILING.py')]);
    const resumed = await spawnBacksmith([...command, '--base-url', server.baseUrl, '--no-types'], { cwd: dir, env: KEYS });
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toMatch(/first draft: \.backsmith\/runs\/[\w-]+\/best-draft\.FAILING\.py \(--from-draft; no model call\)/);
    expect(resumed.stdout).toMatch(/drafts: draft 1 3 error\(s\) → round 1 passed/);
    expect(server.requests).toHaveLength(3);
    expect(lastUserMessage(server.requests[2]!.body)).toContain('stories/message-mismatch');
    expect(await readFile(path.join(dir, DELIVERED), 'utf8')).toBe(GOOD);
  }, 180_000);

  it('--from-draft refuses, in one line before any request, a missing file, --candidates 2 and --dry-run', async () => {
    const server = await serve(startOpenAiServer, []);
    for (const [extra, message] of [
      [['--from-draft', 'missing.py'], `backsmith: Draft (--from-draft) not found: ${path.join(dir, 'missing.py')}. Check the path.`],
      [['--from-draft', FILES.tests, '--candidates', '2'], 'backsmith: --from-draft takes the place of the first drafts, so it cannot be combined with --candidates 2.'],
      [['--from-draft', FILES.tests, '--dry-run'], 'backsmith: --dry-run prints the first prompt, which a run --from-draft never sends (its first draft is the file): drop one of them.'],
    ] as const) {
      const run = await generate('openai:gpt-4.1', server.baseUrl, [...extra]);
      expect(expectOneLineError(run)).toBe(message);
    }
    expect(server.requests).toHaveLength(0);
  }, 60_000);

  it('a repair sent as a diff is not taken for the best draft (it has few findings only because it does not parse): the model is told and sends the file', async () => {
    const reworded = GOOD.replace(CANCELLED, 'MSG_CANCELLED = "Appointment {appointment_id} has been cancelled."');
    const diff = 'The only problem is the message. Here is the fix:\n\n```diff\n--- a/clinic_booking_scheduler.py\n+++ b/clinic_booking_scheduler.py\n@@ -151 +151 @@\n' +
      '-MSG_CANCELLED = "Appointment {appointment_id} has been cancelled."\n+' + CANCELLED + '\n```\n';
    const server = await serve(startOpenAiServer, [openAiReply(reworded), openAiReply(diff), openAiReply(GOOD)]);
    const run = await spawnBacksmith(['generate', '--design', FILES.design, '--stories', FILES.stories, '--model', 'openai:gpt-4.1', '--base-url', server.baseUrl, '--no-tests', '--no-run', '--no-types', '--json'], { cwd: dir, env: KEYS });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ outcome: 'delivered', drafts: [{ round: 0, passed: false }, { round: 1, passed: false }, { round: 2, passed: true }] });
    const second = server.requests[2]!.body as { messages: { role: string; content: string }[] };
    expect(second.messages.at(-2)!.content).toBe(reworded);
    expect(lastUserMessage(second)).toMatch(/^# Your last reply was not used\n\nYour reply in repair round 1 was not valid Python \(a diff, a snippet or a syntax error\), so most checks could not run on it, so this draft is repaired again\. It had \d+ lines against this draft's 922: send the whole file/);
    expect(await readFile(path.join(dir, DELIVERED), 'utf8')).toBe(GOOD);
  }, 120_000);

  it('agents lists a folder named x.agent.md and a broken link with the reason, and follows a link to an agent file', async () => {
    await mkdir(path.join(dir, 'folder.agent.md'));
    await symlink(path.join(dir, 'missing.md'), path.join(dir, 'dangling.agent.md'));
    await writeFile(path.join(dir, 'team.md'), '---\ndescription: Team engineer\n---\nWrite the module.\n');
    await symlink('team.md', path.join(dir, 'team.agent.md'));
    const run = await spawnBacksmith(['agents'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`dangling  ${path.join(dir, 'dangling.agent.md')}\n    unusable: it is a broken link (to ${path.join(dir, 'missing.md')}, which does not exist)\n`);
    expect(run.stdout).toContain(`folder  ${path.join(dir, 'folder.agent.md')}\n    unusable: it is a folder, not a file (an agent is one .agent.md file)\n`);
    expect(run.stdout).toContain(`team  ${path.join(dir, 'team.agent.md')}\n    Team engineer\n`);
    expect(await readdir(dir)).not.toContain('.backsmith');
  }, 60_000);
});

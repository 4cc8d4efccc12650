// backsmith's own time per generate round for the ~900-line clinic_booking example, the model
// taking no time: a scripted model, then a local OpenAI-style SSE server. Two rounds per run: a
// fenced first draft missing a method with a reworded message, then the reference module. The
// sandboxed run is left out (--no-run): it is the sandbox's cost, not the loop's. Also: the
// repair prompt's size relative to the module.
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateModule } from '../dist/generate/generate-module.js';
import { readDesign } from '../dist/inputs/design/index.js';
import { createScriptedModel } from '../dist/model/scripted-model.js';
import { resolveModel } from '../dist/model/resolve-model.js';
import { readPythonModule } from '../dist/python/read-module.js';
import { median, report } from './measure.js';

const EXAMPLE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'examples', 'clinic_booking');
const FILES = { design: 'clinic_booking_technical_design.md', stories: 'clinic_booking_user_stories.md', module: 'clinic_booking_scheduler.py' };
const RUNS = 5;

/** A realistic bad first draft: the primary class's last public method removed, one message reworded, fenced. */
async function flawedDraft(good, design) {
  const module = await readPythonModule(good);
  const service = module.classes.find((cls) => cls.name === design.primaryClass) ?? module.classes.at(-1);
  const method = service.methods.filter((fn) => !fn.name.startsWith('_')).at(-1);
  const lines = good.split('\n');
  let code = [...lines.slice(0, method.line - 1 - method.decorators.length), ...lines.slice(method.endLine)].join('\n');
  const message = design.messages.map((entry) => entry.template.split('{')[0].trim()).find((literal) => literal.length >= 12 && code.includes(literal));
  if (message) code = code.replaceAll(message, `Sorry: ${message.toLowerCase()}`);
  return { code: `Here is the module:\n\n\`\`\`python\n${code}\`\`\`\n\nLet me know if you need changes.\n`, removed: `${service.name}.${method.name}`, reworded: message };
}

function sseServer(replies) {
  let next = 0;
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const text = replies[next++ % replies.length];
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      const base = { id: 'chatcmpl-bench', object: 'chat.completion.chunk', created: 1750000000, model: 'gpt-4.1' };
      for (let start = 0; start < text.length; start += 64) {
        response.write(`data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta: { content: text.slice(start, start + 64) }, finish_reason: null }] })}\n\n`);
      }
      response.write(`data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\n`);
      response.write(`data: ${JSON.stringify({ ...base, choices: [], usage: { prompt_tokens: 9000, completion_tokens: Math.ceil(text.length / 4), total_tokens: 9000 } })}\n\ndata: [DONE]\n\n`);
      response.end();
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function run(project, model) {
  const result = await generateModule({ design: FILES.design, stories: FILES.stories, projectDir: project, model, noRun: true, secrets: [], outDir: 'out' });
  if (result.outcome !== 'delivered' || result.drafts.length !== 2) throw new Error(`bench: unexpected outcome ${result.outcome} (${result.reason})`);
  const record = JSON.parse(await readFile(path.join(result.runDir, 'run.json'), 'utf8'));
  return { record, runDir: result.runDir };
}

export default async function bench() {
  const project = await mkdtemp(path.join(tmpdir(), 'backsmith-bench-generate-'));
  const server = { close: () => undefined };
  try {
    for (const file of [FILES.design, FILES.stories]) await copyFile(path.join(EXAMPLE, file), path.join(project, file));
    const good = await readFile(path.join(EXAMPLE, FILES.module), 'utf8');
    const design = await readDesign(await readFile(path.join(EXAMPLE, FILES.design), 'utf8'), { sourceName: FILES.design });
    const flawed = await flawedDraft(good, design);
    console.log(`module: ${good.split('\n').length} lines, ${good.length.toLocaleString('en-US')} chars; first draft lacks ${flawed.removed}, rewords "${flawed.reworded}"`);

    const perRound = { scripted: [], http: [] };
    const verify = [];
    let last;
    for (let index = 0; index < RUNS + 1; index++) {
      const { record, runDir } = await run(project, createScriptedModel([flawed.code, good]));
      if (index === 0) continue; // warm-up: grammar, Ruff and interpreter start-up
      perRound.scripted.push((record.timings.totalMs - record.timings.modelMs) / record.drafts.length);
      verify.push(...record.drafts.map((draft) => draft.verifyMs));
      last = { record, runDir };
    }
    const http = await sseServer([flawed.code, good]);
    server.close = () => http.close();
    const baseUrl = `http://127.0.0.1:${http.address().port}/v1`;
    for (let index = 0; index < RUNS; index++) {
      const model = resolveModel('openai:gpt-4.1', { env: { OPENAI_API_KEY: 'sk-bench-key-0000', OPENAI_BASE_URL: baseUrl } });
      const { record } = await run(project, model);
      perRound.http.push((record.timings.totalMs - record.timings.modelMs) / record.drafts.length);
    }
    report('generate: non-model time per round, scripted model', perRound.scripted);
    report('generate: non-model time per round, fake SSE server', perRound.http);
    report('generate: of which verification per draft (static)', verify);
    const target = Math.max(median(perRound.scripted), median(perRound.http));
    console.log(`target ≤ 1000 ms of non-model time per round (sandbox excluded): ${target <= 1000 ? 'met' : 'NOT met'} (${target.toFixed(0)} ms)`);

    const repairCall = last.record.calls[1];
    const prompt = await readFile(path.join(last.runDir, repairCall.promptFile), 'utf8');
    const repairMessage = prompt.slice(prompt.lastIndexOf('=== user ===') + '=== user ==='.length).trim();
    const firstPrompt = await readFile(path.join(last.runDir, last.record.calls[0].promptFile), 'utf8');
    const findings = last.record.drafts[0].findings.filter((finding) => finding.severity === 'error').length;
    console.log(`repair prompt (findings + contract): ${repairMessage.length.toLocaleString('en-US')} chars for ${findings} error finding(s) = ${(100 * repairMessage.length / good.length).toFixed(1)}% of the module`);
    console.log(`whole repair request: ${prompt.length.toLocaleString('en-US')} chars = first request (${firstPrompt.length.toLocaleString('en-US')}) + the draft being repaired + the findings (${(prompt.length / firstPrompt.length).toFixed(2)}x the first request)`);
  } finally {
    await server.close();
    await rm(project, { recursive: true, force: true });
  }
}

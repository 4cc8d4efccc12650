// MCP server figures: `verify_module` (no run) on the ~900-line example through the built binary
// over stdio, cold (spawn, handshake, first answer) and warm (the server's workers already started):
// warm on a module edited before each call (a comment line changes: the whole verification runs;
// the budget applies here) and warm on the unchanged module (the server reuses its report).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport, getDefaultEnvironment } from '@modelcontextprotocol/sdk/client/stdio.js';
import { median, report, timeRuns } from './measure.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MODULE = 'examples/clinic_booking/clinic_booking_scheduler.py';
const WARM_CALLS = 15;
const WARM_UP_CALLS = 5;
const BUDGET_MS = 100;

async function start() {
  const transport = new StdioClientTransport({ command: process.execPath, args: [path.join(ROOT, 'bin', 'backsmith.js'), 'mcp'], cwd: ROOT, env: getDefaultEnvironment(), stderr: 'ignore' });
  const client = new Client({ name: 'backsmith-bench', version: '1.0.0' }, { capabilities: {} });
  await client.connect(transport);
  return { client, pid: transport.pid };
}

const SOURCE = readFileSync(path.join(ROOT, MODULE), 'utf8');
let edits = 0;

async function verify(client, edited = false) {
  const target = edited ? { code: `${SOURCE}\n# edit ${edits++}\n`, fileName: path.basename(MODULE) } : { path: MODULE };
  const result = await client.callTool({ name: 'verify_module', arguments: { ...target, run: false } });
  if (result.isError || !result.structuredContent?.modules?.length) throw new Error(`verify_module failed: ${JSON.stringify(result.content)}`);
}

/** CPU time (user + system, ms) the server process has used so far, from /proc; null elsewhere. */
function serverCpuMs(pid) {
  const stat = `/proc/${pid}/stat`;
  if (!pid || !existsSync(stat)) return null;
  const fields = readFileSync(stat, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in clock ticks of 1/100 s
}

export default async function mcpBench() {
  console.log(`module: ${MODULE} (${readFileSync(path.join(ROOT, MODULE), 'utf8').split('\n').length} lines), tool verify_module {run: false}`);
  const cold = await timeRuns(async () => {
    const { client } = await start();
    try {
      await verify(client);
    } finally {
      await client.close();
    }
  }, 3, 0);
  report('cold: spawn `backsmith mcp`, handshake, first verify_module', cold);

  const { client, pid } = await start();
  try {
    for (let call = 0; call < WARM_UP_CALLS; call++) await verify(client, true);
    const cpuBefore = serverCpuMs(pid);
    const warm = await timeRuns(() => verify(client, true), WARM_CALLS, 0);
    const cpuAfter = serverCpuMs(pid);
    report('warm: verify_module, module edited (round trip)', warm);
    if (cpuBefore !== null && cpuAfter !== null) {
      console.log(`${'warm, edited: server CPU time per call (user+system, /proc)'.padEnd(58)} mean ${((cpuAfter - cpuBefore) / WARM_CALLS).toFixed(1)} ms`);
    }
    await verify(client);
    const unchanged = await timeRuns(() => verify(client), WARM_CALLS, 0);
    report('warm: verify_module, module unchanged (report reused)', unchanged);
    console.log(`warm median (edited) ${median(warm) <= BUDGET_MS ? 'within' : 'OVER'} the ${BUDGET_MS} ms budget`);
  } finally {
    await client.close();
  }
}

import { defineCheck, type CheckReport } from '../../check.js';
import { callSites, hiddenCalls, isUnder, quoteCall } from './support/call-sites.js';

/** Modules and functions (canonical names) whose calls talk to the network. */
const NETWORK_APIS = [
  'socket', 'ssl.wrap_socket', 'urllib.request', 'urllib.urlopen', 'urllib3', 'requests', 'httpx', 'aiohttp', 'http.client',
  'http.server', 'ftplib', 'smtplib', 'poplib', 'imaplib', 'nntplib', 'telnetlib', 'xmlrpc.client', 'xmlrpc.server',
  'socketserver', 'websocket', 'websockets', 'paramiko', 'grpc', 'asyncio.open_connection', 'asyncio.start_server',
  'asyncio.open_unix_connection', 'asyncio.start_unix_server', 'webbrowser',
];

/** Network calls that only read local facts. */
const HARMLESS = new Set(['socket.gethostname']);

/** `safety/network`: no sockets, HTTP clients or servers in a self-contained backend module. */
export const network = defineCheck({
  id: 'safety/network',
  category: 'safety',
  severity: 'error',
  description: 'The module must not use the network (socket, urllib.request, http.client, requests, httpx, aiohttp, mail and FTP clients, servers): the brief asks for a self-contained module, and the sandbox blocks network access.',
  fixHint: 'Remove the network call; keep data in memory or take it as a parameter from the UI layer.',
  run(context) {
    const reports: CheckReport[] = [];
    const seen = new Set<string>();
    const sites = callSites(context.module);
    for (const site of sites) {
      const api = NETWORK_APIS.find((name) => isUnder(site.canonical, name));
      if (!api || HARMLESS.has(site.canonical)) continue;
      const key = `${site.call.line}\u0000${site.canonical}`;
      if (seen.has(key)) continue;
      seen.add(key);
      reports.push({ line: site.call.line, symbol: site.symbol, message: `\`${quoteCall(site.call)}\` uses the network (${api}); a self-contained backend module must not` });
    }
    // Nested functions and class bodies too: hiding the call one level down must not hide it.
    for (const call of hiddenCalls(context.module, sites)) {
      const api = NETWORK_APIS.find((name) => isUnder(call.canonical, name));
      if (api && !HARMLESS.has(call.canonical)) reports.push({ line: call.line, symbol: call.symbol, message: `\`${call.canonical}(...)\` uses the network (${api}); a self-contained backend module must not` });
    }
    return reports.sort((a, b) => a.line - b.line);
  },
});

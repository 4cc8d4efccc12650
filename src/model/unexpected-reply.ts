import { escapeTerminal } from '../report/escape-terminal.js';
import { redactSecrets, redactUrl } from './redact-secrets.js';
import type { ReceivedReply } from './tracking-fetch.js';

const EXCERPT_CHARACTERS = 120;

/** Whether a successful reply is a server-sent event stream, by its content type or, without one, its first line. */
function isEventStream(reply: ReceivedReply): boolean {
  const type = reply.contentType.toLowerCase();
  if (type.includes('event-stream')) return true;
  if (type.includes('html')) return false;
  return /^\s*(data|event|id|retry)?:/.test(reply.head);
}

/**
 * Why a stream that never reached its finish event carried no reply at all: the server answered
 * 2xx with something that is not an event stream (a proxy's sign-in page, a web site at the wrong
 * URL, a JSON error with status 200). Undefined when the reply was a stream (then the connection
 * really closed early). The excerpt is redacted, cut and shown with terminal controls escaped.
 */
export function describeUnexpectedReply(reply: ReceivedReply | undefined, label: string, secrets: readonly (string | undefined)[]): string | undefined {
  if (!reply || reply.status < 200 || reply.status >= 300 || isEventStream(reply)) return undefined;
  const clean = (text: string): string => escapeTerminal(redactSecrets(text, secrets).replace(/\s+/g, ' ').trim());
  const html = /html/i.test(reply.contentType) || /^\s*<(!doctype|html|head|body)/i.test(reply.head);
  const title = html ? /<title[^>]*>([^<]{1,200})<\/title>/i.exec(reply.head)?.[1] : undefined;
  const excerpt = clean(reply.head);
  const shown = excerpt.length > EXCERPT_CHARACTERS ? `${excerpt.slice(0, EXCERPT_CHARACTERS)}…` : excerpt;
  const url = redactUrl(reply.url);
  const type = reply.contentType ? clean(reply.contentType.split(';')[0] ?? '') : 'no content type';
  const what = `${url ? `${url} answered` : 'the server answered'} HTTP ${reply.status} with ${type}${title ? ` (a page titled "${clean(title)}")` : ''}, not an event stream`;
  const body = shown ? `: "${shown}"` : ' and an empty body';
  const advice = html
    ? 'the base URL is probably wrong (a web page, such as a proxy\'s sign-in page, not the API)'
    : 'the base URL is probably wrong, or the server does not stream replies';
  return `${label}: ${what}${body}. ${advice[0]!.toUpperCase()}${advice.slice(1)}.`;
}

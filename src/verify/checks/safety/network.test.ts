import { testCheck } from '../../test-support/check-tester.js';
import { network } from './network.js';

testCheck(network, {
  valid: [
    'from urllib.parse import quote\nimport socket\n\n\ndef host() -> str:\n    return socket.gethostname() + quote("a b")\n',
    { name: 'a local function that happens to be called get', code: 'def get(url: str) -> str:\n    return url\n\n\nget("x")\n' },
  ],
  invalid: [
    { name: 'a call hidden in a nested function', code: 'import urllib.request\n\n\ndef fetch() -> None:\n    def inner() -> bytes:\n        return urllib.request.urlopen("https://example.org").read()\n\n    inner()\n', findings: [
      { line: 6, messageIncludes: '`urllib.request.urlopen(...)` uses the network (urllib.request)', symbol: 'fetch' },
    ] },
    { name: 'HTTP clients through every import style', code: `import requests
import urllib.request
import http.client as hc
from httpx import Client
from socket import create_connection as connect


class Feed:
    def pull(self) -> None:
        requests.get("https://example.org", timeout=5)
        urllib.request.urlopen("https://example.org")
        hc.HTTPSConnection("example.org")
        with Client() as client:
            client.get("/")
        connect(("example.org", 80))


sorted([], key=lambda item: requests.head(item))
`, findings: [
      { line: 10, messageIncludes: '`requests.get("https://example.org", timeout=5)` uses the network (requests)', symbol: 'Feed.pull' },
      { line: 11, messageIncludes: '(urllib.request)' },
      { line: 12, messageIncludes: '(http.client)' },
      { line: 13, messageIncludes: '(httpx)' },
      { line: 15, messageIncludes: '(socket)' },
      { line: 18, messageIncludes: '(requests)', symbol: '<module>' },
    ] },
  ],
});

/** Environment variable names whose values are secrets (API keys, tokens, passwords). */
const SECRET_NAME = /(API_?KEY|_KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIALS?)$/i;

/** Values too short to be keys would match ordinary words if redacted. */
const MIN_SECRET_LENGTH = 8;

/** Proxy variables (HTTPS_PROXY…), whose URL may hold a user name and password. */
const PROXY_NAME = /^(https?|all)_proxy$/i;

/** A proxy URL's password, and the URL itself when it holds credentials. */
function proxyCredentials(value: string): string[] {
  try {
    const url = new URL(value);
    return url.password ? [value, decodeURIComponent(url.password)].filter((secret) => secret.length >= MIN_SECRET_LENGTH) : [];
  } catch {
    return [];
  }
}

/** The values of secret-looking environment variables, to be removed from anything backsmith writes. */
export function environmentSecrets(env: NodeJS.ProcessEnv = process.env): string[] {
  const secrets = Object.entries(env)
    .filter(([name, value]) => SECRET_NAME.test(name) && typeof value === 'string' && value.trim().length >= MIN_SECRET_LENGTH)
    .map(([, value]) => value!.trim());
  for (const [name, value] of Object.entries(env)) if (PROXY_NAME.test(name) && value) secrets.push(...proxyCredentials(value.trim()));
  return secrets;
}

/** Environment variable names whose values are secrets (API keys, tokens, passwords). */
const SECRET_NAME = /(API_?KEY|_KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIALS?)$/i;

/** Values too short to be keys would match ordinary words if redacted. */
const MIN_SECRET_LENGTH = 8;

/** The values of secret-looking environment variables, to be removed from anything backsmith writes. */
export function environmentSecrets(env: NodeJS.ProcessEnv = process.env): string[] {
  return Object.entries(env)
    .filter(([name, value]) => SECRET_NAME.test(name) && typeof value === 'string' && value.trim().length >= MIN_SECRET_LENGTH)
    .map(([, value]) => value!.trim());
}

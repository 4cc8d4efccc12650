/** A custom agent read from a GitHub Copilot `.agent.md` file (or backsmith's built-in one). */
export interface AgentDefinition {
  /** `name` from the front matter, else the file name without `.agent.md`. */
  name: string;
  description: string;
  /** The Markdown body: backsmith sends it as the system prompt. */
  prompt: string;
  /** Where it came from: a file path, or `built-in`. */
  source: string;
  builtIn: boolean;
  tools: string[];
  /** Preferred model(s) as the file names them; backsmith's `--model` wins over these. */
  models: string[];
  target: string | null;
  argumentHint: string | null;
  userInvocable: boolean | null;
  disableModelInvocation: boolean | null;
  /** Number of handoffs declared (backsmith runs one agent and does not follow them). */
  handoffCount: number;
  /** Front-matter keys backsmith does not know and ignored. */
  ignoredKeys: string[];
  /** Problems worth telling the user that do not stop the agent from being used. */
  warnings: string[];
}

/** Copilot's limit for an agent body; longer prompts are accepted with a warning. */
export const AGENT_PROMPT_WARN_CHARS = 30_000;

/** File-name suffix of Copilot custom agent files. */
export const AGENT_FILE_SUFFIX = '.agent.md';

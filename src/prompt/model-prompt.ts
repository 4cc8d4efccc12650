import type { ChatMessage } from '../model/language-model.js';

/** A named part of a prompt and its estimated size, to explain what fills the context window. */
export interface PromptSection {
  name: string;
  tokens: number;
}

/** A request's text, ready for `LanguageModel.complete`, with its size estimate. */
export interface ModelPrompt {
  system: string;
  messages: ChatMessage[];
  sections: PromptSection[];
  /** Estimated input tokens of the whole request. */
  estimatedTokens: number;
}

/** An input document quoted into the prompt. */
export interface PromptDocument {
  /** File name shown to the model, e.g. `library_lending_technical_design.md`. */
  name: string;
  text: string;
}

import type { DesignResponseFormat } from './design-types.js';

/** The top-level keys of every response, as the agent contract gives them. */
export const CONTRACT_RESPONSE_KEYS: readonly string[] = ['success', 'message', 'data'];

/** The response every public method must give: the contract's keys, and what the design puts in `data`. */
export interface ResponseContract {
  /** Exactly these top-level keys: `success`, `message`, `data`. */
  keys: string[];
  dataOnSuccess: string[];
  dataOnFailure: string[];
  /** Keys the design writes next to `success` that the contract keeps inside `data`. */
  movedIntoData: string[];
}

/**
 * What the prompt states and the contract checks hold a module to, from one place: the contract's
 * three top-level keys; the design's `data` keys per outcome; its extra top-level keys go in `data`.
 */
export function responseContract(format: DesignResponseFormat | null): ResponseContract {
  return {
    keys: [...CONTRACT_RESPONSE_KEYS],
    dataOnSuccess: format?.dataOnSuccess ?? [],
    dataOnFailure: format?.dataOnFailure ?? [],
    movedIntoData: (format?.keys ?? []).filter((key) => !CONTRACT_RESPONSE_KEYS.includes(key)),
  };
}

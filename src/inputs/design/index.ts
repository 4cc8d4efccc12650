/** The design reader: a technical design (markdown) into a typed `DesignSpec`. */
export { readDesign } from './read-design.js';
export type { ReadDesignOptions } from './read-design.js';
export { readDesignFile, MAX_DOCUMENT_BYTES } from './read-design-file.js';
export { designAllowedImports } from './allowed-imports.js';
export type * from './design-types.js';

import type { DesignSpec } from './design-types.js';

/** Distributions whose import name differs from the package name. */
const IMPORT_NAMES: Record<string, string> = {
  'python-dateutil': 'dateutil', pyyaml: 'yaml', beautifulsoup4: 'bs4', pillow: 'PIL', 'scikit-learn': 'sklearn',
  'python-slugify': 'slugify', 'opencv-python': 'cv2', 'opencv-python-headless': 'cv2', attrs: 'attr',
  'python-dotenv': 'dotenv', 'email-validator': 'email_validator', 'pydantic-settings': 'pydantic_settings',
  'typing-extensions': 'typing_extensions', 'python-multipart': 'multipart', pyjwt: 'jwt', 'protobuf': 'google',
};

/**
 * Top-level module names the design allows the module to import: its declared dependencies
 * (distribution names mapped to import names: `python-dateutil` → `dateutil`) and the modules its
 * own code blocks import. For `deps/third-party-import` (`CheckContext.extraAllowedImports`).
 */
export function designAllowedImports(design: DesignSpec): string[] {
  const names = new Set<string>();
  for (const dependency of design.dependencies) {
    const key = dependency.name.toLowerCase().replace(/_/g, '-');
    const mapped = IMPORT_NAMES[key];
    names.add(mapped ?? dependency.name.replace(/-/g, '_'));
    if (key === 'attrs') names.add('attrs');
  }
  return [...names];
}

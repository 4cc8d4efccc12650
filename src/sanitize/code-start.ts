/**
 * Lines that plausibly begin Python module code at column 0 (docstring, comment, import, definition,
 * decorator, assignment). Used only to tell prose around an unfenced reply from the code itself;
 * whether the code is Python is decided by the parser afterwards.
 */
const CODE_START =
  /^(?:[rRuUbBfF]{0,2}("""|''')|#|import\s+[\w.]+|from\s+[\w.]+\s+import\b|(?:async\s+)?def\s+\w+\s*\(|class\s+\w+\s*[(:]|@[\w.]+|if\s+__name__\s*==|try\s*:|[A-Za-z_][\w.]*\s*(?::\s*[\w.[\], |]+)?\s*=[^=]|[A-Za-z_]\w*\s*:\s*[\w.[\], |]+$)/;

/** Lines that continue a statement begun above, never the start of prose. */
const CONTINUATION = /^(?:[)\]}]|else\s*:|elif\s|except\b|finally\s*:|case\s)/;

/** Whether a column-0 line looks like the start of Python code. */
export function looksLikeCodeStart(line: string): boolean {
  return CODE_START.test(line);
}

/** Whether a column-0 line continues code (a closing bracket, `else:`, `except ...:`). */
export function looksLikeContinuation(line: string): boolean {
  return CONTINUATION.test(line);
}

/** A cell's first character only (no `m` flag, no `$`): a line break later in the cell never hides a formula. */
export const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Neutralises spreadsheet formula injection (OWASP "CSV Injection"): a cell that starts with
 * = + - @, a tab or a carriage return is prefixed with a single quote, so Excel, LibreOffice and
 * Sheets show it as text instead of evaluating it. Apply to every value that came from a cluster.
 */
export function neutralizeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

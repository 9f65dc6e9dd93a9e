/**
 * A spreadsheet opens a cell starting with = + - @ (or tab, carriage return) as a formula; a
 * system name like "=HYPERLINK(…)" must stay text. The OWASP advice: prefix with a quote. Every
 * export (the register, the audit log) writes its cells through this.
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

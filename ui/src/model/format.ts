//! Numbers and dates as a CIO reads them: amounts with thousands separators, dates as ISO
//! YYYY-MM-DD everywhere (never a locale's mm/dd).

// One fixed locale, so the window, the reports and the tests agree whatever the machine's locale.
const AMOUNT = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

/** "1,200,000 EUR": grouped thousands, at most two decimals, the unit after a space when there is one. */
export function formatAmount(amount: number, unit?: string): string {
  const text = AMOUNT.format(amount);
  return unit?.trim() ? `${text} ${unit.trim()}` : text;
}

/**
 * Reads an amount as people type it: "1,200,000", "1 200 000" and "1200000.5" all work.
 * Returns null for anything that is not a finite number >= 0.
 */
export function parseAmount(text: string): number | null {
  const plain = text.replace(/[\s,_\u00a0\u202f]/g, "");
  if (!/^\d+(\.\d+)?$|^\.\d+$/.test(plain)) return null;
  const amount = Number(plain);
  return Number.isFinite(amount) ? amount : null;
}

/** Whether text is a real calendar date written YYYY-MM-DD (2026-02-30 is not). */
export function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

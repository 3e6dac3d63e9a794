//! The roadmap's time axis: whole months from before the earliest date to after the latest
//! (today included), a date's place on it as a fraction of its width, and back. Dates are
//! ISO days (YYYY-MM-DD) read and written in UTC, so no time zone moves a target date.

const DAY_MS = 86_400_000;

const toDay = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const fromDay = (day: number) => new Date(Math.round(day) * DAY_MS).toISOString().slice(0, 10);

/** `iso` moved by `days` (negative: earlier). */
export const shiftDate = (iso: string, days: number) => fromDay(toDay(iso) + days);

/** `iso` moved by whole months, kept to the last day of a shorter month (31 January + 1 = 28 February). */
export function shiftMonths(iso: string, months: number): string {
  const [year, month, day] = iso.split("-").map(Number);
  const first = new Date(Date.UTC(year, month - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(day, last));
  return first.toISOString().slice(0, 10);
}

const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export type Tick = { date: string; label: string; at: number; yearStart: boolean };

export type TimelineScale = {
  start: string;
  end: string;
  /** Where `iso` falls, 0 at `start` and 1 at `end`. */
  at: (iso: string) => number;
  /** The day at a fraction of the width, clamped to the axis. */
  dateAt: (fraction: number) => string;
  /** The first of each month on the axis. */
  months: Tick[];
};

const firstOfMonth = (iso: string) => `${iso.slice(0, 7)}-01`;

/**
 * An axis from the first of the month before the earliest of `dates` and `today` to the first
 * of the second month after the latest: a month of room each side, so nothing sits on an edge.
 */
export function timelineScale(dates: (string | null | undefined)[], today: string): TimelineScale {
  const known = [today, ...dates.filter((d): d is string => !!d)].sort();
  const start = shiftMonths(firstOfMonth(known[0]), -1);
  const end = shiftMonths(firstOfMonth(known[known.length - 1]), 2);
  const from = toDay(start);
  const span = toDay(end) - from;
  const at = (iso: string) => (toDay(iso) - from) / span;
  const dateAt = (fraction: number) => fromDay(from + Math.min(1, Math.max(0, fraction)) * span);
  const months: Tick[] = [];
  for (let month = start; month < end; month = shiftMonths(month, 1)) {
    const index = Number(month.slice(5, 7)) - 1;
    months.push({ date: month, label: MONTH_NAMES[index], at: at(month), yearStart: index === 0 });
  }
  return { start, end, at, dateAt, months };
}

import type { IsoDate } from "../types.js";

/**
 * Nmbrs payroll periods. A company pays per month (12 periods a year), per four weeks (13) or per week (52 or 53),
 * and every period-dated record (functions, departments, managers, cost centers) counts periods in the company's own
 * type: period 5 is May for a monthly company, weeks 17–20 for a four-weekly one and week 5 for a weekly one. Pure.
 */
export type PayrollPeriodType = "month" | "four-weeks" | "week";

/** A payroll period `{ year, period }`, as Nmbrs dates records (SOAP StartYear/StartPeriod, REST `period`). */
export interface PayrollPeriod {
  readonly year: number;
  readonly period: number;
}

/**
 * The period `date` falls in. Weeks are ISO weeks (Monday to Sunday, week 1 holds the year's first Thursday), as
 * Dutch weekly and four-weekly payroll counts them, so 29 December can be period 1 of the next year. Four-week
 * period n is weeks 4n−3 … 4n; week 53 of a long year belongs to period 13, the last of the year.
 */
export function payrollPeriodOf(date: IsoDate, type: PayrollPeriodType): PayrollPeriod {
  const year = Number(date.slice(0, 4));
  if (type === "month") return { year, period: Number(date.slice(5, 7)) };
  const week = isoWeek(date);
  return type === "week" ? week : { year: week.year, period: Math.min(13, Math.ceil(week.period / 4)) };
}

/** Orders periods: negative when `a` is earlier than `b`. */
export function comparePeriods(a: PayrollPeriod, b: PayrollPeriod): number {
  return a.year - b.year || a.period - b.period;
}

const DAY_MS = 86_400_000;

function isoWeek(date: IsoDate): PayrollPeriod {
  const day = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  const weekday = (new Date(day).getUTCDay() + 6) % 7;
  // The Thursday of the date's week decides the ISO year; counting Thursdays from 1 January gives the week.
  const thursday = day + (3 - weekday) * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  return { year, period: Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1 };
}

/** Turns a plant's journal aggregate into the GrowthSummary clients see (pure, unit-tested). */
import type { GrowthAggregate, MeasurementAggregate } from '../db/growth-summary-query.js';

const MS_PER_DAY = 86_400_000;
/** Rates are per 30 days: "cm per month" without calendar-month ambiguity. */
const DAYS_PER_MONTH = 30;

export interface MeasurementTrend {
  measurements: number;
  first: number;
  firstRecordedAt: Date;
  last: number;
  lastRecordedAt: Date;
  change: number;
  perMonth: number | null;
}

export interface GrowthSummary {
  entryCount: number;
  firstRecordedAt: Date | null;
  lastRecordedAt: Date | null;
  height: MeasurementTrend | null;
  width: MeasurementTrend | null;
  leafCount: MeasurementTrend | null;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export function measurementTrend(m: MeasurementAggregate): MeasurementTrend | null {
  if (m.count === 0 || m.first === null || m.last === null || !m.firstAt || !m.lastAt) return null;
  const change = round2(m.last - m.first);
  const days = (m.lastAt.getTime() - m.firstAt.getTime()) / MS_PER_DAY;
  // Under a day apart, a rate would extrapolate noise (two readings of the same afternoon) into huge numbers.
  const perMonth = days >= 1 ? round2((change / days) * DAYS_PER_MONTH) : null;
  return {
    measurements: m.count,
    first: m.first,
    firstRecordedAt: m.firstAt,
    last: m.last,
    lastRecordedAt: m.lastAt,
    change,
    perMonth,
  };
}

export function growthSummary(aggregate: GrowthAggregate | null | undefined): GrowthSummary {
  if (!aggregate)
    return { entryCount: 0, firstRecordedAt: null, lastRecordedAt: null, height: null, width: null, leafCount: null };
  return {
    entryCount: aggregate.entryCount,
    firstRecordedAt: aggregate.firstRecordedAt,
    lastRecordedAt: aggregate.lastRecordedAt,
    height: measurementTrend(aggregate.measurements.heightCm),
    width: measurementTrend(aggregate.measurements.widthCm),
    leafCount: measurementTrend(aggregate.measurements.leafCount),
  };
}

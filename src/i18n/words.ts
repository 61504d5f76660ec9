// Words both the messages and the documents use, in each language (docs/glossary.md).
import type { PeriodKind } from '../domain/types.js';
import type { Lang } from './lang.js';

/** A kind of period as a noun: năm, 6 tháng, quý, tháng. */
export const PERIOD_NOUN: Record<Lang, Record<PeriodKind, string>> = {
  vi: { year: 'năm', half: '6 tháng', quarter: 'quý', month: 'tháng' },
  en: { year: 'year', half: 'half-year', quarter: 'quarter', month: 'month' },
};

// The policy schema: presets and inline policies are validated by the same rules.
import { z } from 'zod';
import { Count, Id, PeriodKind, Positive, QuotaList, Text, coded } from '../schema/primitives.js';

export const RoleInput = z.strictObject({
  quota: QuotaList,
  report_due_days: Count('days').optional(),
  label: z.strictObject({ vi: Text.optional(), en: Text.optional() }).optional(),
});

const Words = z.strictObject({ vi: Text, en: Text });

/** A regulation's periodic report (issue 10): when it is due and its template's fields, as the document sets them. */
export const ReportInput = z.strictObject({
  id: Id,
  title: Words,
  /** Where the document sets the report and its template. */
  article: Text,
  /** One report per visit, or per period of this kind. */
  each: z.enum(['visit', 'year', 'half', 'quarter', 'month'], {
    error: coded('value.not-choice', { choices: 'visit, year, half, quarter, month' }),
  }),
  /** Who writes it: each member, or each unit for its cells (an aggregate). Default member. */
  by: z.enum(['member', 'unit'], { error: coded('value.not-choice', { choices: 'member, unit' }) }).optional(),
  /** The roles whose visits it covers; default every role. */
  roles: z.array(Id).optional(),
  /** Period reports: due by this day of the period's last month (the last day when the month is shorter). */
  due_day: z
    .number({ error: coded('value.not-day-of-month') })
    .int({ error: coded('value.not-day-of-month') })
    .min(1, { error: coded('value.not-day-of-month') })
    .max(31, { error: coded('value.not-day-of-month') })
    .optional(),
  /** Visit reports: due this many days after the visit; default the role's report_due_days. */
  due_after_days: Count('days').optional(),
  sections: z
    .array(
      z.strictObject({
        title: Words.optional(),
        fields: z
          .array(
            z.strictObject({
              vi: Text,
              en: Text,
              /** `visits`: lichdu fills in the visits (date, time, cell, unit) the report covers. */
              fill: z.enum(['visits'], { error: coded('value.not-choice', { choices: 'visits' }) }).optional(),
            }),
          )
          .min(1, { error: coded('policy.empty-section') }),
      }),
    )
    .min(1, { error: coded('policy.empty-report') }),
});

export const SourceInput = z.strictObject({
  number: Text,
  date: Text,
  issuer: Text,
  title: Text,
  articles: z.array(Text),
});

export const PolicyInput = z.strictObject({
  id: Id,
  extends: Id.optional(),
  title: Text.optional(),
  source: SourceInput.optional(),
  notes: z.array(Text).optional(),
  roles: z.record(Id, RoleInput).optional(),
  reports: z.array(ReportInput).optional(),
  coverage: z
    .strictObject({ min: Count('visits'), max: Count('visits').optional(), per: PeriodKind })
    .refine((c) => c.max === undefined || c.max >= c.min, {
      error: coded('value.max-below-min'),
      path: ['max'],
    })
    .optional(),
  max_visitors_per_meeting: Positive('visitors').optional(),
  max_per_team_per_meeting: Positive('visitors').optional(),
  no_consecutive: z.boolean({ error: coded('value.not-boolean') }).optional(),
  skip_home_cell: z.boolean({ error: coded('value.not-boolean') }).optional(),
  max_visits_per_day: Positive('visits').optional(),
  priority: z
    .record(
      z.string().min(1),
      z.number({ error: coded('value.not-number') }).min(0, { error: coded('value.negative') }),
    )
    .optional(),
});
export type PolicyInput = z.infer<typeof PolicyInput>;

// The policy schema: presets and inline policies are validated by the same rules.
import { z } from 'zod';
import { Count, Id, PeriodKind, Positive, QuotaList, Text } from '../spec/primitives.js';

export const RoleInput = z.strictObject({
  quota: QuotaList,
  report_due_days: Count('days').optional(),
  label: z.strictObject({ vi: Text.optional(), en: Text.optional() }).optional(),
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
  coverage: z
    .strictObject({ min: Count('visits'), max: Count('visits').optional(), per: PeriodKind })
    .refine((c) => c.max === undefined || c.max >= c.min, {
      error: (i) => {
        const c = i.input as { min: number; max: number };
        return `max ${c.max} is below min ${c.min}: a cell cannot need more visits than it may have; raise max`;
      },
      path: ['max'],
    })
    .optional(),
  max_visitors_per_meeting: Positive('visitors').optional(),
  max_per_team_per_meeting: Positive('visitors').optional(),
  no_consecutive: z.boolean({ error: 'expected true or false' }).optional(),
  skip_home_cell: z.boolean({ error: 'expected true or false' }).optional(),
  max_visits_per_day: Positive('visits').optional(),
  priority: z
    .record(
      z.string().min(1),
      z.number({ error: 'expected a number (weight)' }).min(0, { error: 'a weight must not be negative' }),
    )
    .optional(),
});
export type PolicyInput = z.infer<typeof PolicyInput>;

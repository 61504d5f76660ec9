// Distinct ways to get a spec wrong, and the problems the user is told of (file name spec.yaml).
import { cell, member, spec, unit } from '../builders.js';

type Obj = Record<string, unknown>;
const base = () => spec();
const withMember = (m: Obj) => spec({ members: [member({ id: 'm1' }), m] });
const withCell = (c: Obj) => spec({ cells: [cell({ id: 'c1' }), c] });

/** A problem as data: where (the path, as the message writes it), its code and its parameters. */
export interface Expected {
  readonly at: string;
  readonly code: string;
  readonly params: Record<string, string | number>;
}

// Each case: a distinct way to get a spec wrong, and the problems it gives — codes and parameters (issue 23); the
// rendered text of a few is held in both languages by test/spec/load.test.ts.
export const BAD: Array<[string, unknown, Expected[]]> = [
  ['not a mapping', [1, 2], [{ at: '', code: 'spec.not-mapping', params: {} }]],
  ['year missing', { ...base(), year: undefined }, [{ at: 'year', code: 'value.required', params: {} }]],
  [
    'year as text',
    { ...base(), year: '2027' },
    [{ at: 'year', code: 'value.wrong-type', params: { value: '"2027"', expected: 'number' } }],
  ],
  ['year implausible', { ...base(), year: 1975 }, [{ at: 'year', code: 'value.not-year', params: { value: '1975' } }]],
  [
    'unknown top-level key (typo)',
    { ...base(), member: [] },
    [
      {
        at: 'member',
        code: 'value.unknown-key',
        params: {
          key: 'member',
          near: 'members',
          allowed: 'year, timezone, policy, holidays, meeting_defaults, units, cells, members, fixed',
        },
      },
    ],
  ],
  [
    'units missing',
    { ...base(), units: undefined },
    [{ at: 'units', code: 'spec.no-list', params: { value: '', key: 'units' } }],
  ],
  [
    'cells empty',
    { ...base(), cells: [] },
    [{ at: 'cells', code: 'spec.empty-list', params: { value: '[]', key: 'cells' } }],
  ],
  [
    'members not a list',
    { ...base(), members: 'm1' },
    [{ at: 'members', code: 'spec.no-list', params: { value: '"m1"', key: 'members' } }],
  ],
  ['policy missing', { ...base(), policy: undefined }, [{ at: 'policy', code: 'spec.policy-required', params: {} }]],
  [
    'unknown policy preset',
    spec({ policy: 'kontum-767' }),
    [
      {
        at: 'policy',
        code: 'policy.unknown-preset',
        params: { id: 'kontum-767', near: 'kontum-776', known: 'hoabinh-08, kontum-776, plan-002, quydinh-1120' },
      },
    ],
  ],
  [
    'inline policy without roles',
    spec({ policy: { id: 'p' } }),
    [{ at: 'policy.roles', code: 'policy.no-roles', params: {} }],
  ],
  [
    'inline policy with a bad period',
    spec({ policy: { id: 'p', roles: { commune: { quota: { min: 1, per: 'week' } } } } }),
    [
      {
        at: 'policy.roles.commune.quota[0].per',
        code: 'value.not-period',
        params: { value: '"week"', choices: 'year, half, quarter, month' },
      },
    ],
  ],
  [
    'inline policy max below min',
    spec({ policy: { id: 'p', roles: { commune: { quota: [{ min: 3, max: 1, per: 'year' }] } } } }),
    [
      {
        at: 'policy.roles.commune.quota[0].max',
        code: 'value.max-below-min',
        params: { value: '{"min":3,"max":1,"per":"year"}' },
      },
    ],
  ],
  [
    'inline policy extends an unknown preset',
    spec({ policy: { id: 'p', extends: 'plan-02' } }),
    [
      {
        at: 'policy.extends',
        code: 'policy.unknown-preset',
        params: { id: 'plan-02', near: 'plan-002', known: 'hoabinh-08, kontum-776, plan-002, quydinh-1120' },
      },
    ],
  ],
  [
    'unknown time zone',
    { ...base(), timezone: 'Asia/Hanoi' },
    [{ at: 'timezone', code: 'value.unknown-zone', params: { value: '"Asia/Hanoi"', example: 'Asia/Ho_Chi_Minh' } }],
  ],
  [
    'holidays setting unknown',
    spec({ holidays: 'vietnam' }),
    [{ at: 'holidays', code: 'spec.bad-holidays', params: { value: '"vietnam"' } }],
  ],
  [
    'holiday outside the year',
    spec({ holidays: { preset: 'vn', add: ['2026-12-31'] } }),
    [{ at: 'holidays.add[0]', code: 'spec.outside-year', params: { what: 'date', date: '2026-12-31', year: 2027 } }],
  ],
  [
    'holiday not a date',
    spec({ holidays: ['2027-02-30'] }),
    [{ at: 'holidays[0]', code: 'value.not-date-or-range', params: { value: '"2027-02-30"' } }],
  ],
  [
    'duplicate unit id',
    spec({ units: [unit({ id: 'tinh' }), unit({ id: 'xa1', parent: 'tinh' }), unit({ id: 'xa1', parent: 'tinh' })] }),
    [{ at: 'units[2].id', code: 'spec.duplicate-id', params: { id: 'xa1', key: 'units', first: 1 } }],
  ],
  [
    'unknown parent',
    spec({ units: [unit({ id: 'tinh' }), unit({ id: 'xa1', parent: 'tihn' })] }),
    [{ at: 'units[1].parent', code: 'spec.unknown-ref', params: { kind: 'unit', id: 'tihn', near: 'tinh' } }],
  ],
  [
    'cycle in the unit tree',
    spec({ units: [unit({ id: 'tinh', parent: 'xa1' }), unit({ id: 'xa1', parent: 'tinh' })] }),
    [{ at: 'units[0].parent', code: 'spec.unit-cycle', params: { cycle: 'tinh → xa1 → tinh' } }],
  ],
  [
    'unit is its own parent',
    spec({ units: [unit({ id: 'tinh', parent: 'tinh' }), unit({ id: 'xa1', parent: 'tinh' })] }),
    [{ at: 'units[0].parent', code: 'spec.own-parent', params: { id: 'tinh' } }],
  ],
  [
    'id with a space',
    withCell(cell({ id: 'thon 2' })),
    [{ at: 'cells[1].id', code: 'value.not-id', params: { value: '"thon 2"' } }],
  ],
  [
    'cell of an unknown unit',
    withCell(cell({ id: 'c2', unit: 'xa-1' })),
    [{ at: 'cells[1].unit', code: 'spec.unknown-ref', params: { kind: 'unit', id: 'xa-1', near: 'xa1' } }],
  ],
  [
    'duplicate cell id',
    withCell(cell({ id: 'c1' })),
    [{ at: 'cells[1].id', code: 'spec.duplicate-id', params: { id: 'c1', key: 'cells', first: 0 } }],
  ],
  [
    'bad meeting time',
    withCell(cell({ id: 'c2', meeting: { time: '7:30pm' } })),
    [{ at: 'cells[1].meeting.time', code: 'value.not-time', params: { value: '"7:30pm"' } }],
  ],
  [
    'meeting day 0',
    withCell(cell({ id: 'c2', meeting: { day: 0 } })),
    [{ at: 'cells[1].meeting.day', code: 'value.not-day', params: { value: '0' } }],
  ],
  [
    'bad shift rule',
    withCell(cell({ id: 'c2', meeting: { shift: 'weekends' } })),
    [
      {
        at: 'cells[1].meeting.shift',
        code: 'value.not-choice',
        params: { value: '"weekends"', choices: 'holidays, holidays-and-weekends, none' },
      },
    ],
  ],
  [
    'unknown key in a cell (typo)',
    withCell({ ...cell({ id: 'c2' }), allow_consecutve: true }),
    [
      {
        at: 'cells[1].allow_consecutve',
        code: 'value.unknown-key',
        params: {
          key: 'allow_consecutve',
          near: 'allow_consecutive',
          allowed: 'id, name, unit, tags, meeting, meetings, allow_consecutive, active',
        },
      },
    ],
  ],
  [
    'explicit meeting outside the year',
    withCell(cell({ id: 'c2', meetings: { '2026-12': '2026-12-05' } })),
    [{ at: 'cells[1].meetings["2026-12"]', code: 'spec.month-outside-year', params: { month: '2026-12', year: 2027 } }],
  ],
  [
    'explicit meetings out of order',
    withCell(cell({ id: 'c2', meetings: { '2027-02': '2027-03-20' } })),
    [
      {
        at: 'cells[1].meetings["2027-02"]',
        code: 'spec.meetings-out-of-order',
        params: {
          first: 2,
          firstDate: '2027-03-20',
          firstSet: 'explicit',
          second: 3,
          secondDate: '2027-03-05',
          secondSet: 'rule',
        },
      },
    ],
  ],
  [
    'holiday shift makes two meetings collide',
    withCell(cell({ id: 'c2', meeting: { day: 'last' }, meetings: { '2027-05': '2027-05-03' } })),
    [
      {
        at: 'cells[1].meetings["2027-05"]',
        code: 'spec.meetings-out-of-order',
        params: {
          first: 4,
          firstDate: '2027-05-03',
          firstSet: 'rule',
          second: 5,
          secondDate: '2027-05-03',
          secondSet: 'explicit',
        },
      },
    ],
  ],
  [
    'tag with a space',
    withCell(cell({ id: 'c2', tags: ['vùng sâu'] })),
    [{ at: 'cells[1].tags[0]', code: 'value.not-tag', params: { value: '"vùng sâu"' } }],
  ],
  [
    'unknown role',
    withMember(member({ id: 'm2', role: 'comune' })),
    [
      {
        at: 'members[1].role',
        code: 'spec.unknown-role',
        params: { role: 'comune', near: 'commune', policy: 'kontum-776', roles: 'province, district, commune' },
      },
    ],
  ],
  [
    'unknown area unit',
    withMember(member({ id: 'm2', area: ['xa1', 'xa-1'] })),
    [{ at: 'members[1].area[1]', code: 'spec.unknown-ref', params: { kind: 'unit', id: 'xa-1', near: 'xa1' } }],
  ],
  [
    'unknown home cell',
    withMember(member({ id: 'm2', home_cell: 'c3' })),
    [{ at: 'members[1].home_cell', code: 'spec.unknown-ref', params: { kind: 'cell', id: 'c3', near: 'c1' } }],
  ],
  [
    'unknown member unit',
    withMember(member({ id: 'm2', unit: 'tinh2' })),
    [{ at: 'members[1].unit', code: 'spec.unknown-ref', params: { kind: 'unit', id: 'tinh2', near: 'tinh' } }],
  ],
  [
    'duplicate member id',
    withMember(member({ id: 'm1' })),
    [{ at: 'members[1].id', code: 'spec.duplicate-id', params: { id: 'm1', key: 'members', first: 0 } }],
  ],
  [
    'duplicate member id on an entry with another problem',
    withMember(member({ id: 'm1', role: 'bogus' })),
    [
      { at: 'members[1].id', code: 'spec.duplicate-id', params: { id: 'm1', key: 'members', first: 0 } },
      {
        at: 'members[1].role',
        code: 'spec.unknown-role',
        params: { role: 'bogus', near: '', policy: 'kontum-776', roles: 'province, district, commune' },
      },
    ],
  ],
  [
    'duplicate member id on an entry whose shape is broken',
    withMember({ id: 'm1', role: 'commune', unit: 'xa1', name: 'Tên', quota: 'x' }),
    [
      { at: 'members[1].quota', code: 'value.not-quota', params: { value: '"x"' } },
      { at: 'members[1].id', code: 'spec.duplicate-id', params: { id: 'm1', key: 'members', first: 0 } },
    ],
  ],
  [
    'member name missing',
    withMember({ id: 'm2', role: 'commune', unit: 'xa1' }),
    [{ at: 'members[1].name', code: 'value.required', params: {} }],
  ],
  [
    'unavailable range backwards',
    withMember(member({ id: 'm2', unavailable: ['2027-03-15..2027-03-01'] })),
    [
      {
        at: 'members[1].unavailable[0]',
        code: 'value.not-date-or-range',
        params: { value: '"2027-03-15..2027-03-01"' },
      },
    ],
  ],
  [
    'unavailable outside the year',
    withMember(member({ id: 'm2', unavailable: ['2028-01-01'] })),
    [
      {
        at: 'members[1].unavailable[0]',
        code: 'spec.outside-year',
        params: { what: 'date', date: '2028-01-01', year: 2027 },
      },
    ],
  ],
  [
    'quota override with negative min',
    withMember(member({ id: 'm2', quota: { min: -1, per: 'year' } })),
    [{ at: 'members[1].quota[0].min', code: 'value.negative', params: { value: '-1' } }],
  ],
  [
    'fixed visit by an unknown member',
    spec({ fixed: [{ member: 'm9', cell: 'c1', date: '2027-01-05' }] }),
    [{ at: 'fixed[0].member', code: 'spec.unknown-ref', params: { kind: 'member', id: 'm9', near: 'm1' } }],
  ],
  [
    'fixed visit on a day the cell does not meet',
    spec({ fixed: [{ member: 'm1', cell: 'c1', date: '2027-01-06' }] }),
    [
      {
        at: 'fixed[0].date',
        code: 'spec.no-meeting-on',
        params: { cell: 'c1', date: '2027-01-06', month: 1, near: '2027-01-05' },
      },
    ],
  ],
  [
    'fixed visit outside the year',
    spec({ fixed: [{ member: 'm1', cell: 'c1', date: '2028-01-05' }] }),
    [{ at: 'fixed[0].date', code: 'spec.outside-year', params: { what: 'date', date: '2028-01-05', year: 2027 } }],
  ],
];

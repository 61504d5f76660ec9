// Distinct ways to get a spec wrong, and the exact lines the user sees (file name spec.yaml).
import { cell, member, spec, unit } from '../builders.js';

type Obj = Record<string, unknown>;
const base = () => spec();
const withMember = (m: Obj) => spec({ members: [member({ id: 'm1' }), m] });
const withCell = (c: Obj) => spec({ cells: [cell({ id: 'c1' }), c] });

// Each case: a distinct way to get a spec wrong, and the exact lines the user sees.
export const BAD: Array<[string, unknown, string[]]> = [
  ['not a mapping', [1, 2], ['✖ spec.yaml: expected a mapping with year, policy, units, cells and members']],
  ['year missing', { ...base(), year: undefined }, ['✖ spec.yaml: year: is required']],
  ['year as text', { ...base(), year: '2027' }, ['✖ spec.yaml: year: expected a number, got "2027"']],
  ['year implausible', { ...base(), year: 1975 }, ['✖ spec.yaml: year: 1975 is not a plausible year (2000–2100)']],
  [
    'unknown top-level key (typo)',
    { ...base(), member: [] },
    ['✖ spec.yaml: member: unknown key "member" (did you mean "members"?)'],
  ],
  ['units missing', { ...base(), units: undefined }, ['✖ spec.yaml: units: is required: list the units (đảng bộ)']],
  ['cells empty', { ...base(), cells: [] }, ['✖ spec.yaml: cells: must list at least one cell']],
  [
    'members not a list',
    { ...base(), members: 'm1' },
    ['✖ spec.yaml: members: expected a list of members (cấp ủy viên), got "m1"'],
  ],
  [
    'policy missing',
    { ...base(), policy: undefined },
    ['✖ spec.yaml: policy: is required: a preset id (lichdu policies lists them) or a policy object'],
  ],
  [
    'unknown policy preset',
    spec({ policy: 'kontum-767' }),
    [
      '✖ spec.yaml: policy: unknown policy preset "kontum-767" (did you mean "kontum-776"?); built-in: ' +
        'hoabinh-08, kontum-776, plan-002, quydinh-1120',
    ],
  ],
  [
    'inline policy without roles',
    spec({ policy: { id: 'p' } }),
    ['✖ spec.yaml: policy.roles: a policy needs at least one role (or `extends: <preset>` to start from a preset)'],
  ],
  [
    'inline policy with a bad period',
    spec({ policy: { id: 'p', roles: { commune: { quota: { min: 1, per: 'week' } } } } }),
    ['✖ spec.yaml: policy.roles.commune.quota[0].per: "week" is not a period: use one of year, half, quarter, month'],
  ],
  [
    'inline policy max below min',
    spec({ policy: { id: 'p', roles: { commune: { quota: [{ min: 3, max: 1, per: 'year' }] } } } }),
    [
      '✖ spec.yaml: policy.roles.commune.quota[0].max: max is below min: no more visits can be needed than are ' +
        'allowed; raise max',
    ],
  ],
  [
    'inline policy extends an unknown preset',
    spec({ policy: { id: 'p', extends: 'plan-02' } }),
    [
      '✖ spec.yaml: policy.extends: unknown policy preset "plan-02" (did you mean "plan-002"?); built-in: ' +
        'hoabinh-08, kontum-776, plan-002, quydinh-1120',
    ],
  ],
  [
    'unknown time zone',
    { ...base(), timezone: 'Asia/Hanoi' },
    ['✖ spec.yaml: timezone: unknown time zone "Asia/Hanoi": use an IANA name such as "Asia/Ho_Chi_Minh"'],
  ],
  [
    'holidays setting unknown',
    spec({ holidays: 'vietnam' }),
    [
      '✖ spec.yaml: holidays: "vietnam" is not a holiday setting: use vn, none, a list of dates, or { preset: ' +
        'vn, add: [...], remove: [...] }',
    ],
  ],
  [
    'holiday outside the year',
    spec({ holidays: { preset: 'vn', add: ['2026-12-31'] } }),
    ["✖ spec.yaml: holidays.add[0]: date 2026-12-31 is outside the plan's year 2027"],
  ],
  [
    'holiday not a date',
    spec({ holidays: ['2027-02-30'] }),
    [
      '✖ spec.yaml: holidays[0]: "2027-02-30" is not a date YYYY-MM-DD or a range YYYY-MM-DD..YYYY-MM-DD (start ' +
        'before end)',
    ],
  ],
  [
    'duplicate unit id',
    spec({ units: [unit({ id: 'tinh' }), unit({ id: 'xa1', parent: 'tinh' }), unit({ id: 'xa1', parent: 'tinh' })] }),
    ['✖ spec.yaml: units[2].id: duplicate id "xa1" (already used by units[1])'],
  ],
  [
    'unknown parent',
    spec({ units: [unit({ id: 'tinh' }), unit({ id: 'xa1', parent: 'tihn' })] }),
    ['✖ spec.yaml: units[1].parent: unknown unit "tihn" (did you mean "tinh"?)'],
  ],
  [
    'cycle in the unit tree',
    spec({ units: [unit({ id: 'tinh', parent: 'xa1' }), unit({ id: 'xa1', parent: 'tinh' })] }),
    [
      '✖ spec.yaml: units[0].parent: the unit tree has a cycle: tinh → xa1 → tinh; one of them must have no ' +
        'parent or another parent',
    ],
  ],
  [
    'unit is its own parent',
    spec({ units: [unit({ id: 'tinh', parent: 'tinh' }), unit({ id: 'xa1', parent: 'tinh' })] }),
    ['✖ spec.yaml: units[0].parent: unit "tinh" cannot be its own parent'],
  ],
  [
    'id with a space',
    withCell(cell({ id: 'thon 2' })),
    [
      '✖ spec.yaml: cells[1].id: "thon 2" is not a valid id: use letters, digits, ".", "_" or "-" (no spaces or ' +
        'accents)',
    ],
  ],
  [
    'cell of an unknown unit',
    withCell(cell({ id: 'c2', unit: 'xa-1' })),
    ['✖ spec.yaml: cells[1].unit: unknown unit "xa-1" (did you mean "xa1"?)'],
  ],
  [
    'duplicate cell id',
    withCell(cell({ id: 'c1' })),
    ['✖ spec.yaml: cells[1].id: duplicate id "c1" (already used by cells[0])'],
  ],
  [
    'bad meeting time',
    withCell(cell({ id: 'c2', meeting: { time: '7:30pm' } })),
    ['✖ spec.yaml: cells[1].meeting.time: "7:30pm" is not HH:MM (24-hour clock, e.g. "19:30")'],
  ],
  [
    'meeting day 0',
    withCell(cell({ id: 'c2', meeting: { day: 0 } })),
    [
      '✖ spec.yaml: cells[1].meeting.day: 0 is not a day 1–28: use "last" for the end of the month, a weekday of ' +
        'the month ("first saturday", "last friday"), or explicit dates in "meetings"',
    ],
  ],
  [
    'bad shift rule',
    withCell(cell({ id: 'c2', meeting: { shift: 'weekends' } })),
    [
      '✖ spec.yaml: cells[1].meeting.shift: "weekends" is not valid: use one of holidays, holidays-and-weekends, ' +
        'none',
    ],
  ],
  [
    'unknown key in a cell (typo)',
    withCell({ ...cell({ id: 'c2' }), allow_consecutve: true }),
    ['✖ spec.yaml: cells[1].allow_consecutve: unknown key "allow_consecutve" (did you mean "allow_consecutive"?)'],
  ],
  [
    'explicit meeting outside the year',
    withCell(cell({ id: 'c2', meetings: { '2026-12': '2026-12-05' } })),
    ['✖ spec.yaml: cells[1].meetings["2026-12"]: month 2026-12 is outside the plan\'s year 2027'],
  ],
  [
    'explicit meetings out of order',
    withCell(cell({ id: 'c2', meetings: { '2027-02': '2027-03-20' } })),
    [
      '✖ spec.yaml: cells[1].meetings["2027-02"]: the February meeting (2027-03-20, set in "meetings") is not ' +
        'before the March meeting (2027-03-05, from the meeting day after holiday shifts): meetings must be in ' +
        'month order on different days; give one of them an explicit date in "meetings"',
    ],
  ],
  [
    'holiday shift makes two meetings collide',
    withCell(cell({ id: 'c2', meeting: { day: 'last' }, meetings: { '2027-05': '2027-05-03' } })),
    [
      '✖ spec.yaml: cells[1].meetings["2027-05"]: the April meeting (2027-05-03, from the meeting day after ' +
        'holiday shifts) is not before the May meeting (2027-05-03, set in "meetings"): meetings must be in ' +
        'month order on different days; give one of them an explicit date in "meetings"',
    ],
  ],
  [
    'tag with a space',
    withCell(cell({ id: 'c2', tags: ['vùng sâu'] })),
    ['✖ spec.yaml: cells[1].tags[0]: "vùng sâu" is not a tag: one word (letters, digits, "-", "_")'],
  ],
  [
    'unknown role',
    withMember(member({ id: 'm2', role: 'comune' })),
    [
      '✖ spec.yaml: members[1].role: unknown role "comune" (did you mean "commune"?); the policy "kontum-776" ' +
        'defines: province, district, commune',
    ],
  ],
  [
    'unknown area unit',
    withMember(member({ id: 'm2', area: ['xa1', 'xa-1'] })),
    ['✖ spec.yaml: members[1].area[1]: unknown unit "xa-1" (did you mean "xa1"?)'],
  ],
  [
    'unknown home cell',
    withMember(member({ id: 'm2', home_cell: 'c3' })),
    ['✖ spec.yaml: members[1].home_cell: unknown cell "c3" (did you mean "c1"?)'],
  ],
  [
    'unknown member unit',
    withMember(member({ id: 'm2', unit: 'tinh2' })),
    ['✖ spec.yaml: members[1].unit: unknown unit "tinh2" (did you mean "tinh"?)'],
  ],
  [
    'duplicate member id',
    withMember(member({ id: 'm1' })),
    ['✖ spec.yaml: members[1].id: duplicate id "m1" (already used by members[0])'],
  ],
  [
    'duplicate member id on an entry with another problem',
    withMember(member({ id: 'm1', role: 'bogus' })),
    [
      '✖ spec.yaml: members[1].id: duplicate id "m1" (already used by members[0])',
      '✖ spec.yaml: members[1].role: unknown role "bogus"; the policy "kontum-776" defines: province, district, ' +
        'commune',
    ],
  ],
  [
    'duplicate member id on an entry whose shape is broken',
    withMember({ id: 'm1', role: 'commune', unit: 'xa1', name: 'Tên', quota: 'x' }),
    [
      '✖ spec.yaml: members[1].quota: expected a quota { min, per } or a list of them, got "x"',
      '✖ spec.yaml: members[1].id: duplicate id "m1" (already used by members[0])',
    ],
  ],
  [
    'member name missing',
    withMember({ id: 'm2', role: 'commune', unit: 'xa1' }),
    ['✖ spec.yaml: members[1].name: is required'],
  ],
  [
    'unavailable range backwards',
    withMember(member({ id: 'm2', unavailable: ['2027-03-15..2027-03-01'] })),
    [
      '✖ spec.yaml: members[1].unavailable[0]: "2027-03-15..2027-03-01" is not a date YYYY-MM-DD or a range ' +
        'YYYY-MM-DD..YYYY-MM-DD (start before end)',
    ],
  ],
  [
    'unavailable outside the year',
    withMember(member({ id: 'm2', unavailable: ['2028-01-01'] })),
    ["✖ spec.yaml: members[1].unavailable[0]: date 2028-01-01 is outside the plan's year 2027"],
  ],
  [
    'quota override with negative min',
    withMember(member({ id: 'm2', quota: { min: -1, per: 'year' } })),
    ['✖ spec.yaml: members[1].quota[0].min: -1 is negative'],
  ],
  [
    'fixed visit by an unknown member',
    spec({ fixed: [{ member: 'm9', cell: 'c1', date: '2027-01-05' }] }),
    ['✖ spec.yaml: fixed[0].member: unknown member "m9" (did you mean "m1"?)'],
  ],
  [
    'fixed visit on a day the cell does not meet',
    spec({ fixed: [{ member: 'm1', cell: 'c1', date: '2027-01-06' }] }),
    ['✖ spec.yaml: fixed[0].date: cell "c1" does not meet on 2027-01-06 (its January meeting is on 2027-01-05)'],
  ],
  [
    'fixed visit outside the year',
    spec({ fixed: [{ member: 'm1', cell: 'c1', date: '2028-01-05' }] }),
    ["✖ spec.yaml: fixed[0].date: date 2028-01-05 is outside the plan's year 2027"],
  ],
];

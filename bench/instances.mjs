// Seeded benchmark instances (issue 3): S one commune; M 12 communes with provincial members; Q a quarter province
// (700 cells); L a whole province.
// Each is a plan spec object (JSON), loaded by lichdu like any user's spec.
const CELL_WORDS = ['thôn', 'làng', 'tổ dân phố'];

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const SIZES = {
  S: { communes: 1, cells: 28, commune: 25, province: 0, area: 0 },
  M: { communes: 12, cells: 10, commune: 15, province: 10, area: 3 },
  // A quarter of L: the "700 cells" (issue 22: with binding team limits, 0.1 % within 10 s).
  Q: { communes: 25, cells: 28, commune: 25, province: 16, area: 8 },
  L: { communes: 100, cells: 28, commune: 25, province: 65, area: 8 },
  XL: { communes: 200, cells: 28, commune: 25, province: 130, area: 8 },
};

/**
 * Variants of a size that differ from the benchmark's structure the way real provinces do, named `SIZE+KIND`:
 *  - days: cells meet on day 3, 5 or 10 of the month (not one day per commune);
 *  - teams: 2 visitors per meeting, at most 1 per team, commune members in teams of 4;
 *  - fixed: about 5 % of the visits fixed (on explicit meeting dates), one in fifty at the member's home cell;
 *  - monthly: policy plan-002 (commune members at least one visit a month);
 *  - district: a district tier: communes grouped ten to a district, each district with 8 district committee members
 *    (6 visits a year) whose area is their district;
 *  - home: 80 % of the commune members with a home cell (the base has 30 %).
 */
export const VARIANTS = ['days', 'teams', 'fixed', 'monthly', 'district', 'home'];

export function makeVariant(name, seed = 1) {
  const [size, ...kinds] = name.split('+');
  const spec = makeSpec(size, seed);
  // Kinds combine (`L+teams+days`), each applied in turn as it is alone.
  for (const kind of kinds) applyKind(spec, kind, seed);
  return spec;
}

function applyKind(spec, kind, seed) {
  const r = rng(seed * 104729 + kind.length);
  if (kind === 'days') spec.cells.forEach((c, i) => (c.meeting = { ...c.meeting, day: [3, 5, 10][i % 3] }));
  else if (kind === 'teams') {
    spec.policy = {
      extends: 'kontum-776',
      id: 'kontum-776-teams',
      max_visitors_per_meeting: 2,
      max_per_team_per_meeting: 1,
    };
    spec.members.forEach((m, k) => {
      if (m.role === 'commune') m.team = `${m.unit}-t${Math.floor(k / 4)}`;
    });
  } else if (kind === 'fixed') {
    const pad = (n) => String(n).padStart(2, '0');
    const taken = new Set();
    spec.fixed = [];
    for (const m of spec.members.filter((x) => x.role === 'commune')) {
      if (r() > 0.3) continue; // about 0.3 of 6 visits a member: 5 %
      const cells = spec.cells.filter((c) => c.unit === m.unit);
      const home = m.home_cell && r() < 0.02 * 3 ? cells.find((c) => c.id === m.home_cell) : undefined;
      const cell = home ?? cells[Math.floor(r() * cells.length)];
      const month = 1 + Math.floor(r() * 12);
      if (taken.has(`${cell.id} ${month}`)) continue;
      taken.add(`${cell.id} ${month}`);
      const date = `2027-${pad(month)}-${pad(cell.meeting.day)}`;
      cell.meetings = { ...(cell.meetings ?? {}), [`2027-${pad(month)}`]: date };
      spec.fixed.push({ member: m.id, cell: cell.id, date });
    }
  } else if (kind === 'monthly') spec.policy = 'plan-002';
  else if (kind === 'district') {
    const communes = spec.units.filter((u) => u.level === 'commune');
    const districts = Math.max(1, Math.round(communes.length / 10));
    for (let d = 0; d < districts; d++) {
      const id = `huyen${d + 1}`;
      spec.units.push({ id, name: `Đảng bộ huyện ${d + 1}`, level: 'district', parent: 'tinh' });
      for (let k = 0; k < 8; k++)
        spec.members.push({
          id: `${id}-hu${k + 1}`,
          name: `Huyện ủy viên ${d + 1}-${k + 1}`,
          role: 'district',
          unit: id,
        });
    }
    communes.forEach((u, i) => (u.parent = `huyen${(i % districts) + 1}`));
  } else if (kind === 'home') {
    const cellsOf = new Map();
    for (const c of spec.cells) cellsOf.set(c.unit, [...(cellsOf.get(c.unit) ?? []), c.id]);
    for (const m of spec.members.filter((x) => x.role === 'commune')) {
      if (m.home_cell || r() >= (0.8 - 0.3) / 0.7) continue;
      const cells = cellsOf.get(m.unit);
      m.home_cell = cells[Math.floor(r() * cells.length)];
    }
  } else throw new Error(`unknown variant ${kind}: use ${VARIANTS.join(', ')}`);
}

export function makeSpec(size, seed = 1) {
  const z = SIZES[size];
  const r = rng(seed * 7919 + size.charCodeAt(0));
  const units = [{ id: 'tinh', name: 'Đảng bộ tỉnh', level: 'province' }];
  const cells = [];
  const members = [];
  for (let c = 0; c < z.communes; c++) {
    const unit = `xa${c + 1}`;
    units.push({ id: unit, name: `Đảng bộ xã ${c + 1}`, level: 'commune', parent: 'tinh' });
    const day = 1 + ((c * 3) % 28); // all cells of a commune meet on the same day
    for (let k = 0; k < z.cells; k++) {
      const p = r();
      const tags = p < 0.15 ? ['remote', 'ethnic'] : p < 0.25 ? ['ethnic'] : p < 0.3 ? ['religious'] : [];
      cells.push({
        id: `${unit}-c${k + 1}`,
        name: `Chi bộ ${CELL_WORDS[k % 3]} ${k + 1}`,
        unit,
        tags,
        meeting: { day, time: '19:30' },
      });
    }
    for (let k = 0; k < z.commune; k++) {
      const m = { id: `${unit}-m${k + 1}`, name: `Cấp ủy viên ${unit}-${k + 1}`, role: 'commune', unit };
      if (r() < 0.3) m.home_cell = `${unit}-c${1 + Math.floor(r() * z.cells)}`;
      if (r() < 0.2) {
        const month = 1 + Math.floor(r() * 12);
        m.unavailable = [`2027-${String(month).padStart(2, '0')}-01..2027-${String(month).padStart(2, '0')}-28`];
      }
      members.push(m);
    }
  }
  for (let k = 0; k < z.province; k++) {
    const first = Math.floor(r() * z.communes);
    const area = [...new Set(Array.from({ length: z.area }, (_, i) => `xa${((first + i * 7) % z.communes) + 1}`))];
    members.push({
      id: `tu-${k + 1}`,
      name: `Tỉnh ủy viên ${k + 1}`,
      role: 'province',
      unit: 'tinh',
      team: `to-${(k % 8) + 1}`,
      area,
    });
  }
  return { year: 2027, policy: 'kontum-776', holidays: 'vn', units, cells, members };
}

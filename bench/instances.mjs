// Seeded benchmark instances (issue 3): S one commune; M 12 communes with provincial members; L a whole province.
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
  L: { communes: 100, cells: 28, commune: 25, province: 65, area: 8 },
};

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

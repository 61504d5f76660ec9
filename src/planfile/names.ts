// Names where people write names (issue 24, item 5): in any file the staff fill in, a member, a cell or a unit may be
// given by its id or by its full name. A name is accepted when exactly one of them bears it (case, spacing and Unicode
// form aside); a name several bear is refused with their ids; a near miss is suggested, matching without diacritics
// (names typed with Unikey off) — never accepted silently.
import type { Code, Params } from '../i18n/messages.js';
import { editDistance } from '../util/issues.js';
import { bare } from '../format/labels.js';
import { withoutDiacritics } from '../domain/text.js';

/** Case, spacing and Unicode form aside: `  nguyễn  văn AN ` and `Nguyễn Văn An` are one name. */
export function sameName(s: string): string {
  return s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');
}

/** Without diacritics too: `nguyen van an` for `Nguyễn Văn An` (Vietnamese đ included). */
export function folded(s: string): string {
  return withoutDiacritics(sameName(s));
}

export interface Named {
  readonly id: string;
  readonly name: string;
}

export type Resolved =
  | { readonly ok: true; readonly id: string; readonly byName: boolean }
  | { readonly ok: false; readonly code: Code; readonly params: Params };

export type Kind = 'member' | 'cell' | 'unit';

const UNKNOWN: Record<Kind, Code> = {
  member: 'table.unknown-member',
  cell: 'table.unknown-cell',
  unit: 'table.unknown-unit',
};

/** Resolves what people typed for one kind of thing: its id or its unique full name. */
export class NameIndex {
  private readonly ids = new Set<string>();
  private readonly byName = new Map<string, string[]>();
  private readonly nameOf = new Map<string, string>();
  /** Each id with its id and name without diacritics, made on the first suggestion. */
  private folds?: readonly (readonly [string, string, string])[];
  /** Suggestions made, by what was typed: a table repeats one typo on many rows. */
  private readonly suggested = new Map<string, string>();

  constructor(
    private readonly kind: Kind,
    items: Iterable<Named>,
  ) {
    for (const it of items) {
      this.ids.add(it.id);
      this.nameOf.set(it.id, it.name);
      // A cell or unit is also named without its leading "Chi bộ" / "Đảng bộ" ("thôn 1" for "Chi bộ thôn 1").
      for (const key of new Set([sameName(it.name), sameName(bare(it.name))])) {
        if (key === '') continue;
        const list = this.byName.get(key) ?? [];
        list.push(it.id);
        this.byName.set(key, list);
      }
    }
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  name(id: string): string | undefined {
    return this.nameOf.get(id);
  }

  /** The id `typed` stands for when it is an id or a name only one bears; undefined otherwise (no suggestion made). */
  lookup(typed: string): string | undefined {
    const t = typed.trim();
    if (this.ids.has(t)) return t;
    const named = this.named(t);
    return named?.length === 1 ? named[0] : undefined;
  }

  /** The ids a name is borne by: the name as typed, or without its leading "Chi bộ" / "Đảng bộ". */
  private named(t: string): readonly string[] | undefined {
    if (t === '') return undefined;
    return this.byName.get(sameName(t)) ?? this.byName.get(sameName(bare(t)));
  }

  /** The id `typed` stands for, or why it stands for none (with the likely intended id and name, if any). */
  resolve(typed: string): Resolved {
    const t = typed.trim();
    if (this.ids.has(t)) return { ok: true, id: t, byName: false };
    const named = this.named(t);
    if (named?.length === 1) return { ok: true, id: named[0]!, byName: true };
    const value = JSON.stringify(t.length > 80 ? `${t.slice(0, 80)}…` : t);
    if (named && named.length > 1)
      return { ok: false, code: 'table.name-shared', params: { value, ids: named.join(', ') } };
    const near = this.suggest(t);
    const nearName = near === '' ? '' : (this.nameOf.get(near) ?? '');
    return {
      ok: false,
      code: UNKNOWN[this.kind],
      params: { value, near, nearName: sameName(nearName) === sameName(near) ? '' : nearName, hint: '' },
    };
  }

  /** The id nearest to a typo of an id or a name, compared without diacritics (`Nguyen Van An` → `m001`), or ''. */
  suggest(typed: string): string {
    const word = folded(typed);
    if (word === '' || word.length > 120) return '';
    const said = this.suggested.get(word);
    if (said !== undefined) return said;
    this.folds ??= [...this.ids].map((id) => [id, folded(id), folded(this.nameOf.get(id) ?? '')] as const);
    let best: string | undefined;
    let bestDist = Infinity;
    for (const [id, ...cands] of this.folds) {
      for (const c of cands) {
        if (c === '') continue;
        const d = editDistance(word, c);
        const limit = Math.max(2, Math.floor(Math.max(word.length, c.length) / 3));
        if (d <= limit && (d < bestDist || (d === bestDist && best !== undefined && id < best))) {
          best = id;
          bestDist = d;
        }
      }
    }
    this.suggested.set(word, best ?? '');
    return best ?? '';
  }

  /**
   * Whether a row's name agrees with its id: '' when it does (or no name was written), else the id the name belongs
   * to ('?' when none).
   */
  disagrees(id: string, name: string): string {
    if (name.trim() === '') return '';
    const own = this.nameOf.get(id);
    if (own !== undefined && sameName(own) === sameName(name)) return '';
    const other = this.byName.get(sameName(name));
    return other?.length ? other.join(', ') : '?';
  }
}

export type Identified =
  | { readonly ok: true; readonly id: string; readonly byName: boolean }
  | { readonly ok: false; readonly code: Code; readonly params: Params; readonly onName: boolean };

/**
 * A row's thing from its id column and its name column (either may be empty): the id when given, else the name; a
 * name that belongs to another refuses the row (`onName`: the problem is the name column's).
 */
export function identify(index: NameIndex, idText: string, nameText: string): Identified {
  const got = index.resolve(idText !== '' ? idText : nameText);
  if (!got.ok) return { ...got, onName: idText === '' && nameText !== '' };
  if (got.byName || idText === '') return got;
  const other = index.disagrees(got.id, nameText);
  if (other === '') return got;
  return {
    ok: false,
    code: 'table.name-disagrees',
    params: { id: got.id, name: index.name(got.id)!, written: nameText.trim(), other },
    onName: true,
  };
}

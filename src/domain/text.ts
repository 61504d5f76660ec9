// Vietnamese text compared the way staff type it: without its diacritics (Unikey switched off), in lower case.
// One definition for ids made from names (import), name suggestions (planfile/names.ts) and meeting-day words.

/** `Nguyễn Văn Đức` → `nguyen van duc`: the marks of the Vietnamese letters removed, đ as d, lower case. */
export function withoutDiacritics(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLocaleLowerCase('vi');
}

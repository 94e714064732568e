/** Upper bound on the search text, so a pasted essay is not matched against every name. */
export const SEARCH_MAX_LENGTH = 100;

/** Lower-case, without accents, so "zoe" finds "Zoë" and "JOSE" finds "José". */
function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLocaleLowerCase("en");
}

/** Whether a client's name matches the search box; an empty search matches everyone. */
export function matchesSearch(name: string, query: string): boolean {
  const needle = fold(query.trim());
  return needle === "" || fold(name).includes(needle);
}

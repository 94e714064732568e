// Building an Intl.DateTimeFormat costs far more than using one (tens of
// microseconds against one or two), and lists such as the caseload format
// dates for every row. Formatters are kept per locale and options; time
// zones come from a fixed IANA list, so the cache stays small.
const formatters = new Map<string, Intl.DateTimeFormat>();

export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, formatter);
  }
  return formatter;
}

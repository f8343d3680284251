// Name order as String#localeCompare gives it, through one shared collator (localeCompare builds one per call: slow at 10,000 names).
const collator = new Intl.Collator();

/** Compares two names like `a.localeCompare(b)`, many times faster in sorts. */
export const compareText = (a: string, b: string): number => collator.compare(a, b);

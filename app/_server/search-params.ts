/*
 * A page's `searchParams` (and a route's URLSearchParams) give a parameter as a string, as an array
 * when it is repeated (`?a=1&a=2`), or not at all. Everything that reads the query reads it here.
 */

export type SearchParams = Record<string, string | string[] | undefined>;

/** A parameter's first value, exactly as sent (an empty `?q=` stays ""); undefined when absent. */
export function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Every parameter by its first value, the empty ones left out: a cleared filter field submits `?q=`. */
export function searchValues(search: SearchParams | URLSearchParams): Record<string, string> {
  const values: Record<string, string> = {};
  const names = search instanceof URLSearchParams ? new Set(search.keys()) : Object.keys(search);
  for (const name of names) {
    const first = search instanceof URLSearchParams ? search.get(name) : firstValue(search[name]);
    if (first) values[name] = first;
  }
  return values;
}

/**
 * A dynamic route segment as text: Next may hand it over still percent-encoded (non-ASCII keys), so it
 * is decoded once; a segment that does not decode (a lone `%`) is taken as it came.
 */
export function routeSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/**
 * Whether the text of a search box is too short to search: fewer than 2 characters once
 * control and format characters and extra spaces are dropped, counted in code points, the way
 * the server counts them (people/service.ts cleanQuery). The search pages refuse such a query at
 * once, in the server's words, instead of saying nothing.
 */
export function tooShortQuery(q: string): boolean {
  const clean = q
    .replace(/\p{Cc}/gu, ' ')
    .replace(/\p{Cf}/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
  return [...clean].length < 2;
}

/**
 * Optimal-string-alignment (restricted Damerau–Levenshtein) distance between two strings: insertions, deletions,
 * substitutions and adjacent transpositions each cost 1. Returns `maxDistance + 1` as soon as the distance is known
 * to exceed `maxDistance`, so typo matching stays cheap.
 *
 * @example
 * ```ts
 * editDistance('georgetwon', 'georgetown'); // 1 (one transposition)
 * ```
 */
export function editDistance(a: string, b: string, maxDistance = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > maxDistance) return maxDistance + 1;
  const width = b.length + 1;
  let previousPrevious = new Array<number>(width).fill(0);
  let previous = Array.from({ length: width }, (_, index) => index);
  let current = new Array<number>(width).fill(0);
  for (let i = 1; i <= a.length; i += 1) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (previousPrevious[j - 2] ?? 0) + 1);
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > maxDistance) return maxDistance + 1;
    [previousPrevious, previous, current] = [previous, current, previousPrevious];
  }
  return previous[b.length] ?? maxDistance + 1;
}

/**
 * Typo budget for a name of `length` characters (spaces excluded): none up to 5 (so `minor` never becomes `Manor`),
 * one up to 8, two from 9 (e.g. `flugervile` for `pflugerville`).
 */
export function typoBudget(length: number): number {
  if (length <= 5) return 0;
  if (length <= 8) return 1;
  return 2;
}

/**
 * What a reload after a 412 does to a form: the fields someone else changed take their new value
 * (the user sees what changed), every other field keeps what the user typed.
 */
export function mergeAfterReload<Values extends object>(
  opened: Values,
  theirs: Values,
  mine: Values,
): { values: Values; changed: Array<keyof Values & string> } {
  const changed: Array<keyof Values & string> = [];
  const values = { ...mine };
  for (const field of Object.keys(theirs) as Array<keyof Values & string>) {
    if (JSON.stringify(opened[field]) !== JSON.stringify(theirs[field])) {
      changed.push(field);
      values[field] = theirs[field];
    }
  }
  return { values, changed };
}

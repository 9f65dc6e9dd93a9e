/** Reads a JSON column; a damaged value gives the fallback rather than a 500 on every read. */
export function parseJson<Value>(json: string | null | undefined, fallback: Value): Value {
  if (json === null || json === undefined) return fallback;
  try {
    return JSON.parse(json) as Value;
  } catch {
    return fallback;
  }
}

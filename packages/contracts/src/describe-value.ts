/**
 * Short, readable rendering of any value for error messages (the `but got …` part): strings quoted,
 * arrays by their length, objects as JSON cut at 80 characters.
 *
 * @example
 * describeValue('big'); // => '"big"'
 * describeValue([1, 2, 3]); // => 'array of length 3'
 * describeValue({ a: 1 }); // => '{"a":1}'
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined) return 'undefined';
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (Array.isArray(value)) return `array of length ${value.length}`;
  try {
    const text = JSON.stringify(value);
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
  } catch {
    return typeof value;
  }
}

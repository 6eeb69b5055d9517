import { UserError } from '@vad/core';

/**
 * Splits one CSV line on commas, honouring double quotes ("" is a literal quote).
 *
 * @example
 * splitCsvLine('a,"b,c",d', 'x.csv', 2); // => ['a', 'b,c', 'd']
 */
export function splitCsvLine(line: string, file: string, lineNo: number): string[] {
  const fields: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') (current += '"'), i++;
      else if (ch === '"') quoted = false;
      else current += ch;
    } else if (ch === '"' && current.trim() === '') (quoted = true), (current = '');
    else if (ch === ',') fields.push(current), (current = '');
    else current += ch;
  }
  if (quoted) throw new UserError(`${file}:${lineNo}: quoted field must be closed on the same line, but got ${JSON.stringify(line)}`);
  fields.push(current);
  return fields;
}

import type { z } from 'zod';

/** The subset of JSON Schema that zod's `toJSONSchema` emits and that messages need. */
export interface JsonSchemaNode {
  readonly type?: string | readonly string[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly minItems?: number;
  readonly minLength?: number;
  readonly properties?: Readonly<Record<string, JsonSchemaNode>>;
  readonly additionalProperties?: boolean | JsonSchemaNode;
  readonly items?: JsonSchemaNode;
  readonly anyOf?: readonly JsonSchemaNode[];
  readonly oneOf?: readonly JsonSchemaNode[];
  readonly description?: string;
}

const SAFE_MAX = Number.MAX_SAFE_INTEGER;

/**
 * JSON Schema of a zod schema's input side (what a YAML author writes); `{}` when zod cannot say.
 * Asked of the schema itself (its `toJSONSchema` method), so this package needs zod's types only, and a
 * plugin's schema is described by the zod it was built with.
 *
 * @example
 * inputJsonSchema(z.number().int().positive().default(10)); // => { type: 'integer', exclusiveMinimum: 0, default: 10, … }
 */
export function inputJsonSchema(schema: z.ZodType): JsonSchemaNode {
  try {
    return schema.toJSONSchema({ io: 'input', unrepresentable: 'any' }) as JsonSchemaNode;
  } catch {
    // Schemas with custom refinements zod cannot express still validate; they just get generic wording.
    return {};
  }
}

/** The node at `path` (object keys and array indices), or undefined when the schema does not say. */
export function schemaAt(root: JsonSchemaNode, path: readonly PropertyKey[]): JsonSchemaNode | undefined {
  let node: JsonSchemaNode | undefined = root;
  for (const key of path) {
    if (node === undefined) return undefined;
    const alternatives: readonly JsonSchemaNode[] = node.anyOf ?? node.oneOf ?? [node];
    const next: JsonSchemaNode[] = [];
    for (const alt of alternatives) {
      const child =
        typeof key === 'number' && alt.items !== undefined
          ? alt.items
          : (alt.properties?.[String(key)] ?? (typeof alt.additionalProperties === 'object' ? alt.additionalProperties : undefined));
      if (child !== undefined) next.push(child);
    }
    // A key present in several union branches (a discriminator such as `type`) accepts any of them.
    node = next.length <= 1 ? next[0] : { anyOf: next };
  }
  return node;
}

/** Keys an object node allows, in declaration order (union alternatives merged). */
export function allowedKeys(node: JsonSchemaNode | undefined): string[] {
  if (node === undefined) return [];
  const alternatives = node.anyOf ?? node.oneOf ?? [node];
  return [...new Set(alternatives.flatMap((alt) => Object.keys(alt.properties ?? {})))];
}

function bounds(node: JsonSchemaNode, noun: string): string {
  const lo = node.exclusiveMinimum ?? node.minimum;
  const hi = node.exclusiveMaximum ?? (node.maximum !== undefined && node.maximum < SAFE_MAX ? node.maximum : undefined);
  if (lo === 0 && hi === undefined) return node.exclusiveMinimum === 0 ? `a positive ${noun}` : `a non-negative ${noun}`;
  if (lo !== undefined && hi !== undefined) {
    const open = node.exclusiveMinimum !== undefined ? '(' : '[';
    const close = node.exclusiveMaximum !== undefined ? ')' : ']';
    return `${noun === 'integer' ? 'an integer' : 'a number'} in ${open}${lo}, ${hi}${close}`;
  }
  if (lo !== undefined) return `${noun === 'integer' ? 'an integer' : 'a number'} ${node.exclusiveMinimum !== undefined ? '>' : '≥'} ${lo}`;
  if (hi !== undefined) return `${noun === 'integer' ? 'an integer' : 'a number'} ${node.exclusiveMaximum !== undefined ? '<' : '≤'} ${hi}`;
  return noun === 'integer' ? 'an integer' : 'a number';
}

/**
 * Plain-English "what was expected" for a schema node.
 *
 * @example
 * describeExpected({ type: 'integer', exclusiveMinimum: 0 }); // => 'a positive integer'
 * describeExpected({ type: 'string', enum: ['drop', 'replicate'] }); // => 'one of "drop", "replicate"'
 */
export function describeExpected(node: JsonSchemaNode | undefined): string | undefined {
  if (node === undefined) return undefined;
  if (node.enum !== undefined) return `one of ${node.enum.map((v) => JSON.stringify(v)).join(', ')}`;
  if (node.const !== undefined) return JSON.stringify(node.const);
  const alternatives = node.anyOf ?? node.oneOf;
  if (alternatives !== undefined) {
    const parts = alternatives.map(describeExpected).filter((part): part is string => part !== undefined && part !== 'null');
    return parts.length === 0 ? undefined : [...new Set(parts)].join(' or ');
  }
  const type = Array.isArray(node.type) ? node.type[0] : node.type;
  switch (type) {
    case 'integer':
      return bounds(node, 'integer');
    case 'number':
      return bounds(node, 'number');
    case 'string':
      return node.minLength !== undefined && node.minLength > 0 ? 'a non-empty string' : 'a string';
    case 'boolean':
      return 'true or false';
    case 'array': {
      const item = describeExpected(node.items);
      const list = node.minItems !== undefined && node.minItems > 0 ? 'a non-empty list' : 'a list';
      if (item === undefined) return list;
      const simple = /^(a|an) [a-z -]+$/.test(item);
      return simple ? `${list} of ${item.replace(/^(a|an) /, '')}s` : `${list} whose items are ${item}`;
    }
    case 'object':
      return 'a mapping';
    case 'null':
      return 'null';
    default:
      return undefined;
  }
}

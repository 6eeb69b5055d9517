export type * from './schedule';
export { describeValue } from './describe-value';
export { allowedKeys, describeExpected, inputJsonSchema, schemaAt, type JsonSchemaNode } from './describe-schema';
export { dottedPath, formatIssues, renderProblem, valueAt, type IssueProblem } from './format-issues';

import { z } from 'zod';
import { DATASET_FORMAT, datasetSchema, type Dataset } from '@/lib/validation/dataset';
import { checkDataset } from './check';

/*
 * Reading a `technopark-dataset/1` document: the shape by the zod schema of
 * lib/validation/dataset.ts, then the rules across records of ./check.ts. The schema module imports
 * neither, so the rules can name its types without a cycle.
 */

/** `['leases', 12, 'premises']` → `leases[12].premises`. */
export function formatDatasetPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else text += text ? `.${String(part)}` : String(part);
  }
  return text || 'dataset';
}

function describeValues(values: readonly unknown[]): string {
  return values.map((value) => JSON.stringify(value)).join(', ');
}

/** Short English messages for zod's generic issues; checks with their own message keep it. */
const datasetErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'required';
      if (issue.expected === 'int') return 'expected an integer';
      if (issue.expected === 'number' && typeof issue.input === 'number') return 'expected a finite number';
      return `expected ${issue.expected === 'array' ? 'a list' : issue.expected === 'object' ? 'an object' : `a ${issue.expected}`}`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `expected ${describeValues(issue.values)}`
        : `expected one of ${describeValues(issue.values)}`;
    case 'too_small':
      if (issue.origin === 'string') return issue.minimum === 1 ? 'must not be empty' : `at least ${issue.minimum} characters`;
      return issue.inclusive === false ? `must be greater than ${issue.minimum}` : `must be at least ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return `at most ${issue.maximum} characters`;
      return issue.inclusive === false ? `must be less than ${issue.maximum}` : `must be at most ${issue.maximum}`;
    default:
      return undefined;
  }
};

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    return `${formatDatasetPath([...issue.path, issue.keys[0]])}: unknown field`;
  }
  return `${formatDatasetPath(issue.path)}: ${issue.message}`;
}

/**
 * `ok: false` with `wrongFormat` when the document is not a data set of this format at all (another
 * file, another version): the file's own `format`, or null when it names none.
 */
export type ParseDatasetResult = { ok: true; data: Dataset } | { ok: false; error: string; wrongFormat?: string | null };

/** What the document says its format is, as a short text; null when it says nothing. */
function formatOf(input: unknown): string | null {
  const format = input && typeof input === 'object' && !Array.isArray(input) ? (input as Record<string, unknown>).format : undefined;
  if (format === undefined || format === null || format === '') return null;
  const text = typeof format === 'string' ? format : JSON.stringify(format);
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/**
 * Validates a `technopark-dataset/1` document: that it is one at all, then the shape, then the rules
 * across records (./check.ts). The error is the first problem found, one line naming the record:
 * `leases[12].premises: no premises with key "u99"`; a file of another format is told so in a sentence.
 */
export function parseDataset(input: unknown): ParseDatasetResult {
  const format = formatOf(input);
  if (format !== DATASET_FORMAT) {
    const error = format === null
      ? `This is not a technopark data set: the file names no format, expected ${DATASET_FORMAT}`
      : `This is not a technopark data set: the file's format is "${format}", expected ${DATASET_FORMAT}`;
    return { ok: false, error, wrongFormat: format };
  }
  const parsed = datasetSchema.safeParse(input, { error: datasetErrorMap, reportInput: true });
  if (!parsed.success) return { ok: false, error: describeIssue(parsed.error.issues[0]) };
  const problems = checkDataset(parsed.data);
  if (problems.length > 0) return { ok: false, error: problems[0] };
  return { ok: true, data: parsed.data };
}

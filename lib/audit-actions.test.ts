import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { locales } from '@/lib/i18n/locales';
import { messagesFor } from '@/lib/i18n/messages';
import { AUDIT_ACTIONS } from './audit-actions';

/*
 * Every action code the code base writes to the audit log has words in every language. The codes are
 * read from the source, not from a list someone keeps: every object literal shaped like an audit entry
 * (an `action` and an `entity` property, as `writeAudit` takes them, however the call builds its list)
 * in app/, lib/, db/ and scripts/, tests aside. An entry whose action is not written as string literals
 * (a variable, a template) fails too, since its words could not be checked.
 */

const ROOTS = ['app', 'lib', 'db', 'scripts'];
/** Files with an entry-shaped object that writes no code of its own. */
const NOT_WRITERS = new Set([
  'lib/audit.ts', // writeAudit itself: passes each entry's code on to its row
  'db/schema/system.ts', // the audit_log table: declares the column
]);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'test' ? [] : sourceFiles(full);
    const wanted = /\.(ts|tsx|mts)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts');
    return wanted && !NOT_WRITERS.has(path.relative(process.cwd(), full)) ? [full] : [];
  });
}

type Written = { code: string; where: string };

/** The action codes of the audit entries written in one file, and the entries whose code cannot be read. */
function writtenCodes(file: string): { codes: Written[]; unreadable: string[] } {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const codes: Written[] = [];
  const unreadable: string[] = [];
  const where = (node: ts.Node) => `${path.relative(process.cwd(), file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node) => {
    if (ts.isObjectLiteralExpression(node)) {
      const property = (name: string) =>
        node.properties.find((p) => (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) && p.name.getText(source) === name);
      const action = property('action');
      if (action && property('entity')) {
        const literals: string[] = [];
        let other = false;
        const collect = (n: ts.Node) => {
          if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) literals.push(n.text);
          else if (ts.isConditionalExpression(n)) {
            // The condition decides which; only its branches are codes.
            collect(n.whenTrue);
            collect(n.whenFalse);
          } else if (ts.isParenthesizedExpression(n)) collect(n.expression);
          else other = true;
        };
        if (ts.isPropertyAssignment(action)) collect(action.initializer);
        else other = true;
        if (other || literals.length === 0) unreadable.push(where(action));
        codes.push(...literals.map((code) => ({ code, where: where(action) })));
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { codes, unreadable };
}

const found = ROOTS.flatMap((root) => sourceFiles(path.join(process.cwd(), root)).map(writtenCodes));
const written = found.flatMap((f) => f.codes);

function words(locale: (typeof locales)[number], code: string): unknown {
  const tree = messagesFor(locale) as { auditLog?: { actions?: Record<string, Record<string, unknown>> } };
  const [area, verb] = code.split('.');
  return tree.auditLog?.actions?.[area]?.[verb];
}

describe('audit action codes', () => {
  it('are read from every audit entry the code base writes', () => {
    expect(found.flatMap((f) => f.unreadable)).toEqual([]);
    // The scan sees the plain calls, the conditional ones and the lists built before the call.
    const codes = new Set(written.map((w) => w.code));
    for (const code of ['user.update', 'user.disable', 'user.enable', 'kpi.bulkUpload', 'lease.cancel', 'incentive.end']) expect(codes, code).toContain(code);
  });

  it('each have words in every language, and are offered by the audit filter', () => {
    const missing = written.flatMap(({ code, where }) => [
      ...locales.filter((l) => typeof words(l, code) !== 'string').map((l) => `${code} (${where}): no ${l} message auditLog.actions.${code}`),
      ...((AUDIT_ACTIONS as readonly string[]).includes(code) ? [] : [`${code} (${where}): not in AUDIT_ACTIONS (lib/audit-actions.ts)`]),
    ]);
    expect(missing).toEqual([]);
  });

  it('list no code that nothing writes, and word each listed one in every language', () => {
    const codes = new Set(written.map((w) => w.code));
    expect(AUDIT_ACTIONS.filter((a) => !codes.has(a))).toEqual([]);
    for (const locale of locales) expect(AUDIT_ACTIONS.filter((a) => typeof words(locale, a) !== 'string'), locale).toEqual([]);
  });
});

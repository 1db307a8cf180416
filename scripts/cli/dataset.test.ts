import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { smallDataset } from '@/lib/test/dataset-fixture';

import { runCli } from '@/lib/test/cli';

/** The real CLI in a child process, on this file's own database. */
const cli = (args: string[]) => runCli(args);

// Every run starts tsx and opens the embedded database: seconds each, more on a busy machine.
const SLOW = 300_000;

describe('cli import and export', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-cli-dataset-'));
  const file = (name: string, content: unknown) => {
    const target = path.join(dir, name);
    fs.writeFileSync(target, typeof content === 'string' ? content : JSON.stringify(content));
    return target;
  };
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('imports a data set (exit 0, counts on stderr), again with everything unchanged, and exports it as pretty JSON', () => {
    const good = file('good.json', smallDataset('cli-park'));
    const first = cli(['import', good]);
    expect(first.stderr).toContain('park cli-park created\n');
    expect(first.stderr).toContain('  companies: 3 created, 0 updated, 0 unchanged\n');
    expect(first.stderr).toContain('  kpiReports: 2 created, 0 updated, 0 unchanged\n');
    expect(first.stdout).toBe('');
    expect(first.status).toBe(0);

    const again = cli(['import', good]);
    expect(again.stderr).toContain('park cli-park unchanged\n');
    expect(again.stderr).toContain('  applications: 0 created, 0 updated, 6 unchanged\n');
    expect(again.status).toBe(0);

    const out = path.join(dir, 'export.json');
    const exported = cli(['export', '--park', 'cli-park', '--out', out]);
    expect(exported.stderr).toBe('');
    expect(exported.status).toBe(0);
    const text = fs.readFileSync(out, 'utf8');
    expect(text).toMatch(/^\{\n {2}"format": "technopark-dataset\/1",\n {2}"park": \{\n {4}"slug": "cli-park",/);
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text).kpiReports[0]).toMatchObject({ key: 'k-1', incomeRub: '2500000.00', taxesPaidRub: '310000.10' });
  }, SLOW);

  it('refuses a bad file with exit 1 and one line naming the record, writing nothing', () => {
    const data = smallDataset('cli-bad');
    const bad = file('bad.json', { ...data, leases: [...data.leases, { ...data.leases[0], key: 'l-2', startOn: '2021-05-01' }] });
    const refused = cli(['import', bad]);
    expect(refused.stderr).toBe('leases[1].premises: premises "p-1" is already leased by lease "l-1" (2020-02-01..2022-12-31)\n');
    expect(refused.status).toBe(1);
    const missing = cli(['export', '--park', 'cli-bad']);
    expect(missing.stderr).toBe('--park cli-bad: no park with slug "cli-bad"\n');
    expect(missing.status).toBe(1);

    const notJson = cli(['import', file('broken.json', '{"format": "technopark-dataset/1",')]);
    expect(notJson.stderr).toMatch(new RegExp(`^${path.join(dir, 'broken.json').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not valid JSON \\([^\\n]*\\)\\n$`));
    expect(notJson.status).toBe(1);

    const absent = path.join(dir, 'absent.json');
    const noFile = cli(['import', absent]);
    expect(noFile.stderr).toBe(`${absent}: no such file\n`);
    expect(noFile.status).toBe(1);
  }, SLOW);

  it('answers bad usage with exit 2', () => {
    const noFile = cli(['import']);
    expect(noFile.stderr).toMatch(/^usage: import FILE/);
    expect(noFile.status).toBe(2);
    const twoFiles = cli(['import', 'a.json', 'b.json']);
    expect(twoFiles.status).toBe(2);
    const noPark = cli(['export']);
    expect(noPark.stderr).toMatch(/^--park is required\n/);
    expect(noPark.status).toBe(2);
    const unknown = cli(['export', '--park', 'x', '--colour', 'blue']);
    expect(unknown.status).toBe(2);
  }, SLOW);
});

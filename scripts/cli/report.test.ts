import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { kuzbassDataset, tomskDataset } from '@/lib/demo/dataset';

import { runCli } from '@/lib/test/cli';
import { KUZBASS_PUBLISHED } from '@/lib/test/kuzbass-summary';

/** The real CLI in a child process, on this file's own database. */
const cli = (args: string[]) => runCli(args, { encoding: 'buffer' });

const text = (b: Buffer) => b.toString('utf8');

// Every run starts tsx and opens the embedded database: seconds each, more on a busy machine.
const SLOW = 300_000;

describe('cli report', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-cli-report-'));
  const kuzbass = kuzbassDataset();
  const tomsk = tomskDataset();

  beforeAll(() => {
    for (const data of [kuzbass, tomsk]) {
      const file = path.join(dir, `${data.park.slug}.json`);
      fs.writeFileSync(file, JSON.stringify(data));
      const run = cli(['import', file]);
      expect(text(run.stderr)).toContain(`park ${data.park.slug} created`);
      expect(run.status).toBe(0);
    }
  }, SLOW);

  it('prints the summary as pretty JSON', () => {
    const run = cli(['report', 'summary', '--park', kuzbass.park.slug, '--from', '2010', '--to', '2016']);
    expect(text(run.stderr)).toBe('');
    expect(run.status).toBe(0);
    const out = text(run.stdout);
    expect(out).toMatch(/^\{\n {2}"format": "technopark-summary\/1",\n/);
    const summary = JSON.parse(out);
    expect(summary).toMatchObject(KUZBASS_PUBLISHED);
  }, SLOW);

  it('writes CSV to stdout and XLSX to --out', () => {
    const csv = cli(['report', 'summary', '--park', kuzbass.park.slug, '--from', '2010', '--to', '2016', '--format', 'csv', '--locale', 'ru']);
    expect(csv.status).toBe(0);
    const body = text(csv.stdout);
    expect(body.startsWith('\uFEFF')).toBe(true);
    expect(body).toContain('920300000.00');
    expect(body).toMatch(/[а-я]/);
    const file = path.join(dir, 'summary.xlsx');
    const xlsx = cli(['report', 'summary', '--park', kuzbass.park.slug, '--from', '2010', '--to', '2016', '--format', 'xlsx', '--out', file]);
    expect(xlsx.status).toBe(0);
    expect(xlsx.stdout.length).toBe(0);
    expect(fs.readFileSync(file).subarray(0, 2).toString('latin1')).toBe('PK');
  }, SLOW);

  it('prints an indicator programme in each format', () => {
    const args = ['report', 'indicators', '--park', tomsk.park.slug, '--programme', 'itc-tomsk-2020'];
    const run = cli(args);
    expect(run.status).toBe(0);
    const report = JSON.parse(text(run.stdout));
    expect(report.format).toBe('technopark-indicators/1');
    expect(report.indicators.filter((i: { status: string }) => i.status === 'off_track')).toHaveLength(4);
    const csv = cli([...args, '--format', 'csv']);
    expect(csv.status).toBe(0);
    expect(text(csv.stdout).split('\r\n').filter(Boolean)).toHaveLength(9);
    const xlsx = cli([...args, '--format', 'xlsx']);
    expect(xlsx.status).toBe(0);
    expect(xlsx.stdout.subarray(0, 2).toString('latin1')).toBe('PK');
  }, SLOW);

  it('exits 1 with one line for a user error, 2 for bad usage', () => {
    const noPark = cli(['report', 'summary', '--park', 'nowhere', '--from', '2010', '--to', '2016']);
    expect(noPark.status).toBe(1);
    expect(text(noPark.stderr)).toBe('--park nowhere: no park with slug "nowhere"\n');
    const noProgramme = cli(['report', 'indicators', '--park', tomsk.park.slug, '--programme', 'nope']);
    expect(noProgramme.status).toBe(1);
    expect(text(noProgramme.stderr)).toBe(`--programme nope: no programme with key "nope" in park ${tomsk.park.slug}\n`);
    const reversed = cli(['report', 'summary', '--park', kuzbass.park.slug, '--from', '2016', '--to', '2010']);
    expect(reversed.status).toBe(1);
    expect(text(reversed.stderr)).toBe('to: the period must not end before it starts\n');
    expect(cli(['report', 'summary', '--park', kuzbass.park.slug, '--from', '2010']).status).toBe(2);
    expect(cli(['report', 'summary', '--park', kuzbass.park.slug, '--from', 'abc', '--to', '2016']).status).toBe(2);
    expect(cli(['report', 'summary', '--park', kuzbass.park.slug, '--from', '2010', '--to', '2016', '--format', 'pdf']).status).toBe(2);
    expect(cli(['report', 'summary', '--park', kuzbass.park.slug, '--from', '2010', '--to', '2016', '--bogus']).status).toBe(2);
    expect(cli(['report', 'nothing']).status).toBe(2);
  }, SLOW);
});

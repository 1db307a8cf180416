import { sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { queryRows } from '@/db/rows';
import { LIVE_AUDIT, liveAuditCounts } from '@/lib/test/demo-live';
import { businessPlanPdf } from './business-plan';
import { seedDemo } from './seed';
import { loggerFor } from '@/lib/log/logger';

/** Where the runs below are cut short: once right after the council's decision, twice before the applicant's upload. */
const cut = vi.hoisted(() => ({ afterDecision: 1, beforeApplicantUpload: 2 }));

vi.mock('@/lib/council/decisions', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/lib/council/decisions')>();
  return {
    ...original,
    recordDecision: async (...args: Parameters<typeof original.recordDecision>) => {
      const result = await original.recordDecision(...args);
      if (cut.afterDecision-- > 0) throw new Error('interrupted after the decision');
      return result;
    },
  };
});

vi.mock('@/lib/applications/attachments', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/lib/applications/attachments')>();
  return {
    ...original,
    uploadAttachment: async (...args: Parameters<typeof original.uploadAttachment>) => {
      const { actor } = args[1];
      if (actor.type === 'user' && actor.email === 'applicant@technopark.demo' && cut.beforeApplicantUpload-- > 0) throw new Error('interrupted before the upload');
      return original.uploadAttachment(...args);
    },
  };
});

describe('the demo live stage', () => {
  it('is completed by the next start after an interrupted run, doing nothing twice', async () => {
    const db = await getDb();
    await expect(seedDemo(db)).rejects.toThrow('interrupted after the decision');
    await expect(seedDemo(db)).rejects.toThrow('interrupted before the upload');
    // The applicant is linked by now, but its live application is not submitted: the seed is not complete.
    // A failure of the live stage on a demo already linked is logged and does not stop the start.
    const logged = vi.spyOn(loggerFor('demo'), 'error').mockImplementation(() => {});
    expect(await seedDemo(db)).toEqual({ seeded: true });
    expect(logged).toHaveBeenCalledWith({ err: expect.objectContaining({ message: 'interrupted before the upload' }) }, 'the live stage could not be completed');
    logged.mockRestore();
    expect(await seedDemo(db)).toEqual({ seeded: true });
    expect(await seedDemo(db)).toEqual({ seeded: false });

    expect(await liveAuditCounts()).toEqual(LIVE_AUDIT);
    const [counts] = await queryRows<Record<string, number>>(
      db,
      sql`SELECT (SELECT count(*) FROM council_meetings)::int AS meetings, (SELECT count(*) FROM meeting_items)::int AS items,
            (SELECT count(*) FROM meeting_attendance)::int AS present, (SELECT count(*) FROM applications WHERE created_by IS NOT NULL)::int AS live,
            (SELECT count(*) FROM attachments)::int AS attachments, (SELECT count(*) FROM company_members)::int AS members`,
    );
    expect(counts).toEqual({ meetings: 2, items: 2, present: 4, live: 6, attachments: 6, members: 6 });
  });

  it('writes a business plan that is a well-formed PDF with only printable text', () => {
    const pdf = new TextDecoder('latin1').decode(businessPlanPdf(['Business plan: Ünïcode (and) \\ back', 'second line']));
    expect(pdf).toMatch(/^%PDF-1\.4\n/);
    expect(pdf).toContain('(Business plan: ?n?code \\(and\\) \\\\ back) Tj');
    const xref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(pdf)![1]);
    expect(pdf.slice(xref)).toMatch(/^xref\n0 6\n/);
    const offsets = pdf.slice(xref).split('\n').slice(3, 8).map((line) => Number(line.slice(0, 10)));
    offsets.forEach((offset, i) => expect(pdf.slice(offset)).toMatch(new RegExp(`^${i + 1} 0 obj\n`)));
    const length = Number(/\/Length (\d+) >>\nstream\n/.exec(pdf)![1]);
    const stream = pdf.slice(pdf.indexOf('stream\n') + 7);
    expect(stream.slice(length)).toMatch(/^\nendstream/);
  });
});

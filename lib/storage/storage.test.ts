import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import { attachments } from '@/db/schema';
import { deleteAttachment, openAttachment, readAttachment, uploadAttachment } from '@/lib/applications/attachments';
import { submitApplication } from '@/lib/applications/applications';
import { makeApplication, TINY_PDF } from '@/lib/test/application-fixtures';
import { makeApplicant, makeManager, makePark } from '@/lib/test/fixtures';
import { startS3Server } from '@/lib/test/s3';
import { documentStore, localDocumentsDir, readStoredBytes, s3Settings } from './index';
import { moveLocalDocumentsToBucket } from './move';
import { s3Store } from './s3';

let s3: Awaited<ReturnType<typeof startS3Server>>;
beforeAll(async () => {
  s3 = await startS3Server();
});
afterAll(async () => {
  await s3?.close();
});
afterEach(() => {
  vi.unstubAllEnvs();
});

const useBucket = () => {
  for (const [key, value] of Object.entries(s3.env)) vi.stubEnv(key, value);
};
const bucket = () => s3Store(s3Settings(s3.env)!);
const pdfOf = (text: string) => new TextEncoder().encode(`%PDF-1.4\n% ${text}\n%%EOF\n`);
const sha256 = (bytes: Uint8Array) => crypto.createHash('sha256').update(bytes).digest('hex');
/** The CLI in a child process, without blocking this process: the S3 server the CLI talks to runs here. */
const cli = (args: string[]) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(path.join('node_modules', '.bin', 'tsx'), ['--conditions=react-server', 'scripts/cli.ts', ...args], { env: { ...process.env, DEMO_MODE: '0' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
const text = async (stream: ReadableStream<Uint8Array>) => new TextDecoder().decode(await new Response(stream).arrayBuffer());

describe('document storage settings', () => {
  it('keeps documents in the local folder unless S3_BUCKET is set', () => {
    expect(s3Settings({})).toBeNull();
    expect(() => s3Settings({ S3_ENDPOINT: 'http://minio:9000' })).toThrow(/S3_BUCKET/);
    expect(s3Settings({ S3_BUCKET: 'docs' })).toEqual({ bucket: 'docs', endpoint: undefined, region: 'us-east-1', accessKeyId: undefined, secretAccessKey: undefined, forcePathStyle: false });
    expect(s3Settings({ ...s3.env, S3_FORCE_PATH_STYLE: '1' })).toMatchObject({ endpoint: s3.env.S3_ENDPOINT, forcePathStyle: true, accessKeyId: 'S3RVER' });
    expect(documentStore().kind).toBe('local');
    useBucket();
    expect(documentStore().kind).toBe('s3');
  });
});

describe('documents in an S3 bucket', () => {
  it('uploads to the bucket, streams a download only to those allowed, and deletes from it', async () => {
    useBucket();
    const db = await getDb();
    const park = await makePark();
    const manager = await makeManager(park.id);
    const applicant = await makeApplicant();
    const { applicationId } = await makeApplication(applicant, park.id, { submit: false });
    const [plan] = await db.select().from(attachments).where(eq(attachments.applicationId, applicationId));
    expect(fs.existsSync(path.join(localDocumentsDir(), applicationId))).toBe(false);
    expect(await bucket().head(plan.storagePath)).toEqual({ sizeBytes: TINY_PDF.byteLength, sha256: plan.sha256 });

    await expect(readAttachment(db, { actor: manager, attachmentId: plan.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await submitApplication(db, { actor: applicant, applicationId });
    const file = await readAttachment(db, { actor: manager, attachmentId: plan.id });
    const stored = await openAttachment(file);
    expect(stored!.sizeBytes).toBe(TINY_PDF.byteLength);
    expect(await text(stored!.body)).toBe(new TextDecoder().decode(TINY_PDF));

    const other = await makeApplication(applicant, park.id, { submit: false });
    const added = await uploadAttachment(db, { actor: applicant, applicationId: other.applicationId, kind: 'other', fileName: 'extra.pdf', bytes: pdfOf('extra') });
    const [row] = await db.select().from(attachments).where(eq(attachments.id, added.id));
    expect(await bucket().head(row.storagePath)).not.toBeNull();
    await deleteAttachment(db, { actor: applicant, attachmentId: added.id });
    expect(await bucket().head(row.storagePath)).toBeNull();
  });

  it('checks that the bucket takes writes, and says so when it cannot be reached', async () => {
    await expect(bucket().checkWritable()).resolves.toBeUndefined();
    const gone = s3Store({ ...s3Settings(s3.env)!, endpoint: 'http://127.0.0.1:1' });
    await expect(gone.checkWritable()).rejects.toThrow();
  });
});

describe('moving local documents into the bucket', () => {
  it('moves each document verified by size and SHA-256, resumes after an interruption, and keeps what does not match', async () => {
    const db = await getDb();
    const park = await makePark();
    const applicant = await makeApplicant();
    // Uploaded before the bucket was configured: in the local folder.
    const { applicationId } = await makeApplication(applicant, park.id, { submit: false });
    const second = await uploadAttachment(db, { actor: applicant, applicationId, kind: 'other', fileName: 'second.pdf', bytes: pdfOf('second') });
    const third = await uploadAttachment(db, { actor: applicant, applicationId, kind: 'other', fileName: 'third.pdf', bytes: pdfOf('third') });
    const rows = await db.select().from(attachments).where(eq(attachments.applicationId, applicationId));
    const byId = new Map(rows.map((r) => [r.id, r]));
    const localFile = (id: string) => path.join(localDocumentsDir(), byId.get(id)!.storagePath);
    for (const r of rows) expect(fs.existsSync(localFile(r.id))).toBe(true);

    useBucket();
    // A run cut short after uploading the second document, before removing its local copy.
    await bucket().put(byId.get(second.id)!.storagePath, pdfOf('second'), 'application/pdf');
    // A local file that no longer matches what was uploaded is not moved.
    fs.writeFileSync(localFile(third.id), pdfOf('tampered'));
    // Meanwhile the app serves every document: what the bucket lacks is still read from the local folder.
    const plan = rows.find((r) => r.kind === 'business_plan')!;
    expect(await text((await documentStore().get(plan.storagePath))!.body)).toBe(new TextDecoder().decode(TINY_PDF));

    // (Documents of the other tests in this file are in the bucket already.)
    const seen = new Map<string, string>();
    const names = new Map([[plan.id, 'plan'], [second.id, 'second'], [third.id, 'third']]);
    const report = await moveLocalDocumentsToBucket(db, { onDocument: (id, outcome) => names.has(id) && seen.set(names.get(id)!, outcome) });
    expect(Object.fromEntries(seen)).toEqual({ plan: 'moved', second: 'already in the bucket', third: 'failed' });
    expect(report).toMatchObject({ moved: 1, missing: [] });
    expect(report.failed).toEqual([{ id: third.id, reason: expect.stringContaining('differs from the recorded size or checksum') }]);
    expect(fs.existsSync(localFile(plan.id))).toBe(false);
    expect(fs.existsSync(localFile(second.id))).toBe(false);
    expect(fs.existsSync(localFile(third.id))).toBe(true);
    const moved = await readStoredBytes(bucket(), plan.storagePath);
    expect(sha256(moved!)).toBe(plan.sha256);
    expect(await bucket().head(plan.storagePath)).toEqual({ sizeBytes: plan.sizeBytes, sha256: plan.sha256 });

    // Once the file is put right, running it again finishes the job and redoes nothing.
    fs.writeFileSync(localFile(third.id), pdfOf('third'));
    expect(await moveLocalDocumentsToBucket(db)).toMatchObject({ moved: 1, missing: [], failed: [] });
    expect(await moveLocalDocumentsToBucket(db)).toMatchObject({ moved: 0, missing: [], failed: [] });
    expect(fs.readdirSync(path.join(localDocumentsDir(), applicationId))).toEqual([]);
  });

  it('is the CLI command `storage move`, which names what it could not move and exits 1', async () => {
    const db = await getDb();
    const park = await makePark();
    const { applicationId } = await makeApplication(await makeApplicant(), park.id, { submit: false });
    const [row] = await db.select().from(attachments).where(eq(attachments.applicationId, applicationId));
    await closeDb(); // the CLI opens the database itself (the embedded one admits one process)
    expect((await cli(['storage', 'move'])).stderr).toMatch(/no bucket is configured/);
    useBucket();
    const first = await cli(['storage', 'move']);
    expect(first.stderr).toBe('');
    expect(first.stdout).toMatch(/^\d+ moved, \d+ already in the bucket, 0 missing, 0 failed\n$/);
    expect(first.status).toBe(0);
    expect(await bucket().head(row.storagePath)).toMatchObject({ sha256: row.sha256 });
    fs.rmSync(path.join(localDocumentsDir(), row.storagePath), { force: true });
    await bucket().remove(row.storagePath);
    const lost = await cli(['storage', 'move']);
    expect(lost.status).toBe(1);
    expect(lost.stderr).toContain(`document ${row.id}: neither in the local folder nor in the bucket`);
    expect((await cli(['storage', 'copy'])).status).toBe(2);
  });
});

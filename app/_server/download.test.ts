import { describe, expect, it } from 'vitest';
import { contentDisposition, downloadResponse } from './download';

describe('downloads', () => {
  it('name the file in ASCII, and in UTF-8 (RFC 5987) when ASCII could not say it', () => {
    expect(contentDisposition('kuzbass-summary-2015-2016.csv')).toBe('attachment; filename="kuzbass-summary-2015-2016.csv"');
    expect(contentDisposition('Бизнес-план (итог).pdf')).toBe(
      `attachment; filename="______-____ (____).pdf"; filename*=UTF-8''%D0%91%D0%B8%D0%B7%D0%BD%D0%B5%D1%81-%D0%BF%D0%BB%D0%B0%D0%BD%20%28%D0%B8%D1%82%D0%BE%D0%B3%29.pdf`,
    );
    // A quote or a line break never ends the header early.
    expect(contentDisposition('a"b\r\nSet-Cookie: x.txt')).toBe(`attachment; filename="a_b__Set-Cookie: x.txt"; filename*=UTF-8''a%22b%0D%0ASet-Cookie%3A%20x.txt`);
  });

  it('are attachments that no cache keeps', async () => {
    const response = downloadResponse({ body: Buffer.from('PK'), contentType: 'application/zip', fileName: 'a.zip', sizeBytes: 2 });
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'content-type': 'application/zip',
      'content-disposition': 'attachment; filename="a.zip"',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'content-length': '2',
    });
    expect(await response.text()).toBe('PK');
  });
});

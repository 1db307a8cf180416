import 'server-only';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { Locale } from '@/lib/i18n/locales';

/*
 * The frame of the product's server-made PDF documents (the council's minutes, the reports, the application packet) (pdfkit, A4, the DejaVu fonts for Cyrillic):
 * paragraphs, "label: value" lines, tables and simple vector charts, with page breaks handled. The
 * park summary and the indicator report are drawn with it.
 */

const FONT_DIR = path.join(process.cwd(), 'node_modules', 'dejavu-fonts-ttf', 'ttf');
const REGULAR = path.join(FONT_DIR, 'DejaVuSans.ttf');
const BOLD = path.join(FONT_DIR, 'DejaVuSans-Bold.ttf');
export const PDF_MARGIN = 56;
export const PDF_TEXT = '#111111';
const TEXT = PDF_TEXT;
export const PDF_MUTED = '#555555';
/** The chart series' colours, in order (the page's palette, readable in print). */
const SERIES = ['#1d4ed8', '#059669', '#d97706', '#7c3aed'];

export type PdfCell = { text: string; x: number; w: number; align?: 'left' | 'right' };
export type BarSeries = { label: string; values: number[] };

/**
 * A new document. `fixedDate` stamps it (its creation date is the report's, not the moment of
 * rendering), so the same content gives the same bytes.
 */
export function createPdf({ title, author, locale, fixedDate }: { title: string; author: string; locale: Locale; fixedDate: Date }) {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: PDF_MARGIN, bottom: PDF_MARGIN, left: PDF_MARGIN, right: PDF_MARGIN },
    bufferPages: true,
    // The standard fonts have no Cyrillic, and loading the default one reads files the build may not ship.
    font: REGULAR,
    lang: locale,
    displayTitle: true,
    info: { Title: title, Author: author, Subject: title, Creator: 'Technopark', Producer: 'Technopark', CreationDate: fixedDate, ModDate: fixedDate },
  });
  doc.registerFont('regular', REGULAR);
  doc.registerFont('bold', BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = doc.page.width - 2 * PDF_MARGIN;
  const bottom = () => doc.page.height - PDF_MARGIN;
  /** A new page unless `space` points still fit on this one. */
  const ensure = (space: number) => {
    if (doc.y + space > bottom()) doc.addPage();
  };
  const para = (text: string, opts: { bold?: boolean; size?: number; color?: string; gap?: number; align?: 'left' | 'center' } = {}) => {
    doc.font(opts.bold ? 'bold' : 'regular').fontSize(opts.size ?? 10).fillColor(opts.color ?? TEXT);
    doc.text(text, PDF_MARGIN, doc.y, { width, align: opts.align ?? 'left' });
    if (opts.gap) doc.moveDown(opts.gap);
  };
  /** A section's heading, kept on one page with the first `keepWith` points of what follows it. */
  const heading = (text: string, keepWith = 40) => {
    ensure(keepWith + 24);
    doc.moveDown(0.6);
    para(text, { bold: true, size: 12, gap: 0.3 });
  };
  /** "Label: value" with the label in bold. */
  const labelled = (label: string, value: string) => {
    // Kept on one page where it fits: pdfkit loses the label's bold when a continued text breaks across pages.
    doc.font('bold').fontSize(10);
    const height = doc.heightOfString(`${label}: ${value}`, { width });
    if (height < bottom() - PDF_MARGIN) ensure(height);
    doc.font('bold').fontSize(10).fillColor(TEXT).text(`${label}: `, PDF_MARGIN, doc.y, { width, continued: true });
    doc.font('regular').text(value);
  };
  const rule = () => {
    doc.moveTo(PDF_MARGIN, doc.y).lineTo(PDF_MARGIN + width, doc.y).lineWidth(0.5).strokeColor('#999999').stroke();
    doc.moveDown(0.5);
  };
  /** A row of cells at fixed x positions and widths; the row is as tall as its tallest cell. */
  const row = (cells: PdfCell[], bold = false) => {
    doc.font(bold ? 'bold' : 'regular').fontSize(9).fillColor(TEXT);
    const height = Math.max(...cells.map((c) => doc.heightOfString(c.text || ' ', { width: c.w })));
    ensure(height + 2);
    const y = doc.y;
    for (const c of cells) doc.text(c.text, PDF_MARGIN + c.x, y, { width: c.w, align: c.align ?? 'left' });
    doc.x = PDF_MARGIN;
    doc.y = y + height + 2;
  };
  /** "Label ....... value" lines: a two-column table of a section's figures. */
  const figures = (lines: { label: string; value: string }[]) => {
    for (const line of lines) row([{ text: line.label, x: 0, w: width * 0.62 }, { text: line.value, x: width * 0.64, w: width * 0.36, align: 'right' }]);
  };

  /**
   * Grouped bars, one group per category (a year), one bar per series, on a zero baseline with the
   * largest value's scale; the legend names the series. Negative values are drawn as zero (the
   * figures beside the chart hold the exact numbers).
   */
  const barChart = ({ categories, series, height = 150, format }: { categories: string[]; series: BarSeries[]; height?: number; format: (n: number) => string }) => {
    ensure(height + 50);
    const top = doc.y + 4;
    const axisX = PDF_MARGIN + 46;
    const plotW = width - 46;
    const max = Math.max(0, ...series.flatMap((s) => s.values));
    const scale = max > 0 ? height / max : 0;
    const base = top + height;
    doc.font('regular').fontSize(7).fillColor(PDF_MUTED);
    for (const f of [0, 0.5, 1]) {
      const y = base - f * height;
      doc.moveTo(axisX, y).lineTo(axisX + plotW, y).lineWidth(0.3).strokeColor('#cccccc').stroke();
      doc.text(format(max * f), PDF_MARGIN, y - 4, { width: 42, align: 'right' });
    }
    const groupW = categories.length ? plotW / categories.length : plotW;
    const barW = Math.max(2, (groupW * 0.7) / Math.max(1, series.length));
    categories.forEach((category, i) => {
      const x0 = axisX + i * groupW + groupW * 0.15;
      series.forEach((s, j) => {
        const h = Math.max(0, s.values[i] ?? 0) * scale;
        if (h > 0) doc.rect(x0 + j * barW, base - h, barW - 1, h).fill(SERIES[j % SERIES.length]);
      });
      doc.font('regular').fontSize(7).fillColor(PDF_MUTED).text(category, axisX + i * groupW, base + 3, { width: groupW, align: 'center' });
    });
    let lx = axisX;
    const ly = base + 16;
    doc.fontSize(8);
    series.forEach((s, j) => {
      doc.rect(lx, ly + 1, 8, 8).fill(SERIES[j % SERIES.length]);
      doc.fillColor(TEXT).text(s.label, lx + 12, ly, { lineBreak: false });
      lx += 24 + doc.widthOfString(s.label);
    });
    doc.x = PDF_MARGIN;
    doc.y = ly + 18;
  };

  /** Page numbers ("2 / 5") at the foot of every page, then the bytes. */
  const finish = (footer: (page: number, pages: number) => string): Promise<Buffer> => {
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      // Below the bottom margin: lifted for the footer, or pdfkit would start a new page for it.
      const margin = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc.font('regular').fontSize(8).fillColor(PDF_MUTED);
      doc.text(footer(i + 1 - range.start, range.count), PDF_MARGIN, doc.page.height - PDF_MARGIN + 18, { width, align: 'center', lineBreak: false });
      doc.page.margins.bottom = margin;
    }
    doc.end();
    return finished;
  };

  return { doc, width, ensure, para, labelled, heading, rule, row, figures, barChart, finish };
}

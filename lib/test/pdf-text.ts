import { extractText, getDocumentProxy } from 'unpdf';

/** The text of a PDF, all pages joined, with runs of white space made one space: what a reader could copy out of it. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

// The page tree of a PDF that is about to be merged, walked once with a visited set before pdf-lib
// walks it (pdf-lib's own traversal follows every reference: a tree whose nodes are shared (a DAG)
// or that loops makes it count pages without end or run out of memory; a 4 KB file is enough).
import { PDFArray, PDFDict, PDFName, PDFRef, type PDFDocument } from 'pdf-lib';

/** More pages than any evidence document has; a merged criterion PDF never needs more. */
export const MAX_MERGED_PAGES = 5000;

/** Why the page tree cannot be merged safely (in Vietnamese: it goes on the cover), or null. */
export function pageTreeProblem(doc: PDFDocument, maxPages = MAX_MERGED_PAGES): string | null {
  const rootRef = doc.catalog.get(PDFName.of('Pages'));
  if (!(rootRef instanceof PDFRef)) return 'cây trang của tệp không hợp lệ';
  const seen = new Set<string>();
  const stack: PDFRef[] = [rootRef];
  let pages = 0;
  while (stack.length > 0) {
    const ref = stack.pop() as PDFRef;
    const key = ref.toString();
    if (seen.has(key)) return 'cây trang của tệp dùng lại hoặc lặp lại một nút (tệp bị hỏng hoặc cố ý làm hỏng)';
    seen.add(key);
    const node = doc.context.lookup(ref);
    if (!(node instanceof PDFDict)) return 'cây trang trỏ tới một đối tượng không phải trang';
    const type = node.get(PDFName.of('Type'));
    if (type === PDFName.of('Page')) {
      if (++pages > maxPages) return `tệp có hơn ${maxPages.toLocaleString('vi-VN')} trang, quá giới hạn ghép`;
      continue;
    }
    const kids = node.lookup(PDFName.of('Kids'));
    if (!(kids instanceof PDFArray)) return 'một nút của cây trang không có danh sách trang con';
    // The same check bounds the work: a Kids array longer than the page cap cannot be honest.
    if (kids.size() > maxPages) return `tệp có hơn ${maxPages.toLocaleString('vi-VN')} trang, quá giới hạn ghép`;
    for (let i = kids.size() - 1; i >= 0; i--) {
      const kid = kids.get(i);
      if (!(kid instanceof PDFRef)) return 'cây trang chứa một trang không phải tham chiếu';
      stack.push(kid);
    }
  }
  return null;
}

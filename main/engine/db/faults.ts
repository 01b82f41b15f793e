// Test-only failure injection: a hook called between a document's row and its search row, so a
// test can fail a scan exactly there and show the transaction leaves neither behind.
export const faults: { betweenDocumentWrites?: (relPath: string) => void } = {};

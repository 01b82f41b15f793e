// What can be wrong in a criteria pack file, as facts: a kind and its values. The engine words them
// in English for the CLI (`message`, from the templates below); the app words them from its
// catalogue (renderer/src/i18n: `packs.problem.<kind>`, same {placeholders}). One list, so a new
// kind without words fails to compile in the renderer's catalogue test.

export const PACK_PROBLEM_EN = {
  // The file as a whole
  'file-type': "unknown file type '{ext}': a criteria pack is a .json, .csv or .xlsx file",
  'file-xls': 'old Excel files (.xls) are not read: open it in Excel and save as .xlsx',
  'file-missing': 'no such file',
  'file-folder': 'this is a folder, not a file',
  'file-permission': 'permission denied',
  'file-empty': 'the file is empty',
  'file-not-utf8': "the file is not UTF-8 text (in Excel: Save As 'CSV UTF-8 (Comma delimited)', or save as .xlsx)",
  'csv-unreadable': 'not readable as CSV: {detail}',
  'xlsx-unreadable': 'not a readable .xlsx workbook ({detail})',
  'xlsx-no-sheets': 'the workbook has no sheets',
  'xlsx-sheet-empty': "the file is empty (sheet '{sheet}' has no rows)",
  'json-invalid': 'not valid JSON: {detail}',
  'json-format': '{value} is not a criteria pack (expected "{expected}")',
  'json-version': 'the pack was written by a newer KiemChung (pack version {version}; this one reads version {supported})',
  'json-field': '{value}: {detail}',
  'no-criteria': 'the file has no criteria (no rows with a code and a title)',
  // Plan documents (packs import PLAN.pdf|PLAN.docx)
  'plan-doc': 'old Word files (.doc) are not read: open it in Word or LibreOffice and save as .docx',
  'plan-type': "unknown file type '{ext}': a plan is a .pdf or .docx file",
  'plan-unreadable': 'cannot read the {format} file: {detail}',
  'plan-no-text': 'the PDF has no text layer (a scan?): run it through OCR first, or type the criteria into a CSV',
  'plan-no-table': 'no criteria or task table was found, and no PAR Index section with numbered tasks',
  // Header row and row shape
  'column-unused': 'column not used (not one of the pack columns)',
  'column-duplicate': "column '{column}' means the same as column '{other}'",
  'column-missing': "missing required column '{vi}' (or '{en}'); the header row has: {header}",
  'row-width': "the row has {cells} values but the header has {width} columns (a '{delimiter}' inside a value needs quotes around the value)",
  'delimiter-in-brackets': "'{delimiter}' inside brackets was not quoted; read as part of the value",
  // Pack facts
  'pack-id': "pack id '{value}' is not a lower-case slug like 'tra-vinh-so-y-te-2023' (letters a-z, digits, '-')",
  'pack-name': 'the pack has no name',
  'pack-year': "year '{value}' is not an assessment year like 2023",
  'pack-level': "'{value}' is not a level (sở, huyện or xã)",
  'pack-batches': "'{value}' is not a list of batches like 'Đợt 1=30/06/2023; Đợt 2=30/09/2023 (hàng năm)'",
  // Cells of a criterion
  'code-empty': 'the code is empty (every row needs a code such as 1, 1.3 or 1.7.2)',
  'code-invalid': "'{value}' is not a criterion code like 1, 1.3 or 1.7.2",
  'code-duplicate': "code '{value}' appears more than once",
  'code-duplicate-row': "code '{value}' already appears in row {other}",
  'code-duplicate-entry': "code '{value}' already appears in {other}",
  'code-duplicate-numeric': "code '{value}' already appears in row {other} (Excel stores codes typed as numbers, so 1.10 becomes 1.1: format the column as Text and type the codes again)",
  'title-empty': 'the title is empty',
  'parent-invalid': "'{value}' is not a criterion code like 1 or 1.7",
  'parent-unknown': "parent '{parent}' of '{code}' is not a code in this file",
  'parent-not-ancestor': "'{parent}' cannot be the parent of '{code}': a parent's code starts its children's codes (1.7 of 1.7.2)",
  'parent-nearer': "'{code}' has parent '{parent}' although '{nearer}' is in the pack",
  'parent-missing': "'{code}' has no parent although '{nearer}' is in the pack",
  'points-invalid': "'{value}' is not a number of points ≥ 0",
  'points-below-children': "max points of '{code}' ({points}) are below the sum of its sub-criteria ({sum})",
  'date-invalid': "'{value}' is not a real date like 30/11/2023",
  // Evidence slots
  'slot-setting-invalid': "'{value}' is not a setting like 'tối thiểu: 2', 'hạn: 30/11/2023' or 'từ khóa: a, b'",
  'slot-setting-unknown': "'{value}' is not a slot setting (use 'tối thiểu', 'hạn' or 'từ khóa')",
  'slot-min-invalid': "minimum count '{value}' is not a whole number ≥ 0",
  'slot-type-unknown': "'{value}' is not a known document type code (KH, BC, QĐ, TB, HD, CTr, QC, QyĐ, ĐA, CV, …)",
  'slot-id-empty': "an evidence slot of '{code}' has no id",
  'slot-id-duplicate': "evidence slot id '{slot}' is used twice",
  'slot-label-empty': "evidence slot '{slot}' has no label",
  'slots-on-parent': "'{code}' has sub-criteria, so its own evidence slots are not counted (leaves carry the evidence)",
} as const;

export type PackProblemKind = keyof typeof PACK_PROBLEM_EN;
export type PackProblemParams = Record<string, string | number>;

export interface PackProblemFact {
  kind: PackProblemKind;
  params: PackProblemParams;
}

/** Fills "{name}" placeholders; a missing value stays visible as "{name}" rather than vanishing. */
export function fillTemplate(template: string, params: PackProblemParams): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (params[name] !== undefined ? String(params[name]) : whole));
}

/** The CLI's English sentence for a fact. */
export function packProblemMessage(f: PackProblemFact): string {
  return fillTemplate(PACK_PROBLEM_EN[f.kind], f.params);
}

export function packFact(kind: PackProblemKind, params: PackProblemParams = {}): PackProblemFact {
  return { kind, params };
}

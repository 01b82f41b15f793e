// Criteria packs: built-in, imported (JSON / CSV / XLSX), exported (XLSX), stored per user.

export { builtinPack, builtinPackDir, builtinPackList, isBuiltinPackId } from './builtin.js';
export { PackError, PackImportError, PackNotFoundError, formatProblem, type PackProblem } from './errors.js';
export { exportPackXlsx, buildPackWorkbook } from './export-xlsx.js';
export { importPackFile, importPackFileWithWarnings, PACK_FILE_EXTENSIONS, type ImportPackOptions } from './import.js';
export {
  appDataDir,
  findPack,
  getPack,
  listPacks,
  packLibraryDir,
  removePack,
  resolvePackArg,
  savePack,
  scanPackLibrary,
  type PackLibraryScan,
  type SavedPack,
} from './library.js';
export { deriveEvidenceSlots, deriveKeywords, parseDeadline } from './derive.js';

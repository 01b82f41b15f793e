// A workspace's stores, one per table (stores/*.ts, each holding all of its SQL), handed to the
// engine's domains as a reader and a writer (Signal Desktop's DataReader/DataWriter): a domain
// that only reads never gets the writer, and none gets the database. The writes that span tables
// (a file's content, document and search row; removing a root) are units of work here, each one
// transaction.
import type { Db } from './database.js';
import { faults } from './faults.js';
import { classifyStateStore, type ClassifyStateReader, type ClassifyStateWriter } from './stores/classify-state.js';
import { contentsStore, type ContentRow, type ContentsReader, type ContentsWriter } from './stores/contents.js';
import { documentsStore, type DocumentsReader, type DocumentsWriter, type HeaderValues, type PlacedDocument } from './stores/documents.js';
import { historyStore, type HistoryReader, type HistoryWriter } from './stores/history.js';
import { linksStore, type LinksReader, type LinksWriter } from './stores/links.js';
import { manualLinksStore, type ManualLinksReader, type ManualLinksWriter } from './stores/manual-links.js';
import { notesStore, type NotesReader, type NotesWriter } from './stores/notes.js';
import { reviewsStore, type ReviewsWriter } from './stores/reviews.js';
import { rootsStore, type RootsReader, type RootsWriter } from './stores/roots.js';
import { scoresStore, type ScoresReader, type ScoresWriter } from './stores/scores.js';
import { searchStore, type SearchReader, type SearchWriter } from './stores/search.js';
import { settingsStore, type SettingsReader, type SettingsWriter } from './stores/settings.js';
import { correctionsStore, type CorrectionsReader, type CorrectionsWriter } from './stores/corrections.js';
import { suggestionsStore, type SuggestionsReader, type SuggestionsWriter } from './stores/suggestions.js';
import { officesStore, type OfficesReader, type OfficesWriter } from './stores/offices.js';
import { officeAliasesStore, type OfficeAliasesReader, type OfficeAliasesWriter } from './stores/office-aliases.js';
import { officeMembersStore, type OfficeMembersReader, type OfficeMembersWriter } from './stores/office-members.js';
import { submissionsStore, type SubmissionsReader, type SubmissionsWriter } from './stores/submissions.js';
import { decisionImportsStore, type DecisionImportsReader, type DecisionImportsWriter } from './stores/decision-imports.js';
import { appraisedScoresStore, type AppraisedScoresReader, type AppraisedScoresWriter } from './stores/appraised-scores.js';
import { appraisedDocumentsStore, type AppraisedDocumentsReader, type AppraisedDocumentsWriter } from './stores/appraised-documents.js';
import { appraisalTasksStore, type AppraisalTasksReader, type AppraisalTasksWriter } from './stores/appraisal-tasks.js';
import { appraisalRoundsStore, type AppraisalRoundsReader, type AppraisalRoundsWriter } from './stores/appraisal-rounds.js';
import { appraisalCriteriaStore, type AppraisalCriteriaReader, type AppraisalCriteriaWriter } from './stores/appraisal-criteria.js';
import { appraisalEvidenceStore, type AppraisalEvidenceReader, type AppraisalEvidenceWriter } from './stores/appraisal-evidence.js';
import { appraisalScoresStore, type AppraisalScoresReader, type AppraisalScoresWriter } from './stores/appraisal-scores.js';
import { appraisalDecisionsStore, type AppraisalDecisionsReader, type AppraisalDecisionsWriter } from './stores/appraisal-decisions.js';
import { trustedRootsStore, type TrustedRootsReader, type TrustedRootsWriter } from './stores/trusted-roots.js';
import { appraisalRequestsStore, type AppraisalRequestsReader, type AppraisalRequestsWriter } from './stores/appraisal-requests.js';

export interface DataReader {
  readonly contents: ContentsReader;
  readonly documents: DocumentsReader;
  readonly search: SearchReader;
  readonly links: LinksReader;
  readonly notes: NotesReader;
  readonly manualLinks: ManualLinksReader;
  readonly scores: ScoresReader;
  readonly history: HistoryReader;
  readonly roots: RootsReader;
  readonly settings: SettingsReader;
  readonly classifyState: ClassifyStateReader;
  readonly corrections: CorrectionsReader;
  readonly suggestions: SuggestionsReader;
  readonly offices: OfficesReader;
  readonly officeAliases: OfficeAliasesReader;
  readonly officeMembers: OfficeMembersReader;
  // The appraisal round trip, unit side (issue 15).
  readonly submissions: SubmissionsReader;
  readonly decisionImports: DecisionImportsReader;
  readonly appraisedScores: AppraisedScoresReader;
  readonly appraisedDocuments: AppraisedDocumentsReader;
  readonly appraisalTasks: AppraisalTasksReader;
  readonly trustedRoots: TrustedRootsReader;
  /**
   * Changes whenever the database may have changed: a commit by another connection (PRAGMA
   * data_version) or any row this connection wrote (total_changes(), triggers included). Null
   * inside a transaction, whose writes may yet be rolled back: nothing read there can be kept.
   */
  changeStamp(): string | null;
}

export interface DataWriter {
  readonly contents: ContentsWriter;
  readonly documents: DocumentsWriter;
  readonly search: SearchWriter;
  readonly links: LinksWriter;
  readonly notes: NotesWriter;
  readonly manualLinks: ManualLinksWriter;
  readonly reviews: ReviewsWriter;
  readonly scores: ScoresWriter;
  readonly history: HistoryWriter;
  readonly roots: RootsWriter;
  readonly settings: SettingsWriter;
  readonly classifyState: ClassifyStateWriter;
  readonly corrections: CorrectionsWriter;
  readonly suggestions: SuggestionsWriter;
  readonly offices: OfficesWriter;
  readonly officeAliases: OfficeAliasesWriter;
  readonly officeMembers: OfficeMembersWriter;
  readonly submissions: SubmissionsWriter;
  readonly decisionImports: DecisionImportsWriter;
  readonly appraisedScores: AppraisedScoresWriter;
  readonly appraisedDocuments: AppraisedDocumentsWriter;
  readonly appraisalTasks: AppraisalTasksWriter;
  readonly trustedRoots: TrustedRootsWriter;
  /** Run `fn` in one transaction (nested calls join the outer one). */
  transaction<T>(fn: () => T): T;
  /**
   * One file's writes, in one transaction: its content when newly read, its document row and
   * its search row. A failure anywhere leaves none of them.
   */
  saveFile(doc: PlacedDocument, header: HeaderValues, content: ContentRow, newContent: boolean): string;
  /** A document's row and search row again (its header recognised anew), in one transaction. */
  refreshDocument(doc: Required<PlacedDocument>, header: HeaderValues, content: ContentRow): void;
  removeDocuments(docs: readonly { id: string; rowid: number }[]): void;
  removeRoot(rootId: number): void;
}

export interface RepairReport {
  searchRowsAdded: number;
  searchRowsRemoved: number;
}

export class WorkspaceData {
  readonly reader: DataReader;
  readonly writer: DataWriter;

  constructor(private readonly db: Db) {
    const contents = contentsStore(db);
    const documents = documentsStore(db);
    const search = searchStore(db);
    const links = linksStore(db);
    const notes = notesStore(db);
    const manualLinks = manualLinksStore(db);
    const reviews = reviewsStore(db);
    const scores = scoresStore(db);
    const history = historyStore(db);
    const roots = rootsStore(db);
    const settings = settingsStore(db);
    const classifyState = classifyStateStore(db);
    const corrections = correctionsStore(db);
    const suggestions = suggestionsStore(db);
    const offices = officesStore(db);
    const officeAliases = officeAliasesStore(db);
    const officeMembers = officeMembersStore(db);
    const submissions = submissionsStore(db);
    const decisionImports = decisionImportsStore(db);
    const appraisedScores = appraisedScoresStore(db);
    const appraisedDocuments = appraisedDocumentsStore(db);
    const appraisalTasks = appraisalTasksStore(db);
    const trustedRoots = trustedRootsStore(db);
    const totalChanges = db.prepare('SELECT total_changes()').pluck();
    this.reader = {
      changeStamp: () => (db.inTransaction ? null : `${String(db.pragma('data_version', { simple: true }))}:${String(totalChanges.get())}`),
      contents: contents.reader,
      documents: documents.reader,
      search: search.reader,
      links: links.reader,
      notes: notes.reader,
      manualLinks: manualLinks.reader,
      scores: scores.reader,
      history: history.reader,
      roots: roots.reader,
      settings: settings.reader,
      classifyState: classifyState.reader,
      corrections: corrections.reader,
      suggestions: suggestions.reader,
      offices: offices.reader,
      officeAliases: officeAliases.reader,
      officeMembers: officeMembers.reader,
      submissions: submissions.reader,
      decisionImports: decisionImports.reader,
      appraisedScores: appraisedScores.reader,
      appraisedDocuments: appraisedDocuments.reader,
      appraisalTasks: appraisalTasks.reader,
      trustedRoots: trustedRoots.reader,
    };
    const transaction = <T>(fn: () => T): T => db.transaction(fn)();
    const putDocument = (doc: PlacedDocument, header: HeaderValues, content: ContentRow): string => {
      const { id, rowid } = documents.writer.save(doc, header);
      suggestions.writer.put(id, header.suggestions ?? {});
      faults.betweenDocumentWrites?.(doc.relPath);
      search.writer.put(rowid, { relPath: doc.relPath, number: header.number, title: header.title, body: content.full_text });
      // A hand correction of this content outlives the rescan in search too.
      if (corrections.reader.of(doc.sha256).length > 0) search.writer.refreshContent(doc.sha256);
      return id;
    };
    this.writer = {
      contents: contents.writer,
      documents: documents.writer,
      search: search.writer,
      links: links.writer,
      notes: notes.writer,
      manualLinks: manualLinks.writer,
      reviews: reviews.writer,
      scores: scores.writer,
      history: history.writer,
      roots: roots.writer,
      settings: settings.writer,
      classifyState: classifyState.writer,
      corrections: corrections.writer,
      suggestions: suggestions.writer,
      offices: offices.writer,
      officeAliases: officeAliases.writer,
      officeMembers: officeMembers.writer,
      submissions: submissions.writer,
      decisionImports: decisionImports.writer,
      appraisedScores: appraisedScores.writer,
      appraisedDocuments: appraisedDocuments.writer,
      appraisalTasks: appraisalTasks.writer,
      trustedRoots: trustedRoots.writer,
      transaction,
      saveFile: (doc, header, content, newContent) =>
        transaction(() => {
          if (newContent) contents.writer.save(content);
          return putDocument(doc, header, content);
        }),
      refreshDocument: (doc, header, content) => void transaction(() => putDocument(doc, header, content)),
      removeDocuments: (docs) =>
        transaction(() => {
          for (const d of docs) {
            search.writer.remove(d.rowid);
            documents.writer.delete(d.id);
          }
        }),
      removeRoot: (rootId) =>
        transaction(() => {
          search.writer.removeUnderRoot(rootId);
          roots.writer.delete(rootId);
        }),
    };
  }

  /** Checks what older versions could leave inconsistent and repairs it (run on every open). */
  repair(): RepairReport {
    // Checked by reading first: a write here, on every open, made a read-only `kiemchung history`
    // wait for the app's running scan and fail as busy after 5 s (CI, stop 19).
    if (!this.reader.search.needsRepair()) return { searchRowsAdded: 0, searchRowsRemoved: 0 };
    try {
      const r = this.writer.transaction(() => this.writer.search.repair());
      return { searchRowsAdded: r.added, searchRowsRemoved: r.removed };
    } catch (e) {
      // Another program writes the workspace now: the next open repairs; reading goes on.
      if (/^SQLITE_(BUSY|LOCKED)/.test(String((e as { code?: unknown }).code))) return { searchRowsAdded: 0, searchRowsRemoved: 0 };
      throw e;
    }
  }

  /** Fold the WAL into the database file (benchmarks copy a workspace as one file). */
  checkpoint(): void {
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  close(): void {
    this.db.close();
  }
}

// The appraisal workspace's stores (the Sở Nội vụ side, main/engine/appraisal/): its own database
// file, with the kind marker in the settings table.
export interface AppraisalReader {
  readonly settings: SettingsReader;
  readonly rounds: AppraisalRoundsReader;
  readonly criteria: AppraisalCriteriaReader;
  readonly evidence: AppraisalEvidenceReader;
  readonly scores: AppraisalScoresReader;
  readonly decisions: AppraisalDecisionsReader;
  readonly requests: AppraisalRequestsReader;
}

export interface AppraisalWriter {
  readonly settings: SettingsWriter;
  readonly rounds: AppraisalRoundsWriter;
  readonly criteria: AppraisalCriteriaWriter;
  readonly evidence: AppraisalEvidenceWriter;
  readonly scores: AppraisalScoresWriter;
  readonly decisions: AppraisalDecisionsWriter;
  readonly requests: AppraisalRequestsWriter;
  transaction<T>(fn: () => T): T;
}

export class AppraisalData {
  readonly reader: AppraisalReader;
  readonly writer: AppraisalWriter;

  constructor(private readonly db: Db) {
    const settings = settingsStore(db);
    const rounds = appraisalRoundsStore(db);
    const criteria = appraisalCriteriaStore(db);
    const evidence = appraisalEvidenceStore(db);
    const scores = appraisalScoresStore(db);
    const decisions = appraisalDecisionsStore(db);
    const requests = appraisalRequestsStore(db);
    this.reader = { settings: settings.reader, rounds: rounds.reader, criteria: criteria.reader, evidence: evidence.reader, scores: scores.reader, decisions: decisions.reader, requests: requests.reader };
    this.writer = {
      settings: settings.writer,
      rounds: rounds.writer,
      criteria: criteria.writer,
      evidence: evidence.writer,
      scores: scores.writer,
      decisions: decisions.writer,
      requests: requests.writer,
      transaction: <T>(fn: () => T): T => db.transaction(fn)(),
    };
  }

  close(): void {
    this.db.close();
  }
}

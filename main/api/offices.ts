// offices:* — what each responsible office still owes, criterion by criterion, by batch (đợt);
// the office registry (names, aliases, groups, the office of each evidence folder); reminders by
// batch as a list or written to a file (letters .docx/.pdf, the list .xlsx).
import { missingByOffice } from '../engine/offices/missing.js';
import { addOffice, listOffices, mergeOffices, removeOffice, renameOffice, setAlias, setFolderOffice, setMembers } from '../engine/offices/registry.js';
import { absolute } from './paths.js';
import { defineDomain } from './registry.js';
import type { Session } from './session.js';

const remind = () => import('../engine/remind/write.js');
const model = () => import('../engine/remind/model.js');

const remindOptions = (args: { office?: string | undefined; batch?: string | undefined }) => ({
  ...(args.office !== undefined ? { office: args.office } : {}),
  ...(args.batch !== undefined ? { batch: args.batch } : {}),
});

/** A registry edit may rename folders' offices: views that show them reload (the watch is untouched). */
function edited<T>(session: Session, result: T): T {
  session.emit('workspace:changed', session.info());
  return result;
}

export const officesDomain = defineDomain('offices', {
  'offices:missing': (args, { session }) => missingByOffice(session.require(), args.office ? { office: args.office } : {}),
  'offices:list': (_args, { session }) => listOffices(session.require()),
  'offices:add': (args, { session }) => edited(session, addOffice(session.require(), args.name, args.group ? 'group' : 'office')),
  'offices:rename': (args, { session }) => edited(session, renameOffice(session.require(), args.office, args.name)),
  'offices:merge': (args, { session }) => edited(session, mergeOffices(session.require(), args.office, args.into)),
  'offices:alias': (args, { session }) => edited(session, setAlias(session.require(), args.office, args.alias, args.remove ?? false)),
  'offices:members': (args, { session }) => edited(session, setMembers(session.require(), args.group, args.members)),
  'offices:remove': (args, { session }) => edited(session, removeOffice(session.require(), args.office)),
  'offices:setFolderOffice': (args, { session }) => edited(session, setFolderOffice(session.require(), absolute(args.dir, 'offices:setFolderOffice', 'dir'), args.office)),
  'offices:reminders': async (args, { session }) => (await model()).buildReminders(session.require(), remindOptions(args)),
  'offices:remind': async (args, { session }) =>
    (await remind()).writeReminders(session.require(), absolute(args.out, 'offices:remind', 'out'), { ...remindOptions(args), ...(args.kind ? { kind: args.kind } : {}) }),
});

// dialog:* — native pickers. Electron's main process answers these itself (main/electron/main.ts);
// elsewhere the shell has none and the caller types the path.
import { ApiFailure } from './errors.js';
import { defineDomain } from './registry.js';

export const dialogDomain = defineDomain('dialog', {
  'dialog:pickFolder': async (args, { shell }) => {
    if (!shell.pickFolder) throw new ApiFailure('unavailable', { what: 'dialog', ref: null }, 'Folder dialogs exist only in the desktop app; type the folder path instead.');
    return shell.pickFolder(args.title);
  },
  'dialog:pickSaveFile': async (args, { shell }) => {
    if (!shell.pickSaveFile) throw new ApiFailure('unavailable', { what: 'dialog', ref: null }, 'File dialogs exist only in the desktop app; type the file path instead.');
    return shell.pickSaveFile(args.title, args.defaultName);
  },
});

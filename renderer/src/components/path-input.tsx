// A path field with a "Choose…" button that opens the native dialog in the desktop app; on the
// web bridge there is no dialog, so the user types or pastes the path.
import { useI18n } from '../i18n/index.js';
import { useApp } from '../state.js';

export function PathInput(props: { value: string; onChange: (v: string) => void; kind: 'folder' | 'save'; testId?: string; placeholder?: string; defaultName?: string }) {
  const { t } = useI18n();
  const { client, run } = useApp();
  return (
    <span className="path-input">
      <input value={props.value} onChange={(e) => props.onChange(e.target.value)} data-testid={props.testId} placeholder={props.placeholder} spellCheck={false} />
      {client.shell === 'electron' && (
        <button
          type="button"
          onClick={() =>
            void (props.kind === 'folder' ? run('dialog:pickFolder', {}) : run('dialog:pickSaveFile', props.defaultName ? { defaultName: props.defaultName } : {})).then((p) => {
              if (p) props.onChange(p);
            })
          }
        >
          {t('common.choose')}
        </button>
      )}
    </span>
  );
}

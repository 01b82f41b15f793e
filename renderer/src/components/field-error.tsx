// The reason a typed value was refused, in words from the catalogue, next to its field.
import type { Parsed } from '../../../shared/parse-input.js';
import { useI18n } from '../i18n/index.js';
import { formatNumber } from '../format.js';

export function FieldError({ parsed, testId }: { parsed: Parsed<unknown>; testId: string }) {
  const { t, lang } = useI18n();
  if (parsed.ok) return null;
  return (
    <span className="field-error" role="alert" data-testid={testId} data-reason={parsed.reason}>
      {t(`input.${parsed.reason}`, { min: formatNumber(parsed.min ?? 0, lang), max: formatNumber(parsed.max ?? 0, lang) })}
    </span>
  );
}

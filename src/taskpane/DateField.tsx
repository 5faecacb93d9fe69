import { useState } from 'react';
import { Field, Input } from '@fluentui/react-components';
import { cellDate, messages, parseDayMonthYear, type Lang } from '../i18n';
import { isIsoDate, type IsoDate } from '../rules';
import { useFormStyles } from './form-styles';

/**
 * A date typed the Vietnamese way, dd/mm/yyyy, whatever the browser's locale (an <input type="date">
 * shows the browser's own order: 12/04/2026 for 4 December in an en-US browser). Under it, the date
 * read back in words ("Tức ngày 04 tháng 12 năm 2026"), or what is wrong once the field is left;
 * the label, the hint and the error are the field's accessible description. `onChange` gets the
 * date, or undefined while the text is not a date.
 */
export function DateField({
  label,
  value,
  onChange,
  lang,
  disabled,
  testId,
}: {
  label: string;
  value?: IsoDate;
  onChange: (date: IsoDate | undefined) => void;
  lang: Lang;
  disabled?: boolean;
  testId?: string;
}) {
  const styles = useFormStyles();
  const t = messages(lang).taskpane;
  const [text, setText] = useState(value ? cellDate(value) : '');
  const [left, setLeft] = useState(false);
  const date = readDate(text);
  const wrong = text.trim() !== '' && !date;
  return (
    <Field
      label={label}
      hint={date ? t.dateReads(date) : t.dateHint}
      validationState={wrong && left ? 'error' : 'none'}
      validationMessage={wrong && left ? t.dateInvalid : undefined}
    >
      <Input
        className={styles.fill}
        data-testid={testId}
        value={text}
        placeholder="dd/mm/yyyy"
        inputMode="numeric"
        autoComplete="off"
        disabled={disabled}
        onChange={(_, d) => {
          setText(d.value);
          onChange(readDate(d.value));
        }}
        onBlur={() => setLeft(true)}
      />
    </Field>
  );
}

/** dd/mm/yyyy (also d/m/yyyy, with "-" or "."), or a date already written yyyy-mm-dd. */
function readDate(text: string): IsoDate | undefined {
  return parseDayMonthYear(text) ?? (isIsoDate(text.trim()) ? text.trim() : undefined);
}

import type { FieldError } from './schedule-draft';

interface Props {
  id: string;
  label: string;
  value: string;
  onChange(next: string): void;
  placeholder?: string;
  hint?: string;
  error: FieldError | null;
  rows?: number;
  children?: React.ReactNode;
}

/** The line the error is on, with a caret under the column (a monospace copy of the text). */
function ErrorCaret({ text, line, column }: { text: string; line: number; column: number }) {
  const lineText = text.split('\n')[line - 1] ?? '';
  const col = Math.max(1, Math.min(column, lineText.length + 1));
  return (
    <div className="query-caret" data-line={line} data-column={column} aria-label={`Error at line ${line}, column ${column}`}>
      <pre className="query-caret-text">
        {lineText.slice(0, col - 1)}
        <mark>{lineText.slice(col - 1, col) || ' '}</mark>
        {lineText.slice(col)}
      </pre>
      <pre className="query-caret-mark" aria-hidden="true">
        {`${' '.repeat(col - 1)}^`}
      </pre>
    </div>
  );
}

/** A monospace text field for a filter or a recurrence; a coded error shows under it, pointing at the column. */
export function QueryField({ id, label, value, onChange, placeholder, hint, error, rows = 2, children }: Props) {
  const described = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div className={`form-field query-field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        className="mono query-input"
        rows={rows}
        spellCheck={false}
        autoComplete="off"
        value={value}
        placeholder={placeholder}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        onChange={(e) => onChange(e.target.value)}
      />
      {children}
      {hint && !error && (
        <div className="field-hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {error && (
        <div className="field-error" id={`${id}-error`} role="alert">
          {error.column !== null && error.line !== null && value.trim() !== '' && <ErrorCaret text={value} line={error.line} column={error.column} />}
          <span className="error-code small-code">{error.code}</span> {error.message}
        </div>
      )}
    </div>
  );
}

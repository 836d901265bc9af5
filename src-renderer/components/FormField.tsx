import type { ReactNode } from 'react';

interface Props {
  id: string;
  label: string;
  required?: boolean;
  hint?: string;
  error?: string | null;
  children: ReactNode;
  inline?: boolean;
}

/** A label, a control, a hint and an inline error, wired with for/aria-describedby ids. */
export function FormField({ id, label, required, hint, error, children, inline }: Props) {
  return (
    <div className={`form-field${inline ? ' inline' : ''}${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required && (
          <span className="required" aria-hidden="true" title="required">
            {' '}*
          </span>
        )}
      </label>
      {children}
      {hint && !error && (
        <div className="field-hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {error && (
        <div className="field-error" id={`${id}-error`} role="alert">
          {error}
        </div>
      )}
    </div>
  );
}

import { adviceFor } from '../api/errors';

interface Props {
  error: { code: string; message: string } | null | undefined;
  onRetry?(): void;
  compact?: boolean;
}

/** A coded error with what to do about it; never a stack trace. */
export function ErrorBox({ error, onRetry, compact }: Props) {
  if (!error) return null;
  const advice = adviceFor(error.code);
  return (
    <div className={`error-box${compact ? ' compact' : ''}`} role="alert">
      <div className="error-line">
        <span className="error-code">{error.code}</span>
        <span className="error-message">{error.message}</span>
      </div>
      {advice && <div className="error-advice">{advice}</div>}
      {onRetry && (
        <button type="button" className="button small" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  );
}

/** A primary key shown as its type (muted) and natural key. */
export function PkLabel({ pk }: { pk: string }) {
  const bar = pk.indexOf('|');
  if (bar < 0) return <span className="pk">{pk}</span>;
  return (
    <span className="pk" title={pk}>
      <span className="pk-type">{pk.slice(0, bar)}</span>
      <span className="pk-sep">|</span>
      <span className="pk-key">{pk.slice(bar + 1)}</span>
    </span>
  );
}

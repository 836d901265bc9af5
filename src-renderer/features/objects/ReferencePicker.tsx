import { useEffect, useId, useState } from 'react';
import type { ObjectSummary } from '../../../src-main/api/types';
import { api } from '../../api/client';
import { PkLabel } from '../../components/PkLabel';

interface Props {
  id: string;
  org: string;
  /** allowed target types (abstract ones include their subtypes) */
  refTypes: readonly string[];
  value: string;
  onChange(value: string): void;
  invalid?: boolean;
  describedBy?: string;
}

const SEARCH_DEBOUNCE_MS = 150;

/**
 * A combobox over existing objects of the allowed types (objects.list with search). The user may
 * also type a full primary key such as `Network|internet`.
 */
export function ReferencePicker({ id, org, refTypes, value, onChange, invalid, describedBy }: Props) {
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [matches, setMatches] = useState<ObjectSummary[]>([]);
  const [active, setActive] = useState(-1);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!open) return;
    let stale = false;
    const t = window.setTimeout(async () => {
      try {
        const text = value.includes('|') ? value.slice(value.indexOf('|') + 1) : value;
        const page = await api().call('objects.list', { org, types: refTypes.length ? [...refTypes] : undefined, search: text.trim() || undefined, limit: 8 });
        if (!stale) {
          setMatches(page.items);
          setFailed(false);
          setActive(-1);
        }
      } catch {
        if (!stale) setFailed(true);
      }
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      stale = true;
      window.clearTimeout(t);
    };
  }, [open, value, org, refTypes]);

  const choose = (pk: string) => {
    onChange(pk);
    setOpen(false);
  };

  return (
    <div className="combobox">
      <input
        id={id}
        className="mono"
        role="combobox"
        aria-expanded={open && matches.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-invalid={invalid}
        aria-describedby={describedBy}
        aria-activedescendant={active >= 0 ? `${listId}-${active}` : undefined}
        autoComplete="off"
        placeholder={`${refTypes[0] ?? 'Type'}|…  or search`}
        value={value}
        onChange={(e) => {
          onChange(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => window.setTimeout(() => setOpen(false), 120)}
        onKeyDown={(e) => {
          if (!open || matches.length === 0) return;
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive((a) => Math.min(matches.length - 1, a + 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(-1, a - 1));
          } else if (e.key === 'Enter' && active >= 0) {
            e.preventDefault();
            choose(matches[active].pk);
          } else if (e.key === 'Escape') {
            e.stopPropagation();
            e.nativeEvent.stopImmediatePropagation();
            setOpen(false);
          }
        }}
      />
      {open && (matches.length > 0 || failed) && (
        <ul className="combobox-list" role="listbox" id={listId} aria-label="Matching objects">
          {failed && <li className="combobox-empty">Could not search objects.</li>}
          {matches.map((m, i) => (
            <li
              key={m.pk}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(m.pk);
              }}
            >
              <PkLabel pk={m.pk} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

import { useEffect } from 'react';
import { useStore } from '../../stores/store';

/** 'system' follows prefers-color-scheme through CSS; an explicit choice pins data-theme. */
export function useTheme(): void {
  const theme = useStore((s) => s.theme);
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'system') delete root.dataset.theme;
    else root.dataset.theme = theme;
  }, [theme]);
}

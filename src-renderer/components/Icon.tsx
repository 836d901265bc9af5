/** A few line icons drawn inline (the app is offline: no icon fonts, no CDNs). */
const PATHS = {
  edit: 'M11.5 2.5l2 2L6 12H4v-2l7.5-7.5z',
  trash: 'M3 4.5h10M6.5 4.5V3h3v1.5M4.5 4.5l.7 8.5h5.6l.7-8.5',
  search: 'M7 12a5 5 0 1 0 0-10 5 5 0 0 0 0 10zM10.7 10.7L14 14',
  close: 'M4 4l8 8M12 4l-8 8',
  plus: 'M8 3v10M3 8h10',
  upload: 'M8 11V3M4.5 6.5L8 3l3.5 3.5M3 13h10',
  back: 'M10 3L5 8l5 5',
  sun: 'M8 5.5a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5zM8 1.5v1.5M8 13v1.5M1.5 8H3M13 8h1.5M3.4 3.4l1 1M11.6 11.6l1 1M3.4 12.6l1-1M11.6 4.4l1-1',
  clock: 'M8 14A6 6 0 1 0 8 2a6 6 0 0 0 0 12zM8 4.5V8l2.5 1.5',
  bell: 'M4 11V7a4 4 0 0 1 8 0v4l1 1.5H3L4 11zM6.5 14h3',
  bellOff: 'M4 11V7a4 4 0 0 1 8 0v4l1 1.5H3L4 11zM6.5 14h3M2 2l12 12',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 14 }: { name: IconName; size?: number }) {
  return (
    <svg className="icon" width={size} height={size} viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d={PATHS[name]} />
    </svg>
  );
}

import type { ReactNode } from 'react';

/**
 * Line icons the agenda needs beyond ui/icons.tsx, drawn the same way (24×24, round strokes,
 * currentColor), decorative: the control holding one carries the label.
 */
const PATHS = {
  calendar: (
    <>
      <rect x="4" y="5" width="16" height="16" rx="2" />
      <path d="M16 3v4M8 3v4M4 11h16M8 15h2v2H8z" />
    </>
  ),
  chevronLeft: <path d="m15 6-6 6 6 6" />,
  chevronRight: <path d="m9 6 6 6-6 6" />,
  arrived: (
    <>
      <path d="M14 8V6a2 2 0 0 0-2-2H5a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h7a2 2 0 0 0 2-2v-2" />
      <path d="M21 12H9m3-3-3 3 3 3" />
    </>
  ),
  seen: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="m9 12 2 2 4-4" />
    </>
  ),
  noshow: (
    <>
      <circle cx="10" cy="7" r="4" />
      <path d="M4 21v-2a4 4 0 0 1 4-4h4M17 17l4 4m0-4-4 4" />
    </>
  ),
  move: <path d="M4 8h13m-3-3 3 3-3 3M20 16H7m3-3-3 3 3 3" />,
  cancel: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="m5.7 5.7 12.6 12.6" />
    </>
  ),
  chart: <path d="M4 20h16M7 16v-5M12 16V7M17 16v-8" />,
  late: (
    <>
      <circle cx="12" cy="13" r="8" />
      <path d="M12 9v4l2 2M5 3 2 6M22 6l-3-3" />
    </>
  ),
  shield: <path d="M12 3 5 6v6c0 4.4 3 7.8 7 9 4-1.2 7-4.6 7-9V6z" />,
  mapPin: (
    <>
      <circle cx="12" cy="11" r="3" />
      <path d="M17.66 16.66 13.41 20.9a2 2 0 0 1-2.82 0l-4.25-4.24a8 8 0 1 1 11.32 0z" />
    </>
  ),
  stethoscope: (
    <>
      <path d="M6 4H5a1 1 0 0 0-1 1v4a5 5 0 0 0 10 0V5a1 1 0 0 0-1-1h-1" />
      <path d="M9 14v1a5 5 0 0 0 10 0v-2" />
      <circle cx="19" cy="11" r="2" />
    </>
  ),
  plus: <path d="M12 5v14M5 12h14" />,
  history: <path d="M12 8v4l2 2M3.05 11a9 9 0 1 1 .5 4M3 20v-5h5" />,
} satisfies Record<string, ReactNode>;

export type AgendaIconName = keyof typeof PATHS;

export function AgendaIcon({ name, size = 18 }: { name: AgendaIconName; size?: number }) {
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.9}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {PATHS[name]}
    </svg>
  );
}

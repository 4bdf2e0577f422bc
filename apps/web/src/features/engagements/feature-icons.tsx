/**
 * Icons this feature needs beyond the shared set (drawn after Tabler Icons, MIT), in the same style as
 * `components/icons`. Decorative: label the control, not the icon.
 */
import type { SVGProps } from 'react';
import { Icon as SharedIcon, type IconName as SharedIconName } from '../../components/icons';

const EXTRA_PATHS = {
  pause: [
    'M6 5a1 1 0 0 1 1 -1h2a1 1 0 0 1 1 1v14a1 1 0 0 1 -1 1h-2a1 1 0 0 1 -1 -1z',
    'M14 5a1 1 0 0 1 1 -1h2a1 1 0 0 1 1 1v14a1 1 0 0 1 -1 1h-2a1 1 0 0 1 -1 -1z',
  ],
  play: ['M7 4v16l13 -8z'],
  stop: ['M5 7a2 2 0 0 1 2 -2h10a2 2 0 0 1 2 2v10a2 2 0 0 1 -2 2h-10a2 2 0 0 1 -2 -2z'],
  arrowUp: ['M12 5l0 14', 'M18 11l-6 -6', 'M6 11l6 -6'],
  arrowDown: ['M12 5l0 14', 'M18 13l-6 6', 'M6 13l6 6'],
  grip: [
    'M9 5m-1 0a1 1 0 1 0 2 0a1 1 0 1 0 -2 0',
    'M9 12m-1 0a1 1 0 1 0 2 0a1 1 0 1 0 -2 0',
    'M9 19m-1 0a1 1 0 1 0 2 0a1 1 0 1 0 -2 0',
    'M15 5m-1 0a1 1 0 1 0 2 0a1 1 0 1 0 -2 0',
    'M15 12m-1 0a1 1 0 1 0 2 0a1 1 0 1 0 -2 0',
    'M15 19m-1 0a1 1 0 1 0 2 0a1 1 0 1 0 -2 0',
  ],
  pencil: ['M4 20h4l10.5 -10.5a2.828 2.828 0 1 0 -4 -4l-10.5 10.5v4', 'M13.5 6.5l4 4'],
  link: [
    'M9 15l6 -6',
    'M11 6l.463 -.536a5 5 0 0 1 7.071 7.072l-.534 .464',
    'M13 18l-.397 .534a5.068 5.068 0 0 1 -7.127 0a4.972 4.972 0 0 1 0 -7.071l.524 -.463',
  ],
  upload: ['M4 17v2a2 2 0 0 0 2 2h12a2 2 0 0 0 2 -2v-2', 'M7 9l5 -5l5 5', 'M12 4l0 12'],
  scale: [
    'M7 20l10 0',
    'M6 6l6 -1l6 1',
    'M12 3l0 17',
    'M9 12l-3 -6l-3 6a3 3 0 0 0 6 0',
    'M21 12l-3 -6l-3 6a3 3 0 0 0 6 0',
  ],
  flag: ['M5 5a5 5 0 0 1 7 0a5 5 0 0 0 7 0v9a5 5 0 0 1 -7 0a5 5 0 0 0 -7 0v-9z', 'M5 21v-7'],
  question: ['M8 8a3.5 3 0 0 1 3.5 -3h1a3.5 3 0 0 1 3.5 3a3 3 0 0 1 -2 3a3 4 0 0 0 -2 4', 'M12 19l0 .01'],
  x: ['M18 6l-12 12', 'M6 6l12 12'],
} as const;

export type FeatureIconName = SharedIconName | keyof typeof EXTRA_PATHS;

interface FeatureIconProps extends Omit<SVGProps<SVGSVGElement>, 'name' | 'stroke'> {
  name: FeatureIconName;
  size?: number | string;
  stroke?: number;
}

function isExtra(name: FeatureIconName): name is keyof typeof EXTRA_PATHS {
  return name in EXTRA_PATHS;
}

export function Icon({ name, size = 20, stroke = 1.8, ...rest }: FeatureIconProps) {
  if (!isExtra(name)) {
    return <SharedIcon name={name} size={size} stroke={stroke} {...rest} />;
  }
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={stroke}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      {...rest}
    >
      {EXTRA_PATHS[name].map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}

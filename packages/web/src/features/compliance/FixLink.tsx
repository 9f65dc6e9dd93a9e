import { Anchor } from '@mantine/core';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import type { ReactNode } from 'react';

/** A result's fixPath (/systems/<id>#people) as a link inside the application. */
export function FixLink({ fixPath, children, label, color }: { fixPath: string; children: ReactNode; label?: string; color?: string }) {
  const [path = '', hash] = fixPath.split('#');
  const system = /^\/systems\/([^/]+)$/.exec(path);
  if (!system) {
    return (
      <Anchor href={fixPath} size="sm" aria-label={label} c={color}>
        {children}
      </Anchor>
    );
  }
  return (
    <AnchorLink
      to="/systems/$systemId"
      params={{ systemId: decodeURIComponent(system[1]!) }}
      hash={hash}
      size="sm"
      aria-label={label}
      c={color}
    >
      {children}
    </AnchorLink>
  );
}

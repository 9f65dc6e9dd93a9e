import { AnchorLink } from './AnchorLink.tsx';

/** Systems as links to their pages, comma-separated; `empty` when there are none. */
export function SystemLinks({ systems, empty = null }: { systems: ReadonlyArray<{ id: string; name: string }>; empty?: string | null }) {
  if (systems.length === 0) return <>{empty}</>;
  return (
    <>
      {systems.map((system, index) => (
        <span key={system.id}>
          {index > 0 && ', '}
          <AnchorLink to="/systems/$systemId" params={{ systemId: system.id }} size="sm">
            {system.name}
          </AnchorLink>
        </span>
      ))}
    </>
  );
}

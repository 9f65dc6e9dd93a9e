/**
 * Synthetic access rights for the engine's tests and `measure-evaluation` (issue #14), as the
 * compliance loader delivers them: per-system aggregates, a few exceptions and imported rights
 * of people never informed, leavers' rights inside and past their grace, recertification ages.
 */
import type { Random } from '../demo/random.ts';
import type { ComplianceSnapshot, SnapshotLeaverRight, SnapshotPerson, SnapshotSystem, SnapshotSystemAccess } from './snapshot.ts';

function dateDaysBefore(today: string, daysAgo: number): string {
  const day = new Date(`${today}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - daysAgo);
  return day.toISOString().slice(0, 10);
}

export function generateAccessRecords(
  random: Random,
  systems: readonly SnapshotSystem[],
  people: readonly SnapshotPerson[],
  today: string,
): Required<Pick<ComplianceSnapshot, 'accessRights'>> {
  const leavers = people.filter((person) => person.employmentStatus === 'left');
  const accessSystems: SnapshotSystemAccess[] = [];
  const leaverRights: SnapshotLeaverRight[] = [];
  const sampleOf = (exceptionReason: string | null) => {
    const person = random.pick(people);
    return {
      rightId: `right-${random.integer(1, 1e9)}`,
      personId: person.id,
      personName: person.name,
      levelName: 'Handläggare',
      activatedOn: dateDaysBefore(today, random.integer(1, 700)),
      exceptionReason,
    };
  };
  for (const system of systems) {
    // One system in ten has no rights recorded yet.
    if (people.length === 0 || random.chance(0.1)) continue;
    const exceptionRights = random.chance(0.1) ? random.integer(1, 3) : 0;
    const uninformedRights = random.chance(0.08) ? random.integer(1, 60) : 0;
    accessSystems.push({
      systemId: system.id,
      activeRights: random.integer(5, 400),
      exceptionRights,
      uninformedRights,
      exceptionSamples: Array.from({ length: Math.min(exceptionRights, 5) }, () => sampleOf('Börjar i dag, läser policyn i veckan')),
      uninformedSamples: Array.from({ length: Math.min(uninformedRights, 5) }, () => sampleOf(null)),
      oldestRecertification: dateDaysBefore(today, random.integer(10, 450)),
      oldestPrivilegedRecertification: random.chance(0.3) ? null : dateDaysBefore(today, random.integer(10, 250)),
      lastRecertifiedOn: random.chance(0.2) ? null : dateDaysBefore(today, random.integer(1, 300)),
      privilegedHolders: random.integer(0, 8),
    });
    if (leavers.length > 0 && random.chance(0.15)) {
      const leaver = random.pick(leavers);
      leaverRights.push({
        rightId: `right-${system.id}-${leaver.id}`,
        systemId: system.id,
        personId: leaver.id,
        personName: leaver.name,
        levelName: 'Läsare',
        leftOn: dateDaysBefore(today, random.integer(0, 20)),
      });
    }
  }
  return { accessRights: { systems: accessSystems, leaverRights } };
}
